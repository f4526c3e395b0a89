"""Finding quoted statements in article text and who the text says made them, in what role."""

from __future__ import annotations

import re
from dataclasses import dataclass

from geodata.ingest.sentences import Sentence

_SAY = (
    r"(?:said|says|told|added|stated|noted|stressed|declared|explained|warned|insisted|"
    r"emphasi[sz]ed|announced|wrote|continued|replied|responded|remarked|argued|recalled|"
    r"underlined|pointed out|commented|concluded|acknowledged|admitted|claimed)"
)
_NAME = r"(?:[A-Z][\w'’-]+|(?:al|el|bin|ibn|de|van|von)-?[A-Z]?[\w'’-]*)"
_PERSON = rf"(?P<name>[A-Z][\w'’-]+(?:\s+{_NAME}){{0,3}})"
_ROLE_WORDS = r"(?:[A-Z]?[\w'’.-]+\s+){0,5}?"
_PRONOUN = r"(?P<pronoun>he|she|they)"
_QUOTED = re.compile(r"[\"“«]([^\"”»“«]+)(?:[\"”»]|$)", re.MULTILINE)
# After the quote: ', he said', ', said Peskov', ', Kremlin spokesman Dmitry Peskov told reporters'
_AFTER = (
    re.compile(rf"^[\s,]*{_PRONOUN}\s+(?:\w+ly\s+)?{_SAY}\b"),
    re.compile(rf"^[\s,]*{_SAY}\s+(?P<role>{_ROLE_WORDS}){_PERSON}"),
    re.compile(
        rf"^[\s,]*(?P<role>{_ROLE_WORDS}){_PERSON}(?:,[^,]{{3,60}},)?\s+(?:\w+ly\s+)?{_SAY}\b"
    ),
    re.compile(rf"^[\s,]*(?P<role>(?:the|a|an)\s+[\w\s'’-]{{3,50}}?)\s+{_SAY}\b"),
)
# Before the quote: 'Peskov said: "...', 'Kremlin spokesman Dmitry Peskov said, "...'
_BEFORE = (
    re.compile(
        rf"(?:^|[.;]\s+|\b)(?P<role>{_ROLE_WORDS}){_PERSON}(?:,[^,]{{3,60}},)?\s+(?:\w+ly\s+)?{_SAY}\b[^\"“]{{0,80}}?[:,]?\s*$"
    ),
    re.compile(rf"\b{_PRONOUN}\s+(?:\w+ly\s+)?{_SAY}\b[^\"“]{{0,80}}?[:,]?\s*$"),
    re.compile(rf"\b(?:according to)\s+(?P<role>{_ROLE_WORDS}){_PERSON},?\s*$", re.IGNORECASE),
)
_NOT_NAMES = frozenset(
    "The A An He She They It This That In On At Moscow Russia Kremlin Syria Syrian Russian "
    "We I But And When After Before As If While Asked Speaking According Earlier Later "
    "Meanwhile Also However Moscow's Russia's".split()
)
_TITLE_WORDS = frozenset(
    "foreign deputy russian syrian turkish prime defence defense special presidential interior "
    "kremlin minister president spokesman spokeswoman envoy ambassador general state first "
    "secretary chief head leader commander".split()
)
_ROLE_START = re.compile(r"^(?:the|a|an|and|but|while|as|then|later|also)\s+", re.IGNORECASE)


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
    last: str | None = None
    named: str | None = None

    def resolve(self, name: str, role: str | None) -> tuple[str, str | None]:
        words = re.sub(r"[’']s$", "", name.strip()).split()
        while len(words) > 1 and words[0].lower() in _TITLE_WORDS:
            words.pop(0)
        name = " ".join(words)
        surname = words[-1].casefold()
        full = name if len(words) > 1 else self.full.get(surname, name)
        self.full.setdefault(surname, full)
        role = _clean_role(role)
        if role:
            self.roles.setdefault(full, role)
        return full, role or self.roles.get(full)


def find_quotes(sentences: list[Sentence]) -> list[Quote]:
    """Every quoted span of three words or more whose speaker the text names."""
    people = _People({}, {})
    quotes: list[Quote] = []
    for sentence in sentences:
        _learn_names(sentence.text, people)
        attributed = False
        for match in _QUOTED.finditer(sentence.text):
            words = match.group(1).strip().rstrip(",").strip()
            if len(words.split()) < 3:
                continue
            speaker = _speaker(sentence.text, match, people)
            if speaker is None:
                continue
            name, role = speaker
            people.last = name
            attributed = True
            start = sentence.start + match.start(1)
            quotes.append(Quote(words, sentence, start, name, role))
        if not attributed and people.named:
            people.last = people.named
    return quotes


def _learn_names(text: str, people: _People) -> None:
    nouns = "|".join(sorted(_ROLE_NOUNS))
    pattern = rf"(?i:\b(?:{nouns}))\s+{_PERSON}"
    for match in re.finditer(pattern, text):
        name = match.group("name")
        role = _clean_role(_role_before(text, match.start("name")))
        if len(name.split()) >= 2 and name.split()[0] not in _NOT_NAMES and role:
            people.named, _ = people.resolve(name, role)


def _speaker(text: str, match: re.Match[str], people: _People) -> tuple[str, str | None] | None:
    after, before = text[match.end() :], text[: match.start()]
    for pattern in _AFTER:
        found = pattern.match(after)
        if found:
            return _who(found, people)
    for pattern in _BEFORE:
        found = pattern.search(before)
        if found:
            return _who(found, people)
    return None


def _who(found: re.Match[str], people: _People) -> tuple[str, str | None] | None:
    groups = found.groupdict()
    if groups.get("pronoun"):
        return None if people.last is None else (people.last, people.roles.get(people.last))
    name = groups.get("name")
    role = groups.get("role")
    if name is not None:
        role = _role_before(found.string, found.start("name")) or role
    if name is None or name.split()[0] in _NOT_NAMES:
        return _role_only(role, people)
    return people.resolve(name, role)


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
    words = (role or "").split()
    kept: list[str] = []
    for word in reversed(words):
        if word[:1].islower() and word.lower() not in _ROLE_NOUNS and not kept:
            break
        if not word[0].isalpha() or word.endswith((",", ".", ":")) or word.lower() in _STOP:
            break
        kept.insert(0, word)
    return " ".join(kept) or None


_STOP = frozenset("and said told the a an of".split())
_ROLE_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson minister president secretary envoy ambassador "
    "commander chief adviser advisor leader head official officer diplomat general".split()
)


def _clean_role(role: str | None) -> str | None:
    role = _titled_role(role)
    if role is None:
        return None
    role = _ROLE_START.sub("", role).strip(" ,")
    return role if any(w.lower() in _ROLE_NOUNS for w in role.split()) else None
