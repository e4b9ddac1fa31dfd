"""Views of quote verdicts for people and scripts: the verify table, the copy-desk guard, JSON.

Takes an article's ``Analysis`` and the ``Verification`` records of its quotes and returns text
for an 80-column terminal, or JSON-ready records. Every view shows who said the words: the
speaker the article credits, the speaker whose turn holds them in the source, and whether they
are the ``same`` person, a ``different`` one or ``unknown`` (the source has no speaker labels).
Article and source text is shown through :func:`~quotecheck.report.common.visible` (never
obeyed by the terminal); the JSON keeps it exactly.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Sequence

from quotecheck.models import Analysis, SpeakerMatch, Verification
from quotecheck.report.common import line_cols, source_label, speaker_of, visible

__all__ = [
    "GUARD_WIDTH",
    "guard_records",
    "guard_report",
    "verification_record",
    "verification_table",
]

GUARD_WIDTH = 80  # the verdict views fit an 80-column terminal
_LABEL = 10  # width of a field's label ("credited", "in source")
_GOOD = frozenset({"exact", "normalized", "ellipsis"})
_MATCH_SAYS = {
    SpeakerMatch.same: "same",
    SpeakerMatch.different: "different: misattributed",
    SpeakerMatch.unknown: "unknown",
}

Failing = Sequence[tuple[Verification, list[str]]]
"""Failing verdicts, each with the ``--fail-on`` levels it reached."""


def verification_record(v: Verification) -> dict[str, object]:
    """Return a verdict as JSON: its fields, and the derived meaning flags and misattribution.

    ``meaning``, ``meaning_changed`` and ``misattributed`` are read-only summaries of the other
    fields; drop them to rebuild the ``Verification`` with ``Verification.model_validate``.
    """
    record: dict[str, object] = v.model_dump(mode="json")
    record["meaning"] = list(v.meaning)
    record["meaning_changed"] = v.meaning_changed
    record["misattributed"] = v.misattributed
    return record


def verification_table(
    analysis: Analysis, results: Sequence[Verification], *, color: bool = False
) -> str:
    """Return every verdict as a block of lines within 80 columns, then a count.

    Each block opens with the quote's id, status, speaker match and source document; below it
    stand the quote, the credited and the source's speaker, and what changed.
    """
    quotes = {q.id: q for q in analysis.quotes}
    out: list[str] = []
    for n, v in enumerate(results, start=1):
        quote = quotes.get(v.quote_id or "")
        credited = v.credited_speaker or (
            source_label(speaker_of(analysis, quote)) if quote else ""
        )
        out.append(_head(v, v.quote_id or f"#{n}", color))
        out += _field("quote", f"“{_clip(v.quote, 200)}”")
        out += _speaker_fields(v, credited, match=False)  # the match is on the head line
        if v.edits:
            out += _field("changed", changes(v))
    if not results:
        out.append("(no quotes to verify)")
    else:
        out += textwrap.wrap(_summary(results), width=GUARD_WIDTH, subsequent_indent="  ")
    return "\n".join(out) + "\n"


def _head(v: Verification, quote_id: str, color: bool) -> str:
    status = v.status.value
    match = f"speaker {v.speaker_match.value}"
    left = f"{quote_id:<4} {status:<10}  {match:<17}  "
    source = visible(v.source_name or "not found in any source")
    room = GUARD_WIDTH - len(left)
    if len(source) > room:  # the file name's end tells documents apart best
        source = "…" + source[len(source) - room + 1 :]
    if color:
        code = "32" if status in _GOOD else "33" if status == "minor_edit" else "31"
        left = left.replace(status, f"\x1b[{code}m{status}\x1b[0m", 1)
        if v.misattributed:
            left = left.replace(match, f"\x1b[31m{match}\x1b[0m", 1)
    return (left + source).rstrip()


def _speaker_fields(v: Verification, credited: str, *, match: bool = True) -> list[str]:
    """The credited speaker against the source's, and (``match``) the match spelled out."""
    if not (credited or v.source_speaker):
        return []
    out = _field("credited", credited or "no speaker named in the article")
    out += _field("in source", v.source_speaker or _no_label(v))
    if match:
        out += _field("speaker", _MATCH_SAYS[v.speaker_match])
    return out


def _no_label(v: Verification) -> str:
    if v.source_span is None:
        return "— (the words are in no source)"
    return "no speaker label at these words"


def _summary(results: Sequence[Verification]) -> str:
    statuses = Counter(v.status.value for v in results)
    matches = Counter(v.speaker_match.value for v in results)
    said = ", ".join(f"{n} {s}" for s, n in statuses.items())
    who = ", ".join(f"{matches[m.value]} {m.value}" for m in SpeakerMatch if matches[m.value])
    return f"{len(results)} quotes: {said}; speaker {who}"


def _quote_places(text: str, analysis: Analysis, failing: Failing) -> list[tuple[int, int] | None]:
    """Return the (line, column) in the article of each failing quote."""
    quotes = {q.id: q for q in analysis.quotes}
    starts = [quotes[v.quote_id].marks.start for v, _ in failing if v.quote_id in quotes]
    places = iter(line_cols(text, starts))
    return [next(places) if v.quote_id in quotes else None for v, _ in failing]


def guard_records(text: str, analysis: Analysis, failing: Failing) -> list[dict[str, object]]:
    """Return the failing quotes as JSON records: evidence, reasons and meaning flags."""
    records: list[dict[str, object]] = []
    for (v, why), place in zip(failing, _quote_places(text, analysis, failing), strict=True):
        records.append(
            {
                "quote_id": v.quote_id,
                "line": place[0] if place else None,
                "column": place[1] if place else None,
                "failed_on": why,
                "status": v.status.value,
                "speaker_match": v.speaker_match.value,
                "misattributed": v.misattributed,
                "credited_speaker": v.credited_speaker,
                "source_speaker": v.source_speaker,
                "quote": v.quote,
                "source_name": v.source_name,
                "source_words": v.source_span.text if v.source_span else None,
                "source_span": v.source_span.model_dump() if v.source_span else None,
                "score": v.score,
                "meaning": list(v.meaning),
                "meaning_changed": v.meaning_changed,
                "reasons": list(v.reasons),
                "edits": [e.model_dump(mode="json") for e in v.edits],
            }
        )
    return records


def guard_report(name: str, text: str, analysis: Analysis, failing: Failing, total: int) -> str:
    """Return the failing quotes with their evidence, wrapped for an 80-column terminal."""
    out: list[str] = []
    for (v, why), place in zip(failing, _quote_places(text, analysis, failing), strict=True):
        where = visible(f"{name}:{place[0]}:{place[1]}" if place else name)
        head = f"{v.quote_id or 'quote'} fails: {', '.join(why)} ({where})"
        out += textwrap.wrap(head, width=GUARD_WIDTH, subsequent_indent="  ")
        out += _field("article", f"“{_clip(v.quote, 300)}”")
        if v.source_span is not None:
            shown = f"“{_clip(v.source_span.text, 300)}” ({v.source_name})"
            out += _field("source", shown)
        else:
            out += _field("source", "not found in any source")
        out += _speaker_fields(v, v.credited_speaker or "")
        if v.edits:
            out += _field("changed", changes(v))
        if v.meaning:
            out += _field("meaning", ", ".join(v.meaning))
        for reason in v.reasons[1:] if v.source_span is not None else v.reasons:
            out += _field("why", reason)
        out.append("")
    out.append(f"{len(failing)} of {total} quotes fail")
    return "\n".join(out) + "\n"


def _field(label: str, value: str) -> list[str]:
    """One labelled field, its value wrapped under itself within the report's width."""
    return textwrap.wrap(
        visible(" ".join(value.split())),
        width=GUARD_WIDTH,
        initial_indent=f"  {label:<{_LABEL}} ",
        subsequent_indent=" " * (_LABEL + 3),
        break_long_words=True,
        break_on_hyphens=False,
    )


def changes(v: Verification) -> str:
    """Return a verdict's edits in one line: “ten” → “twelve” [number]; cut “not” [negation]."""
    parts = []
    for e in v.edits:
        said = {
            "replace": f"“{e.source_words}” → “{e.quote_words}”",
            "delete": f"cut “{e.source_words}”",
            "insert": f"added “{e.quote_words}”",
        }[e.op]
        parts.append(said + (f" [{', '.join(e.meaning)}]" if e.meaning else ""))
    return "; ".join(parts) or "—"


def _clip(s: str, limit: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"
