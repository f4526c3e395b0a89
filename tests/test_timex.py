"""`timex`: date expressions found in text and resolved against the publication day.

More cases from real news writing (issue 14) are in test_ingest_news.py.
"""

from __future__ import annotations

from datetime import date

import pytest

from geodata.ingest.timex import find_timexes

PUBLISHED = date(2024, 12, 16)  # a Monday


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("on December 8", "2024-12-08"),
        ("on September 30, 2015", "2015-09-30"),
        ("in 1971", "1971"),
        ("on Monday", "2024-12-16"),
        ("last week", "2024-12-09/2024-12-15"),
        ("earlier this month", "2024-12-01/2024-12-16"),
        ("in late November", "2024-11-21/2024-11-30"),
        ("since January 2024", "2024-01"),
        ("8 December 2024", "2024-12-08"),
        ("two days ago", "2024-12-14"),
    ],
    ids=lambda v: v if isinstance(v, str) and " " in v else None,
)
def test_dates_resolve_against_publication(text: str, code: str) -> None:
    found = find_timexes(f"It happened {text}.", PUBLISHED)
    assert [t.when.code for t in found] == [code]


def test_may_as_verb_is_no_date() -> None:
    assert find_timexes("Russia may keep its bases.", PUBLISHED) == []
