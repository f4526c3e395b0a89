"""Page styles: large type for projectors, readable on a phone, colour-blind-safe colours.

Contrast: body text is #111 to #333 and small text at least #444 on white (9.7:1), never
lighter than 4.5:1; the focus ring is a 3 px #0b4f8a outline (8.6:1 on white) with a white
halo that keeps it apart from dark controls, where Streamlit's own ring is 2.2:1.
"""

# Focus that anyone can see, on every control: the app's own pages and the exported file.
FOCUS_CSS = """
:focus-visible, button:focus-visible, a:focus-visible, input:focus-visible,
[tabindex]:focus-visible, [role="slider"]:focus-visible, [role="combobox"]:focus-visible {
  outline: 3px solid #0b4f8a !important; outline-offset: 2px !important;
  box-shadow: 0 0 0 5px #fff !important; }
"""

PAGE_CSS = (
    """
<style>
.block-container { padding-top: 3.6rem; padding-bottom: 1rem; }
h1 { margin-top: 0 !important; }
h1 { font-size: 1.9rem !important; padding: 0 0 .2rem 0 !important; }
/* Streamlit draws captions at 60 % opacity (3.9:1); solid #444 is 9.7:1. */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p,
[data-testid="stWidgetLabel"] p { color: #444 !important; opacity: 1 !important; }
.event-card { border-left: 6px solid #0072B2; background: #fafafa; padding: .6rem .9rem;
  margin: 0 0 .8rem 0; border-radius: 4px; font-size: 1.05rem; line-height: 1.45; color: #111; }
.event-card.kind-statement { border-left-color: #CC79A7; }
.event-card.kind-military { border-left-color: #D55E00; }
.event-card.kind-background { border-left-color: #999999; }
.event-card.kind-diplomatic { border-left-color: #009E73; }
.event-card .when { font-weight: 700; color: #333; }
.event-card .summary { font-size: 1.15rem; margin: .2rem 0; }
.event-card blockquote { margin: .4rem 0; padding-left: .8rem; border-left: 3px solid #ccc;
  font-style: italic; }
.event-card .sources { font-size: .95rem; color: #333; }
.event-card .sources ul { margin: .2rem 0 0 1.1rem; padding: 0; }
.event-card .sources a { color: #0b4f8a; }
.event-card .source-sentence { font-style: italic; }
.event-card .source-note { font-size: .9rem; color: #333; margin: .1rem 0 .3rem 0; }
.event-card .note { font-size: .95rem; color: #5a4a00; }
.legend, .number-key { font-size: 1rem; line-height: 2; color: #222; }
.number-key { font-weight: 600; line-height: 1.4; margin: .3rem 0; }
.legend-item { white-space: nowrap; }
.legend-sym { display: inline-block; width: 22px; height: 22px; border-radius: 11px;
  background: var(--c); color: #fff; text-align: center; line-height: 22px; margin-right: 4px; }
.legend-new { display: inline-block; background: #B34700; color: #fff; font-size: 11px;
  line-height: 14px; padding: 0 4px; border-radius: 7px; font-weight: 700; vertical-align: middle; }
.legend-empty { display: inline-block; min-width: 22px; height: 22px; border: 2px dashed #222;
  border-radius: 11px; text-align: center; line-height: 18px; font-size: .85rem; color: #222;
  vertical-align: middle; margin-right: 2px; }
.places-table-box { max-width: 100%; overflow-x: auto; }
.places-table { border-collapse: collapse; font-size: 1rem; color: #111; margin: .4rem 0; }
.places-table caption { text-align: left; font-weight: 700; font-size: 1.1rem; padding: .2rem 0; }
.places-table th, .places-table td { border-bottom: 1px solid #ccc; padding: .2rem .6rem;
  text-align: left; }
.places-table td.count { text-align: right; font-variant-numeric: tabular-nums; }
.places-table thead th { font-size: .9rem; color: #333; }
.places-table .place-button { font: inherit; background: none; border: 0; padding: 0;
  color: #0b4f8a; text-decoration: underline; cursor: pointer; text-align: left; }
.article-body { font-size: 1.1rem; line-height: 1.6; }
.article-body mark.sentence { background: #fff1b8; color: #111; }
.article-body mark.sentence.focus { background: #ffd24d; outline: 2px solid #D55E00; }
.article-body .quote { font-weight: 600; }
"""
    + FOCUS_CSS
    + "</style>"
)

# Story mode: one screen of a 1280x720 projector, type readable from the back of a room.
STORY_CSS = """
<style>
.block-container { padding: 4rem 1.5rem 0 1.5rem !important; }
.story-title { font-size: 1.05rem; color: #333; line-height: 1.3; }
.story-progress { display: flex; justify-content: space-between; font-size: 1.15rem;
  font-weight: 600; color: #222; }
.story-bar { height: 6px; background: #e4e4e4; border-radius: 3px; margin: .2rem 0 .3rem 0; }
.story-bar span { display: block; height: 100%; background: #0072B2; border-radius: 3px; }
h2.story-heading, .story-heading { font-size: 2.3rem; font-weight: 700; line-height: 1.15;
  margin: .1rem 0 .4rem 0; padding: 0; color: #111; }
.story-card { border-left: 8px solid #0072B2; padding: .1rem 0 .1rem .8rem; margin: 0 0 .7rem 0; }
.story-card.kind-statement { border-left-color: #CC79A7; }
.story-card.kind-military { border-left-color: #D55E00; }
.story-card.kind-background { border-left-color: #999999; }
.story-card.kind-diplomatic { border-left-color: #009E73; }
.story-card .summary { font-size: 28px; line-height: 1.25; color: #111; }
.story-card .speaker, .story-card .continued-note { font-size: 1.2rem; font-weight: 600;
  margin-top: .2rem; color: #111; }
.story-card blockquote { font-size: 1.25rem; font-style: italic; margin: .2rem 0;
  padding-left: .7rem; border-left: 3px solid #ccc; color: #111; }
.story-card .continues { font-size: 1rem; color: #444; }
.story-card .where, .story-card .meta { font-size: 1rem; color: #333; line-height: 1.6; }
.story-card .where { font-weight: 600; }
.story-end { font-size: 1.1rem; color: #444; }
/* The places table under the map: compact, in a box that fills the screen's last 160 px. */
.story-places { max-height: 158px; overflow-y: auto; border: 1px solid #bbb; border-radius: 4px;
  padding: 0 .4rem; margin-top: .3rem; }
.story-places:focus-visible { outline: 3px solid #000; outline-offset: 2px; }
.story-places .places-table { margin: 0; font-size: .95rem; width: 100%; }
.story-places .places-table caption { font-size: 1rem; padding: .15rem 0; }
.story-places .places-table th, .story-places .places-table td { padding: .05rem .5rem;
  white-space: nowrap; }
.story-places .places-table thead th { position: sticky; top: 0; background: #fff;
  font-size: .8rem; white-space: normal; line-height: 1.15; }
.story-places .places-table tr.here th, .story-places .places-table tr.here td {
  background: #fff1c2; font-weight: 700; }
@media (max-width: 700px) {
  .story-places { max-height: none; }
  .story-places .places-table th, .story-places .places-table td { white-space: normal; }
}
/* The card is sized to fit (presenter.py), never scrolled: a scrollable region would need
   a keyboard stop of its own. */
.st-key-story-card, .st-key-story-card > div { overflow: hidden !important; }
.story-title-screen { color: #111; }
.story-title-screen .title-heading { font-size: 2.2rem !important; line-height: 1.15;
  padding: 0 0 .4rem 0 !important; }
.story-title-screen p { font-size: 1.25rem; line-height: 1.4; margin: 0 0 .5rem 0; }
.story-title-screen h2 { font-size: 1.3rem; padding: .3rem 0 .2rem 0; margin: 0; }
.story-title-screen ul { font-size: 1.1rem; line-height: 1.4; margin: 0; padding-left: 1.2rem; }
</style>
"""

# Story mode's keys: a presenter's clicker sends PageDown/PageUp, a keyboard → ← and Space.
# They step wherever focus is, also inside the map's frame (where Leaflet would pan instead),
# so the script listens on the page and on every same-origin frame, before anyone else.
PRESENTER_KEYS = """
<script>
(function () {
  var top = window.parent && window.parent.document ? window.parent : window;
  if (top.__presenterKeys) { return; }
  top.__presenterKeys = true;
  var forward = { ArrowRight: 1, PageDown: 1, " ": 1, Spacebar: 1 };
  var back = { ArrowLeft: 1, PageUp: 1 };
  function typing(target) {
    if (!target || !target.tagName) { return false; }
    var tag = target.tagName.toLowerCase();
    var text = tag === "textarea" || target.isContentEditable ||
      (tag === "input" && /^(text|search|email|number|password|url)$/.test(target.type || "") &&
       target.getAttribute("role") !== "combobox");
    return text || target.getAttribute("aria-expanded") === "true";
  }
  function onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) { return; }
    var way = forward[event.key] ? ".st-key-story-next"
      : back[event.key] ? ".st-key-story-previous" : null;
    var button = way && top.document.querySelector(way + " button");
    if (!button) { return; }  // not story mode (the app is one page; this script stays)
    event.preventDefault();
    event.stopPropagation();
    event.stopImmediatePropagation();
    if (!event.repeat && !button.disabled) { button.click(); }
  }
  function listen(doc) {
    if (!doc || doc.__presenterKeys) { return; }
    doc.__presenterKeys = true;
    doc.addEventListener("keydown", onKey, true);
  }
  function everyFrame(doc) {
    listen(doc);
    doc.querySelectorAll("iframe").forEach(function (frame) {
      try {
        if (frame.contentDocument) { everyFrame(frame.contentDocument); }
      } catch (e) { /* a frame of another origin */ }
    });
  }
  everyFrame(top.document);
  // Frames come and go with each rerun (the map's is rebuilt): look for new ones.
  top.setInterval(function () { everyFrame(top.document); }, 400);
})();
</script>
"""
