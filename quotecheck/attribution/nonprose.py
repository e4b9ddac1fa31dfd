"""without_nonprose(paragraphs, sourcing) -> Sourcing: no attribution inside copy that is not prose.

A photo caption ("Photo: ODT files"), a contact line ("Tel: +44 …"), a credit or a press
release's boilerplate has the shapes the attribution stage reads as speech ("X: …", "X said"),
but nobody is reported there: an attribution whose content (or cue) lies wholly in sentences
of those roles (``NON_PROSE`` of :mod:`quotecheck.text.nonprose`) is dropped, with the sources
only it used; the quotes it credited lose their speaker. :func:`renumbered` gives the
survivors fresh ids in content order, and is shared with :mod:`~quotecheck.attribution.turns`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from quotecheck.attribution.records import AttributionRecord, QuoteRecord, SourceRecord, Sourcing
from quotecheck.models import Paragraph
from quotecheck.text.nonprose import NON_PROSE

__all__ = ["non_prose_ranges", "renumbered", "without_nonprose"]


def non_prose_ranges(paragraphs: tuple[Paragraph, ...]) -> list[tuple[int, int]]:
    """The (start, end) of each run of adjacent non-prose sentences, in text order."""
    ranges: list[tuple[int, int]] = []
    previous_non_prose = False
    for p in paragraphs:
        for s in p.sentences:
            non_prose = s.role in NON_PROSE
            if non_prose and previous_non_prose and ranges:
                ranges[-1] = (ranges[-1][0], s.span.end)
            elif non_prose:
                ranges.append((s.span.start, s.span.end))
            previous_non_prose = non_prose
    return ranges


def without_nonprose(paragraphs: tuple[Paragraph, ...], sourcing: Sourcing) -> Sourcing:
    """Drop the attributions whose content lies wholly in non-prose sentences.

    >>> from quotecheck.pipeline import analyze
    >>> [a.content.text for a in analyze("Photo: Jane Doe/Reuters").attributions]
    []
    """
    if not sourcing.attributions:
        return sourcing
    ranges = non_prose_ranges(paragraphs)
    if not ranges:
        return sourcing
    starts = [r[0] for r in ranges]
    kept = [a for a in sourcing.attributions if not _inside(a, ranges, starts)]
    if len(kept) == len(sourcing.attributions):
        return sourcing
    return renumbered(sourcing.quotes, sourcing.sources, kept)


def _inside(a: AttributionRecord, ranges: list[tuple[int, int]], starts: list[int]) -> bool:
    """True when ``a``'s content, or its cue, lies inside one non-prose run: a dateline read as
    a speaker ("MUMBAI: …") is no more a report than a caption is."""
    if _within(a.content[0], a.content[1], ranges, starts):
        return True
    return a.cue is not None and _within(a.cue[0], a.cue[1], ranges, starts)


def _within(start: int, end: int, ranges: list[tuple[int, int]], starts: list[int]) -> bool:
    """True when ``start:end`` lies inside one of ``ranges``."""
    n = bisect_right(starts, start) - 1
    return n >= 0 and end <= ranges[n][1]


def renumbered(
    quotes: tuple[QuoteRecord, ...],
    sources: Iterable[SourceRecord],
    attributions: list[AttributionRecord],
) -> Sourcing:
    """A Sourcing of ``attributions`` in content order with fresh ids (a1…, s1…): the sources
    they use (in the given order), the quotes pointing only at survivors."""
    attributions = sorted(attributions, key=lambda a: a.content)
    used = {a.source_id for a in attributions} | {a.via_source_id for a in attributions}
    kept_sources = [s for s in sources if s.id in used]
    source_ids = {s.id: f"s{n}" for n, s in enumerate(kept_sources, start=1)}
    attribution_ids = {a.id: f"a{n}" for n, a in enumerate(attributions, start=1)}
    new_attributions = tuple(
        a.renamed(
            attribution_ids[a.id], source_ids[a.source_id], source_ids.get(a.via_source_id or "")
        )
        for a in attributions
    )
    new_quotes = tuple(
        q if q.attribution_id is None else q.credited(attribution_ids.get(q.attribution_id))
        for q in quotes
    )
    new_sources = tuple(s.changed(source_ids[s.id], s.mentions) for s in kept_sources)
    return Sourcing(new_quotes, new_sources, new_attributions)
