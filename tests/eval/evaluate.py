"""Precision and recall of `ingest`'s proposals on articles written for the purpose.

Run: python tests/eval/evaluate.py   (exits 1 when a target is missed)

Each articles/<name>.txt has an <name>.expected.toml: the publication date, the places it
names (gazetteer ids, or the plain name of a place the gazetteer lacks), its dates (words and
resolved date) and its quotes with their speaker. Places are matched by place, dates by words
and resolved date, statements by quote and speaker.
"""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from geodata.gazetteer import Gazetteer, name_key
from geodata.ingest.geocoding import offline_place
from geodata.ingest.proposals import Proposal, propose
from geodata.story import DEFAULT_FOLDER, read_story
from geodata.text import normalise

HERE = Path(__file__).resolve().parent
TARGETS = {
    "places": (0.8, 0.9),
    "dates": (0.8, 0.85),
    "statements": (0.8, 0.85),
}


@dataclass
class Score:
    found: int = 0
    expected: int = 0
    right_found: int = 0
    right_expected: int = 0

    @property
    def precision(self) -> float:
        return self.right_found / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right_expected / self.expected if self.expected else 1.0


def _places(proposal: Proposal, expected: list[str], gazetteer: Gazetteer, score: Score) -> None:
    found: dict[str, set[str]] = {}
    for m in proposal.mentions:
        names = {m.key} if m.place else {name_key(m.text), m.key}
        found.setdefault(m.key, set()).update(names)
    wanted = {e if e in gazetteer else name_key(e) for e in expected}
    score.found += len(found)
    score.expected += len(wanted)
    score.right_found += sum(1 for names in found.values() if names & wanted)
    all_names = set().union(*found.values()) if found else set()
    score.right_expected += len(wanted & all_names)


def _dates(proposal: Proposal, expected: list[dict[str, str]], score: Score) -> None:
    def same(t_text: str, t_code: str, e: dict[str, str]) -> bool:
        a, b = t_text.casefold(), e["text"].casefold()
        return (a in b or b in a) and t_code == e["date"]

    found = [(t.text, t.when.code) for t in proposal.timexes]
    score.found += len(found)
    score.expected += len(expected)
    score.right_found += sum(1 for f in found if any(same(*f, e) for e in expected))
    score.right_expected += sum(1 for e in expected if any(same(*f, e) for f in found))


def _statements(proposal: Proposal, expected: list[dict[str, str]], score: Score) -> None:
    def same(quote: str, speaker: str | None, e: dict[str, str]) -> bool:
        a, b = normalise(quote).rstrip(".,"), normalise(e["quote"]).rstrip(".,")
        return a == b and (speaker or "").casefold() == e["speaker"].casefold()

    found = [(q.text, q.speaker) for q in proposal.quotes]
    score.found += len(found)
    score.expected += len(expected)
    score.right_found += sum(1 for f in found if any(same(*f, e) for e in expected))
    score.right_expected += sum(1 for e in expected if any(same(*f, e) for f in found))


def evaluate(folder: Path = HERE / "articles") -> dict[str, Score]:
    """Scores per category over every article of ``folder``."""
    gazetteer = Gazetteer(read_story(DEFAULT_FOLDER).story.places.values())
    scores = {name: Score() for name in TARGETS}
    for path in sorted(folder.glob("*.txt")):
        expected = tomllib.loads(path.with_suffix(".expected.toml").read_text("utf-8"))
        body = path.read_text("utf-8")
        proposal = propose(
            body, date.fromisoformat(expected["published"]), gazetteer, geocode=offline_place
        )
        _places(proposal, expected.get("places", []), gazetteer, scores["places"])
        _dates(proposal, expected.get("date", []), scores["dates"])
        _statements(proposal, expected.get("statement", []), scores["statements"])
    return scores


def main() -> int:
    scores = evaluate()
    missed = 0
    for name, score in scores.items():
        precision_target, recall_target = TARGETS[name]
        ok = score.precision >= precision_target and score.recall >= recall_target
        missed += not ok
        print(
            f"{name:<11} precision {score.precision:.2f} (target {precision_target}) "
            f"recall {score.recall:.2f} (target {recall_target}) "
            f"[{score.right_expected}/{score.expected} expected found, "
            f"{score.right_found}/{score.found} proposals right] {'OK' if ok else 'MISSED'}"
        )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
