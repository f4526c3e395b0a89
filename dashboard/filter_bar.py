"""The filter and search controls of the map page: what they hold lives in the URL.

``current_filter`` reads the filter before the page draws anything (from the widgets' state,
else from the URL), so the whole page can be built from the narrowed story; ``filter_controls``
then draws the widgets where they belong.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

import streamlit as st

from dashboard.data import StoryData, narrowed
from dashboard.filtering import (
    RESULTS,
    Narrowed,
    Selection,
    result_label,
    result_place,
    selection_of,
    shown_line,
    stop_of_events,
)
from dashboard.plaintext import caption, markdown_text
from dashboard.standalone import standalone_html
from dashboard.view import Stop
from geodata import Event, EventKind, Place, Story
from geodata.export import to_csv
from geodata.filters import QUERY_KEYS, Facet, Filter

KEYS = {key: f"filter-{key}" for key in QUERY_KEYS}  # URL key -> widget key
OPEN = "filters-open"  # the "Filter and search" box: its widgets are made only while open
SHOWN = "filter-widgets-shown"  # whether this run made the widgets
WRITTEN = "filter-in-url"  # the filter the page last wrote to the URL
KIND_WORDS = {kind.value: kind.value.capitalize() for kind in EventKind}
PARTS = (  # URL key, label, help
    ("kind", "Kind", "Military, political, diplomatic, statement or background"),
    ("actor", "Who", "The person or body that acted or spoke"),
    ("outlet", "Outlet", "The news outlet of any of the event's sources"),
    ("where", "Place", "Events at any of these places"),
)


def _known(facets: dict[str, list[Facet]]) -> dict[str, set[str]]:
    return {key: {facet.value for facet in values} for key, values in facets.items()}


def current_filter(facets: dict[str, list[Facet]]) -> Filter:
    """The reader's filter: a link's (a shared URL, "see on the map"), else the widgets' while
    they are on screen, else the one kept in the session; values the articles do not have
    (any more) are dropped.

    A URL filter other than the one the page last wrote (``write_url``) was brought by a
    link; a run cut short before writing it (a quick second change) is no link.
    """
    state = st.session_state
    in_url = Filter.from_query({key: st.query_params.get_all(key) for key in QUERY_KEYS})
    kept = state.get("filter")
    if not isinstance(kept, Filter) or (in_url.active and in_url != state.get(WRITTEN)):
        asked = in_url
    elif state.get(OPEN) and state.get(SHOWN):
        asked = Filter.of(
            kinds=state[KEYS["kind"]],
            actors=state[KEYS["actor"]],
            outlets=state[KEYS["outlet"]],
            places=state[KEYS["where"]],
            text=state[KEYS["q"]],
        )
    else:
        asked = kept
    known = _known(facets)
    query = asked.to_query()
    for key in QUERY_KEYS[:-1]:
        query[key] = [value for value in query.get(key, []) if value in known[key]]
    wanted = Filter.from_query(query)
    state.filter = wanted
    return wanted


def write_url(view: dict[str, str], wanted: Filter) -> None:
    """Put the view (date, place) and the filter in the URL, so a link restores them."""
    query: dict[str, str | list[str]] = {**view, **wanted.to_query()}
    st.query_params.from_dict(query)
    st.session_state[WRITTEN] = wanted


def _show_in_widgets(wanted: Filter) -> None:
    """Give the widgets the filter's values (before they are made, so Streamlit allows it)."""
    query = wanted.to_query()
    for key in QUERY_KEYS[:-1]:
        if sorted(st.session_state.get(KEYS[key], [])) != query.get(key, []):
            st.session_state[KEYS[key]] = query.get(key, [])
    if st.session_state.get(KEYS["q"]) != wanted.text:
        st.session_state[KEYS["q"]] = wanted.text


def _option_label(facets: list[Facet], names: dict[str, str]) -> Callable[[str], str]:
    """'Dmitry Peskov (8)': an option's name and how many events have it."""
    counts = {facet.value: facet.count for facet in facets}
    return lambda value: f"{names.get(value, value)} ({counts.get(value, 0)})"


def clear() -> None:
    st.session_state.filter = Filter()
    _show_in_widgets(Filter())


def filter_controls(
    facets: dict[str, list[Facet]],
    narrowed: Narrowed,
    stops: Sequence[Stop],
    story: Story,
    place_names: dict[str, str],
) -> None:
    """Search box (with its results) and one multi-select per part; then 'N of M events shown'
    with 'Clear filters'."""
    wanted = narrowed.filter
    labels: dict[str, Callable[[str], str]] = {}
    for key, values in facets.items():
        names = KIND_WORDS if key == "kind" else place_names if key == "where" else {}
        labels[key] = _option_label(values, names)
    # Collapsed by default so the map stays in view; the line below says what is filtered.
    # Its widgets are made only while it is open: closed, it costs a new visit nothing
    # (the filter itself lives in the URL and session state, not in the widgets).
    box = st.expander("Filter and search", key=OPEN, on_change="rerun")
    st.session_state[SHOWN] = bool(box.open)
    if box.open:
        _show_in_widgets(wanted)
        with box:
            search, *columns = st.columns([2, 1, 1, 1, 1])
            search.text_input(
                "Search",
                key=KEYS["q"],
                help="Words in summaries, quotes, source sentences, people and place names; "
                "case, accents and spellings such as Khmeimim/Hmeimim do not matter.",
                placeholder="e.g. Khmeimim, Peskov, no final decision",
            )
            for column, (key, label, help_text) in zip(columns, PARTS, strict=True):
                column.multiselect(
                    label,
                    [facet.value for facet in facets[key]],
                    key=KEYS[key],
                    format_func=labels[key],
                    help=help_text,
                    placeholder="All",
                )
            if wanted.text:
                events = [e for events in narrowed.timeline.by_stop for e in events]
                search_results(events, stops, story, narrowed.places)
    line, button = st.columns([5, 1], vertical_alignment="center")
    words = shown_line(narrowed.shown, narrowed.total, wanted.active)
    if wanted.active:
        words += f" · {wanted.describe(place_names)}"
    line.html(caption(words))
    if wanted.active:
        button.button("Clear filters", on_click=clear, key="clear-filters")


def search_results(
    events: Sequence[Event], stops: Sequence[Stop], story: Story, places: Sequence[Place]
) -> None:
    """The events the words found, each with date and place; choosing one goes there."""
    codes = stop_of_events(stops)
    found = [event for event in events if event.id in codes]
    st.caption(
        f"{len(found)} event{'s' if len(found) != 1 else ''} found"
        + (f"; the first {RESULTS} are listed" if len(found) > RESULTS else "")
        + ". Choose one to go to its date and place."
    )
    for event in found[:RESULTS]:
        st.button(
            markdown_text(result_label(event, story, places)),
            key=f"result-{event.id}",
            on_click=_go,
            args=(codes[event.id], result_place(event, places)),
        )


def _go(code: str, place: str | None) -> None:
    st.session_state.date = code
    st.session_state.place = place


def remembered_filter() -> Filter:
    """The filter last set on the map page (this session), else the one in the URL."""
    kept = st.session_state.get("filter")
    if isinstance(kept, Filter):
        return kept
    return Filter.from_query({key: st.query_params.get_all(key) for key in QUERY_KEYS})


def filtered_downloads(data: StoryData) -> None:
    """The HTML page and CSV table of what the map page's filters keep, saying which filters.

    Nothing is computed here for the unfiltered story, and a filtered one comes from the cache:
    story mode reruns on every "Next".
    """
    wanted = remembered_filter()
    story = data.reading.story
    if wanted.active:
        chosen = selection_of(story, narrowed(data, wanted))
    else:
        chosen = Selection(story, data.timeline, data.places, "")
    if chosen.note:
        st.html(caption(f"{chosen.note}, as set on the map page."))
    st.download_button(
        "Map and story (HTML)",
        data=partial(
            standalone_html, chosen.story, chosen.timeline, chosen.places, filtered=chosen.note
        ),
        file_name="syria-bases-story.html",
        mime="text/html",
        on_click="ignore",
        key="download-html",
    )
    st.download_button(
        "Events table (CSV)",
        data=partial(to_csv, chosen.story),
        file_name="syria-bases-events.csv",
        mime="text/csv",
        on_click="ignore",
        key="download-csv",
    )
