import pytest

from geodata.text import SearchableText, normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("“Hi,”  he  said", '"Hi," he said'),
        ("Russia’s\nbases", "Russia's bases"),
        ("  edges \t", "edges"),
        ("«quoted»", '"quoted"'),
    ],
)
def test_normalise(raw, expected):
    assert normalise(raw) == expected


def test_find_maps_back_to_the_original_offset():
    text = "First line.\n\n“Second”   line,  here."
    found = SearchableText.of(text).find('"Second" line, here.')
    assert found == text.index("“Second”")


def test_find_returns_none_when_absent_or_empty():
    searchable = SearchableText.of("Some text.")
    assert searchable.find("other") is None
    assert searchable.find("   ") is None


def test_span_covers_the_original_characters():
    text = "He said: “No   decision,”\nthen left."
    start, end = SearchableText.of(text).span('"No decision,"')
    assert text[start:end] == "“No   decision,”"


def test_span_can_start_searching_later():
    text = "Yes. Yes."
    searchable = SearchableText.of(text)
    assert searchable.span("Yes.") == (0, 4)
    assert searchable.span("Yes.", start=1) == (5, 9)
