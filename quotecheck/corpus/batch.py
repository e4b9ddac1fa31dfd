"""analyze_corpus and run_batch: analyse a corpus in parallel, streaming results in input order.

Records travel to the workers in small chunks, and only a bounded window of chunks is in flight at
any time, so memory stays flat however large the corpus is. Every future is read: an article
that raises becomes a :class:`~quotecheck.models.Failure` in its place, and a worker that dies
takes no innocent article with it (its chunk is retried one record at a time). The worker
function, :func:`~quotecheck.corpus.worker.analyze_record`, is shared by the process pool and
the Dask engine.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from itertools import islice
from multiprocessing import get_context
from typing import Any, Literal, Protocol, TypeVar

from quotecheck.config import DEFAULT_CONFIG, AnalyzerConfig
from quotecheck.corpus.io import (
    Record,
    Result,
    ResumeState,
    count_records,
    from_mapping,
    prepare_resume,
    read_corpus,
    write_summary,
)
from quotecheck.corpus.worker import (
    Encoded,
    Item,
    analyze_chunk,
    encode,
    encode_chunk,
    failure,
)
from quotecheck.errors import BatchError
from quotecheck.models import Failure

__all__ = ["DEFAULT_MAX_CHARS", "BatchStats", "Engine", "analyze_corpus", "run_batch"]

Engine = Literal["process", "dask", "serial"]
"""Where articles are analysed: a local process pool, a Dask cluster, or this process."""

DEFAULT_MAX_CHARS = 1_000_000
"""Longest record accepted by a batch; longer ones become Failures (news runs far shorter)."""

_CHUNK = 8  # records per task: amortises inter-process overhead, keeps latency low
_WINDOW_PER_SLOT = 3  # chunks in flight per worker: enough to keep every worker busy

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class _Pending(Protocol[T_co]):
    """A future of either engine: concurrent.futures or dask.distributed."""

    def result(self) -> T_co: ...


Submit = Callable[[Callable[[list[Item]], list[T]], list[Item]], _Pending[list[T]]]


# --------------------------------------------------------------------------- streaming


def _coerce(item: object, index: int, max_chars: int) -> Item:
    """Turn one input item into a Record (or Failure); refuse texts over ``max_chars``."""
    if isinstance(item, str):
        item = Record(id=str(index), text=item, line=index + 1)
    elif isinstance(item, Mapping):
        item = from_mapping(dict(item), index + 1, default_id=str(index))
    elif not isinstance(item, Record | Failure):
        msg = f"item {index} is a {type(item).__name__}; pass Records, mappings or str texts"
        return Failure(doc_id=str(index), error=msg, error_type="InputTypeError", line=index + 1)
    if isinstance(item, Record) and len(item.text) > max_chars:
        msg = (
            f"text has {len(item.text):,} characters, over the batch limit max_chars="
            f"{max_chars:,}; split the article or raise max_chars"
        )
        return Failure(doc_id=item.id, error=msg, error_type="InputError", line=item.line)
    return item


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Consecutive lists of at most ``size`` items."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _collect(
    submit: Submit[T],
    task: Callable[[list[Item]], list[T]],
    chunk: list[Item],
    future: _Pending[list[T]],
    on_error: Callable[[Item, BaseException], T],
) -> list[T]:
    """Read one future; if the engine failed, retry its records one by one, then give up."""
    try:
        return future.result()
    except Exception as exc:  # a dead worker or lost task: read, never drop
        if len(chunk) == 1:
            return [on_error(chunk[0], exc)]
    results: list[T] = []
    for item in chunk:
        try:
            results.extend(submit(task, [item]).result())
        except Exception as exc:  # this record itself kills the worker
            results.append(on_error(item, exc))
    return results


def _ordered(
    items: Iterable[Item],
    submit: Submit[T],
    task: Callable[[list[Item]], list[T]],
    window: int,
    on_error: Callable[[Item, BaseException], T],
) -> Iterator[T]:
    """Run ``task`` over chunks of ``items``, at most ``window`` chunks in flight, in order."""
    pending: deque[tuple[list[Item], _Pending[list[T]]]] = deque()
    for chunk in _chunks(items, _CHUNK):
        pending.append((chunk, submit(task, chunk)))
        if len(pending) >= window:
            yield from _collect(submit, task, *pending.popleft(), on_error)
    while pending:
        yield from _collect(submit, task, *pending.popleft(), on_error)


# --------------------------------------------------------------------------- engines


def _done(fn: Callable[[list[Item]], list[T]], chunk: list[Item]) -> Future[list[T]]:
    """The serial engine: run now, hand back a finished future."""
    future: Future[list[T]] = Future()
    future.set_result(fn(chunk))
    return future


class _Pool:
    """A spawn-based process pool that replaces itself when a worker dies."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pool = self._new()

    def _new(self) -> ProcessPoolExecutor:
        # spawn, not fork: the parent may run threads (tqdm, dask) that fork would copy mid-state
        return ProcessPoolExecutor(self.workers, mp_context=get_context("spawn"))

    def submit(self, fn: Callable[[list[Item]], list[T]], chunk: list[Item]) -> Future[list[T]]:
        """Submit a task, restarting the pool first if a dead worker broke it."""
        try:
            return self.pool.submit(fn, chunk)
        except BrokenProcessPool:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._new()
            return self.pool.submit(fn, chunk)

    def close(self) -> None:
        """Stop the workers, dropping tasks not started (e.g. after Ctrl-C)."""
        self.pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def _engine(
    engine: str, workers: int | None, scheduler: object
) -> Iterator[tuple[Submit[Any], int]]:
    """Open an engine; yield its submit function and how many tasks it runs at once."""
    if engine == "serial":
        yield _done, 1
    elif engine == "process":
        count = _workers(workers)
        pool = _Pool(count)
        try:
            yield pool.submit, count
        finally:
            pool.close()
    else:
        from quotecheck.corpus.cluster import dask_engine

        with dask_engine(scheduler, workers) as opened:
            yield opened


def _check(engine: str, workers: int | None) -> None:
    """Refuse an unknown engine or a worker count below one, before any work starts."""
    if engine not in ("process", "dask", "serial"):
        msg = f"unknown engine {engine!r}; use 'process', 'dask' or 'serial'"
        raise BatchError(msg)
    if workers is not None and workers < 1:
        msg = f"workers must be at least 1, got {workers}"
        raise BatchError(msg)


def _workers(workers: int | None) -> int:
    """The worker count: the caller's, or one per CPU."""
    return workers or os.cpu_count() or 1


def _stream(
    records: Iterable[object],
    task: Callable[[list[Item]], list[T]],
    on_error: Callable[[Item, BaseException], T],
    *,
    workers: int | None,
    engine: str,
    scheduler: object,
    max_chars: int,
) -> Iterator[T]:
    """Coerce, then run ``task`` on the chosen engine, yielding results in input order."""
    items = (_coerce(item, i, max_chars) for i, item in enumerate(records))
    with _engine(engine, workers, scheduler) as (submit, slots):
        yield from _ordered(items, submit, task, slots * _WINDOW_PER_SLOT, on_error)


def analyze_corpus(
    records: Iterable[Record | Failure | Mapping[str, Any] | str],
    *,
    workers: int | None = None,
    engine: Engine = "process",
    scheduler: object = None,
    config: AnalyzerConfig | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
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
        config: Analyzer settings sent to every worker.
        max_chars: Records with longer texts become Failures instead of being analysed.

    Returns:
        An iterator of Analysis (``doc_id`` = record id) or Failure, one per record.

    Raises:
        BatchError: unknown engine, bad ``workers``, or Dask missing or unreachable.

    >>> [a.doc_id for a in analyze_corpus(["It rained.", 42], engine="serial")]
    ['0', '1']
    """
    _check(engine, workers)
    task = partial(analyze_chunk, config=config or DEFAULT_CONFIG)
    return _stream(
        records,
        task,
        failure,
        workers=workers,
        engine=engine,
        scheduler=scheduler,
        max_chars=max_chars,
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
            f"quotecheck batch: {self.total} records: {self.total - self.failed} analysed, "
            f"{self.failed} failed, {self.skipped} already done; {self.seconds:.1f} s "
            f"({self.rate:.1f} articles/s) -> {self.output}"
        )


def _stderr(message: str) -> None:
    """Default log: one line on stderr."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


class _Progress:
    """A tqdm bar (articles/s, ETA) when wanted and possible; else a log line every 10 s."""

    EVERY = 10.0

    def __init__(
        self, want: bool | None, total: int | None, initial: int, log: Callable[[str], None]
    ) -> None:
        self.total, self.initial, self.log = total, initial, log
        self.done, self.started = 0, time.monotonic()
        self.last = self.started
        self.bar: Any = None
        if sys.stderr.isatty() if want is None else want:
            try:
                from tqdm import tqdm
            except ImportError:
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
        """A plain progress line: records done, speed, ETA, failures."""
        rate = self.done / elapsed if elapsed > 0 else 0.0
        done = self.initial + self.done
        if self.total and rate:
            left = max(0, self.total - done) / rate
            where = f"{done}/{self.total} ({100 * done / self.total:.0f}%), ETA {left:.0f} s"
        else:
            where = str(done)
        return f"quotecheck batch: {where} records, {rate:.1f} articles/s, {failed} failed"


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
    progress: bool | None = None,
    log: Callable[[str], None] | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    config: AnalyzerConfig | None = None,
) -> BatchStats:
    """Analyse a corpus file or folder into a JSONL file, one line per record in input order.

    Each line is an Analysis (``doc_id`` = the record id) or an error record (a Failure:
    ``doc_id``, ``error``, ``error_type``, ``line``). Lines are written whole (one write, then
    flush), so an interrupted run leaves only whole lines plus at most one partial line, which
    ``resume=True`` cuts off before skipping the ids already written and doing the rest.

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
        progress: A tqdm bar (articles/s, ETA) on stderr; ``None`` = only when stderr is a
            terminal and tqdm is installed. Without a bar, ``log`` gets a line every 10 s.
        log: Receives progress and final lines; default writes them to stderr.
        max_chars: Longer texts become error records.
        config: Analyzer settings.

    Returns:
        :class:`BatchStats`; ``stats.exit_code`` is 1 when any record failed.

    Raises:
        BatchError: the input cannot be read, or the options are wrong.
    """
    _check(engine, workers)
    log = log or _stderr
    read = partial(read_corpus, input_path, text_column=text_column, id_column=id_column)
    records = read()  # fails early on a missing input or column, before touching the output
    state = prepare_resume(output_path) if resume else ResumeState()
    started = time.monotonic()
    stream = _stream(
        (item for item in records if not state.take(item)),
        partial(encode_chunk, config=config or DEFAULT_CONFIG),
        _encode_failure,
        workers=workers,
        engine=engine,
        scheduler=scheduler,
        max_chars=max_chars,
    )
    with _Progress(progress, count_records(input_path), state.written, log) as bar:
        done, failed = _write(stream, output_path, append=resume, bar=bar, before=state.failed)
    if summary_path is not None:
        write_summary(output_path, read(), summary_path)
    stats = BatchStats(
        total=state.skipped + done,
        analyzed=done - failed,
        failed=failed + state.failed,
        skipped=state.skipped,
        seconds=time.monotonic() - started,
        output=os.fspath(output_path),
    )
    log(stats.describe())
    return stats


def _encode_failure(item: Item, exc: BaseException) -> Encoded:
    """The error record's line for a record its engine lost."""
    return encode(failure(item, exc))


def _write(
    stream: Iterable[Encoded],
    path: str | os.PathLike[str],
    *,
    append: bool,
    bar: _Progress,
    before: int,
) -> tuple[int, int]:
    """Write each line whole (one write, then flush); return (lines written, error records)."""
    done = failed = 0
    results = iter(stream)
    # Take the first result before opening the output: that starts the engine, so a scheduler
    # that cannot be reached fails here and leaves an existing output file untouched.
    first = next(results, None)
    with open(path, "ab" if append else "wb") as out:
        for bad, line in itertools.chain(() if first is None else (first,), results):
            out.write(line.encode("utf-8") + b"\n")  # one write per line: no torn lines
            out.flush()
            done += 1
            failed += bad
            bar.update(before + failed)
    return done, failed
