"""Format characters (Unicode Cf) are white space to every decision; Spans quote the original."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

import quotecheck as qc
from quotecheck.models import Span
from quotecheck.text.formatchars import decision_view, restore_spans
from tests.strategies import quoted_article

# A byte-order mark, zero-width space, joiners, bidi marks and overrides, a soft hyphen.
FORMAT_CHARS = "\ufeff\u200b\u200c\u200d\u200e\u200f\u202a\u202e\u2066\u2069\u2060\u00ad"


def _spans(value: object) -> list[Span]:
    """Every Span nested in a model, in field order."""
    if isinstance(value, Span):
        return [value]
    if isinstance(value, qc.Analysis | tuple) or hasattr(value, "__pydantic_fields__"):
        items = value if isinstance(value, tuple) else value.__dict__.values()
        return [span for item in items for span in _spans(item)]
    return []


def test_every_sample_is_a_format_character() -> None:
    """The characters these tests use are all of category Cf."""
    assert {unicodedata.category(c) for c in FORMAT_CHARS} == {"Cf"}


def test_byte_order_mark_keeps_the_speaker() -> None:
    """A BOM before a quote leaves it a direct quote credited to its speaker, offsets kept."""
    plain = qc.analyze("“Hi,” she said.")
    marked = qc.analyze("\ufeff“Hi,” she said.")
    assert [(q.kind, q.attribution_id) for q in marked.quotes] == [("direct", "a1")]
    assert [(q.kind, q.attribution_id) for q in plain.quotes] == [("direct", "a1")]
    assert marked.quotes[0].span.start == plain.quotes[0].span.start + 1
    assert marked.paragraphs[0].span.text == "“Hi,” she said."


def test_view_has_the_same_length_and_no_format_character() -> None:
    """decision_view replaces each format character with one space and nothing else."""
    text = "a\ufeffb\u202ec d\u00ade"
    view = decision_view(text)
    assert view == "a b c d e"
    assert len(view) == len(text)


def test_view_of_text_without_format_characters_is_the_text() -> None:
    """No copy is made when there is nothing to replace."""
    text = "The mayor resigned on Monday."
    assert decision_view(text) is text


def test_restore_spans_cuts_text_from_the_original() -> None:
    """restore_spans rebuilds every Span from the text it is given and keeps everything else."""
    original = "Ms.\u200bReyes said: “We will stay.”"
    analysis = qc.analyze(original.replace("\u200b", " "))
    restored = restore_spans(analysis, original)
    assert analysis.sources[0].mentions[0].text == "Ms. Reyes"
    assert restored.sources[0].mentions[0].text == "Ms.\u200bReyes"
    assert restored.sources[0].name == analysis.sources[0].name  # not a Span: kept as read
    for span in _spans(restored):
        assert original[span.start : span.end] == span.text
    assert restored.quotes[0].span.text == analysis.quotes[0].span.text
    assert restored.paragraphs[0].span.text == original


def test_restore_spans_rebuilds_only_what_quotes_a_changed_character() -> None:
    """Parts whose Spans already quote the original are kept, the same objects: one format
    character in a long text no longer rebuilds the whole analysis (a third of a 1.6 MB one)."""
    original = "The mayor resigned on Monday.\n\nMs.\u200bReyes said: “We will stay.” It rained."
    view = original.replace("\u200b", " ")
    analysis = qc.analyze(view)
    restored = restore_spans(analysis, original)
    assert restore_spans(analysis, view) is analysis
    assert restored.paragraphs[0] is analysis.paragraphs[0]
    assert restored.paragraphs[1] is not analysis.paragraphs[1]
    assert restored.paragraphs[1].sentences[-1] is analysis.paragraphs[1].sentences[-1]
    assert restored.quotes[0] is analysis.quotes[0]
    assert restored.paragraphs[1].sentences[0].span.text.startswith("Ms.\u200bReyes")
    assert restored.model_dump_json() == qc.analyze(original).model_dump_json()


@given(quoted_article())
def test_leading_byte_order_mark_is_a_leading_space(article: object) -> None:
    """A text opening with a BOM reads exactly as the same text opening with a space."""
    text: str = article.text  # type: ignore[attr-defined]
    assert restore_spans(qc.analyze("\ufeff" + text), " " + text) == qc.analyze(" " + text)


@given(quoted_article(), st.data())
def test_format_characters_read_as_spaces(article: object, data: st.DataObject) -> None:
    """A format character where a space stood changes nothing but the Spans' quoted text."""
    text: str = article.text  # type: ignore[attr-defined]
    spaces = [i for i, c in enumerate(text) if c == " "]
    chosen = data.draw(st.lists(st.sampled_from(spaces), max_size=6)) if spaces else []
    chars = list(text)
    for i in chosen:
        chars[i] = data.draw(st.sampled_from(FORMAT_CHARS))
    marked = "".join(chars)
    analysis = qc.analyze(marked)
    for span in _spans(analysis):
        assert marked[span.start : span.end] == span.text
    assert restore_spans(analysis, text) == qc.analyze(text)
