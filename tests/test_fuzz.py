"""A standing fuzz suite: analyze on hostile text keeps every promise of the contract.

The text mixes news words, names, cue verbs and every quote mark with control characters,
format characters (BOM, zero-width, bidi marks), lone surrogates and odd line breaks
(tests/strategies.py ``fuzz_text``). Each property runs the profile's example count: a modest
one by default, a large one in CI's ``slow`` profile (tests/conftest.py, .ci/run).
"""

from __future__ import annotations

import re

from hypothesis import assume, example, given, settings

import quotecheck as qc
from quotecheck.models import Analysis, Span
from tests.conftest import FUZZ_EXAMPLES
from tests.strategies import fuzz_text

# The profile's fuzz example count (tests/conftest.py): large in CI's slow pass.
_FUZZ = settings(max_examples=FUZZ_EXAMPLES)


def _spans(value: object) -> list[Span]:
    """Every Span nested anywhere in a model."""
    if isinstance(value, Span):
        return [value]
    if isinstance(value, tuple):
        return [span for item in value for span in _spans(item)]
    if hasattr(value, "__pydantic_fields__"):
        return [span for item in value.__dict__.values() for span in _spans(item)]
    return []


def _analyze(text: str) -> Analysis:
    """analyze(text); a failure other than a QuotecheckError fails the test with the text."""
    try:
        return qc.analyze(text)
    except qc.QuotecheckError:
        raise
    except Exception as exc:  # the property: nothing else escapes
        msg = f"analyze raised {type(exc).__name__}: {exc} on {text!r}"
        raise AssertionError(msg) from exc


_SURROGATE_PAIR_RE = re.compile("[\ud800-\udbff][\udc00-\udfff]")

HOSTILE_EXAMPLES = (
    "\ufeff“Hi,” she said.",
    "Hi. \x1c",
    "\x1c“We will stay,\x1d” the minister said.\x1f",
    "“\x00Yes\x00,” \x1b[2Jhe said \ud800.",
    "Officials said\u2028“No,” he told\u202e reporters.\r“Yes.”",
    # A closing mark glued to a NUL is no closing mark: the quote runs on past the content's end.
    "The mayor told\x00 reporters: ‘Minister troops troops.’\x00\nArmy budget vote in the U.S.",
)


@_FUZZ
@given(fuzz_text())
@example("")
@example(HOSTILE_EXAMPLES[0])
@example(HOSTILE_EXAMPLES[1])
@example(HOSTILE_EXAMPLES[2])
@example(HOSTILE_EXAMPLES[3])
@example(HOSTILE_EXAMPLES[4])
def test_every_span_indexes_the_input(text: str) -> None:
    """Only QuotecheckError may escape, and every Span quotes ``text`` exactly."""
    analysis = _analyze(text)
    assert analysis.length == len(text)
    for span in _spans(analysis):
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text


@_FUZZ
@given(fuzz_text())
@example(HOSTILE_EXAMPLES[3])
def test_every_id_resolves(text: str) -> None:
    """Quote, attribution, source, via and claim ids all name something in the analysis."""
    analysis = _analyze(text)
    quotes = {q.id for q in analysis.quotes}
    attributions = {a.id for a in analysis.attributions}
    sources = {s.id for s in analysis.sources}
    assert len(quotes) == len(analysis.quotes)
    assert len(attributions) == len(analysis.attributions)
    assert len(sources) == len(analysis.sources)
    for q in analysis.quotes:
        assert q.attribution_id is None or q.attribution_id in attributions
    for a in analysis.attributions:
        assert a.source_id in sources
        assert a.via_source_id is None or a.via_source_id in sources
        assert set(a.quote_ids) <= quotes
    for c in analysis.claims:
        assert set(c.attribution_ids) <= attributions


@_FUZZ
@given(fuzz_text())
@example(HOSTILE_EXAMPLES[1])
@example(HOSTILE_EXAMPLES[2])
@example(HOSTILE_EXAMPLES[5])
def test_sentences_in_paragraphs_and_quotes_in_their_content(text: str) -> None:
    """Every sentence lies in its paragraph; every quote lies in its attribution's content."""
    analysis = _analyze(text)
    for p in analysis.paragraphs:
        for s in p.sentences:
            assert s.paragraph == p.index
            assert p.span.start <= s.span.start <= s.span.end <= p.span.end
            assert s.span.text.strip(), "a sentence holds more than white space"
    quotes = {q.id: q for q in analysis.quotes}
    for a in analysis.attributions:
        for qid in a.quote_ids:
            inner = quotes[qid].span
            assert a.content.start <= inner.start, (qid, a.id)
            assert inner.end <= a.content.end, (qid, a.id)


@_FUZZ
@given(fuzz_text())
def test_analyze_is_deterministic(text: str) -> None:
    """Two analyses of the same text are equal, down to their JSON."""
    first, second = _analyze(text), _analyze(text)
    assert first == second
    assert first.model_dump_json() == second.model_dump_json()


@_FUZZ
@given(fuzz_text())
@example(HOSTILE_EXAMPLES[3])
@example("\udfff\ud800 “\udc00,” she said \ud800.")
def test_json_round_trips(text: str) -> None:
    """model_validate_json(model_dump_json()) gives back an equal Analysis, surrogates too.

    A high surrogate followed by a low one is the one thing JSON cannot keep apart: their two
    escapes read back as the single character they encode (docs/api.md says so).
    """
    assume(not _SURROGATE_PAIR_RE.search(text))
    analysis = _analyze(text)
    dumped = analysis.model_dump_json()
    assert dumped.encode("utf-8")  # writable as UTF-8: lone surrogates are escaped
    assert Analysis.model_validate_json(dumped) == analysis
