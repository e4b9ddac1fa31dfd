"""How an Analysis shows itself in a notebook or a REPL: a one-line repr and an HTML view.

``Analysis.__repr__``, ``__rich_repr__`` and ``_repr_html_`` delegate here. The HTML view is the
HTML report's article, legend and flags (:func:`quotecheck.report.html.report_parts`) under a
wrapper class that scopes every CSS rule, so it cannot restyle the notebook around it; it needs
no script (the hover titles carry every label), and its element ids are unique per view, so two
views on one page never link into each other.
"""

from __future__ import annotations

import html
import re
import uuid
from collections.abc import Iterator

from quotecheck.errors import InputError, require_text
from quotecheck.models import Analysis, Span
from quotecheck.report.html import inert_controls, report_parts

__all__ = ["SCOPE", "analysis_html", "analysis_repr", "analysis_rich_repr", "article_text"]

SCOPE = "quotecheck-view"
"""The wrapper class every rule of the notebook view's style sheet is scoped under."""

# Attributes that name an element id of the report (id, #links, descriptions). The article text
# is escaped with quote=True, so `="qc-` can only be markup, never the article's own characters.
_ID_ATTR_RE = re.compile(r'\b(id|href|aria-describedby|data-desc)="(#?)qc-')
_COMMENT_RE = re.compile(r"/\*.*?\*/", re.DOTALL)
_PAGE_ROOTS = (":root", "html", "body")  # page-wide selectors: they become the wrapper itself


class _Shown:
    """A value whose repr is the given words, for rich's pretty printer."""

    def __init__(self, words: str) -> None:
        self.words = words

    def __repr__(self) -> str:
        return self.words


def _counts(a: Analysis) -> list[str]:
    counted = (
        (a.length, "char"),
        (len(a.quotes), "quote"),
        (len(a.sources), "source"),
        (len(a.attributions), "attribution"),
        (len(a.claims), "claim"),
        (len(a.flags), "flag"),
    )
    return [f"{n:,} {noun}{'' if n == 1 else 's'}" for n, noun in counted]


def analysis_repr(a: Analysis) -> str:
    """Return ``Analysis(doc_id='x', 1,234 chars, 5 quotes, …, 2 flags)``: one line, any size.

    >>> import quotecheck as qc
    >>> qc.analyze("“Yes,” she said.", doc_id="d1")
    Analysis(doc_id='d1', 16 chars, 1 quote, 1 source, 1 attribution, 1 claim, 1 flag)
    """
    return f"Analysis(doc_id={a.doc_id!r}, {', '.join(_counts(a))})"


def analysis_rich_repr(a: Analysis) -> Iterator[object]:
    """The same summary for rich's pretty printer (``__rich_repr__``)."""
    yield "doc_id", a.doc_id
    yield from map(_Shown, _counts(a))


def article_text(a: Analysis) -> str:
    """Return text of ``a.length`` characters on which every span of ``a`` reads true.

    An Analysis holds its text in pieces: paragraphs, and spans such as a quote that runs over
    several paragraphs. White space that no piece covers (between most paragraphs) is filled
    with line breaks: a blank line where two or more characters part the paragraphs.
    """
    chars: list[str | None] = [None] * a.length
    for span in _spans(a):
        if span.end <= a.length:
            chars[span.start : span.end] = span.text
    out: list[str] = []
    gap = 0
    for ch in chars:
        if ch is None:
            gap += 1
            continue
        out.append(_gap(gap) if out else " " * gap)
        out.append(ch)
        gap = 0
    out.append(" " * gap)
    return "".join(out)


def _spans(a: Analysis) -> Iterator[Span]:
    yield from (p.span for p in a.paragraphs)
    yield from (q.marks for q in a.quotes)  # a quote may run over a paragraph break
    yield from (x.content for x in a.attributions)
    yield from (f.span for f in a.flags)


def _gap(n: int) -> str:
    """``n`` characters that part two paragraphs: a line break, or a blank line."""
    if n <= 1:
        return "\n" * n
    return " " * (n - 2) + "\n\n"  # spaces before a line break do not show


def scope_css(css: str, scope: str = SCOPE) -> str:
    """Return ``css`` with every rule's selectors placed under ``.scope`` (media queries too)."""
    css = _COMMENT_RE.sub("", css)
    out: list[str] = []
    at = 0
    while (brace := css.find("{", at)) != -1:
        prelude = css[at:brace].strip()
        end = _block_end(css, brace)
        body = css[brace + 1 : end]
        if prelude.startswith(("@media", "@supports")):
            out.append(f"{prelude} {{\n{scope_css(body, scope)}}}\n")
        elif prelude.startswith("@"):
            out.append(f"{prelude} {{{body}}}\n")  # @keyframes and the like name no elements
        else:
            selectors = ", ".join(_scope_selector(s, scope) for s in _split_selectors(prelude))
            out.append(f"{selectors} {{{body}}}\n")
        at = end + 1
    return "".join(out)


def _block_end(css: str, brace: int) -> int:
    """The index of the ``}`` closing the block that opens at ``brace``."""
    depth = 0
    for i in range(brace, len(css)):
        if css[i] == "{":
            depth += 1
        elif css[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    return len(css)  # an unclosed block runs to the end, as in a browser


def _split_selectors(prelude: str) -> list[str]:
    """Split a selector list at its top-level commas (not those inside ``:is(…)``)."""
    parts: list[str] = []
    depth = start = 0
    for i, ch in enumerate(prelude):
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return [p.strip() for p in parts if p.strip()]


def _scope_selector(selector: str, scope: str) -> str:
    wrapper = f".{scope}"
    for root in _PAGE_ROOTS:
        if selector == root:
            return wrapper
        if selector.startswith((f"{root} ", f"{root}.")) and root != ":root":
            return wrapper + selector[len(root) :]
    if selector == "*":
        return f"{wrapper}, {wrapper} *"
    return f"{wrapper} {selector}"


def analysis_html(a: Analysis, text: str | None = None) -> str:
    """Return the notebook view of ``a``: its article highlighted, the legend and the flags.

    Args:
        a: The analysis to show.
        text: The analysed text; without it the view rebuilds it from the analysis
            (:func:`article_text`: the words exact, the white space between paragraphs not).

    Raises:
        InputError: ``text`` is not the text ``a`` was made from (its length differs).
    """
    if text is None:
        text = article_text(a)
    elif len(require_text(text)) != a.length:
        msg = (
            f"the analysis covers {a.length} characters but the text has {len(text)}: "
            f"pass the same text that was given to analyze()"
        )
        raise InputError(msg, doc_id=a.doc_id)
    parts = report_parts(text, a)
    uid = f"qc{uuid.uuid4().hex[:8]}-"
    body = (
        f'<p class="qc-view-head"><strong>{html.escape(a.doc_id or "article")}</strong> · '
        f"{html.escape(parts.meta)}</p>"
        f'<div class="qc-main"><article class="qc-article" aria-label="The article, annotated">'
        f"{parts.article}</article>"
        f'<aside class="qc-side"><h2>Legend</h2>{parts.legend}<h2>Flags</h2>{parts.flags}</aside>'
        f"</div><div hidden>{parts.descs}</div>"
    )
    body = _ID_ATTR_RE.sub(lambda m: f'{m[1]}="{m[2]}{uid}', body)
    view = f'<div class="{SCOPE}"><style>{scope_css(parts.css)}{_VIEW_CSS}</style>{body}</div>'
    return inert_controls(view)


# The view's own few rules: a notebook cell is narrower than a page, so the side goes below.
_VIEW_CSS = scope_css(
    ".qc-view-head { margin: 0 0 .5rem; color: var(--muted); font-size: .9rem; }\n"
    ":root { padding: .75rem 1rem; border: 1px solid var(--rule); border-radius: 6px; }\n"
    ".qc-main { grid-template-columns: minmax(0, 1fr); padding: 0; gap: .5rem; max-width: none; }\n"
    ".qc-article { max-width: none; }\n"
)
