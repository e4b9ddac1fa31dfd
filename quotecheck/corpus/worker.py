"""The one worker of every engine: analyse a record, never let one article stop a corpus.

The process pool of :mod:`~quotecheck.corpus.batch` and the Dask engine of
:mod:`~quotecheck.corpus.cluster` both call these functions, so every engine writes the same
bytes for the same record.
"""

from __future__ import annotations

from quotecheck.config import AnalyzerConfig
from quotecheck.corpus.io import Record, Result
from quotecheck.errors import QuotecheckError
from quotecheck.models import Failure
from quotecheck.pipeline import analyze

__all__ = [
    "Encoded",
    "Item",
    "analyze_chunk",
    "analyze_record",
    "encode",
    "encode_chunk",
    "failure",
]

Item = Record | Failure
"""What a worker is given: a record to analyse, or a Failure already decided when reading."""

Encoded = tuple[bool, str]
"""A result as it is written: (is it an error record, the output line as JSON)."""


def analyze_record(item: Item, config: AnalyzerConfig) -> Result:
    """Analyse one record; any exception becomes a Failure so one article cannot stop a corpus."""
    if isinstance(item, Failure):
        return item
    try:
        return analyze(item.text, doc_id=item.id, config=config)
    except Exception as exc:  # a bug in one article's analysis is reported, not fatal
        return failure(item, exc)


def failure(item: Item, exc: BaseException) -> Failure:
    """The Failure recording that ``exc`` stopped ``item``."""
    if isinstance(item, Failure):
        return item
    msg = str(exc) or repr(exc)
    if not isinstance(exc, QuotecheckError):  # not the record's fault: say where it came from
        msg += " (raised while analysing this record; please report it)"
    return Failure(doc_id=item.id, error=msg, error_type=type(exc).__name__, line=item.line)


def encode(result: Result) -> Encoded:
    """The output line of a result, and whether it is an error record."""
    return isinstance(result, Failure), result.model_dump_json()


def analyze_chunk(chunk: list[Item], config: AnalyzerConfig) -> list[Result]:
    """Task for an engine: analyse a chunk of records, returning models."""
    return [analyze_record(item, config) for item in chunk]


def encode_chunk(chunk: list[Item], config: AnalyzerConfig) -> list[Encoded]:
    """Task for an engine: analyse a chunk and serialise in the worker, sparing the parent."""
    return [encode(analyze_record(item, config)) for item in chunk]
