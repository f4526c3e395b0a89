"""Finding the places an article names: gazetteer spellings, descriptions, and new names."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from geopy.distance import geodesic  # type: ignore[import-untyped]

from geodata.gazetteer import Gazetteer
from geodata.ingest.geocoding import GeocodedPlace, offline_capital, offline_country, province_of
from geodata.ingest.place_names import (
    FUNCTION_WORDS,
    PLACE_NOUNS,
    capitalised,
    capitalised_runs,
    could_be_place,
    in_list,
    in_title_line,
    is_dateline,
    is_demonym,
    listed_before_place_noun,
    person_words,
    used_as_adjective,
)
from geodata.models import Place, PlaceKind, slug

# 'U.S.', 'U.A.E.': a dotted abbreviation is one word.
# 'St. Petersburg', 'Mt. Hermon': the abbreviation's stop belongs to the name.
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|(?:St|Mt|Ste)\.(?=\s+[A-Z])|[^\W_]+(?:[-'’](?!s\b)[^\W_]+)*([’']s\b)?"
)
_LONGEST = 7
_BASE_WORDS = re.compile(
    r"\b(?P<kind>air ?base|airfield|air field|naval (?:base|facility)|naval port|port facility|"
    r"logistics? (?:support )?(?:center|centre|point|base|facility)|base)"
    r"\s+(?P<relation>near|in|at|outside|close to|of)\s+"
    r"(?P<town>(?:the\s+|[A-Z][\w-]*['’]s\s+)(?:port\s+)?(?:city|town|port)\s+of\s+)?"
    r"(?:[A-Z][\w-]*['’]s\s+)?$",
    re.IGNORECASE,
)
_NAMED_BASE = re.compile(r"(?P<name>[A-Z][\w'’-]*)\s+$")
_PROVINCE_AFTER = re.compile(
    r"^\s+(?:and\s+(?P<other>[A-Z][\w-]+)\s+)?(?i:provinces?|governorates?)\b"
)
_OPENING = re.compile(r"(?:In|At|Near|From|Outside|Around|Across|Inside)\s+(?=\S)")
# Other words that open a sentence before a name: 'As Lebanon struggles', 'When Russia left'.
_OPENER = re.compile(
    r"(?:As|When|While|After|Before|Since|But|And|If|Once|Though|Although|Unlike|Like|So|Its|"
    r"His|Her|Their|Our)\s+"
    r"(?=\S)"
)
_SENTENCE_START = re.compile(r"(?:^|[\n.!?:;][\"”’)]*\s*|[\"“]\s*)$")
_LOCATIVE = re.compile(
    r"(?:\b(?:[Ii]n|[Aa]t|[Nn]ear|[Ff]rom|to|into|toward|towards|[Oo]utside|[Aa]round|[Aa]cross|"
    r"through|via|of|over|"
    # verbs of going, taking and striking, in any form: 'to enter Port Sudan', 'shelled Kafr Nabl'
    r"enter(?:s|ed|ing)?|reach(?:es|ed|ing)?|leav(?:e|es|ing)|left|tak(?:e|es|ing)|took|"
    r"captur(?:e|es|ed|ing)|seiz(?:e|es|ed|ing)|visit(?:s|ed|ing)?|shell(?:s|ed|ing)?|"
    r"bomb(?:s|ed|ing)?|raid(?:s|ed|ing)?|storm(?:s|ed|ing)?|besieg(?:e|es|ed|ing)|"
    r"evacuat(?:e|es|ed|ing)|cross(?:es|ed|ing)?))\s+"
    r"(?:the\s+)?(?:(?:city|town|port|village|province|region) of\s+)?"
    # 'in northern Idlib', 'into nearby al-Ashrafieh', 'in rural Damascus'
    r"(?:(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|"
    r"rural|nearby|neighbou?ring|coastal)\s+)?$"
)
# A name listed with a place just before it: "Abu Dhabi, United Arab Emirates",
# "Sweida city and Daraa".
_AFTER_PLACE = re.compile(
    r"(?:\s+(?:city|town|province|governorate|port))?(?:,\s+|\s+and\s+|\s+or\s+|,\s+and\s+)"
)
# Not 'the Druze town of Sweida': there the capitalised word describes the town.
# 'the Menagh airfield', 'Zvartnots international airport', 'al-Rafid, a village in ...';
# not 'the Druze town of Sweida': there the capitalised word describes the town.
_QUALIFIER = r"(?:(?!(?:the|a|an|of|for|in|at|to|and|or|by|with|from|on|as)\b)[a-z]+\s+)?"
_KIND_AFTER = re.compile(
    rf"^(?:\s+{_QUALIFIER}{PLACE_NOUNS}\b(?!\s+of\b)|,\s+(?:a|an|the)\s+{_QUALIFIER}"
    rf"{PLACE_NOUNS}\b)"
)
# 'the town of Shahba', 'her village, Al-Sanobar, ...' (not 'In the region, Reuters said').
_KIND_BEFORE = re.compile(
    rf"\b{PLACE_NOUNS}\s+of\s+$|\b(?:the|his|her|their|its|our|my)\s+{_QUALIFIER}"
    rf"{PLACE_NOUNS},\s+(?=$)"
)
_OUTLET_AFTER = re.compile(
    r"\s+(?:news\s+)?(?:agency|newspaper|daily|television|TV|radio|channel|times)\b", re.IGNORECASE
)
_AREA_WORD = re.compile(
    r"\s+(?:Strip|Heights|Valley|Plains?|Desert|Mountains|Hills|Peninsula|Coast|Islands?|"
    r"Oblast|Krai|(?P<generic>Governorate|Province|Region|District))$"
)
# A landform or area by its name is a place wherever the text names it: 'the occupied Golan
# Heights', 'on the Kish Island', 'Mount Hermon', 'Jebel al-Manea', 'Vladimir Oblast'; so is
# a name that opens with an Arabic word for a landform or a settlement ('Tal Abyad' hill,
# 'Kafr Nabl' village, 'Deir Hafer' monastery, 'Ain Issa' spring, 'Ras al-Ain' head,
# 'Khan Shaykhun' inn, 'Jisr al-Shughur' bridge, 'Beit Jinn' house, 'Bir', 'Marj', 'Qasr').
_LANDFORM = re.compile(
    r"^(?:Mount|Mt\.|Jebel|Jabal|Lake|Cape|Wadi|Tal|Tel|Tell|Kafr|Kfar|Deir|Ain|Ein|Ras|Khan|"
    r"Jisr|Beit|Bir|Marj|Qasr)\s+\S|"
    # a named work or landmark on land: 'Tishreen Dam', 'the Umayyad Mosque'
    r"\s+(?:Dam|Mosque|Church|Cathedral|Bridge|Palace|Citadel|Square|Airport|Prison|"
    r"(?:Air|Naval|Military)\s+Base|Airbase)$|"
    r"\s+(?:Strip|Heights|Valley|Desert|Mountains|Hills|Peninsula|Islands?|Oblast|Krai)$"
)
_WATER_OF = re.compile(r"\b(?:Gulf|Sea|Bay|Straits?)\s+of\s+$")
_NUMBERED_BASE = re.compile(
    r"\b\d{1,3}(?:st|nd|rd|th)\s+(?:[A-Z][a-z]+\s+)?(?:[Mm]ilitary\s+|[Aa]ir\s+|[Nn]aval\s+)?"
    r"[Bb]ase\b"
)
_AIRPORT = re.compile(r"\s+(?:International\s+|Military\s+)?Airport$")
# A place name that begins an organisation's ('Africa Corps', 'Israel Defense Forces',
# 'Damascus University') is not the place.
_ORGANISATION_AFTER = re.compile(
    r"\s+(?:[A-Z][\w'’-]+\s+){0,2}(?:Corps|Forces|Army|Brigades?|Division|Front|Party|Movement|"
    r"Council|Command|Committee|Agency|Company|Group|Institute|University|Bank|Foundation|"
    r"Airlines|Airways)\b"
)
_DATELINE_COUNTRY = re.compile(
    r"(?m)^(?P<town>[A-Z][A-Z.'’ -]*[A-Z]),\s+"
    r"(?P<country>[A-Za-z]+(?:\s+[A-Za-z]+)?)\s*(?:\(|[—–-])"
)
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,3}\b")
_OWNER_COUNTRY = re.compile(r"\b(?P<country>[A-Z][\w-]+)['’]s\s+$")
_NEAREST_KM = 60.0
_BASE_KM = 15.0
_BASE_AFTER = re.compile(r"^\s+(?:naval\s+|air\s*)?(?:[a-z]+\s+)?(?:bases?|facility|facilities)\b")
# 'bases in Khmeimim and Tartus': the names after 'bases in' are all bases.
_BASES_BEFORE = re.compile(
    r"\bbases\s+(?:in|at)\s+(?:[A-Z][\w'’-]+(?:,\s+|\s+and\s+|,\s+and\s+))+$"
)


Geocode = Callable[[str], GeocodedPlace | None]


@dataclass(frozen=True, slots=True)
class Mention:
    """A place named in the text: which place (or a new one), the words, and where."""

    text: str
    start: int
    end: int
    place: Place | None = None
    new: GeocodedPlace | None = None

    @property
    def key(self) -> str:
        """The gazetteer id, or the id a new place gets ("Al Ḩasakah" -> al-hasakah).

        Spellings of one place share it because the geocoder gives them one name
        ("Kamishli", "Qamishli" -> "Al Qāmishlī" -> al-qamishli). The id is that name
        transliterated (`slug`), never `name_key`: that key is for matching spellings and
        folds sounds ("Aden" -> "adin", "United States" -> "unitidstatis"), so it is no name.
        """
        if self.place is not None:
            return self.place.id
        name = self.new.name if self.new is not None else self.text
        return slug(name, 40, "place")

    @property
    def located(self) -> bool:
        """False for a name the text calls a place that no geocoder found."""
        return self.place is not None or self.new is not None


def find_mentions(text: str, gazetteer: Gazetteer, geocode: Geocode | None = None) -> list[Mention]:
    """Every place named in ``text``, left to right; unknown names go to ``geocode``."""
    tokens = _tokens(text)
    mentions: list[Mention] = []
    index = 0
    while index < len(tokens):
        found = _gazetteer_match(text, tokens, index, gazetteer)
        if found is None:
            index += 1
            continue
        place, last = found
        start, end = tokens[index][0], tokens[last][1]
        mentions.extend(_with_context(text, start, end, place, gazetteer))
        index = last + 1
    if geocode is not None:
        mentions.extend(_new_names(text, tokens, mentions, geocode))
        # A name the text uses as a place once is a place wherever it recurs.
        seen = {m.text: m for m in mentions if m.new is not None}
        more = _new_names(text, tokens, mentions, geocode, seen)
        mentions.extend(more)
        mentions.extend(_dateline_country(text, mentions))
        mentions.extend(_numbered_bases(text, mentions))
    return sorted(mentions, key=lambda m: m.start)


def _tokens(text: str) -> list[tuple[int, int]]:
    """Word spans; 'Russia-Ukraine' is two words, 'al-Sham' and 'Kurdish-led' one."""
    tokens: list[tuple[int, int]] = []
    for match in _TOKEN.finditer(text):
        start, end = match.start(), match.end() - len(match.group(1) or "")
        parts = text[start:end].split("-")
        # 'Turkey-Backed' in a headline is an adjective like 'Turkey-backed', not two names.
        participle = parts[-1].endswith("ed") or parts[-1] == "Led"
        if len(parts) > 1 and all(len(p) > 2 and p[0].isupper() for p in parts) and not participle:
            for part in parts:
                tokens.append((start, start + len(part)))
                start += len(part) + 1
        else:
            tokens.append((start, end))
    return tokens


def _gazetteer_match(
    text: str, tokens: list[tuple[int, int]], index: int, gazetteer: Gazetteer
) -> tuple[Place, int] | None:
    first = text[tokens[index][0] : tokens[index][1]]
    if first in FUNCTION_WORDS and first != "the":
        # 'at Tartus' folds as 'Tartus' would ('at-' is an Arabic article), but a lower-case
        # preposition is the sentence's, not the name's ('the Tartus base' keeps its 'the').
        return None
    for last in range(min(len(tokens), index + _LONGEST) - 1, index - 1, -1):
        words = text[tokens[index][0] : tokens[last][1]]
        if not any(capitalised(text[s:e]) for s, e in tokens[index : last + 1]):
            continue
        place = gazetteer.find(words)
        if place is None:
            continue
        if last == index and _inside_name(text, tokens, index):
            return None
        if _ORGANISATION_AFTER.match(text, tokens[last][1]) or _WATER_OF.search(
            text, max(0, tokens[index][0] - 12), tokens[index][0]
        ):
            return None
        return place, last
    return None


def _inside_name(text: str, tokens: list[tuple[int, int]], index: int) -> bool:
    """'al-Sham' in 'Hayat Tahrir al-Sham' (or 'Hayat al-Tahrir al-Sham') is part of
    another name, not Damascus."""
    if index == 0:
        return False
    start, end = tokens[index - 1]
    between = text[end : tokens[index][0]]
    word = text[start:end]
    return (
        between == " "
        and capitalised(word)
        and not word.isupper()
        and word.lower() not in FUNCTION_WORDS
    )


def _with_context(
    text: str, start: int, end: int, place: Place, gazetteer: Gazetteer
) -> list[Mention]:
    mentions = [Mention(text[start:end], start, end, place)]
    described = _described_base(text, start, end, place, gazetteer)
    if described is not None:
        # "the naval facility in Tartus" names the base, not the town around it;
        # "the air base near Jableh" names both.
        relation = _BASE_WORDS.search(text[max(0, start - 60) : start])
        in_it = relation is not None and relation.group("relation").lower() in ("in", "at", "of")
        town = re.match(r"(?:the\s+)?(?:port\s+)?(?:city|town|port)\s+of\b", text[start:end])
        if in_it and relation is not None and not (relation.group("town") or town):
            # 'the base in Tartus' is the base; 'a base in Syria's port city of Tartous'
            # names the base and the city.
            return [described]
        mentions.insert(0, described)
    base_after = _BASE_AFTER.match(text[end:]) or _BASES_BEFORE.search(
        text[max(0, start - 80) : start]
    )
    if base_after and place.kind is PlaceKind.CITY:
        kinds = (PlaceKind.NAVAL_BASE, PlaceKind.AIR_BASE)
        candidates = [_nearest(gazetteer, place, kind) for kind in kinds]
        near = [b for b in candidates if b is not None and _km(b, place) <= _BASE_KM]
        if near:
            mentions[-1] = Mention(
                text[start:end], start, end, min(near, key=lambda b: _km(b, place))
            )
    province = _PROVINCE_AFTER.match(text[end:])
    if province and place.kind is PlaceKind.CITY:
        whole = gazetteer.find(f"{place.name} province")
        stop = end + province.end() if province.group("other") is None else end
        if whole is not None:
            mentions[-1] = Mention(text[start:stop], start, stop, whole)
        else:
            new = province_of(place.name, place.latlon, place.country or "", "the gazetteer")
            mentions[-1] = Mention(text[start:stop], start, stop, new=new)
        other = province.group("other")
        other_place = gazetteer.find(f"{other} province") if other else None
        if other and other_place is not None:
            offset = end + province.start("other")
            mentions.append(Mention(other, offset, offset + len(other), other_place))
    return mentions


def _described_base(
    text: str, start: int, end: int, place: Place, gazetteer: Gazetteer
) -> Mention | None:
    """The base that words before a town describe ('the naval port at Tartus'), if any."""
    described = _BASE_WORDS.search(text[max(0, start - 60) : start])
    if described is None or place.kind.is_base:
        return None
    kind = described.group("kind").lower()
    naval = any(word in kind for word in ("naval", "port", "logistic"))
    wanted = [PlaceKind.NAVAL_BASE] if naval else [PlaceKind.AIR_BASE]
    if kind == "base":
        wanted = [PlaceKind.NAVAL_BASE, PlaceKind.AIR_BASE]
    bases = [b for b in (_nearest(gazetteer, place, k) for k in wanted) if b is not None]
    if not bases:
        return None
    begin = start - len(described.group(0))
    named = _NAMED_BASE.search(text[max(0, begin - 40) : begin])
    known = named and gazetteer.find(f"{named.group('name')} {described.group('kind')}")
    if known and known.kind.is_base:
        # 'the Hmeimim air base in Latakia': the base has its own name already, so Latakia
        # is Latakia (not 'the Soviet base in Tartus').
        return None
    base = min(bases, key=lambda b: _km(b, place))
    return Mention(text[begin:end], begin, end, base)


def _km(a: Place, b: Place) -> float:
    return float(geodesic((a.latlon.lat, a.latlon.lon), (b.latlon.lat, b.latlon.lon)).km)


def _nearest(gazetteer: Gazetteer, near: Place, kind: PlaceKind) -> Place | None:
    def distance(place: Place) -> float:
        return _km(place, near)

    bases = [place for place in gazetteer if place.kind is kind]
    best = min(bases, key=distance, default=None)
    return best if best is not None and distance(best) <= _NEAREST_KM else None


def _new_names(
    text: str,
    tokens: list[tuple[int, int]],
    known: list[Mention],
    geocode: Geocode,
    seen: dict[str, Mention] | None = None,
) -> list[Mention]:
    covered = [(m.start, m.end) for m in known]
    people = person_words(text)
    found: list[Mention] = []
    for start, end in capitalised_runs(text, tokens):
        # A sentence may open with a capitalised preposition: "In Hama, officials said".
        opening = _OPENING.match(text, start, end)
        if opening is not None:
            start = opening.end()
        elif _SENTENCE_START.search(text[max(0, start - 3) : start]):
            opener = _OPENER.match(text, start, end)
            start = opener.end() if opener is not None else start
        # 'U.S. President Donald Trump', 'UK Defence Secretary': the country, then a title.
        abbreviation = _ABBREVIATION.match(text, start, end)
        if abbreviation and abbreviation.end() < end and offline_country(abbreviation.group()):
            end = abbreviation.end()
        name = text[start:end]
        if any(s < end and start < e for s, e in covered) or not could_be_place(name):
            continue
        if any(e < start and text[e:start] == " " for _, e in covered):
            # 'Qamishli International Airport': words that go on from a place found.
            continue
        if seen is not None and name in seen:
            mention: Mention | None = Mention(name, start, end, new=seen[name].new)
        else:
            mention = _new_name(text, start, end, covered, geocode, opening is not None)
        mention = _without_nationality(text, start, end, mention, covered, geocode)
        name = mention.text if mention is not None else name
        if mention is None or (mention.new is None and set(name.split()) & people):
            continue
        if mention.new is not None and mention.new.kind is not PlaceKind.COUNTRY:
            if set(name.split()) & people:
                continue
        found.append(mention)
        covered.append((mention.start, mention.end))
    return found


def _without_nationality(
    text: str,
    start: int,
    end: int,
    mention: Mention | None,
    covered: list[tuple[int, int]],
    geocode: Geocode,
) -> Mention | None:
    """'the Russian Kant airbase': a nationality before a name describes it. Not 'Sinai
    Peninsula' or 'Qamishli International Airport', whose first word is a place itself."""
    first = re.match(r"\S+\s+", text[start:end])
    if (mention is not None and mention.located) or not first:
        return mention
    word = first.group().strip()
    if not is_demonym(word):
        return mention
    rest = _new_name(text, start + first.end(), end, covered, geocode, False)
    a_place = mention is not None and geocode(word) is not None
    if rest is not None and (mention is None or rest.located or not a_place):
        return rest
    return mention


def _new_name(
    text: str, start: int, end: int, covered: list[tuple[int, int]], geocode: Geocode, opens: bool
) -> Mention | None:
    titled = re.search(r"\s+State$", text[start:end])
    if titled is not None:
        # 'North Darfur State': the state's name is the words before 'State'.
        end = start + titled.start()
    name, before, after = text[start:end], text[max(0, start - 40) : start], text[end:]
    if _WATER_OF.search(before) or _WATER_OF.match(f"{name} of ") and after.startswith(" of "):
        # 'the Gulf of Aden', 'the Sea of Azov': a sea's name, not the town (nor 'Sea').
        return None
    country = _country_or_capital(text, start, end)
    if country is not None:
        return Mention(name, start, end, new=country)
    dateline = is_dateline(text, start, end)
    if re.fullmatch(r"[A-Z .'’-]+", name) and not dateline:
        # 'SDF', 'ISIS', 'SANA said': capitals outside a dateline are an acronym or a
        # transcript's speaker ('RAMADAN:'), whatever a geocoder finds under them.
        return None
    possessive = after[:2] in ("'s", "’s")
    listed = any(_AFTER_PLACE.fullmatch(text[e:start]) for _, e in covered if e <= start)
    listed_after_in = in_list(text, start, end) or (
        listed_before_place_noun(text, end) and not is_demonym(name)
    )
    # "Eritrea's Assab": a name after a country's possessive is a place in it, if it is one.
    owner = _OWNER_COUNTRY.search(before)
    in_country = owner is not None and offline_country(owner.group("country")) is not None
    locative = opens or listed or listed_after_in or in_country or _LOCATIVE.search(before)
    kind_after = _KIND_AFTER.match(after)
    landform = _LANDFORM.search(name) and not in_title_line(text, start)
    kind_before = _KIND_BEFORE.search(before)
    if kind_before and kind_before.group().endswith(", ") and not re.match(r"\s*[,.;)]", after):
        kind_before = None
    if not (dateline or possessive or locative or kind_after or kind_before or landform):
        return None
    place = None if possessive else geocode(name)
    if (
        place is not None
        and owner is not None
        and not (opens or listed or _LOCATIVE.search(before))
    ):
        # "Eritrea's Assab" is in Eritrea: not "Armenia's Independence" (a US town).
        country = offline_country(owner.group("country"))
        place = place if country is None or place.country == country.country else None
    province = _PROVINCE_AFTER.match(after)
    if place is not None and province is not None and place.kind is PlaceKind.CITY:
        # "Hasakeh province"; in "Hasakeh and Raqqa provinces" each name is its own province.
        stop = end if province.group("other") else end + province.end()
        return Mention(text[start:stop], start, stop, new=_province(place))
    if place is not None:
        return Mention(name, start, end, new=place)
    if kind_before or listed_after_in or (kind_after and not used_as_adjective(text, name)):
        # "the Sheikh Maqsood neighborhood": a place no geocoder knows; listed, not located.
        return Mention(name, start, end)
    state = re.search(r"\bof\s+$", before) and re.match(r"\s+[Ss]tate\b", after)
    if state and not re.search(r"(?:ian|ish|ese|i|ic)$", name):
        # 'the capital of North Darfur state' (or 'State'): a state by its name (not 'of
        # Syrian state media', 'of Islamic State': there the word before is an adjective).
        return Mention(name, start, end)
    area = _AREA_WORD.search(name)
    airport = _AIRPORT.search(name)
    town = geocode(name[: airport.start()]) if airport else None
    if airport and town is not None:
        # 'Qamishli International Airport' names the town's airport: the town.
        return Mention(name[: airport.start()], start, start + airport.start(), new=town)
    if landform and (area is None or not area.group("generic")):
        return Mention(name, start, end)
    if locative and area is not None:
        # 'in the Gaza Strip', 'in the Kurdistan Region': a landform or an area by its name;
        # a generic word for a province is not part of the name.
        stop = start + area.start() if area.group("generic") else end
        return Mention(text[start:stop], start, stop)
    return None


def _numbered_bases(text: str, known: list[Mention]) -> list[Mention]:
    """'the 201st Russian military base', "Russia's 102nd Military Base": a base by its
    number is a place, listed for the reviewer (no geocoder knows it)."""
    return [
        Mention(match.group(), match.start(), match.end())
        for match in _NUMBERED_BASE.finditer(text)
        if not any(m.start < match.end() and match.start() < m.end for m in known)
    ]


def _dateline_country(text: str, known: list[Mention]) -> list[Mention]:
    """'TARTUS, syria —': the country after a dateline's town, whatever its case."""
    line = _DATELINE_COUNTRY.search(text)
    if line is None or not is_dateline(text, line.start(), line.end("town")):
        return []
    start, end = line.span("country")
    country = offline_country(line.group("country").title())
    if country is None or any(m.start < end and start < m.end for m in known):
        return []
    return [Mention(line.group("country"), start, end, new=country)]


def _country_or_capital(text: str, start: int, end: int) -> GeocodedPlace | None:
    """A country or a capital is a place however the text uses it ('Ankara said'); not a
    name in capitals ('SANA reported') or an outlet's ('the state-run Sana news agency')."""
    name = text[start:end]
    outlet = name.isupper() or _OUTLET_AFTER.match(text, end)
    return offline_country(name) or (None if outlet else offline_capital(name))


def _province(city: GeocodedPlace) -> GeocodedPlace:
    return province_of(city.name, city.latlon, city.country, city.source)
