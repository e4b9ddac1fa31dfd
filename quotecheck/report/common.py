"""Lookups and small text helpers that every view of an analysis shares."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from quotecheck.models import Analysis, Attribution, Quote, Source

__all__ = ["Lookup", "clip", "line_cols", "source_label", "speaker_of", "visible"]


def speaker_of(analysis: Analysis, quote: Quote) -> Source | None:
    """Return the source credited with ``quote``, or None when it has no speaker."""
    return Lookup(analysis).speaker(quote)


class Lookup:
    """The ids of one analysis resolved once, so rendering stays linear in its size."""

    def __init__(self, a: Analysis) -> None:
        self.sources = {s.id: s for s in a.sources}
        self.attributions = {x.id: x for x in a.attributions}
        self.said: dict[str, list[tuple[int, Attribution]]] = {}
        for k, x in enumerate(a.attributions):
            self.said.setdefault(x.source_id, []).append((k, x))

    def source(self, source_id: str | None) -> Source | None:
        """The source with this id, if any."""
        return self.sources.get(source_id) if source_id else None

    def speaker(self, quote: Quote) -> Source | None:
        """The source credited with ``quote``, if any."""
        att = self.attributions.get(quote.attribution_id) if quote.attribution_id else None
        return self.source(att.source_id) if att else None


def source_label(source: Source | None) -> str:
    """Return a short human label for ``source``: name and role, or its description."""
    if source is None:
        return "no speaker found"
    first = source.mentions[0].text if source.mentions else source.kind.value
    name = source.name or source.descriptor or first
    if source.role and source.role not in name:
        return f"{name}, {source.role}"
    return name


def clip(s: str, limit: int) -> str:
    """Return ``s`` on one line, cut to ``limit`` characters with an ellipsis."""
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: max(limit - 1, 1)].rstrip() + "…"


def line_cols(text: str, offsets: Sequence[int]) -> list[tuple[int, int]]:
    r"""Return the 1-based (line, column) of each offset in ``text``, in one pass over it.

    Lines end where ``str.splitlines`` ends them: at ``\n``, ``\r``, ``\r\n``, U+2028 and the
    other line boundaries, so a file with old Mac line ends or Unicode line separators gets the
    places an editor shows.

    >>> line_cols("a\rb\u2028c\r\nd", [0, 2, 4, 7])
    [(1, 1), (2, 1), (3, 1), (4, 1)]
    """
    starts = [0]
    for row in text.splitlines(keepends=True):
        if row.splitlines()[0] != row:  # the row ends with a line boundary: a new line starts
            starts.append(starts[-1] + len(row))
    places = []
    for offset in offsets:
        line = bisect_right(starts, offset)
        places.append((line, offset - starts[line - 1] + 1))
    return places


# What a terminal would obey rather than show: C0 and C1 controls but tab and line feed (an
# escape sequence can retitle the window or clear the screen, a carriage return overwrite the
# line), bidi controls (U+202E reverses what follows) and lone surrogates (no UTF-8 form).
_TERMINAL_UNSAFE_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def visible(s: str) -> str:
    r"""Return ``s`` for a terminal: each control, bidi control or lone surrogate as its escape.

    For the text views only; JSON and the models keep the exact text.

    >>> visible("\x1b]0;pwned\x07 said \u202eno\r")
    '\\x1b]0;pwned\\x07 said \\u202eno\\r'
    """
    return _TERMINAL_UNSAFE_RE.sub(lambda m: repr(m.group())[1:-1], s)
