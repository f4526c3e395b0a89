"""Data text on the pages, shown exactly as written: never read as Markdown or HTML.

Headlines, names, notes and addresses come from article files: untrusted. Streamlit's
headers, captions and ``st.markdown`` read Markdown, and even escaped Markdown turns a bare
address into a live link; so data text goes into escaped HTML here (markupsafe, the
escaping Jinja2 uses), each text isolated in its own writing direction (``dir="auto"``,
``<bdi>``) so direction controls in one text cannot reorder the rest of the line.
Widget labels, which show a little Markdown but no links, use ``markdown_text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup

from geodata.fields import BIDI_CONTROLS

# CommonMark lets a backslash escape any ASCII punctuation character; escaping all of them
# also stops Streamlit's own syntax (:red[...], :material/icon:, :smile:, $...$).
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")
# #444 on white is 9.7:1 (Streamlit's own caption colour, 60 % grey-blue, is 3.9:1).
_NOTICE = "background: #e8f0fb; color: #0b2e59; padding: 0.75rem 1rem; border-radius: 0.5rem"
_CAPTION = "color: #444; font-size: 0.875rem; margin: 0 0 0.5rem 0"


def markdown_text(text: str) -> str:
    """Markdown that a widget label (a button's) renders as exactly ``text``, on one line."""
    return _PUNCTUATION.sub(r"\\\1", _LINE_BREAKS.sub(" ", text))


def heading(text: str, level: int = 2) -> str:
    """``<h2>`` (or another level) holding ``text`` as text."""
    return Markup('<h{0} dir="auto">{1}</h{0}>').format(level, text)


def caption(text: str) -> str:
    """Small grey text, as ``st.caption`` shows it, holding ``text`` as text."""
    return Markup('<p dir="auto" style="{}">{}</p>').format(_CAPTION, text)


def notice(text: str) -> str:
    """A notice box (as ``st.info`` draws one) holding ``text`` as text: ``role="status"``."""
    return Markup('<div role="status" dir="auto" style="{}">{}</div>').format(_NOTICE, text)


def labelled(rows: Iterable[tuple[str, str]]) -> str:
    """Lines of ``Label: value``: the labels are ours, each value an isolated text."""
    lines = (Markup("<b>{}:</b> <bdi>{}</bdi>").format(label, value) for label, value in rows)
    return Markup('<div class="labelled">{}</div>').format(Markup("<br>").join(lines))


def isolated(text: str) -> str:
    """``text`` as is, or, if it holds direction controls, wrapped in FSI ... PDI.

    For plain-text places (select box options, labels) where no ``<bdi>`` can be used:
    the isolate ends every embedding the text opened, so the words after it keep their order.
    """
    return f"\u2068{text}\u2069" if BIDI_CONTROLS.search(text) else text
