"""Corpus input read exactly as stored: bytes, line ends, byte-order marks, broken files."""

from __future__ import annotations

import csv
import gzip
import io
import os
import threading
from pathlib import Path

import pytest

from quotecheck.corpus.io import Record, read_corpus, read_csv, read_jsonl, read_txt_dir
from quotecheck.errors import BatchError
from quotecheck.models import Failure


def _ids(items: list[Record | Failure]) -> list[str | None]:
    return [i.id if isinstance(i, Record) else i.doc_id for i in items]


def test_jsonl_invalid_utf8_is_an_error_record_naming_the_byte_offset(tmp_path: Path) -> None:
    """A JSONL line that is not UTF-8 becomes an error record with the file offset of the byte."""
    first = b'{"id": "a", "text": "Fine."}\n'
    path = tmp_path / "c.jsonl"
    path.write_bytes(first + b'{"id": "b", "text": "caf\xe9"}\n{"id": "c", "text": "Also."}\n')
    a, bad, c = read_jsonl(path)
    assert isinstance(bad, Failure)
    assert (bad.error_type, bad.line) == ("UnicodeDecodeError", 2)
    assert f"byte 0xe9 at byte offset {len(first) + 24}" in bad.error
    assert _ids([a, c]) == ["a", "c"]


def test_jsonl_byte_order_mark_and_lone_cr(tmp_path: Path) -> None:
    """A BOM before record 1 is skipped; a lone CR is JSON white space and splits nothing."""
    path = tmp_path / "c.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "a", "text": "One."}\n{"id": "b",\r"text": "Two\\r."}\n')
    items = list(read_jsonl(path))
    assert [(i.id, i.text) for i in items if isinstance(i, Record)] == [
        ("a", "One."),
        ("b", "Two\r."),
    ]
    assert len(items) == 2


def test_jsonl_deep_nesting_and_huge_numbers_cost_one_record(tmp_path: Path) -> None:
    """100k-deep nesting and a 5000-digit number are one error record each; the rest is read."""
    path = tmp_path / "c.jsonl"
    lines = [
        '{"id": "a", "text": "One."}',
        '{"id": "deep", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"id": "big", "text": "x", "n": ' + "7" * 5000 + "}",
        '{"id": "b", "text": "Two."}',
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_jsonl(path))
    assert [type(i).__name__ for i in items] == ["Record", "Failure", "Failure", "Record"]
    deep, big = items[1], items[2]
    assert isinstance(deep, Failure)
    assert isinstance(big, Failure)
    assert (deep.error_type, deep.line, big.error_type, big.line) == (
        "RecursionError",
        2,
        "ValueError",
        3,
    )


def _csv_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8")


def test_gzipped_csv_keeps_crlf_inside_fields(tmp_path: Path) -> None:
    """A .csv.gz is read without newline translation: CR LF inside a field stays CR LF."""
    text = "First line.\r\nSecond line.\rThird."
    path = tmp_path / "c.csv.gz"
    path.write_bytes(gzip.compress(_csv_bytes([["id", "text"], ["a", text]])))
    (record,) = read_corpus(path)
    assert isinstance(record, Record)
    assert record.text == text


def test_csv_byte_order_mark_keeps_the_ids(tmp_path: Path) -> None:
    """A BOM before the header does not rename the id column (ids stay, not row-N)."""
    path = tmp_path / "c.csv"
    path.write_bytes(b"\xef\xbb\xbf" + _csv_bytes([["id", "text"], ["x1", "One."]]))
    assert _ids(list(read_csv(path))) == ["x1"]


def test_csv_invalid_utf8_and_unclosed_quote_are_error_records(tmp_path: Path) -> None:
    """A row with bytes that are not UTF-8, or a last field never closed, is an error record."""
    head = _csv_bytes([["id", "text"], ["a", "Fine."]])
    path = tmp_path / "c.csv"
    path.write_bytes(head + b'b,"caf\xe9"\nc,Fine too.\nd,"never closed\n')
    a, bad, c, cut = read_csv(path)
    assert _ids([a, c]) == ["a", "c"]
    assert isinstance(bad, Failure)
    assert (bad.doc_id, bad.error_type, bad.line) == ("b", "UnicodeDecodeError", 3)
    assert f"byte 0xe9 at byte offset {len(head) + 6}" in bad.error
    assert isinstance(cut, Failure)
    assert cut.error_type == "csv.Error"
    assert "unexpected end of data" in cut.error


def test_csv_rows_that_do_not_fit_the_header_are_error_records(tmp_path: Path) -> None:
    """A row with more fields than the header (a comma left unquoted in the text) was analysed
    with its text cut at the comma, the rest dropped; a row ending before the text column
    was an error saying the text is not a string. Both are csv.Error records now; a row that
    only lacks trailing metadata is still read."""
    path = tmp_path / "c.csv"
    path.write_bytes(
        b"id,text,outlet\n"
        b"a,The mayor said, again, that taxes would rise.,Post\n"
        b"b\n"
        b"c,Fine.,Post\n"
        b"d,Fine without an outlet.\n"
    )
    extra, short, c, d = read_csv(path)
    assert isinstance(extra, Failure)
    assert (extra.doc_id, extra.error_type, extra.line) == ("a", "csv.Error", 2)
    assert "5 fields where the header has 3" in extra.error
    assert isinstance(short, Failure)
    assert (short.doc_id, short.error_type, short.line) == ("b", "csv.Error", 3)
    assert "ends before the 'text' column" in short.error
    assert isinstance(c, Record)
    assert (c.text, c.outlet) == ("Fine.", "Post")
    assert isinstance(d, Record)
    assert (d.text, d.outlet) == ("Fine without an outlet.", None)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("c.jsonl.gz", gzip.compress(b'{"id": "a", "text": "One."}\n' * 50)[:-12]),
        ("c.jsonl.gz", b'{"id": "a", "text": "not gzip"}\n'),
        ("c.parquet", b"PAR1 this is not parquet PAR1"),
    ],
    ids=["truncated-gz", "not-gzip", "corrupt-parquet"],
)
def test_broken_files_fail_before_the_first_record(tmp_path: Path, name: str, data: bytes) -> None:
    """A truncated or non-gzip .gz, or a corrupt Parquet file, is a BatchError on the call."""
    if name.endswith(".parquet"):
        pytest.importorskip("pyarrow")
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(BatchError, match="cannot read"):
        read_corpus(path)


def test_a_fifo_in_a_folder_is_an_error_record_and_never_blocks(tmp_path: Path) -> None:
    """A FIFO named x.txt becomes an error record at once; reading it would block for ever."""
    (tmp_path / "a.txt").write_text("Fine.", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    found: list[Record | Failure] = []
    reader = threading.Thread(target=lambda: found.extend(read_txt_dir(tmp_path)), daemon=True)
    reader.start()
    reader.join(20)
    assert not reader.is_alive(), "reading the folder blocked on the FIFO"
    a, pipe = found
    assert isinstance(a, Record)
    assert isinstance(pipe, Failure)
    assert (pipe.doc_id, pipe.line) == ("pipe.txt", 2)
    assert "not a regular file" in pipe.error


def test_undecodable_file_names_are_read(tmp_path: Path) -> None:
    """A file whose name is not UTF-8 is read; its id keeps the name's bytes as escapes."""
    os.close(os.open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"), os.O_CREAT | os.O_WRONLY))
    Path(tmp_path / "caf\udce9.txt").write_text("It rained.", encoding="utf-8")
    (record,) = read_txt_dir(tmp_path)
    assert isinstance(record, Record)
    assert (record.id, record.text) == ("caf\udce9.txt", "It rained.")


def test_a_folder_that_cannot_be_listed_stops_the_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A subfolder that cannot be listed is a BatchError, not files silently left out."""
    (tmp_path / "sub").mkdir()
    listing = os.scandir

    def refuse(path: object) -> object:
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", refuse)
    with pytest.raises(BatchError, match=r"cannot list .*sub"):
        list(read_txt_dir(tmp_path))


def test_jsonl_ids_without_a_spelling_of_their_own_are_error_records(tmp_path: Path) -> None:
    """true, an object, a list or 1e400 as an id would read "True", "{'x': 1}" or "inf", the
    same as another record's string id: each is an error record; numbers keep their spelling."""
    lines = [
        '{"id": true, "text": "One."}',
        '{"id": {"x": 1}, "text": "Two."}',
        '{"id": [1], "text": "Three."}',
        '{"id": 1e400, "text": "Four."}',
        '{"id": 42, "text": "Five."}',
        '{"id": 2.5, "text": "Six."}',
        '{"id": "True", "text": "Seven."}',
    ]
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    items = list(read_jsonl(path))
    failures = [i for i in items if isinstance(i, Failure)]
    assert [(f.line, f.error_type) for f in failures] == [
        (n, "InputTypeError") for n in (1, 2, 3, 4)
    ]
    assert "got true" in failures[0].error
    assert "got an object" in failures[1].error
    assert "got the number inf" in failures[3].error
    assert _ids([i for i in items if isinstance(i, Record)]) == ["42", "2.5", "True"]


def test_jsonl_fields_given_twice_are_error_records(tmp_path: Path) -> None:
    """A record naming its text (or id) twice was read with the last value, silently, as a CSV
    header naming a column twice is refused; other fields may repeat (the last one wins)."""
    path = tmp_path / "c.jsonl"
    path.write_bytes(
        b'{"id": "a", "text": "The real article.", "text": "Something else."}\n'
        b'{"id": "b", "id": "c", "text": "Fine."}\n'
        b'{"id": "d", "text": "Fine.", "title": "x", "title": "y", "x": {"k": 1, "k": 2}}\n'
    )
    text_twice, id_twice, d = read_jsonl(path)
    assert isinstance(text_twice, Failure)
    assert (text_twice.doc_id, text_twice.error_type, text_twice.line) == ("a", "InputError", 1)
    assert "'text' more than once" in text_twice.error
    assert isinstance(id_twice, Failure)
    assert (id_twice.doc_id, id_twice.line) == (None, 2)
    assert "'id' more than once" in id_twice.error
    assert isinstance(d, Record)
    assert (d.id, d.text, d.title) == ("d", "Fine.", "y")


def test_a_csv_header_with_a_huge_field_is_one_batch_error(tmp_path: Path) -> None:
    """A header field over csv's 128 KB default limit ended the batch in a _csv.Error
    traceback (the limit was raised only for the rows); it is read, and the missing text
    column is the one BatchError."""
    path = tmp_path / "c.csv"
    path.write_text('id,"' + "x" * 200_000 + '"\n1,a\n', encoding="utf-8")
    default = csv.field_size_limit(128 * 1024)  # as in a fresh process: earlier reads raised it
    try:
        with pytest.raises(BatchError, match="has no column 'text'"):
            read_corpus(path)
    finally:
        csv.field_size_limit(default)
