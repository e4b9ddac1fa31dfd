"""analyze_corpus and run_batch: order, failures as records, bounded memory, resume after kill."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quotecheck.config import DEFAULT_CONFIG, AnalyzerConfig
from quotecheck.corpus import batch, worker
from quotecheck.corpus.batch import BatchStats, analyze_corpus, run_batch
from quotecheck.corpus.io import Record
from quotecheck.errors import BatchError
from quotecheck.models import Analysis, Failure
from quotecheck.pipeline import analyze

NAMES = ("the minister", "Jane Doe, a spokeswoman,", "officials", "a senior aide")


def article(i: int) -> str:
    """A short, varied news-like text for record ``i``."""
    name = NAMES[i % len(NAMES)]
    return (
        f"Headline number {i}\n\n"
        f"“Plan {i} will go ahead,” {name} said on Tuesday. The cost was reportedly {i * 7} "
        f"million, according to people familiar with it.\n\n"
        f"Critics called it “a {'bold' if i % 2 else 'reckless'} gamble.” It starts in {i % 12}."
    )


def write_corpus(path: Path, n: int, *, bad_every: int = 0) -> Path:
    """A JSONL corpus of ``n`` lines; every ``bad_every``-th line is invalid JSON."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            if bad_every and i % bad_every == bad_every - 1:
                fh.write("{broken\n")
            else:
                row = {"id": f"doc{i}", "text": article(i), "outlet": f"O{i % 3}", "title": f"T{i}"}
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def test_process_engine_matches_analyze_in_input_order() -> None:
    """With two worker processes, results equal analyze() one by one, in input order."""
    texts = [article(i) for i in range(60)]
    results = list(analyze_corpus(texts, workers=2))
    assert results == [analyze(t, doc_id=str(i)) for i, t in enumerate(texts)]


def test_every_kind_of_input_item_gets_a_result_in_place() -> None:
    """Records, mappings, texts, Failures, non-texts and oversized texts each yield one result."""
    failure = Failure(doc_id="f", error="upstream", error_type="InputError", line=9)
    items: list[Any] = [
        Record(id="r", text="One sentence.", line=1),
        {"id": "m", "text": "Mapped text."},
        "Plain text.",
        failure,
        12345,
        {"id": "nt", "body": "wrong field"},
        Record(id="big", text="x" * 101, line=7),
    ]
    config = AnalyzerConfig(max_chars=100)
    results = list(analyze_corpus(items, engine="serial", config=config))
    assert [r.doc_id for r in results] == ["r", "m", "2", "f", "4", "nt", "big"]
    assert [type(r).__name__ for r in results] == ["Analysis"] * 3 + ["Failure"] * 4
    assert results[0] == analyze("One sentence.", doc_id="r")
    assert results[3] == failure
    big = results[6]
    assert isinstance(big, Failure)
    assert (big.line, big.error_type) == (7, "InputError")
    assert "max_chars=100" in big.error


def test_exceptions_in_analysis_become_failures(monkeypatch: pytest.MonkeyPatch) -> None:
    """An article whose analysis raises becomes a Failure with the exception; the rest go on."""

    def fragile(text: str, doc_id: str | None = None, config: object = None) -> Analysis:
        if "boom" in text:
            msg = "stage fell over"
            raise IndexError(msg)
        return Analysis(doc_id=doc_id, length=len(text))

    monkeypatch.setattr(worker, "analyze", fragile)
    results = list(analyze_corpus(["fine", "boom", "fine too"], engine="serial"))
    assert [type(r).__name__ for r in results] == ["Analysis", "Failure", "Analysis"]
    failed = results[1]
    assert isinstance(failed, Failure)
    assert (failed.doc_id, failed.error_type, failed.line) == ("1", "IndexError", 2)
    assert "stage fell over" in failed.error


def test_memory_is_bounded_by_a_window_not_the_corpus() -> None:
    """Records are pulled lazily: at no point is more than a small window of them read ahead."""
    pulled = [0]

    def corpus(n: int) -> Iterator[str]:
        for i in range(n):
            pulled[0] += 1
            yield article(i)

    ahead = 0
    for done, _ in enumerate(analyze_corpus(corpus(1500), workers=2), start=1):
        ahead = max(ahead, pulled[0] - done)
    assert pulled[0] == 1500
    assert ahead <= 2 * batch._WINDOW_PER_SLOT * batch._CHUNK


class _Flaky:
    """A fake engine whose task fails for any chunk holding a 'poison' record."""

    slots, chunk = 1, 8

    def submit(self, fn: Any, chunk: list[Any]) -> Any:
        from concurrent.futures import Future

        future: Future[Any] = Future()
        if any(isinstance(r, Record) and r.text == "poison" for r in chunk):
            future.set_exception(RuntimeError("worker died"))
        else:
            future.set_result(fn(chunk))
        return future

    def abandon(self, future: Any) -> None:
        """Nothing to stop."""


def test_a_failed_task_costs_only_its_guilty_record() -> None:
    """When the engine loses a chunk, its records are retried alone and only the culprit fails."""
    texts = [f"Text {i}." for i in range(20)]
    texts[5] = "poison"
    items = [Record(id=str(i), text=t, line=i + 1) for i, t in enumerate(texts)]
    task = batch.partial(worker.analyze_chunk, config=DEFAULT_CONFIG)
    on_error = batch.partial(worker.lost, timeout=None)
    results = list(batch._ordered(items, _Flaky(), task, on_error, None))
    assert [r.doc_id for r in results] == [str(i) for i in range(20)]
    failed = [r for r in results if isinstance(r, Failure)]
    assert [(f.doc_id, f.error_type, f.line) for f in failed] == [("5", "WorkerCrashError", 6)]


def crash_on_poison(chunk: list[Record]) -> list[str]:
    """A task that kills its worker process outright on a 'poison' record."""
    if any(r.text == "poison" for r in chunk):
        os._exit(3)
    return [r.id for r in chunk]


def test_a_dead_worker_process_is_replaced() -> None:
    """A record that kills its worker yields a Failure; the pool restarts and the rest finish."""
    items = [Record(id=str(i), text="poison" if i == 13 else "ok") for i in range(40)]
    pool = batch._Pool(2)
    try:
        out = list(batch._ordered(items, pool, crash_on_poison, lambda r, e: repr(e), None))
    finally:
        pool.close()
    assert len(out) == 40
    assert [o for i, o in enumerate(out) if i != 13] == [str(i) for i in range(40) if i != 13]
    assert "BrokenProcessPool" in out[13]


def test_bad_options_raise_batch_error() -> None:
    """An unknown engine or a worker count below one is a BatchError."""
    with pytest.raises(BatchError, match="unknown engine"):
        analyze_corpus(["x"], engine="threads")  # type: ignore[arg-type]
    with pytest.raises(BatchError, match="at least 1"):
        analyze_corpus(["x"], workers=0)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"engine": "threads"}, "unknown engine"),
        ({"workers": 0}, "at least 1"),
        ({"text_column": "body"}, "no column 'body'"),
    ],
    ids=["engine", "workers", "column"],
)
def test_run_batch_fails_before_touching_the_output(
    tmp_path: Path, options: dict[str, Any], message: str
) -> None:
    """Bad options or a missing text column stop run_batch before the output is replaced."""
    src = tmp_path / "in.csv"
    src.write_text("id,text\n1,Hello.\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("precious\n", encoding="utf-8")
    with pytest.raises(BatchError, match=message):
        run_batch(src, out, progress=False, log=lambda m: None, **options)
    assert out.read_text(encoding="utf-8") == "precious\n"


def test_run_batch_writes_one_line_per_record_in_order(tmp_path: Path) -> None:
    """run_batch writes every record (analysis or error record), a summary, and the counts."""
    src = write_corpus(tmp_path / "in.jsonl", 30, bad_every=10)
    out, summary = tmp_path / "out.jsonl", tmp_path / "s.csv"
    logged: list[str] = []
    stats = run_batch(src, out, summary_path=summary, workers=2, progress=False, log=logged.append)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 30
    rows = [json.loads(line) for line in lines]
    assert [r["doc_id"] for r in rows if r["doc_id"]] == [
        f"doc{i}" for i in range(30) if i % 10 != 9
    ]
    errors = [r for r in rows if "error" in r]
    assert [(e["doc_id"], e["line"]) for e in errors] == [(None, 10), (None, 20), (None, 30)]
    assert Analysis.model_validate_json(lines[0]) == analyze(article(0), doc_id="doc0")
    assert (stats.total, stats.analyzed, stats.failed, stats.skipped) == (30, 27, 3, 0)
    assert stats.exit_code == 1
    assert logged[-1] == stats.describe()
    assert "3 failed" in logged[-1]
    assert len(summary.read_text(encoding="utf-8").splitlines()) == 31


def test_run_batch_engines_write_identical_files(tmp_path: Path) -> None:
    """The serial and process engines produce byte-identical output."""
    src = write_corpus(tmp_path / "in.jsonl", 25, bad_every=7)
    kwargs: dict[str, Any] = {"progress": False, "log": lambda m: None}
    run_batch(src, tmp_path / "a.jsonl", engine="serial", **kwargs)
    stats = run_batch(src, tmp_path / "b.jsonl", workers=2, **kwargs)
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    assert stats.exit_code == 1


def test_plain_progress_lines_when_no_bar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a bar, progress goes to the log as plain lines with speed and ETA."""
    monkeypatch.setattr(batch._Progress, "EVERY", 0.0)
    src = write_corpus(tmp_path / "in.jsonl", 5)
    logged: list[str] = []
    stats = run_batch(src, tmp_path / "o.jsonl", engine="serial", progress=False, log=logged.append)
    assert len(logged) == 6
    assert "5/5 (100%)" in logged[4]
    assert "articles/s" in logged[0]
    assert "ETA" in logged[0]
    assert stats.exit_code == 0


def test_progress_bar_on_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """progress=True draws a tqdm bar on stderr showing articles/s."""
    pytest.importorskip("tqdm")
    src = write_corpus(tmp_path / "in.jsonl", 5)
    run_batch(src, tmp_path / "o.jsonl", engine="serial", progress=True, log=lambda m: None)
    err = capsys.readouterr().err
    assert "articles/s" in err
    assert "5/5" in err


def test_resume_completes_a_torn_output(tmp_path: Path) -> None:
    """Resuming an output with a torn last line yields exactly the uninterrupted result."""
    src = write_corpus(tmp_path / "in.jsonl", 20, bad_every=6)
    full, part = tmp_path / "full.jsonl", tmp_path / "part.jsonl"
    kwargs: dict[str, Any] = {"engine": "serial", "progress": False, "log": lambda m: None}
    run_batch(src, full, **kwargs)
    data = full.read_bytes()
    cut = data.index(b"\n", len(data) // 2) + 40  # seven whole lines or so, plus a fragment
    part.write_bytes(data[:cut])
    stats = run_batch(src, part, resume=True, **kwargs)
    assert part.read_bytes() == data
    assert stats.skipped == data[:cut].count(b"\n")
    assert stats.failed == 3  # the error records skipped on resume still count


RUNNER = (
    "import sys; from quotecheck.corpus.batch import run_batch; "
    "run_batch(sys.argv[1], sys.argv[2], workers=2, progress=False)"
)


def _start_and_interrupt(src: Path, out: Path, sig: int, after_lines: int) -> int:
    """Run a batch in a real subprocess; send ``sig`` to its group once it wrote some lines."""
    proc = subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(src), str(out)],
        start_new_session=True,  # its own process group, so the signal reaches the workers too
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= after_lines:
            os.killpg(proc.pid, sig)
            break
        time.sleep(0.005)
    try:
        return proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        raise


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["sigkill", "ctrl-c"])
def test_resume_after_a_real_kill_equals_an_uninterrupted_run(tmp_path: Path, sig: int) -> None:
    """A batch killed mid-run leaves whole lines; resume completes it to the uninterrupted file."""
    n = 1500
    src = write_corpus(tmp_path / "in.jsonl", n, bad_every=97)
    out, reference = tmp_path / "out.jsonl", tmp_path / "ref.jsonl"
    code = _start_and_interrupt(src, out, sig, after_lines=25)
    assert code != 0
    written = out.read_bytes()
    whole = written.count(b"\n")
    assert 25 <= whole < n, "the batch must be interrupted mid-run"
    for line in written.splitlines(keepends=True)[:whole]:
        assert line.endswith(b"\n")
        json.loads(line)
    quiet: dict[str, Any] = {"progress": False, "log": lambda m: None}
    stats: BatchStats = run_batch(src, out, resume=True, workers=2, **quiet)
    assert stats.skipped == whole
    run_batch(src, reference, engine="serial", **quiet)
    assert out.read_bytes() == reference.read_bytes()
    assert stats.failed == n // 97
