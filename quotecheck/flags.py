"""find_flags(...) -> tuple[Flag, ...]: what a fact-checker should look at first.

Severity ranks the work: ``high`` for a specific factual claim (a figure, an allegation) that
the writer makes with no source; ``medium`` for other unsourced checkable claims, editorial
framing of checkable facts, and content credited to anonymous or vague sources; ``low`` for
editorial framing of opinion, quotes with no speaker and unbalanced quote marks. Non-claims
(headlines, datelines, bylines, questions) are never flagged.
"""

from __future__ import annotations

from .attribution import Sourcing
from .claims import is_question
from .framing import speech_like
from .models import (
    Attribution,
    Claim,
    ClaimKind,
    Flag,
    FlagKind,
    QuoteKind,
    SentenceRole,
    Severity,
    Signal,
    Source,
    SourceKind,
    Span,
)

__all__ = ["find_flags"]

_SPECIFIC = ("contains an allegation", "contains a specific figure")


def find_flags(
    text: str, claims: tuple[Claim, ...], sourcing: Sourcing, unbalanced: tuple[Span, ...]
) -> tuple[Flag, ...]:
    """Flag unsourced claims, editorial framing, weak sourcing and odd quote marks, by position.

    >>> from quotecheck.segment import segment
    >>> from quotecheck.claims import classify_claims
    >>> t = "The ministry paid 40 million dollars to the contractor last year."
    >>> claims = classify_claims(t, segment(t), Sourcing((), (), ()))
    >>> [(f.kind.value, f.severity.value) for f in find_flags(t, claims, Sourcing((), (), ()), ())]
    [('unattributed_claim', 'high')]
    """
    flags: list[Flag] = []
    for claim in claims:
        if _may_flag(claim) and not is_question(claim.span.text):
            flags += _claim_flags(claim)
    flags += _source_flags(claims, sourcing)
    flags += _speakerless_flags(sourcing)
    flags += [
        Flag(
            kind=FlagKind.unbalanced_quote_marks,
            span=span,
            message="this quote mark has no partner; the quote's extent is a guess",
            severity=Severity.low,
        )
        for span in unbalanced
    ]
    return tuple(sorted(flags, key=lambda f: (f.span.start, -f.severity.rank, f.kind.value)))


def _may_flag(claim: Claim) -> bool:
    """True for a body sentence that is checkable or editorial: the only ones _claim_flags flags."""
    checkable_or_editorial = claim.checkable or claim.kind is ClaimKind.editorial
    return checkable_or_editorial and claim.role is SentenceRole.body


def _claim_flags(claim: Claim) -> list[Flag]:
    """unattributed_claim and editorial_framing for one body sentence."""
    flags = []
    specific = next((r for r in claim.reasons if r.startswith(_SPECIFIC)), None)
    unsourced_kind = claim.kind in (ClaimKind.unattributed, ClaimKind.editorial)
    if claim.checkable and (unsourced_kind or claim.unsourced):
        span = claim.span if unsourced_kind else claim.unsourced[0]
        what = "the writer states this" if unsourced_kind else "this part of the sentence states"
        detail = next((r for r in claim.reasons if r.startswith(("contains", "names"))), "")
        flags.append(
            Flag(
                kind=FlagKind.unattributed_claim,
                span=span,
                message=f"{what} as fact with no source" + (f"; it {detail}" if detail else ""),
                severity=Severity.high if specific and unsourced_kind else Severity.medium,
            )
        )
    if claim.kind is ClaimKind.editorial:
        own = [s for s in claim.framing if not s.in_quote]
        flags.append(
            Flag(
                kind=FlagKind.editorial_framing,
                span=claim.span,
                message="the writer's own framing: " + _signal_summary(own),
                severity=Severity.medium if claim.checkable else Severity.low,
            )
        )
    return flags


def _signal_summary(signals: list[Signal]) -> str:
    """'imperialist (evaluative), in the name of (presupposition)'."""
    seen = dict.fromkeys(f"{s.span.text} ({s.kind.value})" for s in signals)
    return ", ".join(seen) or "evaluative wording"


def _source_flags(claims: tuple[Claim, ...], sourcing: Sourcing) -> list[Flag]:
    """anonymous_source and vague_source, once per attribution in a body sentence."""
    if not sourcing.attributions:
        return []
    sources = {s.id: s for s in sourcing.sources}
    skip = {
        a
        for c in claims
        if c.attribution_ids and (c.role is not SentenceRole.body or is_question(c.span.text))
        for a in c.attribution_ids
    }
    flags = []
    for a in sourcing.attributions:
        source = sources.get(a.source_id)
        if a.id in skip or source is None:
            continue
        if source.kind is SourceKind.anonymous:
            flags.append(_anonymous_flag(a, source, sources))
        elif source.kind is SourceKind.vague:
            cue = a.cue.text if a.cue is not None else "vague wording"
            flags.append(
                Flag(
                    kind=FlagKind.vague_source,
                    span=a.cue or a.content,
                    message=f"credited only to '{cue}': no identifiable source for this content",
                    severity=Severity.medium,
                )
            )
    return flags


def _anonymous_flag(a: Attribution, source: Source, sources: dict[str, Source]) -> Flag:
    """An unnamed source, with the outlet it reached the writer through."""
    label = source.descriptor or (source.mentions[0].text if source.mentions else "unnamed")
    via = sources.get(a.via_source_id or "")
    through = f", as told to {via.name}" if via is not None and via.name else ""
    mention = next((m for m in source.mentions if a.content.start - 400 < m.start), None)
    return Flag(
        kind=FlagKind.anonymous_source,
        span=mention or a.cue or a.content,
        message=f"credited to an unnamed source ({label}){through}: ask who, and why unnamed",
        severity=Severity.medium,
    )


def _speakerless_flags(sourcing: Sourcing) -> list[Flag]:
    """Scare-kind quotes that read like speech: someone said this, but who?"""
    return [
        Flag(
            kind=FlagKind.speakerless_quote,
            span=q.marks,
            message="these quoted words read like speech but no speaker is named",
            severity=Severity.low,
        )
        for q in sourcing.quotes
        if q.kind is QuoteKind.scare and q.depth == 0 and speech_like(q.span.text)
    ]
