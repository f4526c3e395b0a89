"""HTML from Jinja2 templates with autoescaping: the one way the dashboard makes HTML.

Every template in dashboard/templates/ escapes what it is given unless it is ``Markup``
made by another template, so article text (untrusted) can never become markup by mistake.
Data text inside a line goes through the ``bdi`` filter: isolated in its own writing
direction, so direction controls (U+202E...) in it cannot reorder the rest of the line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent / "templates"

_ENVIRONMENT = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)


def _bdi(text: object) -> Markup:
    """``text`` escaped and isolated: ``<bdi>text</bdi>``."""
    return Markup("<bdi>{}</bdi>").format(text)


_ENVIRONMENT.filters["bdi"] = _bdi


def render(template: str, **context: Any) -> Markup:
    """``template`` (a file in dashboard/templates/) filled in, as safe HTML."""
    return Markup(_ENVIRONMENT.get_template(template).render(**context).strip())
