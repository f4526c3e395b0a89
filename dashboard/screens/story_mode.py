"""Story mode: the story told date by date on one projector screen, "Next" being all it needs."""

import time

import streamlit as st
from markupsafe import Markup
from streamlit_folium import st_folium

from dashboard.cards import NUMBER_KEY, event_card, places_caption, places_table
from dashboard.data import story_data
from dashboard.filter_bar import filtered_downloads
from dashboard.maps import base_map, map_places, place_markers
from dashboard.notices import show_problems
from dashboard.payload import TITLE
from dashboard.presenter import map_view, story_pages, title_screen
from dashboard.render import render
from dashboard.style import PAGE_CSS, PRESENTER_KEYS, STORY_CSS
from dashboard.view import slider_stops, stop_heading

# The map's size on a 1280x720 screen; the places table fills the room under it.
MAP_WIDTH, MAP_HEIGHT = 600, 330
CARD_HEIGHT = 390
PACES = (5, 10, 20)

data = story_data()
story, timeline = data.reading.story, data.timeline
stops = slider_stops(timeline)
pages = [story_pages(stop.events, story) for stop in stops]
# Every screen of the show, in order: the title, then (stop, page of that stop's events).
screens: list[tuple[int, int] | None] = [None]
screens += [(s, p) for s, stop_pages in enumerate(pages) for p in range(len(stop_pages))]
places_by_id = {place.id: place for place in data.places}

st.html(PAGE_CSS + STORY_CSS)
# Clickers send PageDown/PageUp, keyboards → ← and Space: all step, wherever focus is.
st.html(PRESENTER_KEYS, unsafe_allow_javascript=True)
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
screen = screens[at]
step, page = screen if screen is not None else (0, 0)
stop = stops[step]
parts = pages[step][page] if screen is not None else ()

title, previous, following, autoplay, pace, full_text, download = st.columns(
    [2.4, 1.2, 1.2, 1.3, 1.3, 1.2, 1.3], vertical_alignment="center"
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
)
following.button(
    "Next ▶",
    on_click=move,
    args=(1,),
    disabled=at == len(screens) - 1,
    use_container_width=True,
    key="story-next",
    type="primary",
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
    for part in parts:
        st.html(event_card(part.event, story))
    if not parts:
        st.caption("The story starts on the next screen.")
with download.popover("Download", use_container_width=True):
    st.caption("The story to take away: no server and no internet needed.")
    filtered_downloads(data)

map_column, card_column = st.columns([1, 1], gap="medium")
with map_column:
    shown = [places_by_id[p] for part in parts for p in part.event.places if p in places_by_id]
    view = map_view(shown, MAP_WIDTH, MAP_HEIGHT)
    st_folium(
        base_map(pan_to_far=True),
        key="story-mode-map",
        height=MAP_HEIGHT,
        use_container_width=True,
        feature_group_to_add=place_markers(
            map_places(story, data.places), timeline, stop.index if screen is not None else -1
        ),
        center=view[0] if view else None,
        zoom=view[1] if view else None,
        returned_objects=[],
    )
    # The map in words, always in view: this screen's places first, the others below them
    # in a box of its own (a keyboard stop, so it can be scrolled without a mouse).
    on_screen = [p.id for p in shown]
    caption = places_caption(stop if screen is not None else None)
    st.html(
        Markup(
            '{}<div class="story-places" tabindex="0" role="region" aria-label="{}">{}</div>'
        ).format(
            render("number_key.html", key=NUMBER_KEY),
            caption,
            places_table(
                data.places,
                timeline.counts[stop.index] if screen is not None else {},
                timeline.new_places(stop.index) if screen is not None else (),
                caption + (" (this screen's places first)" if on_screen else ""),
                first=on_screen,
            ),
        )
    )
with card_column:
    if screen is None:
        with st.container(height=CARD_HEIGHT + 60, border=False, key="story-card"):
            events = [event for events in timeline.by_stop for event in events]
            st.html(title_screen(TITLE, stops, story, events))
    else:
        count = len(stop.events)
        order = {event.id: number for number, event in enumerate(stop.events, start=1)}
        numbers = sorted({order[part.event.id] for part in parts})
        if len(pages[step]) == 1:
            which = f"{count} event{'s' if count != 1 else ''}"
        elif numbers[0] == numbers[-1]:
            which = f"event {numbers[0]} of {count}"
        else:
            which = f"events {numbers[0]}–{numbers[-1]} of {count}"
        st.html(
            render(
                "story_progress.html",
                step=step + 1,
                steps=len(stops),
                which=which,
                width=f"{(at + 1) / len(screens):.1%}",
                heading=stop_heading(stop),
            )
        )
        with st.container(height=CARD_HEIGHT, border=False, key="story-card"):
            st.html("".join(part.card(story) for part in parts))
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
