"""find_signals(text, span, quotes) -> tuple[Signal, ...]: framing evidence in one sentence.

Each signal comes from a lexicon shipped as data (``quotecheck/lexicons/*.txt``, see
docs/lexicons.md) or from a scare quote, and carries a weight (:func:`signal_weight`) so that the
claims stage can decide, audibly, when a writer's own words amount to editorial framing. A
lexicon signal weighs its entry's own weight times its kind's weight (``AnalyzerConfig``:
``intent_weight``, ``evaluative_weight``, ...); a scare quote weighs ``scare_quote_weight``.
Matching is one scan of the text's words with a compiled token regex and a dictionary look-up
per word; a multi-word entry is searched for only in a short window around each word of it that
occurs (its anchor). The tables (:mod:`signaltables`) are built once at import from
the lexicons, so the cost does not grow with the size of the lists.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Final

import regex

from quotecheck.assemble import assemble, text_span
from quotecheck.attribution.records import QuoteRecord
from quotecheck.claims.senses import RULED as _RULED
from quotecheck.claims.senses import literal as _literal
from quotecheck.claims.signaltables import ASCII_TOKENS as _ASCII_TOKENS
from quotecheck.claims.signaltables import CASE_SENSITIVE as _CASE_SENSITIVE
from quotecheck.claims.signaltables import TABLES as _TABLES
from quotecheck.claims.signaltables import TOKEN_RE as _TOKEN_RE
from quotecheck.claims.signaltables import Phrase as _Phrase
from quotecheck.claims.signaltables import glued as _glued
from quotecheck.config import DEFAULT_CONFIG, AnalyzerConfig
from quotecheck.kinds import SIGNAL_SCARE_QUOTE
from quotecheck.models import Quote, QuoteKind, Signal, SignalKind, Span
from quotecheck.offsets import fold

__all__ = [
    "find_all_signals",
    "find_signals",
    "find_weighted_signals",
    "kind_weights",
    "signal_weight",
    "speech_like",
]

# A quote as the public model, or as the attribution stage hands it on: the same fields read.
_AnyQuote = Quote | QuoteRecord


_SPEECHY_RE = regex.compile(
    r"""
    (?<![\w-])                          # whole words only
    (?:I|we|you|he|she|they|it|us|our|my|your   # a speaker talking in person
      |is|are|was|were|will|would|can|could|must|should|have|has|had|do|does|did
      |am|'m|'re|'ve|'ll|n't)           # or a finite verb: a clause, not a term
    (?![\w-])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# Tokens as the odd pieces of a split: re.split hands back plain strings, no match object per
# token, and the even pieces (the gaps) give each token's offset by their lengths. Used for
# texts holding word characters beyond ASCII (see _lexicon_tokens for the others); in ASCII-only
# lower-cased text the same words are these plain character ranges (cheaper to test).
_TOKENS_RE: Final = re.compile(f"({_TOKEN_RE.pattern})")
_ASCII_TOKENS_RE: Final = re.compile(r"([a-z][a-z0-9_'-]*)")
# Runs of word characters (\w) beyond ASCII: those a token may open with, and decimal digits.
# Each opens with a plain class, not a repeat, so the engine skips ahead to a run's start.
_NON_ASCII_LETTERS_RE: Final = re.compile(r"[^\x00-\x7f\W\d][^\x00-\x7f\W\d]*")
_NON_ASCII_DIGITS_RE: Final = re.compile(r"[^\x00-\x7f\D][^\x00-\x7f\D]*")
_NON_ASCII_WORD_RE: Final = re.compile(r"[^\x00-\x7f\W]")  # a word character beyond ASCII
# Bytes of lower-cased text to runs of token characters: each character a token may hold stays,
# every other byte (upper case cannot occur, "?" stands for all else) becomes a space.
_RUN_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_'-"
_RUN_BYTES: Final = bytes(c if chr(c) in _RUN_CHARS else 0x20 for c in range(256))
_NOT_LETTERS: Final = b"0123456789_'-\x01"  # what a run holds before its token's first letter
# Every key of the token table is ASCII (tests/test_framing_speed_equivalence.py): then a token
# holding a character beyond ASCII is no key, and only where it starts and ends matters.
_ASCII_KEYS_ONLY: Final = len(_ASCII_TOKENS) == len(_TABLES.tokens)
_WORD_BEFORE_RE = regex.compile(r"\w")  # some word precedes: not the first word
_LOWER_OR_UPPER_RE = regex.compile(r"\b\p{L}{4,}")  # longer words, to tell title case
_WORD_RE = regex.compile(r"[\w'’-]+")  # a word, for counting


def _lower(folded: str) -> str:
    """Lower-case without moving offsets: U+0130 (İ) is the one character that lower() lengthens."""
    return folded.replace("\u0130", "I").lower()


_WEIGHTS: Final = _TABLES.weights
# The tables read in the hot loops, as module constants (no attribute read per token).
_PHRASES: Final = _TABLES.phrases
_SINGLE: Final = _TABLES.single
_EXACT: Final = _TABLES.exact
_WORDS: Final = _TABLES.words


def kind_weights(config: AnalyzerConfig) -> dict[str, float]:
    """Each lexicon kind's weight (by the kind's plain string), read from ``config`` once per
    text: a signal weighs its entry's own weight times this."""
    return {
        SignalKind.presupposition.value: config.presupposition_weight,
        SignalKind.evaluative.value: config.evaluative_weight,
        SignalKind.intent.value: config.intent_weight,
        SignalKind.speculation.value: config.speculation_weight,
        SignalKind.intensifier.value: config.intensifier_weight,
        SignalKind.voice.value: config.voice_weight,
        SignalKind.imputation.value: config.imputation_weight,
    }


def signal_weight(signal: Signal, config: AnalyzerConfig = DEFAULT_CONFIG) -> float:
    """How much evidence of editorial framing one signal is (0 for the speaker's own words)."""
    if signal.in_quote:
        return 0.0
    if signal.kind is SignalKind.scare_quote:
        return config.scare_quote_weight
    factor = kind_weights(config).get(str(signal.kind), 0.0)
    return _WEIGHTS.get((signal.kind, _key(signal)), 0.0) * factor


def _key(signal: Signal) -> str:
    """The weight-table key of a lexicon signal: its entry, folded and (mostly) lower-cased."""
    entry = signal.lexicon or ""
    return entry if signal.kind in _CASE_SENSITIVE else entry.lower()


def speech_like(text: str, max_words: int = DEFAULT_CONFIG.scare_max_words) -> bool:
    """True when quoted words read like an utterance (a clause, more than ``max_words``
    words: ``AnalyzerConfig.scare_max_words``), not a term."""
    most = (len(text) + 1) // 2  # words need a character between them: at most this many
    if most <= max_words and most < 3:
        return False  # too short for either test below: a short term costs no call into regex
    words = _WORD_RE.findall(text)
    return len(words) > max_words or (len(words) >= 3 and bool(_SPEECHY_RE.search(text)))


def find_signals(text: str, span: Span, quotes: tuple[_AnyQuote, ...] = ()) -> tuple[Signal, ...]:
    """Find the framing signals of the sentence ``span`` of ``text``, in text order.

    Signals inside a quote are the speaker's (``in_quote=True``); a scare quote that reads as a
    term (not as speech) is itself a signal of the writer's.

    >>> s = find_signals("A so-called reform.", Span(start=0, end=19, text="A so-called reform."))
    >>> [(x.kind.value, x.span.text) for x in s]
    [('presupposition', 'so-called')]
    """
    return find_all_signals(text, (span,), quotes)[0]


def find_all_signals(
    text: str, spans: Sequence[Span], quotes: Sequence[_AnyQuote] = ()
) -> tuple[tuple[Signal, ...], ...]:
    """Find the framing signals of every sentence in ``spans`` (sorted, not overlapping) at once.

    One scan covers the stretch from the first sentence to the last, so the cost is per text,
    not per sentence; each signal is then filed under the sentence holding it.
    """
    return find_weighted_signals(text, spans, quotes)[0]


def find_weighted_signals(
    text: str,
    spans: Sequence[Span],
    quotes: Sequence[_AnyQuote] = (),
    config: AnalyzerConfig = DEFAULT_CONFIG,
) -> tuple[tuple[tuple[Signal, ...], ...], list[list[float]]]:
    """:func:`find_all_signals`, with each signal's :func:`signal_weight` alongside it.

    The weight is known when the signal is made (its kind, entry and place), so the claims
    stage need not look it up again from the signal's fields; ``config`` gives the weights.
    """
    if not spans:
        return (), []
    lo = spans[0].start
    folded = fold(text[lo : spans[-1].end])
    starts = [s.start - lo for s in spans]
    ends = [s.end - lo for s in spans]
    title_cases: dict[int, bool] = {}

    def in_name(at: int) -> bool:
        i = bisect_right(starts, at) - 1
        if i < 0 or at >= ends[i]:
            i = -1
        if i not in title_cases:
            title_cases[i] = _title_case(folded[starts[i] : ends[i]])
        return _in_name(folded, at, title_cases[i], starts[i])

    hits = _one_per_phrase(sorted(_hits(folded, in_name), key=itemgetter(1, 2)))
    quoted = _QuotedStretches(quotes)
    found, weights = _file_hits(text, lo, hits, (starts, ends), quoted, kind_weights(config))
    _add_scare_quotes(spans, quotes, found, weights, config)
    return tuple(map(tuple, found)), weights


def _one_per_phrase(hits: list[_Hit]) -> list[_Hit]:
    """Keep one signal per phrase and kind: a match inside a longer one of the same kind ("very"
    in "the very", "likely to" in "is likely to") is the same signal, counted once.

    ``hits`` are in text order (by start, then end); one pass, remembering the last kept hit
    of each kind.
    """
    kept: list[_Hit | None] = []
    last: dict[str, int] = {}  # by the kind's string: hashing an enum member runs Python code
    for hit in hits:
        kind, a, b, _ = hit
        key = str(kind)
        k = last.get(key)
        prev = kept[k] if k is not None else None
        if prev is not None and a <= prev[2] and b <= prev[2] and a >= prev[1]:
            continue  # inside the kept phrase of the same kind
        if prev is not None and a == prev[1] and b > prev[2] and k is not None:
            kept[k] = None  # the same start, a longer phrase: it replaces the shorter one
        last[key] = len(kept)
        kept.append(hit)
    return [h for h in kept if h is not None]


def _file_hits(
    text: str,
    lo: int,
    hits: list[_Hit],
    sentences: tuple[list[int], list[int]],
    quoted: _QuotedStretches,
    factors: dict[str, float],
) -> tuple[list[list[Signal]], list[list[float]]]:
    """Each hit (offsets from ``lo``, in text order) as a signal and its weight (its kind's from
    ``factors``), per sentence (``sentences``: their starts and ends).

    The hits come in text order, so the sentence and the quoted stretch at each hit are found by
    walking forward through them (what bisect_right would find, with no call per hit).
    """
    starts, ends = sentences
    found: list[list[Signal]] = [[] for _ in starts]
    weights: list[list[float]] = [[] for _ in starts]
    q_starts, q_ends = quoted.starts, quoted.ends
    i = j = -1  # the last sentence, and quoted stretch, starting at or before the hit
    for kind, a, b, lexicon in hits:
        while i + 1 < len(starts) and starts[i + 1] <= a:
            i += 1
        if i < 0 or a >= ends[i] or b > ends[i]:
            continue  # between sentences, or running over a sentence's end
        start, end = lo + a, lo + b
        if lexicon.lower() in _RULED and _literal(text, start, end, lexicon):
            continue  # the plain sense: "the blame lies with", "rose by 3%"
        while j + 1 < len(q_starts) and q_starts[j + 1] <= start:
            j += 1
        in_quote = j >= 0 and end <= q_ends[j]
        span = text_span(text, start, end)
        fields = {"kind": kind, "span": span, "lexicon": lexicon, "in_quote": in_quote}
        found[i].append(assemble(Signal, fields))
        weights[i].append(0.0 if in_quote else _lexicon_weight(kind, lexicon, factors))
    return found, weights


# Each kind with its plain string and whether it is matched case-sensitively, to be found by
# identity: hashing an enum member (for a dict or set look-up) runs Enum.__hash__ in Python.
_KINDS: Final = tuple((kind, str(kind), kind in _CASE_SENSITIVE) for kind in SignalKind)


def _lexicon_weight(kind: SignalKind, lexicon: str, factors: dict[str, float]) -> float:
    """The weight of a lexicon signal outside quotes (what :func:`signal_weight` returns), its
    kind's weight from ``factors`` (:func:`kind_weights`)."""
    # The weight table's keys hold the kind's plain string (signaltables.Tables.weights).
    for member, plain, case_sensitive in _KINDS:
        if member is kind:
            own = _WEIGHTS.get((plain, lexicon if case_sensitive else lexicon.lower()), 0.0)
            return own * factors.get(plain, 0.0)
    return 0.0


def _add_scare_quotes(
    spans: Sequence[Span],
    quotes: Sequence[_AnyQuote],
    found: list[list[Signal]],
    weights: list[list[float]],
    config: AnalyzerConfig,
) -> None:
    """File each scare quote that reads as a term under its sentence, keeping text order."""
    weight, max_words = config.scare_quote_weight, config.scare_max_words
    starts = [s.start for s in spans]
    lo, hi = spans[0].start, spans[-1].end
    scared: set[int] = set()  # sentences with a scare quote, appended out of order
    for q in quotes:
        marks = q.marks  # each field of a model read once: every read is an attribute look-up
        at = marks.start
        if not lo <= at < hi:
            continue
        i = bisect_right(starts, at) - 1
        span = spans[i]
        if at < span.end and _within(marks, span) and _scare_term(q, max_words):
            fields = {
                "kind": SIGNAL_SCARE_QUOTE,
                "span": marks,
                "lexicon": None,
                "in_quote": False,
            }
            found[i].append(assemble(Signal, fields))
            weights[i].append(weight)
            scared.add(i)
    for i in scared:
        pairs = sorted(
            zip(found[i], weights[i], strict=True), key=lambda p: (p[0].span.start, p[0].span.end)
        )
        found[i] = [s for s, _ in pairs]
        weights[i] = [w for _, w in pairs]


# A lexicon match: kind, start, end, and its entry as the signal's lexicon (white space single).
_Hit = tuple[SignalKind, int, int, str]


def _hits(folded: str, in_name: Callable[[int], bool]) -> list[_Hit]:
    """Every lexicon match in ``folded``: (kind, start, end, entry)."""
    low = _lower(folded)
    found = _lexicon_tokens(low)
    anchors: dict[str, list[int]] = {}
    for start, form in found:
        if form in _PHRASES:
            anchors.setdefault(form, []).append(start)
    hits = [
        (k, a, b, " ".join(folded[a:b].split()))
        for anchor in sorted(anchors)
        for k, a, b in _phrase_hits(folded, low, anchor, anchors[anchor])
    ]
    hits += _word_hits(folded, low, found, {(k, a) for k, a, _, _ in hits}, in_name)
    return hits


def _lexicon_tokens(low: str) -> list[tuple[int, str]]:
    """(start, form) of every token of ``low`` standing for a one-word entry or a phrase anchor.

    One dictionary look-up per token: the table already knows the possessives ("regime's"
    stands for "regime"). A token is a letter and the token characters after it, so each run of
    token characters holds one token, from its first letter to the run's end; the runs are the
    pieces of a bytes split, cheaper than the token pattern's (the pieces' lengths, and one byte
    between them, give each token's offset). A word character beyond ASCII stands in the bytes
    as one no key holds (_mark_non_ascii_words).
    """
    runs = low.encode("ascii", "replace").translate(_RUN_BYTES)
    if not low.isascii():
        if not _ASCII_KEYS_ONLY and _NON_ASCII_WORD_RE.search(low):
            return _pattern_tokens(low)
        runs = _mark_non_ascii_words(low, runs)
    table = _ASCII_TOKENS
    found: list[tuple[int, str]] = []
    at = 0
    for run in runs.split(b" "):
        if run in table:
            for form in table[run]:
                found.append((at, form))
        elif len(run) and run[0] < 0x61:  # no letter first ("3rd", "'tis"): the token is the rest
            token = run.lstrip(_NOT_LETTERS)
            if token in table:
                start = at + len(run) - len(token)
                for form in table[token]:
                    found.append((start, form))
        at += len(run) + 1
    return found


def _mark_non_ascii_words(low: str, runs: bytes) -> bytes:
    """``runs`` (the bytes of ``low``, see :func:`_lexicon_tokens`) with each word character of
    ``low`` beyond ASCII standing in it: a decimal digit as 0x01, a token character no token may
    open with, and any other as 0x80, which a token may open with; no key holds either."""
    if not _NON_ASCII_WORD_RE.search(low):
        return runs
    marked = bytearray(runs)
    for m in _NON_ASCII_LETTERS_RE.finditer(low):
        marked[m.start() : m.end()] = b"\x80" * (m.end() - m.start())
    for m in _NON_ASCII_DIGITS_RE.finditer(low):
        marked[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return bytes(marked)


def _pattern_tokens(low: str) -> list[tuple[int, str]]:
    """:func:`_lexicon_tokens` by the token pattern, for any text."""
    table = _TABLES.tokens
    pieces = (_ASCII_TOKENS_RE if low.isascii() else _TOKENS_RE).split(low)
    found: list[tuple[int, str]] = []
    at = len(pieces[0])
    for i in range(1, len(pieces), 2):
        token = pieces[i]
        if token in table:
            for form in table[token]:
                found.append((at, form))
        at += len(token) + len(pieces[i + 1])
    return found


class _QuotedStretches:
    """The stretches of text inside quote marks, merged (starts and ends, sorted), for fast
    'is this quoted?' checks."""

    def __init__(self, quotes: Sequence[_AnyQuote]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted((q.marks.start, q.marks.end) for q in quotes):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]


# A search around one anchor costs about as much as a whole-text scan of this many characters.
_WINDOW_COST = 1000


def _phrase_hits(
    folded: str, low: str, anchor: str, at: list[int]
) -> list[tuple[SignalKind, int, int]]:
    """Matches of the multi-word entries filed under ``anchor``, which starts words at ``at``."""
    hits: list[tuple[SignalKind, int, int]] = []
    for phrase in _PHRASES[anchor]:
        kind = phrase.kind
        haystack = folded if _case_sensitive(kind) else low
        # Both find the same matches; a whole-text scan is cheaper once the anchor is common.
        if len(at) * _WINDOW_COST > len(haystack):
            matches = list(phrase.pattern.finditer(haystack))
        else:
            matches = _phrase_matches(phrase, haystack, at)
        for m in matches:
            start = m.start()
            if start == 0 or not _glued(haystack[start - 1]):
                hits.append((kind, start, m.end()))
    return hits


def _case_sensitive(kind: SignalKind) -> bool:
    """True for a kind matched case-sensitively (found by identity, see _KINDS)."""
    for member, _, case_sensitive in _KINDS:
        if member is kind:
            return case_sensitive
    return False


def _phrase_matches(phrase: _Phrase, haystack: str, at: list[int]) -> list[re.Match[str]]:
    """The matches of ``phrase`` a whole-text scan finds that may open a word (and maybe more).

    A match opening a word holds its anchor as a word of its own, so a short search around each
    of the anchor's words finds it: its start lies a known distance before, and the search stops
    one character past its greatest length, so the look-ahead at its end sees the real text.
    A list, not a generator: mypyc compiles a generator into a class and a call per item.
    """
    if phrase.window is None:
        return list(phrase.pattern.finditer(haystack))
    least, most, longest = phrase.window
    found: list[re.Match[str]] = []
    seen: set[int] = set()
    for anchor_at in at:
        first, last = max(0, anchor_at - most), anchor_at - least
        for m in phrase.pattern.finditer(haystack, first, min(len(haystack), last + longest + 1)):
            if m.start() <= last and m.start() not in seen:
                seen.add(m.start())
                found.append(m)
    return found


def _word_hits(
    folded: str,
    low: str,
    found: list[tuple[int, str]],
    taken: set[tuple[SignalKind, int]],
    in_name: Callable[[int], bool],
) -> list[_Hit]:
    """Matches of one-word entries among the ``found`` tokens, skipping kinds a phrase took there.

    A token glued to what precedes it ("3rd", "'tis") is not a word of its own.
    """
    hits: list[_Hit] = []
    taken_at = {a for _, a in taken}  # ints: most tokens are ruled out without hashing a kind
    for start, word in found:
        if word not in _SINGLE or (start and _glued(low[start - 1])):
            continue
        end = start + len(word)
        entry = folded[start:end]  # a token: no white space to collapse
        # A capitalised word inside the sentence is part of a name ("Justice Department"),
        # and so is a capitalised "Our" or "We" there ("Feeding Our Future", "Who We Are"):
        # the writer saying "we" writes it in lower case; "I" is capital everywhere.
        named = folded[start].isupper() and entry not in _ALWAYS_CAPITAL and in_name(start)
        kinds = [] if named and not _opens_clause(folded, start) else list(_EXACT.get(entry, ()))
        if word in _WORDS and not named:
            kinds += _WORDS[word]
        for k in kinds:
            if start not in taken_at or (k, start) not in taken:
                hits.append((k, start, end, entry))
    return hits


# Exact (case-sensitive) entries written with a capital wherever they stand: "I" and its
# contractions, and phrases opening with it; a capital there says nothing about names.
_ALWAYS_CAPITAL: Final = frozenset(e for e in _EXACT if e == "I" or e.startswith(("I'", "I ")))


def _opens_clause(folded: str, at: int) -> bool:
    """True when the word at ``at`` follows a colon, a dash or an opening quote mark: a new
    clause may open there with a capital ("The message was plain: We will not go back")."""
    before = folded[max(0, at - 3) : at].rstrip()
    return (
        bool(before) and before[-1] in ':-"('
    )  # the folded view: dashes are "-", quote marks straight


def _in_name(folded: str, at: int, title_case: bool, sentence_start: int = 0) -> bool:
    """True when a match at ``at`` is capitalised, not the first word, in a sentence-case text."""
    return (
        not title_case
        and folded[at].isupper()
        and bool(_WORD_BEFORE_RE.search(folded, sentence_start, at))
    )


def _title_case(folded: str) -> bool:
    """True for a headline in title case, where capitals say nothing about names."""
    words = _LOWER_OR_UPPER_RE.findall(folded)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) * 4 > len(words) * 3


def _within(part: Span, span: Span) -> bool:
    """True when ``part`` lies inside ``span``."""
    return span.start <= part.start and part.end <= span.end


def _scare_term(q: _AnyQuote, max_words: int) -> bool:
    """A scare quote that reads as a term: the writer holding a word at a distance."""
    return q.kind is QuoteKind.scare and q.depth == 0 and not speech_like(q.span.text, max_words)
