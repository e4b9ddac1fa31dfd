"""A word-pair (shingle) index over source documents, for finding where a quote may come from.

Every word of every document gets one 62-bit integer: the id of the word, the id of the word
after it, and its position, packed high to low. The integers are sorted once. Looking up a word
pair is then a binary search for a prefix, and a single word is a shorter prefix, so a lookup
costs O(log n) plus the number of hits however many documents there are; the whole index is
one ``array('q')`` of 8 bytes per word.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from .errors import SourceDocumentError
from .quotetext import text_keys, token_offsets

__all__ = ["Candidate", "ShingleIndex"]

_SEPARATOR = -1  # between documents: matches no quote word, so no pair spans two documents
_RARE = 400  # pairs seen more often than this are too common to place a quote by themselves
_BUDGET = 4000  # most hits examined per piece; the rarest pairs are read first


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
        for text in self.texts:
            starts.append(len(ids))
            ids.extend([vocab.setdefault(k, len(vocab)) for k in text_keys(text)])
            ids.append(_SEPARATOR)
        self._vocab = vocab
        self._words = [""] * len(vocab)
        for word, number in vocab.items():
            self._words[number] = word
        self._ids = ids
        self._doc_starts = starts
        self._offsets: dict[int, tuple[list[int], list[int]]] = {}
        pos_bits = max(1, len(ids).bit_length())
        self._bits_b = (62 - pos_bits) // 2
        self._shift_a = self._bits_b + pos_bits
        self._shift_b = pos_bits
        self._mask_a = (1 << (62 - pos_bits - self._bits_b)) - 1
        self._mask_b = (1 << self._bits_b) - 1
        self._mask_pos = (1 << pos_bits) - 1
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

    def offsets(self, doc: int) -> tuple[list[int], list[int]]:
        """Return token start and end offsets of document ``doc`` (computed once, on demand)."""
        found = self._offsets.get(doc)
        if found is None:
            found = token_offsets(self.texts[doc])
            self._offsets[doc] = found
        return found

    # ------------------------------------------------------------------ lookup

    def _range(self, a: int, b: int | None) -> tuple[int, int]:
        if b is None:
            low = (a & self._mask_a) << self._shift_a
            high = low + (1 << self._shift_a)
        else:
            low = ((a & self._mask_a) << self._shift_a) | ((b & self._mask_b) << self._shift_b)
            high = low + (1 << self._shift_b)
        return bisect_left(self._packed, low), bisect_left(self._packed, high)

    def _anchors(self, ids: Sequence[int]) -> list[tuple[int, int, int]]:
        """Return (quote position, global position, words covered) of every verified hit."""
        pairs = [
            (i, ids[i], ids[i + 1]) for i in range(len(ids) - 1) if min(ids[i], ids[i + 1]) >= 0
        ]
        ranges = self._ranges(pairs)
        if not ranges:
            ranges = self._ranges([(i, a, None) for i, a in enumerate(ids) if a >= 0])
        anchors: list[tuple[int, int, int]] = []
        seen = 0
        for count, lo, hi, i, a, b in ranges:
            if seen and (count > _RARE or seen + count > _BUDGET):
                break
            seen += count
            for k in range(lo, hi):
                pos = self._packed[k] & self._mask_pos
                if self._ids[pos] == a and (b is None or self._ids[pos + 1] == b):
                    anchors.append((i, pos, 1 if b is None else 2))
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
        anchors.sort(key=lambda x: (self._doc_of(x[1]), x[1] - x[0], x[0]))
        groups: list[list[tuple[int, int, int]]] = [[anchors[0]]]
        for prev, cur in pairwise(anchors):
            same_doc = self._doc_of(prev[1]) == self._doc_of(cur[1])
            if same_doc and (cur[1] - cur[0]) - (prev[1] - prev[0]) <= tolerance:
                groups[-1].append(cur)
            else:
                groups.append([cur])
        found = [self._candidate(g, m) for g in groups]
        found.sort(key=lambda c: (-c.support, c.doc, c.start))
        return found[:limit]

    def _doc_of(self, pos: int) -> int:
        return bisect_right(self._doc_starts, pos) - 1

    def _candidate(self, group: list[tuple[int, int, int]], m: int) -> Candidate:
        covered = {i + k for i, _, width in group for k in range(width)}
        doc = self._doc_of(group[0][1])
        base = self._doc_starts[doc]
        first = min(group, key=lambda x: (x[0], x[1]))
        last = max(group, key=lambda x: (x[0] + x[2], x[1]))
        tight_start = first[1] - base - first[0]
        tight_end = last[1] - base + last[2] + (m - last[0] - last[2])
        slack_start = 0 if first[0] == 0 else 2 + first[0] // 2
        slack_end = 0 if last[0] + last[2] >= m else 2 + (m - last[0] - last[2]) // 2
        length = self.doc_length(doc)
        return Candidate(
            doc=doc,
            start=max(0, tight_start - slack_start),
            end=min(length, tight_end + slack_end),
            support=len(covered),
            tight_start=max(0, tight_start),
            tight_end=min(length, tight_end),
        )
