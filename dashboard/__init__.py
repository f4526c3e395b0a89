"""The Streamlit dashboard: a map of the story with a date slider, and the articles."""
