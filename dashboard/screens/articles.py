"""The articles page: each article with its metadata and its annotated sentences highlighted."""

import streamlit as st

from dashboard.cards import event_card, outlet_name
from dashboard.data import story_data
from dashboard.highlight import highlighted_article
from dashboard.notices import show_problems
from dashboard.plaintext import heading, isolated, labelled
from dashboard.style import PAGE_CSS

data = story_data()
story = data.reading.story
st.html(PAGE_CSS)
st.title("The articles", anchor=False)
show_problems(data.reading.issues)

articles = sorted(story.articles.values(), key=lambda a: (a.published, a.id))
if not articles:
    st.info("There are no articles yet.")
    st.stop()

ids = [article.id for article in articles]
asked = st.query_params.get("article")
chosen_id = st.selectbox(
    "Article",
    ids,
    index=ids.index(asked) if asked in ids else 0,
    format_func=lambda key: (
        f"{isolated(outlet_name(story.articles[key]) or 'News article')}, "
        f"{story.articles[key].published.label}: {isolated(story.articles[key].headline)}"
    ),
)
article = story.articles[chosen_id]
focus = st.query_params.get("event")
if chosen_id != asked:
    st.query_params.from_dict({"article": chosen_id})
    focus = None

st.html(heading(article.headline))
if article.draft:
    st.info(
        "Draft: this article was brought in by `python -m geodata ingest` and is not reviewed "
        "yet. Its proposed events stay off the map until someone accepts them."
    )
stated = article.published_basis.value == "stated"
basis = "as the text states" if stated else "worked out from the text"
st.html(
    labelled(
        [
            ("Outlet", outlet_name(article) or "not named in the text"),
            ("Published", f"{article.published.label}, {basis}"),
            ("How we know the date", article.published_reasoning),
            *(("Note", note) for note in article.notes),
            *([("Link", article.url)] if article.url else []),
        ]
    )
)

cited = [e for e in story.events if any(s.article == article.id for s in e.sources)]
focused = next((e for e in cited if e.id == focus), None)
if focused is not None:
    st.markdown("**You came here from this event** (its sentence is outlined below):")
    st.html(event_card(focused, story))

st.caption(
    f"Highlighted: the {len(cited)} events and statements this article reports; "
    "quoted words are in bold."
)
st.html(highlighted_article(article, story, focus))
