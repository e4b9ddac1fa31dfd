"""Literal senses: where a framing entry is not framing ("the blame lies with", "rose by 3%").

A few words are evaluative in one sense and plain in another. ``lexicons/literal_senses.txt``
lists, per entry, the neighbouring words that select the plain sense; :func:`literal` reads the
word just before or just after a match and says whether the plain sense is meant. The rules are
data, read once; a match costs one dictionary look-up unless its entry has rules.
"""

from __future__ import annotations

from typing import Final

import regex

from quotecheck.errors import LexiconError
from quotecheck.lexicons import load_rows

__all__ = ["RULED", "literal"]

_NUMBER: Final = "<number>"
_NUMBER_WORDS: Final = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "half",
        "dozen",
    ]
)
# The word next to a match: letters, digits and the marks inside figures ("3.5", "$40", "10%").
_BEFORE_RE: Final = regex.compile(r"([\w$£€%.,'’-]+)\W*$")
_AFTER_RE: Final = regex.compile(r"\W*?([\w$£€%'’-]+)")  # used with match(): anchored
_REACH: Final = 40  # characters looked at on either side of a match


def _rules() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """entry -> (words after which it is literal, words before which it is literal)."""
    after: dict[str, set[str]] = {}
    before: dict[str, set[str]] = {}
    for row in load_rows("literal_senses"):
        if len(row) != 3 or row[1] not in ("before", "after"):
            msg = f"literal_senses entry {row!r}: write ENTRY | before|after | WORDS"
            raise LexiconError(msg, lexicon="literal_senses")
        table = before if row[1] == "before" else after
        table.setdefault(row[0].lower(), set()).update(row[2].lower().split())
    entries = set(after) | set(before)
    return {e: (frozenset(after.get(e, ())), frozenset(before.get(e, ()))) for e in entries}


_RULES: Final = _rules()
RULED: Final = frozenset(_RULES)
"""Entries (lower case) that have literal-sense rules: only these need :func:`literal`."""


def _fits(word: str, words: frozenset[str]) -> bool:
    """True when ``word`` is one of ``words``, or a figure where ``<number>`` is allowed."""
    low = word.lower().strip(".,'’")
    if low in words:
        return True
    if _NUMBER not in words:
        return False
    return low in _NUMBER_WORDS or any(c.isdigit() for c in low)


def literal(text: str, start: int, end: int, entry: str) -> bool:
    """True when the match ``text[start:end]`` of ``entry`` is meant in its plain sense.

    >>> literal("The blame lies with the council.", 10, 14, "lies")
    True
    >>> literal("He lies about everything.", 3, 7, "lies")
    False
    >>> literal("Sales rose by 3%.", 6, 10, "rose")
    True
    """
    rules = _RULES.get(entry.lower())
    if rules is None:
        return False
    after, before = rules
    if after:
        m = _BEFORE_RE.search(text, max(0, start - _REACH), start)
        if m is not None and _fits(m.group(1), after):
            return True
    if before:
        m = _AFTER_RE.match(text, end, min(len(text), end + _REACH))
        if m is not None and _fits(m.group(1), before):
            return True
    return False
