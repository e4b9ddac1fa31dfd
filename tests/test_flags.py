"""Flags: what a fact-checker should look at, with messages and severities that rank the work."""

from __future__ import annotations

import quotecheck as qc
from quotecheck.attribution.records import Sourcing
from quotecheck.claims.classify import claim_records
from quotecheck.flags import find_flags
from quotecheck.models import (
    Attribution,
    CueKind,
    Flag,
    FlagKind,
    Paragraph,
    Quote,
    QuoteKind,
    Sentence,
    SentenceRole,
    Severity,
    Source,
    SourceKind,
    Span,
)
from quotecheck.text.segment import segment
from tests.conftest import sourcing_of
from tests.conftest import span_of_part as _span

NO_SOURCING = Sourcing((), (), ())


def _flags(text: str, sourcing: Sourcing = NO_SOURCING) -> tuple[Flag, ...]:
    return find_flags(text, claim_records(text, segment(text), sourcing), sourcing, ())


def test_unsourced_figure_is_high() -> None:
    """A specific figure stated with no source is the first thing to check."""
    (flag,) = _flags("The agency spent 40 million dollars on consultants last year.")
    assert flag.kind is FlagKind.unattributed_claim
    assert flag.severity is Severity.high
    assert "specific figure ('40')" in flag.message


def test_unsourced_allegation_is_high() -> None:
    """An allegation stated with no source is high severity."""
    (flag,) = _flags("The commander has been a known asset of the foreign intelligence service.")
    assert flag.severity is Severity.high
    assert "allegation" in flag.message


def test_unsourced_named_actor_is_medium() -> None:
    """A named actor doing something, unsourced, is checkable but less urgent than a figure."""
    (flag,) = _flags("Senator Ruth Alvarez voted against the water bill in committee.")
    assert (flag.kind, flag.severity) == (FlagKind.unattributed_claim, Severity.medium)
    assert "names an actor (Ruth Alvarez)" in flag.message


def test_editorial_framing_lists_the_signals() -> None:
    """An editorial sentence is flagged with the writer's own signals in the message."""
    flags = _flags("The so-called reform is a shameless giveaway to cronies.")
    editorial = [f for f in flags if f.kind is FlagKind.editorial_framing]
    assert len(editorial) == 1
    assert "so-called (presupposition)" in editorial[0].message
    assert editorial[0].severity is Severity.low  # opinion only, nothing checkable


def test_sourced_figure_is_not_flagged() -> None:
    """A figure credited to a named source raises no flag."""
    text = "Some 1,200 homes were flooded, the interior ministry said."
    ministry = Source(
        id="s1",
        kind=SourceKind.organization,
        name="the interior ministry",
        mentions=(_span(text, "the interior ministry"),),
    )
    att = Attribution(
        id="a1",
        source_id="s1",
        cue=_span(text, "said"),
        cue_kind=CueKind.speech_verb,
        content=_span(text, "Some 1,200 homes were flooded"),
    )
    assert _flags(text, sourcing_of((), (ministry,), (att,))) == ()


def test_anonymous_and_vague_sources_are_flagged_medium() -> None:
    """Unnamed and vague sources are flagged on their mention or cue, at medium severity."""
    text = "The army moved north, officials said, and has reportedly seized the dam."
    officials = Source(
        id="s1",
        kind=SourceKind.anonymous,
        descriptor="officials",
        mentions=(_span(text, "officials"),),
    )
    vague = Source(id="s2", kind=SourceKind.vague, descriptor="reportedly")
    atts = (
        Attribution(
            id="a1",
            source_id="s1",
            cue=_span(text, "said"),
            cue_kind=CueKind.speech_verb,
            content=_span(text, "The army moved north"),
        ),
        Attribution(
            id="a2",
            source_id="s2",
            cue=_span(text, "reportedly"),
            cue_kind=CueKind.vague,
            content=_span(text, "has reportedly seized the dam"),
        ),
    )
    flags = _flags(text, sourcing_of((), (officials, vague), atts))
    got = [(f.kind, f.span.text, f.severity) for f in flags]
    assert (FlagKind.anonymous_source, "officials", Severity.medium) in got
    assert (FlagKind.vague_source, "reportedly", Severity.medium) in got
    assert [f.span.start for f in flags] == sorted(f.span.start for f in flags)


def test_speakerless_quote_reads_like_speech() -> None:
    """A scare-kind quote that reads as speech is flagged; a quoted term is not."""
    text = "Residents heard “we will not leave this place” and saw “smart meters” installed."
    quotes = tuple(
        Quote(
            id=f"q{i}",
            span=_span(text, words),
            marks=_span(text, f"“{words}”"),
            kind=QuoteKind.scare,
            paragraph=0,
        )
        for i, words in enumerate(["we will not leave this place", "smart meters"])
    )
    flags = _flags(text, sourcing_of(quotes, (), ()))
    speakerless = [f for f in flags if f.kind is FlagKind.speakerless_quote]
    assert [f.span.text for f in speakerless] == ["“we will not leave this place”"]
    assert speakerless[0].severity is Severity.low


def test_questions_headlines_and_bylines_are_not_flagged() -> None:
    """Non-claims raise no flag, even with figures or loaded words."""
    assert _flags("Will the council approve the 12 million pound budget?") == ()
    assert _flags("Why does the regime keep lying to its citizens?") == ()
    text = "Council approves 12 million budget"
    span = Span(start=0, end=len(text), text=text)
    headline = Sentence(index=0, paragraph=0, span=span, role=SentenceRole.headline)
    paragraphs = (Paragraph(index=0, span=span, sentences=(headline,)),)
    claims = claim_records(text, paragraphs, NO_SOURCING)
    assert find_flags(text, claims, NO_SOURCING, ()) == ()


def test_unbalanced_quote_marks_are_kept() -> None:
    """The unbalanced_quote_marks flag of the quotes stage passes through, low severity."""
    text = "He said “nothing more."
    mark = _span(text, "“")
    flags = find_flags(text, (), NO_SOURCING, (mark,))
    assert [(f.kind, f.severity) for f in flags] == [
        (FlagKind.unbalanced_quote_marks, Severity.low)
    ]


def test_seed_flags_point_at_the_unsourced_claims() -> None:
    """On the seed, unattributed claims and the anonymous and vague sources are all flagged."""
    from tests.conftest import SEEDS

    text = (SEEDS / "libya-special-forces.txt").read_text("utf-8")
    a = qc.analyze(text)
    kinds = {f.kind for f in a.flags}
    assert {FlagKind.unattributed_claim, FlagKind.editorial_framing} <= kinds
    known_asset = text.index("a known asset")
    assert any(
        f.kind is FlagKind.unattributed_claim
        and f.severity is Severity.high
        and f.span.start <= known_asset < f.span.end
        for f in a.flags
    )
    headline_end = text.index("\n")
    assert all(f.span.start > headline_end for f in a.flags)


def test_one_flag_per_kind_and_span() -> None:
    """Two reports by one unnamed source in a sentence raise one anonymous_source flag."""
    text = "A council spokesman accused the firm of negligence and said the roads were unsafe."
    a = qc.analyze(text)
    assert len(a.attributions) == 2
    flags = [f for f in a.flags if f.kind is FlagKind.anonymous_source]
    assert [f.span.text for f in flags] == ["A council spokesman"]
    keys = [(f.kind, f.span.start, f.span.end) for f in a.flags]
    assert len(keys) == len(set(keys))


def test_a_source_flag_shares_the_span_of_its_mention_or_cue() -> None:
    """An anonymous or vague source's flag holds the very Span of the mention or cue it sits
    on in the analysis, not an equal copy (a text dense with reports has one every sentence)."""
    a = qc.analyze(
        "The city will close three schools next year, officials said on Monday. "
        "Enrolment has fallen by a third since 2010, critics say."
    )
    mentions = {id(m) for s in a.sources for m in s.mentions}
    cues = {id(x.cue) for x in a.attributions}
    kinds = {f.kind: f.span for f in a.flags}
    assert id(kinds[qc.FlagKind.anonymous_source]) in mentions
    assert id(kinds[qc.FlagKind.vague_source]) in cues
