"""The genre reading (claims/genre.py), and the labels and flags that follow it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import quotecheck as qc
from quotecheck.attribution.attribute import Sourcing
from quotecheck.claims.genre import answer_paragraphs, given_genre, read_genre
from quotecheck.cli import main
from quotecheck.config import AnalyzerConfig
from quotecheck.corpus.batch import analyze_corpus
from quotecheck.corpus.io import read_corpus
from quotecheck.text.segment import segment
from tests.conftest import case_params, load_cases

CASES = load_cases("genre")


def _kind_of(a: qc.Analysis, prefix: str) -> str | None:
    """The kind of the first claim whose sentence starts with ``prefix``."""
    for claim in a.claims:
        if claim.span.text.startswith(prefix):
            return claim.kind.value
    return None


@pytest.mark.parametrize("case", case_params("genre"))
def test_genre_case(case: dict[str, Any]) -> None:
    """Each golden document gets the expected genre and the expected label per sentence."""
    a = qc.analyze(case["input"], genre=case.get("given"))
    expected = case["expected"]
    assert a.genre.kind.value == expected["genre"], a.genre.reasons
    got = {prefix: _kind_of(a, prefix) for prefix, _ in expected["sentences"]}
    assert got == dict(expected["sentences"])


def test_enough_documents_cover_every_genre() -> None:
    """At least 30 golden documents, covering every genre."""
    assert len(CASES) >= 30
    assert {c["expected"]["genre"] for c in CASES} == {k.value for k in qc.GenreKind}


SOURCED_NEWS = "\n\n".join(
    [
        "Three people were injured and a man was charged with assault after a brawl outside "
        "a Hamilton bar on Saturday, police said.",
        "Senior Sergeant Kim Ross said the victims were treated for cuts and bruises.",
        "The 28-year-old accused will appear in court on Monday, a police spokeswoman said.",
        "The bar's owner, Rob Tait, said the violence was a shock to his staff.",
        "The council's licensing committee will review the bar's licence, chairwoman Ana Fox said.",
    ]
)


def test_sourced_news_with_sentiment_words_raises_no_editorial_flag() -> None:
    """A fully sourced news report with injured, charged, violence and shock is not framing."""
    a = qc.analyze(SOURCED_NEWS)
    assert a.genre.kind is qc.GenreKind.news
    assert [f for f in a.flags if f.kind is qc.FlagKind.editorial_framing] == []
    assert all(c.kind is not qc.ClaimKind.editorial for c in a.claims)


PLAIN_COLUMN = "\n\n".join(
    [
        "I walk to the station every morning.",
        "The footpath on Kent Road ends at the school gate.",
        "From there you share the road with the buses.",
        "The council should finish the footpath this summer.",
        "I would happily pay for it.",
    ]
)


def test_opinion_column_without_loaded_words_reads_as_opinion() -> None:
    """A column with no loaded vocabulary is read as opinion from the writer's voice."""
    a = qc.analyze(PLAIN_COLUMN)
    assert a.genre.kind is qc.GenreKind.opinion
    assert a.genre.confidence >= AnalyzerConfig().genre_min_confidence
    assert any("voice" in r for r in a.genre.reasons)
    assert [c.kind.value for c in a.claims].count("editorial") >= 4


def test_sentence_alone_has_no_genre() -> None:
    """One sentence is too short to tell a genre, so labels fall back to the sentence's signals."""
    a = qc.analyze("Smokers are more likely to develop the disease.")
    assert a.genre.kind is qc.GenreKind.unknown
    assert a.claims[0].kind is qc.ClaimKind.unattributed


def test_given_genre_is_marked_and_certain() -> None:
    """A genre passed by the caller is used as given, with confidence 1."""
    a = qc.analyze("The council should act.", genre="opinion")
    assert (a.genre.kind, a.genre.given, a.genre.confidence) == (qc.GenreKind.opinion, True, 1.0)
    assert a.claims[0].kind is qc.ClaimKind.editorial
    assert given_genre(qc.GenreKind.review).kind is qc.GenreKind.review


def test_unknown_genre_name_is_an_input_error() -> None:
    """A genre name that is no genre raises InputError naming the choices."""
    with pytest.raises(qc.InputError, match="press_release"):
        qc.analyze("Text.", genre="column")


def test_genre_of_wrong_type_is_an_input_type_error() -> None:
    """A genre that is neither a str nor a GenreKind raises InputTypeError."""
    with pytest.raises(qc.InputTypeError):
        qc.analyze("Text.", genre=3)  # type: ignore[arg-type]


def test_genre_round_trips_through_json() -> None:
    """Analysis.genre survives model_dump_json / model_validate_json."""
    a = qc.analyze(PLAIN_COLUMN)
    assert qc.Analysis.model_validate_json(a.model_dump_json()).genre == a.genre


def test_low_confidence_genre_changes_nothing() -> None:
    """Below genre_min_confidence the read genre leaves labels as the sentence signals say."""
    strict = AnalyzerConfig(genre_min_confidence=1.0)
    a = qc.analyze(PLAIN_COLUMN, config=strict)
    assert a.genre.kind is qc.GenreKind.opinion
    assert a.claims[1].kind is qc.ClaimKind.unattributed  # the footpath sentence, plain fact


def test_read_genre_needs_enough_sentences() -> None:
    """genre_min_sentences sets how many body sentences a reading needs."""
    text = "The bridge reopened on Friday. It had been shut since June."
    paragraphs = segment(text)
    frames = [(), ()], [[], []]
    few = read_genre(text, paragraphs, Sourcing((), (), ()), *frames, AnalyzerConfig())
    assert few.kind is qc.GenreKind.unknown
    assert "too short" in few.reasons[0]
    one = AnalyzerConfig(genre_min_sentences=1)
    assert read_genre(text, paragraphs, Sourcing((), (), ()), *frames, one).kind is not (
        qc.GenreKind.unknown
    )


def test_answer_paragraphs_follow_questions() -> None:
    """A paragraph after a lone question is an answer; a question after a question is not."""
    text = "How was it?\n\nHard work.\n\nWhy?\n\nWhen?\n\nSoon."
    assert answer_paragraphs(segment(text)) == frozenset({1, 4})


def test_flag_severity_follows_genre() -> None:
    """Editorial framing ranks high in news, low in a labelled column; an unsourced allegation
    ranks high in both."""
    body = "The mayor is clearly desperate to bury the damning audit."
    allegation = "The mayor took a bribe of $40,000 from the developer in 2021."
    news = qc.analyze(f"{body}\n\n{allegation}", genre="news")
    column = qc.analyze(f"Opinion\n\n{body}\n\n{allegation}")
    assert column.genre.kind is qc.GenreKind.opinion

    def severity(a: qc.Analysis, kind: qc.FlagKind) -> str:
        return next(f.severity.value for f in a.flags if f.kind is kind)

    assert severity(news, qc.FlagKind.editorial_framing) == "high"
    assert severity(column, qc.FlagKind.editorial_framing) == "low"
    assert severity(news, qc.FlagKind.unattributed_claim) == "high"
    assert severity(column, qc.FlagKind.unattributed_claim) == "high"


def test_imputation_ranks_above_anonymous_sources() -> None:
    """'They claim' is flagged as the writer's framing, above the text's anonymous sources."""
    text = (
        "They claim the levy will pay for itself. A council official, who asked not to be "
        "named, said the levy would raise $2 million."
    )
    a = qc.analyze(text)
    editorial = next(f for f in a.flags if f.kind is qc.FlagKind.editorial_framing)
    anonymous = next(f for f in a.flags if f.kind is qc.FlagKind.anonymous_source)
    assert editorial.severity.rank > anonymous.severity.rank
    assert all(s.descriptor != "they" for s in a.sources)


def test_claim_reasons_name_the_genre() -> None:
    """A label decided by the genre says which genre decided it."""
    a = qc.analyze(PLAIN_COLUMN)
    assert any("genre opinion" in r for c in a.claims for r in c.reasons)


def test_jsonl_genre_field_reaches_the_analysis(tmp_path: Path) -> None:
    """A JSONL record's 'genre' field is the caller's genre; a bad one is an error record."""
    src = tmp_path / "in.jsonl"
    rows = [
        {"id": "a", "text": "The council should act.", "genre": "opinion"},
        {"id": "b", "text": "The council should act."},
        {"id": "c", "text": "The council should act.", "genre": "gossip"},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    out = tmp_path / "out.jsonl"
    stats = qc.run_batch(src, out, engine="serial", progress=False, log=lambda _: None)
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert lines[0]["genre"]["kind"] == "opinion"
    assert lines[0]["genre"]["given"] is True
    assert lines[1]["genre"]["given"] is False
    assert lines[2]["error_type"] == "InputError"
    assert "gossip" in lines[2]["error"]
    assert stats.exit_code == 1


def test_csv_genre_column_option(tmp_path: Path) -> None:
    """--genre-column names the CSV column with the genre; an empty cell reads the text."""
    src = tmp_path / "in.csv"
    src.write_text("id,body,kind\nx,The council should act.,letter\ny,The council should act.,\n")
    out = tmp_path / "out.jsonl"
    code = main(
        [
            "batch",
            str(src),
            "-o",
            str(out),
            "--text-column",
            "body",
            "--genre-column",
            "kind",
            "--engine",
            "serial",
            "--no-progress",
        ]
    )
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert code == 0
    assert lines[0]["genre"] == {
        "kind": "letter",
        "confidence": 1.0,
        "reasons": ["given by the caller"],
        "given": True,
    }
    assert lines[1]["genre"]["given"] is False


def test_a_long_unknown_genre_is_clipped_in_the_error(tmp_path: Path) -> None:
    """`--genre-column text` (or a hostile genre field) put the whole article into the error
    record's message, one copy per record; the message quotes its first 40 characters."""
    text = "The mayor said the budget would pass. " * 2000
    with pytest.raises(qc.InputError) as caught:
        qc.analyze("“Hi,” she said.", genre=text)
    assert len(str(caught.value)) < 300
    assert f"{text[:40]}…" in str(caught.value)
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": text}) + "\n", encoding="utf-8")
    (failure,) = analyze_corpus(read_corpus(corpus, genre_column="text"), engine="serial")
    assert isinstance(failure, qc.Failure)
    assert failure.error_type == "InputError"
    assert len(failure.error) < 300
