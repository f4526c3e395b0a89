"""The map page: a date slider reveals, place by place, what happened and what was said."""

from dataclasses import replace
from html import escape

import streamlit as st
from streamlit_folium import st_folium

from dashboard.cards import (
    count_words,
    event_card,
    legend,
    place_heading,
    places_caption,
    places_table,
)
from dashboard.data import event_index, narrowed, story_data
from dashboard.filter_bar import current_filter, filter_controls, write_url
from dashboard.filtering import nearest_stop
from dashboard.maps import (
    COUNT_KEY,
    MAP_CREDIT,
    SYMBOLS,
    base_map,
    map_places,
    place_at,
    place_layer,
)
from dashboard.notices import show_problems
from dashboard.plaintext import caption, heading, isolated, markdown_text, notice
from dashboard.statement_cards import speaker_link
from dashboard.style import PAGE_CSS
from dashboard.view import default_position, slider_stops, stop_heading

# A long list is cut to its first CARDS; "Show all" reveals the rest. Beyond BUTTONS places
# the "all places" list becomes one select box: hundreds of buttons slow every step.
CARDS = 20
BUTTONS = 30

# Filters narrow the story before anything is drawn: every part of the page follows them.
everything = story_data()
facets = event_index(everything).facets()
view = narrowed(everything, current_filter(facets))
data = replace(everything, timeline=view.timeline, places=view.places)
story, timeline = data.reading.story, data.timeline
stops = slider_stops(timeline)
# The map adds the brief's places (reference places, under any filter too); a click on
# one focuses it like any place.
on_map = map_places(story, data.places)
places_by_id = {place.id: place for place in on_map}

st.html(PAGE_CSS)
st.title("Russia's military bases in Syria after the fall of Assad", anchor=False)
st.caption(
    "Move the date to see what happened and what was said, place by place. "
    "Every line comes from a news article; click a source to read it."
)
show_problems(data.reading.issues)
place_names = {place.id: place.name for place in everything.places}
filter_controls(facets, view, stops, story, place_names)

if not stops:
    st.info(
        "No event matches these filters: clear one or try other words."
        if view.filter.active
        else "There are no events to show yet. "
        "Add articles and their events to the articles folder."
    )
    write_url({}, view.filter)
    st.stop()

# The view lives in the URL (?date=...&place=...&kind=...), so a link restores it.
codes = [stop.code for stop in stops]
labels = {stop.code: stop.label for stop in stops}
if st.session_state.get("date") not in codes:  # first visit, new data, or filtered away
    first_visit = "date" not in st.session_state
    asked = st.query_params.get("date")
    # A date the filters removed gives way to the last stop before it (skipped, not empty).
    near = nearest_stop(stops, st.session_state.get("date"))
    position = default_position(stops) if near is None else near
    st.session_state.date = asked if asked in codes else codes[position]
    asked_place = st.query_params.get("place")
    st.session_state.place = asked_place if asked_place in places_by_id else None
    # A shared link whose date or place this story does not have says so, not silently.
    unknown = [
        f"{what} “{value}”"
        for what, value, known in (("date", asked, codes), ("place", asked_place, places_by_id))
        if first_visit and value is not None and value not in known
    ]
    st.session_state.link_notice = (
        (
            f"This link asks for {' and '.join(unknown)}, which this story does not have; "
            f"showing {labels[st.session_state.date]} instead."
        )
        if unknown
        else "",
        st.session_state.date,
    )
link_notice, shown_for = st.session_state.get("link_notice", ("", None))
if link_notice and shown_for == st.session_state.date:  # until the reader moves on
    st.html(notice(link_notice))


def step(by: int) -> None:
    position = codes.index(st.session_state.date) + by
    st.session_state.date = codes[min(max(position, 0), len(codes) - 1)]


def focus(place_id: str | None) -> None:
    st.session_state.place = place_id


def switch_street_map() -> None:
    st.session_state.online = not st.session_state.get("online", False)


position = codes.index(st.session_state.date)
previous, slider, following = st.columns([1, 8, 1], vertical_alignment="bottom")
previous.button(
    "◀ Previous",
    on_click=step,
    args=(-1,),
    use_container_width=True,
    disabled=position == 0,
    key="previous",
)
following.button(
    "Next ▶",
    on_click=step,
    args=(1,),
    use_container_width=True,
    disabled=position == len(codes) - 1,
    key="next",
)
slider.select_slider("Date", options=codes, key="date", format_func=labels.__getitem__)
stop = stops[codes.index(st.session_state.date)]
selected = st.session_state.place
write_url({"date": stop.code} | ({"place": selected} if selected else {}), view.filter)

map_column, panel = st.columns([3, 2])
with map_column:
    st.html(f'<div class="count-key" style="font-weight:600">{escape(COUNT_KEY)}</div>')
    online = st.session_state.get("online", False)
    output = st_folium(
        base_map(online_tiles=online),
        key="story-map",
        height=470,
        use_container_width=True,
        feature_group_to_add=place_layer(on_map, timeline, stop.index, selected),
        returned_objects=["last_object_clicked"],
    )
    st.html(
        legend(
            [item for kind, item in SYMBOLS.items() if any(place.kind is kind for place in on_map)]
        )
    )
    st.caption(
        f"{MAP_CREDIT} Places outside this view have an arrow at the map's edge; the table below "
        "lists every place."
    )
    st.html(
        places_table(
            data.places,
            timeline.counts[stop.index],
            timeline.new_places(stop.index),
            places_caption(stop),
        )
    )
    # A button, not a toggle: a new visit then fetches no element code beyond what the date
    # row fetched already, one fewer thing for the map's frame to wait for (README, "Speed").
    st.button(
        "Hide the street map" if online else "Add an online street map beneath (needs internet)",
        on_click=switch_street_map,
        key="street-map",
    )

clicked = (output or {}).get("last_object_clicked")
if clicked and st.session_state.get("last_click") != clicked:
    st.session_state.last_click = clicked
    place = place_at(on_map, clicked["lat"], clicked["lng"])
    if place is not None and place.id != selected:
        st.session_state.place = place.id
        st.rerun()

with panel:
    if selected and selected in places_by_id:
        place = places_by_id[selected]
        count = timeline.count_at(stop.index, place.id)
        st.html(heading(place_heading(place, count, stop), level=3))
        st.html(caption(place.description))
        st.button("Show all places", on_click=focus, args=(None,), key="unfocus")
        events = timeline.revealed(stop.index, place.id)
    else:
        st.html(heading(stop_heading(stop), level=3))
        events = list(stop.events)
        st.caption(
            f"{count_words(len(events))} on this date. Click a place on the map to "
            "see everything that happened there up to this date."
        )
    show_all = len(events) <= CARDS or st.session_state.get("show-all-cards", False)
    for event in events if show_all else events[:CARDS]:
        st.html(event_card(event, story) + speaker_link(event))
    if len(events) > CARDS:
        st.caption(f"Showing {len(events) if show_all else CARDS} of {len(events)}.")
        st.toggle(f"Show all {len(events)}", key="show-all-cards")


def place_label(place_id: str | None) -> str:
    if place_id is None:
        return "All places"
    place = places_by_id[place_id]
    count = timeline.count_at(stop.index, place_id)
    return f"{isolated(place.name)} ({place.kind.label}): {count_words(count)}"


def picked() -> None:
    focus(st.session_state["place-picker"])


# Like "Filter and search", its buttons are made only while it is open.
places_box = st.expander("Places elsewhere and all places", key="places-open", on_change="rerun")
if places_box.open:
    with places_box:
        if len(data.places) > BUTTONS:
            # Follows the place chosen on the map too.
            st.session_state["place-picker"] = selected if selected in places_by_id else None
            st.selectbox(
                f"Focus on one of {len(data.places)} places",
                options=[None, *places_by_id],
                format_func=place_label,
                key="place-picker",
                on_change=picked,
            )
        for place in data.places if len(data.places) <= BUTTONS else ():
            st.button(
                markdown_text(place_label(place.id)),
                on_click=focus,
                args=(place.id,),
                key=f"place-{place.id}",
            )
