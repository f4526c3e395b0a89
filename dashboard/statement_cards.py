"""HTML for the "Who said what" page, from an autoescaping Jinja2 template (no st.* here).

Article text is untrusted: it reaches HTML only through templates/statement_card.html, whose
every value is escaped.
"""

from __future__ import annotations

from urllib.parse import urlencode

from markupsafe import Markup

from dashboard.cards import outlet_name, reader_note
from dashboard.render import render
from geodata import Event, Story
from geodata.statements import is_statement, precision_words, worded_differently, wordings

PAGE_PATH = "who"

STATEMENT_CSS = """
<style>
.statement-card .precision { font-weight: 400; color: #555; }
.statement-card .speaker { font-weight: 600; }
.statement-card .indirect { color: #333; margin: .3rem 0; }
.statement-card .wordings { background: #fff6e0; padding: .3rem .5rem; margin: .4rem 0;
  border-radius: 4px; }
.statement-card .wordings ul, .statement-card .sources ul { margin: .2rem 0 0 1.1rem; padding: 0; }
.statement-card .speaker-line { margin-top: .3rem; font-weight: 600; }
</style>
"""


def speaker_href(speaker: str) -> str:
    """The address of a speaker's line: ``who?speaker=...``."""
    return f"{PAGE_PATH}?" + urlencode({"speaker": speaker})


def _article_href(article: str, event: str) -> str:
    return "articles?" + urlencode({"article": article, "event": event})


def statement_card(event: Event, story: Story, link_line: bool = True) -> str:
    """One statement: date and how exact it is, speaker, quote, sources, differing wordings."""
    found = wordings(event, story)
    return render(
        "statement_card.html",
        id=event.id,
        when=event.when.label,
        precision=precision_words(event.when),
        speaker=event.actor or "",
        role=event.role,
        quote=event.quote,
        sentence=found[0].sentence if found else "",
        summary=event.summary,
        differ=worded_differently(event, story),
        wordings=found,
        note=reader_note(event.note, story) if event.note else None,
        sources=[
            {
                "href": _article_href(w.article, event.id),
                "article": w.article,
                "outlet": (
                    outlet_name(story.articles[w.article]) or "A news article"
                    if w.article in story.articles
                    else w.outlet
                ),
                "published": w.published,
                "sentence": w.sentence,
            }
            for w in found
        ],
        line_href=speaker_href(event.actor) if link_line and event.actor else None,
    )


def speaker_link(event: Event) -> Markup:
    """'All statements by …' for a statement with a speaker (to follow its card), else nothing."""
    if not is_statement(event) or not event.actor:
        return Markup("")
    return render("speaker_link.html", href=speaker_href(event.actor), speaker=event.actor)
