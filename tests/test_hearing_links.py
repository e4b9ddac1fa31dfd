"""The court-reporting shape: its windowed search finds exactly what a scan of the whole text
by its pattern finds (shapes._hearing_matches against _HEARD_RE.finditer)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotecheck.attribution import shapes

_WORDS = [
    *("The", "the", "court", "Court", "jury", "inquest", "tribunal", "Old", "Bailey", "Leeds"),
    *("Crown", "heard", "told", "was", "were", "has", "been", "had", "that", "he", "lied", "said"),
    *(",", ".", ":", "“", "”", "\n", "  ", "hearing", "trial", "from", "x" * 30),
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=60))
def test_windowed_search_finds_what_the_whole_scan_finds(words: list[str]) -> None:
    text = " ".join(words)
    whole = [m.span() for m in shapes._HEARD_RE.finditer(text)]
    windowed = [m.span() for m in shapes._hearing_matches(text)]
    assert windowed == whole
