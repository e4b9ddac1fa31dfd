"""The one worker of every engine: analyse a record, never let one article stop a corpus.

The process pool of :mod:`~quotecheck.corpus.batch` and the Dask engine of
:mod:`~quotecheck.corpus.cluster` both call these functions, so every engine writes the same
bytes for the same record. A worker never raises for a record: an exception in the analysis
(``MemoryError`` and pydantic-core panics included) or while writing the line becomes that
record's error record, and a record over its time limit is interrupted by a ``SIGALRM`` timer
(in pool workers, and in the serial engine's own process when its main thread runs it and
nothing else uses that signal). Pool workers ignore Ctrl-C, which the parent handles, exit
when the parent dies, and freeze their long-lived objects once warmed up (see
:func:`init_worker`).
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from quotecheck.config import AnalyzerConfig
from quotecheck.corpus.io import Record, Result
from quotecheck.corpus.results import dump_result
from quotecheck.errors import QuotecheckError, RecordTimeoutError, WorkerCrashError
from quotecheck.integrations.webpage import analyze_html, looks_like_html
from quotecheck.models import Failure
from quotecheck.pipeline import analyze

__all__ = [
    "Encoded",
    "Item",
    "analyze_chunk",
    "analyze_record",
    "encode",
    "encode_chunk",
    "encode_record",
    "failure",
    "init_worker",
    "lost",
    "settle_heap",
]

Item = Record | Failure
"""What a worker is given: a record to analyse, or a Failure already decided when reading."""

Encoded = tuple[bool, str]
"""A result as it is written: (is it an error record, the output line as JSON)."""


def _timeout_message(seconds: float | None) -> str:
    return (
        f"analysing this record took longer than the record timeout ({seconds:g} s); raise it "
        f"with record_timeout=… (--record-timeout) if the article is that long"
    )


def _timer_free() -> bool:
    """True when this thread may own SIGALRM for a while: it is the main thread (the only one
    a signal reaches) and nobody else has a handler or a timer on it."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) == signal.SIG_DFL
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise RecordTimeoutError in this (main) thread once ``seconds`` have passed."""
    if seconds is None or not _timer_free():
        yield  # no timer of ours: a pool's parent still stops the worker after its wait
        return

    def expire(signum: int, frame: object) -> None:
        raise RecordTimeoutError(_timeout_message(seconds))

    previous = signal.signal(signal.SIGALRM, expire)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)  # inside: a failure restores the handler
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def analyze_record(item: Item, config: AnalyzerConfig, timeout: float | None = None) -> Result:
    """Analyse one record; any exception becomes a Failure so one article cannot stop a corpus.

    With ``timeout``, a record that takes longer is interrupted by a SIGALRM timer and becomes a
    RecordTimeoutError Failure; the timer is set only in the main thread, and only while nothing
    else holds SIGALRM (its handler and timer are restored to none afterwards).
    """
    if isinstance(item, Failure):
        return item
    try:
        with _time_limit(timeout):
            if looks_like_html(item.text):  # a scraped page: its article, never its markup
                return analyze_html(item.text, doc_id=item.id, config=config)
            if item.genre is None:  # most corpora say nothing of genre: read it from the text
                return analyze(item.text, doc_id=item.id, config=config)
            return analyze(item.text, doc_id=item.id, config=config, genre=item.genre)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # also MemoryError and a panic in pydantic-core: one record lost
        return failure(item, exc)


def failure(item: Item, exc: BaseException) -> Failure:
    """The Failure recording that ``exc`` stopped ``item``."""
    if isinstance(item, Failure):
        return item
    msg = str(exc) or repr(exc)
    if not isinstance(exc, QuotecheckError):  # not the record's fault: say where it came from
        msg += " (raised while analysing this record; please report it)"
    return Failure(doc_id=item.id, error=msg, error_type=type(exc).__name__, line=item.line)


def lost(item: Item, exc: BaseException, *, timeout: float | None) -> Failure:
    """The error record of a record its engine lost; the same on every engine, whatever ``exc``."""
    if isinstance(item, Failure):
        return item
    err: QuotecheckError
    if isinstance(exc, TimeoutError):
        err = RecordTimeoutError(_timeout_message(timeout))
    else:
        err = WorkerCrashError(
            "the worker analysing this record died (killed, out of memory or crashed), again "
            "when the record was retried alone; check the record and the memory limit"
        )
    return Failure(doc_id=item.id, error=str(err), error_type=type(err).__name__, line=item.line)


def encode(result: Result) -> Encoded:
    """The output line of a result, and whether it is an error record."""
    return isinstance(result, Failure), dump_result(result)


def encode_record(item: Item, config: AnalyzerConfig, timeout: float | None = None) -> Encoded:
    """Analyse one record and serialise it here, sparing the parent; never raises."""
    result = analyze_record(item, config, timeout)
    try:
        return encode(result)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # e.g. out of memory while serialising a huge analysis
        return encode(failure(item, exc))


def analyze_chunk(
    chunk: list[Item], config: AnalyzerConfig, timeout: float | None = None
) -> list[Result]:
    """Task for an engine: analyse a chunk of records, returning models."""
    return [analyze_record(item, config, timeout) for item in chunk]


def encode_chunk(
    chunk: list[Item], config: AnalyzerConfig, timeout: float | None = None
) -> list[Encoded]:
    """Task for an engine: analyse a chunk of records into output lines."""
    return [encode_record(item, config, timeout) for item in chunk]


def init_worker(parent: int) -> None:
    """Set up a pool worker: Ctrl-C is the parent's to handle, and the worker dies with it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # also drops a Ctrl-C that came during start-up
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if sys.platform == "linux":  # the kernel kills this process when its parent dies
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    else:  # elsewhere a thread watches for the parent to go
        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
    settle_heap()


def settle_heap() -> None:
    """Warm the pipeline on a short text, then move every object alive to the permanent
    generation, so the collector stops sweeping the lexicons and tables on each full pass."""
    # Only in a pool worker: the process is quotecheck's own, never the caller's. Measured: 4.1%
    # fewer instructions per article in a worker (callgrind, 40 news articles, compiled build).
    analyze("“We will stay,” the minister said on Tuesday, according to officials.")
    gc.collect()
    gc.freeze()


def _exit_with(parent: int) -> None:
    """Exit this process once ``parent`` is no longer its parent."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)
