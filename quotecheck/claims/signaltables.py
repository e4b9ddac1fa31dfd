"""The framing lexicons as look-up tables, built once at import (used by :mod:`framing`).

One-word entries go in dictionaries keyed by the entry; a multi-word entry becomes a compiled
pattern filed under its anchor word, with the window around the anchor where a match can lie;
every token a form may appear as (itself, or with a possessive) maps to the forms it stands for,
so one look-up per token of a text finds every entry it holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final, NamedTuple

from quotecheck.lexicons import load, load_rows
from quotecheck.models import SignalKind
from quotecheck.offsets import fold

__all__ = [
    "ASCII_TOKENS",
    "CASE_SENSITIVE",
    "TABLES",
    "TOKEN_RE",
    "Phrase",
    "Tables",
    "anchor",
    "glued",
]

# The standard library's engine for the hot token scan: it measured several times faster here.
TOKEN_RE = re.compile(r"[^\W\d_][\w'-]*")  # a word, hyphens and apostrophes inside


class _Source(NamedTuple):
    """One lexicon file feeding a signal kind."""

    lexicon: str
    kind: SignalKind
    filtered: bool  # derived from an outside lexicon: drop entries in not_evaluative.txt
    adverbs: bool = True  # an evaluative one-word entry also matches its -ly adverb


# Each entry weighs its own weight (second field, default 1); the weight of its kind
# (AnalyzerConfig.intent_weight etc., applied by framing) multiplies it.
# Two kinds may match overlapping words ("are eager to" and "eager"): both are reported, and
# the claims stage counts only the heavier of overlapping signals.
_SOURCES = (
    _Source("presupposition", SignalKind.presupposition, filtered=False),
    _Source("intent", SignalKind.intent, filtered=False),
    _Source("speculation", SignalKind.speculation, filtered=False),
    _Source("evaluative", SignalKind.evaluative, filtered=False),
    _Source("subjective", SignalKind.evaluative, filtered=True),
    _Source("valence", SignalKind.evaluative, filtered=True),
    # Images, not adjectives: "nightmare" has no adverb to match.
    _Source("figurative", SignalKind.evaluative, filtered=False, adverbs=False),
    _Source("intensifiers", SignalKind.intensifier, filtered=False),
    _Source("voice", SignalKind.voice, filtered=False),
    _Source("imputation", SignalKind.imputation, filtered=False),
)

# Kinds matched case-sensitively: "us" the pronoun is not "US" the country.
CASE_SENSITIVE = frozenset({SignalKind.voice})


def _entries(source: _Source, excluded: frozenset[str]) -> Iterable[tuple[str, float]]:
    """Yield (entry, weight) of one lexicon, folded and lower-cased unless case matters."""
    for row in load_rows(source.lexicon):
        entry = fold(row[0])
        if source.kind not in CASE_SENSITIVE:
            entry = entry.lower()
        if source.filtered and entry in excluded:
            continue
        weight = float(row[1]) if len(row) > 1 else 1.0
        yield entry, weight
        if source.kind is SignalKind.evaluative and source.adverbs and " " not in entry:
            yield _adverb(entry), weight


def _adverb(adjective: str) -> str:
    """The -ly adverb of an evaluative adjective: blatant -> blatantly, angry -> angrily."""
    if adjective.endswith("ic"):
        return adjective + "ally"
    if adjective.endswith("le") and len(adjective) > 3:
        return adjective[:-1] + "y"
    if adjective.endswith("y") and len(adjective) > 3:
        return adjective[:-1] + "ily"
    return adjective + "ly"


class Phrase(NamedTuple):
    """A multi-word entry, searched for only where its anchor (longest) word occurs."""

    kind: SignalKind
    pattern: re.Pattern[str]
    # How far before its anchor a match may start (least, most), and a match's greatest length;
    # None for an entry whose matches might overlap (_may_overlap) or whose anchor recurs in it:
    # searched in the whole text, the one way to keep exactly what a whole-text scan keeps.
    window: tuple[int, int, int] | None


class Tables(NamedTuple):
    """Look-up tables built from the lexicons."""

    words: dict[str, tuple[SignalKind, ...]]  # one-word entry (lower-cased) -> its kinds
    exact: dict[str, tuple[SignalKind, ...]]  # one-word entry of a case-sensitive kind
    phrases: dict[str, tuple[Phrase, ...]]  # anchor word (lower-cased) -> multi-word entries
    # (kind, entry) -> the entry's own weight (its kind's weight multiplies it). The keys hold
    # the kind's plain string, which hashes and compares
    # like the enum member: look-ups by (SignalKind, entry) find them, and a tuple of two plain
    # strings is no work for the garbage collector (one holding an enum member is, every time).
    weights: dict[tuple[str, str], float]
    single: frozenset[str]  # every one-word entry, lower-cased
    tokens: dict[str, tuple[str, ...]]  # token -> the one-word entries and anchors it stands for


def _phrase_pattern(entry: str) -> re.Pattern[str]:
    """Pattern of a multi-word entry, opening with a literal so the engine can skip ahead fast.

    A space matches a short run of white space. The case-insensitive kinds search the lower-cased
    text (no IGNORECASE flag, which would cost the literal fast path); the word boundary before
    the entry is checked by the caller, since a leading look-behind would cost it too.
    """
    body = r"\s{1,4}".join(re.escape(w) for w in entry.split(" "))
    return re.compile(rf"{body}(?![\w'-])")


def glued(char: str) -> bool:
    """True for a character that would make a match part of a longer word."""
    return char.isalnum() or char in "_-'"


# Words too common to anchor a phrase: "in the pay of" filed under "the" was looked for around
# a third of all the words of a text. A phrase is filed under one of its other words if it can.
_COMMON_WORDS = frozenset(
    {
        *("a", "about", "all", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by"),
        *("can", "could", "for", "from", "had", "has", "have", "her", "his", "in", "is", "it"),
        *("its", "more", "no", "not", "of", "on", "or", "so", "that", "the", "their", "they"),
        *("this", "to", "was", "we", "were", "will", "with", "would", "you"),
    }
)


def anchor(entry: str) -> str:
    """The word a phrase is filed under: its longest uncommon word (a whole token), so the
    rarest, most likely; its longest word when all are common."""
    words = entry.lower().split(" ")
    rare = [w for w in words if w not in _COMMON_WORDS and TOKEN_RE.fullmatch(w)]
    return max(rare or words, key=len)


def _may_overlap(entry: str) -> bool:
    """True when a match of ``entry`` might start inside another: some later piece of it that
    could open a word starts with its first word, or is the start of it. Errs towards True."""
    low = entry.lower()
    if len(low) != len(entry):
        return True  # lower-casing moved the offsets: take no chances
    first = low.split(" ")[0]
    pieces = (low[i:].split(" ")[0] for i in range(1, len(low)) if not glued(low[i - 1]))
    return not first or any(p.startswith(first) or first.startswith(p) for p in pieces if p)


def _phrase(kind: SignalKind, entry: str) -> Phrase:
    """The pattern of a multi-word entry, and the window around its anchor where a match lies."""
    words = entry.lower().split(" ")
    key = anchor(entry)
    window = None
    if not _may_overlap(entry) and words.count(key) == 1:
        k = words.index(key)
        before = sum(len(w) for w in words[:k])
        gaps = len(words) - 1  # each a run of 1 to 4 white-space characters
        window = (before + k, before + 4 * k, sum(len(w) for w in words) + 4 * gaps)
    return Phrase(kind, _phrase_pattern(entry), window)


def _build() -> Tables:
    """Build the word, phrase and weight tables from the lexicons."""
    excluded = frozenset(e.lower() for e in load("not_evaluative"))
    # A degree word ("extremely", "utterly") grades the word after it and judges nothing alone:
    # the graded term carries the judgment (claims/weighing.py), and "extremely low" none.
    degree = frozenset(e.lower() for e in load("degree"))
    weights: dict[tuple[SignalKind, str], float] = {}
    for source in _SOURCES:
        for entry, weight in _entries(source, excluded):
            if source.kind is SignalKind.evaluative and entry in degree:
                continue
            key = (source.kind, entry)
            weights[key] = max(weight, weights.get(key, 0.0))
    words: dict[str, tuple[SignalKind, ...]] = {}
    exact: dict[str, tuple[SignalKind, ...]] = {}
    phrases: dict[str, tuple[Phrase, ...]] = {}
    for kind, entry in weights:
        if " " in entry:
            phrase = _phrase(kind, entry)
            phrases[anchor(entry)] = (*phrases.get(anchor(entry), ()), phrase)
        elif kind in CASE_SENSITIVE:
            exact[entry] = (*exact.get(entry, ()), kind)
        else:
            words[entry] = (*words.get(entry, ()), kind)
    single = frozenset(words) | frozenset(e.lower() for e in exact)
    plain = {(str(kind), entry): weight for (kind, entry), weight in weights.items()}
    tables = (_shared(words), _shared(exact), phrases, plain, single)
    return Tables(*tables, _token_table(single | set(phrases)))


def _shared(table: dict[str, tuple[SignalKind, ...]]) -> dict[str, tuple[SignalKind, ...]]:
    """``table`` with equal values as one tuple: thousands of entries share a few kind tuples,
    and each distinct tuple of enum members is an object the garbage collector visits."""
    distinct: dict[tuple[SignalKind, ...], tuple[SignalKind, ...]] = {}
    return {key: distinct.setdefault(kinds, kinds) for key, kinds in table.items()}


def _token_table(forms: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Map each token a form may appear as (itself, or with a possessive 's or ') to the forms.

    "regime's" stands for "regime" (and for "regime's" too, were that an entry), so one look-up
    per token of the text finds every entry it holds.
    """
    table: dict[str, tuple[str, ...]] = {}
    for form in sorted(forms):
        for token in (form, form + "'s", form + "'"):
            table[token] = (*table.get(token, ()), form)
    return table


# Built once at import from the lexicons; keep _SOURCES and docs/lexicons.md in sync.
TABLES = _build()

# The token table keyed by the ASCII tokens as bytes, for texts whose tokens are all ASCII (a
# token beyond ASCII is no such key): framing scans those as bytes.
ASCII_TOKENS: Final = {
    token.encode("ascii"): forms for token, forms in TABLES.tokens.items() if token.isascii()
}
