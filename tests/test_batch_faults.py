"""The batch fault suite: same paths, bad paths and lines, full disks, stalls, kills, Ctrl-C.

The subprocess tests are marked slow; CI runs them (the default pytest run selects every test).
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from quotecheck.cli import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_USAGE, main
from quotecheck.config import DEFAULT_CONFIG
from quotecheck.corpus import batch, worker
from quotecheck.corpus.batch import run_batch
from quotecheck.corpus.io import Record
from quotecheck.corpus.results import load_result
from quotecheck.errors import BatchError
from quotecheck.models import Analysis, Failure
from tests.test_batch import write_corpus

QUIET: dict[str, Any] = {"progress": False, "log": lambda m: None}
LINUX = sys.platform == "linux"


def _cli(*argv: str) -> list[str]:
    return [sys.executable, "-m", "quotecheck", *argv]


def _ctrl_c_default() -> None:
    """In the child: take Ctrl-C as a terminal would, even if this test run ignores it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _one_line_error(err: str) -> None:
    assert "Traceback" not in err
    assert err.count("\n") == 1
    assert err.startswith("quotecheck: error: ")


# --------------------------------------------------------------------------- paths


@pytest.mark.parametrize(
    ("extra", "guarded"),
    [
        (["-o", "{in}"], "in"),
        (["-o", "{out}", "--summary", "{in}"], "in"),
        (["-o", "{out}", "--summary", "{out}"], "out"),
        (["-o", "{link}"], "in"),
    ],
    ids=["output-is-input", "summary-is-input", "summary-is-output", "output-links-to-input"],
)
def test_batch_refuses_to_overwrite_what_it_reads_or_wrote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], guarded: str
) -> None:
    """Input, output and summary naming one file: one line, exit 2, the file unchanged."""
    paths = {"in": write_corpus(tmp_path / "in.jsonl", 3), "out": tmp_path / "out.jsonl"}
    paths["out"].write_text("earlier results\n", encoding="utf-8")
    (tmp_path / "link").symlink_to(paths["in"])
    before = paths[guarded].read_bytes()
    argv = [a.format(**{**paths, "link": tmp_path / "link"}) for a in extra]
    assert main(["batch", str(paths["in"]), *argv, "--engine", "serial"]) == EXIT_USAGE
    _one_line_error(capsys.readouterr().err)
    assert paths[guarded].read_bytes() == before


@pytest.mark.parametrize(
    "extra",
    [
        ["-o", "{tmp}/missing/o.jsonl"],
        ["-o", "{tmp}"],
        ["-o", "{tmp}/o.jsonl", "--summary", "{tmp}/missing/s.csv"],
    ],
    ids=["output-folder-missing", "output-is-a-folder", "summary-folder-missing"],
)
def test_unusable_output_paths_fail_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str]
) -> None:
    """Outputs that cannot be written stop the batch before it writes anything."""
    corpus = write_corpus(tmp_path / "in.jsonl", 3)
    argv = [a.format(tmp=tmp_path) for a in extra]
    assert main(["batch", str(corpus), *argv, "--engine", "serial"]) == EXIT_USAGE
    _one_line_error(capsys.readouterr().err)
    assert not (tmp_path / "o.jsonl").exists()


@pytest.mark.parametrize("name", ["in.jsonl.gz", "in.parquet"])
def test_broken_inputs_are_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """A truncated .gz or a corrupt .parquet: one line, exit 2, no output."""
    data = gzip.compress(write_corpus(tmp_path / "c.jsonl", 20).read_bytes())[:-30]
    (tmp_path / name).write_bytes(data)
    out = tmp_path / "o.jsonl"
    assert main(["batch", str(tmp_path / name), "-o", str(out), "--engine", "serial"]) == 2
    _one_line_error(capsys.readouterr().err)
    assert not out.exists()


def test_resume_refuses_an_output_of_another_input(tmp_path: Path) -> None:
    """--resume against an output written from another input refuses instead of appending."""
    first, second = write_corpus(tmp_path / "a.jsonl", 6), tmp_path / "b.jsonl"
    second.write_text(first.read_text(encoding="utf-8").replace("doc1", "other"), "utf-8")
    out = tmp_path / "o.jsonl"
    run_batch(first, out, engine="serial", **QUIET)
    out.write_bytes(b"".join(out.read_bytes().splitlines(keepends=True)[:2]))  # doc0, doc1
    before = out.read_bytes()
    with pytest.raises(BatchError, match="another input"):
        run_batch(second, out, resume=True, engine="serial", **QUIET)
    assert out.read_bytes() == before
    stats = run_batch(first, out, resume=True, engine="serial", **QUIET)
    assert (stats.skipped, stats.total) == (2, 6)


# --------------------------------------------------------------------------- lines and text


def test_bad_lines_and_surrogates_cost_nothing_and_engines_agree(tmp_path: Path) -> None:
    """Deep nesting, huge numbers and lone surrogates: error records or escaped lines, the
    same bytes from the serial and the process engine, and every line reads back."""
    corpus = write_corpus(tmp_path / "in.jsonl", 4)
    with corpus.open("a", encoding="utf-8") as fh:
        fh.write('{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
        fh.write('{"id": "big", "text": "x", "n": ' + "9" * 5000 + "}\n")
        fh.write('{"id": "s\\ud800", "text": "He said \\udfff “hi” there."}\n')
        fh.write('{"id": "last", "text": "It rained."}\n')
    serial, pool = tmp_path / "serial.jsonl", tmp_path / "pool.jsonl"
    stats = run_batch(corpus, serial, engine="serial", **QUIET)
    run_batch(corpus, pool, workers=2, summary_path=tmp_path / "s.csv", **QUIET)
    assert serial.read_bytes() == pool.read_bytes()
    assert (stats.total, stats.failed, stats.exit_code) == (8, 2, EXIT_FAILED)
    results = [load_result(line) for line in serial.read_bytes().splitlines()]
    odd = results[6]
    assert isinstance(odd, Analysis)
    assert odd.doc_id == "s\ud800"
    assert odd.paragraphs[0].span.text == "He said \udfff “hi” there."
    assert [r.doc_id for r in results if isinstance(r, Failure)] == [None, None]


def test_undecodable_file_names_run_on_every_engine(tmp_path: Path) -> None:
    """A folder holding a file whose name is not UTF-8 gives the same file on each engine."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "caf\udce9.txt").write_text("“Yes,” she said.", encoding="utf-8")
    (folder / "b.txt").write_text("It rained.", encoding="utf-8")
    run_batch(folder, tmp_path / "a.jsonl", engine="serial", **QUIET)
    run_batch(folder, tmp_path / "b.jsonl", workers=2, **QUIET)
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    assert b'"doc_id":"caf\\udce9.txt"' in (tmp_path / "a.jsonl").read_bytes()
    run_batch(folder, tmp_path / "a.jsonl", engine="serial", resume=True, **QUIET)


def test_the_worker_survives_memory_errors_and_panics(monkeypatch: pytest.MonkeyPatch) -> None:
    """MemoryError in analysis, or a BaseException while serialising, is one error record."""

    class Panic(BaseException):
        """Like pyo3's PanicException, which is not an Exception."""

    def short_of_memory(text: str, **kwargs: Any) -> Analysis:
        raise MemoryError

    config = DEFAULT_CONFIG
    record = Record(id="r", text="x", line=3)
    monkeypatch.setattr(worker, "analyze", short_of_memory)
    failed, line = worker.encode_record(record, config)
    assert failed
    assert json.loads(line)["error_type"] == "MemoryError"
    monkeypatch.undo()

    def panic(result: object) -> str:
        raise Panic

    monkeypatch.setattr(
        worker, "dump_result", lambda r: panic(r) if isinstance(r, Analysis) else "{}"
    )
    assert worker.encode_record(record, config) == (True, "{}")


def test_a_slow_record_is_stopped_by_its_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a time limit (as pool workers get it), a slow analysis is interrupted on time and
    reads exactly as a timeout seen by the parent; the next record is analysed as usual."""

    def slow(text: str, **kwargs: Any) -> Analysis:
        if text == "slow":
            time.sleep(30)
        return Analysis(doc_id=kwargs.get("doc_id"), length=len(text))

    monkeypatch.setattr(worker, "analyze", slow)
    started = time.monotonic()
    stopped = worker.analyze_record(Record(id="s", text="slow", line=2), DEFAULT_CONFIG, 0.3)
    assert time.monotonic() - started < 5
    assert stopped == worker.lost(Record(id="s", text="", line=2), TimeoutError(), timeout=0.3)
    fine = worker.analyze_record(Record(id="f", text="fast"), DEFAULT_CONFIG, 0.3)
    assert isinstance(fine, Analysis)
    time.sleep(0.5)  # the timer was cleared: nothing fires later


def test_the_serial_engine_stops_a_slow_record_in_its_own_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """record_timeout holds on the serial engine too: the slow record is the same error record a
    pool gives, the next one is analysed, and this process's SIGALRM is left as it was."""

    def slow(text: str, **kwargs: Any) -> Analysis:
        if text == "slow":
            time.sleep(30)
        return Analysis(doc_id=kwargs.get("doc_id"), length=len(text))

    monkeypatch.setattr(worker, "analyze", slow)
    records = [Record(id=name, text=name, line=i + 1) for i, name in enumerate(["a", "slow", "b"])]
    started = time.monotonic()
    out = list(batch.analyze_corpus(records, engine="serial", record_timeout=0.3))
    assert time.monotonic() - started < 5
    assert out[1] == worker.lost(records[1], TimeoutError(), timeout=0.3)
    assert [type(r) for r in out] == [Analysis, Failure, Analysis]
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_the_serial_engine_leaves_a_callers_alarm_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """A caller that uses SIGALRM itself keeps its handler and timer; no record is cut short."""

    def slowish(text: str, **kwargs: Any) -> Analysis:
        time.sleep(0.3)
        return Analysis(doc_id=kwargs.get("doc_id"), length=len(text))

    rang: list[int] = []
    monkeypatch.setattr(worker, "analyze", slowish)
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: rang.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.5)
        out = list(batch.analyze_corpus(["x"], engine="serial", record_timeout=0.05))
        assert isinstance(out[0], Analysis)
        time.sleep(0.5)
        assert rang == [signal.SIGALRM]  # the caller's own timer still went off, once
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs SIGALRM")
def test_record_timeout_holds_on_every_engine_from_the_command_line(tmp_path: Path) -> None:
    """--record-timeout stops a genuinely slow record (the real analysis, in whichever build is
    installed) on the serial and process engines alike, with byte-identical outputs."""
    slow = '"a ' * 600_000  # well over a second of analysis in either build
    corpus = tmp_path / "in.jsonl"
    rows = [{"id": "1", "text": "“Yes,” she said."}, {"id": "2", "text": slow}]
    rows.append({"id": "3", "text": "It rained."})
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    outputs = []
    for engine in ("serial", "process"):
        out = tmp_path / f"{engine}.jsonl"
        argv = ["batch", str(corpus), "-o", str(out), "--engine", engine, "--workers", "1"]
        started = time.monotonic()
        done = subprocess.run(
            _cli(*argv, "--record-timeout", "0.1", "--no-progress"),
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == EXIT_FAILED, done.stderr
        assert time.monotonic() - started < 60
        lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert [line.get("error_type") for line in lines] == [None, "RecordTimeoutError", None]
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_engine_failures_read_the_same_on_every_engine() -> None:
    """A lost record's error record does not depend on which engine lost it, or how."""
    from concurrent.futures.process import BrokenProcessPool

    record = Record(id="r", text="x", line=3)
    crashes = [BrokenProcessPool("gone"), RuntimeError("KilledWorker: tcp://x"), OSError("pipe")]
    lost = {worker.lost(record, exc, timeout=5) for exc in crashes}
    assert len(lost) == 1
    (crash,) = lost
    assert (crash.error_type, crash.doc_id, crash.line) == ("WorkerCrashError", "r", 3)
    timeout = worker.lost(record, TimeoutError(), timeout=5)
    assert timeout.error_type == "RecordTimeoutError"
    assert "5 s" in timeout.error


# --------------------------------------------------------------------------- stalls and kills


def stall_on_slow(chunk: list[Record]) -> list[tuple[str, int]]:
    """A task that hangs (holding its worker) on a 'slow' record."""
    if any(r.text == "slow" for r in chunk):
        time.sleep(600)
    return [(r.id, os.getpid()) for r in chunk]


@pytest.mark.slow
def test_a_stalled_record_times_out_and_its_worker_is_stopped() -> None:
    """A record over the time limit becomes an error record; its worker is killed; rest finish."""
    items = [Record(id=str(i), text="slow" if i == 5 else "ok") for i in range(30)]
    pool = batch._Pool(2)
    started = time.monotonic()
    try:
        out = list(batch._ordered(items, pool, stall_on_slow, lambda r, e: e, 1.0))
    finally:
        pool.close()
    assert time.monotonic() - started < 60
    assert isinstance(out[5], TimeoutError)
    assert [o[0] for i, o in enumerate(out) if i != 5] == [str(i) for i in range(30) if i != 5]
    pids = {o[1] for i, o in enumerate(out) if i != 5}
    assert len(pids) > 1  # the first pool was replaced after the stall


def _children(pid: int) -> set[int]:
    """Processes whose parent is ``pid`` (Linux /proc)."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for_lines(out: Path, proc: subprocess.Popen[bytes], lines: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= lines:
            return
        time.sleep(0.01)
    pytest.fail("the batch never wrote its first lines")


@pytest.mark.slow
@pytest.mark.skipif(not LINUX, reason="reads /proc")
def test_workers_die_with_their_parent(tmp_path: Path) -> None:
    """kill -9 of a running batch takes its workers and the resource tracker with it."""
    corpus = write_corpus(tmp_path / "in.jsonl", 3000)
    out = tmp_path / "o.jsonl"
    proc = subprocess.Popen(
        _cli("batch", str(corpus), "-o", str(out), "--workers", "2", "--no-progress"),
        stderr=subprocess.DEVNULL,
    )
    _wait_for_lines(out, proc, 10)
    helpers = _children(proc.pid)
    assert len(helpers) >= 3  # two workers and the resource tracker
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_alive(p) for p in helpers):
        time.sleep(0.1)
    assert not [p for p in helpers if _alive(p)]


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.05, 0.4, 1.0, "running"])
def test_ctrl_c_stops_a_batch_at_once_and_quietly(tmp_path: Path, delay: float | str) -> None:
    """Ctrl-C (SIGINT to the process group) at start-up or mid-run: exit 130, one line."""
    corpus = write_corpus(tmp_path / "in.jsonl", 3000)
    out = tmp_path / "o.jsonl"
    proc = subprocess.Popen(
        _cli("batch", str(corpus), "-o", str(out), "--workers", "2", "--no-progress"),
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=_ctrl_c_default,
    )
    if delay == "running":
        _wait_for_lines(out, proc, 10)
    else:
        time.sleep(float(delay))
    os.killpg(proc.pid, signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("the batch hung after Ctrl-C")
    if b"quotecheck/__main__.py" not in err and proc.returncode != EXIT_INTERRUPTED:
        pytest.skip("the signal came while Python itself started, before any quotecheck code")
    assert proc.returncode == EXIT_INTERRUPTED
    _one_line_error(err.decode())
    assert err.decode().startswith("quotecheck: error: interrupted")
    if LINUX:
        time.sleep(0.5)
        left = [p for p in _children(1) | _children(os.getpid()) if _session(p) == proc.pid]
        assert not [p for p in left if _alive(p)]


def _session(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[3])
    except OSError:
        return -1


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["serial", "process"])
def test_a_full_disk_leaves_whole_lines_and_resume_finishes(tmp_path: Path, engine: str) -> None:
    """Out of space (a 40 KB file size limit): one line, exit 2, whole lines; resume completes."""
    corpus = write_corpus(tmp_path / "in.jsonl", 40)
    out, reference = tmp_path / "o.jsonl", tmp_path / "ref.jsonl"
    argv = ("batch", str(corpus), "-o", str(out), "--engine", engine, "--no-progress")
    done = subprocess.run(
        _cli(*argv), capture_output=True, preexec_fn=_limit_file_size, timeout=120, check=False
    )
    assert done.returncode == EXIT_USAGE
    _one_line_error(done.stderr.decode())
    assert "--resume" in done.stderr.decode()
    written = out.read_bytes()
    assert 0 < len(written) <= 40_000
    assert written.endswith(b"\n")
    run_batch(corpus, reference, engine="serial", **QUIET)
    assert reference.read_bytes().startswith(written)
    finish = subprocess.run(_cli(*argv, "--resume"), capture_output=True, timeout=120, check=False)
    assert finish.returncode == 0, finish.stderr
    assert out.read_bytes() == reference.read_bytes()


# --------------------------------------------------------------------------- the command line


def test_closed_stdout_is_one_line_exit_2(tmp_path: Path) -> None:
    """Standard output closed (`>&-`): one line on stderr and exit 2, not an AttributeError."""
    article = tmp_path / "a.txt"
    article.write_text("“Yes,” she said.", encoding="utf-8")
    done = subprocess.run(
        ["sh", "-c", f'"{sys.executable}" -m quotecheck analyze "{article}" >&-'],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == EXIT_USAGE
    _one_line_error(done.stderr.decode())
    assert "closed" in done.stderr.decode()


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.1, 0.2, 0.35, 0.5])
def test_ctrl_c_during_start_up_is_one_line(tmp_path: Path, delay: float) -> None:
    """Ctrl-C while the command is still starting: 'interrupted', exit 130, no traceback."""
    article = tmp_path / "a.txt"
    article.write_text("“Yes,” she said. " * 2000, encoding="utf-8")
    proc = subprocess.Popen(
        _cli("analyze", str(article)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=_ctrl_c_default,
    )
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the command finished before the signal")
    if b"quotecheck/__main__.py" not in err and proc.returncode != EXIT_INTERRUPTED:
        pytest.skip("the signal came while Python itself started, before any quotecheck code")
    assert proc.returncode == EXIT_INTERRUPTED, err
    assert err.decode() == "quotecheck: error: interrupted\n"


def test_pool_workers_freeze_their_warmed_heap_and_the_caller_keeps_its_own(tmp_path: Path) -> None:
    """A pool worker (quotecheck's own process) moves what is alive after a warm-up analysis to
    the collector's permanent generation; the serial engine, in the caller's process, does not."""
    import gc
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    with ProcessPoolExecutor(
        1, mp_context=get_context("spawn"), initializer=worker.init_worker, initargs=(os.getpid(),)
    ) as pool:
        frozen = pool.submit(gc.get_freeze_count).result(timeout=120)
    assert frozen > 10_000  # the interpreter, the pipeline's modules and their loaded lexicons
    before = gc.get_freeze_count()
    corpus = write_corpus(tmp_path / "in.jsonl", 3)
    run_batch(corpus, tmp_path / "out.jsonl", workers=1, **QUIET)
    assert gc.get_freeze_count() == before
