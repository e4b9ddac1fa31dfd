"""Claims: one per sentence, labelled by its parts, with readable reasons.

Golden cases in tests/cases/claims.json run through the whole pipeline: ``expected.kind`` is the
kind of the text's last claim, ``expected.flags`` (when given) the exact set of flag kinds of the
text, ``expected.signals`` framing signals ``[kind, text, in_quote]`` that must be present, and
``expected.absent_signals`` signal texts that must not be. Unit tests below build the sourcing by
hand, so they do not depend on the attribution stage.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotecheck as qc
from quotecheck.attribution.records import Sourcing
from quotecheck.claims.checkable import _ALLEGATIONS, _NUMBER_WORD_PATTERNS, _opens, scan_marks
from quotecheck.claims.classify import claim_records, classify_claims
from quotecheck.lexicons import load
from quotecheck.models import (
    Attribution,
    ClaimKind,
    CueKind,
    Paragraph,
    Quote,
    QuoteKind,
    Sentence,
    Source,
    SourceKind,
    Span,
)
from quotecheck.text.segment import segment
from tests.conftest import SEEDS, case_params, load_cases, sourcing_of
from tests.conftest import span_of_part as _span

CASES = load_cases("claims")


@pytest.mark.parametrize("case", case_params("claims"))
def test_claims_case(case: dict[str, Any]) -> None:
    """Each golden sentence gets the expected kind, signals and flags."""
    a = qc.analyze(case["input"])
    expected = case["expected"]
    assert a.claims[-1].kind.value == expected["kind"], a.claims[-1].reasons
    signals = {(s.kind.value, s.span.text, s.in_quote) for c in a.claims for s in c.framing}
    for kind, text, in_quote in expected.get("signals", []):
        assert (kind, text, in_quote) in signals
    texts = {s.span.text for c in a.claims for s in c.framing}
    assert texts.isdisjoint(expected.get("absent_signals", []))
    if "flags" in expected:
        assert {f.kind.value for f in a.flags} == set(expected["flags"])


def test_enough_cases_cover_every_kind_and_signal() -> None:
    """The golden file has >= 40 cases and covers every claim kind and signal kind."""
    assert len(CASES) >= 40
    kinds = {c["expected"]["kind"] for c in CASES}
    assert kinds == {k.value for k in ClaimKind}
    signal_kinds = {s[0] for c in CASES for s in c["expected"].get("signals", [])}
    assert signal_kinds == {k.value for k in qc.SignalKind}


# --------------------------------------------------------------------------- hand-built sourcing

MIXED = (
    "The agency plans 12 new stations, director Ann Poole said, and has already spent "
    "90 million dollars on land."
)


def _one_sentence(text: str) -> tuple[Paragraph, ...]:
    span = Span(start=0, end=len(text), text=text)
    return (Paragraph(index=0, span=span, sentences=(Sentence(index=0, paragraph=0, span=span),)),)


def _poole_sourcing(text: str) -> Sourcing:
    poole = Source(
        id="s1", kind=SourceKind.person, name="Ann Poole", mentions=(_span(text, "Ann Poole"),)
    )
    said = Attribution(
        id="a1",
        source_id="s1",
        cue=_span(text, "said"),
        cue_kind=CueKind.speech_verb,
        content=_span(text, "The agency plans 12 new stations"),
    )
    return sourcing_of((), (poole,), (said,))


def test_mixed_sentence_records_sourced_and_unsourced_parts() -> None:
    """A sourced clause and the writer's own clause are both recorded, with a readable reason."""
    (claim,) = classify_claims(MIXED, _one_sentence(MIXED), _poole_sourcing(MIXED))
    assert claim.kind is ClaimKind.attributed
    assert [s.text for s in claim.sourced] == ["The agency plans 12 new stations"]
    assert [s.text for s in claim.unsourced] == ["and has already spent 90 million dollars on land"]
    assert "reported by Ann Poole via 'said'" in claim.reasons
    assert claim.checkable


def test_mixed_sentence_unsourced_figure_is_flagged_on_its_part() -> None:
    """The unsourced part with a figure gets an unattributed_claim flag on that part only."""
    sourcing = _poole_sourcing(MIXED)
    claims = claim_records(MIXED, _one_sentence(MIXED), sourcing)
    flags = qc_find_flags(MIXED, claims, sourcing)
    assert [(f.kind.value, f.span.text) for f in flags] == [
        ("unattributed_claim", "and has already spent 90 million dollars on land")
    ]


def qc_find_flags(text: str, claims: Any, sourcing: Sourcing) -> Any:
    """Call the flags stage with no unbalanced quote marks."""
    from quotecheck.flags import find_flags

    return find_flags(text, claims, sourcing, ())


def test_framing_in_credited_content_is_not_the_writers() -> None:
    """Loaded words inside a credited content leave the sentence attributed, not editorial."""
    text = "The regime's thugs attacked the convoy, the army said."
    source = Source(id="s1", kind=SourceKind.organization, name="the army")
    att = Attribution(
        id="a1",
        source_id="s1",
        cue=_span(text, "said"),
        cue_kind=CueKind.speech_verb,
        content=_span(text, "The regime's thugs attacked the convoy"),
    )
    (claim,) = classify_claims(text, _one_sentence(text), sourcing_of((), (source,), (att,)))
    assert claim.kind is ClaimKind.attributed
    assert any(s.span.text == "thugs" for s in claim.framing)


def test_scare_quote_with_framing_inside_is_the_writers_distance() -> None:
    """A scare quote is the writer's signal; loaded words inside it are marked in_quote."""
    text = "Officials hailed the “glorious victory” of the army as a turning point."
    q = Quote(
        id="q1",
        span=_span(text, "glorious victory"),
        marks=_span(text, "“glorious victory”"),
        kind=QuoteKind.scare,
        paragraph=0,
    )
    (claim,) = classify_claims(text, _one_sentence(text), sourcing_of((q,), (), ()))
    inside = [s for s in claim.framing if s.span.text == "glorious"]
    assert inside
    assert inside[0].in_quote
    assert any(s.kind is qc.SignalKind.scare_quote and not s.in_quote for s in claim.framing)


def test_reasons_name_the_evaluative_terms() -> None:
    """An editorial sentence's reasons list its terms by kind, for a person to read."""
    text = "The imperialist powers continue their neocolonial predations across the region."
    (claim,) = classify_claims(text, _one_sentence(text), Sourcing((), (), ()))
    assert claim.kind is ClaimKind.editorial
    assert "evaluative terms: imperialist, neocolonial, predations" in claim.reasons


# --------------------------------------------------------------------------- seed and properties


def test_seed_claims_match_the_expected_reading() -> None:
    """Seed: unattributed/editorial sentences get their kind; sourced ones are not unsourced."""
    text = (SEEDS / "libya-special-forces.txt").read_text("utf-8")
    expected = json.loads((SEEDS / "libya-special-forces.expected.json").read_text("utf-8"))
    a = qc.analyze(text)

    def kind_at(prefix: str) -> ClaimKind:
        at = text.index(prefix)
        return next(c.kind for c in a.claims if c.span.start <= at < c.span.end)

    for prefix in expected["unattributed_sentences"]:
        assert kind_at(prefix) in (ClaimKind.unattributed, ClaimKind.editorial), prefix
    for prefix in expected["editorial_sentences"]:
        assert kind_at(prefix) is ClaimKind.editorial, prefix
    for item in expected["quotes"] + expected["attributed_statements"]:
        if item.get("source_kind"):
            span = item["span"]
            claim = next(c for c in a.claims if c.span.start <= span[0] < c.span.end)
            assert claim.kind not in (ClaimKind.unattributed, ClaimKind.editorial), claim.reasons


@given(st.text(alphabet=st.sampled_from("ab .?!“”\"'\n,Wwe"), max_size=200))
def test_one_claim_per_sentence_in_order(text: str) -> None:
    """Every sentence gets exactly one claim, in order, with spans that index the text."""
    a = qc.analyze(text)
    sentences = a.sentences
    assert [c.index for c in a.claims] == [s.index for s in sentences]
    assert [c.span for c in a.claims] == [s.span for s in sentences]
    for c in a.claims:
        for part in (*c.sourced, *c.unsourced, *(s.span for s in c.framing)):
            assert text[part.start : part.end] == part.text
            assert c.span.start <= part.start <= part.end <= c.span.end


def test_segmented_text_without_sourcing_is_unattributed_or_editorial() -> None:
    """With no attributions at all, every claim is unattributed or editorial."""
    text = "Prices rose. The regime lied again. Rain fell on Monday."
    claims = classify_claims(text, segment(text), Sourcing((), (), ()))
    assert [c.kind for c in claims] == [
        ClaimKind.unattributed,
        ClaimKind.editorial,
        ClaimKind.unattributed,
    ]


def test_a_quote_belongs_only_to_the_sentences_it_spans() -> None:
    """A credited quote in the second sentence leaves the first sentence unsourced."""
    text = "Prices rose 9 percent. “We will act,” the governor said."
    paragraphs = segment(text)
    inner = _span(text, "We will act,")
    governor = Source(
        id="s1",
        kind=SourceKind.person,
        name="the governor",
        mentions=(_span(text, "the governor"),),
    )
    quote = Quote(
        id="q1",
        span=inner,
        marks=_span(text, "“We will act,”"),
        kind=QuoteKind.direct,
        attribution_id="a1",
        paragraph=0,
    )
    att = Attribution(
        id="a1",
        source_id="s1",
        cue=_span(text, "said"),
        cue_kind=CueKind.speech_verb,
        content=inner,
        quote_ids=("q1",),
    )
    first, second = classify_claims(text, paragraphs, sourcing_of((quote,), (governor,), (att,)))
    assert (first.kind, first.sourced, first.attribution_ids) == (ClaimKind.unattributed, (), ())
    assert second.kind is ClaimKind.quoted
    assert second.attribution_ids == ("a1",)


_NUMBER_WORDS = (
    *("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"),
    *("twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"),
    *("hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion"),
    *("billions", "trillion", "trillions", "dozen", "dozens", "percent", "per cent", "half"),
)


def test_number_words_are_figures_exactly() -> None:
    """Each number word standing alone is a figure, and no near miss of one is."""
    near = {w[:-1] for w in _NUMBER_WORDS} | {w + s for w in _NUMBER_WORDS for s in "sy"}
    near |= {"seventeen", "tens", "twos", "per  cent", "percents", "halfs", "ninet", "hundredss"}
    near |= {f"x{w}" for w in _NUMBER_WORDS} | {f"{w}-fold" for w in _NUMBER_WORDS}
    found = {
        w
        for w in set(_NUMBER_WORDS) | near
        if [f[2] for f in scan_marks(f"Some ({w}) of them.").figures] == [w]
    }
    assert found == set(_NUMBER_WORDS)


_PIECES = [
    "was",
    "paid",
    "by",
    "bribe",
    "bribery",
    "cover-up",
    "covered",
    "up",
    "three",
    "per cent",
]


def _every_pattern(low: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """Allegations and number words found by trying every pattern on the whole text."""

    def found(patterns: list[re.Pattern[str]]) -> list[tuple[int, int, str]]:
        return sorted(
            (m.start(), m.end(), m.group())
            for p in patterns
            for m in p.finditer(low)
            if _opens(low, m)
        )

    return found([p for ps in _ALLEGATIONS.values() for p in ps]), found(
        list(_NUMBER_WORD_PATTERNS.values())
    )


@given(
    st.lists(
        st.one_of(
            st.text(max_size=3),
            st.sampled_from([*_PIECES, " ", "-", "_", "’", "\u212a", "É", "\u0130", "9"]),
            st.sampled_from(sorted(load("allegation"))),
        ),
        max_size=14,
    )
)
def test_prefilter_keeps_every_allegation_and_number_word(parts: list[str]) -> None:
    """Trying only the entries whose letters a text holds finds what trying every entry finds."""
    text = "".join(parts)
    marks = scan_marks(text)
    allegations, numbers = _every_pattern(text.replace("\u0130", "I").lower())
    assert marks.allegations == allegations
    assert [f for f in marks.figures if not f[2][:1].isdigit()] == numbers


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        pytest.param("The vote was held on Tuesday.", ["Tuesday"], id="weekday"),
        pytest.param("In June and again in December.", ["June", "December"], id="months"),
        pytest.param("Ministers may act; protesters march.", [], id="modal-and-verb"),
        pytest.param("It May be so, and March is long.", [], id="may-march-left-out"),
        pytest.param("An august body met on Mondays.", [], id="adjective-and-plural"),
        pytest.param("The Friday-night vote.", [], id="compound"),
        pytest.param("XJuly and Julyx are no months.", [], id="glued"),
    ],
)
def test_dates_are_weekdays_and_months(text: str, dates: list[str]) -> None:
    """scan_marks finds capitalised weekdays and months as whole words, at their offsets."""
    found = scan_marks(text).dates
    assert [d[2] for d in found] == dates
    assert all(text[a:b] == d for a, b, d in found)


@given(st.lists(st.sampled_from(["Sunday", "July", "may", "Mayday", " ", "-", "x", "9"])))
def test_date_prefilter_finds_what_the_pattern_finds(parts: list[str]) -> None:
    """Skipping texts without a date word loses no date that the pattern alone would find."""
    text = "".join(parts)
    expected = [
        (m.start(), m.end(), m.group())
        for m in re.finditer(r"(?<![\w-])(?:Sunday|July)(?![\w'’-])", text)
    ]
    assert scan_marks(text).dates == expected


def test_a_date_holds_weak_framing_back_and_says_so() -> None:
    """Weak signals that would make a sentence editorial read as reporting beside a date, and
    the claim's reasons say which date held them back; undated, the same words are editorial."""
    dated = qc.analyze("Ministers were clearly eager to bury the report on Thursday.").claims[0]
    assert dated.kind is ClaimKind.unattributed
    assert any("'Thursday' marks reporting" in r for r in dated.reasons)
    plain = qc.analyze("Ministers were clearly eager to bury the report.").claims[0]
    assert plain.kind is ClaimKind.editorial
    assert not any("marks reporting" in r for r in plain.reasons)
