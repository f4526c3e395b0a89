"""The benchmark's baseline: the story map written the way most streamlit-folium examples are.

On every rerun it reads the whole articles folder (no caching), builds a new folium.Map and
adds one folium.Marker (with a tooltip) per revealed event and place, then hands the map to
st_folium with its default arguments. Each marker carries data-place and data-count="1" so
the benchmark counts markers per place with the same code it uses for the real app.

Run by tools/benchmark.py from a temporary folder that holds a copy of this script and a link
to dashboard/static, so Leaflet comes from the app's own server (no CDN, works offline).
"""

import os
from html import escape
from pathlib import Path

import folium
import streamlit as st
from streamlit_folium import st_folium

from geodata import DEFAULT_FOLDER, read_story

folder = Path(os.environ.get("STORY_ARTICLES_DIR") or DEFAULT_FOLDER)
story = read_story(folder).story
events = [event for event in story.events if not event.draft]
dates = sorted({event.when for event in events})
labels = {when.code: when.label for when in dates}

st.title("Russia's military bases in Syria (naive baseline)")
code = st.select_slider("Date", options=list(labels), format_func=labels.__getitem__, key="date")
chosen = next(when for when in dates if when.code == code)

fmap = folium.Map(location=[35.0, 37.0], zoom_start=7, tiles=None)
fmap.default_js = [("leaflet", "/app/static/leaflet/leaflet.js")]
fmap.default_css = [("leaflet_css", "/app/static/leaflet/leaflet.css")]
for event in events:
    if event.when > chosen:
        continue
    for place_id in event.places:
        place = story.places[place_id]
        html = (
            f'<div data-place="{escape(place.id)}" data-count="1" '
            'style="width:10px;height:10px;border-radius:5px;background:#0072B2"></div>'
        )
        folium.Marker(
            [place.latlon.lat, place.latlon.lon],
            icon=folium.DivIcon(html=html, icon_size=(10, 10)),
            # A tooltip, not a popup: folium's popups need jQuery, which is not served offline.
            tooltip=escape(f"{place.name}, {event.when.label}: {event.summary}"),
        ).add_to(fmap)
st_folium(fmap, height=470, use_container_width=True)
st.write(f"{sum(1 for e in events if e.when == chosen)} events on {chosen.label}")
