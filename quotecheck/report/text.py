"""render(text, analysis, fmt) -> str: an analysis as a terminal view, JSON, or one HTML file.

The terminal view and the lookups shared by every view live here; the HTML report is built in
:mod:`quotecheck.report.html`.
"""

from __future__ import annotations

import textwrap
from typing import Literal, get_args

from quotecheck.errors import InputError, InputTypeError, require_text
from quotecheck.models import Analysis, ClaimKind
from quotecheck.report.common import Lookup, clip, line_cols, source_label, speaker_of, visible

__all__ = ["FORMATS", "Format", "line_cols", "render", "source_label", "speaker_of"]

Format = Literal["text", "json", "html"]
FORMATS: tuple[str, ...] = get_args(Format)

_ANSI = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "cyan": "36"}
_SEVERITY_STYLE = {"high": "red", "medium": "yellow", "low": "cyan", "info": "dim"}
_QUOTE_STYLE = {"direct": "green", "partial": "cyan", "scare": "yellow"}


def render(
    text: str, analysis: Analysis, fmt: str = "text", *, color: bool = False, width: int = 100
) -> str:
    """Return ``analysis`` of ``text`` as ``fmt``: "text" (terminal), "json" or "html".

    Args:
        text: The exact string that was analysed (spans index it).
        analysis: The result of :func:`quotecheck.analyze` on ``text``.
        fmt: One of :data:`FORMATS`.
        color: Use ANSI colours in the "text" view (the caller decides, e.g. for a terminal).
        width: Column budget of the "text" view.

    Raises:
        InputError: ``fmt`` is unknown, or ``analysis`` was not made from ``text``.
        InputTypeError: ``text`` is not a ``str``, or ``analysis`` is not an Analysis.

    >>> import quotecheck as qc
    >>> text = "“We will stay,” the minister said."
    >>> render(text, qc.analyze(text), "json").startswith("{")
    True
    """
    text = require_text(text)
    if not isinstance(analysis, Analysis):
        msg = (
            f"analysis must be an Analysis, got {type(analysis).__name__}: pass the result of "
            f"quotecheck.analyze(text)"
        )
        raise InputTypeError(msg, got=type(analysis))
    if analysis.length != len(text):
        msg = (
            f"the analysis covers {analysis.length} characters but the text has {len(text)}: "
            f"pass the same text that was given to analyze()"
        )
        raise InputError(msg, doc_id=analysis.doc_id)
    if fmt == "json":
        return analysis.model_dump_json(indent=2) + "\n"
    if fmt == "text":
        return _text_view(text, analysis, color=color, width=max(width, 40))
    if fmt == "html":
        from quotecheck.report.html import html_report  # late: most callers want text

        return html_report(text, analysis)
    msg = f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}"
    raise InputError(msg, doc_id=analysis.doc_id)


# --------------------------------------------------------------------------- terminal view


def _paint(s: str, style: str, color: bool) -> str:
    return f"\x1b[{_ANSI[style]}m{s}\x1b[0m" if color and s else s


def _page_line(a: Analysis) -> list[str]:
    """For a web page: what it is, who wrote it and when ("web page: “Title” by X, 2026-02-03")."""
    if a.page is None:
        return []
    said = f"web page: “{a.page.title}”" if a.page.title else "web page"
    if a.page.author:
        said += f" by {a.page.author}"
    return [", ".join([said, *(v for v in (a.page.sitename, a.page.date) if v)])]


def _text_view(text: str, a: Analysis, *, color: bool, width: int) -> str:
    # Every string from the article or the caller goes through visible(): a terminal shows
    # its escape sequences and bidi controls as escapes instead of obeying them.
    title = visible(a.doc_id or "article")
    head = (
        f"{title}: {a.length:,} characters, {len(a.claims)} sentences, {len(a.quotes)} quotes, "
        f"{len(a.sources)} sources, {len(a.flags)} flags"
    )
    parts = [_paint(head, "bold", color), *_page_line(a)]
    parts += _quotes_section(a, color, width)
    parts += _sources_section(a, color, width)
    parts += _flags_section(text, a, color, width)
    parts += _summary_section(a, color)
    return "\n".join(line.rstrip() for line in parts) + "\n"


def _heading(label: str, count: int | None, color: bool) -> str:
    suffix = "" if count is None else f" ({count})"
    return "\n" + _paint(f"{label}{suffix}", "bold", color)


def _quotes_section(a: Analysis, color: bool, width: int) -> list[str]:
    lines = [_heading("Quotes", len(a.quotes), color)]
    lk = Lookup(a)
    for q in a.quotes:
        kind = _paint(f"{q.kind.value:<8}", _QUOTE_STYLE.get(q.kind.value, "bold"), color)
        lines.append(f"  {kind} {clip(visible(q.marks.text), width - 11)}")
        speaker = clip(visible(source_label(lk.speaker(q))), width)
        lines.append(_paint(f"           — {speaker}", "dim", color))
    if not a.quotes:
        lines.append("  none found")
    return lines


def _sources_section(a: Analysis, color: bool, width: int) -> list[str]:
    lines = [_heading("Sources", len(a.sources), color)]
    lk = Lookup(a)
    for s in a.sources:
        n = len(s.mentions)
        said = len(lk.said.get(s.id, ()))
        tail = f"{n} mention{'s' * (n != 1)}, {said} attribution{'s' * (said != 1)}"
        label = clip(visible(source_label(s)), width - 40)
        lines.append(f"  {s.kind.value:<12} {label}  " + _paint(f"({tail})", "dim", color))
    if not a.sources:
        lines.append("  none found")
    return lines


def _flags_section(text: str, a: Analysis, color: bool, width: int) -> list[str]:
    lines = [_heading("Flags", len(a.flags), color)]
    ordered = sorted(a.flags, key=lambda f: (-f.severity.rank, f.span.start))
    places = line_cols(text, [f.span.start for f in ordered])
    for f, (line, col) in zip(ordered, places, strict=True):
        sev = _paint(f"{f.severity.value.upper():<6}", _SEVERITY_STYLE[f.severity.value], color)
        lines.append(f"  {sev} {f.kind.value} at line {line}, column {col}")
        message = visible(f.message)
        lines += textwrap.wrap(message, width, initial_indent=" " * 9, subsequent_indent=" " * 9)
        lines.append(_paint(f"         “{clip(visible(f.span.text), width - 12)}”", "dim", color))
    if not a.flags:
        lines.append("  none")
    return lines


def _summary_section(a: Analysis, color: bool) -> list[str]:
    s = a.summary
    total = max(s.sentences, 1)
    lines = [_heading("Sourcing summary", None, color), "  sentence kind   count  share"]
    for kind in ClaimKind:
        n = s.claims_by_kind.get(kind.value, 0)
        bar = "█" * round(20 * n / total)
        lines.append(f"  {kind.value:<14} {n:>6}  {n / total:>5.0%}  {bar}")
    lines.append(f"  {'all sentences':<14} {s.sentences:>6}")
    shares = (
        f"named {s.named_share:.0%} · anonymous {s.anonymous_share:.0%} · "
        f"vague {s.vague_share:.0%} · unattributed {s.unattributed_share:.0%} · "
        f"distinct named sources {s.distinct_named_sources}"
    )
    lines.append("  " + _paint(shares, "bold", color))
    return lines
