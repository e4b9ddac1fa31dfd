"""The per-article summary of a batch: one row per record, as CSV or Parquet.

An ``Analysis`` does not hold its record's outlet and title, so :func:`write_summary` joins the
batch's output with its input again, line by line, and writes the rows beside the target, moving
the file into place only when it is whole. Text cells are made inert for spreadsheets.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from quotecheck.corpus.io import PARQUET_HINT, Record, record_id
from quotecheck.corpus.outputs import replace_when_done, spreadsheet_cell, text_cell
from quotecheck.corpus.results import iter_output, parse_output_line
from quotecheck.errors import BatchError
from quotecheck.models import ClaimKind, Failure, QuoteKind, SourceKind, SourcingSummary

__all__ = ["SUMMARY_COLUMNS", "check_summary_format", "summary_row", "write_summary"]


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
    for number, (line, item) in enumerate(iter_output(output, records), start=1):
        doc_id, error, summary = parse_output_line(output, number, line, _summary_of)
        if doc_id != record_id(item):
            msg = f"{output} has {doc_id!r} where the input has another record; rerun it"
            raise BatchError(msg, path=str(output))
        meta: dict[str, Any] = {"line": item.line}
        if isinstance(item, Record):
            meta.update(outlet=item.outlet, title=item.title)
        yield summary_row(doc_id, summary, error=error, **meta)


def _summary_of(line: str) -> tuple[Any, Any, SourcingSummary | None]:
    """An output line's doc_id, its error (error records) and its summary (analyses)."""
    row = json.loads(line)
    if "error_type" in row:
        return row["doc_id"], row["error"], None
    return row["doc_id"], None, SourcingSummary.model_validate(row["summary"])


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
    target = Path(summary_path)
    check_summary_format(target)
    rows = _summary_rows(output, records)
    with replace_when_done(target) as part:  # an earlier summary stays until this one is whole
        if _is_parquet(target):
            return _write_parquet(({k: text_cell(v) for k, v in r.items()} for r in rows), part)
        return _write_csv(rows, part)


def _is_parquet(path: Path) -> bool:
    return path.suffix.lower() in (".parquet", ".pq")


def check_summary_format(summary_path: str | os.PathLike[str]) -> None:
    """Refuse a Parquet summary path when pyarrow is missing: a batch checks this before any
    work, rather than failing once every record has been analysed.

    Raises:
        BatchError: the path ends in ``.parquet`` (or ``.pq``) and pyarrow cannot be imported.
    """
    if not _is_parquet(Path(summary_path)):
        return
    try:
        import pyarrow.parquet  # noqa: F401  # only whether it imports
    except ImportError as exc:
        msg = f"the summary {summary_path} is Parquet: {PARQUET_HINT}, or name a .csv summary"
        raise BatchError(msg, path=str(summary_path)) from exc


def _write_csv(rows: Iterator[dict[str, Any]], path: Path) -> int:
    """Write summary rows as CSV, each text cell made inert for spreadsheets."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=SUMMARY_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({name: spreadsheet_cell(value) for name, value in row.items()})
            count += 1
    return count


def _write_parquet(rows: Iterator[dict[str, Any]], path: Path, chunk: int = 4096) -> int:
    """Write summary rows to Parquet ``chunk`` rows at a time, so memory stays bounded."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # check_summary_format said so first, with the path given
        msg = f"cannot write a Parquet summary: {PARQUET_HINT}"
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
