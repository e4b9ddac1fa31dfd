"""analyze_corpus and run_batch: analyse a corpus in parallel, streaming results in input order.

Records travel to the workers in small tasks, and only a bounded window of tasks is in flight at
any time, so memory stays flat however large the corpus is. Every future is read: an article
that raises becomes a :class:`~quotecheck.models.Failure` in its place. Nothing a worker does can
stall the run: a record that takes longer than ``record_timeout`` becomes an error record (its
worker is stopped), a worker that dies takes no innocent article with it (a failed task is
retried one record at a time), pool workers ignore Ctrl-C (the parent stops them) and exit when
the parent dies. The worker, :mod:`quotecheck.corpus.worker`, is shared by every engine, so they
write byte-identical files.
"""

from __future__ import annotations

import itertools
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import partial
from itertools import islice
from multiprocessing import get_context
from typing import Any, Literal, Protocol, TypeVar

from quotecheck.config import AnalyzerConfig, given_config
from quotecheck.corpus.io import (
    Record,
    Result,
    count_records,
    from_mapping,
    read_corpus,
    regular_input,
)
from quotecheck.corpus.outputs import LineWriter, check_paths, output_lock
from quotecheck.corpus.results import ResumeState, prepare_resume
from quotecheck.corpus.summary_table import write_summary
from quotecheck.corpus.worker import (
    Encoded,
    Item,
    analyze_chunk,
    encode,
    encode_chunk,
    init_worker,
    lost,
)
from quotecheck.errors import BatchError, install_hint
from quotecheck.models import Failure

__all__ = [
    "DEFAULT_RECORD_TIMEOUT",
    "LONGEST_RECORD_TIMEOUT",
    "MAX_WORKERS",
    "BatchInterrupted",
    "BatchStats",
    "Engine",
    "analyze_corpus",
    "run_batch",
]

Engine = Literal["process", "dask", "serial"]
"""Where articles are analysed: a local process pool, a Dask cluster, or this process."""

DEFAULT_RECORD_TIMEOUT = 300.0
"""Seconds one record may take, on any engine, before it becomes an error record (a long news
article takes well under a second)."""

LONGEST_RECORD_TIMEOUT = 10_000_000.0
"""Seconds (about 116 days): a longer ``record_timeout`` is taken as this, which is no limit in
practice; timers and waits refuse far longer times (``--record-timeout 1e300``)."""

MAX_WORKERS = 1024
"""The most worker processes a batch starts; more would exhaust a machine, not speed it up."""

_CHUNK = 8  # records per task: amortises the engine's overhead per task
_STARTUP = 60.0  # seconds a fresh process pool may take to start (spawn, import), beyond limits
_WINDOW_PER_SLOT = 3  # tasks in flight per worker: enough to keep every worker busy

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
Task = Callable[[list[Item]], list[T]]
OnError = Callable[[Item, BaseException], T]


class _Pending(Protocol[T_co]):
    """A future of any engine: concurrent.futures or dask.distributed."""

    def result(self, timeout: float | None = None) -> T_co: ...


class _Runner(Protocol):
    """An open engine: runs tasks of ``chunk`` records, ``slots`` at a time."""

    slots: int
    chunk: int

    def submit(self, fn: Task[T], chunk: list[Item]) -> _Pending[list[T]]:
        """Start ``fn(chunk)``; return its future."""

    def abandon(self, future: _Pending[Any]) -> None:
        """Give up on a task that overran its time: stop its worker where the engine can."""

    def allowance(self) -> float:
        """Seconds left in which a wait may still be down to workers starting, not to the task."""


# --------------------------------------------------------------------------- streaming


def _coerce(item: object, index: int, max_chars: int) -> Item:
    """Turn one input item into a Record (or Failure); refuse texts over ``max_chars`` (the
    config's, the limit of analyze itself) here, before a worker is sent them."""
    if isinstance(item, str):
        item = Record(id=str(index), text=item, line=index + 1)
    elif isinstance(item, Mapping):
        item = from_mapping(dict(item), index + 1, default_id=str(index))
    elif not isinstance(item, Record | Failure):
        msg = f"item {index} is a {type(item).__name__}; pass Records, mappings or str texts"
        return Failure(doc_id=str(index), error=msg, error_type="InputTypeError", line=index + 1)
    if isinstance(item, Record) and len(item.text) > max_chars:
        msg = (
            f"text has {len(item.text):,} characters, more than max_chars={max_chars:,}: "
            f"split the article, or raise the limit with AnalyzerConfig(max_chars=…)"
        )
        return Failure(doc_id=item.id, error=msg, error_type="InputError", line=item.line)
    return item


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Consecutive lists of at most ``size`` items."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _result(
    runner: _Runner, future: _Pending[list[T]], timeout: float | None, records: int
) -> list[T]:
    """Wait for a task of ``records`` records: ``timeout`` each, and longer while the pool starts.

    Raises:
        TimeoutError: the task overran.
    """
    if timeout is None:
        return future.result()
    while True:
        try:
            return future.result(timeout=timeout * records)
        except TimeoutError:
            if runner.allowance() <= 0:  # the workers were up: the task itself is slow
                raise


def _collect(
    runner: _Runner,
    task: Task[T],
    chunk: list[Item],
    future: _Pending[list[T]],
    on_error: OnError[T],
    timeout: float | None,
) -> list[T]:
    """Read one future; if it overran, give up on it; if its engine failed, retry alone."""
    # The clock starts when this task heads the queue: all earlier ones are done, so it is
    # already running, and it never gets less than its time.
    try:
        return _result(runner, future, timeout, len(chunk))
    except TimeoutError as exc:
        runner.abandon(future)
        if len(chunk) == 1:
            return [on_error(chunk[0], exc)]
    except Exception:  # a dead worker, or a task lost because another one killed the pool
        pass
    return [_alone(runner, task, item, on_error, timeout) for item in chunk]


def _alone(
    runner: _Runner, task: Task[T], item: Item, on_error: OnError[T], timeout: float | None
) -> T:
    """Run one record on its own, so that a failure now is that record's."""
    future = runner.submit(task, [item])
    try:
        return _result(runner, future, timeout, 1)[0]
    except Exception as exc:  # this record itself kills or stalls its worker
        if isinstance(exc, TimeoutError):
            runner.abandon(future)
        return on_error(item, exc)


def _ordered(
    items: Iterable[Item],
    runner: _Runner,
    task: Task[T],
    on_error: OnError[T],
    timeout: float | None,
) -> Iterator[T]:
    """Run ``task`` over chunks of ``items``, a bounded window in flight, yielding in order."""
    window = runner.slots * _WINDOW_PER_SLOT
    pending: deque[tuple[list[Item], _Pending[list[T]]]] = deque()
    for chunk in _chunks(items, runner.chunk):
        pending.append((chunk, runner.submit(task, chunk)))
        if len(pending) >= window:
            yield from _collect(runner, task, *pending.popleft(), on_error, timeout)
    while pending:
        yield from _collect(runner, task, *pending.popleft(), on_error, timeout)


# --------------------------------------------------------------------------- engines


class _Serial:
    """The serial engine: run each task at once, in this process (timed by the worker's SIGALRM
    timer, as pool workers are; there is no worker to kill, so no backstop)."""

    slots, chunk = 1, _CHUNK

    def submit(self, fn: Task[T], chunk: list[Item]) -> Future[list[T]]:
        """Run the task now; hand back a finished future."""
        future: Future[list[T]] = Future()
        try:
            future.set_result(fn(chunk))
        except Exception as exc:  # as a pool would report it
            future.set_exception(exc)
        return future

    def abandon(self, future: _Pending[Any]) -> None:
        """Nothing to stop: serial tasks have finished when submitted."""

    def allowance(self) -> float:
        """Nothing starts."""
        return 0.0


@contextmanager
def _sigint_blocked() -> Iterator[None]:
    """Block Ctrl-C in this thread, so processes started meanwhile start with it blocked."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)  # a Ctrl-C held back arrives now


class _Pool:
    """A spawn-based process pool, replaced when a worker dies or stalls."""

    chunk = _CHUNK  # one record per task would cost a quarter of the throughput on short news

    def __init__(self, workers: int) -> None:
        self.slots = workers
        self.pool = self._new()

    def _new(self) -> ProcessPoolExecutor:
        self.born, self.up = time.monotonic(), False
        # spawn, not fork: the parent may run threads (tqdm, dask) that fork would copy mid-state
        return ProcessPoolExecutor(
            self.slots,
            mp_context=get_context("spawn"),
            initializer=init_worker,
            initargs=(os.getpid(),),
        )

    def submit(self, fn: Task[T], chunk: list[Item]) -> Future[list[T]]:
        """Submit a task, replacing the pool first if a dead worker broke it."""
        with _sigint_blocked():  # workers start here; Ctrl-C during their start-up is ours
            try:
                future = self.pool.submit(fn, chunk)
            except BrokenProcessPool:
                self.kill()
                self.pool = self._new()
                future = self.pool.submit(fn, chunk)
        future.add_done_callback(partial(self._started, self.pool))
        return future

    def _started(self, pool: ProcessPoolExecutor, future: Future[Any]) -> None:
        """Note that ``pool`` is up once one of its tasks has succeeded."""
        if pool is self.pool and not future.cancelled() and future.exception() is None:
            self.up = True

    def allowance(self) -> float:
        """Until the first task of a fresh pool succeeds, time to start the workers."""
        return 0.0 if self.up else max(0.0, self.born + _STARTUP - time.monotonic())

    def abandon(self, future: _Pending[Any]) -> None:
        """Stop every worker (one of them is stuck) and start a fresh pool."""
        self.kill()
        self.pool = self._new()

    def kill(self) -> None:
        """Kill the workers at once; their unfinished tasks fail and are retried by the reader."""
        processes = list((self.pool._processes or {}).values())  # the only handle on them
        for process in processes:
            process.kill()
        for process in processes:
            process.join(10)
        # A worker killed while sending a result leaves half a message in the result pipe, and
        # the pool's manager thread waits for the rest for ever (so does interpreter exit, which
        # joins that thread). With every worker dead, closing this process's end of the pipe
        # ends that wait: the thread reads end-of-file, marks the pool broken and exits.
        writer = getattr(getattr(self.pool, "_result_queue", None), "_writer", None)
        if writer is not None:
            writer.close()
        # Taken before shutdown, which forgets it.
        manager = getattr(self.pool, "_executor_manager_thread", None)
        self.pool.shutdown(wait=False, cancel_futures=True)
        # Let the manager thread finish closing its wake-up pipe now: at interpreter exit,
        # Python 3.11's concurrent.futures wakes every such thread without a lock, and a close
        # racing that wake-up ends the run with an EBADF traceback after the one-line error.
        if manager is not None:
            manager.join(10)

    def close(self) -> None:
        """Stop the idle workers after a finished run."""
        self.pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def _engine(engine: str, workers: int | None, scheduler: object) -> Iterator[_Runner]:
    """Open an engine for the length of a run."""
    if engine == "serial":
        yield _Serial()
    elif engine == "process":
        pool = _Pool(_workers(workers))
        try:
            yield pool
        except BaseException:  # Ctrl-C, an error, or the reader stopped: do not wait for workers
            pool.kill()
            raise
        pool.close()
    else:
        from quotecheck.corpus.cluster import dask_engine

        with dask_engine(scheduler, workers) as runner:
            yield runner


def _check(engine: str, workers: int | None, record_timeout: float | None) -> None:
    """Refuse an unknown engine, a worker count below one or a bad timeout, before any work."""
    if engine not in ("process", "dask", "serial"):
        msg = f"unknown engine {engine!r}; use 'process', 'dask' or 'serial'"
        raise BatchError(msg)
    if workers is not None and (not isinstance(workers, int) or isinstance(workers, bool)):
        msg = f"workers must be a whole number or None, got {type(workers).__name__} {workers!r}"
        raise BatchError(msg)
    if record_timeout is not None and (
        not isinstance(record_timeout, int | float) or isinstance(record_timeout, bool)
    ):
        msg = (
            f"record_timeout must be a number of seconds or None, "
            f"got {type(record_timeout).__name__} {record_timeout!r}"
        )
        raise BatchError(msg)
    if workers is not None and workers < 1:
        msg = f"workers must be at least 1, got {workers}"
        raise BatchError(msg)
    if workers is not None and workers > MAX_WORKERS:
        msg = f"workers must be at most {MAX_WORKERS:,}, got {workers:,}; use a Dask cluster"
        raise BatchError(msg)
    if record_timeout is not None and not record_timeout > 0:
        msg = f"record_timeout must be a number of seconds above 0 (or None), got {record_timeout}"
        raise BatchError(msg)


def _check_records(records: object) -> None:
    """Refuse records that are not an iterable of records: one text (a str, read character by
    character), bytes, None, a number, a data frame (read column by column)."""
    if isinstance(records, str | bytes | bytearray | memoryview) or not isinstance(
        records, Iterable
    ):
        msg = (
            f"records must be an iterable of records (Records, mappings or str texts), got "
            f"{type(records).__name__}: for one text, pass [text] or call quotecheck.analyze"
        )
        raise BatchError(msg)
    if hasattr(records, "columns") and hasattr(records, "to_dict"):
        # Iterating a data frame yields its column names, which would be analysed as texts.
        msg = (
            f"records is a {type(records).__name__}, whose items are its column names: pass "
            f"one mapping per row, e.g. frame.to_dict('records')"
        )
        raise BatchError(msg)


def _check_columns(columns: Mapping[str, object], log: object, flags: Mapping[str, object]) -> None:
    """Refuse column names that are not ``str``, a ``log`` that cannot be called, and switches
    (``resume``, ``progress``) that are not ``bool``, before any work."""
    for name, value in columns.items():
        if not isinstance(value, str):
            msg = f"{name} must be a str naming a field or column, got {type(value).__name__}"
            raise BatchError(msg)
    if log is not None and not callable(log):
        msg = f"log must be a function taking one str, or None, got {type(log).__name__}"
        raise BatchError(msg)
    for name, value in flags.items():
        if value is not None and not isinstance(value, bool):
            msg = f"{name} must be True or False, got {type(value).__name__} {value!r}"
            raise BatchError(msg)


def _bounded(record_timeout: float | None) -> float | None:
    """The record timeout as timers and waits can take it: at most LONGEST_RECORD_TIMEOUT."""
    return None if record_timeout is None else min(record_timeout, LONGEST_RECORD_TIMEOUT)


def _alarm(engine: str, record_timeout: float | None) -> float | None:
    """The time limit a worker sets itself per record with SIGALRM: in a pool worker, or in this
    process on the serial engine; Dask runs tasks in threads, which no signal reaches."""
    return record_timeout if engine in ("process", "serial") else None


def _workers(workers: int | None) -> int:
    """The worker count: the caller's, or one per CPU."""
    return workers or os.cpu_count() or 1


def _stream(
    records: Iterable[object],
    task: Task[T],
    on_error: OnError[T],
    *,
    workers: int | None,
    engine: str,
    scheduler: object,
    max_chars: int,
    record_timeout: float | None,
) -> Iterator[T]:
    """Coerce, then run ``task`` on the chosen engine, yielding results in input order."""
    items = (_coerce(item, i, max_chars) for i, item in enumerate(records))
    with _engine(engine, workers, scheduler) as runner:
        yield from _ordered(items, runner, task, on_error, record_timeout)


def analyze_corpus(
    records: Iterable[Record | Failure | Mapping[str, Any] | str],
    *,
    workers: int | None = None,
    engine: Engine = "process",
    scheduler: object = None,
    config: AnalyzerConfig | None = None,
    record_timeout: float | None = DEFAULT_RECORD_TIMEOUT,
) -> Iterator[Result]:
    """Analyse many articles in parallel, yielding one Analysis or Failure per record, in order.

    Memory stays bounded: records are pulled from ``records`` only as workers free up.

    Args:
        records: :class:`~quotecheck.corpus.io.Record` s (e.g. from
            :func:`~quotecheck.corpus.io.read_corpus`), mappings with ``id`` and ``text`` (plus
            ``title``, ``url``, ``published``, ``outlet``), or plain texts (id = position).
            A :class:`~quotecheck.models.Failure` in the input is passed through in its place.
        workers: Worker processes (default one per CPU); for Dask without a scheduler, the
            size of the local cluster.
        engine: ``"process"`` (local pool), ``"dask"`` (dask.distributed), or ``"serial"``.
        scheduler: For ``engine="dask"``: a scheduler address, a ``distributed.Client``, or
            ``None`` to start a local cluster.
        config: Analyzer settings sent to every worker; a record whose text is longer than
            its ``max_chars`` becomes a Failure (``InputError``) instead of being analysed.
        record_timeout: Seconds one record may take before it becomes a Failure
            (``RecordTimeoutError``); ``None`` waits for ever. The serial engine interrupts the
            record in this process with a SIGALRM timer, which needs the main thread, a POSIX
            system and SIGALRM unused by the caller; without them it cannot stop a record.

    Returns:
        An iterator of Analysis (``doc_id`` = record id) or Failure, one per record.

    Raises:
        BatchError: unknown engine, bad ``workers`` or ``record_timeout``, ``records`` that is
            one text or no iterable, or Dask missing or unreachable.
        InputTypeError: ``config`` is not an AnalyzerConfig.

    >>> [a.doc_id for a in analyze_corpus(["It rained.", 42], engine="serial")]
    ['0', '1']
    """
    _check(engine, workers, record_timeout)
    _check_records(records)
    record_timeout = _bounded(record_timeout)
    config = given_config(config)
    task = partial(analyze_chunk, config=config, timeout=_alarm(engine, record_timeout))
    return _stream(
        records,
        task,
        partial(lost, timeout=record_timeout),
        workers=workers,
        engine=engine,
        scheduler=scheduler,
        max_chars=config.max_chars,
        record_timeout=record_timeout,
    )


# --------------------------------------------------------------------------- run_batch


@dataclass(frozen=True)
class BatchStats:
    """What a batch run did: counts, time, and the exit code a command line should return."""

    total: int  # records in the input
    analyzed: int  # analysed successfully by this run
    failed: int  # error records in the output, earlier (resumed) runs included
    skipped: int  # already in the output from an earlier run (resume)
    seconds: float  # wall time of this run
    output: str  # the output path

    @property
    def rate(self) -> float:
        """Records per second processed by this run."""
        done = self.total - self.skipped
        return done / self.seconds if self.seconds > 0 else 0.0

    @property
    def exit_code(self) -> int:
        """0 when every record was analysed, 1 when any became an error record."""
        return 1 if self.failed else 0

    def describe(self) -> str:
        """The final log line: counts, failures, speed and the output path."""
        return (
            f"quotecheck batch: {self.total:,} records: {self.total - self.failed:,} analysed, "
            f"{self.failed:,} failed, {self.skipped:,} already done; {self.seconds:.1f} s "
            f"({_rate(self.rate)} articles/s) -> {self.output}"
        )


def _stderr(message: str) -> None:
    """Default log: one line on stderr, best effort: a closed stderr or one whose reader has
    gone (`2>&1 | head -1`) must not stop the batch, or make it look failed."""
    if sys.stderr is None:
        return
    with suppress(OSError, ValueError):  # ValueError: written after the stream was closed
        sys.stderr.write(message + "\n")
        sys.stderr.flush()


class _Progress:
    """A tqdm bar (articles/s, ETA) when wanted and possible; else a log line every 10 s."""

    EVERY = 10.0
    NO_TQDM = (
        f"quotecheck batch: --progress needs tqdm for a progress bar ({install_hint('progress')}); "
        "logging a progress line every 10 s instead"
    )

    def __init__(
        self, want: bool | None, total: int | None, initial: int, log: Callable[[str], None]
    ) -> None:
        self.total, self.initial, self.log = total, initial, log
        self.done, self.started = 0, time.monotonic()
        self.last = self.started
        self.bar: Any = None
        on_terminal = sys.stderr is not None and sys.stderr.isatty()
        if on_terminal if want is None else want:
            try:
                from tqdm import tqdm
            except ImportError:
                if want:  # asked for by name: say why there is no bar
                    log(self.NO_TQDM)
                return
            self.bar = tqdm(total=total, initial=initial, unit=" articles", dynamic_ncols=True)

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()

    def update(self, failed: int) -> None:
        """Count one more record written; ``failed`` is the running count of error records."""
        self.done += 1
        if self.bar is not None:
            self.bar.set_postfix(failed=failed, refresh=False)
            self.bar.update(1)
            return
        now = time.monotonic()
        if now - self.last >= self.EVERY:
            self.last = now
            self.log(self.line(now - self.started, failed))

    def line(self, elapsed: float, failed: int) -> str:
        """A plain progress line: "7,865/15,015 (52%), 786 articles/s, ETA 9 s"."""
        rate = self.done / elapsed if elapsed > 0 else 0.0
        done = self.initial + self.done
        where = f"{done:,}/{self.total:,} ({100 * done / self.total:.0f}%)" if self.total else ""
        parts = [where or f"{done:,} records", f"{_rate(rate)} articles/s"]
        if self.total and rate:
            parts.append(f"ETA {_duration(max(0, self.total - done) / rate)}")
        if failed:
            parts.append(f"{failed:,} failed")
        return "quotecheck batch: " + ", ".join(parts)


def _rate(per_second: float) -> str:
    """A speed as people read it: "786", "1,204", or "2.5" below ten."""
    return f"{per_second:,.0f}" if per_second >= 10 else f"{per_second:.1f}"


def _duration(seconds: float) -> str:
    """A time left as people read it: "9 s", "4 min 05 s", "2 h 10 min"."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        return f"{whole // 60} min {whole % 60:02d} s"
    return f"{whole // 3600} h {whole % 3600 // 60:02d} min"


class BatchInterrupted(KeyboardInterrupt):
    """Raised by :func:`run_batch` on Ctrl-C: ``written`` whole lines are safe in ``output``.

    Running the batch again with ``resume=True`` (``--resume``) analyses only what is missing.
    """

    def __init__(self, written: int, output: str) -> None:
        super().__init__(f"interrupted with {written:,} records written to {output}")
        self.written = written
        self.output = output


def run_batch(
    input_path: str | os.PathLike[str],
    output_path: str | os.PathLike[str],
    *,
    summary_path: str | os.PathLike[str] | None = None,
    workers: int | None = None,
    resume: bool = False,
    engine: Engine = "process",
    scheduler: object = None,
    text_column: str = "text",
    id_column: str = "id",
    genre_column: str = "genre",
    progress: bool | None = None,
    log: Callable[[str], None] | None = None,
    config: AnalyzerConfig | None = None,
    record_timeout: float | None = DEFAULT_RECORD_TIMEOUT,
) -> BatchStats:
    """Analyse a corpus file or folder into a JSONL file, one line per record in input order.

    Each line is an Analysis (``doc_id`` = the record id) or an error record (a Failure:
    ``doc_id``, ``error``, ``error_type``, ``line``). Before any work, the paths are checked:
    no two of input, output and summary may be one file, and the outputs must be writable.
    Lines are written whole (a line the disk cannot take is cut off again), so an interrupted
    run leaves whole lines plus at most one torn line, which ``resume=True`` cuts off before
    checking that the output came from this input and doing the rest. The summary is written
    beside its path and moved into place when complete.

    Args:
        input_path: JSONL (``.jsonl``/``.gz``), CSV, Parquet, or a folder of ``.txt`` files.
        output_path: The JSONL to write (replaced, unless ``resume``).
        summary_path: Also write the per-article summary CSV (Parquet for ``.parquet``).
        workers: Worker processes; default one per CPU.
        resume: Keep what ``output_path`` already holds and add only the missing records.
        engine: ``"process"``, ``"dask"`` or ``"serial"``; see :func:`analyze_corpus`.
        scheduler: Dask scheduler address (``engine="dask"``); ``None`` starts a local cluster.
        text_column: The field or column holding the article text.
        id_column: The field or column holding the record id.
        genre_column: The column (CSV, Parquet) or field (JSONL) holding a known genre;
            an empty cell lets the genre be read from the text.
        progress: A tqdm bar (articles/s, ETA) on stderr; ``None`` = only when stderr is a
            terminal and tqdm is installed. Without a bar, ``log`` gets a line every 10 s.
        log: Receives progress and final lines; default writes them to stderr.
        config: Analyzer settings; a text longer than its ``max_chars`` becomes an error
            record (``InputError``).
        record_timeout: Seconds one record may take before it becomes an error record, on
            every engine (serial: see :func:`analyze_corpus`); ``None`` waits for ever.

    Returns:
        :class:`BatchStats`; ``stats.exit_code`` is 1 when any record failed.

    Raises:
        InputTypeError: ``config`` is not an AnalyzerConfig.
        BatchError: the options are wrong, a path is unusable, the input cannot be read, the
            output to resume came from another input, or an output cannot be written.
        BatchInterrupted: Ctrl-C (a ``KeyboardInterrupt``) stopped the run; it says how many
            lines the output holds, and ``resume=True`` finishes it.
    """
    _check(engine, workers, record_timeout)
    columns = {"text_column": text_column, "id_column": id_column, "genre_column": genre_column}
    _check_columns(columns, log, {"resume": resume, "progress": progress})
    config = given_config(config)
    check_paths(input_path, output_path, summary_path, resume=resume)
    job = _Job(
        output_path=output_path,
        summary_path=summary_path,
        workers=workers,
        resume=resume,
        engine=engine,
        scheduler=scheduler,
        columns=columns,
        progress=progress,
        log=log or _stderr,
        config=config,
        record_timeout=_bounded(record_timeout),
    )
    with regular_input(input_path) as readable:  # a pipe is copied: it is read more than once
        return _run(readable, job)


@dataclass(frozen=True)
class _Job:
    """The settings of one run_batch call, checked, for :func:`_run`."""

    output_path: str | os.PathLike[str]
    summary_path: str | os.PathLike[str] | None
    workers: int | None
    resume: bool
    engine: Engine
    scheduler: object
    columns: dict[str, str]
    progress: bool | None
    log: Callable[[str], None]
    config: AnalyzerConfig
    record_timeout: float | None


def _run(input_path: str | os.PathLike[str], job: _Job) -> BatchStats:
    """Run a batch whose paths have been checked, from an input that can be read again."""
    output_path = job.output_path
    read = partial(read_corpus, input_path, **job.columns)
    records = read()  # fails early on a missing input or column, before touching the output
    with output_lock(output_path) as locked:  # a second batch on this output is refused
        state = prepare_resume(output_path, read()) if job.resume else ResumeState()
        return _run_locked(input_path, job, read, records, state, locked=locked)


def _run_locked(
    input_path: str | os.PathLike[str],
    job: _Job,
    read: Callable[[], Iterator[Record | Failure]],
    records: Iterator[Record | Failure],
    state: ResumeState,
    *,
    locked: bool,
) -> BatchStats:
    """The run itself, with the output locked by this batch (``locked``) or about to be."""
    output_path, engine, record_timeout = job.output_path, job.engine, job.record_timeout
    started = time.monotonic()
    stream = _stream(
        islice(records, state.written, None),
        partial(encode_chunk, config=job.config, timeout=_alarm(engine, record_timeout)),
        partial(_encode_lost, timeout=record_timeout),
        workers=job.workers,
        engine=engine,
        scheduler=job.scheduler,
        max_chars=job.config.max_chars,
        record_timeout=record_timeout,
    )
    bar = _Progress(job.progress, count_records(input_path), state.written, job.log)
    before = state.failed
    try:
        with bar:
            done, failed = _write(
                stream, output_path, keep=state.keep, bar=bar, before=before, locked=locked
            )
    except KeyboardInterrupt:
        raise BatchInterrupted(state.written + bar.done, os.fspath(output_path)) from None
    if job.summary_path is not None:
        try:
            write_summary(output_path, read(), job.summary_path)
        except KeyboardInterrupt:  # the output is whole; --resume writes the summary
            raise BatchInterrupted(state.written + done, os.fspath(output_path)) from None
    stats = BatchStats(
        total=state.written + done,
        analyzed=done - failed,
        failed=failed + state.failed,
        skipped=state.written,
        seconds=time.monotonic() - started,
        output=os.fspath(output_path),
    )
    job.log(stats.describe())
    return stats


def _encode_lost(item: Item, exc: BaseException, *, timeout: float | None) -> Encoded:
    """The output line of a record its engine lost."""
    return encode(lost(item, exc, timeout=timeout))


def _write(
    stream: Iterable[Encoded],
    path: str | os.PathLike[str],
    *,
    keep: int | None,
    bar: _Progress,
    before: int,
    locked: bool,
) -> tuple[int, int]:
    """Write each line whole after the first ``keep`` bytes; return (lines, error records)."""
    failed = 0
    results = iter(stream)
    # Take the first result before opening the output: that starts the engine, so a scheduler
    # that cannot be reached fails here and leaves an existing output file untouched.
    first = next(results, None)
    with LineWriter(path, keep=keep, locked=locked) as out:
        for bad, line in itertools.chain(() if first is None else (first,), results):
            out.write(line.encode("utf-8") + b"\n")
            failed += bad
            bar.update(before + failed)
        return out.lines, failed
