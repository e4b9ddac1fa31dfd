"""classify_claims(text, paragraphs, sourcing) -> tuple[Claim, ...]: one claim per sentence.

A sentence is labelled by its parts. Attribution contents (and the quotes they credit) are its
*sourced* parts; the cue words, the source's mentions and "when" phrases are sourcing apparatus;
what is left is the writer's own *unsourced* text. Framing signals in the writer's own text (not
inside a quote, not inside a credited content) make the sentence ``editorial`` once their weights
reach ``AnalyzerConfig.editorial_threshold``; otherwise the best-sourced attribution decides the
kind, and a sentence with none is ``unattributed``.
"""

from __future__ import annotations

from typing import Final, final

from quotecheck.attribution.records import (
    WRITER_ROLE,
    AttributionRecord,
    QuoteRecord,
    SourceRecord,
    Sourcing,
)
from quotecheck.claims.checkable import (
    Marks,
    checkable_reason,
    first_in,
    no_comment,
    scan_marks,
)
from quotecheck.claims.framing import find_weighted_signals
from quotecheck.claims.genre import answer_paragraphs
from quotecheck.claims.parts import (
    MentionIndex,
    Range,
    gaps,
    in_text_order,
    inside,
    mention_index,
    merge,
    parts,
    per_sentence,
    trim,
)
from quotecheck.claims.records import ClaimRecord, claim_models
from quotecheck.claims.weighing import Policy, Weighed, weigh_sentence
from quotecheck.config import DEFAULT_CONFIG, AnalyzerConfig
from quotecheck.kinds import (
    CLAIM_ANONYMOUS,
    CLAIM_ATTRIBUTED,
    CLAIM_EDITORIAL,
    CLAIM_OTHER,
    CLAIM_QUOTED,
    CLAIM_UNATTRIBUTED,
    CLAIM_VAGUE,
    ROLE_BODY,
    SIGNAL_IMPUTATION,
    SOURCE_ANONYMOUS,
    SOURCE_VAGUE,
)
from quotecheck.models import (
    Claim,
    ClaimKind,
    Genre,
    Paragraph,
    Sentence,
    SentenceRole,
    Signal,
    SignalKind,
    Span,
)
from quotecheck.sortedints import bisect_left
from quotecheck.text.nonprose import NON_PROSE

__all__ = ["claim_records", "classify_claims", "is_question"]

# The thresholds that decide a label (editorial_threshold, figure_bonus, paraphrase_factor,
# min_unsourced_words) are AnalyzerConfig fields, read once per text into the Policy.


@final
class _Context:
    """Lookup tables shared by every sentence of one text."""

    __slots__ = (
        "figures",
        "labels",
        "marks",
        "mentions",
        "reason_starts",
        "reasons",
        "sources",
        "text",
    )

    def __init__(self, text: str, sources: tuple[SourceRecord, ...]) -> None:
        self.text = text
        self.sources: dict[str, SourceRecord] = {s.id: s for s in sources}
        # how each source is named in a reason
        self.labels: dict[str, str] = {s.id: _source_label(text, s) for s in sources}
        # Why anonymous sources are unnamed ("He spoke on condition of anonymity because …"):
        # sourcing apparatus, never the writer's claim. (start, end, source label), by start.
        self.reasons: list[tuple[int, int, str]] = sorted(
            (s.anonymity_reason[0], s.anonymity_reason[1], self.labels[s.id])
            for s in sources
            if s.anonymity_reason is not None
        )
        self.reason_starts = [r[0] for r in self.reasons]
        self.mentions: MentionIndex = mention_index(sources)
        self.marks: Marks = scan_marks(text)
        self.figures: list[tuple[int, int, str]] = self.marks.figures


def classify_claims(
    text: str,
    paragraphs: tuple[Paragraph, ...],
    sourcing: Sourcing,
    genre: Genre | None = None,
    config: AnalyzerConfig | None = None,
    framing: Weighed | None = None,
) -> tuple[Claim, ...]:
    """Label every sentence by how it is sourced, with its sourced/unsourced parts and reasons.

    ``genre`` (from :func:`~quotecheck.claims.genre.read_genre`, or given) sets how much the
    writer's own signals must weigh: less in an opinion piece, where unsourced assertions are
    the writer's argument; factual vocabulary weighs nothing in news. ``framing`` is the
    signals and weights per sentence when already found (the pipeline finds them once).

    >>> from quotecheck.text.segment import segment
    >>> from quotecheck.attribution.records import Sourcing
    >>> t = "Critics are clearly desperate to smear the so-called reform."
    >>> [c.kind.value for c in classify_claims(t, segment(t), Sourcing((), (), ()))]
    ['editorial']
    """
    records = claim_records(text, paragraphs, sourcing, genre, config, framing)
    return claim_models(text, records)


def claim_records(
    text: str,
    paragraphs: tuple[Paragraph, ...],
    sourcing: Sourcing,
    genre: Genre | None = None,
    config: AnalyzerConfig | None = None,
    framing: Weighed | None = None,
) -> tuple[ClaimRecord, ...]:
    """:func:`classify_claims` as the records the flags and the summary read (the pipeline
    builds the Claim models from them once, at the end)."""
    config = config or DEFAULT_CONFIG
    ctx = _Context(text, sourcing.sources)
    quotes = list(sourcing.quotes)
    quotes = in_text_order(quotes, [q.start for q in quotes], [0] * len(quotes))
    # In order of content, then (stably) of content and cue together, as the sweep needs.
    # The writer's own "I said", "as we argued" is recorded, but sources no sentence.
    writer = {s.id for s in sourcing.sources if s.role == WRITER_ROLE}
    credits = [c for c in sourcing.attributions if c.source_id not in writer]
    credits = in_text_order(credits, [c.start for c in credits], [c.content[0] for c in credits])
    sentences = [s for p in paragraphs for s in p.sentences]
    spans = [s.span for s in sentences]
    bounds = [(span.start, span.end) for span in spans]
    if framing is None:
        framing = find_weighted_signals(text, spans, quotes, config)
    signals, weights = framing
    policy = Policy(genre, config)
    answers = answer_paragraphs(paragraphs) if policy.transcript else frozenset()
    quotes_at = per_sentence(bounds, quotes, [(q.start, q.end) for q in quotes])
    credits_at = per_sentence(bounds, credits, [(c.start, c.end) for c in credits])
    claims: list[ClaimRecord] = []
    own: list[float] = []
    for n, sentence in enumerate(sentences):
        start, end = bounds[n]
        quotes_here, at = next(quotes_at), next(credits_at)
        if at:
            at = [c for c in at if c.in_sentence(start, end)]
        parts_of = _Sentence(sentence, spans[n], bounds[n])
        found, weighed, notes = weigh_sentence(text, spans[n], signals[n], weights[n], policy)
        answer = sentence.paragraph in answers
        claim, weight = _classify(
            ctx, parts_of, (found, weighed, notes), quotes_here, at, policy, answer
        )
        claims.append(claim)
        own.append(weight)
    if policy.neighbours:
        _lean_on_neighbours(claims, own, sentences, policy)
    return tuple(claims)


@final
class _Sentence:
    """One sentence's model, span and offsets, each field read once."""

    __slots__ = ("bounds", "end", "sentence", "span", "start", "text")

    def __init__(self, sentence: Sentence, span: Span, bounds: Range) -> None:
        self.sentence = sentence
        self.span = span
        self.bounds = bounds
        self.start, self.end = bounds
        self.text: str = span.text


def _classify(
    ctx: _Context,
    s: _Sentence,
    framing: tuple[tuple[Signal, ...], list[float], list[str]],
    quotes: list[QuoteRecord],
    credits: list[AttributionRecord],
    policy: Policy,
    answer: bool,
) -> tuple[ClaimRecord, float]:
    """Build the claim of one sentence from its signals (their weights, and notes on how the
    genre weighed them), quotes and attributions; return it with the summed weight of the
    writer's own signals when it stays unattributed (0 otherwise)."""
    text = ctx.text
    signals, weights, notes = framing
    least, base = policy.min_unsourced_words, policy.base
    if credits or quotes:
        sourced, covered = parts(text, ctx.mentions, s.bounds, credits, quotes)
        unsourced = [r for r in gaps(text, s.bounds, covered) if _enough_words(text, r, least)]
    else:  # most sentences: all the writer's own
        sourced, whole = [], trim(text, s.start, s.end)
        unsourced = [whole] if whole is not None and _enough_words(text, whole, least) else []
    explained = _anonymity_reason(ctx, s) if ctx.reasons and not credits else None
    if explained is not None:  # "He spoke on condition of anonymity because …"
        unsourced = [
            r for r in gaps(text, s.bounds, [explained[:2]]) if _enough_words(text, r, least)
        ]
    weighted = (
        _writer_signals(signals, weights, sourced, credits, policy.paraphrase_factor)
        if signals
        else []
    )
    figure = first_in(ctx.figures, unsourced) if unsourced else None
    role = s.sentence.role
    weight = _total_weight(weighted) if weighted else 0.0
    credited = bool(credits) or bool(quotes)
    # A date in the writer's words marks reporting as a figure does ("on Tuesday", "in July").
    dated = first_in(ctx.marks.dates, unsourced) if weighted and figure is None else None
    reporting = figure if figure is not None else dated
    kind, reasons = _sourced_kind(ctx, credits, quotes) if credits else (CLAIM_UNATTRIBUTED, [])
    if explained is not None and not unsourced:
        kind, reasons = CLAIM_ANONYMOUS, [f"says why {explained[2]} is unnamed"]
    # In an argued genre, a framed clause of the writer's own beside a reported one is the
    # writer's argument ("The mayor claims …, but anyone who drives here knows …").
    argues = policy.leans and bool(credits) and bool(unsourced) and _framed_in(weighted, unsourced)
    if role in NON_PROSE or not _has_word(s.text):
        # Copy nobody wrote as a claim (a byline, a caption, a label), or marks alone ("»").
        kind, reasons, unsourced = CLAIM_OTHER, [_not_prose_reason(role)], []
    elif answer and not credits and role is ROLE_BODY:
        kind, reasons = CLAIM_QUOTED, [policy.answer_reason]
    elif _is_editorial(weighted, weight, reporting is not None, policy, credited and not argues):
        kind, reasons = CLAIM_EDITORIAL, [*_framing_reasons(weighted), *reasons, *notes]
        if weight < base:
            reasons.append(policy.argue_reason if argues else policy.lean_reason)
    elif policy.leans and not (credits or quotes) and unsourced and figure is None:
        if role is ROLE_BODY:
            kind, reasons = CLAIM_EDITORIAL, [policy.lean_reason, *notes]
    elif kind is CLAIM_UNATTRIBUTED:
        reasons = ["no source", *notes]
    if kind is not CLAIM_EDITORIAL and reporting is not None and weight >= base:
        reasons.append(
            f"framing weight {weight:.2f} held below {base + policy.figure_bonus:g}: "
            f"'{reporting}' marks reporting"
        )
    why_checkable = checkable_reason(text, ctx.marks, unsourced, figure) if unsourced else ""
    if why_checkable and kind is CLAIM_UNATTRIBUTED and no_comment(s.text, *policy.no_comment):
        why_checkable = ""
        reasons.append("records a request for comment that got no answer: no claim to source")
    checkable = bool(why_checkable) and role is ROLE_BODY and not is_question(s.text)
    if why_checkable and (kind is CLAIM_UNATTRIBUTED or kind is CLAIM_EDITORIAL):
        reasons.append(why_checkable)
    if credits and unsourced:
        reasons.append("unsourced part: " + _quote_excerpt(text, unsourced[0]))
    # A signal inside a quote lies in one of the quotes overlapping the sentence, and weighs 0
    # (framing.signal_weight): only those weighing nothing need their in_quote read.
    speakers = (
        [x.span.text for n, x in enumerate(signals) if weights[n] <= 0 and x.in_quote]
        if quotes
        else []
    )
    if speakers:
        reasons.append("framing inside quotes is the speaker's: " + _entries(speakers))
    claim = ClaimRecord(
        s.sentence.index,
        s.span,
        kind,
        role,
        tuple([c.id for c in credits]) if credits else (),
        tuple(sourced),
        tuple(unsourced),
        signals,
        checkable,
        tuple(reasons),
    )
    return claim, weight if kind is CLAIM_UNATTRIBUTED else 0.0


def _lean_on_neighbours(
    claims: list[ClaimRecord], own: list[float], sentences: list[Sentence], policy: Policy
) -> None:
    """Make editorial an unsourced sentence with some framing of its own that stands between
    two editorial sentences of its paragraph: the writer's argument runs through it."""
    editorial = [c.kind is CLAIM_EDITORIAL for c in claims]
    for n in range(1, len(claims) - 1):
        if own[n] < policy.neighbour_weight or not editorial[n - 1] or not editorial[n + 1]:
            continue
        paragraph = sentences[n].paragraph
        if sentences[n - 1].paragraph != paragraph or sentences[n + 1].paragraph != paragraph:
            continue
        why = (*claims[n].reasons[1:], "between two editorial sentences of its paragraph")
        claims[n] = claims[n].relabelled(CLAIM_EDITORIAL, why)


def _anonymity_reason(ctx: _Context, s: _Sentence) -> tuple[int, int, str] | None:
    """The anonymity reason that opens in the sentence, if one does (by bisection)."""
    i = bisect_left(ctx.reason_starts, s.start)
    if i < len(ctx.reasons) and ctx.reasons[i][0] < s.end:
        return ctx.reasons[i]
    return None


def _has_word(sentence: str) -> bool:
    """True when a sentence holds a letter or a digit: marks alone ("»", "***") say nothing."""
    return any(c.isalnum() for c in sentence)


def _not_prose_reason(role: SentenceRole) -> str:
    """Why a sentence is no claim: 'not prose: a caption'."""
    return f"not prose: a {role!s} line" if role in NON_PROSE else "not prose: no words"


def is_question(sentence: str) -> bool:
    """True when a sentence ends with a question mark (closing quotes and brackets aside)."""
    return sentence.rstrip(" \"'”’»)]").endswith("?")


def _enough_words(text: str, r: Range, least: int) -> bool:
    """True when ``text[r]`` has at least ``least`` words (counted no further)."""
    return len(text[r[0] : r[1]].split(None, least)) >= least


# --------------------------------------------------------------------------- kinds and reasons


# Claim kinds from best-sourced to worst: an attribution's kind is its index here (ranks compare
# as ints; a dict keyed by the enum would hash each member through Enum.__hash__, in Python).
_BY_RANK: Final = (CLAIM_QUOTED, CLAIM_ATTRIBUTED, CLAIM_ANONYMOUS, CLAIM_VAGUE, CLAIM_UNATTRIBUTED)
_QUOTED_RANK: Final = 0
_ATTRIBUTED_RANK: Final = 1
_ANONYMOUS_RANK: Final = 2
_VAGUE_RANK: Final = 3
_UNATTRIBUTED_RANK: Final = 4


def _sourced_kind(
    ctx: _Context, credits: list[AttributionRecord], quotes: list[QuoteRecord]
) -> tuple[ClaimKind, list[str]]:
    """The best-sourced attribution's kind, and one reason per attribution."""
    best, reasons = _UNATTRIBUTED_RANK, []
    for c in credits:
        source = ctx.sources.get(c.source_id)
        rank = _attribution_rank(c, source, quotes)
        reasons.append(_attribution_reason(ctx, c, source, _BY_RANK[rank]))
        best = min(best, rank)
    return _BY_RANK[best], reasons


def _attribution_rank(
    c: AttributionRecord, source: SourceRecord | None, quotes: list[QuoteRecord]
) -> int:
    """Rank of the kind of claim one attribution supports (``quotes``: the sentence's)."""
    if source is None or source.kind is SOURCE_VAGUE:
        return _VAGUE_RANK
    if source.kind is SOURCE_ANONYMOUS:
        return _ANONYMOUS_RANK
    quoted = c.turn or c.quote_ids or _points_at(quotes, c.id)
    return _QUOTED_RANK if quoted else _ATTRIBUTED_RANK


def _points_at(quotes: list[QuoteRecord], attribution_id: str) -> bool:
    """True when one of ``quotes`` is credited to the attribution (a scan of the sentence's few
    quotes, where a set of their ids was built for every sentence with an attribution; mypyc
    compiles any() over a generator into a plain loop)."""
    return any(q.attribution_id == attribution_id for q in quotes)


def _attribution_reason(
    ctx: _Context, c: AttributionRecord, source: SourceRecord | None, kind: ClaimKind
) -> str:
    """One readable line: who, through which words, by which channel."""
    words = ctx.text[c.cue[0] : c.cue[1]] if c.cue is not None else None
    cue = f" via '{words}'" if words is not None else " (continues their quote)"
    name = ctx.labels[source.id] if source is not None else "an unknown source"
    via = ctx.labels.get(c.via_source_id or "")
    through = f" through {via}" if via is not None else ""
    if kind is CLAIM_QUOTED:
        return f"quotes {name}{cue}{through}"
    if kind is CLAIM_ATTRIBUTED:
        return f"reported by {name}{cue}{through}"
    if kind is CLAIM_ANONYMOUS:
        return f"credited to an unnamed source ({name}){cue}{through}"
    return f"vague sourcing{cue}{through}"


def _source_label(text: str, source: SourceRecord) -> str:
    """How to name a source in a reason."""
    if source.name or source.descriptor:
        return source.name or source.descriptor or ""
    if source.mentions:
        start, end = source.mentions[0]
        return text[start:end]
    return source.id


# Keyed by the kind's string: str() of a StrEnum member is its value, read in C.
_KIND_LABEL: Final = {
    SignalKind.evaluative.value: "evaluative terms",
    SignalKind.presupposition.value: "presupposing phrases",
    SignalKind.intent.value: "claims about intent",
    SignalKind.speculation.value: "speculation",
    SignalKind.intensifier.value: "intensifiers",
    SignalKind.scare_quote.value: "scare quotes",
    SignalKind.voice.value: "the writer's own voice",
    SignalKind.imputation.value: "views imputed to unnamed others",
    SignalKind.rhetorical_question.value: "a rhetorical question",
}


@final
class _Weighted:
    """One of the writer's signals with its weight, and its span's offsets and text read once."""

    __slots__ = ("end", "signal", "start", "text", "weight")

    def __init__(self, signal: Signal, span: Span, weight: float) -> None:
        self.signal = signal
        self.start: int = span.start
        self.end: int = span.end
        self.text: str = span.text
        self.weight = weight


def _framing_reasons(weighted: list[_Weighted]) -> list[str]:
    """One reason per signal kind: 'evaluative terms: imperialist, neocolonial predations'."""
    by_kind: dict[str, list[str]] = {}
    for w in weighted:
        by_kind.setdefault(str(w.signal.kind), []).append(w.text)
    return [f"{_KIND_LABEL[k]}: {_entries(v)}" for k, v in by_kind.items()]


def _entries(texts: list[str]) -> str:
    """Distinct signal texts, in order, comma-separated."""
    # A scan of the few kept so far: dict.fromkeys is a method call through Python's C API.
    distinct: list[str] = []
    for t in texts:
        if t not in distinct:
            distinct.append(t)
    return ", ".join(distinct)


def _writer_signals(
    signals: tuple[Signal, ...],
    weights: list[float],
    sourced: list[Range],
    credits: list[AttributionRecord],
    paraphrase_factor: float,
) -> list[_Weighted]:
    """The writer's own signals, then those in a credited paraphrase (not a quote), weighted
    (those at ``paraphrase_factor`` of their weight)."""
    if len(signals) != len(weights):
        msg = f"{len(signals)} signals but {len(weights)} weights"
        raise ValueError(msg)
    own: list[_Weighted] = []
    paraphrase: list[_Weighted] = []
    cues: list[Range] | None = None  # merged once per sentence, only when needed
    turns: list[Range] | None = None
    for n, s in enumerate(signals):
        weight = weights[n]
        if weight <= 0:
            continue  # inside a quote: the speaker's words
        found = _Weighted(s, s.span, weight)
        if s.kind is SIGNAL_IMPUTATION and _in_cue(found, credits):
            continue  # "they claim" whose "they" is a source named before: reporting
        # Nothing credited: every signal outside quotes is the writer's.
        if not sourced or not inside(found.start, found.end, sourced):
            own.append(found)
            continue
        if turns is None:
            turns = merge([c.content for c in credits if c.turn])
        if turns and inside(found.start, found.end, turns):
            continue  # a transcript turn is the speaker's own words, as a quote is
        if cues is None:
            cues = merge([c.cue for c in credits if c.cue is not None])
        # Cue words are the writer's choice even inside a partial quote's clause ("blasted").
        if inside(found.start, found.end, cues):
            own.append(found)
        else:
            found.weight = weight * paraphrase_factor
            paraphrase.append(found)
    return own + paraphrase


def _framed_in(weighted: list[_Weighted], unsourced: list[Range]) -> bool:
    """True when one of the writer's signals lies in an unsourced part of the sentence."""
    return any(inside(w.start, w.end, unsourced) for w in weighted)


def _in_cue(w: _Weighted, credits: list[AttributionRecord]) -> bool:
    """True when a signal overlaps the cue of one of the sentence's attributions."""
    for c in credits:
        cue = c.cue
        if cue is not None and cue[0] < w.end and w.start < cue[1]:
            return True
    return False


def _is_editorial(
    weighted: list[_Weighted], weight: float, figure: bool, policy: Policy, credited: bool
) -> bool:
    """Weights (summing to ``weight``) reach the genre's threshold; with a figure, weak signals
    must add up to more than the general threshold (a figure marks reporting, whatever the
    genre)."""
    if not weighted:
        return False
    threshold = policy.threshold(credited)
    strongest = 0.0
    for w in weighted:
        strongest = max(strongest, w.weight)
    if figure and strongest < policy.base:
        return weight >= max(threshold, policy.base) + policy.figure_bonus
    return weight > 0.0 and weight >= threshold


def _total_weight(weighted: list[_Weighted]) -> float:
    """Sum of weights: overlapping signals count as their heaviest, a repeated term once."""
    if len(weighted) == 1:  # most sentences with a signal: its weight (0.0 + w is w)
        return weighted[0].weight
    best: dict[str, float] = {}
    end, key = -1, ""
    # By start, ties in list order: sorting (start, position) pairs needs no key function.
    for _, n in sorted([(w.start, n) for n, w in enumerate(weighted)]):
        w = weighted[n]
        if w.start >= end:  # a new stretch of words
            key = w.text.lower()
        end = max(end, w.end)
        best[key] = max(best.get(key, 0.0), w.weight)
    return sum(best.values())


def _quote_excerpt(text: str, r: tuple[int, int], limit: int = 60) -> str:
    """'first words…' of a range, for a reason."""
    piece = text[r[0] : r[1]]
    return f"'{piece}'" if len(piece) <= limit else f"'{piece[:limit].rstrip()}…'"
