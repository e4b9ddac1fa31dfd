"""find_flags(...) -> tuple[Flag, ...]: what a fact-checker should look at first.

Severity ranks the work: ``high`` for a specific factual claim (a figure, an allegation) that
the writer makes with no source; ``medium`` for other unsourced checkable claims, editorial
framing of checkable facts, and content credited to anonymous or vague sources; ``low`` for
editorial framing of opinion, quotes with no speaker and unbalanced quote marks. Non-claims
(headlines, datelines, bylines, questions) are never flagged.
"""

from __future__ import annotations

from typing import Any

from quotecheck.assemble import assemble
from quotecheck.attribution.attribute import Sourcing
from quotecheck.claims.classify import is_question
from quotecheck.claims.framing import speech_like
from quotecheck.models import (
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
from quotecheck.sortedints import bisect_right

__all__ = ["find_flags"]

_SPECIFIC = ("contains an allegation", "contains a specific figure")
_DETAIL = ("contains", "names")
_RANK = {severity: severity.rank for severity in Severity}
_UNBALANCED = "this quote mark has no partner; the quote's extent is a guess"
_SPEAKERLESS = "these quoted words read like speech but no speaker is named"


def find_flags(
    text: str, claims: tuple[Claim, ...], sourcing: Sourcing, unbalanced: tuple[Span, ...]
) -> tuple[Flag, ...]:
    """Flag unsourced claims, editorial framing, weak sourcing and odd quote marks, by position.

    >>> from quotecheck.text.segment import segment
    >>> from quotecheck.claims.classify import classify_claims
    >>> t = "The ministry paid 40 million dollars to the contractor last year."
    >>> claims = classify_claims(t, segment(t), Sourcing((), (), ()))
    >>> [(f.kind.value, f.severity.value) for f in find_flags(t, claims, Sourcing((), (), ()), ())]
    [('unattributed_claim', 'high')]
    """
    flags: list[dict[str, Any]] = []
    for claim in claims:
        if _may_flag(claim) and not is_question(claim.span.text):
            _claim_flags(claim, flags)
    if sourcing.attributions:
        _source_flags(claims, sourcing, flags)
    if sourcing.quotes:
        _speakerless_flags(sourcing, flags)
    for span in unbalanced:
        flags.append(_flag(FlagKind.unbalanced_quote_marks, span, _UNBALANCED, Severity.low))
    if not flags:
        return ()
    flags.sort(key=_order)
    return tuple(assemble(Flag, fields) for fields in flags)


def _flag(kind: FlagKind, span: Span, message: str, severity: Severity) -> dict[str, Any]:
    """The fields of one Flag, sorted with the others before they become Flags."""
    return {"kind": kind, "span": span, "message": message, "severity": severity}


def _order(flag: dict[str, Any]) -> tuple[int, int, str]:
    """Sort by position, most severe first, then kind (a StrEnum compares as its value)."""
    return flag["span"].start, -_RANK[flag["severity"]], flag["kind"]


def _may_flag(claim: Claim) -> bool:
    """True for a body sentence that is checkable or editorial: the only ones _claim_flags flags."""
    checkable_or_editorial = claim.checkable or claim.kind is ClaimKind.editorial
    return checkable_or_editorial and claim.role is SentenceRole.body


def _claim_flags(claim: Claim, flags: list[dict[str, Any]]) -> None:
    """Add unattributed_claim and editorial_framing for one body sentence to ``flags``."""
    editorial = claim.kind is ClaimKind.editorial
    unsourced_kind = editorial or claim.kind is ClaimKind.unattributed
    if claim.checkable and (unsourced_kind or claim.unsourced):
        specific = detail = ""
        for reason in claim.reasons:
            if not specific and reason.startswith(_SPECIFIC):
                specific = reason
            if not detail and reason.startswith(_DETAIL):
                detail = reason
        span = claim.span if unsourced_kind else claim.unsourced[0]
        what = "the writer states this" if unsourced_kind else "this part of the sentence states"
        message = f"{what} as fact with no source" + (f"; it {detail}" if detail else "")
        severity = Severity.high if specific and unsourced_kind else Severity.medium
        flags.append(_flag(FlagKind.unattributed_claim, span, message, severity))
    if editorial:
        own = [s for s in claim.framing if not s.in_quote]
        message = "the writer's own framing: " + _signal_summary(own)
        severity = Severity.medium if claim.checkable else Severity.low
        flags.append(_flag(FlagKind.editorial_framing, claim.span, message, severity))


def _signal_summary(signals: list[Signal]) -> str:
    """'imperialist (evaluative), in the name of (presupposition)'."""
    # str() of a StrEnum member is its value, read in C; .value goes through a Python property.
    seen = dict.fromkeys(f"{s.span.text} ({s.kind!s})" for s in signals)
    return ", ".join(seen) or "evaluative wording"


def _source_flags(
    claims: tuple[Claim, ...], sourcing: Sourcing, flags: list[dict[str, Any]]
) -> None:
    """Add anonymous_source and vague_source, once per attribution in a body sentence."""
    sources = {s.id: s for s in sourcing.sources}
    skip = {
        a
        for c in claims
        if c.attribution_ids and (c.role is not SentenceRole.body or is_question(c.span.text))
        for a in c.attribution_ids
    }
    starts: dict[str, list[int]] = {}  # per anonymous source: its mentions' starts, made once
    for a in sourcing.attributions:
        source = sources.get(a.source_id)
        if a.id in skip or source is None:
            continue
        if source.kind is SourceKind.anonymous:
            found = starts.get(source.id)
            if found is None:
                found = starts[source.id] = [m.start for m in source.mentions]
            flags.append(_anonymous_flag(a, source, sources, found))
        elif source.kind is SourceKind.vague:
            cue = a.cue.text if a.cue is not None else "vague wording"
            message = f"credited only to '{cue}': no identifiable source for this content"
            flags.append(_flag(FlagKind.vague_source, a.cue or a.content, message, Severity.medium))


def _anonymous_flag(
    a: Attribution, source: Source, sources: dict[str, Source], starts: list[int]
) -> dict[str, Any]:
    """An unnamed source, with the outlet it reached the writer through.

    The flag sits on the source's first mention at most 400 characters before the content (or
    after it), found by bisecting ``starts``, the mentions' starts in text order: a scan of every
    mention for every attribution is quadratic when one source is credited thousands of times.
    """
    label = source.descriptor or (source.mentions[0].text if source.mentions else "unnamed")
    via = sources.get(a.via_source_id or "")
    through = f", as told to {via.name}" if via is not None and via.name else ""
    first = bisect_right(starts, a.content.start - 400)
    mention = source.mentions[first] if first < len(starts) else None
    message = f"credited to an unnamed source ({label}){through}: ask who, and why unnamed"
    return _flag(FlagKind.anonymous_source, mention or a.cue or a.content, message, Severity.medium)


def _speakerless_flags(sourcing: Sourcing, flags: list[dict[str, Any]]) -> None:
    """Add scare-kind quotes that read like speech: someone said this, but who?"""
    for q in sourcing.quotes:
        if q.kind is QuoteKind.scare and q.depth == 0 and speech_like(q.span.text):
            flags.append(_flag(FlagKind.speakerless_quote, q.marks, _SPEAKERLESS, Severity.low))
