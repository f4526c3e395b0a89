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
