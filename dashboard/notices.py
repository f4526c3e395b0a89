"""Showing data problems to readers: a visible notice, never a traceback."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from geodata import Issue, Severity


def show_problems(issues: Sequence[Issue]) -> None:
    """One warning naming how many problems, with each one listed (file, what, fix)."""
    errors = [issue for issue in issues if issue.severity is Severity.ERROR]
    if not errors:
        return
    st.warning(
        f"{len(errors)} {'problem' if len(errors) == 1 else 'problems'} in the article files: "
        "the records they affect are left out, everything else is shown. "
        "Run `geodata check` for the same list.",
        icon="⚠️",
    )
    with st.expander("What is wrong and how to fix it", expanded=False):
        st.code("\n".join(str(issue) for issue in errors), language=None, wrap_lines=True)
