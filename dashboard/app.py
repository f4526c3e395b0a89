"""Entry point: page set-up and navigation between the map and the articles."""

import streamlit as st

st.set_page_config(
    page_title="Russia's bases in Syria after Assad",
    layout="wide",
    initial_sidebar_state="collapsed",
)
navigation = st.navigation(
    [
        st.Page("screens/story_map.py", title="Map and timeline", default=True),
        st.Page("screens/articles.py", title="Articles", url_path="articles"),
        st.Page("screens/who_said_what.py", title="Who said what", url_path="who"),
        st.Page("screens/story_mode.py", title="Story mode", url_path="story"),
    ],
    position="top",
)
navigation.run()
