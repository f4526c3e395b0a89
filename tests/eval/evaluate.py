"""Precision and recall of `ingest`'s proposals, on real articles and on our own.

Run: python tests/eval/evaluate.py [--details development|ours] [--dates dateparser]

Three sets are scored separately (tests/eval/README.md tells how they were made):

- development: real published articles (tests/eval/real/, the half named in split.toml);
  the extractor may be tuned on these.
- held-out: the other half of the real articles; measured only, never tuned on.
- written by us: the eight articles in tests/eval/articles/, written for the purpose.

Each <name>.txt has a <name>.expected.toml: the publication date, the places it names (as the
text or GeoNames spells them; "a|b" gives equivalent spellings), places that count neither way
(`optional_places`: seas, regions, the Kremlin), its dates (words and resolved date, whose
form gives the precision) and its attributed quotes with their speaker. Places are matched by
any of the found place's names, dates by words and resolved date, quotes by their words and
speaker (surname, or an alias such as "ministry" for an institution). A proposed date after
the publication day counts as an after-publication date unless the annotation gives those
words a date after publication too (clearly future wording, "scheduled for October 15").
"""

from __future__ import annotations

import argparse
import sys
import tomllib
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from geodata.dates import StoryDate
from geodata.gazetteer import Gazetteer, name_key
from geodata.ingest.geocoding import offline_place
from geodata.ingest.proposals import Proposal, propose
from geodata.story import DEFAULT_FOLDER, read_story
from geodata.text import normalise

HERE = Path(__file__).resolve().parent
REAL = HERE / "real"
OURS = HERE / "articles"
CATEGORIES = ("places", "dates", "quotes")
# (precision, recall) targets, asserted on the held-out half by tests/test_eval.py.
TARGETS = {"places": (0.8, 0.9), "dates": (0.8, 0.85), "quotes": (0.8, 0.85)}

Proposer = Callable[[str, date, Gazetteer], Proposal]
T = TypeVar("T")
E = TypeVar("E")


@dataclass
class Score:
    found: int = 0
    expected: int = 0
    right_found: int = 0
    right_expected: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right_found / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right_expected / self.expected if self.expected else 1.0

    def match(
        self,
        found: list[T],
        expected: list[E],
        same: Callable[[T, E], bool],
        shown: Callable[[T], str],
        wanted: Callable[[E], str],
    ) -> None:
        """Count what was found against what was expected, each matched by ``same``."""
        self.found += len(found)
        self.expected += len(expected)
        for item in found:
            if any(same(item, e) for e in expected):
                self.right_found += 1
            else:
                self.wrong.append(shown(item))
        for e in expected:
            if any(same(item, e) for item in found):
                self.right_expected += 1
            else:
                self.missed.append(wanted(e))

    def meets(self, category: str) -> bool:
        precision, recall = TARGETS[category]
        return self.precision >= precision and self.recall >= recall


@dataclass
class Report:
    """Scores of one set of articles."""

    name: str
    articles: list[str]
    scores: dict[str, Score]
    after_publication: list[str]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'")).casefold()
    return "".join(c for c in text if not unicodedata.combining(c))


def _place_names(mention: Any, gazetteer: Gazetteer) -> set[str]:
    names = {mention.text, mention.key}
    if mention.place is not None:
        names |= {mention.place.name, *mention.place.aliases}
    if mention.new is not None:
        names.add(mention.new.name)
    return {name_key(n) for n in names}


def _places(proposal: Proposal, expected: dict[str, Any], gazetteer: Gazetteer, s: Score) -> None:
    wanted = [{name_key(n) for n in entry.split("|")} for entry in expected.get("places", [])]
    optional = {name_key(n) for n in expected.get("optional_places", [])}
    found: dict[str, set[str]] = {}
    for mention in proposal.mentions:
        found.setdefault(mention.key, set()).update(_place_names(mention, gazetteer))
    all_found = set().union(*found.values()) if found else set()
    for key, names in found.items():
        if any(names & alternatives for alternatives in wanted):
            s.found += 1
            s.right_found += 1
        elif not names & optional:
            s.found += 1
            s.wrong.append(key)
    s.expected += len(wanted)
    for entry, alternatives in zip(expected.get("places", []), wanted, strict=True):
        if alternatives & all_found:
            s.right_expected += 1
        else:
            s.missed.append(entry)


def _same_date(text: str, when: StoryDate, entry: dict[str, str]) -> bool:
    a, b = text.casefold(), entry["text"].casefold()
    return (a in b or b in a) and when.code == entry["date"]


def _dates(proposal: Proposal, expected: list[dict[str, str]], s: Score) -> None:
    s.match(
        [(t.text, t.when) for t in proposal.timexes],
        expected,
        lambda found, e: _same_date(*found, e),
        lambda found: f"{found[0]!r} -> {found[1].code}",
        lambda e: f"{e['text']!r} = {e['date']}",
    )


def _after_publication(
    proposal: Proposal, expected: list[dict[str, str]], published: date
) -> list[str]:
    """Proposed dates after publication whose words the annotation does not date so."""
    future = {
        e["text"].casefold() for e in expected if StoryDate.parse(e["date"]).start > published
    }
    return [
        f"{t.text!r} -> {t.when.code}"
        for t in proposal.timexes
        if t.when.start > published
        and not any(t.text.casefold() in f or f in t.text.casefold() for f in future)
    ]


def _speaker_matches(found: str | None, entry: dict[str, Any]) -> bool:
    if not found:
        return False
    names = [entry["speaker"], *entry.get("speaker_aliases", [])]
    found_words = _fold(found).replace("'s", "").split()
    for name in names:
        words = _fold(name).replace("'s", "").split()
        if found_words[-1] in words or words[-1] in found_words:
            return True
    return False


def _quote_key(text: str) -> str:
    return normalise(text).strip().rstrip(".,;:").strip()


def _quotes(proposal: Proposal, expected: list[dict[str, Any]], s: Score) -> None:
    def same(found: tuple[str, str | None], e: dict[str, Any]) -> bool:
        quote, speaker = found
        return _quote_key(quote) == _quote_key(e["quote"]) and _speaker_matches(speaker, e)

    s.match(
        [(q.text, q.speaker) for q in proposal.quotes],
        expected,
        same,
        lambda found: f"{found[1]}: {found[0][:60]!r}",
        lambda e: f"{e['speaker']}: {e['quote'][:60]!r}",
    )


def default_proposer(body: str, published: date, gazetteer: Gazetteer) -> Proposal:
    return propose(body, published, gazetteer, geocode=offline_place)


def gazetteer() -> Gazetteer:
    return Gazetteer(read_story(DEFAULT_FOLDER).story.places.values())


def score_set(name: str, paths: Iterable[Path], proposer: Proposer = default_proposer) -> Report:
    """Scores per category over the articles at ``paths`` (each a .txt file)."""
    places = gazetteer()
    scores = {category: Score() for category in CATEGORIES}
    report = Report(name, [], scores, [])
    for path in paths:
        expected = tomllib.loads(path.with_suffix(".expected.toml").read_text("utf-8"))
        published = date.fromisoformat(expected["published"])
        proposal = proposer(path.read_text("utf-8"), published, places)
        before = {c: (len(s.missed), len(s.wrong)) for c, s in scores.items()}
        _places(proposal, expected, places, scores["places"])
        _dates(proposal, expected.get("date", []), scores["dates"])
        _quotes(proposal, expected.get("statement", []), scores["quotes"])
        late = _after_publication(proposal, expected.get("date", []), published)
        report.after_publication += [f"{path.stem}: {item}" for item in late]
        for category, score in scores.items():
            missed, wrong = before[category]
            score.missed[missed:] = [f"{path.stem}: {m}" for m in score.missed[missed:]]
            score.wrong[wrong:] = [f"{path.stem}: {w}" for w in score.wrong[wrong:]]
        report.articles.append(path.stem)
    return report


def split() -> dict[str, list[str]]:
    data = tomllib.loads((REAL / "split.toml").read_text("utf-8"))
    return {"development": data["development"], "held-out": data["held_out"]}


def evaluate(which: str, proposer: Proposer = default_proposer) -> Report:
    """Scores of one set: "development", "held-out" or "ours"."""
    if which == "ours":
        return score_set("written by us", sorted(OURS.glob("*.txt")), proposer)
    return score_set(which, [REAL / f"{n}.txt" for n in split()[which]], proposer)


def _print(report: Report, details: bool) -> None:
    print(f"{report.name} ({len(report.articles)} articles)")
    for category, s in report.scores.items():
        precision, recall = TARGETS[category]
        print(
            f"  {category:<7} precision {s.precision:.2f} recall {s.recall:.2f} "
            f"[{s.right_expected}/{s.expected} expected found, "
            f"{s.right_found}/{s.found} proposals right] "
            f"(targets {precision} / {recall}: {'met' if s.meets(category) else 'MISSED'})"
        )
        if details:
            for missed in s.missed:
                print(f"      missed {missed}")
            for wrong in s.wrong:
                print(f"      wrong  {wrong}")
    print(f"  dates after publication for past events: {len(report.after_publication)}")
    if details:
        for item in report.after_publication:
            print(f"      {item}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--details",
        choices=("development", "ours"),
        help="list what was missed and wrong (never for the held-out half)",
    )
    parser.add_argument(
        "--with",
        dest="dates",
        choices=("ours", "dateparser", "filled", "anyascii"),
        default="ours",
        help="alternative to measure: dateparser's search_dates for dates (alone, or filling "
        "in ours), or anyascii folding place names",
    )
    parser.add_argument(
        "--sets",
        nargs="+",
        choices=("development", "held-out", "ours"),
        default=["development", "held-out", "ours"],
        help="which sets to score (default: all three)",
    )
    args = parser.parse_args(argv)
    proposer = default_proposer
    if args.dates != "ours":
        import alternatives  # type: ignore[import-not-found]

        proposer = getattr(alternatives, f"{args.dates}_proposer")
    held_out = None
    for which in args.sets:
        report = evaluate(which, proposer)
        _print(report, details=args.details == which)
        held_out = report if which == "held-out" else held_out
    if held_out is None:
        return 0
    met = all(s.meets(c) for c, s in held_out.scores.items()) and not held_out.after_publication
    print(f"held-out targets: {'all met' if met else 'not all met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
