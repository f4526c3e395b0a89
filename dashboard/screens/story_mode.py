"""Story mode: the story told date by date on one projector screen, "Next" being all it needs."""

import time
from html import escape

import streamlit as st
from streamlit_folium import st_folium

from dashboard.data import story_data
from dashboard.filter_bar import filtered_downloads
from dashboard.maps import base_map, map_places, place_markers
from dashboard.notices import show_problems
from dashboard.style import PAGE_CSS, STORY_CSS
from dashboard.view import (
    event_card,
    map_view,
    presenter_card,
    slider_stops,
    stop_heading,
    story_pages,
)

MAP_WIDTH, MAP_HEIGHT = 600, 500  # the map's size on a 1280x720 screen
CARD_HEIGHT = 390
PACES = (5, 10, 20)

data = story_data()
story, timeline = data.reading.story, data.timeline
stops = slider_stops(timeline)
pages = [story_pages(stop.events, story) for stop in stops]
# Every screen of the show, in order: (stop, page of that stop's events).
screens = [(s, p) for s, stop_pages in enumerate(pages) for p in range(len(stop_pages))]
places_by_id = {place.id: place for place in data.places}

st.html(PAGE_CSS + STORY_CSS)
show_problems(data.reading.issues)
if not stops:
    st.info(
        "There are no events to show yet. Add articles and their events to the articles folder."
    )
    st.stop()

if not 0 <= st.session_state.get("story_at", -1) < len(screens):  # first visit, or new data
    st.session_state.story_at = 0


def move(by: int) -> None:
    st.session_state.story_at = min(max(st.session_state.story_at + by, 0), len(screens) - 1)


at = st.session_state.story_at
if st.session_state.get("story_shown") != at:  # autoplay counts from when a screen appeared
    st.session_state.story_shown = at
    st.session_state.story_shown_since = time.monotonic()
step, page = screens[at]
stop, events = stops[step], pages[step][page]

title, previous, following, autoplay, pace, full_text, download = st.columns(
    [2.6, 1.2, 1.2, 1.4, 1.3, 1.3, 1.3], vertical_alignment="center"
)
title.html(
    '<div class="story-title"><b>Story mode</b><br>'
    "Russia's military bases in Syria after Assad</div>"
)
previous.button(
    "◀ Previous",
    on_click=move,
    args=(-1,),
    disabled=at == 0,
    use_container_width=True,
    key="story-previous",
    shortcut="Left",
)
following.button(
    "Next ▶",
    on_click=move,
    args=(1,),
    disabled=at == len(screens) - 1,
    use_container_width=True,
    key="story-next",
    type="primary",
    shortcut="Right",
)
autoplay.toggle("Autoplay", key="autoplay", help="Go to the next screen by itself.")
pace.selectbox(
    "Pace",
    PACES,
    index=1,
    key="pace",
    format_func=lambda seconds: f"every {seconds} s",
    label_visibility="collapsed",
)
with full_text.popover("Full text", use_container_width=True):
    for event in events:
        st.html(event_card(event, story))
with download.popover("Download", use_container_width=True):
    st.caption("The story to take away: no server and no internet needed.")
    filtered_downloads(data)

map_column, card_column = st.columns([1, 1], gap="medium")
with map_column:
    shown = [places_by_id[p] for event in events for p in event.places if p in places_by_id]
    view = map_view(shown, MAP_WIDTH, MAP_HEIGHT)
    st_folium(
        base_map(),
        key="story-mode-map",
        height=MAP_HEIGHT,
        use_container_width=True,
        feature_group_to_add=place_markers(map_places(story, data.places), timeline, stop.index),
        center=view[0] if view else None,
        zoom=view[1] if view else None,
        returned_objects=[],
    )
with card_column:
    count = len(stop.events)
    first = sum(len(earlier) for earlier in pages[step][:page]) + 1
    if len(pages[step]) == 1:
        which = f"{count} event{'s' if count != 1 else ''}"
    elif len(events) == 1:
        which = f"event {first} of {count}"
    else:
        which = f"events {first}–{first + len(events) - 1} of {count}"
    st.html(
        f'<div class="story-progress"><span class="story-step">Step {step + 1} of '
        f'{len(stops)}</span><span class="story-page">{which}</span></div>'
        f'<div class="story-bar"><span style="width:{(at + 1) / len(screens):.1%}"></span></div>'
        f'<div class="story-heading">{escape(stop_heading(stop))}</div>'
    )
    with st.container(height=CARD_HEIGHT, border=False, key="story-card"):
        st.html("".join(presenter_card(event, story) for event in events))
        if at == len(screens) - 1:
            st.html('<div class="story-end">The end of the story.</div>')


@st.fragment(run_every=st.session_state.pace if st.session_state.autoplay else None)
def autoplay_timer() -> None:
    """Moves on once the screen has been up for the chosen pace (the timer also ticks at once)."""
    if not st.session_state.autoplay or st.session_state.story_at >= len(screens) - 1:
        return
    if time.monotonic() - st.session_state.story_shown_since >= st.session_state.pace - 0.5:
        move(1)
        st.rerun()


autoplay_timer()
