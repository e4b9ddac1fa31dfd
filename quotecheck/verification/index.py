"""A word-pair (shingle) index over source documents, for finding where a quote may come from.

Every word of every document gets one 62-bit integer: the id of the word, the id of the word
after it, and its position, packed high to low. The integers are sorted once. Looking up a word
pair is then a binary search for a prefix, and a single word is a shorter prefix, so a lookup
costs O(log n) plus the number of hits however many documents there are; the whole index is
one ``array('q')`` of 8 bytes per word.
"""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

import regex

from quotecheck.errors import SourceDocumentError
from quotecheck.verification.quotetext import text_keys, token_offsets

__all__ = ["Candidate", "ShingleIndex", "TokenOffsets"]

_ENTRY_BITS = 62  # one index entry: word id, next word id and position, packed in an int64
_SEPARATOR = -1  # between documents: matches no quote word, so no pair spans two documents
_RARE = 400  # pairs seen more often than this are too common to place a quote by themselves
_BUDGET = 4000  # most hits examined per piece; the rarest pairs are read first
_FIRST_BUDGET = 20_000  # a piece whose rarest pair is commoner than this cannot be placed
# Characters tokenised at a time when offsets are needed. A quote needs the offsets of a few
# dozen words, so a small chunk tokenises little beyond them: 4,000 -> 500 cut the instructions
# of verifying bench_verify's quotes by 23% (2 MB of news); the index build is unchanged.
_CHUNK = 500

# White space: a chunk boundary there cuts no token.
_SPACE_RE = regex.compile(r"\s")


def _next_chunk(text: str, at: int) -> int:
    """Return where the chunk starting at ``at`` ends: at white space, so no token is cut."""
    if len(text) - at <= _CHUNK:
        return len(text)
    match = _SPACE_RE.search(text, at + _CHUNK)
    return match.start() if match else len(text)


def _chunk_starts(text: str) -> list[int]:
    starts = [0]
    while (end := _next_chunk(text, starts[-1])) < len(text):
        starts.append(end)
    return starts


class TokenOffsets:
    """Character offsets of a document's tokens, worked out one chunk at a time on demand.

    Tokenising a 10 MB transcript with offsets takes seconds; a quote needs the offsets of a
    few dozen words, so only the chunks (about 500 characters each) those words fall in are
    tokenised.
    """

    def __init__(self, text: str, chunks: list[tuple[int, int]]) -> None:
        self._text = text
        self._chunks = chunks
        self._token_starts = [first for _, first in chunks]
        self._done: dict[int, tuple[list[int], list[int], int]] = {}

    def _locate(self, k: int) -> tuple[list[int], list[int], int]:
        n = bisect_right(self._token_starts, k) - 1
        found = self._done.get(n)
        if found is None:
            at, first = self._chunks[n]
            end = _next_chunk(self._text, at)
            starts, ends = token_offsets(self._text[at:end])
            found = ([at + s for s in starts], [at + e for e in ends], first)
            self._done[n] = found
        return found

    def start(self, k: int) -> int:
        """Return the offset of the first character of token ``k``."""
        starts, _, first = self._locate(k)
        return starts[k - first]

    def end(self, k: int) -> int:
        """Return the offset one past the last character of token ``k``."""
        _, ends, first = self._locate(k)
        return ends[k - first]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place in one document where a run of quote words may come from."""

    doc: int
    start: int  # first token of the window to align against (document-local)
    end: int  # one past the last token
    support: int  # quote words covered by matching word pairs there
    tight_start: int  # the window without slack, for a second look when slack misleads
    tight_end: int


class ShingleIndex:
    """Source documents tokenised once, with a sorted word-pair index over all of them."""

    def __init__(self, sources: Mapping[str, str]) -> None:
        if not isinstance(sources, Mapping):
            msg = (
                f"sources must be a mapping of document name to text, got "
                f"{type(sources).__name__}: pass e.g. {{'briefing.txt': text}}"
            )
            raise SourceDocumentError(msg)
        if not sources:
            msg = "sources is empty: pass at least one document, e.g. {'briefing.txt': text}"
            raise SourceDocumentError(msg)
        names: list[str] = []
        texts: list[str] = []
        for name, text in sources.items():
            if not isinstance(name, str) or not isinstance(text, str):
                msg = (
                    f"source {name!r} must map a str name to str text, got "
                    f"{type(name).__name__} -> {type(text).__name__}: decode files first"
                )
                raise SourceDocumentError(msg, name=str(name))
            names.append(name)
            texts.append(text)
        self.names: tuple[str, ...] = tuple(names)
        self.texts: tuple[str, ...] = tuple(texts)
        self._build()

    def _build(self) -> None:
        vocab: dict[str, int] = {}
        ids = array("q")
        starts: list[int] = []
        self._chunks: list[list[tuple[int, int]]] = []
        for text in self.texts:
            starts.append(len(ids))
            chunks = []
            for at in _chunk_starts(text):
                chunks.append((at, len(ids) - starts[-1]))
                end = _next_chunk(text, at)
                ids.extend([vocab.setdefault(k, len(vocab)) for k in text_keys(text[at:end])])
            self._chunks.append(chunks)
            ids.append(_SEPARATOR)
        self._vocab = vocab
        self._words = [""] * len(vocab)
        for word, number in vocab.items():
            self._words[number] = word
        self._ids = ids
        self._doc_starts = starts
        self._offsets: dict[int, TokenOffsets] = {}
        pos_bits = max(1, len(ids).bit_length())
        self._bits_b = (_ENTRY_BITS - pos_bits) // 2
        self._shift_a = self._bits_b + pos_bits
        self._shift_b = pos_bits
        self._mask_a = (1 << (_ENTRY_BITS - pos_bits - self._bits_b)) - 1
        self._mask_b = (1 << self._bits_b) - 1
        self._mask_pos = (1 << pos_bits) - 1
        # When every word id fits the bits it is packed in (the id after a document's last word,
        # -1, packs as the all-ones pattern, which no word then has), a prefix hit is the pair
        # itself and needs no check against the words.
        self._exact = len(vocab) < self._mask_b
        nxt = ids[1:]
        nxt.append(_SEPARATOR)
        mask_a, mask_b, sa, sb = self._mask_a, self._mask_b, self._shift_a, self._shift_b
        packed = [
            ((a & mask_a) << sa) | ((b & mask_b) << sb) | j
            for j, (a, b) in enumerate(zip(ids, nxt, strict=True))
            if a >= 0
        ]
        packed.sort()
        self._packed = array("q", packed)

    # ------------------------------------------------------------------ words and offsets

    def word_id(self, key: str) -> int | None:
        """Return the id of a word key, or None when no document has it."""
        return self._vocab.get(key)

    def word(self, word_id: int) -> str:
        """Return the key of word ``word_id``."""
        return self._words[word_id]

    def doc_ids(self, doc: int, start: int = 0, end: int | None = None) -> list[int]:
        """Return the word ids of document ``doc`` from token ``start`` to ``end``."""
        base = self._doc_starts[doc]
        length = self.doc_length(doc)
        stop = length if end is None else min(end, length)
        return list(self._ids[base + max(0, start) : base + stop])

    def doc_length(self, doc: int) -> int:
        """Return the number of tokens of document ``doc``."""
        nxt = self._doc_starts[doc + 1] if doc + 1 < len(self._doc_starts) else len(self._ids)
        return nxt - 1 - self._doc_starts[doc]

    def offsets(self, doc: int) -> TokenOffsets:
        """Return the character offsets of the tokens of document ``doc``."""
        found = self._offsets.get(doc)
        if found is None:
            found = TokenOffsets(self.texts[doc], self._chunks[doc])
            self._offsets[doc] = found
        return found

    # ------------------------------------------------------------------ lookup

    def positions(self, word_id: int, limit: int) -> list[tuple[int, int]] | None:
        """Return (document, token) of every occurrence of a word; None if over ``limit``."""
        lo, hi = self._range(word_id, None)
        if hi - lo > limit:
            return None
        packed, mask, words = self._packed, self._mask_pos, self._ids
        out = []
        for k in range(lo, hi):
            pos = packed[k] & mask
            if self._exact or words[pos] == word_id:  # see _anchors
                doc = self._doc_of(pos)
                out.append((doc, pos - self._doc_starts[doc]))
        return out

    def _range(self, a: int, b: int | None) -> tuple[int, int]:
        if b is None:
            low = (a & self._mask_a) << self._shift_a
            high = low + (1 << self._shift_a)
        else:
            low = ((a & self._mask_a) << self._shift_a) | ((b & self._mask_b) << self._shift_b)
            high = low + (1 << self._shift_b)
        return bisect_left(self._packed, low), bisect_left(self._packed, high)

    def _anchors(self, ids: Sequence[int]) -> list[tuple[int, int, int, int]]:
        """Return (diagonal, quote position, global position, words covered) of every hit."""
        pairs = [
            (i, ids[i], ids[i + 1]) for i in range(len(ids) - 1) if min(ids[i], ids[i + 1]) >= 0
        ]
        ranges = self._ranges(pairs)
        if not ranges:
            ranges = self._ranges([(i, a, None) for i, a in enumerate(ids) if a >= 0])
        anchors: list[tuple[int, int, int, int]] = []
        seen = 0
        packed, words, mask = self._packed, self._ids, self._mask_pos
        for count, lo, hi, i, a, b in ranges:
            if count > _FIRST_BUDGET or (seen and (count > _RARE or seen + count > _BUDGET)):
                break
            seen += count
            hits = [p & mask for p in packed[lo:hi]]
            if not self._exact:  # ids packed in too few bits collide: check the words at each hit
                hits = [p for p in hits if words[p] == a and (b is None or words[p + 1] == b)]
            width = 1 if b is None else 2
            anchors += [(p - i, i, p, width) for p in hits]
        return anchors

    def _ranges(
        self, lookups: Sequence[tuple[int, int, int | None]]
    ) -> list[tuple[int, int, int, int, int, int | None]]:
        """Return (hits, lo, hi, quote position, id, next id) per lookup with hits, rarest first."""
        found = []
        for i, a, b in lookups:
            lo, hi = self._range(a, b)
            if hi > lo:
                found.append((hi - lo, lo, hi, i, a, b))
        found.sort(key=lambda r: (r[0], r[3]))
        return found

    def candidates(self, ids: Sequence[int], limit: int = 4) -> list[Candidate]:
        """Return up to ``limit`` places a run of quote word ids may come from, best first."""
        anchors = self._anchors(ids)
        if not anchors:
            return []
        m = len(ids)
        tolerance = max(4, m // 3)
        anchors.sort()
        # Hits on nearby diagonals are one passage (words added or left out shift the diagonal).
        groups: list[list[tuple[int, int, int, int]]] = [[anchors[0]]]
        for prev, cur in pairwise(anchors):
            if cur[0] - prev[0] <= tolerance:
                groups[-1].append(cur)
            else:
                groups.append([cur])
        # Most groups are one hit: their keys are built inline and compared as plain tuples (the
        # group's number breaks ties, as nsmallest's order of input did), not through a key call.
        keys = [
            (-(g[0][3] if len(g) == 1 else _support(g)), g[0][2], n) for n, g in enumerate(groups)
        ]
        best = [groups[n] for _, _, n in heapq.nsmallest(limit * 2, keys)]
        found: list[Candidate] = []
        for group in best:
            found.extend(self._candidate(part, m) for part in self._by_document(group))
        found.sort(key=lambda c: (-c.support, c.doc, c.start))
        return found[:limit]

    def _by_document(
        self, group: list[tuple[int, int, int, int]]
    ) -> list[list[tuple[int, int, int, int]]]:
        """Split a group of hits that runs over the end of one document into the next."""
        if self._doc_of(group[0][2]) == self._doc_of(group[-1][2]):
            return [group]
        parts: dict[int, list[tuple[int, int, int, int]]] = {}
        for anchor in group:
            parts.setdefault(self._doc_of(anchor[2]), []).append(anchor)
        return list(parts.values())

    def _doc_of(self, pos: int) -> int:
        return bisect_right(self._doc_starts, pos) - 1

    def _candidate(self, group: list[tuple[int, int, int, int]], m: int) -> Candidate:
        doc = self._doc_of(group[0][2])
        base = self._doc_starts[doc]
        _, i0, p0, _ = min(group, key=lambda x: (x[1], x[2]))
        _, i1, p1, w1 = max(group, key=lambda x: (x[1] + x[3], x[2]))
        tight_start = p0 - base - i0
        tight_end = p1 - base + w1 + (m - i1 - w1)
        slack_start = 0 if i0 == 0 else 2 + i0 // 2
        slack_end = 0 if i1 + w1 >= m else 2 + (m - i1 - w1) // 2
        length = self.doc_length(doc)
        return Candidate(
            doc=doc,
            start=max(0, tight_start - slack_start),
            end=min(length, tight_end + slack_end),
            support=_support(group),
            tight_start=max(0, tight_start),
            tight_end=min(length, tight_end),
        )


def _support(group: list[tuple[int, int, int, int]]) -> int:
    """Return how many quote words a group of hits covers."""
    if len(group) == 1:
        return group[0][3]
    return len({i + k for _, i, _, width in group for k in range(width)})
