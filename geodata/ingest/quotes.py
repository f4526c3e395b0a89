"""Finding quoted statements in article text and who the text says made them, in what role.

Quotes may use any quotation marks (straight, curly, guillemets, low-high, single curly or
straight), stand before or after their attribution or around it, be partial ("focus on
“the presence of our soldiers”"), run over sentences and paragraphs, take a whole sentence
after the sentence that names the speaker, and come from a person ("Peskov said"), a pronoun
("he added", "it said"), or an institution or unnamed source ("the ministry said in a
statement", "a Syrian military official told AFP"). The patterns are in ``attribution``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from geodata.ingest.attribution import (
    ACCORDING,
    ADVERB,
    AFTER,
    APPOSITIVE,
    BEFORE,
    BODY_NAME,
    BODY_SPEAKING,
    BODY_WORDS,
    CLOSING,
    COMPLEMENT,
    COMPLEMENT_OF,
    CONTINUES,
    HEAD_WORD,
    HONORIFIC,
    INSTITUTION_HEADS,
    INVERTED,
    NOT_NAMES,
    OPENING_MARKS,
    PARTICLE,
    PEOPLE_HEADS,
    PERSON,
    PHRASE_BEFORE,
    PREPOSITION_BEFORE,
    QUOTED,
    REPORTING,
    ROLE_NOUNS,
    ROLE_START,
    SAID_NAME,
    SAY,
    SPEAKING,
    STOP,
    SUBJECT,
    SUBJECT_BODY,
    TITLE_LINKS,
    TITLE_WORDS,
)
from geodata.ingest.geocoding import offline_capital, offline_country
from geodata.ingest.sentences import Sentence


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
    # The people last named in the plural as a sentence's subject: whom 'they said' means.
    they: str | None = None

    def resolve(self, name: str, role: str | None) -> tuple[str, str | None]:
        words = re.sub(r"[’']s$", "", name.strip()).split()
        titles: list[str] = []
        while len(words) > 1 and words[0].lower() in TITLE_WORDS:
            titles.append(words.pop(0))
        name = " ".join(words)
        # 'Deputy' before the name's own titles ('Foreign Minister') is part of the role.
        role = role if _clean_role(role) else " ".join([_titled_role(role) or "", *titles]).strip()
        surname = PARTICLE.sub("", words[-1]).casefold()
        full = name if len(words) > 1 else self.full.get(surname, name)
        self.full.setdefault(surname, full)
        role = _clean_role(role)
        if role:
            self.roles.setdefault(full, role)
        return full, role or self.roles.get(full)

    def body(self, phrase: str) -> tuple[str, str | None]:
        """'the ministry' after 'The British defense ministry': the fuller name seen first."""
        phrase = " ".join(phrase.split()).strip(" ,")
        bare = ROLE_START.sub("", phrase)
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
        if not sentence.text.startswith(OPENING_MARKS):
            waiting = []
        attributed = False
        plain = _unmark_short_quotes(sentence.text)
        previous: tuple[tuple[str, str | None], int, bool] | None = None
        for match in QUOTED.finditer(sentence.text):
            group = match.lastgroup or "words"
            words = match.group(group).strip().rstrip(",").strip()
            if len(words.split()) < 3 or _is_title(words):
                continue
            start = sentence.start + match.start(group)
            between = plain[previous[1] : match.start()] if previous else ""
            # '"...," he said, adding "..."': the quote carries on its sentence's speaker.
            carried = previous[0] if previous and CONTINUES.match(between) else None
            speaker = _speaker(plain, match, people, carried)
            if speaker is None:
                speaker = carried
            if speaker is None and previous and not previous[2]:
                # 'stating that his troops met "..." from the people "..."': a later quote
                # with no speaker of its own in the same sentence is the earlier one's,
                # unless the earlier one ended a sentence of its own ('"... town." The').
                speaker = previous[0]
            whole = _whole_sentence(sentence.text, match)
            if speaker is None and whole and people.last and not _heading(sentence.text):
                speaker = people.last, people.roles.get(people.last)
            if speaker is None:
                if match.end() == len(sentence.text) and match.group(0)[-1] not in CLOSING:
                    waiting.append((words, sentence, start))
                continue
            previous = speaker, match.end(), words.endswith((".", "!", "?"))
            name, role = speaker
            people.last = name
            attributed = True
            if match.start() == 0:
                quotes += [Quote(*opened, name, role) for opened in waiting]
                waiting = []
            quotes.append(Quote(words, sentence, start, name, role))
        if not attributed:
            # An unattributed quote leaves no one speaking; a quoted subheading does not.
            unattributed = QUOTED.search(sentence.text) and not _heading(sentence.text)
            people.last = people.named or (None if unattributed else people.last)
    return quotes


def _is_title(words: str) -> bool:
    """'the "Deterrence of Aggression" offensive': a name in title case, not a statement."""
    # 'IRAN CAN NOT HAVE A NUCLEAR WEAPON': all capitals is shouting, not a title.
    return (
        not re.search(r"[.,;:!?]$", words)
        and not words.isupper()
        and all(word[0].isupper() or word in TITLE_LINKS for word in words.split())
    )


def _unmark_short_quotes(text: str) -> str:
    """The text with the marks of one- and two-word quotes and of names blanked: 'caused
    "severe damage" and put it "at risk"' reads on as one clause to whoever said it."""

    def blank(match: re.Match[str]) -> str:
        words = match.group(match.lastgroup or "words").strip()
        if len(words.split()) >= 3 and not _is_title(words):
            return match.group(0)
        marks = match.group(0)
        closed = len(marks) >= 2 and marks[-1] in CLOSING
        return " " + (marks[1:-1] + " " if closed else marks[1:])

    return QUOTED.sub(blank, text)


def _heading(text: str) -> bool:
    """'Kremlin remains in control' as a line of its own, no full stop: a subheading."""
    return re.search(r"[.!?…,;:][\"'”’»]*\s*$", text) is None


def _whole_sentence(text: str, match: re.Match[str]) -> bool:
    return match.start() == 0 and len(text[match.end() :].strip(" .,")) == 0


def _learn_names(text: str, people: _People) -> None:
    """Full names and roles the sentence gives, and who in it speaks or acts."""
    people.named = None
    nouns = "|".join(sorted(ROLE_NOUNS))
    for match in re.finditer(rf"(?i:\b(?:{nouns}))\s+{PERSON}", text):
        name = match.group("name")
        role = _clean_role(_role_before(text, match.start("name")))
        if len(name.split()) >= 2 and _is_name(name) and role:
            # 'Aid chief Sara Holm visited the camp': she is who 'she said' will mean.
            people.named, _ = people.resolve(name, role)
    for match in BODY_NAME.finditer(text):
        words = match.group("body").casefold().split()
        if len(words) >= 2 and re.fullmatch(BODY_WORDS, words[-1]):
            people.body(match.group("body"))
    # 'Ali Musa, 52, a farmer from Idlib, lost his house': he is who 'he said' will mean.
    age = r"(?:\s+\d{1,3},)?"
    appositive = rf"\b{PERSON},{age}\s+(?P<role>(?:the\s+)?(?:[\w'’-]+\s+){{0,4}}(?:{nouns}))\b"
    for match in re.finditer(appositive, text):
        name = match.group("name")
        if len(name.split()) >= 2 and _is_name(name):
            people.named, _ = people.resolve(name, match.group("role"))
    _learn_speakers(text, people)


def _learn_speakers(text: str, people: _People) -> None:
    """Who in the sentence speaks or is its subject: whom a later 'he', 'it', 'they' means."""
    for match in (m for pattern in BODY_SPEAKING for m in pattern.finditer(text)):
        if _institution(match.group("np")):
            people.it, _ = people.body(match.group("np"))
        elif not _plural(match.group("np")) and re.match(
            r"(?i:an?|another|one)\s", match.group("np")
        ):
            # 'a representative of the army — who asked not to be named — said': 'he'.
            people.named, _ = people.body(match.group("np"))
    subject = SUBJECT_BODY.match(text)
    if subject is not None and _institution(subject.group("np")):
        # 'The ministry issued a statement.' is whom a later 'it said' means.
        people.it, _ = people.body(subject.group("np"))
    elif subject is not None and _plural(subject.group("np")):
        # 'Two soldiers spoke to the paper.' are whom a later 'they said' means.
        people.they, _ = people.body(subject.group("np"))
    elif subject is not None and re.match(r"(?:The|An?|Another|One)\s", text) and not people.named:
        # 'A doctor treated the wounded.' is whom a later 'he said' means; 'The spokesman
        # said' is whoever has that role, and 'The diplomat' someone already speaking.
        np = subject.group("np")
        known = people.described(np)
        if known is not None:
            people.named = known[0]
        elif not text.startswith("The ") or people.last is None:
            people.named, _ = people.body(np)
    speaking = [(m.start(), _appositive(m) or m.group("name")) for m in SPEAKING.finditer(text)]
    speaking += [(m.start(), m.group("name")) for m in SAID_NAME.finditer(text)]
    # 'QUNEITRA, Syria – Ali Musa, 55, watched ...': the subject after a dateline or opener.
    person = _named_subject(text)
    if not (speaking or people.named) and person and _known_subject(person.group("name"), people):
        # 'Ahmed Ali runs a bakery.': a full name as the subject is whom 'he said' means.
        speaking = [(0, person.group("name"))]
    for _, name in sorted(speaking):
        # 'reiterated the Houthis’ stance': a possessive is not who speaks.
        if not _is_name(name) or name.endswith(("’", "'")):
            continue
        if _state(name):
            # 'Qatar welcomed the decision': a state speaks as 'it', never as 'he'.
            people.it = name
            continue
        people.named, _ = people.resolve(name, _role_before(text, text.find(name)))
    if people.named and people.last and _PRONOUN_SAYS.search(text):
        # 'Welcoming the decree on Minister Anas Khattab, she urged ...': 'she' is still
        # who spoke before, unless the name is the sentence's own subject.
        if person is None or people.named != people.resolve(person.group("name"), None)[0]:
            people.named = None


_PRONOUN_SAYS = re.compile(rf"\b(?:[Hh]e|[Ss]he){ADVERB}\s+{SAY}\b")


def _known_subject(name: str, people: _People) -> bool:
    """A full name, or the surname of someone named before ('Ramadan points at the hill.')."""
    words = name.split()
    return _full_name(name) or (
        len(words) == 1 and PARTICLE.sub("", words[0]).casefold() in people.full
    )


def _appositive(found: re.Match[str], group: str = "name") -> str | None:
    """'The mayor of Harlow, Peter Lund, told', 'the head of the office, Ali Musa, said': the
    full name set off after the name or phrase matched."""
    aside = APPOSITIVE.match(found.string, found.end(group), found.end())
    name = aside.group("name") if aside else None
    return name if name and len(name.split()) >= 2 and _is_name(name) else None


def _person(name: str) -> bool:
    """Whether a name may be whom 'he' or 'she' means: not a state, capital or body ('A
    Wagner Group presence would cause problems, he said')."""
    return not (_state(name) or re.fullmatch(INSTITUTION_HEADS, name.split()[-1]))


def _state(name: str) -> bool:
    """Whether a name is a country's or a capital's ('Qatar', 'Damascus')."""
    return bool(offline_country(name) or offline_capital(name))


def _institution(phrase: str) -> bool:
    """Whether a phrase naming a speaker names a body, not people ('the agency', 'SANA')."""
    head = COMPLEMENT.sub("", phrase).split()[-1]
    return not re.fullmatch(PEOPLE_HEADS, head, re.IGNORECASE)


def _full_name(words: str) -> bool:
    """Two words or more that name no country or capital ('Saudi Arabia hosted the talks')."""
    return len(words.split()) >= 2 and not _state(words)


def _plural(phrase: str) -> bool:
    """Whether a phrase naming a speaker names people in the plural ('two soldiers')."""
    head = COMPLEMENT.sub("", phrase).split()[-1].casefold()
    return head.endswith("s") and re.fullmatch(PEOPLE_HEADS, head) is not None


def _is_name(words: str) -> bool:
    """Whether words taken for a name are one: not 'The', 'Moscow' or a bare 'Mr'."""
    return re.sub(HONORIFIC, "", words).split()[0] not in NOT_NAMES


# Far longer than any attribution the patterns before a quote can match (role, name, an
# aside, the verb and up to 240 characters of reported speech).
REACH = 1000


def _speaker(
    text: str,
    match: re.Match[str],
    people: _People,
    carried: tuple[str, str | None] | None = None,
) -> tuple[str, str | None] | None:
    after, before = text[match.end() :], text[: match.start()]
    for pattern in AFTER:
        found = pattern.match(after)
        if found and carried and pattern in ACCORDING:
            # '"...," while stressing, "...," according to Reuters': Reuters reported it.
            return carried
        speaker = _who(found, people, before) if found else None
        # '"...," Interfax quoted him as saying': whoever 'him' is, Interfax is not the speaker.
        if speaker is not None or (found and pattern in REPORTING):
            return speaker
    # A pattern not tied to the sentence's start only looks at its last REACH characters:
    # searched from the start for each quote, a sentence of hundreds took minutes.
    near = max(0, len(before) - REACH)
    for pattern in BEFORE:
        found = pattern.search(before, 0 if pattern.pattern.startswith("^") else near)
        speaker = _who(found, people, before[: found.start()]) if found else None
        if speaker is not None:
            return speaker
    return None


def _who(found: re.Match[str], people: _People, earlier: str) -> tuple[str, str | None] | None:
    groups = found.groupdict()
    if groups.get("participle"):
        return _subject(earlier, people)
    if groups.get("pronoun") or groups.get("it") or groups.get("possessive"):
        return _pronoun(groups.get("pronoun") or groups.get("possessive") or "it", people, earlier)
    if groups.get("np"):
        named = _appositive(found, "np")
        if named is not None:
            return people.resolve(named, groups["np"])
        return _role_only(groups["np"], people) or people.body(groups["np"])
    if groups.get("the"):
        phrase = groups["the"]
        known = people.described(phrase)
        if known is None and HEAD_WORD.fullmatch(phrase.split()[-1]):
            return people.body(phrase)
        return known
    name = groups.get("name")
    role = groups.get("role")
    inverted = INVERTED.match(found.string, found.end("name")) if name is not None else None
    if inverted is not None and _is_name(inverted.group("name")):
        return people.resolve(inverted.group("name"), inverted.group("role"))
    if name is not None and _appositive(found):
        return people.resolve(_appositive(found) or "", found.group("name"))
    if name is not None:
        role = _role_before(found.string, found.start("name")) or role
    if name is None or not _is_name(name) or re.search(r"['’]s$", name):
        # 'denying Tehran’s claims': a possessive owns the noun after it; it does not speak.
        return _role_only(role, people)
    owner = COMPLEMENT_OF.search(found.string[: found.start("name")])
    if owner is not None:
        # 'the Coordination of Resistance Committees in El Fasher said': El Fasher is where,
        # the body before the preposition is who.
        return people.body(owner.group("owner"))
    before_name = found.string[: found.start("name")]
    phrase = PHRASE_BEFORE.search(found.string[: found.end("name")])
    if phrase is not None and PREPOSITION_BEFORE.search(before_name):
        # 'a resident of Tartus, who asked not to be named, told AFP': the resident speaks.
        return people.body(phrase.group("np"))
    return people.resolve(name, role)


# 'On Thursday, ' or 'Indeed, ' before a sentence's subject.
_OPENER = re.compile(r"^(?:[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3},\s+)?")
# A dateline: 'QUNEITRA, Syria – ', 'KOBANI, Syria (North Press) – '.
_DATELINE = re.compile(
    r"^[A-Z][\w'’.-]*(?:[ ,]+[A-Z][\w'’.-]*){0,3}(?:\s*\([^)]{1,40}\))?\s*[–—-]+\s+"
)


def _lead(text: str) -> int:
    """Where a sentence's own words begin, after a dateline or an opener."""
    dateline = _DATELINE.match(text)
    return dateline.end() if dateline else _OPENER.match(text).end()  # type: ignore[union-attr]


def _named_subject(text: str) -> re.Match[str] | None:
    """A name as the sentence's subject, at its start ('Ali Musa, a farmer, lost') or after
    a dateline or opener ('Indeed, Putin reciprocated')."""
    for start in (0, _lead(text)):
        found = SUBJECT.match(text[start:])
        if found is not None and _is_name(found.group("name")):
            return found
    return None


def _subject(earlier: str, people: _People) -> tuple[str, str | None] | None:
    """Who the clause before ', saying' is about: its subject, a name, pronoun or body."""
    person = _named_subject(earlier)
    if person is not None:
        return people.resolve(person.group("name"), person.group("role"))
    clause = earlier[_lead(earlier) :]
    pronoun = re.match(r"(?:He|She|They)\b", clause)
    if pronoun is not None:
        return _pronoun(pronoun.group(0), people, "")
    body = SUBJECT_BODY.match(clause)
    if body is not None:
        return people.body(body.group("np"))
    return None


def _pronoun(pronoun: str, people: _People, earlier: str) -> tuple[str, str | None] | None:
    """Whom 'he', 'she', 'they' or 'it' means: someone earlier in the sentence, else the
    last named."""
    if pronoun.lower() == "it":
        body = SUBJECT_BODY.match(earlier)
        if body is not None and _institution(body.group("np")):
            return people.body(body.group("np"))
        return None if people.it is None else (people.it, None)
    # 'Putin told him ... what he called "...': a name speaking earlier in the sentence.
    # 'Minister Ali Kassem condemned what he called "...': the subject of the sentence.
    speaking = [m.group("name") for m in SPEAKING.finditer(earlier)]
    subject = [m.group("name") for m in SUBJECT.finditer(earlier)]
    subjects = [s for s in speaking or subject if _is_name(s) and _person(s)]
    if subjects:
        return people.resolve(subjects[-1], None)
    if pronoun.lower() in ("they", "them", "their") and people.they is not None:
        return people.they, None
    return None if people.last is None else (people.last, people.roles.get(people.last))


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
        if word[:1].islower() and word.lower() not in ROLE_NOUNS and not kept:
            break
        # 'state media cited Deputy Foreign Minister', 'the cabinet following Deputy Prime
        # Minister': a verb or preposition ends the title.
        if word[:1].islower() and _ENDS_TITLE.fullmatch(word):
            break
        if not word[0].isalpha() or not word[-1].isalnum() or word.lower() in STOP:
            break
        kept.insert(0, word)
    return " ".join(kept) or None


_ENDS_TITLE = re.compile(
    rf"{SAY}|cited|citing|quoting|following|after|by|with|to|for|from|in|at|on|as|that"
)


def _clean_role(role: str | None) -> str | None:
    role = _titled_role(role)
    if role is None:
        return None
    role = ROLE_START.sub("", role).strip(" ,")
    return role if any(w.lower() in ROLE_NOUNS for w in role.split()) else None
