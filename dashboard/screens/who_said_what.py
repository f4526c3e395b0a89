"""Who said what: every statement by speaker, in date order, with quotes and sources."""

import streamlit as st

from dashboard.data import event_index, story_data
from dashboard.notices import show_problems
from dashboard.plaintext import caption, heading
from dashboard.statement_cards import STATEMENT_CSS, statement_card
from dashboard.style import PAGE_CSS
from geodata.statements import speaker_line, speaker_lines, statements_in_order

data = story_data()
story = data.reading.story
events = event_index(data).events  # the reviewed events, as on the map
lines = {line.speaker: line for line in speaker_lines(events)}

st.html(PAGE_CSS + STATEMENT_CSS)
st.title("Who said what", anchor=False)
st.caption(
    "Every statement, speaker by speaker and in date order, with the words each outlet "
    "reports. Choose a speaker, or click “All statements by …” under a statement."
)
show_problems(data.reading.issues)
if not lines:
    st.info("There are no statements with a named speaker yet.")
    st.stop()

if "speaker" not in st.session_state:  # arrival: the speaker in the URL, if it is known
    asked = st.query_params.get("speaker")
    st.session_state.speaker = asked if asked in lines else None
st.selectbox(
    "Speaker",
    [None, *lines],
    key="speaker",
    format_func=lambda name: (
        f"Everyone: all {sum(len(line.statements) for line in lines.values())} statements"
        if name is None
        else f"{name} ({len(lines[name].statements)})"
    ),
)
speaker = st.session_state.speaker
st.query_params.from_dict({"speaker": speaker} if speaker else {})

if speaker is None:
    shown = statements_in_order(events)
    st.caption(f"{len(shown)} statements by {len(lines)} speakers, oldest first.")
else:
    line = speaker_line(events, speaker)
    first, last = line.span or (None, None)
    roles = "; ".join(line.roles)
    count = len(line.statements)
    words = f"{count} statement{'s' if count != 1 else ''}"
    if first and last:
        words += f", {first.label}" + (f" to {last.label}" if last != first else "")
    st.html(heading(speaker, level=3))
    st.html(caption(words + (f" · {roles}" if roles else "")))
    st.page_link(
        "screens/story_map.py",
        label="See these statements on the map",
        query_params={"actor": speaker, "kind": "statement"},
    )
    shown = list(line.statements)

for event in shown:
    st.html(statement_card(event, story, link_line=speaker is None))
