"""html_report(text, analysis) -> str: the self-contained HTML report behind render(..., "html").

Its CSS and script are package data (``templates/``) inlined into the page, so it opens offline
and can be mailed to an editor. Article text is always escaped, and overlapping spans are nested
from a sorted list of boundaries, never by search and replace in the text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise
from string import Template

from quotecheck.models import Analysis, ClaimKind, SentenceRole, Source, SourceKind, Span
from quotecheck.report.common import Lookup, clip, source_label

__all__ = ["ReportParts", "html_report", "inert_controls", "report_parts"]

_NAMED = frozenset(
    {SourceKind.person, SourceKind.organization, SourceKind.media, SourceKind.document}
)


# --------------------------------------------------------------------------- HTML annotations


@dataclass(frozen=True)
class _Ann:
    """One highlighted stretch of the article: what it is, and what to say about it."""

    start: int
    end: int
    layer: int  # outer layers first when two spans start and end together
    kind: str  # legend key, e.g. "direct", "editorial", "mention"
    label: str  # first line of the description
    details: tuple[str, ...]  # further lines: speaker, cue, reasons
    anchor: str | None = None  # element id of the first piece, for links


# The legend, in reading order: key, label, what it means. Keep in sync with report.css.
_LEGEND = (
    ("direct", "Direct quote", "a full utterance in quote marks"),
    ("partial", "Partial quote", "a quoted fragment inside the writer's sentence"),
    ("scare", "Scare quote", "quote marks with no speaker: distance, irony or a term"),
    ("attributed", "Attributed", "credited to a named person, organisation, outlet or document"),
    ("anonymous", "Anonymous", "credited to an unnamed source"),
    ("vague", "Vague", "sourcing with no identifiable source (“reportedly”)"),
    ("unattributed", "Unattributed claim", "the writer's own claim, no source"),
    ("editorial", "Editorial framing", "the writer's claim in evaluative or speculative terms"),
    ("signal", "Framing term", "a loaded term, presupposition or speculation"),
    ("mention", "Source named", "a mention of a source"),
    ("cue", "Cue", "the words that credit a source (“said”, “according to”)"),
)
_LABELS = {key: label for key, label, _ in _LEGEND}


def _quote_anns(a: Analysis) -> list[_Ann]:
    anns = []
    lk = Lookup(a)
    for i, q in enumerate(a.quotes):
        details = [f"Speaker: {source_label(lk.speaker(q))}"]
        att = lk.attributions.get(q.attribution_id or "")
        if att and att.cue:
            details.append(f"Cue: “{_fsi(att.cue.text)}” ({att.stance.value})")
        details += [] if q.closed else ["No closing quote mark: the extent is a guess"]
        details += list(q.reasons)
        anns.append(_ann(q.marks, 3, q.kind.value, details, f"qc-q{i}"))
    return anns


def _attribution_anns(a: Analysis) -> list[_Ann]:
    anns = []
    lk = Lookup(a)
    for i, att in enumerate(a.attributions):
        src = lk.source(att.source_id)
        kind = _attribution_kind(src)
        details = [f"Source: {source_label(src)}" + (f" ({src.kind.value})" if src else "")]
        if att.cue:
            cue = _fsi(att.cue.text)
            details.append(f"Cue: “{cue}” ({att.cue_kind.value}, {att.stance.value})")
            anns.append(_ann(att.cue, 5, "cue", [f"Credits {source_label(src)}"], None))
        via = lk.source(att.via_source_id)
        details += [f"Via: {source_label(via)}"] if via else []
        details += [f"When: {_fsi(att.when.text)}"] if att.when else []
        anns.append(_ann(att.content, 2, kind, [*details, *att.reasons], f"qc-a{i}"))
    return anns


def _attribution_kind(src: Source | None) -> str:
    if src is None or src.kind in _NAMED:
        return "attributed"
    return src.kind.value


def _claim_anns(a: Analysis) -> list[_Ann]:
    anns = []
    for i, c in enumerate(a.claims):
        body = c.role is SentenceRole.body  # headlines and bylines are not the writer's claims
        own = body and c.kind in (ClaimKind.unattributed, ClaimKind.editorial)
        kind = c.kind.value if own else "claim"
        head = f"Sentence sourced as: {c.kind.value}" + ("" if body else f" ({c.role.value})")
        anns.append(_ann(c.span, 0, kind, [head, *c.reasons], f"qc-c{i}"))
        if body and not own:
            why = ["A part of the sentence that no source is credited with"]
            anns += [_ann(part, 1, "unattributed", why, None) for part in c.unsourced]
        # A loaded word inside a quote is the speaker's, and the quote is marked already.
        for sig in (x for x in c.framing if not x.in_quote):
            entry = [f"Lexicon entry: {sig.lexicon}"] if sig.lexicon else []
            details = [f"{sig.kind.value}: the writer's framing", *entry]
            anns.append(_ann(sig.span, 4, "signal", details, None))
    return anns


def _source_anns(a: Analysis) -> list[_Ann]:
    return [
        _ann(m, 6, "mention", [f"{source_label(s)} ({s.kind.value})"], f"qc-s{i}-{j}")
        for i, s in enumerate(a.sources)
        for j, m in enumerate(s.mentions)
    ]


def _flag_anns(a: Analysis) -> list[_Ann]:
    return [
        _Ann(
            f.span.start,
            f.span.end,
            -1,
            "flag",
            f"Flag ({f.severity.value}): {f.kind.value}",
            (f.message,),
            f"qc-f{i}",
        )
        for i, f in enumerate(a.flags)
    ]


def _ann(span: Span, layer: int, kind: str, details: list[str], anchor: str | None) -> _Ann:
    return _Ann(
        span.start, span.end, layer, kind, _LABELS.get(kind, "Sentence"), tuple(details), anchor
    )


# --------------------------------------------------------------------------- HTML assembly


@dataclass(frozen=True)
class ReportParts:
    """The pieces of the report that the page and the notebook view share, as HTML."""

    article: str  # the article text as escaped, properly nested highlight spans
    descs: str  # the descriptions the spans point to (aria-describedby), shown by no one
    legend: str  # every kind of highlight, with its count in this article
    flags: str  # the flags, most severe first, each linking to its place in the article
    meta: str  # "1,234 characters · 12 sentences · …", not yet escaped
    css: str  # the report's style sheet


def report_parts(text: str, a: Analysis) -> ReportParts:
    """Return the shared pieces of the report of ``a`` over ``text``."""
    anns = _quote_anns(a) + _attribution_anns(a) + _claim_anns(a) + _source_anns(a) + _flag_anns(a)
    article, descs = _markup(text, anns)
    meta = (
        f"{a.length:,} characters · {len(a.claims)} sentences · {len(a.quotes)} quotes · "
        f"{len(a.sources)} sources · {len(a.flags)} flags"
    )
    return ReportParts(
        article, descs, _legend_html(anns), _flags_html(a), meta, _asset_text("report.css")
    )


def html_report(text: str, a: Analysis) -> str:
    """Return the report page of ``a`` over ``text``; use ``render(text, a, "html")`` to call it."""
    from quotecheck import __version__  # late: the package imports this module's users

    parts = report_parts(text, a)
    first_line = text.strip().split("\n", 1)[0] if text.strip() else "empty article"
    title = a.doc_id or clip(first_line, 80)
    page = _asset("report.html").substitute(
        title=html.escape(f"quotecheck report: {_fsi(title)}"),
        meta=html.escape(parts.meta),
        css=parts.css,
        js=_asset_text("report.js"),
        article=parts.article,
        descs=parts.descs,
        legend=parts.legend,
        summary=_summary_html(a),
        flags=parts.flags,
        sources=_sources_html(a),
        version=html.escape(__version__),
    )
    return inert_controls(page)


# Control characters HTML does not allow in text (all but tab, line feed, form feed and carriage
# return): a browser hides them, but the page file carries them raw, so `cat report.html` or a
# log viewer would obey an escape sequence from the article.
_HTML_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _control_picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode picture of that control: ␛ for ESC
    return "\u2421" if code == 0x7F else "\ufffd"  # ␡ for DEL; C1 controls have no picture


def inert_controls(page: str) -> str:
    r"""``page`` with each control character HTML does not allow shown as its picture (ESC as
    ␛, NUL as ␀; a C1 control as U+FFFD), so the file holds no escape sequence to obey.

    >>> inert_controls("a\x1b]0;x\x07b\tc")
    'a␛]0;x␇b\tc'
    """
    return _HTML_CONTROL_RE.sub(_control_picture, page)


@cache
def _asset_text(name: str) -> str:
    return (
        resources.files(__package__ or "quotecheck").joinpath("templates", name).read_text("utf-8")
    )


def _asset(name: str) -> Template:
    return Template(_asset_text(name))


# Bidi controls that open an embedding, override or isolate: one left open in the article
# (U+202E, RIGHT-TO-LEFT OVERRIDE) would reverse whatever follows it, the report's own labels
# included. Article text holding one is isolated, so its effect ends with that stretch of text.
_BIDI_OPENERS_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _bdi(s: str) -> str:
    """Article text as element content, bidi-isolated from the labels around it."""
    return f"<bdi>{html.escape(s)}</bdi>"


def _fsi(s: str) -> str:
    """Article text inside plain text (a title or a tooltip), between FSI and PDI: isolated."""
    return f"\u2068{s}\u2069"


def _article_run(s: str) -> str:
    """One stretch of the article between annotation boundaries, escaped (isolated if need be)."""
    return _bdi(s) if _BIDI_OPENERS_RE.search(s) else html.escape(s)


def _markup(text: str, anns: list[_Ann]) -> tuple[str, str]:
    """Return the article as properly nested spans, and the descriptions they point to."""
    anns = [x for x in anns if 0 <= x.start < x.end <= len(text)]
    order = sorted(range(len(anns)), key=lambda i: (anns[i].start, -anns[i].end, anns[i].layer))
    rank = {i: r for r, i in enumerate(order)}
    starts: dict[int, list[int]] = {}
    for i, x in enumerate(anns):
        starts.setdefault(x.start, []).append(i)
    cuts = sorted({0, len(text), *(x.start for x in anns), *(x.end for x in anns)})
    out: list[str] = []
    stack: list[int] = []  # open elements, outermost first
    opened: set[int] = set()
    for left, right in pairwise(cuts):
        want = [i for i in stack if anns[i].end > left] + starts.get(left, [])
        want.sort(key=rank.__getitem__)
        keep = next((k for k, (s, w) in enumerate(zip(stack, want, strict=False)) if s != w), None)
        keep = min(len(stack), len(want)) if keep is None else keep
        # A span crossing a closing boundary is closed and reopened as a continuation piece.
        out += ["</span>"] * (len(stack) - keep)
        for i in want[keep:]:
            out.append(_open_tag(anns[i], i, first=i not in opened))
            opened.add(i)
        stack = want
        out.append(_article_run(text[left:right]))
    out += ["</span>"] * len(stack)
    return "".join(out), "".join(_desc_html(x, i) for i, x in enumerate(anns))


def _open_tag(x: _Ann, i: int, *, first: bool) -> str:
    title = html.escape("\n".join((x.label, *x.details)))
    common = f'class="qc qc-k-{x.kind}{"" if first else " qc-cont"}" data-desc="qc-d{i}"'
    if not first:
        return f'<span {common} title="{title}">'
    anchor = f' id="{x.anchor}"' if x.anchor else ""
    tab = "-1" if x.kind == "flag" else "0"
    return f'<span {common}{anchor} tabindex="{tab}" aria-describedby="qc-d{i}" title="{title}">'


def _desc_html(x: _Ann, i: int) -> str:
    items = "".join(f"<li>{html.escape(d)}</li>" for d in x.details)
    return (
        f'<div id="qc-d{i}" class="qc-desc"><strong>{html.escape(x.label)}</strong>'
        f"<ul>{items}</ul></div>"
    )


def _legend_html(anns: list[_Ann]) -> str:
    counts: dict[str, int] = {}
    for x in anns:
        counts[x.kind] = counts.get(x.kind, 0) + 1
    items = "".join(
        f'<li data-kind="{key}" data-label="{html.escape(label)}">'
        f'<span class="qc qc-k-{key} qc-sample">{html.escape(label)}</span> '
        f'<span class="qc-count" aria-label="{counts.get(key, 0)} in this article">'
        f"{counts.get(key, 0)}</span> <small>{html.escape(meaning)}</small></li>"
        for key, label, meaning in _LEGEND
    )
    return f'<ul class="qc-legend">{items}</ul>'


def _bar_row(label: str, count: str, share: float, kind: str) -> str:
    pct = f"{100 * min(max(share, 0.0), 1.0):.1f}"
    return (
        f"<tr><th scope=row>{html.escape(label)}</th><td>{count}</td>"
        f'<td class="qc-barcell"><span class="qc-bar"><span class="qc-fill qc-fill-{kind}" '
        f'style="width:{pct}%"></span></span> {share:.0%}</td></tr>'
    )


def _summary_html(a: Analysis) -> str:
    s = a.summary
    total = max(s.sentences, 1)
    rows = [
        _bar_row(k.value, str(n), n / total, k.value)
        for k in ClaimKind
        for n in [s.claims_by_kind.get(k.value, 0)]
    ]
    shares = [
        _bar_row("named sources", "", s.named_share, "attributed"),
        _bar_row("anonymous", "", s.anonymous_share, "anonymous"),
        _bar_row("vague", "", s.vague_share, "vague"),
        _bar_row("no source", "", s.unattributed_share, "unattributed"),
    ]
    quotes = ", ".join(f"{n} {k}" for k, n in s.quotes_by_kind.items()) or "none counted"
    return (
        '<table class="qc-chart"><caption>Sentences by how they are sourced '
        f"({s.sentences} in all)</caption><thead><tr><th scope=col>kind</th><th scope=col>n</th>"
        f"<th scope=col>share</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f'<table class="qc-chart"><caption>Shares of sentences</caption><tbody>{"".join(shares)}'
        f"</tbody></table><p>Quotes: {html.escape(quotes)}. Distinct named sources: "
        f"{s.distinct_named_sources}.</p>"
    )


def _flags_html(a: Analysis) -> str:
    if not a.flags:
        return "<p>No flags.</p>"
    ordered = sorted(enumerate(a.flags), key=lambda p: (-p[1].severity.rank, p[1].span.start))
    items = "".join(
        f'<li class="qc-sev-{f.severity.value}"><a href="#qc-f{i}">'
        f'<span class="qc-sev">{f.severity.value.upper()}</span> '
        f"{html.escape(f.kind.value.replace('_', ' '))}</a>: {html.escape(f.message)} "
        f"<q>{_bdi(clip(f.span.text, 90))}</q></li>"
        for i, f in ordered
    )
    return f'<ol class="qc-flags">{items}</ol>'


def _sources_html(a: Analysis) -> str:
    if not a.sources:
        return "<p>No sources found.</p>"
    lk = Lookup(a)
    items = "".join(_source_html(lk, i, s) for i, s in enumerate(a.sources))
    return f'<ul class="qc-sources">{items}</ul>'


def _source_html(lk: Lookup, i: int, s: Source) -> str:
    about = ", ".join(
        html.escape(x) for x in (s.role, s.affiliation) if x and x not in (s.name or "")
    )
    mentions = ", ".join(
        f'<a href="#qc-s{i}-{j}">{_bdi(clip(m.text, 40))}</a>' for j, m in enumerate(s.mentions)
    )
    said = "".join(
        f'<li><a href="#qc-a{k}">{_bdi(clip(att.content.text, 70))}</a></li>'
        for k, att in lk.said.get(s.id, ())
    )
    return (
        f"<li><strong>{_bdi(s.name or s.descriptor or source_label(s))}</strong> "
        f'<span class="qc-tag">{s.kind.value}</span>{f"<br>{about}" if about else ""}'
        f"<br>Mentions: {mentions or 'none'}{f'<ul>{said}</ul>' if said else ''}</li>"
    )
