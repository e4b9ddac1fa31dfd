"""Where a batch writes: same-file refusal, writable paths, whole lines, atomic summaries."""

from __future__ import annotations

import csv
import errno
import os
from pathlib import Path
from typing import Any

import pytest

from quotecheck.corpus import outputs
from quotecheck.corpus.io import Record
from quotecheck.corpus.outputs import LineWriter, check_paths, spreadsheet_cell
from quotecheck.corpus.results import dump_result
from quotecheck.corpus.summary_table import write_summary
from quotecheck.errors import BatchError
from quotecheck.models import Analysis


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "text": "It rained."}\n', encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "alias",
    ["same", "dotted", "symlink", "hardlink"],
)
@pytest.mark.parametrize("pair", ["input-output", "input-summary", "output-summary"])
def test_two_names_for_one_file_are_refused(
    corpus: Path, tmp_path: Path, alias: str, pair: str
) -> None:
    """Any two of input, output and summary naming one file (by any route) are refused."""
    first = corpus if pair.startswith("input") else tmp_path / "out.jsonl"
    first.touch()
    other: Path = {
        "same": first,
        "dotted": tmp_path / "x" / ".." / first.name,
        "symlink": tmp_path / "link",
        "hardlink": tmp_path / "hard",
    }[alias]
    if alias == "symlink":
        other.symlink_to(first)
    elif alias == "hardlink":
        os.link(first, other)
    (tmp_path / "x").mkdir()
    paths: dict[str, Any] = {"input-output": (corpus, other, None)}
    paths["input-summary"] = (corpus, tmp_path / "o.jsonl", other)
    paths["output-summary"] = (corpus, first, other)
    with pytest.raises(BatchError, match="same file"):
        check_paths(*paths[pair])


def test_outputs_that_cannot_be_written_are_refused(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A missing folder, a folder as file, or no permission is refused with what to do."""
    with pytest.raises(BatchError, match="does not exist; create it"):
        check_paths(corpus, tmp_path / "missing" / "o.jsonl", None)
    with pytest.raises(BatchError, match="is a folder"):
        check_paths(corpus, tmp_path, None)
    with pytest.raises(BatchError, match=r"summary .* does not exist"):
        check_paths(corpus, tmp_path / "o.jsonl", tmp_path / "missing" / "s.csv")
    with pytest.raises(BatchError, match="would be read as input"):
        check_paths(tmp_path, tmp_path / "o.txt", None)
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(BatchError, match="no permission"):
        check_paths(corpus, tmp_path / "o.jsonl", None)


def test_a_failed_write_leaves_whole_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the disk fills up mid-line, the torn part is cut off and the error names the file."""
    path = tmp_path / "o.jsonl"
    path.write_bytes(b"old line\ntorn")
    writer = LineWriter(path, keep=9)
    writer.write(b"first\n")
    raw = writer.file
    room = [4]

    class Full:
        def write(self, data: memoryview) -> int:
            if room[0] == 0:
                raise OSError(errno.ENOSPC, "No space left on device")
            taken = min(room[0], len(data))
            room[0] -= taken
            return raw.write(data[:taken]) or 0

        def truncate(self, size: int) -> int:
            return raw.truncate(size)

    monkeypatch.setattr(writer, "file", Full())
    with pytest.raises(BatchError, match=r"No space left on device.*--resume"):
        writer.write(b"second line\n")
    raw.close()
    assert path.read_bytes() == b"old line\nfirst\n"


def test_summary_cells_cannot_run_as_formulas(tmp_path: Path) -> None:
    """Ids, outlets and titles that start like a formula get a leading apostrophe in the CSV."""
    out = tmp_path / "o.jsonl"
    hostile = ['=HYPERLINK("http://x","y")', "+cmd", "-2+3", "@SUM(1)", "\tx", "\rx", "＝1"]
    out.write_text("".join(dump_result(Analysis(doc_id=h)) + "\n" for h in hostile), "utf-8")
    records = [Record(id=h, text="", line=1, outlet=h, title=h) for h in hostile]
    write_summary(out, records, tmp_path / "s.csv")
    with (tmp_path / "s.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row, value in zip(rows, hostile, strict=True):
        assert row["id"] == row["outlet"] == row["title"] == "'" + value
    assert spreadsheet_cell("Daily") == "Daily"
    assert spreadsheet_cell(-3) == -3  # numbers are numbers, not text


def test_summary_cells_behind_spaces_controls_or_nul_cannot_run() -> None:
    """A formula behind leading spaces or control characters, or a cell opening with a NUL or
    a line feed (ASVS 1.2.10 lists NUL), was written as it was; it gets the apostrophe too."""
    for value in (" =HYPERLINK(1)", "\n=cmd", "\x00=1", "\x00x", "\nx", " \t @SUM(1)", "\x1c+1"):
        assert spreadsheet_cell(value) == "'" + value, value
    for value in (" Daily", "A-1", "x=1", "\u00a0Daily"):
        assert spreadsheet_cell(value) == value, value


def test_summary_replaces_the_old_one_only_when_complete(tmp_path: Path) -> None:
    """A summary that fails half-way leaves the earlier one and no stray file; surrogates pass."""
    out = tmp_path / "o.jsonl"
    out.write_text(dump_result(Analysis(doc_id="a")) + "\n", encoding="utf-8")
    summary = tmp_path / "s.csv"
    summary.write_text("earlier\n", encoding="utf-8")
    with pytest.raises(BatchError, match="ends before the input"):
        write_summary(out, [Record(id="a", text=""), Record(id="b", text="")], summary)
    assert summary.read_text(encoding="utf-8") == "earlier\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.jsonl", "s.csv"]
    out.write_text(dump_result(Analysis(doc_id="a\ud800")) + "\n", encoding="utf-8")
    write_summary(out, [Record(id="a\ud800", text="", title="t\udce9")], summary)
    assert summary.read_text(encoding="utf-8").splitlines()[1].startswith("a\\ud800,,t\\udce9,")


def test_text_cells_escape_lone_surrogates() -> None:
    """Text a file cannot hold as UTF-8 is written with the surrogate escaped."""
    assert outputs.text_cell("a\ud800b") == "a\\ud800b"
    assert outputs.text_cell("naïve") == "naïve"


def test_an_interrupt_while_a_line_is_written_still_stops_the_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """pydantic-core turns a KeyboardInterrupt raised mid-write (Ctrl-C, or SIGTERM through the
    CLI) into a serialisation error; it comes out as the interrupt again, not as a bad record or a
    line written a second way (a batch once went on to the end after such a SIGTERM)."""
    from pydantic import BaseModel
    from pydantic_core import PydanticSerializationError

    def interrupted(self: BaseModel, **kwargs: Any) -> str:
        msg = "Error serializing to JSON: KeyboardInterrupt: "
        raise PydanticSerializationError(msg)

    monkeypatch.setattr(BaseModel, "model_dump_json", interrupted)
    with pytest.raises(KeyboardInterrupt):
        dump_result(Analysis(doc_id="a"))


def test_a_lone_surrogate_is_written_as_its_escape() -> None:
    """A result holding a lone surrogate is one line that reads back equal (the models write it)."""
    from quotecheck.corpus.results import load_result

    line = dump_result(Analysis(doc_id="x\ud800"))
    assert "\\ud800" in line
    assert load_result(line) == Analysis(doc_id="x\ud800")
