"""A paraphrase presented as a quote: the gist is in the source, the words are not.

When too few of a quote's words match for it to be *found*, :func:`find_gist` looks for one
short passage that holds most of the quote's content words (any inflection or spelling: "opened"
for "open", "colour" for "color"). A clear passage makes the quote ``altered``, with the
passage shown; an invented quote, whose content words are absent or scattered over the source,
stays ``not_found``; so does a quote none of whose content words is in the sources as written.

The thresholds are chosen so that a quote needs both: at least :data:`MIN_CONTENT` content words
in the passage, and at least :data:`MIN_SHARE` of all its content words. A quote that shares its
topic with the source ("library", "year") but says something else shares two or three content
words, not most of them.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import regex

from quotecheck.models import Edit, Span, Verification, VerificationStatus
from quotecheck.offsets import make_span
from quotecheck.verification.alignment import (
    Block,
    is_filler,
    is_function,
    meaning_of,
    same_word,
    word_forms,
)
from quotecheck.verification.index import ShingleIndex
from quotecheck.verification.quotetext import ParsedQuote, QuoteToken
from quotecheck.verification.verdict import Placed, Transcripts

__all__ = ["MIN_CONTENT", "MIN_SHARE", "Gist", "find_gist", "gist_verdict"]

MIN_CONTENT = 3  # content words a passage must share with the quote
MIN_SHARE = 0.6  # share of the quote's content words the passage must hold
_MAX_HITS = 2_000  # a word seen more often than this places nothing
_SENTENCE_CHARS = 300  # how far the shown passage may reach out to its sentence's ends

# Where a sentence (or a speaker's line) ends, for showing whole sentences.
_BOUNDARY_RE = regex.compile(r"[.?!;]\s|\n")


@dataclass(frozen=True, slots=True)
class Gist:
    """One passage holding most of a quote's content words."""

    doc: int
    tokens: tuple[int, ...]  # source tokens that match a content word, in order
    shared: tuple[QuoteToken, ...]  # the quote's content words found there
    content: int  # the quote's content words in all


def _content(parsed: ParsedQuote) -> list[QuoteToken]:
    seen: set[str] = set()
    out = []
    for t in parsed.tokens:
        if t.editorial or is_function(t.key) or is_filler(t.key) or t.key in seen:
            continue
        seen.add(t.key)
        out.append(t)
    return out


def _hits(
    index: ShingleIndex, transcripts: Transcripts, content: list[QuoteToken]
) -> list[tuple[int, int, int, int]]:
    """Return (document, turn, token, content word) of every source word that is a content word.

    ``turn`` numbers the speaker turn holding the word (-1 outside turns): a passage is one
    speaker's, and the words of a speaker label are nobody's.
    """
    hits = []
    for k, token in enumerate(content):
        for form in word_forms(token.key):
            word_id = index.word_id(form)
            if word_id is None or not same_word(token.key, form):
                continue
            for doc, pos in index.positions(word_id, _MAX_HITS) or ():
                turn = _turn_number(index, transcripts, doc, pos)
                if turn is not None:
                    hits.append((doc, turn, pos, k))
    hits.sort()
    return hits


def _turn_number(index: ShingleIndex, transcripts: Transcripts, doc: int, pos: int) -> int | None:
    transcript = transcripts(doc)
    if not transcript.turns:
        return -1
    at = index.offsets(doc).start(pos)
    turn = transcript.turn_at(at)
    if turn is None:
        return -1 if at < transcript.turns[0].label_start else None  # None: inside a label
    return turn.label_start if at >= turn.start else None


def find_gist(index: ShingleIndex, parsed: ParsedQuote, transcripts: Transcripts) -> Gist | None:
    """Return the one short passage that holds most of the quote's content words, if any.

    A sliding window of twice the quote's length runs over the hits of each speaker turn, so
    the search is linear in the hits (each word looked up has at most 2,000).
    """
    content = _content(parsed)
    need = max(MIN_CONTENT, math.ceil(MIN_SHARE * len(content)))
    if len(content) < MIN_CONTENT or all(index.word_id(t.key) is None for t in content):
        return None  # not one content word as written: words made up, not a paraphrase
    hits = _hits(index, transcripts, content)
    width = max(8, 2 * len(parsed.tokens))
    best: tuple[int, int, int] | None = None  # (distinct words, -span, -first hit index)
    bounds = (0, 0)
    counts: Counter[int] = Counter()
    lo = 0
    for hi, (doc, turn, pos, k) in enumerate(hits):
        counts[k] += 1
        while hits[lo][:2] != (doc, turn) or pos - hits[lo][2] >= width:
            counts[hits[lo][3]] -= 1
            if not counts[hits[lo][3]]:
                del counts[hits[lo][3]]
            lo += 1
        score = (len(counts), hits[lo][2] - pos, -lo)
        if best is None or score > best:
            best, bounds = score, (lo, hi + 1)
    if best is None or best[0] < need:
        return None
    window = hits[bounds[0] : bounds[1]]
    shared = sorted({h[3] for h in window})
    return Gist(
        window[0][0],
        tuple(sorted({h[2] for h in window})),
        tuple(content[k] for k in shared),
        len(content),
    )


def gist_verdict(
    index: ShingleIndex,
    parsed: ParsedQuote,
    gist: Gist,
    quote_id: str | None,
    transcripts: Transcripts,
) -> tuple[Verification, list[Placed]]:
    """Return the ``altered`` verdict for a paraphrase, and its words placed for the speaker."""
    passage = _passage(index, gist, transcripts)
    source_keys = [index.word(i) for i in index.doc_ids(gist.doc, *_token_range(index, gist))]
    own = [t.key for t in parsed.tokens if not t.editorial]
    quote_span = make_span(parsed.text, parsed.tokens[0].start, parsed.tokens[-1].end)
    edit = Edit(
        op="replace",
        quote_words=quote_span.text,
        source_words=passage.text,
        quote_span=quote_span,
        source_span=passage,
        meaning=meaning_of(own, source_keys),
    )
    words = ", ".join(repr(t.key) for t in gist.shared)
    reasons = (
        f"best match in {index.names[gist.doc]!r} at characters {passage.start}-{passage.end}",
        f"the quoted words are not in the source, but {len(gist.shared)} of the quote's "
        f"{gist.content} content words are, in one passage ({words}): a paraphrase "
        f"presented as a quote",
    )
    score = 200.0 * len(gist.shared) / (len(own) + len(source_keys))
    found = Verification(
        status=VerificationStatus.altered,
        score=round(min(score, 100.0), 1),
        quote=parsed.text,
        quote_id=quote_id,
        source_name=index.names[gist.doc],
        source_span=passage,
        edits=(edit,),
        reasons=reasons,
    )
    blocks = tuple(Block("equal", t, t + 1, 0, 0) for t in gist.tokens)
    placed = Placed((), None, True, gist.doc, gist.tokens[0], gist.tokens[-1] + 1, blocks, 0, 0)
    return found, [placed]


def _token_range(index: ShingleIndex, gist: Gist) -> tuple[int, int]:
    return gist.tokens[0], gist.tokens[-1] + 1


def _passage(index: ShingleIndex, gist: Gist, transcripts: Transcripts) -> Span:
    """Return the sentence or sentences around the passage's words, as a Span of the source."""
    text = index.texts[gist.doc]
    off = index.offsets(gist.doc)
    start, end = off.start(gist.tokens[0]), off.end(gist.tokens[-1])
    left = [m.end() for m in _BOUNDARY_RE.finditer(text, max(0, start - _SENTENCE_CHARS), start)]
    right = _BOUNDARY_RE.search(text, end, min(len(text), end + _SENTENCE_CHARS))
    turn = transcripts(gist.doc).turn_at(start)
    lo = left[-1] if left else (turn.start if turn is not None else start)
    hi = right.start() + 1 if right and right.group() != "\n" else (right.start() if right else end)
    if turn is not None:  # the speaker's words only, not their label
        lo, hi = max(lo, turn.start), min(hi, turn.end)
    piece = text[lo:hi]
    lo += len(piece) - len(piece.lstrip())
    hi = lo + len(text[lo:hi].rstrip())
    return make_span(text, lo, hi)
