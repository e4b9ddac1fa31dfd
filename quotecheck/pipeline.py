"""analyze(text) -> Analysis: the one place where the stages meet, in order.

segment -> quotes -> cues -> attribution (sources; none inside copy that is not prose;
transcript turns) -> claims -> flags -> summary. Every stage is
a pure function over the caller's original text and the results of the stages before it. From
attribution on, the stages exchange plain records (``attribution.records``, ``claims.records``)
and return new ones; the contract's frozen models are built from them once, at the end.
"""

from __future__ import annotations

from quotecheck.attribution.attribute import attribute
from quotecheck.attribution.interview import credit_interview
from quotecheck.attribution.nonprose import without_nonprose
from quotecheck.attribution.records import sourcing_models
from quotecheck.attribution.turns import credit_turns
from quotecheck.claims.classify import claim_records
from quotecheck.claims.framing import find_weighted_signals
from quotecheck.claims.genre import given_genre, read_genre
from quotecheck.claims.records import claim_models
from quotecheck.config import AnalyzerConfig, given_config
from quotecheck.errors import InputError, InputTypeError, require_optional_text, require_text
from quotecheck.flags import flag_models, flag_records
from quotecheck.models import Analysis, Flag, Genre, GenreKind, Span
from quotecheck.offsets import SpanShelf
from quotecheck.summary import summarize
from quotecheck.text.cues import find_cues
from quotecheck.text.formatchars import decision_view, restore_spans
from quotecheck.text.language import read_input
from quotecheck.text.quotes import find_quotes
from quotecheck.text.segment import segment

__all__ = ["analyze", "flag_unattributed"]


def analyze(
    text: str,
    doc_id: str | None = None,
    config: AnalyzerConfig | None = None,
    *,
    genre: GenreKind | str | None = None,
) -> Analysis:
    """Read a news text and report who said what, how each sentence is sourced, and what to check.

    Args:
        text: The article as a ``str`` (decode bytes first). It is never modified.
        doc_id: An id to carry into the result (e.g. a file name or corpus id).
        config: Thresholds and switches; :data:`~quotecheck.config.DEFAULT_CONFIG` when omitted.
        genre: The text's genre when the caller knows it (a :class:`~quotecheck.models.GenreKind`
            or its value, e.g. ``"opinion"``); read from the text when omitted.

    Returns:
        An :class:`~quotecheck.models.Analysis` whose every ``Span`` indexes ``text`` exactly.

    Raises:
        InputTypeError: ``text`` is not a ``str``, ``doc_id`` is neither a ``str`` nor None, or
            ``config`` is not an AnalyzerConfig.
        InputError: ``text`` is longer than ``config.max_chars``, or ``genre`` names no genre.

    >>> a = analyze('“We will stay,” the minister said.')
    >>> a.quotes[0].span.text
    'We will stay,'
    """
    text = require_text(text)
    # Said before the work, not by the Analysis model after it.
    doc_id = require_optional_text(doc_id, what="doc_id")
    config = given_config(config)
    given = _given(genre, doc_id)
    if len(text) > config.max_chars:
        msg = (
            f"text has {len(text):,} characters, more than max_chars={config.max_chars:,}: "
            f"split it, or raise the limit with AnalyzerConfig(max_chars=…)"
        )
        raise InputError(msg, doc_id=doc_id)
    return _analyze(text, doc_id, config, given)


def _analyze(
    text: str, doc_id: str | None, config: AnalyzerConfig, given: Genre | None
) -> Analysis:
    """The stages in order, on a checked text (see :func:`analyze`)."""
    # Invisible format characters (a byte-order mark, zero-width spaces, bidi marks) are white
    # space to every decision: the stages read a same-length view, the Spans quote the original.
    view = decision_view(text)
    paragraphs = segment(view, config)
    scan = find_quotes(view, paragraphs, config)
    cues = find_cues(view, paragraphs, scan.quotes)
    sourcing = attribute(view, paragraphs, scan.quotes, cues, config)
    # The scanner's quote records, and the cues, are done with: attribution settled every quote
    # as a record (holding the same Spans). Letting them go now keeps them out of the peak.
    unbalanced, soup = scan.unbalanced, scan.soup
    del scan, cues
    sourcing = without_nonprose(paragraphs, sourcing)
    sourcing = credit_turns(view, paragraphs, sourcing)
    sourcing = credit_interview(view, paragraphs, sourcing, config)
    sentences = [s.span for p in paragraphs for s in p.sentences]
    framing = find_weighted_signals(view, sentences, sourcing.quotes, config)
    genre_read = given or read_genre(view, paragraphs, sourcing, *framing, config)
    claims = claim_records(view, paragraphs, sourcing, genre_read, config, framing)
    del framing  # read by the claims alone: a list per sentence, kept to the end
    reading = read_input(view, config)
    # The stages exchanged records; the contract's models are built here, once, and each
    # stage's records let go as soon as their models exist: on a text dense with reports the
    # records are several tracked objects a sentence, which every full collection would visit.
    # A part with the offsets of a Span already built (a sentence, a content, a quote's marks)
    # holds that Span, not a copy.
    shelf = sentence_shelf(view, sentences)
    del sentences
    quotes, sources, attributions = sourcing_models(view, sourcing, shelf)
    # a source flag sits on the Span of its mention or cue in those models, not an equal copy
    models = {s.id: s for s in sources}, {a.id: a for a in attributions}
    flags = flag_records(
        view, claims, sourcing, unbalanced, genre_read, config, reading, soup=soup, models=models
    )
    summary = summarize(claims, sourcing)
    del sourcing, models
    claim_list = claim_models(view, claims, shelf)
    del claims, shelf
    flag_list = flag_models(flags)
    del flags
    analysis = Analysis(
        doc_id=doc_id,
        length=len(text),
        paragraphs=paragraphs,
        quotes=quotes,
        sources=sources,
        attributions=attributions,
        claims=claim_list,
        flags=flag_list,
        genre=genre_read,
        summary=summary,
        language=reading.language,
    )
    return analysis if view is text else restore_spans(analysis, text)


def sentence_shelf(text: str, sentences: list[Span]) -> SpanShelf:
    """A shelf holding the sentences' Spans (see :class:`~quotecheck.offsets.SpanShelf`)."""
    shelf = SpanShelf(text)
    for span in sentences:
        shelf.add(span.start, span.end, span)
    return shelf


def _given(genre: GenreKind | str | None, doc_id: str | None) -> Genre | None:
    """The caller's genre as a Genre, or None; a name that is no genre is an InputError."""
    if genre is None:
        return None
    if not isinstance(genre, str):
        msg = f"genre must be a GenreKind, a str or None, got {type(genre).__name__}"
        raise InputTypeError(msg, got=type(genre))
    try:
        return given_genre(genre)
    except ValueError:
        names = ", ".join(k.value for k in GenreKind)
        shown = genre if len(genre) <= 40 else genre[:40] + "…"  # a whole article, by mistake
        msg = f"genre {shown!r} is not a genre: use one of {names}"
        raise InputError(msg, doc_id=doc_id) from None


def flag_unattributed(text: str, config: AnalyzerConfig | None = None) -> tuple[Flag, ...]:
    """Return what a fact-checker should look at in ``text``, most severe first.

    The flags of :func:`analyze` (unattributed claims, editorial framing, anonymous and vague
    sourcing, speakerless quotes, unbalanced quote marks), sorted by severity, then position.

    >>> flag_unattributed("")
    ()
    """
    flags = analyze(text, config=config).flags
    return tuple(sorted(flags, key=lambda f: (-f.severity.rank, f.span.start)))
