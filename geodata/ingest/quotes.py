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
    r"(?:said|says|say|told|tells|added|adds|stated|states|noted|notes|stressed|declared|"
    r"explained|warned|insisted|emphasi[sz]ed|announced|wrote|writes|continued|replied|"
    r"responded|remarked|argued|recalled|underlined|underscored|pointed out|commented|"
    r"concluded|acknowledged|admitted|claimed|confirmed|denied|urged|described|called|"
    r"reported|reports|quoted|posted|tweeted|pledged|vowed|promised|asserted|affirmed|"
    r"reiterated|saying|telling|adding|noting|stressing|warning|describing|calling)"
)
_ADVERB = r"(?:\s+(?:\w+ly|also|later|then|earlier|previously|further))*"
_NAME = r"(?:[A-Z]\.|[A-Z][\w'’-]+|(?:al|el|bin|ibn|de|van|von)-?[A-Z]?[\w'’-]*)"
_PERSON = rf"(?P<name>[A-Z][\w'’-]+(?:\s+{_NAME}){{0,3}})"
_ROLE_WORDS = r"(?:[A-Z]?[\w'’.-]+\s+){0,5}?"
_PRONOUN = r"(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey)"
# Who speaks without a name: institutions, unnamed officials and sources, documents.
_HEADS = (
    r"(?:officials?|sources?|spokes(?:man|woman|person)|ministry|statement|document|army|"
    r"military|government|authorities|agency|forces|member|commander|activist|witness|"
    r"residents?|diplomats?|observatory|presidency|embassy|office|council|committee|command|"
    r"police|media|intelligence|correspondent|analysts?|experts?|Kremlin|department|service|"
    r"administration|minister|president|envoy|ambassador|leader|secretary|chief|director|"
    r"[A-Z]{2,6})"
)
_NP = (
    rf"(?P<np>(?:[Tt]he|[Aa]n?|[A-Z][\w'’.-]*)(?:\s+[\w'’.-]+){{0,6}}?\s+{_HEADS}"
    r"(?:\s+(?:of|in|from|at|for|with|close to|guarding)\s+[^,;\"“”«»]{0,60}?)?)"
)
# Double marks of any style (a quote may run to the end of its paragraph), or single curly
# ones, which must close before a non-letter so that apostrophes do not end them.
_QUOTED = re.compile(
    r"[\"“«„](?P<words>[^\"“”«»„]+)(?:[\"”»“]|$)|(?<![\w’'])‘(?P<single>(?:[^‘’\"“”]|’(?=\w))+?)’(?!\w)",
    re.MULTILINE,
)
_TAIL = r"[^\"“”«»]{0,100}?[:,]?\s*$"
# After the quote: ', he said', ', said Peskov', ', Kremlin spokesman Dmitry Peskov told ...'
_AFTER = (
    re.compile(rf"^[\s,]*{_PRONOUN}{_ADVERB}\s+{_SAY}\b"),
    re.compile(rf"^[\s,]*{_SAY}\s+(?P<role>{_ROLE_WORDS}){_PERSON}"),
    re.compile(rf"^[\s,]*(?P<role>{_ROLE_WORDS}){_PERSON}(?:,[^,]{{3,60}},)?{_ADVERB}\s+{_SAY}\b"),
    re.compile(rf"^[\s,]*{_NP}{_ADVERB}\s+{_SAY}\b"),
    re.compile(rf"^[\s,]*{_SAY}\s+{_NP}"),
    re.compile(rf"^[\s,]*according\s+to\s+(?P<role>{_ROLE_WORDS}){_PERSON}", re.IGNORECASE),
)
# Before the quote: 'Peskov said: "...', 'the ministry said, describing it as a "...'
_BEFORE = (
    re.compile(
        rf"\b(?P<role>{_ROLE_WORDS}){_PERSON}(?:,[^,]{{3,60}},)?{_ADVERB}\s+{_SAY}\b{_TAIL}"
    ),
    re.compile(rf"\b{_PRONOUN}{_ADVERB}\s+{_SAY}\b{_TAIL}"),
    re.compile(rf"{_NP}{_ADVERB}\s+{_SAY}\b{_TAIL}"),
    re.compile(rf"\b(?:according to)\s+(?P<role>{_ROLE_WORDS}){_PERSON},?\s*$", re.IGNORECASE),
    re.compile(rf"^According to\s+{_NP},"),
)
_SPEAKING = re.compile(rf"{_PERSON}(?:,[^,]{{3,80}},)?{_ADVERB}\s+(?:{_SAY}|did not|had)\b")
_SAID_NAME = re.compile(rf"\b{_SAY}\s+(?P<role>{_ROLE_WORDS}){_PERSON}")
_NOT_NAMES = frozenset(
    "The A An He She They It This That In On At Moscow Russia Kremlin Syria Syrian Russian "
    "We I But And When After Before As If While Asked Speaking According Earlier Later "
    "Meanwhile Also However Moscow's Russia's Commenting Turning Under Mr Mrs Ms".split()
)
_TITLE_WORDS = frozenset(
    "foreign deputy russian syrian turkish prime defence defense special presidential interior "
    "kremlin minister president spokesman spokeswoman envoy ambassador general state first "
    "secretary chief head leader commander mr. mrs. ms. mr mrs ms dr. dr".split()
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

    def resolve(self, name: str, role: str | None) -> tuple[str, str | None]:
        words = re.sub(r"[’']s$", "", name.strip()).split()
        while len(words) > 1 and words[0].lower() in _TITLE_WORDS:
            words.pop(0)
        name = " ".join(words)
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
        self.bodies[head] = bare
        return bare, None


def find_quotes(sentences: list[Sentence]) -> list[Quote]:
    """Every quoted span of three words or more whose speaker the text names."""
    people = _People({}, {})
    quotes: list[Quote] = []
    for sentence in sentences:
        _learn_names(sentence.text, people)
        attributed = False
        for match in _QUOTED.finditer(sentence.text):
            group = "words" if match.group("words") is not None else "single"
            words = match.group(group).strip().rstrip(",").strip()
            if len(words.split()) < 3:
                continue
            speaker = _speaker(sentence.text, match, people)
            if speaker is None and _whole_sentence(sentence.text, match) and people.last:
                speaker = people.last, people.roles.get(people.last)
            if speaker is None:
                continue
            name, role = speaker
            people.last = name
            attributed = True
            start = sentence.start + match.start(group)
            quotes.append(Quote(words, sentence, start, name, role))
        if not attributed:
            people.last = people.named or (None if _QUOTED.search(sentence.text) else people.last)
    return quotes


def _whole_sentence(text: str, match: re.Match[str]) -> bool:
    return match.start() == 0 and len(text[match.end() :].strip(" .,")) == 0


def _learn_names(text: str, people: _People) -> None:
    """Full names and roles the sentence gives, and who in it speaks or acts."""
    people.named = None
    nouns = "|".join(sorted(_ROLE_NOUNS))
    for match in re.finditer(rf"(?i:\b(?:{nouns}))\s+{_PERSON}", text):
        name = match.group("name")
        role = _clean_role(_role_before(text, match.start("name")))
        if len(name.split()) >= 2 and name.split()[0] not in _NOT_NAMES and role:
            people.resolve(name, role)
    for match in re.finditer(rf"\b{_PERSON},\s+(?:the\s+)?(?:[\w-]+\s+){{0,4}}(?:{nouns})\b", text):
        name = match.group("name")
        if len(name.split()) >= 2 and name.split()[0] not in _NOT_NAMES:
            people.resolve(name, None)
    speaking = [(m.start(), m.group("name")) for m in _SPEAKING.finditer(text)]
    speaking += [(m.start(), m.group("name")) for m in _SAID_NAME.finditer(text)]
    for _, name in sorted(speaking):
        if name.split()[0] not in _NOT_NAMES:
            people.named, _ = people.resolve(name, _role_before(text, text.find(name)))


def _speaker(text: str, match: re.Match[str], people: _People) -> tuple[str, str | None] | None:
    after, before = text[match.end() :], text[: match.start()]
    for pattern in _AFTER:
        found = pattern.match(after)
        speaker = _who(found, people, before) if found else None
        if speaker is not None:
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
        subjects = [m.group("name") for m in _SPEAKING.finditer(earlier)]
        subjects = [s for s in subjects if s.split()[0] not in _NOT_NAMES]
        if subjects:
            return people.resolve(subjects[-1], None)
        return None if people.last is None else (people.last, people.roles.get(people.last))
    if groups.get("np"):
        return _role_only(groups["np"], people) or people.body(groups["np"])
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
    "commander chief adviser advisor leader head official officer diplomat general director "
    "admiral".split()
)


def _clean_role(role: str | None) -> str | None:
    role = _titled_role(role)
    if role is None:
        return None
    role = _ROLE_START.sub("", role).strip(" ,")
    return role if any(w.lower() in _ROLE_NOUNS for w in role.split()) else None
