"""Quote verification: is a quote faithful to its source documents, and what was changed?

Two steps, as in :mod:`index` and :mod:`alignment`: the word-pair
index proposes a few places for each piece of the quote (pieces are cut at ellipses), then a
word-level alignment at each place says which words match. Pieces are placed together (in
order, in one document, where possible); a stretch of quote words that fits better elsewhere is
an unmarked splice. :mod:`verdict` turns the placed pieces into a
:class:`~quotecheck.models.Verification`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz.distance import Levenshtein

from quotecheck.errors import (
    InputError,
    InputTypeError,
    SourceDocumentError,
    require_optional_text,
    require_text,
)
from quotecheck.models import (
    Analysis,
    Flag,
    FlagKind,
    Quote,
    Severity,
    Source,
    Span,
    Verification,
    VerificationStatus,
)
from quotecheck.verification.alignment import (
    Block,
    align,
    block_cost,
    expand,
    is_function,
    judge,
    realign,
    respelt,
    with_editorial,
)
from quotecheck.verification.gist import find_gist, gist_verdict
from quotecheck.verification.index import Candidate, ShingleIndex
from quotecheck.verification.quotetext import ParsedQuote, QuoteToken, parse_quote
from quotecheck.verification.speakercheck import check_speaker, credited
from quotecheck.verification.turns import Speaker, Transcript, find_turns, same_speaker
from quotecheck.verification.verdict import (
    MAX_GAP_WORDS,
    Placed,
    not_found,
    other_speaker_between,
    verdict,
)

__all__ = ["MAX_GAP_WORDS", "SourceIndex", "misattribution_flags", "verify", "verify_quote"]

_OPTIONS = 4  # places tried per piece
_SPLICE_PENALTY = 2  # edits an unmarked splice must save before it is preferred
_MIN_RUN = 3  # quote words a spliced-in stretch needs at least
_EDGE_WORDS = 4  # most source words an edge edit may give back (the window's slack is small)
_SHORT_FORMS = frozenset(["cannot", "gonna", "wanna", "gotta", "lemme", "gimme", "kinda", "sorta"])
_SPEAKER_BONUS = 0.3  # a place in the credited speaker's turns wins a tie (under one word)
_NEAR_BONUS = 0.25  # between equally good places for a piece, the nearer wins (under one word)


@dataclass(frozen=True, slots=True)
class _Run:
    """A run of quote words and the ids they align with (editorial words match nothing)."""

    tokens: tuple[QuoteToken, ...]
    ids: tuple[int, ...]  # for the alignment: a word no source has gets an id of its own
    seek: tuple[int, ...]  # for the index: editorial words are not looked up
    marker: tuple[int, int] | None
    # Read once per run, not at each of the places it is aligned with: the quote's own
    # (not editorial) words, their ids and keys, and which tokens are editorial.
    own_ids: list[int] = field(default_factory=list)
    own_keys: list[str] = field(default_factory=list)
    editorial: list[bool] = field(default_factory=list)
    real: list[bool] = field(default_factory=list)  # not editorial


def _make_run(
    tokens: tuple[QuoteToken, ...],
    ids: tuple[int, ...],
    seek: tuple[int, ...],
    marker: tuple[int, int] | None,
) -> _Run:
    editorial = [t.editorial for t in tokens]
    own = [k for k, flag in enumerate(editorial) if not flag]
    return _Run(
        tokens,
        ids,
        seek,
        marker,
        [ids[k] for k in own],
        [tokens[k].key for k in own],
        editorial,
        [not flag for flag in editorial],
    )


class SourceIndex:
    """Source documents indexed once, to verify many quotes (from many articles) against them.

    >>> index = SourceIndex({"briefing": "We will not send ground troops, the minister said."})
    >>> index.verify_quote("We will send ground troops").status.value
    'altered'
    """

    def __init__(self, sources: Mapping[str, str]) -> None:
        self._index = ShingleIndex(sources)
        self._transcripts: dict[int, Transcript] = {}
        self._docs = {name: n for n, name in enumerate(self._index.names)}

    @property
    def names(self) -> tuple[str, ...]:
        """The document names, in the order given."""
        return self._index.names

    def transcript(self, doc: int) -> Transcript:
        """Return the speaker turns of document ``doc``, read on first use."""
        found = self._transcripts.get(doc)
        if found is None:
            found = find_turns(self._index.texts[doc])
            self._transcripts[doc] = found
        return found

    def verify_quote(
        self, quote: str | Quote, *, speaker: str | Source | None = None
    ) -> Verification:
        """Check one quote against every document; see :func:`verify_quote`."""
        quote_id = None
        if isinstance(quote, Quote):
            quote_id, text = quote.id, quote.span.text
        else:
            text = require_text(quote, what="quote")
            if not text.strip():
                msg = (
                    "quote is empty: pass the quoted words, e.g. verify_quote('We will stay', src)"
                )
                raise InputError(msg)
        parsed = parse_quote(text)
        who = credited(speaker)
        if not parsed.tokens:
            found = not_found(parsed, quote_id, "the quote has no words to look for")
            return check_speaker(self._index, self.transcript, found, [], who, None)
        placed = self._place(parsed, who)
        found = verdict(self._index, parsed, placed, quote_id, self.transcript)
        if found.status is VerificationStatus.not_found:
            gist = find_gist(self._index, parsed, self.transcript)
            if gist is not None:
                found, placed = gist_verdict(self._index, parsed, gist, quote_id, self.transcript)
        doc = self._docs.get(found.source_name or "")
        return check_speaker(self._index, self.transcript, found, placed, who, doc)

    def _place(self, parsed: ParsedQuote, who: Speaker | None = None) -> list[Placed]:
        runs = [self._run(piece.tokens, piece.marker) for piece in parsed.pieces]
        options = [self._options(run) for run in runs]
        chosen = _choose(options, self._bonus(who), self._crosses)
        placed: list[Placed] = []
        for run, match in zip(runs, chosen, strict=True):
            placed.extend(self._split(run, match))
        return placed

    def _bonus(self, who: Speaker | None) -> Callable[[Placed], float]:
        """Return a scorer that favours places inside the credited speaker's turns."""
        if who is None:
            return lambda p: 0.0

        def bonus(p: Placed) -> float:
            if p.doc is None or p.end <= p.start:
                return 0.0
            turn = self.transcript(p.doc).turn_at(self._index.offsets(p.doc).start(p.start))
            return _SPEAKER_BONUS if turn is not None and same_speaker(who, turn) else 0.0

        return bonus

    def _crosses(self, prev: Placed, cur: Placed) -> bool:
        """True when another speaker's turn lies between two places of one document."""
        if prev.doc is None or prev.doc != cur.doc or cur.start <= prev.end:
            return False
        found = other_speaker_between(self._index, self.transcript, cur.doc, prev.end, cur.start)
        return found is not None

    def _run(self, tokens: Sequence[QuoteToken], marker: tuple[int, int] | None) -> _Run:
        ids = []
        for n, token in enumerate(tokens):
            found = self._index.word_id(token.key)
            ids.append(-2 - n if found is None else found)
        seek = [-1 if t.editorial else i for t, i in zip(tokens, ids, strict=True)]
        return _make_run(tuple(tokens), tuple(ids), tuple(seek), marker)

    def _options(self, run: _Run) -> list[Placed]:
        found = [self._align(run, c) for c in self._index.candidates(run.seek, _OPTIONS)]
        # Soft edits only matter when choosing between places, none of them exact (an exact
        # place is never beaten: a soft edit at best counts as a match).
        if len(found) > 1 and all(p.cost for p in found):
            found = [self._soften(run, p) for p in found]
        return found or [_unplaced(run)]

    def _align(self, run: _Run, cand: Candidate) -> Placed:
        found = self._align_window(run, cand.doc, cand.start, cand.end)
        if (cand.start, cand.end) != (cand.tight_start, cand.tight_end) and found.cost:
            # Slack around the window lets a repeated word pull the match away, and rapidfuzz
            # charges for the slack it skips: try the window without it too.
            tight = self._align_window(run, cand.doc, cand.tight_start, cand.tight_end)
            if tight.cost - tight.matched < found.cost - found.matched:
                found = tight
        return found

    def _align_window(self, run: _Run, doc: int, start: int, end: int) -> Placed:
        window = self._index.doc_ids(doc, start, end)
        blocks = align(window, run.own_ids, start)
        blocks = self._trim_edges(doc, run.own_keys, run.own_ids, blocks)
        cost = block_cost(blocks)
        blocks = with_editorial(blocks, run.editorial)
        return _placed(run, doc, blocks, cost)

    def _soften(self, run: _Run, p: Placed) -> Placed:
        """Note the edits that only write out a contraction or respell a word."""
        words = cost = 0
        for b in p.blocks:
            if b.op != "replace" or p.doc is None:
                continue
            q = [t.key for t in run.tokens[b.q0 : b.q1] if not t.editorial]
            s = [self._index.word(i) for i in self._index.doc_ids(p.doc, b.s0, b.s1)]
            if _soft(q, s):
                words += b.q1 - b.q0
                cost += max(b.q1 - b.q0, b.s1 - b.s0)
        return replace(p, soft_words=words, soft_cost=cost) if words else p

    def _trim_edges(
        self, doc: int, keys: list[str], ids: list[int], blocks: list[Block]
    ) -> list[Block]:
        """Leave source words out of an edge edit when that makes the edit smaller.

        rapidfuzz charges for source words skipped before the quote's first word, so a changed
        first word can be aligned against the word before the passage; re-align the edge.
        """
        for end in (0, -1):
            if not blocks or blocks[end].op != "replace":
                continue
            b = blocks[end]
            if b.q1 - b.q0 > _EDGE_WORDS or b.s1 - b.s0 > 2 * _EDGE_WORDS:
                continue  # a long changed stretch: no word or two of slack explains it
            s_ids = self._index.doc_ids(doc, b.s0, b.s1)
            s_keys = [self._index.word(i) for i in s_ids]
            q_keys = keys[b.q0 : b.q1]
            best = (judge(q_keys, s_keys).level, Levenshtein.distance(q_keys, s_keys))
            cut = 0
            for k in range(1, min(len(s_keys), _EDGE_WORDS) + 1):
                rest = s_keys[k:] if end == 0 else s_keys[: len(s_keys) - k]
                score = (judge(q_keys, rest).level, Levenshtein.distance(q_keys, rest))
                if score < best:
                    best, cut = score, k
            if cut:
                s0 = b.s0 + cut if end == 0 else b.s0
                window = s_ids[cut:] if end == 0 else s_ids[: len(s_ids) - cut]
                inner = realign(window, ids[b.q0 : b.q1], s0, b.q0)
                blocks = [*inner, *blocks[1:]] if end == 0 else [*blocks[:-1], *inner]
        return blocks

    def _split(self, run: _Run, match: Placed) -> list[Placed]:
        """Cut out a stretch of quote words that fits much better somewhere else (a splice)."""
        block = _worst_block(match)
        if match.doc is None or block is None:
            return [match]
        sub = _sub_run(run, block.q0, block.q1)
        elsewhere = [p for p in self._options(sub) if p.doc is not None and not _overlaps(p, match)]
        best = max(elsewhere, key=lambda p: p.matched - p.cost, default=None)
        saved = max(block.q1 - block.q0, block.s1 - block.s0) - (best.cost if best else 0)
        if best is None or _content_matched(best) < 2 or saved <= _SPLICE_PENALTY:
            return [match]
        left = _slice(run, match, 0, block.q0)
        right = _slice(run, match, block.q1, len(run.tokens))
        middle = replace(best, marker=None, starts_piece=False)
        parts = [p for p in (left, middle, right) if p is not None]
        first = replace(parts[0], marker=run.marker, starts_piece=True)
        return [first, *parts[1:]]

    def verify_all(self, analysis: Analysis, text: str | None = None) -> tuple[Verification, ...]:
        """Check every quote of an analysed article; see :func:`verify`."""
        if not isinstance(analysis, Analysis):
            msg = (
                f"analysis must be an Analysis, got {type(analysis).__name__}: pass the result "
                f"of quotecheck.analyze(text)"
            )
            raise InputTypeError(msg, got=type(analysis))
        text = require_optional_text(text, what="text")
        out = []
        speaker_of = _speakers(analysis)
        for quote in analysis.quotes:
            if text is not None and text[quote.span.start : quote.span.end] != quote.span.text:
                msg = (
                    f"quote {quote.id} does not index the given text: pass the text that was "
                    f"analysed, or leave text out"
                )
                raise InputError(msg, doc_id=analysis.doc_id)
            out.append(self.verify_quote(quote, speaker=speaker_of.get(quote.id)))
        return tuple(out)


def _placed(run: _Run, doc: int | None, blocks: list[Block], cost: int | None = None) -> Placed:
    real = run.real
    matched = sum(sum(real[b.q0 : b.q1]) for b in blocks if b.op == "equal")
    sources = [b for b in blocks if b.s1 > b.s0]
    start = sources[0].s0 if sources else 0
    end = sources[-1].s1 if sources else 0
    return Placed(
        run.tokens,
        run.marker,
        True,
        doc,
        start,
        end,
        tuple(blocks),
        matched,
        block_cost(blocks) if cost is None else cost,
    )


def _unplaced(run: _Run) -> Placed:
    blocks = (Block("insert", 0, 0, 0, len(run.tokens)),)
    return Placed(run.tokens, run.marker, True, None, 0, 0, blocks, 0, len(run.tokens))


def _soft(q: list[str], s: list[str]) -> bool:
    """True when quote words ``q`` only write out a contraction of, or respell, source words ``s``.

    Without a contraction, expanding changes nothing and respelt words come one for one, so
    the words are compared as they are.
    """
    if not any("'" in k or k in _SHORT_FORMS for k in (*q, *s)):
        return len(q) == len(s) and all(map(respelt, q, s))
    q, s = expand(q), expand(s)
    return q == s or (len(q) == len(s) and all(map(respelt, q, s)))


def _content_matched(p: Placed) -> int:
    """Count matched quote words that are not function words ("I think that" proves nothing)."""
    return sum(
        not (t.editorial or is_function(t.key))
        for b in p.blocks
        if b.op == "equal"
        for t in p.tokens[b.q0 : b.q1]
    )


def _sub_run(run: _Run, q0: int, q1: int) -> _Run:
    return _make_run(run.tokens[q0:q1], run.ids[q0:q1], run.seek[q0:q1], None)


def _overlaps(a: Placed, b: Placed) -> bool:
    return a.doc == b.doc and a.start < b.end and b.start < a.end


def _worst_block(match: Placed) -> Block | None:
    """Return the largest stretch of quote words the alignment could not match, if long."""
    worst = None
    for block in match.blocks:
        words = sum(not t.editorial for t in match.tokens[block.q0 : block.q1])
        longer = worst is None or block.q1 - block.q0 > worst.q1 - worst.q0
        if block.op in ("insert", "replace") and words >= _MIN_RUN and longer:
            worst = block
    return worst


def _slice(run: _Run, match: Placed, q0: int, q1: int) -> Placed | None:
    """Return the part of a placed run covering quote words q0:q1, re-based to start at 0."""
    if q1 <= q0:
        return None
    kept = [
        Block(b.op, b.s0, b.s1, b.q0 - q0, b.q1 - q0)
        for b in match.blocks
        if q0 <= b.q0 and b.q1 <= q1 and (b.q1 > b.q0 or q0 < b.q0 < q1)
    ]
    while kept and kept[0].op == "delete":
        kept.pop(0)
    while kept and kept[-1].op == "delete":
        kept.pop()
    sub = _sub_run(run, q0, q1)
    return replace(_placed(sub, match.doc, kept), starts_piece=False)


def _speakers(analysis: Analysis) -> dict[str, Source]:
    """Map each quote id to the source the analysis credits with it (quotes with one)."""
    sources = {s.id: s for s in analysis.sources}
    by_attribution = {a.id: sources.get(a.source_id) for a in analysis.attributions}
    found = {}
    for quote in analysis.quotes:
        source = by_attribution.get(quote.attribution_id or "")
        if source is not None:
            found[quote.id] = source
    return found


def _choose(
    options: list[list[Placed]],
    bonus: Callable[[Placed], float],
    crosses: Callable[[Placed, Placed], bool],
) -> list[Placed]:
    """Pick one place per piece, preferring pieces that follow each other in one document."""
    best: list[tuple[float, list[Placed]]] = [(_value(o, bonus), [o]) for o in options[0]]
    for choices in options[1:]:
        step: list[tuple[float, list[Placed]]] = []
        for option in choices:
            score, path = max(
                ((s - _join_penalty(p[-1], option, crosses), p) for s, p in best),
                key=lambda x: x[0],
            )
            step.append((score + _value(option, bonus), [*path, option]))
        best = step
    return max(best, key=lambda x: x[0])[1]


def _value(p: Placed, bonus: Callable[[Placed], float]) -> float:
    score = p.matched + p.soft_words - 0.5 * (p.cost - p.soft_cost)
    return score + (bonus(p) if p.matched else 0.0)


def _join_penalty(prev: Placed, cur: Placed, crosses: Callable[[Placed, Placed], bool]) -> float:
    in_order = prev.doc == cur.doc and prev.end <= cur.start <= prev.end + MAX_GAP_WORDS
    if not in_order or crosses(prev, cur):
        return 1.5
    # Of two equally good places, the nearer one: an ellipsis never jumps further than it must.
    return _NEAR_BONUS * (cur.start - prev.end) / MAX_GAP_WORDS


def verify_quote(
    quote: str | Quote,
    source_text: str,
    *,
    source_name: str | None = None,
    speaker: str | Source | None = None,
) -> Verification:
    """Check a quote against one source document and say how faithful it is.

    Args:
        quote: The quoted words (a ``str``), or a :class:`~quotecheck.models.Quote` from
            :func:`quotecheck.analyze`.
        source_text: The source document: a transcript, statement or earlier article.
        source_name: A name to report as ``source_name`` (e.g. the file name).
        speaker: Who the quote is credited to ("Grace Okafor", "the Health Secretary", or a
            :class:`~quotecheck.models.Source`), to check against the source's speaker turns.

    Returns:
        A :class:`~quotecheck.models.Verification` whose spans index ``source_text`` exactly.

    Raises:
        InputTypeError: ``quote`` or ``source_text`` is not text, ``source_name`` is not a
            ``str``, or ``speaker`` is neither a ``str`` nor a Source.
        InputError: ``quote`` is empty.
        SourceDocumentError: ``source_text`` is empty.

    >>> v = verify_quote("we will, uh, stay", "We will, uh, stay the course.")
    >>> v.status.value, v.source_span.text
    ('normalized', 'We will, uh, stay')
    """
    source_text = require_text(source_text, what="source_text")
    source_name = require_optional_text(source_name, what="source_name")
    if not source_text.strip():
        msg = "source_text is empty: pass the transcript or document the quote should come from"
        raise SourceDocumentError(msg, name=source_name)
    found = SourceIndex({source_name or "source": source_text}).verify_quote(quote, speaker=speaker)
    if source_name is None and found.source_name is not None:
        found = found.model_copy(update={"source_name": None})
    return found


def verify(
    analysis: Analysis, sources: Mapping[str, str], *, text: str | None = None
) -> tuple[Verification, ...]:
    """Check every quote of an analysed article against one or many source documents.

    Args:
        analysis: The result of :func:`quotecheck.analyze` on the article.
        sources: Document name -> text; the index over them is built once per call (use
            :class:`SourceIndex` to reuse it across articles).
        text: The article text, to check that ``analysis`` belongs to it (optional).

    Returns:
        One :class:`~quotecheck.models.Verification` per quote, in order, with ``quote_id`` and
        ``source_name`` (the best-matching document) set, and ``speaker_match`` comparing the
        speaker the article credits with the speaker turns of the source.

    Raises:
        SourceDocumentError: ``sources`` is not a mapping of names to text, or is empty.
        InputTypeError: ``analysis`` is not an Analysis, or ``text`` is not a ``str``.
        InputError: ``text`` is given and the analysis's quotes do not index it.
    """
    return SourceIndex(sources).verify_all(analysis, text)


def misattribution_flags(analysis: Analysis, results: Sequence[Verification]) -> tuple[Flag, ...]:
    """Return a ``misattributed`` flag on the article's quote for every misattributed verdict.

    >>> from quotecheck import analyze
    >>> article = "“We will not raise taxes,” Okafor said."
    >>> source = "OKAFOR: Thank you.\\nREID: We will not raise taxes."
    >>> a = analyze(article)
    >>> [f.message for f in misattribution_flags(a, verify(a, {"t": source}))]
    ["the source has these words in a turn of 'REID', not of 'Okafor'"]
    """
    quotes = {q.id: q for q in analysis.quotes}
    flags = []
    for v in results:
        quote = quotes.get(v.quote_id or "")
        if quote is None or not v.misattributed:
            continue
        message = (
            f"the source has these words in a turn of {v.source_speaker!r}, "
            f"not of {v.credited_speaker!r}"
        )
        flags.append(_flag(quote.marks, message))
    return tuple(flags)


def _flag(span: Span, message: str) -> Flag:
    return Flag(kind=FlagKind.misattributed, span=span, message=message, severity=Severity.high)
