"""The ingest pipeline: drafts places, dates, quotes and events for a new article.

Separate from the core (models, dates, gazetteer, articles, events, story, timeline,
export), which reads and checks the story; this package only proposes annotations that a
person reviews. ``cli`` is the ``ingest`` command, ``pipeline`` writes the files, and
``sentences``, ``timex``, ``quotes``, ``mentions``, ``geocoding`` and ``proposals`` find
what the drafts hold.
"""
