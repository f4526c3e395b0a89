"""Library alternatives measured against our own code (tests/eval/README.md has the figures).

dateparser's ``search_dates`` (relative base = publication day, dates preferred from the
past) stands in for ``geodata.ingest.timex.find_timexes``, alone or filling in what ours
misses; anyascii stands in for the accent folding of place names.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from dateparser import DateDataParser  # type: ignore[import-untyped]
from dateparser.search import search_dates  # type: ignore[import-untyped]

from geodata.dates import DatePrecision, StoryDate
from geodata.gazetteer import Gazetteer
from geodata.ingest.geocoding import offline_place
from geodata.ingest.proposals import Proposal, propose
from geodata.ingest.timex import Timex, find_timexes


def _settings(published: date) -> dict[str, object]:
    return {
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }


def _span(value: datetime, period: str) -> StoryDate:
    day = value.date()
    if period == "year":
        return StoryDate.parse(str(day.year))
    if period == "month":
        return StoryDate.parse(f"{day.year}-{day.month:02d}")
    if period == "week":
        monday = day - timedelta(days=day.weekday())
        return StoryDate(monday, monday + timedelta(days=6), DatePrecision.RANGE)
    return StoryDate.day(day)


def dateparser_timexes(text: str, published: date) -> list[Timex]:
    settings = _settings(published)
    found = search_dates(text, languages=["en"], settings=settings) or []
    parser = DateDataParser(languages=["en"], settings=settings)
    timexes: list[Timex] = []
    position = 0
    for words, value in found:
        start = text.find(words, position)
        if start < 0:
            continue
        position = start + len(words)
        period = parser.get_date_data(words).period or "day"
        timexes.append(Timex(words, start, start + len(words), _span(value, period)))
    return timexes


def filled_timexes(text: str, published: date) -> list[Timex]:
    """Ours, with dateparser's expressions where ours found none."""
    ours = find_timexes(text, published)
    extra = [
        t
        for t in dateparser_timexes(text, published)
        if not any(o.start < t.end and t.start < o.end for o in ours)
    ]
    return sorted(ours + extra, key=lambda t: t.start)


def dateparser_proposer(body: str, published: date, gazetteer: Gazetteer) -> Proposal:
    return propose(body, published, gazetteer, geocode=offline_place, find_dates=dateparser_timexes)


def filled_proposer(body: str, published: date, gazetteer: Gazetteer) -> Proposal:
    return propose(body, published, gazetteer, geocode=offline_place, find_dates=filled_timexes)


def anyascii_proposer(body: str, published: date, gazetteer: Gazetteer) -> Proposal:
    """Ours, with place names folded by anyascii before our own spelling rules."""
    from anyascii import anyascii  # type: ignore[import-not-found]

    import geodata.gazetteer as gazetteer_module
    import geodata.ingest.geocoding as geocoding_module

    original = gazetteer_module.name_key
    if getattr(original, "anyascii", False):
        return propose(body, published, gazetteer, geocode=offline_place)

    def folded(name: str) -> str:
        return original(anyascii(name))

    folded.anyascii = True  # type: ignore[attr-defined]
    for module in (gazetteer_module, geocoding_module):
        module.name_key = folded  # type: ignore[attr-defined]
    geocoding_module._index.cache_clear()
    geocoding_module._countries.cache_clear()
    places = Gazetteer(gazetteer)
    return propose(body, published, places, geocode=offline_place)
