"""Why an anonymous source is unnamed, when the text says so.

"a diplomat who asked not to be named because of the sensitivity of the talks", "officials,
speaking on condition of anonymity because they were not authorized to discuss the plan, said",
"the official said on condition of anonymity": each phrase of ``lexicons/anonymity_reasons.txt``
is found in one pass over the text; the clause around it (from a "who" or "speaking" that opens
it, to the comma, semicolon, dash or full stop that ends it) becomes the ``anonymity_reason`` of
the nearest anonymous source mentioned before it in the same sentence, or in the sentence before
when the clause's own sentence names no source first ("… a senior official said. He spoke on
condition of anonymity because …"). Every lookup is a bisection and every clause is read in a
bounded window, so the cost stays linear in the text.
"""

from __future__ import annotations

import re
from typing import Final

import regex

from quotecheck.config import DEFAULT_CONFIG
from quotecheck.lexicons import load_rows
from quotecheck.sortedints import bisect_right
from quotecheck.text.cues import VERB_FORMS

__all__ = [
    "KEYWORDS",
    "WHY_MARKERS",
    "alias_after",
    "aliases",
    "anonymity_reasons",
    "explains_anonymity",
]

_ROWS: Final = load_rows("anonymity_reasons")
WHY_MARKERS: Final = tuple(row[0] for row in _ROWS if row[1] == "why")
"""Phrases that give a reason for anonymity, not only its condition (for the flag's message)."""

_ALIAS_LEADS: Final = tuple(row[0] + " " for row in _ROWS if row[1] == "alias")


# The word after an alias lead ("known as Bob"): a name when capitalised.
_NAME_RE: Final = re.compile(r"[^\W\d_][\w’'\-]*")


def _places(text: str, words: tuple[str, ...]) -> list[int]:
    """Every place where one of ``words`` (or it with a capital first letter) starts, sorted.

    ``str.find`` for each word: a search in C at memory speed, far cheaper than a regex
    alternation tried at every position of the text."""
    found: list[int] = []
    for word in words:
        for form in (word, word[0].upper() + word[1:]):
            at = text.find(form)
            while at >= 0:
                found.append(at)
                at = text.find(form, at + 1)
    found.sort()
    return found


def aliases(text: str) -> frozenset[str]:
    """The names that stand in for withheld ones: "the base chief known as Bob", "a nurse
    identified only as Maria" (a source so named is anonymous)."""
    names: set[str] = set()
    for lead in _ALIAS_LEADS:
        for form in (lead, lead[0].upper() + lead[1:]):
            at = text.find(form)
            while at >= 0:
                m = _NAME_RE.match(text, at + len(form))
                if m is not None and m.group()[:1].isupper():
                    names.add(m.group())
                at = text.find(form, at + 1)
    return frozenset(names)


def alias_after(text: str, pos: int) -> tuple[int, int] | None:
    """Where the stand-in name after a source phrase ending at ``pos`` stands ("said the base
    chief known as Bob"), or None when no alias lead and capitalised name follow."""
    for lead in _ALIAS_LEADS:
        if text.startswith(lead, pos + 1) and text[pos : pos + 1] == " ":
            m = _NAME_RE.match(text, pos + 1 + len(lead))
            if m is not None and m.group()[:1].isupper():
                return m.span()
    return None


# Longest phrases first, so "on the condition of anonymity" wins over a shorter overlap.
_MARKER_RE: Final = regex.compile(
    r"\b(?:"
    + "|".join(
        regex.escape(p).replace(r"\ ", r"\s+")
        for p in sorted((r[0] for r in _ROWS if r[1] != "alias"), key=len, reverse=True)
    )
    + r")\b",
    regex.IGNORECASE,
)
# Every phrase holds one of these words: a fast search for them (str.find, in C) finds the few
# places where _MARKER_RE is then tried, in a window around each.
# tests/test_sources_genres.py checks that every phrase of the lexicon holds one.
KEYWORDS: Final = (
    "anonym", "named", "identified", "authori", "permitted", "allowed", "sensitiv", "fear",
    "identity", "freely", "candidly", "private", "internal", "confidential", "legal", "name not",
)  # fmt: skip
_KEY_REACH: Final = 48  # longer than the distance from a phrase's start to its keyword
_OPENERS_RE: Final = regex.compile(
    r"\b(?:who|speaking|spoke|because|and)\b[^,;.—–]{0,40}$", regex.IGNORECASE
)
# Longer than any phrase of the lexicon: how far a phrase opening at a cue is matched. (How far
# a reason clause runs, and how far back it may open, are AnalyzerConfig.anonymity_reason_*.)
_PHRASE_REACH: Final = 240
_ENDS: Final = frozenset(',;:!?()—–“”"\n')


def anonymity_reasons(
    text: str,
    sentence_starts: list[int],
    anonymous: list[tuple[int, int]],
    reach: int = DEFAULT_CONFIG.anonymity_reason_reach,
    lookback: int = DEFAULT_CONFIG.anonymity_reason_lookback,
) -> dict[int, tuple[int, int]]:
    """Map an anonymous source (by its index in ``anonymous``' owners) to its reason clause.

    ``anonymous`` lists (mention start, owner) pairs sorted by start: every mention of every
    anonymous source. Returns owner -> (start, end) of the first reason clause found for it: it
    opens at most ``lookback`` characters before its phrase and ends at most ``reach`` after.
    """
    found: dict[int, tuple[int, int]] = {}
    if not anonymous:
        return found
    starts = [s for s, _ in anonymous]
    for m in _markers(text):
        owner = _owner(m[0], starts, anonymous, sentence_starts)
        if owner is not None and owner not in found:
            found[owner] = (_clause_start(text, m[0], lookback), _clause_end(text, m[1], reach))
    return found


def _markers(text: str) -> list[tuple[int, int]]:
    """Every phrase of the lexicon in the text, in order, tried only around a keyword."""
    found: list[tuple[int, int]] = []
    done = 0  # where the last phrase found ends: no phrase is found twice
    for at in _places(text, KEYWORDS):
        if at < done:
            continue
        m = _MARKER_RE.search(text, max(done, at - _KEY_REACH), at + _KEY_REACH)
        if m is not None and m.start() <= at:
            found.append((m.start(), m.end()))
            done = m.end()
    return found


def explains_anonymity(text: str, cue_start: int) -> bool:
    """Tell whether a cue only says how a source stayed unnamed ("who asked not to be named",
    "spoke on condition of anonymity", "declined to be identified"): part of the attribution,
    never a report of its own. ("said on condition of anonymity" still reports: the phrase
    must open at the cue.)"""
    head = text[cue_start : cue_start + 2]
    # Most cues ("said", "told") open no phrase: two ASCII letters rule that out without the
    # regex (ASCII folds only to ASCII). Other text ('ſ', the Kelvin sign) goes to the regex.
    if _HEADS is not None and head.isascii() and head.lower() not in _HEADS:
        return False
    return _MARKER_RE.match(text, cue_start, cue_start + _PHRASE_REACH) is not None


def _phrase_heads() -> frozenset[str] | None:
    """The first two letters of every phrase (lower case): a phrase at a cue opens with one.
    None (always ask the regex) if some phrase opens otherwise."""
    heads = [row[0][:2] for row in _ROWS if row[1] != "alias"]
    if not all(len(h) == 2 and h.isascii() and h.isalpha() for h in heads):
        return None
    return frozenset(h.lower() for h in heads)


_HEADS: Final = _phrase_heads()


def _owner(
    pos: int, starts: list[int], anonymous: list[tuple[int, int]], sentences: list[int]
) -> int | None:
    """The anonymous source a phrase at ``pos`` explains: the one mentioned last before it in
    its sentence; else the first after it there ("Speaking on condition of anonymity, an
    official said"); else the last one of the sentence before."""
    s = bisect_right(sentences, pos) - 1
    lo = sentences[s] if s >= 0 else 0
    hi = sentences[s + 1] if s + 1 < len(sentences) else 1 << 62
    i = bisect_right(starts, pos) - 1
    if i >= 0 and starts[i] >= lo:
        return anonymous[i][1]
    if i + 1 < len(starts) and starts[i + 1] < hi:
        return anonymous[i + 1][1]
    before = sentences[s - 1] if s > 0 else lo
    return anonymous[i][1] if i >= 0 and starts[i] >= before else None


def _clause_start(text: str, pos: int, lookback: int) -> int:
    """Where the clause holding a phrase opens: a "who" or "speaking" just before it, or there."""
    lo = max(0, pos - lookback)
    m = _OPENERS_RE.search(text, lo, pos)
    return m.start() if m else pos


def _clause_end(text: str, pos: int, reach: int) -> int:
    """Where the clause ends: the next clause mark, a full stop that ends a sentence, "that"
    right after the phrase ("said on condition of anonymity that …"), or a reporting verb
    ("who did not wish to be named said …"; not an infinitive: "to speak publicly")."""
    end = min(len(text), pos + reach)
    m = _THAT_RE.match(text, pos, end)
    if m:
        return pos
    i = pos
    while i < end:
        c = text[i]
        if c in _ENDS:
            break
        if (
            c == "."
            and (i + 1 >= len(text) or text[i + 1].isspace())
            and not _abbreviation(text, i)
        ):
            break
        if c == " " and _verb_follows(text, i + 1, end):
            break
        i += 1
    return len(text[pos:i].rstrip()) + pos


_THAT_RE: Final = regex.compile(r"[ \t]+that\b")
_VERB_RE: Final = regex.compile(r"[a-z]+")


def _verb_follows(text: str, at: int, end: int) -> bool:
    """Tell whether the word at ``at`` is a finite reporting verb (not after "to")."""
    m = _VERB_RE.match(text, at, end)
    if m is None or m.group() not in VERB_FORMS:
        return False
    return text[max(0, at - 3) : at] != "to "


def _abbreviation(text: str, dot: int) -> bool:
    """Tell whether the full stop at ``dot`` ends an abbreviation ("U.S.", "Gen.")."""
    j = dot
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    word = text[j:dot]
    return (
        len(word) <= 1
        or (j > 0 and text[j - 1] == ".")
        or word in ("Gen", "Mr", "Mrs", "Dr", "Ms", "St")
    )
