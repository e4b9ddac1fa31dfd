"""find_flags(...) -> tuple[Flag, ...]: what a fact-checker should look at first.

Severity ranks the work: ``high`` for a specific factual claim (a figure, an allegation) that
the writer makes with no source; ``medium`` for other unsourced checkable claims, editorial
framing of checkable facts, and content credited to anonymous or vague sources; ``low`` for
editorial framing of opinion, quotes with no speaker and unbalanced quote marks. Non-claims
(headlines, datelines, bylines, credits, captions, contacts, boilerplate, questions) are never
flagged. Input that is HTML or not English is flagged ``not_prose_input`` / ``language``
(``medium``): every other reading of such a text is unreliable.

The genre moves editorial framing (when read with ``AnalyzerConfig.genre_min_confidence`` or
given): in a news report it ranks ``high`` (the writer should be out of sight); in an opinion
piece, a letter or a review it ranks ``low`` (framing is the point), and anonymous and vague
sourcing ``low`` too, while an unsourced specific allegation stays ``high``. Framing that imputes
views to unnamed others ("they claim", "the bureaucrats will tell you") ranks one step above
the anonymous sources of its genre: the writer's framing, not a source to chase.
"""

from __future__ import annotations

from quotecheck.assemble import instance
from quotecheck.attribution.anonymity import WHY_MARKERS
from quotecheck.attribution.records import AttributionRecord, Range, SourceRecord, Sourcing
from quotecheck.claims.classify import is_question
from quotecheck.claims.framing import speech_like
from quotecheck.claims.records import ClaimRecord
from quotecheck.config import DEFAULT_CONFIG, AnalyzerConfig
from quotecheck.fieldnames import FieldNames
from quotecheck.models import (
    Attribution,
    ClaimKind,
    CueKind,
    Flag,
    FlagKind,
    Genre,
    GenreKind,
    QuoteKind,
    SentenceRole,
    Severity,
    Signal,
    SignalKind,
    Source,
    SourceKind,
    Span,
)
from quotecheck.offsets import make_span, strip_span
from quotecheck.sortedints import bisect_right
from quotecheck.text.language import InputReading
from quotecheck.text.quotes import SoupRun

__all__ = [
    "FlagRecord",
    "find_flags",
    "flag_models",
    "flag_records",
    "input_flags",
    "soup_flag",
]

_SPECIFIC = ("contains an allegation", "contains a specific figure")
_DETAIL = ("contains", "names")
_RANK = {severity: severity.rank for severity in Severity}
_UNBALANCED = "this quote mark has no partner; the quote's extent is a guess"
_SPEAKERLESS = "these quoted words read like speech but no speaker is named"
_ARGUED = frozenset([GenreKind.opinion, GenreKind.letter, GenreKind.review])
_STEP_UP = {Severity.info: Severity.low, Severity.low: Severity.medium}
# The writer speaking in person: framing, never a source to chase.
_VOICED = frozenset([SignalKind.voice, SignalKind.rhetorical_question, SignalKind.scare_quote])


class _Ranks:
    """The severities one text's genre gives editorial framing and weak sourcing."""

    __slots__ = ("argued", "news", "source")

    def __init__(self, genre: Genre | None, config: AnalyzerConfig) -> None:
        kind = GenreKind.unknown
        if genre is not None and (genre.given or genre.confidence >= config.genre_min_confidence):
            kind = genre.kind
        self.news = kind is GenreKind.news
        self.argued = kind in _ARGUED
        self.source = Severity.low if self.argued else Severity.medium

    def editorial(self, claim: ClaimRecord) -> Severity:
        """Framing: high in news, low in an argued piece, else by whether it is checkable;
        imputed views one step above the genre's anonymous sources."""
        own = {s.kind for s in claim.framing if not s.in_quote}
        if SignalKind.imputation in own:
            return _STEP_UP.get(self.source, Severity.high)
        if self.argued:
            return Severity.low
        if self.news or own & _VOICED:
            return Severity.high
        return Severity.medium if claim.checkable else Severity.low


def find_flags(
    text: str,
    claims: tuple[ClaimRecord, ...],
    sourcing: Sourcing,
    unbalanced: tuple[Span, ...],
    genre: Genre | None = None,
    config: AnalyzerConfig | None = None,
    reading: InputReading | None = None,
    *,
    soup: tuple[SoupRun, ...] = (),
) -> tuple[Flag, ...]:
    """Flag unsourced claims, editorial framing, weak sourcing and odd quote marks, by position.

    :func:`flag_records` made models. ``genre`` sets the severity of editorial framing and weak
    sourcing (see the module's notes); each run of ``soup`` gets a ``quote_soup`` flag.

    >>> from quotecheck.text.segment import segment
    >>> from quotecheck.claims.classify import claim_records
    >>> t = "The ministry paid 40 million dollars to the contractor last year."
    >>> claims = claim_records(t, segment(t), Sourcing((), (), ()))
    >>> [(f.kind.value, f.severity.value) for f in find_flags(t, claims, Sourcing((), (), ()), ())]
    [('unattributed_claim', 'high')]
    """
    records = flag_records(text, claims, sourcing, unbalanced, genre, config, reading, soup=soup)
    return flag_models(records)


class FlagRecord:
    """One flag's fields, sorted and thinned with the others before they become Flags."""

    __slots__ = ("kind", "message", "severity", "span")

    def __init__(self, kind: FlagKind, span: Span, message: str, severity: Severity) -> None:
        self.kind = kind
        self.span = span
        self.message = message
        self.severity = severity


# Each Flag is given every field, in declaration order: one shared set of names.
_FLAG_FIELDS = FieldNames(Flag.model_fields)


def flag_models(flags: tuple[FlagRecord, ...]) -> tuple[Flag, ...]:
    """The public Flag models of ``flags``: built once, when the pipeline assembles the
    Analysis (not validated again; tests/test_outputs_revalidate.py proves them valid)."""
    return tuple([_flag_model(f) for f in flags])


def _flag_model(f: FlagRecord) -> Flag:
    """One flag's model."""
    fields = {"kind": f.kind, "span": f.span, "message": f.message, "severity": f.severity}
    return instance(Flag, fields, _FLAG_FIELDS)


def flag_records(
    text: str,
    claims: tuple[ClaimRecord, ...],
    sourcing: Sourcing,
    unbalanced: tuple[Span, ...],
    genre: Genre | None = None,
    config: AnalyzerConfig | None = None,
    reading: InputReading | None = None,
    *,
    soup: tuple[SoupRun, ...] = (),
    models: SourcingModels | None = None,
) -> tuple[FlagRecord, ...]:
    """:func:`find_flags` as the records the pipeline builds the Flags from, at the end
    (``soup``: the quote scanner's runs of quote soup, one ``quote_soup`` flag each;
    ``models``: the sourcing's models when built, whose Spans a source flag then shares)."""
    config = config or DEFAULT_CONFIG
    ranks = _Ranks(genre, config)
    flags: list[FlagRecord] = []
    for claim in claims:
        if _may_flag(claim) and (not is_question(claim.span.text) or _rhetorical(claim)):
            _claim_flags(text, claim, flags, ranks)
    if sourcing.attributions:
        shared = _SharedSpans(text, models)
        _source_flags(
            text, claims, sourcing, flags, shared, ranks.source, config.anonymous_flag_reach
        )
    if sourcing.quotes:
        _speakerless_flags(sourcing, flags, config.scare_max_words)
    for span in unbalanced:
        flags.append(_flag(FlagKind.unbalanced_quote_marks, span, _UNBALANCED, Severity.low))
    for run in soup:
        flags.append(soup_flag(run, config))
    if reading is not None:
        flags.extend(input_flags(text, reading))
    if not flags:
        return ()
    flags.sort(key=_order)
    return tuple(_one_per_span(flags))


def _one_per_span(flags: list[FlagRecord]) -> list[FlagRecord]:
    """Keep one flag per problem and span: two reports by one unnamed source ("A spokesman
    accused … and said …") raise one question about it, not two. ``flags`` are sorted, most
    severe first at each position, so the first of each is kept."""
    seen: set[tuple[str, int, int]] = set()
    kept = []
    for flag in flags:
        span = flag.span
        key = (str(flag.kind), span.start, span.end)
        if key not in seen:
            seen.add(key)
            kept.append(flag)
    return kept


def _flag(kind: FlagKind, span: Span, message: str, severity: Severity) -> FlagRecord:
    """One flag, sorted with the others before they become Flags."""
    return FlagRecord(kind, span, message, severity)


def _order(flag: FlagRecord) -> tuple[int, int, str]:
    """Sort by position, most severe first, then kind (a StrEnum compares as its value)."""
    return flag.span.start, -_RANK[flag.severity], flag.kind


def _may_flag(claim: ClaimRecord) -> bool:
    """True for a body sentence that is checkable or editorial: the only ones _claim_flags flags."""
    checkable_or_editorial = claim.checkable or claim.kind is ClaimKind.editorial
    return checkable_or_editorial and claim.role is SentenceRole.body


def _rhetorical(claim: ClaimRecord) -> bool:
    """True for an editorial question: the writer's rhetorical question, flagged as framing."""
    return claim.kind is ClaimKind.editorial and any(
        s.kind is SignalKind.rhetorical_question for s in claim.framing
    )


def _claim_flags(text: str, claim: ClaimRecord, flags: list[FlagRecord], ranks: _Ranks) -> None:
    """Add unattributed_claim and editorial_framing for one body sentence to ``flags``."""
    editorial = claim.kind is ClaimKind.editorial
    unsourced_kind = editorial or claim.kind is ClaimKind.unattributed
    if claim.checkable and (unsourced_kind or claim.unsourced):
        specific = detail = ""
        for reason in claim.reasons:
            if not specific and reason.startswith(_SPECIFIC):
                specific = reason
            if not detail and reason.startswith(_DETAIL):
                detail = reason
        span = claim.span if unsourced_kind else _span(text, claim.unsourced[0])
        what = "the writer states this" if unsourced_kind else "this part of the sentence states"
        message = f"{what} as fact with no source" + (f"; it {detail}" if detail else "")
        severity = Severity.high if specific and unsourced_kind else Severity.medium
        flags.append(_flag(FlagKind.unattributed_claim, span, message, severity))
    if editorial:
        own = [s for s in claim.framing if not s.in_quote]
        message = "the writer's own framing: " + _signal_summary(own)
        flags.append(_flag(FlagKind.editorial_framing, claim.span, message, ranks.editorial(claim)))


def _signal_summary(signals: list[Signal]) -> str:
    """'imperialist (evaluative), in the name of (presupposition)'."""
    # str() of a StrEnum member is its value, read in C; .value goes through a Python property.
    seen = dict.fromkeys(f"{s.span.text} ({s.kind!s})" for s in signals)
    return ", ".join(seen) or "evaluative wording"


# The Source and Attribution models of a text, by id (attribution.records.sourcing_models).
SourcingModels = tuple[dict[str, Source], dict[str, Attribution]]


class _SharedSpans:
    """The Span a source flag sits on: the very Span of the mention, cue or content in the
    sourcing's models when those are built (one object for one place, not two equal ones:
    a text dense with reports has a flag every sentence), else a new one."""

    def __init__(self, text: str, models: SourcingModels | None) -> None:
        self.text = text
        self.sources, self.attributions = models if models is not None else ({}, {})

    def mention(self, source: SourceRecord, i: int) -> Span:
        """The Span of ``source``'s mention ``i``."""
        model = self.sources.get(source.id)
        if model is not None:
            return model.mentions[i]
        return _span(self.text, source.mentions[i])

    def cue_or_content(self, a: AttributionRecord) -> Span:
        """The Span of ``a``'s cue, or of its content when it has no cue."""
        model = self.attributions.get(a.id)
        if model is not None:
            return model.cue or model.content
        return _span(self.text, a.cue or a.content)


def _source_flags(
    text: str,
    claims: tuple[ClaimRecord, ...],
    sourcing: Sourcing,
    flags: list[FlagRecord],
    shared: _SharedSpans,
    severity: Severity = Severity.medium,
    reach: int = DEFAULT_CONFIG.anonymous_flag_reach,
) -> None:
    """Add anonymous_source and vague_source, once per attribution in a body sentence (an
    anonymous one on the source's first mention at most ``reach`` characters before it)."""
    sources = {s.id: s for s in sourcing.sources}
    skip = {
        a
        for c in claims
        if c.attribution_ids and (c.role is not SentenceRole.body or is_question(c.span.text))
        for a in c.attribution_ids
    }
    starts: dict[str, list[int]] = {}  # per anonymous source: its mentions' starts, made once
    for a in sourcing.attributions:
        source = sources.get(a.source_id)
        if a.id in skip or source is None or a.cue_kind is CueKind.question:
            continue  # a question put to a source ("Asked whether …") asserts nothing to source
        if source.kind is SourceKind.anonymous:
            found = starts.get(source.id)
            if found is None:
                found = starts[source.id] = [m[0] for m in source.mentions]
            flags.append(_anonymous_flag(text, a, source, sources, found, shared, severity, reach))
        elif source.kind is SourceKind.vague:
            cue = text[a.cue[0] : a.cue[1]] if a.cue is not None else "vague wording"
            message = f"credited only to '{cue}': no identifiable source for this content"
            flags.append(_flag(FlagKind.vague_source, shared.cue_or_content(a), message, severity))


def _anonymous_flag(
    text: str,
    a: AttributionRecord,
    source: SourceRecord,
    sources: dict[str, SourceRecord],
    starts: list[int],
    shared: _SharedSpans,
    severity: Severity,
    reach: int,
) -> FlagRecord:
    """An unnamed source, with the outlet it reached the writer through.

    The flag sits on the source's first mention at most ``reach`` characters
    (AnalyzerConfig.anonymous_flag_reach) before the content (or
    after it), found by bisecting ``starts``, the mentions' starts in text order: a scan of every
    mention for every attribution is quadratic when one source is credited thousands of times.
    """
    label = _text(text, source.mentions[0]) if source.mentions else "unnamed"
    label = source.descriptor or label
    via = sources.get(a.via_source_id or "")
    through = f", as told to {via.name}" if via is not None and via.name else ""
    first = bisect_right(starts, a.content[0] - reach)
    message = f"credited to an unnamed source ({label}){through}: {_why_unnamed(text, source)}"
    where = shared.mention(source, first) if first < len(starts) else shared.cue_or_content(a)
    return _flag(FlagKind.anonymous_source, where, message, severity)


def _text(text: str, where: Range) -> str:
    """The words at ``where``."""
    return text[where[0] : where[1]]


def _span(text: str, where: Range) -> Span:
    """The Span of ``where`` in ``text``, for a flag."""
    return make_span(text, where[0], where[1])


def _why_unnamed(text: str, source: SourceRecord) -> str:
    """What the text says about why a source is unnamed: an editor's first question."""
    if source.anonymity_reason is None:
        return "no reason is given for the anonymity; ask who, and why unnamed"
    reason = _text(text, source.anonymity_reason)
    said = reason.lower()
    if any(marker in said for marker in WHY_MARKERS):
        return f"reason given: '{reason}'"
    return f"anonymity is noted ('{reason}') but no reason is given; ask why unnamed"


def _speakerless_flags(sourcing: Sourcing, flags: list[FlagRecord], max_words: int) -> None:
    """Add scare-kind quotes that read like speech (``max_words``: see speech_like): someone
    said this, but who?"""
    for q in sourcing.quotes:
        if q.kind is QuoteKind.scare and q.depth == 0 and speech_like(q.span.text, max_words):
            flags.append(_flag(FlagKind.speakerless_quote, q.marks, _SPEAKERLESS, Severity.low))


def soup_flag(run: SoupRun, config: AnalyzerConfig) -> FlagRecord:
    """Warn that a run of quote soup was read as plain text, and how to read it as quotes.

    >>> from quotecheck.text.quotes import SoupRun
    >>> t = '"a ' * 40
    >>> flag = soup_flag(SoupRun(Span(start=0, end=119, text=t[:119]), 40), DEFAULT_CONFIG)
    >>> flag.kind.value, flag.severity.value
    ('quote_soup', 'medium')
    """
    words, gap = config.quote_soup_quote_words, config.quote_soup_gap_words
    message = (
        f"{run.quotes} quotes in a row of at most {words} words each, with at most {gap} "
        f"{'word' if gap == 1 else 'words'} between them, were read as plain text (quote soup): "
        "no quote, speaker or claim was made from these marks; to read them as quotes, raise "
        f"AnalyzerConfig.quote_soup_max_run (now {config.quote_soup_max_run}) to {run.quotes} "
        "or more"
    )
    return _flag(FlagKind.quote_soup, run.span, message, Severity.medium)


def input_flags(text: str, reading: InputReading) -> list[FlagRecord]:
    """Warn when the text is HTML or does not read as English.

    >>> from quotecheck.text.language import read_input
    >>> t = "<p>The council met on <b>Monday</b>.</p>"
    >>> [f.kind.value for f in input_flags(t, read_input(t))]
    ['not_prose_input']
    """
    flags: list[FlagRecord] = []
    if reading.markup:
        start, end = reading.markup[0]
        shown = ", ".join(repr(text[a:b]) for a, b in reading.markup)
        message = (
            f"the text looks like HTML (at least {len(reading.markup)} tags or entities: {shown}): "
            "quotecheck reads plain text, so markup is read as words; pass the page's text"
        )
        span = Span(start=start, end=end, text=text[start:end])
        flags.append(_flag(FlagKind.not_prose_input, span, message, Severity.medium))
    if reading.not_english:
        named = f"reads as '{reading.language}'" if reading.language else "matches no language"
        message = (
            f"the text does not read as English ({named}; {reading.english_share:.0%} of its words "
            f"are common English function words, {reading.ascii_share:.0%} of its letters ASCII): "
            "quotecheck's word lists are English, so its readings here are unreliable"
        )
        first_line = text.find("\n")
        span = strip_span(text, 0, first_line if first_line > 0 else len(text))
        flags.append(_flag(FlagKind.language, span, message, Severity.medium))
    return flags
