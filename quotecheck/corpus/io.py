"""Read and write corpora: JSONL (also .gz), folders of .txt, CSV, Parquet; JSONL and CSV out.

Readers are generators that hold one record at a time, so a corpus of any size streams. They read
bytes as stored: strict UTF-8, no newline translation (``.gz`` included), JSONL records ending at
``\\n`` only. A record that cannot be used (not UTF-8, invalid JSON or CSV, no text, text that is
not a string) is not dropped: the reader yields a :class:`~quotecheck.models.Failure` in its
place, with the record's id when it has one and its 1-based line (or row) number, and goes on.

What a batch writes is in :mod:`quotecheck.corpus.results` (one output line per record) and
:mod:`quotecheck.corpus.summary_table` (the per-article summary).
"""

from __future__ import annotations

import csv
import errno
import fnmatch
import gzip
import io
import itertools
import json
import math
import os
import re
import shutil
import stat
import tempfile
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from quotecheck.errors import BatchError, install_hint
from quotecheck.models import Analysis, Failure

__all__ = [
    "PARQUET_HINT",
    "Record",
    "Result",
    "count_records",
    "from_mapping",
    "read_corpus",
    "read_csv",
    "read_jsonl",
    "read_parquet",
    "read_txt_dir",
    "read_txt_file",
    "record_id",
    "regular_input",
    "spooled",
]

Result = Analysis | Failure
"""What the batch yields for each input record: its analysis, or why it has none."""

PARQUET_HINT = f"install pyarrow ({install_hint('parquet')}) to read or write Parquet"


@dataclass(frozen=True, slots=True)
class Record:
    """One article of a corpus: its id, its text, where it was in the input, and its metadata."""

    id: str
    text: str
    line: int | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    genre: str | None = None  # the article's genre when the corpus knows it (GenreKind value)


_META_FIELDS = ("title", "url", "published", "outlet")


def record_id(item: Record | Failure) -> str | None:
    """The id of an input record, or of the Failure a reader yielded in its place."""
    return item.id if isinstance(item, Record) else item.doc_id


# --------------------------------------------------------------------------- readers


def _meta(value: object) -> str | None:
    """Metadata as text: ``None`` stays ``None``, bytes (a Parquet binary column) are decoded
    (a byte that is not UTF-8 as its escape), anything else becomes ``str``."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "backslashreplace")
    return None if value is None else str(value)


def from_mapping(
    row: Mapping[str, Any],
    line: int,
    *,
    default_id: str,
    text_field: str = "text",
    id_field: str = "id",
    genre_field: str = "genre",
) -> Record | Failure:
    """Build a Record from a decoded row, or a Failure saying what the row lacks.

    A non-empty ``genre_field`` is the caller's genre for the article (checked when analysed).
    """
    raw_id = row.get(id_field)
    if _unspellable(raw_id):
        msg = (
            f"{id_field!r} must be a string or a number, got {_json_kind(raw_id)}: as text it "
            f"would read like another record's id; store the id as a string"
        )
        return Failure(doc_id=default_id, error=msg, error_type="InputTypeError", line=line)
    doc_id = default_id if raw_id is None or raw_id == "" else str(raw_id)
    if text_field not in row:
        fields = ", ".join(sorted(map(str, row))) or "none"
        msg = f"record has no {text_field!r} field (fields: {fields}); add the article text"
        return Failure(doc_id=doc_id, error=msg, error_type="InputError", line=line)
    text = row[text_field]
    if not isinstance(text, str):
        msg = f"{text_field!r} must be a string, got {type(text).__name__}; store the text as str"
        return Failure(doc_id=doc_id, error=msg, error_type="InputTypeError", line=line)
    meta = {name: _meta(row.get(name)) for name in _META_FIELDS}
    genre = _meta(row.get(genre_field)) or None  # an empty CSV cell: not known
    return Record(id=doc_id, text=text, line=line, genre=genre, **meta)


def _unspellable(raw_id: object) -> bool:
    """True for a decoded id that has no spelling of its own: true/false, an object, a list,
    bytes, or a number too large for a float (JSON's 1e400 reads as inf), which ``str`` would
    turn into "True", "{'x': 1}", "b'x'" or "inf", each the same as another record's id."""
    if isinstance(raw_id, (bool, dict, list, bytes)):  # bytes: a Parquet binary column
        return True
    return isinstance(raw_id, float) and not math.isfinite(raw_id)


def _json_kind(value: object) -> str:
    """What a decoded JSON value is, in JSON's words."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bytes):
        return "bytes"
    return f"the number {value!r}"


_BOM = b"\xef\xbb\xbf"
_JSON_SPACE = b" \t\r\n"
# What csv and TextIOWrapper make of undecodable bytes with errors="surrogateescape".
_ESCAPED_BYTE_RE = re.compile("[\udc80-\udcff]")


_GZIP_MAGIC = b"\x1f\x8b"  # how every gzip stream starts; no UTF-8 text starts so


def _is_gzip(path: Path) -> bool:
    """Whether ``path`` is gzip: named ``.gz``, or a regular file opening with gzip's magic
    bytes (gzipped JSONL on standard input, or named without ``.gz``)."""
    if path.suffix.lower() == ".gz":
        return True
    if not path.is_file():
        return False  # a pipe: what is read to look would be lost
    with path.open("rb") as fh:
        return fh.read(2) == _GZIP_MAGIC


def _open_bytes(path: Path) -> IO[bytes]:
    """Open a file for reading as stored, decompressing gzip on the fly."""
    if _is_gzip(path):
        return gzip.open(path, "rb")  # type: ignore[return-value]  # a GzipFile is an IO[bytes]
    return path.open("rb")


def _not_utf8(byte: int, offset: int) -> str:
    """The message for a byte that is not UTF-8, naming it and its offset in the file."""
    return (
        f"byte 0x{byte:02x} at byte offset {offset} is not UTF-8; convert the file to UTF-8, "
        f"e.g. iconv -f latin1 -t utf-8"
    )


class _Row(dict[str, Any]):
    """A decoded JSON object that remembers the keys it held more than once."""

    twice: frozenset[str] = frozenset()

    @classmethod
    def of(cls, pairs: list[tuple[str, Any]]) -> _Row:
        """The object of ``pairs`` (json's ``object_pairs_hook``), the last value of a key
        winning as in ``json.loads``."""
        row = cls(pairs)
        if len(row) != len(pairs):
            seen: set[str] = set()
            twice: set[str] = set()
            for key, _ in pairs:
                (twice if key in seen else seen).add(key)
            row.twice = frozenset(twice)
        return row


def _jsonl_item(
    raw: bytes, number: int, offset: int, fields: tuple[str, str, str]
) -> Record | Failure | None:
    """The Record or Failure of one JSONL line starting at byte ``offset``; None if blank."""
    if not raw.strip(_JSON_SPACE):
        return None
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        msg = _not_utf8(raw[exc.start], offset + exc.start)
        return Failure(doc_id=None, error=msg, error_type="UnicodeDecodeError", line=number)
    try:
        row = json.loads(line, object_pairs_hook=_Row.of)
    except json.JSONDecodeError as exc:
        msg = f"line is not valid JSON ({exc.msg} at column {exc.colno}); fix or drop it"
        return Failure(doc_id=None, error=msg, error_type="JSONDecodeError", line=number)
    except (ValueError, RecursionError) as exc:  # too deeply nested, or a huge number
        msg = f"line cannot be read as JSON ({exc}); fix or drop it"
        return Failure(doc_id=None, error=msg, error_type=type(exc).__name__, line=number)
    if not isinstance(row, _Row):
        msg = f"line holds a JSON {type(row).__name__}, not an object with an id and text"
        return Failure(doc_id=None, error=msg, error_type="InputError", line=number)
    text_field, id_field, genre_field = fields
    twice = [name for name in fields if name in row.twice]
    if twice:  # JSON leaves the value undefined; Python would keep the last one, silently
        doc_id = None if id_field in twice else row.get(id_field)
        msg = (
            f"record has the field {twice[0]!r} more than once, and only one of its values can "
            f"be used; keep one"
        )
        return Failure(
            doc_id=None if doc_id is None else str(doc_id),
            error=msg,
            error_type="InputError",
            line=number,
        )
    return from_mapping(
        row,
        number,
        text_field=text_field,
        id_field=id_field,
        genre_field=genre_field,
        default_id=f"line-{number}",
    )


def read_jsonl(
    path: str | os.PathLike[str],
    *,
    text_field: str = "text",
    id_field: str = "id",
    genre_field: str = "genre",
) -> Iterator[Record | Failure]:
    """Yield one Record (or Failure) per non-blank line of a JSONL file, ``.gz`` included.

    Lines end at ``\\n`` only (a lone ``\\r`` is JSON white space), a UTF-8 byte-order mark
    before the first record is skipped, and a line that is not UTF-8 or not JSON becomes a
    Failure. A record without an id gets ``line-N``; blank lines are skipped but still counted.
    """
    path = Path(path)
    offset = 0
    with _open_bytes(path) as fh:
        for number, raw in enumerate(fh, start=1):  # binary lines split at b"\n" only
            start, offset = offset, offset + len(raw)
            if number == 1 and raw.startswith(_BOM):
                raw, start = raw[len(_BOM) :], start + len(_BOM)
            item = _jsonl_item(raw, number, start, (text_field, id_field, genre_field))
            if item is not None:
                yield item


def _txt_files(root: Path, pattern: str) -> list[tuple[str, str]]:
    """(relative POSIX path, path) of the files under ``root`` matching ``pattern``, sorted.

    Raises:
        BatchError: a folder cannot be listed (files in it would be lost silently).
    """

    def refuse(exc: OSError) -> None:
        msg = f"cannot list {exc.filename} ({exc.strerror}); make it readable or move it out"
        raise BatchError(msg, path=str(exc.filename))

    found = []
    for folder, _dirs, names in os.walk(root, onerror=refuse):
        # Any case of the suffix (A.TXT), as for a single .txt input.
        for name in (n for n in names if fnmatch.fnmatchcase(n.lower(), pattern.lower())):
            path = os.path.join(folder, name)
            found.append((Path(os.path.relpath(path, root)).as_posix(), path))
    return sorted(found)


def _read_regular(path: str) -> bytes:
    """The bytes of a regular file; never blocks on a FIFO or a device.

    Raises:
        OSError: the file cannot be read or is not a regular file.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            msg = "not a regular file (a FIFO, device or socket)"
            raise OSError(errno.EINVAL, msg, path)
        return fh.read()


def read_txt_dir(
    path: str | os.PathLike[str], *, pattern: str = "*.txt"
) -> Iterator[Record | Failure]:
    """Yield one Record per ``.txt`` file (any case: ``A.TXT``) under a folder, recursively;
    id = relative path.

    Files are visited in sorted order of their relative path, so ids and order are reproducible.
    A file that is not UTF-8, or not a regular file (a FIFO named ``x.txt``), becomes a Failure.

    Raises:
        BatchError: a folder under ``path`` cannot be listed.
    """
    for number, (doc_id, file) in enumerate(_txt_files(Path(path), pattern), start=1):
        yield _txt_record(doc_id, file, number)


def _txt_record(doc_id: str, file: str, number: int) -> Record | Failure:
    """The Record of one ``.txt`` file, or a Failure if it is not regular UTF-8 text."""
    try:
        data = _read_regular(file)
        return Record(id=doc_id, text=data.decode("utf-8"), line=number)
    except OSError as exc:
        msg = f"cannot read {doc_id} ({exc.strerror or exc}); only regular files are read"
        return Failure(doc_id=doc_id, error=msg, error_type=type(exc).__name__, line=number)
    except UnicodeDecodeError as exc:
        msg = f"{doc_id}: {_not_utf8(data[exc.start], exc.start)}"
        return Failure(doc_id=doc_id, error=msg, error_type="UnicodeDecodeError", line=number)


def read_txt_file(path: str | os.PathLike[str]) -> Iterator[Record | Failure]:
    """Yield the one Record of a single ``.txt`` article; its id is the file name."""
    path = Path(path)
    yield _txt_record(path.name, os.fspath(path), 1)


# The default id column may be absent (rows get row-N); an id column the caller names may not.
_DEFAULT_ID = "id"


def _check_columns(columns: Iterable[str], text_column: str, id_column: str, path: Path) -> None:
    """Raise BatchError when the text column, or an id column other than ``id``, is missing,
    or when either is named twice."""
    names = list(columns)
    for column, option in ((text_column, "text"), (id_column, "id")):
        if names.count(column) > 1:  # a row would keep only the last of them, silently
            msg = (
                f"{path} has the column {column!r} twice; rename one of them, or choose the "
                f"{option} column with {option}_column=… (--{option}-column)"
            )
            raise BatchError(msg, path=str(path))
        if column not in names and (option == "text" or column != _DEFAULT_ID):
            msg = (
                f"{path} has no column {column!r} (columns: {', '.join(names) or 'none'}); "
                f"choose the {option} column with {option}_column=… (--{option}-column)"
            )
            raise BatchError(msg, path=str(path))


class _CsvLines:
    """The text lines of a CSV file as stored, for csv.reader, remembering undecodable bytes.

    Lines keep their own line ends (``newline=""``, also inside ``.gz``), a byte-order mark
    before the header is dropped, and bytes that are not UTF-8 pass through as escapes while
    ``bad`` records the file offset of the first one since it was last reset.
    """

    def __init__(self, binary: IO[bytes]) -> None:
        self.text = io.TextIOWrapper(binary, encoding="utf-8", errors="surrogateescape", newline="")
        self.offset = 0  # bytes read so far
        self.bad: tuple[int, int] | None = None  # (byte, offset) of the first undecodable byte

    def __iter__(self) -> _CsvLines:
        return self

    def __next__(self) -> str:
        line = next(self.text)
        if self.offset == 0 and line.startswith("\ufeff"):
            line, self.offset = line[1:], len(_BOM)
        start = self.offset
        self.offset += len(line) if line.isascii() else len(line.encode("utf-8", "surrogateescape"))
        found = _ESCAPED_BYTE_RE.search(line)
        if found and self.bad is None:
            before = len(line[: found.start()].encode("utf-8", "surrogateescape"))
            self.bad = (ord(found.group()) - 0xDC00, start + before)
        return line

    def close(self) -> None:
        """Close the file."""
        self.text.close()


def _open_csv(path: Path) -> _CsvLines:
    csv.field_size_limit(2**31 - 1)  # article texts are far longer than csv's 128 KB default
    return _CsvLines(_open_bytes(path))


def read_csv(
    path: str | os.PathLike[str],
    *,
    text_column: str = "text",
    id_column: str = "id",
    genre_column: str = "genre",
) -> Iterator[Record | Failure]:
    """Yield one Record per data row of a CSV file with a header; ``line`` is the row's line.

    Rows without an id get ``row-N`` (N counting data rows from 1). The header is checked
    when this is called, before any row is read. Text is read exactly as stored (line ends
    inside fields included); a row with bytes that are not UTF-8, or that is not valid CSV (such
    as a quoted field never closed), becomes a Failure.

    Raises:
        BatchError: the header has no ``text_column``, or no ``id_column`` other than ``id``,
            or is not valid CSV.
    """
    path = Path(path)
    lines = _open_csv(path)
    try:
        header = next(csv.reader(lines), [])
    except csv.Error as exc:
        msg = f"{path}: the header row is not valid CSV ({exc}); fix it"
        raise BatchError(msg, path=str(path)) from exc
    finally:
        lines.close()
    _check_columns(header, text_column, id_column, path)
    return _csv_rows(path, text_column, id_column, genre_column)


def _csv_rows(
    path: Path, text_column: str, id_column: str, genre_column: str = "genre"
) -> Iterator[Record | Failure]:
    """The rows of a CSV file whose header has been checked."""
    lines = _open_csv(path)
    try:
        reader = csv.DictReader(lines, strict=True)
        _ = reader.fieldnames  # read the header now, so its bytes count for no row
        for number in itertools.count(1):
            lines.bad = None
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                msg = f"row is not valid CSV ({exc}); fix the quoting or drop the row"
                yield Failure(doc_id=None, error=msg, error_type="csv.Error", line=reader.line_num)
                continue
            misfit = _misfit(row, reader.fieldnames or [], text_column)
            if misfit is not None:
                doc_id = row.get(id_column) or f"row-{number}"
                yield Failure(
                    doc_id=doc_id, error=misfit, error_type="csv.Error", line=reader.line_num
                )
                continue
            item = from_mapping(
                row,
                reader.line_num,
                text_field=text_column,
                id_field=id_column,
                genre_field=genre_column,
                default_id=f"row-{number}",
            )
            if lines.bad is not None:
                doc_id = item.id if isinstance(item, Record) else item.doc_id
                item = Failure(
                    doc_id=doc_id,
                    error=_not_utf8(*lines.bad),
                    error_type="UnicodeDecodeError",
                    line=reader.line_num,
                )
            yield item
    finally:
        lines.close()


def _misfit(row: dict[Any, Any], header: Sequence[str], text_column: str) -> str | None:
    """Why a CSV row does not fit its header, or None: more fields than the header names (a
    comma left unquoted in the text would cut it short silently), or too few to reach the text.
    """
    extra = row.get(None)  # DictReader's key for the fields beyond the header
    if extra is not None:
        count = len(header) + len(extra)
        return (
            f"row has {count} fields where the header has {len(header)}, so the text may be cut "
            f'short; quote every field that holds a comma ("…, …") or drop the row'
        )
    if row.get(text_column) is None:  # the row ends before the text column
        count = sum(value is not None for value in row.values())
        return (
            f"row has {count} fields where the header has {len(header)}: it ends before the "
            f"{text_column!r} column; fix or drop the row"
        )
    return None


def _parquet_batches(pfile: Any, batch_size: int, path: Path) -> Iterator[Any]:
    """The record batches of an opened Parquet file; a corrupt one is a BatchError."""
    try:
        yield from pfile.iter_batches(batch_size=batch_size)
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        msg = f"cannot read {path} any further ({exc}); check the file is complete"
        raise BatchError(msg, path=str(path)) from exc


def read_parquet(
    path: str | os.PathLike[str],
    *,
    text_column: str = "text",
    id_column: str = "id",
    genre_column: str = "genre",
    batch_size: int = 256,
) -> Iterator[Record | Failure]:
    """Yield one Record per row of a Parquet file, reading ``batch_size`` rows at a time.

    The schema is checked when this is called, before any row is read.

    Raises:
        BatchError: pyarrow is not installed, or the file has no ``text_column`` (or no
            ``id_column`` other than ``id``).
    """
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        msg = f"cannot read {path}: {PARQUET_HINT}"
        raise BatchError(msg, path=str(path)) from exc
    path = Path(path)
    try:
        pfile = pq.ParquetFile(path)
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        msg = f"cannot read {path} as Parquet ({exc}); check that the file is complete"
        raise BatchError(msg, path=str(path)) from exc
    _check_columns(pfile.schema_arrow.names, text_column, id_column, path)
    return _parquet_rows(pfile, path, batch_size, (text_column, id_column, genre_column))


def _parquet_rows(
    pfile: Any, path: Path, batch_size: int, columns: tuple[str, str, str]
) -> Iterator[Record | Failure]:
    """The rows of an opened Parquet file, one record batch at a time."""
    text_column, id_column, genre_column = columns
    number = 0
    for batch in _parquet_batches(pfile, batch_size, path):
        for row in batch.to_pylist():
            number += 1
            yield from_mapping(
                row,
                number,
                text_field=text_column,
                id_field=id_column,
                genre_field=genre_column,
                default_id=f"row-{number}",
            )


def _check_readable(path: Path) -> None:
    """Raise BatchError unless ``path`` opens and, if gzipped, decompresses to its end."""
    try:
        with _open_bytes(path) as fh:
            if not path.is_file():
                return  # a pipe: what is read now would be lost to the batch
            while fh.read(1 << 20) and _is_gzip(path):
                pass  # a truncated or non-gzip file fails here, before any work
    except (OSError, EOFError, zlib.error) as exc:
        msg = f"cannot read {path} ({exc}); check the file is complete and readable"
        raise BatchError(msg, path=str(path)) from exc


def _guarded(items: Iterator[Record | Failure], path: Path) -> Iterator[Record | Failure]:
    """Pass ``items`` through, turning a read error half-way into one BatchError."""
    try:
        yield from items
    except (OSError, EOFError, zlib.error) as exc:
        msg = f"cannot read {path} any further ({exc}); check the file, then rerun with --resume"
        raise BatchError(msg, path=str(path)) from exc


def read_corpus(
    path: str | os.PathLike[str],
    *,
    text_column: str = "text",
    id_column: str = "id",
    genre_column: str = "genre",
) -> Iterator[Record | Failure]:
    """Pick the reader by what ``path`` is: a folder, ``.csv``, ``.parquet``, ``.txt``, else JSONL.

    A single ``.txt`` file is one article (id = its file name), not JSONL.

    Checks eagerly, before the first record is read, that the path exists and can be read
    (a ``.gz`` file to its end), and that a CSV or Parquet file has the columns named, so a
    batch fails before it touches its output.

    Raises:
        BatchError: the path does not exist or cannot be read, or a named text or id column is
            missing.
    """
    path = Path(path)
    if path.is_dir():
        return read_txt_dir(path)
    if not path.exists():
        msg = f"input {path} does not exist; pass a JSONL, CSV, Parquet or .txt file, or a folder"
        raise BatchError(msg, path=str(path))
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in (".parquet", ".pq"):
        rows = read_parquet(
            path, text_column=text_column, id_column=id_column, genre_column=genre_column
        )
        return _guarded(rows, path)
    _check_readable(path)
    if ".csv" in suffixes:
        csv_rows = read_csv(
            path, text_column=text_column, id_column=id_column, genre_column=genre_column
        )
        return _guarded(csv_rows, path)
    if suffixes and suffixes[-1] == ".txt":
        return read_txt_file(path)
    lines = read_jsonl(path, text_field=text_column, id_field=id_column, genre_field=genre_column)
    return _guarded(lines, path)


def count_records(path: str | os.PathLike[str]) -> int | None:
    """Cheaply count the records of an input (for progress bars); None if it cannot be read."""
    path = Path(path)
    try:
        if path.is_dir():
            return len(_txt_files(path, "*.txt"))
        suffixes = [s.lower() for s in path.suffixes]
        if ".csv" in suffixes:
            lines = _open_csv(path)
            try:
                return max(0, sum(1 for _ in csv.reader(lines)) - 1)
            finally:
                lines.close()
        if suffixes and suffixes[-1] in (".parquet", ".pq"):
            import pyarrow.parquet as pq

            return int(pq.ParquetFile(path).metadata.num_rows)
        if suffixes and suffixes[-1] == ".txt":
            return 1
        with _open_bytes(path) as fh:
            return sum(1 for raw in fh if raw.strip(_JSON_SPACE))
    except (OSError, ImportError, ValueError, EOFError, csv.Error, zlib.error, BatchError):
        return None


@contextmanager
def spooled(source: IO[bytes], name: str) -> Iterator[Path]:
    """Copy ``source`` to a temporary file called ``name`` (so its suffix still picks the
    reader); yield its path, and remove it afterwards, also when interrupted."""
    with tempfile.TemporaryDirectory(prefix="quotecheck-") as folder:
        path = Path(folder) / name
        with path.open("wb") as out:
            shutil.copyfileobj(source, out)
        yield path


@contextmanager
def regular_input(path: str | os.PathLike[str]) -> Iterator[Path]:
    """The input as a file that can be read more than once (a batch counts it, resumes from it
    and joins the summary with it): a pipe or terminal named as input, such as ``<(zcat …)`` or
    ``/dev/stdin``, is copied to a temporary file first; a regular file or folder is used as is.
    """
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = stat.S_IFREG  # missing or unreadable: read_corpus says so
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        yield path
        return
    try:
        source = path.open("rb")  # copied as stored: a .gz stays compressed
    except OSError as exc:
        msg = f"cannot read {path} ({exc.strerror or exc}); check the path"
        raise BatchError(msg, path=str(path)) from exc
    with source, spooled(source, path.name) as copy:
        yield copy
