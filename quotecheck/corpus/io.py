"""Read and write corpora: JSONL (also .gz), folders of .txt, CSV, Parquet; JSONL and CSV out.

Readers are generators that hold one record at a time, so a corpus of any size streams. A record
that cannot be used (invalid JSON, no text, text that is not a string) is not dropped: the reader
yields a :class:`~quotecheck.models.Failure` in its place, with the record's id when it has one and
its 1-based line (or row) number, and goes on.

Output lines are exactly ``Analysis.model_dump_json()`` or ``Failure.model_dump_json()``, one per
input record and in input order, so ``Analysis.model_validate_json(line)`` reads them back. The
per-article summary CSV needs each record's outlet and title, which an ``Analysis`` does not hold;
:func:`write_summary` therefore joins the output file with the input again, line by line.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from quotecheck.errors import BatchError
from quotecheck.models import Analysis, ClaimKind, Failure, QuoteKind, SourceKind, SourcingSummary

__all__ = [
    "SUMMARY_COLUMNS",
    "Record",
    "Result",
    "ResumeState",
    "count_records",
    "dump_result",
    "from_mapping",
    "iter_output",
    "load_result",
    "prepare_resume",
    "read_corpus",
    "read_csv",
    "read_jsonl",
    "read_parquet",
    "read_txt_dir",
    "summary_row",
    "write_summary",
]

Result = Analysis | Failure
"""What the batch yields for each input record: its analysis, or why it has none."""

_PARQUET_HINT = "install pyarrow (pip install 'quotecheck[parquet]') to read or write Parquet"


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


_META_FIELDS = ("title", "url", "published", "outlet")


# --------------------------------------------------------------------------- readers


def _meta(value: object) -> str | None:
    """Metadata as text: ``None`` stays ``None``, anything else becomes ``str``."""
    return None if value is None else str(value)


def from_mapping(
    row: Mapping[str, Any],
    line: int,
    *,
    default_id: str,
    text_field: str = "text",
    id_field: str = "id",
) -> Record | Failure:
    """Build a Record from a decoded row, or a Failure saying what the row lacks."""
    raw_id = row.get(id_field)
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
    return Record(id=doc_id, text=text, line=line, **meta)


def _open_text(path: Path) -> IO[str]:
    """Open a UTF-8 text file, decompressing ``.gz`` on the fly."""
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="replace")
    return path.open(encoding="utf-8", errors="replace", newline="")


def read_jsonl(
    path: str | os.PathLike[str], *, text_field: str = "text", id_field: str = "id"
) -> Iterator[Record | Failure]:
    """Yield one Record (or Failure) per non-blank line of a JSONL file, ``.gz`` included.

    A record without an id gets ``line-N``; blank lines are skipped but still counted.
    """
    path = Path(path)
    with _open_text(path) as fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                row = json.loads(raw)
            except json.JSONDecodeError as exc:
                msg = f"line is not valid JSON ({exc.msg} at column {exc.colno}); fix or drop it"
                yield Failure(doc_id=None, error=msg, error_type="JSONDecodeError", line=number)
                continue
            if not isinstance(row, dict):
                msg = f"line holds a JSON {type(row).__name__}, not an object with an id and text"
                yield Failure(doc_id=None, error=msg, error_type="InputError", line=number)
                continue
            yield from_mapping(
                row, number, text_field=text_field, id_field=id_field, default_id=f"line-{number}"
            )


def read_txt_dir(
    path: str | os.PathLike[str], *, pattern: str = "*.txt"
) -> Iterator[Record | Failure]:
    """Yield one Record per ``.txt`` file under a folder (recursively), id = relative path.

    Files are visited in sorted order of their relative path, so ids and order are reproducible.
    """
    root = Path(path)
    files = sorted(root.rglob(pattern), key=lambda p: p.relative_to(root).as_posix())
    for number, file in enumerate(files, start=1):
        doc_id = file.relative_to(root).as_posix()
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            msg = f"cannot read {doc_id} as UTF-8 text ({exc}); convert it to UTF-8"
            yield Failure(doc_id=doc_id, error=msg, error_type=type(exc).__name__, line=number)
            continue
        yield Record(id=doc_id, text=text, line=number)


def _check_columns(columns: Iterable[str], text_column: str, path: Path) -> None:
    """Raise BatchError when the text column is not among ``columns``."""
    names = list(columns)
    if text_column not in names:
        msg = (
            f"{path} has no column {text_column!r} (columns: {', '.join(names) or 'none'}); "
            f"choose the text column with text_column=… (--text-column)"
        )
        raise BatchError(msg, path=str(path))


def read_csv(
    path: str | os.PathLike[str], *, text_column: str = "text", id_column: str = "id"
) -> Iterator[Record | Failure]:
    """Yield one Record per data row of a CSV file with a header; ``line`` is the row's line.

    Rows without an id get ``row-N`` (N counting data rows from 1). The header is checked
    when this is called, before any row is read.

    Raises:
        BatchError: the header has no ``text_column``.
    """
    path = Path(path)
    with _open_text(path) as fh:
        _check_columns(next(csv.reader(fh), []), text_column, path)
    return _csv_rows(path, text_column, id_column)


def _csv_rows(path: Path, text_column: str, id_column: str) -> Iterator[Record | Failure]:
    """The rows of a CSV file whose header has been checked."""
    csv.field_size_limit(2**31 - 1)  # article texts are far longer than csv's 128 KB default
    with _open_text(path) as fh:
        reader = csv.DictReader(fh)
        for number, row in enumerate(reader, start=1):
            yield from_mapping(
                row,
                reader.line_num,
                text_field=text_column,
                id_field=id_column,
                default_id=f"row-{number}",
            )


def read_parquet(
    path: str | os.PathLike[str],
    *,
    text_column: str = "text",
    id_column: str = "id",
    batch_size: int = 256,
) -> Iterator[Record | Failure]:
    """Yield one Record per row of a Parquet file, reading ``batch_size`` rows at a time.

    The schema is checked when this is called, before any row is read.

    Raises:
        BatchError: pyarrow is not installed, or the file has no ``text_column``.
    """
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        msg = f"cannot read {path}: {_PARQUET_HINT}"
        raise BatchError(msg, path=str(path)) from exc
    path = Path(path)
    pfile = pq.ParquetFile(path)
    _check_columns(pfile.schema_arrow.names, text_column, path)
    return _parquet_rows(pfile, batch_size, text_column, id_column)


def _parquet_rows(
    pfile: Any, batch_size: int, text_column: str, id_column: str
) -> Iterator[Record | Failure]:
    """The rows of an opened Parquet file, one record batch at a time."""
    number = 0
    for batch in pfile.iter_batches(batch_size=batch_size):
        for row in batch.to_pylist():
            number += 1
            yield from_mapping(
                row, number, text_field=text_column, id_field=id_column, default_id=f"row-{number}"
            )


def read_corpus(
    path: str | os.PathLike[str], *, text_column: str = "text", id_column: str = "id"
) -> Iterator[Record | Failure]:
    """Pick the reader by what ``path`` is: a folder, ``.csv``, ``.parquet``, else JSONL.

    Checks eagerly, before the first record is read, that the path exists and that a CSV or
    Parquet file has the text column, so a batch fails before it touches its output.

    Raises:
        BatchError: the path does not exist, or the text column is missing.
    """
    path = Path(path)
    if path.is_dir():
        return read_txt_dir(path)
    if not path.exists():
        msg = f"input {path} does not exist; pass a JSONL, CSV or Parquet file or a folder"
        raise BatchError(msg, path=str(path))
    suffixes = [s.lower() for s in path.suffixes]
    if ".csv" in suffixes:
        return read_csv(path, text_column=text_column, id_column=id_column)
    if suffixes and suffixes[-1] in (".parquet", ".pq"):
        return read_parquet(path, text_column=text_column, id_column=id_column)
    return read_jsonl(path, text_field=text_column, id_field=id_column)


def count_records(path: str | os.PathLike[str]) -> int | None:
    """Cheaply count the records of an input (for progress bars); None if it cannot be read."""
    path = Path(path)
    try:
        if path.is_dir():
            return sum(1 for _ in path.rglob("*.txt"))
        suffixes = [s.lower() for s in path.suffixes]
        if ".csv" in suffixes:
            with _open_text(path) as fh:
                return max(0, sum(1 for _ in csv.reader(fh)) - 1)
        if suffixes and suffixes[-1] in (".parquet", ".pq"):
            import pyarrow.parquet as pq

            return int(pq.ParquetFile(path).metadata.num_rows)
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rb") as fh:
            return sum(1 for raw in fh if raw.strip())
    except (OSError, ImportError, ValueError):
        return None


# --------------------------------------------------------------------------- output lines


def dump_result(result: Result) -> str:
    """One output line (without the newline): the Analysis or Failure as compact JSON."""
    return result.model_dump_json()


def load_result(line: str | bytes) -> Result:
    """Read one output line back into an Analysis or a Failure."""
    row = json.loads(line)
    return Failure.model_validate(row) if "error_type" in row else Analysis.model_validate(row)


@dataclass
class ResumeState:
    """What an earlier, interrupted run already wrote: ids (with multiplicity) and failures."""

    ids: Counter[str] = field(default_factory=Counter)
    lines: set[int] = field(default_factory=set)  # failures without an id, by input line
    written: int = 0
    failed: int = 0
    skipped: int = 0  # records take() has matched so far

    def take(self, item: Record | Failure) -> bool:
        """Return True (and use it up) when ``item`` was already written by the earlier run."""
        if isinstance(item, Failure) and item.doc_id is None:
            if item.line in self.lines:
                self.lines.discard(item.line)
                self.skipped += 1
                return True
            return False
        key = item.id if isinstance(item, Record) else item.doc_id
        if key is not None and self.ids[key] > 0:
            self.ids[key] -= 1
            self.skipped += 1
            return True
        return False


_DECODER = json.JSONDecoder()
_HEAD = '{"doc_id":'  # every output line starts so: pydantic dumps fields in declaration order


def _peek(raw: bytes) -> tuple[Any, bool, Any]:
    """An output line's doc_id, whether it is an error record, and its input line.

    An analysis line can be long, so only its head is decoded; anything else is parsed whole.
    """
    head = raw[:4096].decode("utf-8", "ignore")
    if head.startswith(_HEAD):
        try:
            doc_id, end = _DECODER.raw_decode(head, len(_HEAD))
        except ValueError:
            pass  # an id longer than the head: parse the whole line below
        else:
            if head.startswith(',"length":', end):
                return doc_id, False, None
    row = json.loads(raw)
    return row["doc_id"], "error_type" in row, row.get("line")


def prepare_resume(path: str | os.PathLike[str]) -> ResumeState:
    """Cut a trailing partial line off an output file and return what it already holds.

    Raises:
        BatchError: a whole line of the file is not a quotecheck output line.
    """
    path = Path(path)
    state = ResumeState()
    if not path.exists():
        return state
    keep = 0
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.endswith(b"\n"):
                break  # written by a run that was killed mid-line; redone below
            try:
                doc_id, failed, line = _peek(raw)
            except (ValueError, KeyError, TypeError) as exc:
                msg = f"{path} line {number} is not a quotecheck output line; resume with a new -o"
                raise BatchError(msg, path=str(path)) from exc
            keep += len(raw)
            state.written += 1
            state.failed += failed
            if doc_id is None:
                state.lines.add(line)
            else:
                state.ids[doc_id] += 1
    with path.open("r+b") as fh:
        fh.truncate(keep)
    return state


def iter_output(
    output: str | os.PathLike[str], records: Iterable[Record | Failure]
) -> Iterator[tuple[str, Record | Failure]]:
    """Pair each output line with the input record it came from (both in input order).

    Raises:
        BatchError: the two disagree (the output is not from this input, or is unfinished).
    """
    with Path(output).open("rb") as fh:
        for item in records:
            raw = fh.readline()
            if not raw.endswith(b"\n"):
                msg = f"{output} ends before the input does; finish it with resume=True (--resume)"
                raise BatchError(msg, path=str(output))
            yield raw.decode("utf-8"), item


# --------------------------------------------------------------------------- summary


SUMMARY_COLUMNS: tuple[str, ...] = (
    "id",
    "outlet",
    "title",
    "line",
    "error",
    "sentences",
    *(f"claims_{k.value}" for k in ClaimKind),
    *(f"quotes_{k.value}" for k in QuoteKind),
    *(f"attributions_{k.value}" for k in SourceKind),
    "named_share",
    "anonymous_share",
    "vague_share",
    "unattributed_share",
    "distinct_named_sources",
)
"""Columns of the per-article summary: the SourcingSummary flattened, plus id/outlet/title, the
record's input line, and the error for records that failed."""


def summary_row(
    doc_id: str | None,
    summary: SourcingSummary | None,
    *,
    outlet: str | None = None,
    title: str | None = None,
    line: int | None = None,
    error: str | None = None,
) -> dict[str, Any]:
    """Flatten one article's SourcingSummary into a row keyed by SUMMARY_COLUMNS."""
    row: dict[str, Any] = dict.fromkeys(SUMMARY_COLUMNS)
    row.update(id=doc_id, outlet=outlet, title=title, line=line, error=error)
    if summary is None:
        return row
    row["sentences"] = summary.sentences
    for prefix, counts, kinds in (
        ("claims", summary.claims_by_kind, ClaimKind),
        ("quotes", summary.quotes_by_kind, QuoteKind),
        ("attributions", summary.attributions_by_source_kind, SourceKind),
    ):
        for kind in kinds:
            row[f"{prefix}_{kind.value}"] = counts.get(kind.value, 0)
    for name in ("named_share", "anonymous_share", "vague_share", "unattributed_share"):
        row[name] = round(getattr(summary, name), 6)
    row["distinct_named_sources"] = summary.distinct_named_sources
    return row


def _summary_rows(
    output: str | os.PathLike[str], records: Iterable[Record | Failure]
) -> Iterator[dict[str, Any]]:
    """Summary rows for a finished batch output, joined with its input's outlet and title."""
    for line, item in iter_output(output, records):
        row = json.loads(line)
        if row["doc_id"] != (item.id if isinstance(item, Record) else item.doc_id):
            msg = f"{output} has {row['doc_id']!r} where the input has another record; rerun it"
            raise BatchError(msg, path=str(output))
        meta: dict[str, Any] = {"line": item.line}
        if isinstance(item, Record):
            meta.update(outlet=item.outlet, title=item.title)
        if "error_type" in row:
            yield summary_row(row["doc_id"], None, error=row["error"], **meta)
        else:
            summary = SourcingSummary.model_validate(row.get("summary", {}))
            yield summary_row(row["doc_id"], summary, **meta)


def write_summary(
    output: str | os.PathLike[str],
    records: Iterable[Record | Failure],
    summary_path: str | os.PathLike[str],
) -> int:
    """Write the per-article summary of a batch output (CSV, or Parquet for ``.parquet``).

    ``records`` must be the batch's input again (e.g. ``read_corpus(input)``), for outlet and
    title. Returns the number of rows written.

    Raises:
        BatchError: the output does not match the input, or Parquet needs pyarrow.
    """
    rows = _summary_rows(output, records)
    if Path(summary_path).suffix.lower() in (".parquet", ".pq"):
        return _write_parquet(rows, Path(summary_path))
    count = 0
    with Path(summary_path).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=SUMMARY_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _write_parquet(rows: Iterator[dict[str, Any]], path: Path, chunk: int = 4096) -> int:
    """Write summary rows to Parquet ``chunk`` rows at a time, so memory stays bounded."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        msg = f"cannot write {path}: {_PARQUET_HINT}"
        raise BatchError(msg, path=str(path)) from exc
    ints = {"line", "sentences", "distinct_named_sources"} | {
        c for c in SUMMARY_COLUMNS if c.startswith(("claims_", "quotes_", "attributions_"))
    }
    schema = pa.schema(
        (c, pa.int64() if c in ints else pa.float64() if c.endswith("_share") else pa.string())
        for c in SUMMARY_COLUMNS
    )
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        buffer: list[dict[str, Any]] = []
        for row in rows:
            buffer.append(row)
            if len(buffer) >= chunk:
                writer.write_table(pa.Table.from_pylist(buffer, schema=schema))
                count, buffer = count + len(buffer), []
        if buffer or not count:
            writer.write_table(pa.Table.from_pylist(buffer, schema=schema))
            count += len(buffer)
    return count
