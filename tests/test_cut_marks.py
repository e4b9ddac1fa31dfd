"""The reported clause's cuts before a writer's comment or contrast, read from marks found once.

attribution.content's _comment_cut and _contrast_cut bisect the commas a CutMarks found once per
text, where each clause once searched itself; these tests hold them to that search.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotecheck.attribution.content import (
    _COMMENT_RE,
    _CONTRAST_RE,
    _CONTRAST_WORDS,
    CutMarks,
    Doc,
    _comment_cut,
    _contrast_cut,
)
from quotecheck.config import DEFAULT_CONFIG
from quotecheck.text.quotes import find_quotes
from quotecheck.text.segment import segment

_PIECES = [
    "officials said",
    ", ",
    ",",
    ", part of a push",
    ",” part of a push",
    ', "a swipe at him',
    ", a nod to",
    ", an apparent jab at",
    ", a dig",
    ", a dig at",
    ",  a\tthinly veiled shot at",
    ", a thinly veiled",
    ", a man who said",
    ", but others",
    ", but that",
    ", while aides",
    ", compared with",
    ", as has",
    ", as does",
    "“we will",
    "”",
    " ",
    "\t",
    ". ",
    "partly",
    "a",
]


def _doc(text: str) -> Doc:
    paragraphs = segment(text, DEFAULT_CONFIG)
    sentences = [s for p in paragraphs for s in p.sentences]
    return Doc(text, sentences, find_quotes(text, paragraphs, DEFAULT_CONFIG).quotes)


def _comment_searched(doc: Doc, start: int, end: int) -> int:
    """The cut as a search through the clause finds it (the reference)."""
    for m in _COMMENT_RE.finditer(doc.text, start, end):
        inside = doc.quote_at(m.start())
        if inside is None:
            return m.start()
        if m.group("mark") and inside.marks.end == m.start() + 2:
            return m.start() + 2
    return end


def _contrast_searched(doc: Doc, start: int, end: int) -> int:
    """The contrast cut as a search through the clause finds it (the reference)."""
    text = doc.text
    end = _comment_searched(doc, start, end)
    comma = text.find(", ", start, end)
    while comma >= 0:
        if (
            text.startswith(_CONTRAST_WORDS, comma + 2)
            and doc.quote_at(comma) is None
            and _CONTRAST_RE.match(text, comma, end) is not None
        ):
            return comma
        comma = text.find(", ", comma + 2, end)
    return end


@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.data())
def test_cuts_are_those_a_search_through_the_clause_finds(pieces: list[str], data: object) -> None:
    """For any clause of any such text, both cuts fall where the search would put them."""
    text = "".join(pieces)
    doc = _doc(text)
    for _ in range(5):
        start = data.draw(st.integers(0, len(text)))  # type: ignore[attr-defined]
        end = data.draw(st.integers(start, len(text) + 2))  # type: ignore[attr-defined]
        assert _comment_cut(doc, start, end) == _comment_searched(doc, start, end)
        assert _contrast_cut(doc, start, end) == _contrast_searched(doc, start, end)


def test_a_comment_ends_the_clause_and_a_quoted_comma_keeps_the_quote_whole() -> None:
    """ ", part of …" cuts at its comma; a comma inside the closing quote cuts after the mark."""
    text = "He called it “a disgrace,” part of a long feud, officials said, a swipe at Reed."
    doc = _doc(text)
    assert text[: _comment_cut(doc, 0, len(text))] == "He called it “a disgrace,”"
    later = text.index("officials")
    assert text[later : _comment_cut(doc, later, len(text))] == "officials said"


def test_a_contrast_ends_the_clause_unless_it_still_reports() -> None:
    """ ", while …" cuts; ", but that …" is still the report."""
    doc = _doc("Sales rose, while costs fell. Sales rose, but that was expected.")
    assert _contrast_cut(doc, 0, 28) == len("Sales rose")
    assert _contrast_cut(doc, 30, 64) == 64


def test_a_comment_mark_needs_a_whole_head() -> None:
    """ ", a man" opens no comment: a run of "a man who said, " marks none of its commas (each
    once was a mark, and every clause over the run tried the comment pattern at each)."""
    assert CutMarks("a man who said, " * 200).comments == []
    text = "He left, a swipe at Reed, and then, an\tapparent  jab at Kim, part of it"
    assert len(CutMarks(text).comments) == 3
