"""The corpus report: shares per outlet, conflicting speakers, diverging wordings, reliance."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotecheck.corpus.consistency import (
    CorpusReportBuilder,
    corpus_report,
    corpus_report_from_batch,
)
from quotecheck.corpus.io import Record
from quotecheck.corpus.results import dump_result
from quotecheck.models import (
    Analysis,
    Attribution,
    CueKind,
    Failure,
    Quote,
    QuoteKind,
    Source,
    SourceKind,
    SourcingSummary,
    Span,
)


def quoted(
    doc_id: str,
    said: list[tuple[str, SourceKind, str]],
    summary: SourcingSummary | None = None,
) -> Analysis:
    """An Analysis of a text where each (speaker, kind, words) is one quote with its cue."""
    text, quotes, sources, attributions = "", [], [], []
    for n, (speaker, kind, words) in enumerate(said, start=1):
        start = len(text) + 1
        text += f"“{words}” {speaker} said. "
        span = Span(start=start, end=start + len(words), text=words)
        marks = Span(start=start - 1, end=start + len(words) + 1, text=f"“{words}”")
        quotes.append(Quote(id=f"q{n}", span=span, marks=marks, kind=QuoteKind.direct, paragraph=0))
        name = speaker if kind is not SourceKind.anonymous else None
        sources.append(Source(id=f"s{n}", kind=kind, name=name, descriptor=speaker))
        attributions.append(
            Attribution(
                id=f"a{n}",
                source_id=f"s{n}",
                cue=None,
                cue_kind=CueKind.speech_verb,
                content=span,
                quote_ids=(f"q{n}",),
            )
        )
    return Analysis(
        doc_id=doc_id,
        length=len(text),
        quotes=tuple(quotes),
        sources=tuple(sources),
        attributions=tuple(attributions),
        summary=summary or SourcingSummary(),
    )


PERSON, ANON = SourceKind.person, SourceKind.anonymous
WORDS = "We will not leave the region until the job is done"
SHOUTED = "we will NOT leave the region — until the job is done"
VARIANT = "We will not leave this region until the job is finished"


def test_same_quote_different_speakers_is_a_conflict() -> None:
    """The same words credited to two named speakers are reported once, with both uses."""
    report = corpus_report(
        [
            quoted("d1", [("Jane Doe", PERSON, WORDS)]),
            quoted("d2", [("John Roe", PERSON, SHOUTED)]),
            quoted("d3", [("Jane Doe", PERSON, WORDS)]),  # same speaker again: no conflict
            quoted("d4", [("a senior official", ANON, WORDS)]),  # anonymous: not comparable
            quoted("d5", [("Doe", PERSON, WORDS)]),  # a short name for Jane Doe: no conflict
        ]
    )
    (conflict,) = report.conflicts
    assert conflict.quote == WORDS
    assert [(u.speaker, u.doc_id) for u in conflict.uses] == [
        ("Jane Doe", "d1"),
        ("John Roe", "d2"),
        ("Doe", "d5"),
    ]
    assert conflict.uses[1].start == 1


def test_same_surname_is_not_a_conflict() -> None:
    """A quote credited to "Doe" and to "Jane Doe" is one speaker's, not a conflict."""
    report = corpus_report(
        [quoted("d1", [("Jane Doe", PERSON, WORDS)]), quoted("d2", [("Doe", PERSON, WORDS)])]
    )
    assert report.conflicts == ()


def test_short_fragments_are_not_conflicts() -> None:
    """Quotes shorter than min_words recur innocently and are left out."""
    first = quoted("d1", [("A Person", PERSON, "a disaster")])
    report = corpus_report([first, quoted("d2", [("B Person", PERSON, "a disaster")])])
    assert report.conflicts == ()


def test_diverging_wordings_are_found_within_a_speaker_only() -> None:
    """Two close but different wordings by one speaker are a variant; other speakers are not."""
    variant = VARIANT
    unrelated = "Taxes will go down for every family in the next year"
    report = corpus_report(
        [
            quoted("d1", [("Jane Doe", PERSON, WORDS), ("Jane Doe", PERSON, unrelated)]),
            quoted("d2", [("Jane Doe", PERSON, variant)]),
            quoted("d3", [("John Roe", PERSON, variant.replace("this", "that"))]),
        ]
    )
    (found,) = report.variants
    assert found.speaker == "Jane Doe"
    assert {found.first.text, found.second.text} == {WORDS, variant}
    assert {found.first.doc_id, found.second.doc_id} == {"d1", "d2"}
    assert 85 <= found.score < 100


def test_variant_cutoff_is_configurable() -> None:
    """A stricter cutoff drops a variant the default reports."""
    analyses = [
        quoted("d1", [("Jane Doe", PERSON, WORDS)]),
        quoted("d2", [("Jane Doe", PERSON, VARIANT)]),
    ]
    assert len(corpus_report(analyses).variants) == 1
    assert corpus_report(analyses, builder=CorpusReportBuilder(cutoff=99)).variants == ()


def summary(sentences: int, named: float, anonymous: float, unattributed: float) -> SourcingSummary:
    """A SourcingSummary with the given sentence count and shares."""
    return SourcingSummary(
        sentences=sentences,
        named_share=named,
        anonymous_share=anonymous,
        unattributed_share=unattributed,
    )


def test_outlet_shares_are_weighted_by_sentences() -> None:
    """Per-outlet shares weight each article by its sentences; failures are only counted."""
    meta_a = Record(id="a", text="", outlet="Daily", title="A")
    meta_b = Record(id="b", text="", outlet="Daily")
    meta_c = Record(id="c", text="", outlet="Weekly")
    failure = Failure(doc_id="x", error="bad", error_type="InputError")
    report = corpus_report(
        [
            (quoted("a", [], summary(10, 1.0, 0.0, 0.0)), meta_a),
            (quoted("b", [], summary(30, 0.0, 0.5, 0.5)), meta_b),
            (quoted("c", [], summary(4, 0.25, 0.25, 0.5)), meta_c),
            failure,
        ]
    )
    assert (report.articles, report.failed) == (3, 1)
    daily, weekly = report.outlets
    assert (daily.outlet, daily.articles, daily.sentences) == ("Daily", 2, 40)
    assert daily.named_share == pytest.approx(0.25)
    assert daily.anonymous_share == pytest.approx(0.375)
    assert daily.unattributed_share == pytest.approx(0.375)
    assert (weekly.outlet, weekly.named_share) == ("Weekly", pytest.approx(0.25))


def test_leaning_articles_ranked_and_bounded() -> None:
    """The most anonymous-or-unattributed articles come first, at most `top`, short ones skipped."""
    analyses = [
        quoted("calm", [], summary(10, 0.9, 0.0, 0.1)),
        quoted("leaky", [], summary(10, 0.2, 0.5, 0.3)),
        quoted("opinion", [], summary(10, 0.0, 0.0, 1.0)),
        quoted("tiny", [], summary(1, 0.0, 1.0, 0.0)),
        quoted("middling", [], summary(10, 0.5, 0.25, 0.25)),
    ]
    report = corpus_report(analyses, builder=CorpusReportBuilder(top=3))
    assert [a.doc_id for a in report.leaning] == ["opinion", "leaky", "middling"]
    assert report.leaning[1].reliance == pytest.approx(0.8)


def test_report_from_a_batch_output(tmp_path: Path) -> None:
    """corpus_report_from_batch joins the output with its input for outlets."""
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "x", "outlet": "Daily"}\n{"id": "b"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    failure = Failure(doc_id="b", error="no text", error_type="InputError", line=2)
    out.write_text(
        dump_result(quoted("a", [], summary(5, 1.0, 0.0, 0.0)))
        + "\n"
        + dump_result(failure)
        + "\n",
        encoding="utf-8",
    )
    report = corpus_report_from_batch(out, src)
    assert (report.articles, report.failed) == (1, 1)
    assert [(o.outlet, o.sentences) for o in report.outlets] == [("Daily", 5)]


def test_quote_side_link_is_enough() -> None:
    """A quote whose attribution_id names the attribution counts, even if quote_ids is empty."""
    analyses = []
    for doc_id, speaker in (("d1", "Jane Doe"), ("d2", "John Roe")):
        a = quoted(doc_id, [(speaker, PERSON, WORDS)])
        quote = a.quotes[0].model_copy(update={"attribution_id": "a1"})
        att = a.attributions[0].model_copy(update={"quote_ids": ()})
        analyses.append(a.model_copy(update={"quotes": (quote,), "attributions": (att,)}))
    (conflict,) = corpus_report(analyses).conflicts
    assert [u.speaker for u in conflict.uses] == ["Jane Doe", "John Roe"]
