"""Page styles: large type for projectors, readable on a phone, colour-blind-safe colours."""

PAGE_CSS = """
<style>
.block-container { padding-top: 3.6rem; padding-bottom: 1rem; }
h1 { margin-top: 0 !important; }
h1 { font-size: 1.9rem !important; padding: 0 0 .2rem 0 !important; }
.event-card { border-left: 6px solid #0072B2; background: #fafafa; padding: .6rem .9rem;
  margin: 0 0 .8rem 0; border-radius: 4px; font-size: 1.05rem; line-height: 1.45; }
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
.event-card .note { font-size: .95rem; color: #5a4a00; }
.legend { font-size: 1rem; line-height: 2; }
.legend-item { white-space: nowrap; }
.legend-sym { display: inline-block; width: 22px; height: 22px; border-radius: 11px;
  background: var(--c); color: #fff; text-align: center; line-height: 22px; margin-right: 4px; }
.legend-new { display: inline-block; width: 18px; height: 18px; border: 3px solid #D55E00;
  border-radius: 10px; margin-right: 4px; vertical-align: middle; }
.article-body { font-size: 1.1rem; line-height: 1.6; }
.article-body mark.sentence { background: #fff1b8; }
.article-body mark.sentence.focus { background: #ffd24d; outline: 2px solid #D55E00; }
.article-body .quote { font-weight: 600; }
</style>
"""

# Story mode: one screen of a 1280x720 projector, type readable from the back of a room.
STORY_CSS = """
<style>
.block-container { padding: 4rem 1.5rem 0 1.5rem !important; }
.story-title { font-size: 1.05rem; color: #333; line-height: 1.3; }
.story-progress { display: flex; justify-content: space-between; font-size: 1.15rem;
  font-weight: 600; color: #222; }
.story-bar { height: 6px; background: #e4e4e4; border-radius: 3px; margin: .2rem 0 .3rem 0; }
.story-bar span { display: block; height: 100%; background: #0072B2; border-radius: 3px; }
.story-heading { font-size: 2.3rem; font-weight: 700; line-height: 1.15; margin: .1rem 0 .4rem 0; }
.story-card { border-left: 8px solid #0072B2; padding: .1rem 0 .1rem .8rem; margin: 0 0 .7rem 0; }
.story-card.kind-statement { border-left-color: #CC79A7; }
.story-card.kind-military { border-left-color: #D55E00; }
.story-card.kind-background { border-left-color: #999999; }
.story-card.kind-diplomatic { border-left-color: #009E73; }
.story-card .summary { font-size: 28px; line-height: 1.25; color: #111; }
.story-card .speaker { font-size: 1.2rem; font-weight: 600; margin-top: .2rem; }
.story-card blockquote { font-size: 1.25rem; font-style: italic; margin: .2rem 0;
  padding-left: .7rem; border-left: 3px solid #ccc; }
.story-card .meta { font-size: 1rem; color: #444; }
.story-end { font-size: 1.1rem; color: #444; }
</style>
"""
