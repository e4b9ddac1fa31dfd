"""One output line per input record: writing it, reading it back, pairing it with its input.

Output lines are exactly ``Analysis.model_dump_json()`` or ``Failure.model_dump_json()`` (ASCII-
escaped JSON when the text holds a lone surrogate), one per input record and in input order, so
:func:`load_result` reads them back, :func:`iter_output` pairs them with the input again, and
:func:`prepare_resume` tells how much of an interrupted run's output can be kept.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from quotecheck.corpus.io import Record, Result, record_id
from quotecheck.errors import BatchError, InputError, InputTypeError
from quotecheck.models import Analysis, Failure

__all__ = [
    "ResumeState",
    "dump_result",
    "iter_output",
    "load_result",
    "parse_output_line",
    "prepare_resume",
]

T = TypeVar("T")


def dump_result(result: Result) -> str:
    """One output line (without the newline): the Analysis or Failure as compact JSON.

    Text holding a lone surrogate (``"\\ud800"`` is valid JSON, so an input can carry one)
    has no UTF-8 form; the contract's models write each as its ``\\udXXX`` escape, and
    :func:`load_result` reads it back equal. Nothing else is caught here: a Ctrl-C that lands
    while a line is written stops the batch (a fallback for any ValueError once wrote that
    line again and let the run go on).
    """
    return result.model_dump_json()


def load_result(line: str | bytes) -> Result:
    """Read one output line back into an Analysis or a Failure.

    Raises:
        InputTypeError: ``line`` is neither ``str`` nor bytes.
        InputError: the line is not quotecheck output (not JSON, not an object, or not an
            Analysis or a Failure); an InputError is a ValueError, as json's and pydantic's
            errors are.
    """
    if not isinstance(line, str | bytes | bytearray):
        msg = f"line must be str or bytes, got {type(line).__name__}: pass a batch output line"
        raise InputTypeError(msg, got=type(line))
    try:
        row = json.loads(line)
        if not isinstance(row, dict):
            kind = f"a JSON {type(row).__name__}, not an object"
            raise TypeError(kind)
        return Failure.model_validate(row) if "error_type" in row else Analysis.model_validate(row)
    except (ValueError, TypeError) as exc:  # ValidationError and JSONDecodeError are ValueErrors
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        msg = f"line is not a quotecheck output line ({why})"
        raise InputError(msg) from exc


def parse_output_line(
    output: str | os.PathLike[str], number: int, line: str, parse: Callable[[str], T]
) -> T:
    """``parse(line)`` for line ``number`` of a batch output; a line it cannot read (damaged, or
    written by another quotecheck version) is a BatchError naming the file and the line.

    Raises:
        BatchError: ``parse`` failed on the line.
    """
    try:
        return parse(line)
    except (ValueError, KeyError, TypeError) as exc:  # pydantic's ValidationError is a ValueError
        cause = exc.__cause__ if isinstance(exc, InputError) and exc.__cause__ else exc
        why = str(cause).splitlines()[0] if str(cause) else type(cause).__name__
        msg = (
            f"{output} line {number} cannot be read as quotecheck output ({why}); it is damaged "
            f"or from another quotecheck version: rerun the batch into a new -o"
        )
        raise BatchError(msg, path=str(output)) from exc


@dataclass(frozen=True)
class ResumeState:
    """What an earlier, interrupted run wrote: the input's first ``written`` records."""

    written: int = 0  # whole lines, one per input record from the first
    failed: int = 0  # error records among them
    keep: int | None = None  # bytes of those whole lines; None when there is no output yet


_DECODER = json.JSONDecoder()
_HEAD = '{"doc_id":'  # every output line starts so: pydantic dumps fields in declaration order
_LENGTH = ',"length":'  # and an Analysis goes on so
_LINE_END = b"}\n"  # and every line ends so: a JSON object and a bare newline


def _peek(raw: bytes) -> tuple[Any, bool, Any, Any]:
    """An output line's doc_id, whether it is an error record, its input line, its text length.

    An analysis line can be long, so only its head is decoded; anything else is parsed whole.
    """
    head = raw[:4096].decode("utf-8", "ignore")
    if head.startswith(_HEAD):
        try:
            doc_id, end = _DECODER.raw_decode(head, len(_HEAD))
            if head.startswith(_LENGTH, end):
                length, _ = _DECODER.raw_decode(head, end + len(_LENGTH))
                return doc_id, False, None, length
        except ValueError:
            pass  # an id longer than the head: parse the whole line below
    row = json.loads(raw)
    return row["doc_id"], "error_type" in row, row.get("line"), row.get("length")


def _written_from(peeked: tuple[Any, bool, Any, Any], item: Record | Failure) -> bool:
    """Whether an output line (as peeked) is the result of input record ``item``."""
    doc_id, failed, line, length = peeked
    if doc_id != (item.id if isinstance(item, Record) else item.doc_id):
        return False
    if failed:
        return bool(line == item.line)
    return isinstance(item, Record) and length == len(item.text)


def _disagreement(peeked: tuple[Any, bool, Any, Any], item: Record | Failure | None) -> str:
    """How an output line (as peeked) differs from the input record at its place."""
    doc_id, failed, line, length = peeked
    if item is None:
        return f"{doc_id!r}, where the input has no record"
    if doc_id != record_id(item):
        return f"{doc_id!r}, where the input has record {record_id(item)!r}"
    if failed:
        return f"{doc_id!r} at input line {line}, where the input has it at line {item.line}"
    if isinstance(item, Failure):
        return f"an analysis of {doc_id!r}, where the input's record {doc_id!r} is unusable"
    return (
        f"{doc_id!r} with a text of {length} characters, where the input's text for it has "
        f"{len(item.text)}"
    )


def prepare_resume(
    path: str | os.PathLike[str], records: Iterable[Record | Failure]
) -> ResumeState:
    """Check that an output holds results of the first input records, in order; say how many.

    A batch writes one line per input record, in input order, so an unfinished output is the
    results of a prefix of its input. Each whole line is checked against the input record at
    its place: the same id, and the same text length for an analysis (the same input line for
    an error record). Nothing is changed: the writer cuts a torn last line off when it appends.

    Raises:
        BatchError: a whole line is not quotecheck output, or the output was written from
            another input (a line disagrees with its record, or there are more lines than
            records).
    """
    path = Path(path)
    if not path.exists():
        return ResumeState()
    written = failed = keep = 0
    items = iter(records)
    last = b""
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.endswith(b"\n"):
                break  # written by a run that was killed mid-line; redone on resume
            try:
                if not raw.endswith(_LINE_END):  # cut short, or its line end rewritten (\r\n)
                    raise ValueError(raw[-20:])
                peeked = _peek(raw)
            except (ValueError, KeyError, TypeError) as exc:
                raise _not_output(path, number) from exc
            item = next(items, None)
            if item is None or not _written_from(peeked, item):
                msg = (
                    f"{path} was written from another input (its line {number} is for "
                    f"{_disagreement(peeked, item)}); resume with the input it came from (and the "
                    f"same --text-column and --id-column), or write a new -o"
                )
                raise BatchError(msg, path=str(path))
            written, failed, keep = written + 1, failed + peeked[1], keep + len(raw)
            last = raw
    _check_whole(path, written, last)
    return ResumeState(written=written, failed=failed, keep=keep)


def _not_output(path: Path, number: int) -> BatchError:
    """The refusal of line ``number`` of an output that is not a quotecheck output line."""
    keep = f"head -n {number - 1} {path} > kept.jsonl" if number > 1 else "an empty file"
    msg = (
        f"{path} line {number} is not a whole quotecheck output line; resume with a new -o, or "
        f"keep the lines before it ({keep}) and resume that"
    )
    return BatchError(msg, path=str(path))


def _check_whole(path: Path, number: int, raw: bytes) -> None:
    """Parse the last whole line in full: a run killed mid-line and given a newline afterwards
    (by an editor, or ``echo >>``) leaves a head that reads well and a body that does not.

    Raises:
        BatchError: the line is not complete JSON.
    """
    if not raw:
        return
    try:
        json.loads(raw)
    except ValueError as exc:  # json.JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise _not_output(path, number) from exc


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
