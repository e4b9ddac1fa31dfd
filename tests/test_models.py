"""The contract models: JSON round trip, immutability, strict fields, Span checks, ranks."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from quotecheck import models
from quotecheck.models import (
    Analysis,
    Attribution,
    Claim,
    ClaimKind,
    Cue,
    CueKind,
    Edit,
    Failure,
    Flag,
    FlagKind,
    Genre,
    GenreKind,
    Page,
    Paragraph,
    Quote,
    QuoteKind,
    Sentence,
    SentenceRole,
    Severity,
    Signal,
    SignalKind,
    Source,
    SourceKind,
    SourcingSummary,
    Span,
    Stance,
    Verification,
    VerificationStatus,
)

TEXT = "“We will stay,” Dr. Haddad told the Post on Monday. Critics called it “a farce.”"


def span_of(needle: str, text: str = TEXT) -> Span:
    """The Span of the first ``needle`` in ``text``."""
    start = text.index(needle)
    return Span(start=start, end=start + len(needle), text=needle)


def _samples() -> dict[type[BaseModel], BaseModel]:
    """One instance of every contract model, with every optional field filled in."""
    first = span_of("“We will stay,” Dr. Haddad told the Post on Monday.")
    sentence = Sentence(index=0, paragraph=0, span=first, role=SentenceRole.body)
    paragraph = Paragraph(index=0, span=span_of(TEXT), sentences=(sentence,))
    quote = Quote(
        id="q1",
        span=span_of("We will stay,"),
        marks=span_of("“We will stay,”"),
        kind=QuoteKind.direct,
        attribution_id="a1",
        paragraph=0,
        depth=0,
        closed=True,
        reasons=("stands as its own clause",),
    )
    cue = Cue(span=span_of("told"), kind=CueKind.speech_verb, lemma="tell", stance=Stance.neutral)
    source = Source(
        id="s1",
        kind=SourceKind.person,
        name="Dr. Haddad",
        role="doctor",
        affiliation="City Hospital",
        descriptor=None,
        mentions=(span_of("Dr. Haddad"),),
    )
    attribution = Attribution(
        id="a1",
        source_id="s1",
        cue=span_of("told"),
        cue_kind=CueKind.speech_verb,
        stance=Stance.neutral,
        content=span_of("We will stay,"),
        quote_ids=("q1",),
        via_source_id="s2",
        when=span_of("on Monday"),
        reasons=("quote followed by X told Y",),
    )
    signal = Signal(
        kind=SignalKind.scare_quote, span=span_of("a farce."), lexicon=None, in_quote=False
    )
    claim = Claim(
        index=0,
        span=first,
        kind=ClaimKind.quoted,
        role=SentenceRole.body,
        attribution_ids=("a1",),
        sourced=(span_of("We will stay,"),),
        unsourced=(),
        framing=(signal,),
        checkable=True,
        reasons=("carries a direct quote",),
    )
    flag = Flag(
        kind=FlagKind.speakerless_quote,
        span=span_of("a farce."),
        message="no speaker for this quote",
        severity=Severity.medium,
    )
    summary = SourcingSummary(
        sentences=2,
        claims_by_kind={"quoted": 1, "editorial": 1},
        quotes_by_kind={"direct": 1, "scare": 1},
        attributions_by_source_kind={"person": 1},
        named_share=0.5,
        anonymous_share=0.0,
        vague_share=0.0,
        unattributed_share=0.5,
        distinct_named_sources=1,
    )
    genre = Genre(
        kind=GenreKind.opinion,
        confidence=0.9,
        reasons=("section label 'Opinion'",),
        given=False,
    )
    analysis = Analysis(
        doc_id="doc-1",
        length=len(TEXT),
        paragraphs=(paragraph,),
        quotes=(quote,),
        sources=(source,),
        attributions=(attribution,),
        claims=(claim,),
        flags=(flag,),
        genre=genre,
        summary=summary,
    )
    edit = Edit(
        op="replace",
        quote_words="stay",
        source_words="remain",
        quote_span=Span(start=8, end=12, text="stay"),
        source_span=Span(start=8, end=14, text="remain"),
        meaning=("qualifier",),
    )
    verification = Verification(
        status=VerificationStatus.minor_edit,
        score=91.5,
        quote="We will stay,",
        quote_id="q1",
        source_name="transcript.txt",
        source_span=Span(start=0, end=14, text="We will remain"),
        edits=(edit,),
        reasons=("one word changed",),
    )
    failure = Failure(doc_id="doc-2", error="text must be str", error_type="InputTypeError", line=3)
    page = Page(text=TEXT, title="Haddad stays", author="A. Writer", date="2026-01-05")
    instances: list[BaseModel] = [
        span_of("Post"),
        sentence,
        paragraph,
        quote,
        cue,
        source,
        attribution,
        signal,
        claim,
        flag,
        summary,
        genre,
        analysis,
        edit,
        verification,
        failure,
        page,
    ]
    return {type(instance): instance for instance in instances}


SAMPLES = _samples()
CONTRACT_MODELS = [
    obj
    for name in models.__all__
    if isinstance(obj := getattr(models, name), type) and issubclass(obj, BaseModel)
]


def test_every_model_has_a_sample() -> None:
    """Every BaseModel exported by quotecheck.models has a sample here (add one for new models)."""
    assert set(CONTRACT_MODELS) == set(SAMPLES)


@pytest.mark.parametrize("instance", SAMPLES.values(), ids=lambda m: type(m).__name__)
def test_json_round_trip(instance: BaseModel) -> None:
    """model_validate_json(model_dump_json()) gives back an equal model."""
    assert type(instance).model_validate_json(instance.model_dump_json()) == instance


@pytest.mark.parametrize("instance", SAMPLES.values(), ids=lambda m: type(m).__name__)
def test_frozen(instance: BaseModel) -> None:
    """Assigning to any field of a contract model raises."""
    field = next(iter(type(instance).model_fields))
    with pytest.raises(ValidationError, match="frozen"):
        setattr(instance, field, getattr(instance, field))


@pytest.mark.parametrize("instance", SAMPLES.values(), ids=lambda m: type(m).__name__)
def test_extra_fields_rejected(instance: BaseModel) -> None:
    """An unknown field is an error, not silently dropped."""
    data: dict[str, Any] = instance.model_dump()
    data["unexpected"] = 1
    with pytest.raises(ValidationError, match="unexpected"):
        type(instance).model_validate(data)


def test_span_accepts_consistent_values() -> None:
    """A Span whose text length matches end - start is valid, including the empty span."""
    assert Span(start=3, end=3, text="").text == ""
    assert Span(start=0, end=4, text="Post").end == 4


@pytest.mark.parametrize(
    ("start", "end", "text", "message"),
    [
        (5, 3, "", "before its start"),
        (0, 4, "abc", "3 characters but covers 4"),
        (0, 2, "abc", "3 characters but covers 2"),
        (-1, 2, "abc", "greater than or equal to 0"),
    ],
    ids=["end-before-start", "text-too-short", "text-too-long", "negative-start"],
)
def test_span_rejects_inconsistent_values(start: int, end: int, text: str, message: str) -> None:
    """A Span whose offsets are reversed, negative, or disagree with its text is rejected."""
    with pytest.raises(ValidationError, match=message):
        Span(start=start, end=end, text=text)


def test_severity_rank_orders_levels() -> None:
    """Severity.rank sorts info < low < medium < high, 0 to 3."""
    assert [s.rank for s in Severity] == [0, 1, 2, 3]
    shuffled = [Severity.high, Severity.info, Severity.medium, Severity.low]
    assert sorted(shuffled, key=lambda s: s.rank) == [
        Severity.info,
        Severity.low,
        Severity.medium,
        Severity.high,
    ]


def test_enums_serialise_as_their_values() -> None:
    """Labels appear in JSON as plain strings, so other tools can read them."""
    dumped = SAMPLES[Quote].model_dump(mode="json")
    assert dumped["kind"] == "direct"
    assert SAMPLES[Flag].model_dump(mode="json")["severity"] == "medium"


def test_analysis_sentences_flattens_paragraphs() -> None:
    """Analysis.sentences lists every paragraph's sentences in order."""
    analysis = SAMPLES[Analysis]
    assert isinstance(analysis, Analysis)
    assert analysis.sentences == analysis.paragraphs[0].sentences


def test_page_is_null_for_plain_text() -> None:
    """A plain-text Analysis has page None (null in JSON, last); a web page's round-trips."""
    analysis = SAMPLES[Analysis]
    assert isinstance(analysis, Analysis)
    assert analysis.page is None
    assert analysis.model_dump_json().endswith(',"page":null}')
    with_page = analysis.model_copy(update={"page": SAMPLES[Page]})
    assert '"page":{"text":' in with_page.model_dump_json()
    assert Analysis.model_validate_json(with_page.model_dump_json()) == with_page


def test_meaning_changed_follows_edits() -> None:
    """Verification.meaning_changed is true exactly when some edit carries a meaning tag."""
    verification = SAMPLES[Verification]
    assert isinstance(verification, Verification)
    assert verification.meaning_changed
    plain = verification.model_copy(update={"edits": (Edit(op="delete", source_words="now"),)})
    assert not plain.meaning_changed
