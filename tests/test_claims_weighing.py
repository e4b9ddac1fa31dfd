"""Claims weighing: how a sentence's own structure changes what its framing signals weigh.

A degree word grading an evaluative term, the tail of a quotation whose opening mark the sentence
does not hold, and a capitalised "We"/"Our" inside a name. The golden sentences for these rules are
in tests/cases/claims.json (labels voice-capital-*, quote-tail-*, degree-*); the tests here check
the pieces and that the reasons name what decided.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotecheck as qc
from quotecheck.attribution.attribute import Sourcing
from quotecheck.claims.classify import classify_claims
from quotecheck.claims.framing import find_signals
from quotecheck.claims.signaltables import TABLES
from quotecheck.claims.weighing import _unopened_close
from quotecheck.lexicons import load
from quotecheck.models import ClaimKind, SignalKind, Span
from quotecheck.text.segment import segment


def _claim(text: str) -> qc.Claim:
    """The last claim of ``text`` read with no sourcing (the writer's own words throughout)."""
    return classify_claims(text, segment(text), Sourcing((), (), ()))[-1]


def _whole(text: str) -> Span:
    return Span(start=0, end=len(text), text=text)


# --------------------------------------------------------------------------- degree words


def test_a_degree_word_grades_a_weak_term_and_the_reason_says_so() -> None:
    """'so arrogant': the weak term weighs the threshold, and the reasons name the pair."""
    claim = _claim("The minister's reply to the inquiry was so arrogant.")
    assert claim.kind is ClaimKind.editorial
    assert "a degree word grades an evaluative term: so arrogant" in claim.reasons
    assert "evaluative terms: arrogant" in claim.reasons


def test_the_weak_term_alone_stays_below_the_threshold() -> None:
    """Without the degree word the same term is too weak to make the sentence editorial."""
    claim = _claim("The minister's reply to the inquiry was arrogant.")
    assert claim.kind is ClaimKind.unattributed
    assert not any("degree word" in r for r in claim.reasons)


def test_a_stance_adverb_does_not_grade() -> None:
    """'clearly eager': 'clearly' says how sure the writer is, not how much; no grading."""
    claim = _claim("Ministers were clearly eager to bury the report.")
    assert not any("degree word" in r for r in claim.reasons)


def test_a_degree_word_must_stand_right_before_the_term() -> None:
    """'so, arguably, arrogant' is not one graded phrase: the comma breaks it."""
    claim = _claim("The reply was so, arguably, arrogant.")
    assert not any("degree word" in r for r in claim.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "The river was very high on Tuesday morning.",
        "Water levels were extremely low across the region.",
        "The road was too narrow for the lorries.",
    ],
)
def test_a_degree_word_before_a_plain_word_judges_nothing(text: str) -> None:
    """Hard news: a degree word grading a measurement is not framing."""
    assert _claim(text).kind is ClaimKind.unattributed


def test_degree_words_are_not_evaluative_terms_of_their_own() -> None:
    """Every degree word is kept out of the evaluative table (it only grades)."""
    for word in load("degree"):
        assert (SignalKind.evaluative.value, word.lower()) not in TABLES.weights


# --------------------------------------------------------------------------- quotation tails


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It was a betrayal.\u201d", 18),
        ("It was a betrayal,\u201d she said.", 18),
        ('It was a betrayal," she said.', 18),
        ("\u201cIt was a betrayal,\u201d she said.", -1),
        ('"It was a betrayal," she said.', -1),
        ('He called it a "betrayal" today.', -1),
        ('It was a "historic" day," she said.', -1),
        ("No quote marks at all.", -1),
        ("\u201d", -1),
    ],
)
def test_unopened_close_finds_a_closing_mark_nothing_opened(sentence: str, expected: int) -> None:
    """A closing mark before any opening one is found; balanced or opening marks are not."""
    assert _unopened_close(sentence) == expected


@given(st.text(alphabet='ab \u201c\u201d",.', max_size=30))
def test_unopened_close_points_at_a_quote_mark(sentence: str) -> None:
    """Whatever the text, the answer is -1 or the offset of a double quote mark in it."""
    at = _unopened_close(sentence)
    assert at == -1 or sentence[at] in '\u201d"'


def test_the_tail_of_a_quotation_is_the_speakers_and_the_reason_says_so() -> None:
    """Loaded words before an unopened closing mark weigh nothing; the reasons name them."""
    claim = _claim("The hearing ended at noon. It was a shameful and cynical betrayal.\u201d")
    assert claim.kind is ClaimKind.unattributed
    assert any(
        r.startswith("before a closing quote mark with no opening one") for r in claim.reasons
    )
    assert {s.span.text for s in claim.framing} >= {"shameful", "cynical", "betrayal"}


def test_the_writers_words_after_the_tail_still_count() -> None:
    """Only what stands before the closing mark is the speaker's."""
    claim = _claim("It was over,\u201d she said of the shameful and cynical betrayal.")
    assert claim.kind is ClaimKind.editorial


# --------------------------------------------------------------------------- voice inside names


@pytest.mark.parametrize(
    ("text", "voiced"),
    [
        ("Volunteers from Feeding Our Future delivered meals.", False),
        ("The banner read Who We Are Now in red letters.", False),
        ("The message was plain: We will not accept another delay.", True),
        ("Our city deserves better.", True),
        ("The plan, she wrote, is \u201cWe first, everyone else later\u201d.", True),
        ("Everyone knows our city deserves better.", True),
    ],
)
def test_a_capitalised_we_inside_a_sentence_is_part_of_a_name(text: str, voiced: bool) -> None:
    """'Our' or 'We' with a capital inside a sentence is a name's, unless a clause opens there."""
    signals = find_signals(text, _whole(text))
    assert any(s.kind is SignalKind.voice for s in signals) is voiced


def test_i_is_the_writers_wherever_it_stands() -> None:
    """'I' is written with a capital everywhere: inside a sentence it is still the writer."""
    text = "After the vote I think the council lost its way."
    assert any(s.kind is SignalKind.voice for s in find_signals(text, _whole(text)))
