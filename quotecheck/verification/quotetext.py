"""Word tokens for quote verification: offsets, compare-only keys, and a quote cut into pieces.

A token's *key* is what verification compares: the word folded (curly quotes to straight, see
:func:`quotecheck.offsets.fold`), case-folded and NFKC-normalised, with thousands separators
dropped from numbers. Keys may differ in length from the word; offsets always come from the
original text, so every span still indexes it exactly.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

import regex

from quotecheck.offsets import fold

__all__ = [
    "TOKEN_RE",
    "ParsedQuote",
    "Piece",
    "QuoteToken",
    "parse_quote",
    "text_keys",
    "token_key",
]

# Runs on the folded view (straight apostrophes). Each alternative consumes at least one
# character per repetition with a separator that the next part cannot match: linear time.
TOKEN_RE = regex.compile(
    r"""
    [$£€¥]?\d+(?:[.,:]\d+)*%?\w*   # a number: $5, 1,000, 3.5, 10:30, 70%, 3rd, 1990s
    | \w+(?:'\w+)*                 # a word, with inner apostrophes: don't, O'Neill
    """,
    regex.VERBOSE,
)

# Editorial marks inside a quotation, tried in this order at each position.
MARK_RE = regex.compile(
    r"""
    (?P<ellipsis>
        [\[(] [ ]? (?:…|\.(?:[ ]?\.){2,}) [ ]? [\])]   # [...] [ … ] (...)
      | …                                              # the ellipsis character
      | \.(?:[ ]?\.){2,}                               # ... or . . . (a fourth dot ends a sentence)
    )
    | (?P<sic> [\[(] [ ]? sic [ ]? !? [ ]? [\])] )        # [sic] (sic) [sic!]
    | (?P<inword>                                        # [W]e, make[s]: a bracketed letter or two
        \[\w{1,3}\](?=\w)
      | (?<=\w)\[\w{1,3}\]
    )
    | (?P<bracket> \[ [^\[\]\n]{1,120} \] )              # [the US]: an editor's words
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

_DIGITS = frozenset("0123456789$£€¥")


def token_key(word: str) -> str:
    """Return the compare-only key of one folded word: case-folded, NFKC, no thousands commas."""
    key = word.casefold()
    if not key.isascii():
        key = unicodedata.normalize("NFKC", key)
    if "," in key and key[0] in _DIGITS:
        key = key.replace(",", "")
    return key


def text_keys(text: str) -> list[str]:
    """Return the key of every token of ``text``, in order (fast path for whole documents)."""
    view = fold(text)
    words: list[str] = TOKEN_RE.findall(view.casefold())
    if not view.isascii():
        # Case folding may lengthen a word (ß -> ss) but keeps it one token; check that cheaply.
        if len(words) != len(TOKEN_RE.findall(view)):
            return [token_key(m.group()) for m in TOKEN_RE.finditer(view)]
        if not unicodedata.is_normalized("NFKC", view):
            words = [w if w.isascii() else unicodedata.normalize("NFKC", w) for w in words]
    return [w.replace(",", "") if "," in w and w[0] in _DIGITS else w for w in words]


def token_offsets(text: str) -> tuple[list[int], list[int]]:
    """Return the start and end offset of every token of ``text`` (same order as text_keys)."""
    spans = [m.span() for m in TOKEN_RE.finditer(fold(text))]
    return [s for s, _ in spans], [e for _, e in spans]


@dataclass(frozen=True, slots=True)
class QuoteToken:
    """One word of a quote, with its offsets in the quote string."""

    key: str
    start: int
    end: int
    editorial: bool = False  # inside [brackets]: the editor's words, not the speaker's
    recased: bool = False  # carries an in-word bracket such as [W]e
    bracket: tuple[int, int] | None = None  # the [brackets] around an editorial word


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of quote words between ellipses; ``marker`` is the ellipsis before it, if any."""

    tokens: tuple[QuoteToken, ...]
    marker: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class ParsedQuote:
    """A quote cut at its ellipses, with its editorial marks noted."""

    text: str
    pieces: tuple[Piece, ...]
    marks: tuple[str, ...]  # kinds of marks used: "ellipsis", "sic", "bracket"

    @property
    def tokens(self) -> tuple[QuoteToken, ...]:
        """Every word of every piece, in order."""
        return tuple(t for p in self.pieces for t in p.tokens)


def parse_quote(quote: str) -> ParsedQuote:
    """Tokenise a quote, cutting it at ellipses and marking [bracketed] and (sic) words."""
    view = list(fold(quote))
    ellipses: list[tuple[int, int]] = []
    brackets: list[tuple[int, int]] = []
    inword: list[tuple[int, int]] = []
    marks: set[str] = set()
    for match in MARK_RE.finditer("".join(view)):
        kind = match.lastgroup or ""
        start, end = match.span()
        if kind == "ellipsis":
            ellipses.append((start, end))
            view[start:end] = " " * (end - start)
        elif kind == "sic":
            view[start:end] = " " * (end - start)
        elif kind == "inword":
            inword.append((start, end))
            # Keep the letters inside one token: "_" is a word character the key drops again.
            view[start] = view[end - 1] = "_"
        else:
            brackets.append((start, end))
            view[start] = view[end - 1] = " "
        marks.add("ellipsis" if kind == "ellipsis" else "sic" if kind == "sic" else "bracket")
    folded = fold(quote)
    spans = [m.span() for m in TOKEN_RE.finditer("".join(view))]
    tokens = [_quote_token(folded, start, end, brackets, inword) for start, end in spans]
    return ParsedQuote(quote, _cut(tokens, ellipses), tuple(sorted(marks)))


def _quote_token(
    folded: str,
    start: int,
    end: int,
    brackets: list[tuple[int, int]],
    inword: list[tuple[int, int]],
) -> QuoteToken:
    raw = folded[start:end]
    # Both lists are in text order and do not overlap: find the one candidate by bisection.
    n = bisect_right(inword, (start, len(folded)))
    recased = any(s < end and start < e for s, e in inword[max(0, n - 1) : n + 1])
    if recased:
        raw = raw.replace("[", "").replace("]", "")
    n = bisect_right(brackets, (start, len(folded))) - 1
    bracket = brackets[n] if n >= 0 and brackets[n][1] >= end else None
    return QuoteToken(
        token_key(raw), start, end, editorial=bracket is not None, recased=recased, bracket=bracket
    )


def _cut(tokens: list[QuoteToken], ellipses: list[tuple[int, int]]) -> tuple[Piece, ...]:
    pieces: list[Piece] = []
    marker: tuple[int, int] | None = None
    current: list[QuoteToken] = []
    cuts = iter(ellipses)
    cut = next(cuts, None)
    for token in tokens:
        while cut is not None and cut[0] < token.start:
            if current:
                pieces.append(Piece(tuple(current), marker))
                current = []
            marker = cut
            cut = next(cuts, None)
        current.append(token)
    if current:
        pieces.append(Piece(tuple(current), marker))
    return tuple(pieces)
