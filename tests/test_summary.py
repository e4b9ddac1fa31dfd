"""Sourcing summary: counts and shares that match a hand count."""

from __future__ import annotations

import quotecheck as qc
from quotecheck.attribution.records import Sourcing
from quotecheck.claims.records import ClaimRecord
from quotecheck.models import (
    Attribution,
    ClaimKind,
    CueKind,
    Quote,
    QuoteKind,
    SentenceRole,
    Source,
    SourceKind,
    Span,
)
from quotecheck.summary import summarize
from tests.conftest import SEEDS, sourcing_of

SPAN = Span(start=0, end=1, text="x")


def _claim(i: int, kind: ClaimKind, role: SentenceRole = SentenceRole.body) -> ClaimRecord:
    return ClaimRecord(i, SPAN, kind, role, (), (), (), (), False, ())


def test_hand_built_counts_and_shares() -> None:
    """Counts by kind and shares over body sentences match a hand count."""
    claims = (
        _claim(0, ClaimKind.unattributed, SentenceRole.headline),  # not a body sentence
        _claim(1, ClaimKind.quoted),
        _claim(2, ClaimKind.attributed),
        _claim(3, ClaimKind.anonymous),
        _claim(4, ClaimKind.vague),
        _claim(5, ClaimKind.unattributed),
        _claim(6, ClaimKind.editorial),
        _claim(7, ClaimKind.editorial),
        _claim(8, ClaimKind.quoted),
    )
    sources = (
        Source(id="s1", kind=SourceKind.person, name="Ann Poole"),
        Source(id="s2", kind=SourceKind.organization, name="the ministry"),
        Source(id="s3", kind=SourceKind.anonymous, descriptor="officials"),
        Source(id="s4", kind=SourceKind.media, name="the Herald"),  # only a channel here
    )

    def att(i: int, source: str, via: str | None = None) -> Attribution:
        return Attribution(
            id=f"a{i}",
            source_id=source,
            cue=None,
            cue_kind=CueKind.speech_verb,
            content=SPAN,
            via_source_id=via,
        )

    atts = (att(1, "s1"), att(2, "s1"), att(3, "s2"), att(4, "s3", via="s4"))
    quotes = tuple(
        Quote(id=f"q{i}", span=SPAN, marks=SPAN, kind=k, paragraph=0)
        for i, k in enumerate([QuoteKind.direct, QuoteKind.partial, QuoteKind.partial])
    )
    s = summarize(claims, sourcing_of(quotes, sources, atts))
    assert s.sentences == 8
    assert s.claims_by_kind == {
        "anonymous": 1,
        "attributed": 1,
        "editorial": 2,
        "quoted": 2,
        "unattributed": 1,
        "vague": 1,
    }
    assert s.quotes_by_kind == {"direct": 1, "partial": 2}
    assert s.attributions_by_source_kind == {"anonymous": 1, "organization": 1, "person": 2}
    assert (s.named_share, s.anonymous_share, s.vague_share) == (0.375, 0.125, 0.125)
    assert s.unattributed_share == 0.375
    assert s.distinct_named_sources == 2


def test_empty_text_has_an_empty_summary() -> None:
    """No sentences: zero counts and zero shares, no division by zero."""
    s = summarize((), Sourcing((), (), ()))
    assert (s.sentences, s.named_share, s.unattributed_share) == (0, 0.0, 0.0)


def test_seed_summary_matches_a_hand_count() -> None:
    """The seed, counted by hand: 15 body sentences, 9 unsourced, 6 quotes, 2 named speakers."""
    text = (SEEDS / "libya-special-forces.txt").read_text("utf-8")
    s = qc.analyze(text).summary
    assert s.sentences == 15
    # Unsourced by hand: ground troops, springboards, these operations, proxy forces, pretext,
    # Lake Chad, scramble, European powers, France.
    by_kind = s.claims_by_kind
    assert by_kind.get("unattributed", 0) + by_kind.get("editorial", 0) == 9
    assert by_kind.get("editorial", 0) >= 4
    assert s.unattributed_share == 0.6
    # Named by hand: the Trowbridge quote, the partial quotes, the AFRICOM plans, Dunford.
    assert s.named_share == round(4 / 15, 4)
    # Anonymous by hand: the unnamed Defense Department sources, the retired officer.
    assert s.anonymous_share == round(2 / 15, 4)
    assert s.quotes_by_kind == {"direct": 1, "partial": 4, "scare": 1}
    assert s.distinct_named_sources == 2  # Gordon Trowbridge, Joseph Dunford
