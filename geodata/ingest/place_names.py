"""Which capitalised words can name a place: runs of them, datelines, people's names,
peoples' adjectives and lists of places (used by ``mentions``)."""

from __future__ import annotations

import calendar
import re

from geodata.ingest.geocoding import offline_capital, offline_country

# Arabic articles written as a word of their own: 'As Suwayda', 'Ar Raqqah', 'Al Bab'.
_ARTICLES = frozenset("al el as at an ar ad ash az".split())

PLACE_NOUNS = (
    r"(?:neighbou?rhoods?|districts?|suburbs?|villages?|camps?|square|provinces?|governorates?|"
    r"city|cities|"
    r"regions?|countryside|quarters?|airport|airbase|airfield|crossing|towns?|"
    r"(?:air|naval|military)\s+bases?)"
)

_PERSON = re.compile(
    r"\b(?:President|Minister|[Ss]pokesman|[Ss]pokeswoman|[Ss]pokesperson|Secretary|[Ll]eader|"
    r"[Ee]nvoy|Ambassador|Admiral|General|Colonel|Commander|Chief|Chairman|Director|Governor|"
    r"Mayor|Senator|Mr\.|Mrs\.|Ms\.|Dr\.)\s+"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]+)){0,3})"
)

_DEMONYM_ENDING = re.compile(r"(?:ian|ish|ese)$")


def is_demonym(word: str) -> bool:
    """'Syrian', 'Kurdish', 'Lebanese'; 'Iraqi', 'Yemeni', 'Somali' (a country's name and
    -i), but not 'Qamishli', 'Sinai' or 'Chui', names that end in -i."""
    if _DEMONYM_ENDING.search(word):
        return True
    stem = word[:-1]
    return word.endswith("i") and any(
        offline_country(name) is not None for name in (stem, stem + "a", stem + "ia")
    )


_SAID_BY = re.compile(
    r"\b(?P<name>(?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+)\s+"
    r"(?:said|says|told|added|noted|stressed|warned|replied)\b"
)

_LIST_NAME = r"(?:(?:al|el|Al|El)-)?[A-Z][\w'’-]*(?:\s+(?:(?:al|el)-)?[A-Z][\w'’-]*)*"

_LIST_AFTER_LOCATIVE = re.compile(
    rf"\b(?:in|at|near|from|between|{PLACE_NOUNS}\s+of)\s+{_LIST_NAME}"
    rf"(?:(?:,\s+|,?\s+and\s+){_LIST_NAME})*"
    r"(?:,\s+and\s+|,\s+|\s+and\s+)$"
)

# The title's line of a news transcript or a dateline: a name in capitals and its stop.
# After a comma, a dateline goes on with a country, a region or a date ('DAMASCUS, Syria',
# 'BEIRUT, Dec 19', 'TARTUS, syria —'), not a description ('SANA, the state agency').
_DATELINE_STOP = re.compile(
    r"\s*(?:\(|:)|\s*[—–]|\s+-|,\s+(?:[A-Z0-9]|[a-z]+(?:\s+[a-z]+)?\s*(?:\(|[—–-]))"
)

# The dateline opens one of the first lines: after a headline and a standfirst at most.
_DATELINE_LINE = 2
EARLIER_DATELINE = re.compile(r"(?m)^[A-Z][A-Z.'’ -]*[A-Z](?=\s*(?:,|\(|:)|\s*[—–]|\s+-)")

# Words after a name that make it a subject, not an adjective ('Mattar said').
_VERB = re.compile(r"said|says|told|is|was|are|were|has|had|have|will|would|can|could|may")

_LIST_GOES_ON = re.compile(r"(?:,|;|\.|\s+(?:and|or|in|on|near)\b|\s*$)")

FUNCTION_WORDS = frozenset(
    "in at from to near the on and but of for with by into outside across over as while "
    "after before since when where a an this that both his her its their our my your".split()
)

_CALENDAR_WORDS = frozenset(
    name.lower()
    for names in (
        calendar.month_name,
        calendar.month_abbr,
        calendar.day_name,
        calendar.day_abbr,
        ("Sept", "Tues", "Thur", "Thurs"),
    )
    for name in names
    if name
)

_FULL_CALENDAR_NAMES = frozenset([*calendar.day_name, *calendar.month_name[1:]])


def capitalised(word: str) -> bool:
    first = word[0]
    bare = re.sub(r"^(?:al|el|ad|ar|as|an|at)-", "", word)
    return first.isupper() or not first.isascii() and not first.islower() or bare[:1].isupper()


def is_dateline(text: str, start: int, end: int) -> bool:
    """'QAMISHLI, Syria -', 'MOSCOW (Reuters) -': a name in capitals opening one of the
    first lines (after a headline and a standfirst at most), then a stop; only the first
    such line is the dateline (not a transcript's 'RAMADAN:', nor 'SANA, the agency')."""
    name = text[start:end]
    at_line_start = start == 0 or text[start - 1] == "\n"
    if not (name.isupper() and at_line_start and _DATELINE_STOP.match(text, end)):
        return False
    lines_before = sum(1 for line in text[:start].split("\n") if line.strip())
    return lines_before <= _DATELINE_LINE and EARLIER_DATELINE.search(text, 0, start) is None


def used_as_adjective(text: str, name: str) -> bool:
    """'a Kurdish village', 'Arab villages': a people's name before a place noun, known as
    such by its ending or by the text using it before other nouns ('Kurdish woman', 'Arab
    communities') or in a compound ('Kurdish-led')."""
    if " " in name:
        return False
    if is_demonym(name) or re.search(rf"\b{re.escape(name)}s\b", text):
        # 'Syrian', 'Kurdish'; 'Alawite' where the text also speaks of 'Alawites'.
        return True
    uses = re.finditer(
        rf"\b{re.escape(name)}(?:-[a-z]+|\s+(?!{PLACE_NOUNS}\b)(?P<next>[a-z]+)"
        rf"(?!\s+{PLACE_NOUNS}\b))\b",
        text,
    )
    return any(
        use.group("next") is None
        or (
            not re.fullmatch(PLACE_NOUNS, use.group("next"))
            and use.group("next") not in FUNCTION_WORDS
            and not _VERB.fullmatch(use.group("next"))
        )
        for use in uses
    )


def in_list(text: str, start: int, end: int) -> bool:
    """'in Hasakah, al-Hol, Tal Hamis, and Derik': a name in a list opened by 'in' (or 'the
    villages of') is a place, known to a geocoder or not; 'in Moscow, Lavrov said' is none."""
    opened = _LIST_AFTER_LOCATIVE.search(text[max(0, start - 200) : start])
    goes_on = _LIST_GOES_ON.match(text, end)
    return bool(opened and goes_on and not _PERSON.match(text[start:end]))


def could_be_place(name: str) -> bool:
    bare = name.replace(".", "")
    if all(word.lower() in _CALENDAR_WORDS for word in bare.split()):
        # 'DAMASCUS, Jan 14 (Wire) -': months and weekdays, in full or abbreviated, are
        # never places, whatever a geocoder finds under the name.
        return False
    words = name.split()
    # 'As Suwayda': a capitalised Arabic article before a name (a sentence's opening word
    # was taken off before).
    article = len(words) > 1 and words[0].lower() in _ARTICLES and words[0][0].isupper()
    return (len(bare) >= 3 or (bare.isupper() and len(bare) >= 2)) and (
        words[0].lower() not in FUNCTION_WORDS or article
    )


def person_words(text: str) -> set[str]:
    """Words of people's names: after a title, or before 'said'; never a place."""
    words: set[str] = set()
    for match in _PERSON.finditer(text):
        words.update(w for w in match.group("name").split() if not w.startswith(("al-", "Al-")))
    for match in _SAID_BY.finditer(text):
        # 'Putin said' (not the city Putian); 'Ankara said' is still the capital, and in
        # 'the committees in El Fasher said' the place is where, not who.
        name = match.group("name").split()[-1]
        where = re.search(
            r"\b(?:in|at|from|of|near|for)\s+$", text[max(0, match.start() - 40) : match.start()]
        )
        if where is None and offline_country(name) is None and offline_capital(name) is None:
            words.add(name)
    return words


def capitalised_runs(text: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for start, end in tokens:
        # "Kurdish-held", "US-backed": a compound adjective, not part of a name.
        adjective = (
            re.fullmatch(r"[A-Z][\w'’]*-[a-z]+", text[start:end])
            and not re.match(r"(?:Al|El)-", text[start:end])
        ) or re.match(r"-(?:[a-z]|[A-Z]\w*(?:ian|ish|ese|i)\b)", text[end : end + 20])
        if not capitalised(text[start:end]) or adjective:
            current = None
            continue
        # 'on Sunday Tehran's support': a weekday or a month stands alone, not in a name.
        alone = text[start:end] in _FULL_CALENDAR_NAMES
        if current is not None and text[current[1] : start] == " " and not alone:
            current = (current[0], end)
            runs[-1] = current
        else:
            current = (start, end)
            runs.append(current)
        current = None if alone else current
    return runs


def in_title_line(text: str, start: int) -> bool:
    """Whether ``start`` is in a line written in title case ('Appeals to Protect Tishreen
    Dam'), where capitals do not mark names."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", start)
    words = re.findall(r"[^\W\d_][\w'’-]*", text[first : last if last >= 0 else len(text)])
    return len(words) >= 4 and all(w[0].isupper() or w.lower() in FUNCTION_WORDS for w in words)


# 'the Tavush, Syunik, Vayots Dzor, Gegharkunik, and Ararat regions': every name of a list
# before a plural place noun is a place.
_LIST_BEFORE_PLACES = re.compile(
    rf"(?:(?:,\s+|,?\s+and\s+){_LIST_NAME})+\s+(?:regions|provinces|governorates|districts|"
    r"villages|towns|cities|neighbou?rhoods|camps)\b"
)


def listed_before_place_noun(text: str, end: int) -> bool:
    return _LIST_BEFORE_PLACES.match(text, end) is not None
