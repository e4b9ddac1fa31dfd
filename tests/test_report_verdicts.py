"""The verdict views: the verify table, the copy-desk guard and the JSON records."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import quotecheck as qc
from quotecheck.cli import EXIT_FAILED, EXIT_OK, main
from quotecheck.report.verdicts import (
    GUARD_WIDTH,
    changes,
    guard_records,
    guard_report,
    verification_record,
    verification_table,
)
from quotecheck.verification import verify

COUNCIL = (
    "MAYOR ANNA LINDQVIST: We will not cut the budget for schools. [Applause]\n\n"
    "TOM REID, COUNCIL LEADER: The pool will close in March.\n"
)
ARTICLE = (
    "“The pool will close in March,” Mayor Anna Lindqvist said. “We will cut the budget for "
    "schools,” she added. Reid called it “a plan with no money behind it whatsoever”."
)
LONG_NAME = "sources/" + "very-long-folder-name/" * 6 + "council-transcript.txt"


def _verdicts() -> tuple[qc.Analysis, tuple[qc.Verification, ...]]:
    analysis = qc.analyze(ARTICLE)
    return analysis, verify(analysis, {LONG_NAME: COUNCIL}, text=ARTICLE)


def test_table_shows_the_speaker_match_in_80_columns() -> None:
    """Each quote's head line says status and speaker match; credited and source speaker follow."""
    analysis, results = _verdicts()
    table = verification_table(analysis, results)
    lines = table.splitlines()
    assert all(len(line) <= GUARD_WIDTH for line in lines), table
    heads = [line for line in lines if line.startswith("q")]
    assert [h.split()[:4] for h in heads] == [
        [v.quote_id, v.status.value, "speaker", v.speaker_match.value] for v in results
    ]
    assert heads[0].endswith("council-transcript.txt")  # a long file name keeps its end
    assert "…" in heads[0]
    assert "  credited   Anna Lindqvist, Mayor" in lines
    assert "  in source  TOM REID, COUNCIL LEADER" in lines
    assert "  in source  — (the words are in no source)" in lines  # the invented quote
    summary = " ".join(line.strip() for line in lines[-2:])
    assert summary == (
        "3 quotes: 1 exact, 1 altered, 1 not_found; speaker 1 same, 1 different, 1 unknown"
    )


def test_table_colours_status_and_misattribution() -> None:
    """With colour, statuses are green, yellow or red, and a misattribution is red."""
    analysis, results = _verdicts()
    plain = verification_table(analysis, results)
    painted = verification_table(analysis, results, color=True)
    assert "\x1b[" not in plain
    assert "\x1b[32mexact\x1b[0m" in painted
    assert "\x1b[31mspeaker different\x1b[0m" in painted
    assert "\x1b[31mnot_found\x1b[0m" in painted


def test_table_without_quotes() -> None:
    """An article with no quotes says so."""
    analysis = qc.analyze("The council met on Tuesday.")
    assert verification_table(analysis, ()) == "(no quotes to verify)\n"


def test_record_adds_meaning_and_misattribution() -> None:
    """The JSON record is the Verification plus its derived meaning flags and misattribution."""
    _, results = _verdicts()
    for v in results:
        record = verification_record(v)
        assert record.pop("meaning") == list(v.meaning)
        assert record.pop("meaning_changed") is v.meaning_changed
        assert record.pop("misattributed") is v.misattributed
        assert qc.Verification.model_validate(record) == v
    assert verification_record(results[1])["meaning"] == ["negation"]


def test_guard_shows_escapes_and_evidence() -> None:
    """The guard report shows control characters as escapes and gives both speakers."""
    analysis, results = _verdicts()
    failing = [(v, ["misattributed"]) for v in results if v.misattributed]
    report = guard_report("art\x1b[2Jicle.txt", ARTICLE, analysis, failing, len(results))
    assert "\x1b" not in report
    assert "art\\x1b[2Jicle.txt" in report
    assert "speaker    different: misattributed" in report
    assert report.endswith("1 of 3 quotes fail\n")
    (record,) = guard_records(ARTICLE, analysis, failing)
    assert (record["line"], record["column"]) == (1, 1)
    assert record["misattributed"] is True
    assert record["source_speaker"] == "TOM REID, COUNCIL LEADER"


def test_changes_lists_each_edit() -> None:
    """changes() writes each edit with its meaning flags, or a dash when there are none."""
    _, results = _verdicts()
    assert changes(results[0]) == "—"
    assert "[negation]" in changes(results[1])


def test_cli_docs_show_the_real_views(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The table and guard output printed in docs/cli.md are what the command prints."""
    root = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(root)
    page = (root / "docs" / "cli.md").read_text("utf-8")
    shown = re.findall(r"(?:the table reads|the guard prints):\n\n```text\n(.*?)```", page, re.S)
    assert len(shown) == 2
    argv = [
        "verify",
        "docs/examples/misattributed-article.txt",
        "--source",
        "docs/examples/council-transcript.txt",
    ]
    assert main(argv) == EXIT_OK
    assert capsys.readouterr().out == shown[0]
    assert main([*argv, "--fail-on", "misattributed"]) == EXIT_FAILED
    assert capsys.readouterr().out == shown[1]
