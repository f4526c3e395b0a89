"""Finding quoted statements in article text and who the text says made them, in what role.

Quotes may use any quotation marks (straight, curly, guillemets, low-high, single curly), stand
before or after their attribution, be partial ("focus on “the presence of our soldiers”"),
take a whole sentence after the sentence that names the speaker, and come from a person
("Peskov said"), a pronoun ("he added"), or an institution or unnamed source ("the ministry
said in a statement", "a Syrian military official told AFP").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from geodata.ingest.sentences import Sentence

_SAY = (
    r"(?:(?:was|were|is|has\s+been)\s+(?:quoted|reported|cited)(?:\s+by\s+[\w\s.-]{2,40}?)?"
    r"\s+as\s+saying|"
    r"said|says|say|told|tells|added|adds|stated|states|reads|noted|notes|stressed|declared|"
    r"explained|warned|insisted|emphasi[sz]ed|announced|wrote|writes|continued|replied|"
    r"responded|remarked|argued|recalled|underlined|underscored|pointed out|commented|"
    r"concluded|acknowledged|admitted|claimed|confirmed|denied|urged|described|called|"
    r"reported|reports|quoted|posted|tweeted|pledged|vowed|promised|asserted|affirmed|"
    r"reiterated|repeated|saying|telling|adding|noting|stressing|warning|describing|calling)"
)
_ADVERB = r"(?:\s+(?:\w+ly|also|later|then|earlier|previously|further))*"
# A lower-case particle is part of a name only joined to it ('al-Sharaa') or before a
# capitalised word ('bin Salman'): 'Lavrov also said' does not make 'also' a name.
_NAME = r"(?:[A-Z]\.|[A-Z][\w'’-]+|(?:al|el|bin|ibn|de|van|von)(?:-[\w'’-]+|(?=\s+[A-Z])))"
# An honorific belongs to the name it precedes ('said Mr. Peskov'); it is dropped when the
# name is resolved.
_HONORIFIC = r"(?:Mr|Mrs|Ms|Dr)\.?\s+(?=[A-Z])"
_PERSON = rf"(?P<name>(?:{_HONORIFIC})?[A-Z][\w'’-]+(?:\s+{_NAME}){{0,3}})"
# Words of a role before a name ('Iran's foreign ministry spokesman , Ali Rubaie said'); a
# stray comma is tolerated, as copy-edited text sometimes leaves one.
_ROLE_WORDS = r"(?:[A-Z]?[\w'’.-]+\s+){0,5}?"
_ROLE_WORDS_LOOSE = r"(?:[A-Z]?[\w'’.-]+,?\s+|,\s+){0,5}?"
# Nouns of a person's role or trade ('Kremlin spokesman', 'aid worker', 'farmer').
_ROLE_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson minister president secretary envoy ambassador "
    "commander chief adviser advisor leader head official officer diplomat general director "
    "admiral governor mayor representative negotiator analyst expert researcher professor "
    "journalist correspondent activist resident fighter soldier worker farmer fisherman "
    "teacher doctor engineer lawyer student driver shopkeeper owner historian economist "
    "lawmaker senator councillor councilor".split()
)
_ROLE_NOUN = "(?:" + "|".join(sorted(_ROLE_NOUNS, key=len, reverse=True)) + ")"
# After a verb, a name may follow only titles, capitalised words and words ending in a role
# ('said Defence Secretary John Healey', 'said the country's deputy foreign minister Mikhail
# Bogdanov', 'said aid worker Mona Idris'), never ordinary words ('said a news conference
# in Tehran' names no speaker).
_TITLE_VOCABULARY = (
    r"(?:the|[\w-]+['’]s|foreign|deputy|defen[cs]e|press|regional|senior|former|top|vice|"
    r"interior|state|prime|presidential|military|army|government|ministry|national|security|"
    rf"{_ROLE_NOUN}|[a-z][\w-]*(?=\s+(?:[a-z][\w-]*\s+)?{_ROLE_NOUN}\s+[A-Z]))"
)
_SAID_ROLE = rf"(?:(?:[A-Z][\w'’.-]*|{_TITLE_VOCABULARY}),?\s+){{0,6}}?"
# 'It' is an institution the text has shown speaking ('The agency reported ... It said').
_PRONOUN = r"(?:(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey)|(?P<it>[Ii]t))"
_PRONOUN_OBJECT = r"(?P<pronoun>him|her|them)"
# Who speaks without a name: institutions, unnamed officials and sources, documents.
# Nouns that end the name of an institution ('Union of Relief Committees', 'the company').
_BODY_WORDS = (
    r"(?:compan(?:y|ies)|group|union|committees?|councils?|organi[sz]ation|movement|party|"
    r"coalition|authority|commission|court|bank|fund|firm|operator|institute|network|"
    r"front|directorate|coordination|monitor|ministry|agency|observatory|command)"
)
# Head nouns of who speaks without a name: people ('a senior official') and institutions,
# outlets and documents ('the ministry', 'state television', 'the statement').
_PEOPLE_HEADS = (
    rf"(?:{_ROLE_NOUN}s?|officials?|sources?|members?|witness(?:es)?|residents?|diplomats?|"
    r"employees?|person|people|representatives?|workers?|observers?)"
)
_INSTITUTION_HEADS = (
    r"(?:ministry|statement|document|report|decree|letter|communiqu[eé]|army|military|"
    r"government|authorities|agency|forces|observatory|presidency|embassy|office|council|"
    r"committee|command|police|media|intelligence|Kremlin|department|service|administration|"
    r"television|TV|radio|newspaper|daily|channel|broadcaster|outlet|website|"
    rf"{_BODY_WORDS}|[A-Z]{{2,6}})"
)
_HEADS = rf"(?:{_PEOPLE_HEADS}|{_INSTITUTION_HEADS})"
_DETERMINER = r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Tt]wo|[Ss]everal|[Ss]ome|[Mm]any|[A-Z][\w'’.-]*)"


def _noun_phrase(first: str) -> str:
    """A phrase naming who speaks: 'the British defence ministry', 'one Western diplomat',
    'sources close to the talks' (a bare plural), 'State television'."""
    return (
        rf"(?P<np>\b(?:{first}(?:\s+[\w'’.-]+){{0,6}}?\s+)?{_HEADS}\b(?!\s+{_HEADS}\b)"
        r"(?:\s+(?:of|in|from|at|for|with|close to|familiar with|guarding)\s+"
        r"[^,;\"“”«»]{0,60}?)?)"
    )


_NP = _noun_phrase(_DETERMINER)
# Right after a quote or 'according to', people in the plural may follow an adjective
# ('"...," local residents said'), though not a conjunction ('while officials warned').
_NP_AFTER = _noun_phrase(
    rf"(?:{_DETERMINER}|(?!(?:while|and|but|as|when|after|because|though|although|whereas|"
    rf"which|who)\b)[a-z][\w-]*(?=\s+(?:{_ROLE_NOUN}s|officials|sources|residents|"
    r"witnesses|diplomats|people|workers|observers)\b))"
)
_COMPLEMENT = re.compile(r"\s+(?:of|in|from|at|for|with|close to|familiar with|guarding)\s.*$")
# Only these words ignore case: a name after them must still be capitalised.
_ACCORDING_TO = r"(?i:according\s+to)"
# Double marks of any style (a quote may run to the end of its paragraph), or single ones,
# curly or straight, which must open after and close before a non-letter so that
# apostrophes ('Assad's', 'don't') neither open nor end them.
_OPENING_MARKS = ('"', "“", "«", "„", "‘")
_CLOSING = "\"”»“’'"
_QUOTED = re.compile(
    r"[\"“«„](?P<words>[^\"“”«»„]+)(?:[\"”»“]|$)"
    r"|(?<![\w’'])‘(?P<single>(?:[^‘’\"“”]|’(?=\w))+?)’(?!\w)"
    r"|(?<![\w’'])'(?=\w)(?P<straight>(?:[^'\"“”‘’]|'(?=\w))+?)(?<=[\w.,!?])'(?!\w)",
    re.MULTILINE,
)
# What stands between a verb of saying and the quote after it; reported speech opened by
# 'that' may run on longer before it quotes ('He added that ... and called for summits to
# "..."').
# Words between who speaks and the verb: an aside ('Peskov, in a call with reporters,
# said'), or a relative pronoun ('Ali Demir, who said', 'a statement, which said').
_ASIDE = r"(?:,[^,]{3,60},|,\s+(?:who|which))?"
_TAIL = r"(?:\s+that\b[^\"“”«»]{0,240}?|[^\"“”«»]{0,100}?)[:,]?\s*$"
# Who a report quotes: ', the newspaper reported, quoting an unnamed ministry employee',
# ', Reuters quoted him as saying'. The one quoted speaks, not the one reporting.
_QUOTING = (
    rf"{_SAY},?\s+quoting\s+(?:(?P<role>{_SAID_ROLE}){_PERSON}|"
    r"(?P<np>(?:an?|the)\s+[^,.;:\"“”«»]{2,60}?)(?=\s*(?:[,.;:]|$)))"
)
_QUOTED_AS = (
    rf"(?:quoted|cited)\s+(?:{_PRONOUN_OBJECT}|(?P<role>{_SAID_ROLE}){_PERSON}|"
    r"(?P<np>(?:an?|the)\s+[^,.;:\"“”«»]{2,60}?))\s+as\s+saying"
)
# Whose post, statement or remarks: 'according to the spokesman's post on X' (or Peskov's).
_OWNER = rf"(?:{_PERSON}|(?P<the>the\s+[a-z][\w-]*))(?=['’])"
_HEAD_WORD = re.compile(_HEADS)
# An institution's name as the text first gives it: 'The Union of Relief Committees in Idlib'.
_BODY_NAME = re.compile(
    r"\b(?P<body>[A-Z][\w'’-]+(?:\s+(?:of|for|and|the)\s+[A-Z][\w'’-]+|\s+[A-Z][\w'’-]+)*)"
)
# A participle carries the speaker of the quote before it on to the next one in the
# sentence: '"...," adding that "..."', 'said the movement "...", noting "..."', and so do
# quotes joined by 'and' ('said that "..." and "...".', 'said the bases were "..." and that
# Moscow "..."') and a quote whose attribution stands between its two parts ('"...," said
# Dan Oru, "..."').
_CONTINUES = re.compile(
    r"^\s*(?:,?\s*(?:and|or|as well as)\s*)?$|"
    r"^\s*,?\s*(?:and|or)\s+that\b[^\"“”«»]{0,120}$|"
    r"^[^\"“”«»]{0,100},\s*$|"
    r"^(?:[^\"“”«»]{0,120}?[,\s])?\s*(?:adding|saying|noting|stressing|warning|insisting|continuing)\b"
    r"[^\"“”«»]{0,100}?[:,]?\s*$"
)
_REPORTING = (
    re.compile(rf"^[\s,—–-]*[^\"“”«»]{{0,80}}?\b{_QUOTING}"),
    re.compile(rf"^[\s,—–-]*[^\"“”«»]{{0,80}}?\b{_QUOTED_AS}"),
)
# After the quote (and a comma or dash): ', he said', ', said Peskov', '» — said Peskov',
# ', Kremlin spokesman Dmitry Peskov told ...'
_AFTER = (
    *_REPORTING,
    re.compile(rf"^[\s,—–-]*{_PRONOUN}{_ADVERB}\s+{_SAY}\b"),
    re.compile(rf"^[\s,—–-]*{_SAY}\s+(?P<role>{_SAID_ROLE}){_PERSON}"),
    re.compile(rf"^[\s,—–-]*(?P<role>{_ROLE_WORDS_LOOSE}){_PERSON}{_ASIDE},?{_ADVERB}\s+{_SAY}\b"),
    re.compile(rf"^[\s,—–-]*{_NP_AFTER}{_ASIDE}{_ADVERB}\s+{_SAY}\b"),
    re.compile(rf"^[\s,—–-]*{_SAY}\s+{_NP}"),
    # Not 'according to the UN agency': a capitalised word before a head noun names a body.
    re.compile(rf"^[\s,—–-]*{_ACCORDING_TO}\s+(?P<role>{_ROLE_WORDS}){_PERSON}(?!\s+{_HEADS}\b)"),
    re.compile(rf"^[\s,—–-]*{_ACCORDING_TO}\s+{_NP_AFTER}"),
    # ', the Observatory's chief, Rami Abdurrahman, referring to ...': named with no verb.
    re.compile(
        rf"^[\s,—–-]*(?P<role>(?:the\s+)?(?:[\w'’-]+\s+){{0,4}}?{_HEADS}),\s+{_PERSON}\s*(?:,|\.|$)"
    ),
    re.compile(rf"^[\s,—–-]*according\s+to\s+{_OWNER}['’]s?\s"),
    # ', the coordination said': a definite description, resolved to whom it names.
    re.compile(
        rf"^[\s,—–-]*(?P<the>the\s+(?:[a-z][\w-]*\s+){{0,2}}?[a-z][\w-]+){_ADVERB}\s+{_SAY}\b"
    ),
)
# Before the quote: 'Peskov said: "...', 'the ministry said, describing it as a "...'
_BEFORE = (
    # 'SANA quoted an unnamed official as saying that after ..., people fled "in what ..."'
    re.compile(rf"\b{_QUOTED_AS}\b[^\"“”«»]{{0,240}}?$"),
    re.compile(rf"^[Aa]ccording\s+to\s+{_OWNER}['’]s?\s+[^,\"“”«»]{{0,60}}?,"),
    re.compile(rf"\b(?P<role>{_ROLE_WORDS_LOOSE}){_PERSON}{_ASIDE},?{_ADVERB}\s+{_SAY}\b{_TAIL}"),
    re.compile(rf"\b{_PRONOUN}{_ADVERB}\s+{_SAY}\b{_TAIL}"),
    re.compile(rf"{_NP}{_ASIDE}{_ADVERB}\s+{_SAY}\b{_TAIL}"),
    re.compile(rf"\b{_ACCORDING_TO}\s+(?P<role>{_ROLE_WORDS}){_PERSON},?\s*$"),
    re.compile(rf"^According to\s+{_NP},"),
)
_SPEAKING = re.compile(rf"{_PERSON}{_ASIDE},?{_ADVERB}\s+(?:{_SAY}|did not|had|spoke)\b")
# Who a sentence is about, before its verb: whom a pronoun later in it means.
_SUBJECT = re.compile(
    rf"^(?P<role>{_ROLE_WORDS}){_PERSON}{_ASIDE}{_ADVERB}(?!\s+{_TITLE_VOCABULARY}\b)\s+[a-z]"
)
_SUBJECT_BODY = re.compile(rf"^{_NP}{_ASIDE}{_ADVERB}\s+[a-z]")
_BODY_SPEAKING = re.compile(rf"{_NP}{_ASIDE}{_ADVERB}\s+{_SAY}\b")
_SAID_NAME = re.compile(rf"\b{_SAY}\s+(?P<role>{_SAID_ROLE}){_PERSON}")
_NOT_NAMES = frozenset(
    "The A An He She They It This That In On At Moscow Russia Kremlin Syria Syrian Russian "
    "We I But And When After Before As If While Asked Speaking According Earlier Later "
    "Meanwhile Also However Moscow's Russia's Commenting Turning Under Mr Mrs Ms".split()
)
_TITLE_WORDS = frozenset(
    "foreign deputy russian syrian turkish prime defence defense special presidential interior "
    "kremlin minister president spokesman spokeswoman envoy ambassador general state first "
    "secretary chief head leader commander mr. mrs. ms. mr mrs ms dr. dr governor mayor brigadier "
    "colonel lieutenant sergeant captain admiral senator gen. col. lt. gov. sen. regional".split()
)
_ROLE_START = re.compile(r"^(?:the|a|an|and|but|while|as|then|later|also)\s+", re.IGNORECASE)
_PARTICLE = re.compile(r"^(?:al|el|ad|ash|as|ar|an|at|az)-", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Quote:
    """Words quoted in a sentence, with the speaker and role the text gives."""

    text: str
    sentence: Sentence
    start: int
    speaker: str | None
    role: str | None


@dataclass
class _People:
    """Who the article has named so far: full names by surname, roles, the last speaker."""

    full: dict[str, str]
    roles: dict[str, str]
    bodies: dict[str, str] = field(default_factory=dict)
    last: str | None = None
    named: str | None = None
    # The institution last shown speaking: whom 'it said' means.
    it: str | None = None

    def resolve(self, name: str, role: str | None) -> tuple[str, str | None]:
        words = re.sub(r"[’']s$", "", name.strip()).split()
        titles: list[str] = []
        while len(words) > 1 and words[0].lower() in _TITLE_WORDS:
            titles.append(words.pop(0))
        name = " ".join(words)
        role = role if _clean_role(role) else " ".join(titles) or role
        surname = _PARTICLE.sub("", words[-1]).casefold()
        full = name if len(words) > 1 else self.full.get(surname, name)
        self.full.setdefault(surname, full)
        role = _clean_role(role)
        if role:
            self.roles.setdefault(full, role)
        return full, role or self.roles.get(full)

    def body(self, phrase: str) -> tuple[str, str | None]:
        """'the ministry' after 'The British defense ministry': the fuller name seen first."""
        phrase = " ".join(phrase.split()).strip(" ,")
        bare = _ROLE_START.sub("", phrase)
        head = bare.split()[-1].casefold() if bare else ""
        known = self.bodies.get(head)
        if known and len(bare.split()) == 1:
            return known, None
        for word in bare.split():
            if word[:1].isupper() or word is bare.split()[-1]:
                self.bodies.setdefault(word.casefold(), bare)
        self.bodies[head] = bare
        return bare, None

    def described(self, phrase: str) -> tuple[str, str | None] | None:
        """'the governor', 'the coordination': the person with that role or the body so named."""
        noun = phrase.split()[-1].casefold()
        for name, role in self.roles.items():
            if role.casefold().split()[-1] == noun:
                return name, role
        known = self.bodies.get(noun)
        if known is not None:
            return known, None
        return None


def find_quotes(sentences: list[Sentence]) -> list[Quote]:
    """Every quoted span of three words or more whose speaker the text names."""
    people = _People({}, {})
    quotes: list[Quote] = []
    # Quotes left open at the end of their paragraph, with no speaker yet: the quote goes on
    # in the next paragraph, whose speaker is theirs.
    waiting: list[tuple[str, Sentence, int]] = []
    for sentence in sentences:
        _learn_names(sentence.text, people)
        if not sentence.text.startswith(_OPENING_MARKS):
            waiting = []
        attributed = False
        plain = _unmark_short_quotes(sentence.text)
        previous: tuple[tuple[str, str | None], int] | None = None
        for match in _QUOTED.finditer(sentence.text):
            group = match.lastgroup or "words"
            words = match.group(group).strip().rstrip(",").strip()
            if len(words.split()) < 3 or _is_title(words):
                continue
            start = sentence.start + match.start(group)
            speaker = _speaker(plain, match, people)
            between = plain[previous[1] : match.start()] if previous else ""
            if speaker is None and previous and _CONTINUES.match(between):
                speaker = previous[0]
            if speaker is None and _whole_sentence(sentence.text, match) and people.last:
                speaker = people.last, people.roles.get(people.last)
            if speaker is None:
                if match.end() == len(sentence.text) and match.group(0)[-1] not in _CLOSING:
                    waiting.append((words, sentence, start))
                continue
            previous = speaker, match.end()
            name, role = speaker
            people.last = name
            attributed = True
            if match.start() == 0:
                quotes += [Quote(*opened, name, role) for opened in waiting]
                waiting = []
            quotes.append(Quote(words, sentence, start, name, role))
        if not attributed:
            people.last = people.named or (None if _QUOTED.search(sentence.text) else people.last)
    return quotes


def _is_title(words: str) -> bool:
    """'the "Deterrence of Aggression" offensive': a name in title case, not a statement."""
    return not re.search(r"[.,;:!?]$", words) and all(
        word[0].isupper() or word in _TITLE_LINKS for word in words.split()
    )


_TITLE_LINKS = frozenset("of the and for in on a an to with at by".split())


def _unmark_short_quotes(text: str) -> str:
    """The text with the marks of one- and two-word quotes and of names blanked: 'caused
    "severe damage" and put it "at risk"' reads on as one clause to whoever said it."""

    def blank(match: re.Match[str]) -> str:
        words = match.group(match.lastgroup or "words").strip()
        if len(words.split()) >= 3 and not _is_title(words):
            return match.group(0)
        marks = match.group(0)
        closed = len(marks) >= 2 and marks[-1] in _CLOSING
        return " " + (marks[1:-1] + " " if closed else marks[1:])

    return _QUOTED.sub(blank, text)


def _whole_sentence(text: str, match: re.Match[str]) -> bool:
    return match.start() == 0 and len(text[match.end() :].strip(" .,")) == 0


def _learn_names(text: str, people: _People) -> None:
    """Full names and roles the sentence gives, and who in it speaks or acts."""
    people.named = None
    nouns = "|".join(sorted(_ROLE_NOUNS))
    for match in re.finditer(rf"(?i:\b(?:{nouns}))\s+{_PERSON}", text):
        name = match.group("name")
        role = _clean_role(_role_before(text, match.start("name")))
        if len(name.split()) >= 2 and _is_name(name) and role:
            # 'Aid chief Sara Holm visited the camp': she is who 'she said' will mean.
            people.named, _ = people.resolve(name, role)
    for match in _BODY_NAME.finditer(text):
        words = match.group("body").casefold().split()
        if len(words) >= 2 and re.fullmatch(_BODY_WORDS, words[-1]):
            people.body(match.group("body"))
    for match in _BODY_SPEAKING.finditer(text):
        if _institution(match.group("np")):
            people.it, _ = people.body(match.group("np"))
    # 'Ali Musa, 52, a farmer from Idlib, lost his house': he is who 'he said' will mean.
    age = r"(?:\s+\d{1,3},)?"
    appositive = rf"\b{_PERSON},{age}\s+(?P<role>(?:the\s+)?(?:[\w'’-]+\s+){{0,4}}(?:{nouns}))\b"
    for match in re.finditer(appositive, text):
        name = match.group("name")
        if len(name.split()) >= 2 and _is_name(name):
            people.named, _ = people.resolve(name, match.group("role"))
    subject = _SUBJECT_BODY.match(text)
    if subject is not None and _institution(subject.group("np")):
        # 'The ministry issued a statement.' is whom a later 'it said' means.
        people.it, _ = people.body(subject.group("np"))
    speaking = [(m.start(), m.group("name")) for m in _SPEAKING.finditer(text)]
    speaking += [(m.start(), m.group("name")) for m in _SAID_NAME.finditer(text)]
    for _, name in sorted(speaking):
        # 'reiterated the Houthis’ stance': a possessive is not who speaks.
        if _is_name(name) and not name.endswith(("’", "'")):
            people.named, _ = people.resolve(name, _role_before(text, text.find(name)))


def _institution(phrase: str) -> bool:
    """Whether a phrase naming a speaker names a body, not people ('the agency', 'SANA')."""
    head = _COMPLEMENT.sub("", phrase).split()[-1]
    return not re.fullmatch(_PEOPLE_HEADS, head, re.IGNORECASE)


def _is_name(words: str) -> bool:
    """Whether words taken for a name are one: not 'The', 'Moscow' or a bare 'Mr'."""
    return re.sub(_HONORIFIC, "", words).split()[0] not in _NOT_NAMES


def _speaker(text: str, match: re.Match[str], people: _People) -> tuple[str, str | None] | None:
    after, before = text[match.end() :], text[: match.start()]
    for pattern in _AFTER:
        found = pattern.match(after)
        speaker = _who(found, people, before) if found else None
        # '"...," Interfax quoted him as saying': whoever 'him' is, Interfax is not the speaker.
        if speaker is not None or (found and pattern in _REPORTING):
            return speaker
    for pattern in _BEFORE:
        found = pattern.search(before)
        speaker = _who(found, people, before[: found.start()]) if found else None
        if speaker is not None:
            return speaker
    return None


def _who(found: re.Match[str], people: _People, earlier: str) -> tuple[str, str | None] | None:
    groups = found.groupdict()
    if groups.get("pronoun"):
        # 'Putin told him ... what he called "...': a name speaking earlier in the sentence.
        # 'Minister Ali Kassem condemned what he called "...': the subject of the sentence.
        speaking = [m.group("name") for m in _SPEAKING.finditer(earlier)]
        subject = [m.group("name") for m in _SUBJECT.finditer(earlier)]
        subjects = [s for s in speaking or subject if _is_name(s)]
        if subjects:
            return people.resolve(subjects[-1], None)
        return None if people.last is None else (people.last, people.roles.get(people.last))
    if groups.get("it"):
        body = _SUBJECT_BODY.match(earlier)
        if body is not None and _institution(body.group("np")):
            return people.body(body.group("np"))
        return None if people.it is None else (people.it, None)
    if groups.get("np"):
        return _role_only(groups["np"], people) or people.body(groups["np"])
    if groups.get("the"):
        phrase = groups["the"]
        known = people.described(phrase)
        if known is None and _HEAD_WORD.fullmatch(phrase.split()[-1]):
            return people.body(phrase)
        return known
    name = groups.get("name")
    role = groups.get("role")
    if name is not None:
        role = _role_before(found.string, found.start("name")) or role
    if name is None or not _is_name(name):
        return _role_only(role, people)
    owner = _COMPLEMENT_OF.search(found.string[: found.start("name")])
    if owner is not None:
        # 'the Coordination of Resistance Committees in El Fasher said': El Fasher is where,
        # the body before the preposition is who.
        return people.body(owner.group("owner"))
    before_name = found.string[: found.start("name")]
    phrase = _PHRASE_BEFORE.search(found.string[: found.end("name")])
    if phrase is not None and _PREPOSITION_BEFORE.search(before_name):
        # 'a resident of Tartus, who asked not to be named, told AFP': the resident speaks.
        return people.body(phrase.group("np"))
    return people.resolve(name, role)


_PHRASE_BEFORE = re.compile(rf"\b{_NP}$")
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|from|near|of|for)\s+$")
# A name after a preposition belongs to the phrase before it: the phrase is the speaker.
_COMPLEMENT_OF = re.compile(
    r"(?P<owner>[A-Z][\w'’-]+(?:\s+(?:of|for|and)\s+[A-Z][\w'’-]+|"
    r"\s+[A-Z][\w'’-]+)*)\s+(?:in|at|from|near|of|for)\s+$"
)


def _role_before(text: str, offset: int) -> str | None:
    return _titled_role(text[max(0, offset - 60) : offset])


def _role_only(role: str | None, people: _People) -> tuple[str, str | None] | None:
    """'the Kremlin spokesman said': the person last named with that role, if any."""
    cleaned = _clean_role(role)
    if not cleaned:
        return None
    for name, known in people.roles.items():
        if known.lower().endswith(cleaned.lower()):
            return name, known
    return None


def _titled_role(role: str | None) -> str | None:
    words = [w for w in (role or "").split() if w != ","]
    kept: list[str] = []
    for word in reversed(words):
        if word[:1].islower() and word.lower() not in _ROLE_NOUNS and not kept:
            break
        if not word[0].isalpha() or not word[-1].isalnum() or word.lower() in _STOP:
            break
        kept.insert(0, word)
    return " ".join(kept) or None


_STOP = frozenset("and said told the a an of".split())


def _clean_role(role: str | None) -> str | None:
    role = _titled_role(role)
    if role is None:
        return None
    role = _ROLE_START.sub("", role).strip(" ,")
    return role if any(w.lower() in _ROLE_NOUNS for w in role.split()) else None
