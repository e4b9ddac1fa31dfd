"""Corpus readers, output lines, resume bookkeeping and the per-article summary."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest

from quotecheck.corpus.io import (
    Record,
    count_records,
    read_corpus,
    read_csv,
    read_jsonl,
    read_parquet,
    read_txt_dir,
)
from quotecheck.corpus.results import dump_result, load_result, prepare_resume
from quotecheck.corpus.summary_table import SUMMARY_COLUMNS, write_summary
from quotecheck.errors import BatchError
from quotecheck.models import Analysis, Failure, SourcingSummary

JSONL_LINES = [
    '{"id": "a", "text": "One.", "title": "T", "outlet": "Daily", "url": "u", "published": "p"}',
    "{not json",
    '{"id": "b"}',
    '{"id": "c", "text": ["x"]}',
    "",
    '{"text": "No id."}',
    "[1, 2]",
    '{"id": 7, "text": "Numeric id."}',
]


def _write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _check_jsonl_items(items: list[Record | Failure]) -> None:
    assert [type(i).__name__ for i in items] == [
        "Record",
        "Failure",
        "Failure",
        "Failure",
        "Record",
        "Failure",
        "Record",
    ]
    first = items[0]
    assert isinstance(first, Record)
    assert (first.id, first.text, first.line, first.title, first.outlet) == (
        "a",
        "One.",
        1,
        "T",
        "Daily",
    )
    assert (first.url, first.published) == ("u", "p")
    bad_json, no_text, not_str = items[1], items[2], items[3]
    assert isinstance(bad_json, Failure)
    assert (bad_json.doc_id, bad_json.line, bad_json.error_type) == (None, 2, "JSONDecodeError")
    assert isinstance(no_text, Failure)
    assert (no_text.doc_id, no_text.line) == ("b", 3)
    assert "no 'text' field" in no_text.error
    assert isinstance(not_str, Failure)
    assert (not_str.doc_id, not_str.line, not_str.error_type) == ("c", 4, "InputTypeError")
    assert "got list" in not_str.error
    no_id = items[4]
    assert isinstance(no_id, Record)
    assert (no_id.id, no_id.line) == ("line-6", 6)
    assert isinstance(items[5], Failure)
    assert items[5].line == 7
    numeric = items[6]
    assert isinstance(numeric, Record)
    assert numeric.id == "7"


def test_read_jsonl_yields_records_and_failures_with_line_numbers(tmp_path: Path) -> None:
    """Every non-blank JSONL line becomes a Record, or a Failure naming its id and line."""
    items = list(read_jsonl(_write_jsonl(tmp_path / "c.jsonl", JSONL_LINES)))
    _check_jsonl_items(items)


def test_read_jsonl_gz_equals_plain(tmp_path: Path) -> None:
    """A gzipped JSONL file reads exactly like the plain one."""
    path = tmp_path / "c.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(JSONL_LINES) + "\n")
    _check_jsonl_items(list(read_corpus(path)))


def test_read_jsonl_other_field_names(tmp_path: Path) -> None:
    """The text and id fields can be renamed."""
    path = _write_jsonl(tmp_path / "c.jsonl", ['{"key": "k1", "body": "Hello."}'])
    (record,) = read_jsonl(path, text_field="body", id_field="key")
    assert isinstance(record, Record)
    assert (record.id, record.text) == ("k1", "Hello.")


def test_read_txt_dir_ids_are_relative_paths_in_sorted_order(tmp_path: Path) -> None:
    """A folder of .txt files yields one Record per file, id = relative POSIX path, sorted."""
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Ay.", encoding="utf-8")
    (tmp_path / "ignored.md").write_text("no", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa broken")
    items = list(read_corpus(tmp_path))
    assert list(read_txt_dir(tmp_path)) == items
    assert [i.id if isinstance(i, Record) else i.doc_id for i in items] == [
        "a.txt",
        "b/z.txt",
        "bad.txt",
    ]
    assert [i.text for i in items if isinstance(i, Record)] == ["Ay.", "Zed."]
    assert isinstance(items[2], Failure)
    assert items[2].error_type == "UnicodeDecodeError"
    assert count_records(tmp_path) == 3


def test_read_csv_chosen_text_column(tmp_path: Path) -> None:
    """CSV rows become Records from the chosen text column; missing ids get row-N."""
    path = tmp_path / "c.csv"
    long_text = "Word " * 50_000 + '"quoted"\nnext line'
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["uid", "body", "outlet"])
        writer.writerow(["x1", long_text, "Daily"])
        writer.writerow(["", "Second.", ""])
    items = list(read_csv(path, text_column="body", id_column="uid"))
    first, second = items
    assert isinstance(first, Record)
    assert isinstance(second, Record)
    assert (first.id, first.text, first.outlet) == ("x1", long_text, "Daily")
    assert (second.id, second.text) == ("row-2", "Second.")
    assert second.line == 4  # the long text spans two physical lines
    assert count_records(path) == 2


def test_read_csv_without_the_text_column_raises(tmp_path: Path) -> None:
    """A CSV without the text column is a BatchError naming the columns it has."""
    path = tmp_path / "c.csv"
    path.write_text("id,body\n1,Hi.\n", encoding="utf-8")
    with pytest.raises(BatchError, match="columns: id, body"):
        read_corpus(path)  # raised on the call, before any row is read


def test_read_parquet(tmp_path: Path) -> None:
    """Parquet rows stream as Records in batches, with metadata and failures like JSONL."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "c.parquet"
    table = pa.table(
        {
            "id": [f"p{i}" for i in range(5)],
            "text": ["Text."] * 4 + [None],
            "outlet": ["O"] * 5,
        }
    )
    pq.write_table(table, path)
    items = list(read_parquet(path, batch_size=2))
    assert [i.id for i in items if isinstance(i, Record)] == ["p0", "p1", "p2", "p3"]
    assert isinstance(items[4], Failure)
    assert (items[4].doc_id, items[4].line) == ("p4", 5)
    assert count_records(path) == 5
    with pytest.raises(BatchError, match="column 'body'"):
        read_corpus(path, text_column="body")


def test_parquet_binary_ids_are_refused_and_binary_metadata_decoded(tmp_path: Path) -> None:
    """A binary id column gave ids "b'x'" and "b'\\xff'" (Python's repr of bytes): now such a
    record is an InputTypeError error record, as a list or an object id is; a binary title is
    decoded rather than written as "b'...'"."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "c.parquet"
    pq.write_table(
        pa.table(
            {
                "id": pa.array([b"x", b"\xff"], pa.binary()),
                "text": ["Text.", "Text."],
                "title": pa.array(["Caf\u00e9".encode(), b"\xff"], pa.binary()),
            }
        ),
        path,
    )
    first, second = read_parquet(path)
    assert isinstance(first, Failure)
    assert (first.doc_id, first.error_type) == ("row-1", "InputTypeError")
    assert "got bytes" in first.error
    assert isinstance(second, Failure)
    pq.write_table(
        pa.table({"text": ["Text."], "title": pa.array(["Caf\u00e9".encode()], pa.binary())}),
        path,
    )
    (record,) = read_parquet(path)
    assert isinstance(record, Record)
    assert (record.id, record.title) == ("row-1", "Caf\u00e9")


def test_read_corpus_missing_path(tmp_path: Path) -> None:
    """A path that does not exist is a BatchError, not an empty corpus."""
    with pytest.raises(BatchError, match="does not exist"):
        read_corpus(tmp_path / "nope.jsonl")


def test_output_lines_round_trip() -> None:
    """An output line reads back as the same Analysis or Failure."""
    analysis = Analysis(doc_id="d", length=3)
    failure = Failure(doc_id=None, error="bad", error_type="InputError", line=4)
    assert load_result(dump_result(analysis)) == analysis
    assert load_result(dump_result(failure).encode()) == failure
    assert json.loads(dump_result(failure)) == {
        "doc_id": None,
        "error": "bad",
        "error_type": "InputError",
        "line": 4,
    }


def test_prepare_resume_checks_whole_lines_against_the_input(tmp_path: Path) -> None:
    """Resume counts the whole lines that match the input's first records; a torn one is left."""
    out = tmp_path / "o.jsonl"
    lines = [
        dump_result(Analysis(doc_id="a", length=2)),
        dump_result(Failure(doc_id=None, error="x", error_type="JSONDecodeError", line=2)),
        dump_result(Analysis(doc_id="a", length=3)),
    ]
    whole = "".join(line + "\n" for line in lines)
    out.write_text(whole + '{"doc_id": "b", "len', encoding="utf-8")
    records: list[Record | Failure] = [
        Record(id="a", text="ab", line=1),
        Failure(doc_id=None, error="x", error_type="JSONDecodeError", line=2),
        Record(id="a", text="abc", line=3),
        Record(id="b", text="b", line=4),
    ]
    state = prepare_resume(out, records)
    assert (state.written, state.failed, state.keep) == (3, 1, len(whole.encode()))
    assert out.read_text(encoding="utf-8").startswith(whole)  # nothing changed yet
    assert prepare_resume(tmp_path / "new.jsonl", records).keep is None


@pytest.mark.parametrize(
    "records",
    [
        [Record(id="b", text="ab", line=1)],  # another id
        [Record(id="a", text="abc", line=1)],  # the same id, another text
        [Failure(doc_id="a", error="x", error_type="InputError", line=1)],  # not analysed
        [],  # fewer records than lines
    ],
    ids=["other-id", "other-length", "failure", "shorter-input"],
)
def test_prepare_resume_refuses_an_output_from_another_input(
    tmp_path: Path, records: list[Record | Failure]
) -> None:
    """An output whose lines do not match the input record by record is refused, unchanged."""
    out = tmp_path / "o.jsonl"
    out.write_text(dump_result(Analysis(doc_id="a", length=2)) + "\n", encoding="utf-8")
    with pytest.raises(BatchError, match="another input"):
        prepare_resume(out, records)


def test_prepare_resume_refuses_foreign_files(tmp_path: Path) -> None:
    """A whole line that is not quotecheck output stops the resume instead of being overwritten."""
    out = tmp_path / "o.jsonl"
    out.write_text("hello\n", encoding="utf-8")
    with pytest.raises(BatchError, match="line 1"):
        prepare_resume(out, [Record(id="a", text="")])
    assert out.read_text(encoding="utf-8") == "hello\n"


def _summary_fixture(tmp_path: Path) -> tuple[Path, list[Record | Failure]]:
    summary = SourcingSummary(
        sentences=4,
        claims_by_kind={"quoted": 1, "unattributed": 3},
        quotes_by_kind={"direct": 2},
        attributions_by_source_kind={"person": 1},
        named_share=0.25,
        unattributed_share=0.75,
        distinct_named_sources=1,
    )
    failure = Failure(doc_id="b", error="too long", error_type="InputError", line=2)
    out = tmp_path / "o.jsonl"
    out.write_text(
        dump_result(Analysis(doc_id="a", summary=summary)) + "\n" + dump_result(failure) + "\n",
        encoding="utf-8",
    )
    records: list[Record | Failure] = [
        Record(id="a", text="…", line=1, title="Title, with comma", outlet="Daily"),
        Record(id="b", text="…", line=2, outlet="Weekly"),
    ]
    return out, records


def test_write_summary_csv_columns_and_values(tmp_path: Path) -> None:
    """The summary CSV has the SourcingSummary as columns plus id/outlet/title, failures too."""
    out, records = _summary_fixture(tmp_path)
    assert write_summary(out, records, tmp_path / "s.csv") == 2
    with (tmp_path / "s.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == SUMMARY_COLUMNS
    first, second = rows
    assert (first["id"], first["outlet"], first["title"]) == ("a", "Daily", "Title, with comma")
    assert (first["sentences"], first["claims_quoted"], first["claims_unattributed"]) == (
        "4",
        "1",
        "3",
    )
    assert (first["quotes_direct"], first["quotes_scare"], first["attributions_person"]) == (
        "2",
        "0",
        "1",
    )
    assert (first["named_share"], first["unattributed_share"], first["error"]) == (
        "0.25",
        "0.75",
        "",
    )
    assert (second["id"], second["outlet"], second["error"], second["sentences"]) == (
        "b",
        "Weekly",
        "too long",
        "",
    )
    assert (first["line"], second["line"]) == ("1", "2")


def test_write_summary_parquet(tmp_path: Path) -> None:
    """A .parquet summary path writes the same rows as Parquet."""
    pq = pytest.importorskip("pyarrow.parquet")
    out, records = _summary_fixture(tmp_path)
    assert write_summary(out, records, tmp_path / "s.parquet") == 2
    table = pq.read_table(tmp_path / "s.parquet")
    assert tuple(table.column_names) == SUMMARY_COLUMNS
    assert table.column("id").to_pylist() == ["a", "b"]
    assert table.column("claims_unattributed").to_pylist() == [3, None]
    assert table.column("line").to_pylist() == [1, 2]


def test_write_summary_refuses_mismatched_output(tmp_path: Path) -> None:
    """A summary of an output that does not match its input is a BatchError, not wrong rows."""
    out, records = _summary_fixture(tmp_path)
    with pytest.raises(BatchError, match="'a'"):
        write_summary(out, list(reversed(records)), tmp_path / "s.csv")
    with pytest.raises(BatchError, match="ends before the input"):
        write_summary(out, [*records, Record(id="c", text="")], tmp_path / "s.csv")


def test_prepare_resume_reads_unusual_ids(tmp_path: Path) -> None:
    """Ids with escapes, non-ASCII letters, surrogates or thousands of characters match exactly."""
    ids = ['quote"d\\path', "Zürich/ünïcode", "x" * 6000, "lone\ud800"]
    out = tmp_path / "o.jsonl"
    out.write_text(
        "".join(dump_result(Analysis(doc_id=i, length=1)) + "\n" for i in ids), encoding="utf-8"
    )
    state = prepare_resume(out, [Record(id=i, text="x") for i in ids])
    assert (state.written, state.failed) == (4, 0)
    with pytest.raises(BatchError, match="another input"):
        prepare_resume(out, [Record(id=i, text="x") for i in [*ids[:3], "lone"]])
