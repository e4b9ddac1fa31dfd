"""corpus_report: what only shows across many articles, from a stream of analyses.

- sourcing shares per outlet (sentence-weighted, from each article's SourcingSummary);
- the same quote attributed to different named speakers (names that share a surname, such as
  "Trump" and "Donald Trump", count as one speaker here);
- one speaker's quote in diverging wordings: rapidfuzz over the quotes grouped by speaker, so
  only quotes of the same speaker are ever compared, never all pairs of the corpus;
- the articles that lean most on anonymous or unattributed claims.

The report keeps one entry per distinct (speaker, quote) and a bounded top list; it never keeps
whole analyses, so it can follow a batch of any size.
"""

from __future__ import annotations

import heapq
import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import regex
from pydantic import Field
from rapidfuzz import fuzz, process

from quotecheck.corpus.io import Record, read_corpus
from quotecheck.corpus.results import iter_output, load_result, parse_output_line
from quotecheck.errors import InputError, InputTypeError, require_optional_text
from quotecheck.models import Analysis, ContractModel, Failure, Quote, QuoteKind, SourceKind
from quotecheck.offsets import fold

__all__ = [
    "CorpusReport",
    "CorpusReportBuilder",
    "LeaningArticle",
    "OutletShares",
    "QuoteUse",
    "SpeakerConflict",
    "WordingVariant",
    "corpus_report",
    "corpus_report_from_batch",
]

_NON_WORD_RE = regex.compile(
    r"""
    [^\w]+      # any run of punctuation, quote marks or spaces: one separator for comparing
    """,
    regex.VERBOSE,
)
_NAMED = frozenset({SourceKind.person, SourceKind.organization, SourceKind.media})


class _Frozen(ContractModel):
    """Frozen and strict as the contract's models, and JSON for any text (lone surrogates)."""


class OutletShares(_Frozen):
    """How one outlet's articles are sourced, weighted by their body sentences."""

    outlet: str | None = Field(description="The outlet, None for records without one.")
    articles: int = Field(ge=0, description="Articles analysed.")
    sentences: int = Field(ge=0, description="Body sentences in them.")
    named_share: float = Field(description="Share of sentences sourced to named sources.")
    anonymous_share: float = Field(description="Share sourced to anonymous sources.")
    vague_share: float = Field(description="Share with vague sourcing only.")
    unattributed_share: float = Field(description="Share with no source.")


class QuoteUse(_Frozen):
    """One quote in one article, as the speaker it is credited to."""

    speaker: str = Field(description="The source's canonical name.")
    doc_id: str | None = Field(description="The article.")
    text: str = Field(description="The quoted words, verbatim.")
    start: int = Field(ge=0, description="Offset of the quoted words in that article.")


class SpeakerConflict(_Frozen):
    """The same words credited to different named speakers in different places."""

    quote: str = Field(description="The quote, as first seen.")
    uses: tuple[QuoteUse, ...] = Field(description="One use per distinct speaker.")


class WordingVariant(_Frozen):
    """Two differently worded versions of what looks like one quote by one speaker."""

    speaker: str = Field(description="The speaker both are credited to.")
    first: QuoteUse = Field(description="One wording.")
    second: QuoteUse = Field(description="The other wording.")
    score: float = Field(description="rapidfuzz ratio (0-100) of the normalised wordings.")


class LeaningArticle(_Frozen):
    """An article that leans on anonymous or unattributed claims."""

    doc_id: str | None = Field(description="The article.")
    outlet: str | None = Field(default=None, description="Its outlet.")
    title: str | None = Field(default=None, description="Its title.")
    sentences: int = Field(ge=0, description="Body sentences.")
    anonymous_share: float = Field(description="Share sourced to anonymous sources.")
    unattributed_share: float = Field(description="Share with no source.")
    reliance: float = Field(description="anonymous_share + unattributed_share, the ranking key.")


class CorpusReport(_Frozen):
    """Patterns across a corpus: per-outlet sourcing, conflicting and diverging quotes."""

    articles: int = Field(ge=0, description="Articles analysed.")
    failed: int = Field(ge=0, description="Records that failed and are not counted.")
    outlets: tuple[OutletShares, ...] = Field(description="Per outlet, most articles first.")
    conflicts: tuple[SpeakerConflict, ...] = Field(description="Same quote, different speakers.")
    variants: tuple[WordingVariant, ...] = Field(description="Same speaker, diverging wording.")
    leaning: tuple[LeaningArticle, ...] = Field(description="Most reliant articles first.")


_SHARES = ("named_share", "anonymous_share", "vague_share", "unattributed_share")


@dataclass
class _Outlet:
    articles: int = 0
    sentences: int = 0
    weighted: dict[str, float] = field(default_factory=lambda: dict.fromkeys(_SHARES, 0.0))


def _key(text: str) -> str:
    """Compare-only form of a quote or name: folded, case-folded, punctuation as one space."""
    return str(_NON_WORD_RE.sub(" ", fold(text).casefold())).strip()


def _speakers(analysis: Analysis) -> dict[str, str]:
    """Map quote id to the canonical name of its named speaker.

    A quote is linked from both sides (``Quote.attribution_id``, ``Attribution.quote_ids``);
    either is enough.
    """
    sources = {s.id: s for s in analysis.sources}
    attributions = {a.id: a for a in analysis.attributions}
    links = [(q.id, attributions.get(q.attribution_id or "")) for q in analysis.quotes]
    links += [(q, a) for a in analysis.attributions for q in a.quote_ids]
    named: dict[str, str] = {}
    for quote_id, att in links:
        source = sources.get(att.source_id) if att else None
        if source is not None and source.kind in _NAMED and source.name:
            named[quote_id] = source.name  # anonymous and vague sources cannot be compared
    return named


def _count(value: object, name: str) -> int:
    """``value`` if it is a whole number of at least 0 (not a bool); else an InputError."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        msg = f"{name} must be a whole number of at least 0, got {value!r}"
        raise InputError(msg)
    return value


class CorpusReportBuilder:
    """Accumulate analyses one at a time; :meth:`build` the report at the end."""

    def __init__(
        self, *, top: int = 20, min_words: int = 4, cutoff: float = 85.0, min_sentences: int = 3
    ) -> None:
        """Set the thresholds (see docs/batch.md, "Across the corpus").

        Raises:
            InputError: ``top``, ``min_words`` or ``min_sentences`` is not a whole number of at
                least 0, or ``cutoff`` is not a number from 0 to 100.
        """
        self.top = _count(top, "top")
        self.min_words = _count(min_words, "min_words")
        self.min_sentences = _count(min_sentences, "min_sentences")
        if (
            isinstance(cutoff, bool)
            or not isinstance(cutoff, int | float)
            or not 0 <= cutoff <= 100
        ):
            msg = f"cutoff must be a number from 0 to 100 (a rapidfuzz ratio), got {cutoff!r}"
            raise InputError(msg)
        self.cutoff = float(cutoff)
        self.articles = self.failed = 0
        self._outlets: dict[str | None, _Outlet] = defaultdict(_Outlet)
        self._by_quote: dict[str, dict[str, QuoteUse]] = defaultdict(dict)
        self._by_speaker: dict[str, dict[str, QuoteUse]] = defaultdict(dict)
        self._leaning: list[tuple[float, int, int, LeaningArticle]] = []

    def add(
        self, result: Analysis | Failure, *, outlet: str | None = None, title: str | None = None
    ) -> None:
        """Take one article's analysis (a Failure is only counted) with its outlet and title.

        Raises:
            InputTypeError: ``result`` is neither an Analysis nor a Failure, or ``outlet`` or
                ``title`` is neither a ``str`` nor None.
        """
        if not isinstance(result, Analysis | Failure):
            msg = (
                f"add takes an Analysis or a Failure, got {type(result).__name__}: pass the "
                f"results of quotecheck.analyze or analyze_corpus"
            )
            raise InputTypeError(msg, got=type(result))
        outlet = require_optional_text(outlet, what="outlet")
        title = require_optional_text(title, what="title")
        if isinstance(result, Failure):
            self.failed += 1
            return
        self.articles += 1
        self._add_shares(result, outlet)
        self._add_leaning(result, outlet, title)
        speakers = _speakers(result)
        for quote in result.quotes:
            speaker = speakers.get(quote.id)
            if speaker is not None and quote.kind is not QuoteKind.scare:
                self._add_quote(result.doc_id, quote, speaker)

    def _add_shares(self, analysis: Analysis, outlet: str | None) -> None:
        entry = self._outlets[outlet]
        summary = analysis.summary
        entry.articles += 1
        entry.sentences += summary.sentences
        for name in _SHARES:
            entry.weighted[name] += getattr(summary, name) * summary.sentences

    def _add_leaning(self, analysis: Analysis, outlet: str | None, title: str | None) -> None:
        s = analysis.summary
        if s.sentences < self.min_sentences or self.top <= 0:
            return
        article = LeaningArticle(
            doc_id=analysis.doc_id,
            outlet=outlet,
            title=title,
            sentences=s.sentences,
            anonymous_share=s.anonymous_share,
            unattributed_share=s.unattributed_share,
            reliance=s.anonymous_share + s.unattributed_share,
        )
        # min-heap of the best `top`; ties go to the longer article, then the earlier one
        entry = (article.reliance, s.sentences, -self.articles, article)
        if len(self._leaning) < self.top:
            heapq.heappush(self._leaning, entry)
        elif entry[:3] > self._leaning[0][:3]:
            heapq.heapreplace(self._leaning, entry)

    def _add_quote(self, doc_id: str | None, quote: Quote, speaker: str) -> None:
        key = _key(quote.span.text)
        if len(key.split()) < self.min_words:
            return  # short fragments ("no", "a disaster") recur innocently
        use = QuoteUse(speaker=speaker, doc_id=doc_id, text=quote.span.text, start=quote.span.start)
        self._by_quote[key].setdefault(_key(speaker), use)
        self._by_speaker[_key(speaker)].setdefault(key, use)

    def build(self) -> CorpusReport:
        """The report of everything added so far."""
        return CorpusReport(
            articles=self.articles,
            failed=self.failed,
            outlets=self._outlet_shares(),
            conflicts=tuple(
                SpeakerConflict(quote=next(iter(uses.values())).text, uses=tuple(uses.values()))
                for uses in self._by_quote.values()
                if len({speaker.rsplit(" ", 1)[-1] for speaker in uses}) > 1
            ),
            variants=tuple(v for uses in self._by_speaker.values() for v in self._variants(uses)),
            leaning=tuple(e[3] for e in sorted(self._leaning, key=lambda e: e[:3], reverse=True)),
        )

    def _outlet_shares(self) -> tuple[OutletShares, ...]:
        rows = [
            OutletShares(
                outlet=outlet,
                articles=e.articles,
                sentences=e.sentences,
                **{n: w / e.sentences if e.sentences else 0.0 for n, w in e.weighted.items()},
            )
            for outlet, e in self._outlets.items()
        ]
        return tuple(sorted(rows, key=lambda r: (-r.articles, r.outlet or "")))

    def _variants(self, uses: dict[str, QuoteUse]) -> list[WordingVariant]:
        """Pairs of one speaker's distinct quotes that score at least ``cutoff``."""
        keys = list(uses)
        if len(keys) < 2:
            return []
        found = []
        # process.extract, not cdist: cdist needs numpy, which is no dependency of ours.
        for i, key in enumerate(keys[:-1]):
            later = keys[i + 1 :]
            hits = process.extract(
                key, later, scorer=fuzz.ratio, score_cutoff=self.cutoff, limit=None
            )
            for _, score, offset in sorted(hits, key=lambda hit: hit[2]):
                first, second = uses[key], uses[later[offset]]
                found.append(
                    WordingVariant(speaker=first.speaker, first=first, second=second, score=score)
                )
        return found


def corpus_report(
    results: Iterable[Analysis | Failure | tuple[Analysis | Failure, Record | Failure]],
    *,
    builder: CorpusReportBuilder | None = None,
) -> CorpusReport:
    """Build a CorpusReport from analyses, or (analysis, input record) pairs for outlet/title.

    Pass a configured ``builder`` to change ``top``, ``min_words``, ``cutoff`` or
    ``min_sentences``.
    """
    builder = builder or CorpusReportBuilder()
    for item in results:
        result, meta = item if isinstance(item, tuple) else (item, None)
        if isinstance(meta, Record):
            builder.add(result, outlet=meta.outlet, title=meta.title)
        else:
            builder.add(result)
    return builder.build()


def corpus_report_from_batch(
    output: str | os.PathLike[str],
    input_path: str | os.PathLike[str],
    *,
    text_column: str = "text",
    id_column: str = "id",
    builder: CorpusReportBuilder | None = None,
) -> CorpusReport:
    """Build a CorpusReport from a finished batch output and its input (for outlet and title)."""
    records = read_corpus(input_path, text_column=text_column, id_column=id_column)
    pairs = (
        (parse_output_line(output, number, line, load_result), item)
        for number, (line, item) in enumerate(iter_output(output, records), start=1)
    )
    return corpus_report(pairs, builder=builder)
