"""Shared fixtures; the stories they write are in tests/stories.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from stories import write_story


@pytest.fixture
def story_dir(tmp_path: Path) -> Path:
    return write_story(tmp_path / "articles")


@pytest.fixture
def fresh_caches():
    """Streamlit's caches emptied before and after: each AppTest reads its own folder."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()
