"""From quote pieces placed in the sources to a Verification: status, edits, spans, reasons.

The status is the worst thing found, in the order of :class:`VerificationStatus`: exact <
normalized < ellipsis < minor_edit < altered < spliced; not_found when too few quote words
match. Meaning-changing edits (negation, number, hedge, qualifier) make an edit count as
"altered" whatever words it touches.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import regex

from quotecheck.models import Edit, Span, Verification, VerificationStatus
from quotecheck.offsets import fold, make_span
from quotecheck.verification.alignment import (
    CONTENT,
    MINOR,
    SAME,
    Block,
    expand,
    is_filler,
    is_function,
    is_qualifier,
    judge,
)
from quotecheck.verification.alignment import meaning_of as _meaning_of
from quotecheck.verification.index import ShingleIndex
from quotecheck.verification.quotetext import ParsedQuote, QuoteToken
from quotecheck.verification.turns import Transcript, identity, shown

__all__ = [
    "MAX_GAP_WORDS",
    "MIN_COVERAGE",
    "Placed",
    "Transcripts",
    "not_found",
    "other_speaker_between",
    "spoken_ids",
    "verdict",
]

Transcripts = Callable[[int], Transcript]
"""The speaker turns of document ``n``, read once and kept by the caller."""

MAX_GAP_WORDS = 250  # an ellipsis may skip this many words before the join counts as a splice
MIN_COVERAGE = 0.6  # share of the quote's own words that must match for the quote to be found
_CLAUSE_WORDS = 30  # longest qualifying clause reported after a quote's end

_ORDER = tuple(VerificationStatus)
_LEVEL = {
    SAME: VerificationStatus.normalized,
    MINOR: VerificationStatus.minor_edit,
    CONTENT: VerificationStatus.altered,
}

# Between two source words: does a sentence or paragraph end here?
_SENTENCE_END_RE = regex.compile(
    r"""
    [.?!;]   # a full stop, question or exclamation mark, or a semicolon
    | \n     # a line break (a new paragraph or a new speaker in a transcript)
    """,
    regex.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Placed:
    """A run of quote words placed in one document (``doc`` None when placed nowhere)."""

    tokens: tuple[QuoteToken, ...]
    marker: tuple[int, int] | None  # the ellipsis before this run, if any
    starts_piece: bool  # False when the run was cut from the middle of a piece (a splice)
    doc: int | None
    start: int  # source tokens start:end, document-local
    end: int
    blocks: tuple[Block, ...]
    matched: int  # quote words (not editorial) matched word for word
    cost: int  # word edits in the alignment
    # Edits that only write out a contraction or respell a word ("won't" for "will not"): for
    # choosing between places, they count as matches, not as edits.
    soft_words: int = 0  # quote words in such edits
    soft_cost: int = 0  # the word edits they account for


@dataclass
class _Tally:
    """What the verdict collects while it walks the placed runs."""

    status: VerificationStatus = VerificationStatus.exact
    same: int = 0

    def worst(self, status: VerificationStatus) -> None:
        """Keep the less faithful of the current status and ``status``."""
        if _ORDER.index(status) > _ORDER.index(self.status):
            self.status = status


def not_found(
    parsed: ParsedQuote, quote_id: str | None, reason: str, score: float = 0.0
) -> Verification:
    """Return the verdict for a quote found in no source."""
    return Verification(
        status=VerificationStatus.not_found,
        score=round(score, 1),
        quote=parsed.text,
        quote_id=quote_id,
        reasons=(reason,),
    )


def verdict(
    index: ShingleIndex,
    parsed: ParsedQuote,
    placed: list[Placed],
    quote_id: str | None,
    transcripts: Transcripts,
) -> Verification:
    """Judge a quote from where its pieces were placed."""
    own = [t for p in placed for t in p.tokens if not t.editorial]
    matched = sum(p.matched for p in placed)
    source_words = sum(p.end - p.start for p in placed if p.doc is not None)
    score = 200.0 * matched / max(1, len(own) + source_words)
    if not _found(placed, own, matched + _near_matches(index, placed)):
        share = f"{matched} of {len(own)}"
        return not_found(parsed, quote_id, f"only {share} quote words match any source", score)
    docs = Counter({p.doc: p.matched for p in placed if p.doc is not None})
    main = docs.most_common(1)[0][0]
    tally = _Tally()
    edits: list[Edit] = []
    reasons: list[str] = []
    for n, part in enumerate(placed):
        if n:
            _join(index, parsed, placed[n - 1], part, tally, edits, reasons, transcripts)
        _part_edits(index, parsed, part, tally, edits, reasons, transcripts)
    _marks(parsed, tally, reasons)
    if tally.status == VerificationStatus.exact:
        _exactness(index, parsed, placed, tally, reasons)
    edits.extend(_qualifier_after(index, placed[-1], reasons) if placed[-1].doc == main else ())
    span = _hull(index, main, [p for p in placed if p.doc == main])
    reasons.insert(0, f"best match in {index.names[main]!r} at characters {span.start}-{span.end}")
    return Verification(
        status=tally.status,
        score=round(min(100.0, 200.0 * (matched + tally.same) / (len(own) + source_words)), 1),
        quote=parsed.text,
        quote_id=quote_id,
        source_name=index.names[main],
        source_span=span,
        edits=tuple(edits),
        reasons=tuple(reasons),
    )


def _near_matches(index: ShingleIndex, placed: list[Placed]) -> int:
    """Count quote words inside edits that the source has too ("I have" in "I've")."""
    count = 0
    for p in placed:
        for b in p.blocks:
            if b.op not in ("replace", "insert") or p.doc is None:
                continue
            own = [t.key for t in p.tokens[b.q0 : b.q1] if not t.editorial]
            source = Counter(expand([index.word(i) for i in index.doc_ids(p.doc, b.s0, b.s1)]))
            shared = sum((Counter(expand(own)) & source).values())
            count += min(len(own), shared)
    return count


def _found(placed: list[Placed], own: list[QuoteToken], matched: int) -> bool:
    if not own or matched < min(len(own), 2) or matched < MIN_COVERAGE * len(own):
        return False
    if all(is_function(t.key) for t in own):
        return True
    # A quote of content words is not "found" on the strength of matching "the" and "of".
    return any(
        not is_function(t.key)
        for p in placed
        for b in p.blocks
        if b.op == "equal"
        for t in p.tokens[b.q0 : b.q1]
    )


def _hull(index: ShingleIndex, doc: int, parts: list[Placed]) -> Span:
    off = index.offsets(doc)
    first = min(p.start for p in parts)
    last = max(p.end for p in parts)
    return make_span(index.texts[doc], off.start(first), off.end(max(first, last - 1)))


def _words(index: ShingleIndex, doc: int, start: int, end: int) -> Span | None:
    if end <= start:
        return None
    off = index.offsets(doc)
    return make_span(index.texts[doc], off.start(start), off.end(end - 1))


def _quote_words(parsed: ParsedQuote, tokens: tuple[QuoteToken, ...]) -> Span | None:
    if not tokens:
        return None
    first, last = tokens[0], tokens[-1]
    start = first.bracket[0] if first.bracket else first.start
    end = last.bracket[1] if last.bracket else last.end
    return make_span(parsed.text, start, end)


def _join(
    index: ShingleIndex,
    parsed: ParsedQuote,
    prev: Placed,
    cur: Placed,
    tally: _Tally,
    edits: list[Edit],
    reasons: list[str],
    transcripts: Transcripts,
) -> None:
    """Judge how two neighbouring runs of the quote fit together in the source."""
    if prev.doc is None or cur.doc is None:
        return
    here, there = _show(parsed, prev.tokens), _show(parsed, cur.tokens)
    gap = cur.start - prev.end
    problem = None
    other = None
    if prev.doc == cur.doc and 0 < gap <= MAX_GAP_WORDS and cur.starts_piece:
        other = other_speaker_between(index, transcripts, cur.doc, prev.end, cur.start)
    if prev.doc != cur.doc:
        problem = "come from different documents"
        if not cur.starts_piece:
            problem = "are joined without an ellipsis but " + problem
    elif not cur.starts_piece:
        problem = "are joined without an ellipsis but come from different places"
    elif gap < 0:
        problem = "appear in the opposite order in the source"
    elif gap > MAX_GAP_WORDS:
        problem = f"are {gap} words apart in the source"
    elif other is not None:
        problem = f"come from two turns, with {other!r} speaking between them"
    if problem is not None:
        tally.worst(VerificationStatus.spliced)
        reasons.append(f"{here} and {there} {problem}")
        return
    tally.worst(VerificationStatus.ellipsis)
    if gap == 0:
        return
    keys = [index.word(i) for i in index.doc_ids(cur.doc, prev.end, cur.start)]
    meaning = _gap_meaning(index, cur.doc, prev.end, cur.start, keys)
    marker = make_span(parsed.text, *cur.marker) if cur.marker else None
    source = _words(index, cur.doc, prev.end, cur.start)
    edits.append(_edit("delete", marker, source, meaning))
    reasons.append(f"an ellipsis leaves out {gap} words between {here} and {there}")
    if meaning:
        reasons.append(f"the words left out at the ellipsis carry a {' and a '.join(meaning)}")


def other_speaker_between(
    index: ShingleIndex, transcripts: Transcripts, doc: int, end: int, start: int
) -> str | None:
    """Return the label of another speaker who speaks between tokens ``end - 1`` and ``start``.

    Two stretches of one speaker's words with someone else's turn between them are two
    answers: an ellipsis joining them is a splice. Stage directions are nobody's turn.
    """
    if end <= 0:
        return None
    transcript = transcripts(doc)
    if not transcript.turns:
        return None  # before any offsets: working them out costs more than reading the turns
    off = index.offsets(doc)
    at, to = off.end(end - 1), off.start(start)
    before = transcript.turn_at(at - 1)
    mine = identity(before) if before is not None else None
    for turn in transcript.labels_between(at, to):
        if identity(turn) != mine:
            return shown(turn)
    return None


def spoken_ids(
    index: ShingleIndex, transcripts: Transcripts, doc: int, start: int, end: int
) -> list[int]:
    """Return the word ids of tokens ``start:end``, without words inside stage directions."""
    ids = index.doc_ids(doc, start, end)
    if not ids:
        return ids
    off = index.offsets(doc)
    text = index.texts[doc]
    at, to = max(0, off.start(start) - 1), off.end(end - 1) + 1
    if text.find("[", at, to) < 0 and text.find("(", at, to) < 0:
        return ids  # no bracket, no stage direction
    transcript = transcripts(doc)
    if not transcript.directions:
        return ids
    return [i for k, i in enumerate(ids, start) if not transcript.in_direction(off.start(k))]


def _gap_meaning(
    index: ShingleIndex, doc: int, start: int, end: int, keys: list[str]
) -> tuple[str, ...]:
    """What the words an ellipsis leaves out do to the meaning, within one sentence only."""
    off = index.offsets(doc)
    if _SENTENCE_END_RE.search(
        index.texts[doc], off.end(start - 1) if start else 0, off.start(end)
    ):
        return ()  # whole sentences left out: what they said is not part of this one
    return tuple(m for m in _meaning_of([], keys) if m != "number")


def _show(parsed: ParsedQuote, tokens: tuple[QuoteToken, ...]) -> str:
    span = _quote_words(parsed, tokens)
    words = span.text if span else ""
    return repr(words if len(words) <= 40 else words[:37] + "...")


def _edit(op: str, quote: Span | None, source: Span | None, meaning: tuple[str, ...] = ()) -> Edit:
    return Edit.model_validate(
        {
            "op": op,
            "quote_words": quote.text if quote else "",
            "source_words": source.text if source else "",
            "quote_span": quote,
            "source_span": source,
            "meaning": meaning,
        }
    )


def _part_edits(
    index: ShingleIndex,
    parsed: ParsedQuote,
    part: Placed,
    tally: _Tally,
    edits: list[Edit],
    reasons: list[str],
    transcripts: Transcripts,
) -> None:
    """Judge every difference inside one placed run."""
    for block in part.blocks:
        if block.op == "equal":
            continue
        tokens = part.tokens[block.q0 : block.q1]
        s_ids = index.doc_ids(part.doc, block.s0, block.s1) if part.doc is not None else []
        if part.doc is not None and block.q1 == block.q0:
            s_ids = spoken_ids(index, transcripts, part.doc, block.s0, block.s1)
        s_keys = [index.word(i) for i in s_ids]
        q_keys = [t.key for t in tokens if not t.editorial]
        quote, source = _quote_words(parsed, tokens), None
        if part.doc is not None:
            source = _words(index, part.doc, block.s0, block.s1)
        if any(t.editorial for t in tokens) and set(expand(q_keys)) <= set(expand(s_keys)):
            tally.worst(VerificationStatus.ellipsis)
            edits.append(_edit(block.op, quote, source))
            continue
        context = _context(index, part, block, s_ids)
        judgement = judge(q_keys, s_keys, stutter=context[0], annotation=context[1])
        tally.worst(_LEVEL[judgement.level])
        words = _show(parsed, tokens) if tokens else repr(source.text if source else "")
        if judgement.level == SAME:
            tally.same += len(q_keys)
            reasons.append(f"{words}: {judgement.note}")
            continue
        edits.append(_edit(block.op, quote, source, judgement.meaning))
        extra = f" ({', '.join(judgement.meaning)})" if judgement.meaning else ""
        reasons.append(f"{block.op} {words}: {judgement.note}{extra}")


def _context(
    index: ShingleIndex, part: Placed, block: Block, s_ids: list[int]
) -> tuple[bool, bool]:
    """Return (a repeated word left out, a bracketed transcript note left out) for a deletion."""
    if part.doc is None or block.q1 > block.q0 or not s_ids:
        return False, False
    # "we may, uh, we may send": the words left out, fillers aside, repeat their neighbours.
    said = [i for i in s_ids if not is_filler(index.word(i))]
    width = len(said)
    after = index.doc_ids(part.doc, block.s1, block.s1 + width)
    before = index.doc_ids(part.doc, block.s0 - width, block.s0) if block.s0 >= width else []
    stutter = bool(said) and said in (after, before)
    off = index.offsets(part.doc)
    text = index.texts[part.doc]
    at, to = off.start(block.s0), off.end(block.s1 - 1)
    left = text[max(0, at - 20) : at].rstrip()[-1:]
    right = text[to : to + 20].lstrip()[:1]
    return stutter, (left, right) in (("[", "]"), ("(", ")"))


def _marks(parsed: ParsedQuote, tally: _Tally, reasons: list[str]) -> None:
    if "sic" in parsed.marks:
        tally.worst(VerificationStatus.ellipsis)
        reasons.append("(sic) marks an error kept from the source")
    editorial = [t for t in parsed.tokens if t.editorial]
    if editorial:
        tally.worst(VerificationStatus.ellipsis)
        shown = _show(parsed, tuple(editorial))
        reasons.append(f"[brackets] mark words the editor put in: {shown}")
    if any(t.recased for t in parsed.tokens):
        tally.worst(VerificationStatus.ellipsis)
        reasons.append("[bracketed] letters mark a change of case or ending")
    if "ellipsis" in parsed.marks:
        tally.worst(VerificationStatus.ellipsis)


def _exactness(
    index: ShingleIndex,
    parsed: ParsedQuote,
    placed: list[Placed],
    tally: _Tally,
    reasons: list[str],
) -> None:
    """Tell exact from normalized: compare the characters, not only the words."""
    part = placed[0]
    if part.doc is None:
        return
    quote = parsed.text[part.tokens[0].start : part.tokens[-1].end]
    source_span = _hull(index, part.doc, [part])
    source = source_span.text
    tail_q = set(parsed.text[part.tokens[-1].end :]) & set("?!")
    tail_s = set(index.texts[part.doc][source_span.end : source_span.end + 2]) & set("?!")
    if quote == source and tail_q == tail_s:
        return
    tally.worst(VerificationStatus.normalized)
    if quote == source:
        reasons.append("only the end punctuation differs")
    elif fold(quote) == fold(source):
        reasons.append("only quote marks, dashes or spaces differ")
    elif fold(quote).casefold() == fold(source).casefold():
        reasons.append("only letter case differs")
    else:
        reasons.append("only punctuation, spacing or case differs")


def _qualifier_after(index: ShingleIndex, last: Placed, reasons: list[str]) -> list[Edit]:
    """Report a qualifying clause ("but only if …") that the source adds right after the quote."""
    doc = last.doc
    if doc is None or last.end >= index.doc_length(doc) or last.end == 0:
        return []
    off = index.offsets(doc)
    text = index.texts[doc]
    if _SENTENCE_END_RE.search(text, off.end(last.end - 1), off.start(last.end)):
        return []
    if not is_qualifier(index.word(index.doc_ids(doc, last.end, last.end + 1)[0])):
        return []
    stop = last.end + 1
    limit = min(index.doc_length(doc), last.end + _CLAUSE_WORDS)
    while stop < limit and not _SENTENCE_END_RE.search(text, off.end(stop - 1), off.start(stop)):
        stop += 1
    clause = make_span(text, off.start(last.end), off.end(stop - 1))
    reasons.append(f"the source goes on with a qualifier the quote leaves out: {clause.text!r}")
    return [_edit("delete", None, clause, ("qualifier",))]
