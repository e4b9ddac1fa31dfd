"""Hostile streams and paths at the command line: closed or piped input, outputs that are not
regular files, an output naming its own input, SIGTERM, and batch outputs from another version.

Each test is a case a hostile tester found after the first fault suite (tests/test_batch_faults.py).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quotecheck.cli import EXIT_USAGE, main
from quotecheck.corpus.batch import run_batch
from quotecheck.corpus.consistency import corpus_report_from_batch
from quotecheck.errors import BatchError
from tests.conftest import ROOT
from tests.test_batch import write_corpus

QUIET = {"progress": False, "log": lambda m: None}
ARTICLE = "“We will stay,” the minister said on Tuesday.\n"


def _env(**extra: str) -> dict[str, str]:
    """The environment of a child ``python -m quotecheck`` run in another folder: this checkout
    importable there (after PYTHONPATH's own entries, such as a compiled wheel's), and ``extra``."""
    path = os.pathsep.join(p for p in (os.environ.get("PYTHONPATH"), str(ROOT)) if p)
    return {**os.environ, "PYTHONPATH": path, **extra}


def _sh(command: str, cwd: Path, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    """Run a shell command line with ``python -m quotecheck`` as ``$QC``."""
    qc = f'"{sys.executable}" -m quotecheck'
    return subprocess.run(
        ["bash", "-c", command.replace("$QC", qc)],
        cwd=cwd,
        env=_env(),
        capture_output=True,
        timeout=120,
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )


def _one_line_error(err: bytes) -> str:
    text = err.decode()
    assert "Traceback" not in text, text
    assert text.count("\n") == 1, text
    assert text.startswith("quotecheck: error: ")
    return text


# --------------------------------------------------------------------------- standard input


@pytest.mark.parametrize(
    "command",
    [
        "$QC analyze - <&-",
        "$QC flag - <&-",
        "$QC verify a.txt --source - <&-",
        "$QC batch - -o o.jsonl <&-",
    ],
    ids=["analyze", "flag", "verify", "batch"],
)
def test_closed_stdin_is_one_line_exit_2(tmp_path: Path, command: str) -> None:
    """`-` with standard input closed (`<&-`): one line and exit 2, not an AttributeError."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    done = _sh(command, tmp_path)
    assert done.returncode == EXIT_USAGE
    assert "standard input is closed" in _one_line_error(done.stderr)
    assert not (tmp_path / "o.jsonl").exists()


@pytest.mark.parametrize(
    "argv", [["verify", "-", "--source", "-"], ["flag", "-", "-"]], ids=["verify", "flag"]
)
def test_stdin_named_twice_is_a_usage_error(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Standard input can be read once: naming `-` twice says so instead of 'empty'."""
    assert main(argv) == EXIT_USAGE
    assert "only once" in capsys.readouterr().err


# --------------------------------------------------------------------------- analyze -o


@pytest.mark.parametrize("spelling", ["{name}", "./{name}", "sub/../{name}", "link"])
def test_analyze_refuses_to_write_over_its_article(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    spelling: str,
) -> None:
    """`analyze X -o X` (by any spelling, or a link) would replace the article: refused, exit 2."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "link").symlink_to(article)
    out = spelling.format(name="a.txt")
    assert main(["analyze", "a.txt", "--format", "json", "-o", out]) == EXIT_USAGE
    assert "same file" in capsys.readouterr().err
    assert article.read_text(encoding="utf-8") == ARTICLE


def _limit_file_size() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_FSIZE, (4_000, 4_000))


def test_analyze_output_replaces_the_old_one_only_when_complete(tmp_path: Path) -> None:
    """A report the disk cannot take (a 4 KB size limit) leaves the earlier report as it was,
    and no temporary file: one line, exit 2."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE * 40, encoding="utf-8")
    report = tmp_path / "r.html"
    report.write_text("earlier report", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "quotecheck",
            "analyze",
            "a.txt",
            "--format",
            "html",
            "-o",
            "r.html",
        ],
        cwd=tmp_path,
        env=_env(),
        capture_output=True,
        preexec_fn=_limit_file_size,
        timeout=120,
        check=False,
    )
    assert done.returncode == EXIT_USAGE
    _one_line_error(done.stderr)
    assert report.read_text(encoding="utf-8") == "earlier report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "r.html"]
    assert main(["analyze", str(article), "--format", "json", "-o", str(report)]) == 0
    assert json.loads(report.read_text(encoding="utf-8"))["doc_id"] == str(article)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "r.html"]


def test_read_only_outputs_are_refused_and_replaced_files_keep_their_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A read-only report, summary or batch output was replaced (moving a file over it needs
    only its folder writable) and a private 0600 report came back 0644: now a read-only file
    is refused, one line, exit 2, and a replaced file keeps its permissions."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    corpus = write_corpus(tmp_path / "in.jsonl", 2)
    locked = tmp_path / "locked.json"
    locked.write_text("keep me", encoding="utf-8")
    locked.chmod(0o444)
    commands = [
        ["analyze", str(article), "--format", "json", "-o", str(locked)],
        ["batch", str(corpus), "-o", str(locked), "--engine", "serial"],
        ["batch", str(corpus), "-o", str(tmp_path / "o.jsonl"), "--summary", str(locked)],
    ]
    for argv in commands:
        assert main(argv) == EXIT_USAGE, argv
        err = capsys.readouterr().err
        _one_line_error(err.encode())
        assert "read-only" in err
        assert locked.read_text(encoding="utf-8") == "keep me"
    assert not (tmp_path / "o.jsonl").exists()
    private = tmp_path / "private.json"
    private.write_text("old", encoding="utf-8")
    private.chmod(0o600)
    assert main(["analyze", str(article), "--format", "json", "-o", str(private)]) == 0
    assert json.loads(private.read_text(encoding="utf-8"))["length"] == len(ARTICLE)
    assert private.stat().st_mode & 0o777 == 0o600


def test_analyze_to_a_symlink_writes_its_target(tmp_path: Path) -> None:
    """-o naming a symlink writes the file it points to; the link stays a link."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "reports").mkdir()
    target = tmp_path / "reports" / "r.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    assert main(["analyze", str(article), "--format", "json", "-o", str(link)]) == 0
    assert link.is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))["length"] == len(ARTICLE)


# --------------------------------------------------------------------------- batch streams


def test_batch_reads_a_pipe_given_by_name(tmp_path: Path) -> None:
    """`batch <(cat corpus)` and `cat corpus | batch /dev/stdin`: every record, not none."""
    corpus = write_corpus(tmp_path / "in.jsonl", 5)
    reference = tmp_path / "ref.jsonl"
    run_batch(corpus, reference, engine="serial", **QUIET)
    for command in (
        "$QC batch <(cat in.jsonl) -o o1.jsonl --engine serial --summary s1.csv",
        "cat in.jsonl | $QC batch /dev/stdin -o o2.jsonl --engine serial",
    ):
        done = _sh(command, tmp_path)
        assert done.returncode == 0, done.stderr
    assert (tmp_path / "o1.jsonl").read_bytes() == reference.read_bytes()
    assert (tmp_path / "o2.jsonl").read_bytes() == reference.read_bytes()
    assert len((tmp_path / "s1.csv").read_text(encoding="utf-8").splitlines()) == 6


def test_batch_streams_to_standard_output(tmp_path: Path) -> None:
    """`-o -` and `-o /dev/stdout` stream the lines to standard output (no file named '-')."""
    corpus = write_corpus(tmp_path / "in.jsonl", 4)
    reference = tmp_path / "ref.jsonl"
    run_batch(corpus, reference, engine="serial", **QUIET)
    for out in ("-", "/dev/stdout"):
        done = _sh(f"$QC batch in.jsonl -o {out} --engine serial | cat", tmp_path)
        assert done.returncode == 0, done.stderr
        assert done.stdout == reference.read_bytes()
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("device", ["/dev/null", "/dev/full"])
def test_batch_to_a_device(tmp_path: Path, device: str) -> None:
    """`-o /dev/null` runs the batch and keeps nothing; `-o /dev/full` stops with one line."""
    corpus = write_corpus(tmp_path / "in.jsonl", 2)
    if device == "/dev/null":
        assert run_batch(corpus, device, engine="serial", **QUIET).total == 2
    else:
        with pytest.raises(BatchError, match="No space left"):
            run_batch(corpus, device, engine="serial", **QUIET)


def test_batch_to_a_closed_pipe_stops_quietly(tmp_path: Path) -> None:
    """`batch … -o - | head -1`: the reader left; the batch stops at once, quietly, status 0."""
    write_corpus(tmp_path / "in.jsonl", 40)
    done = _sh(
        "$QC batch in.jsonl -o - --engine serial --no-progress | head -1; "
        'echo "status=${PIPESTATUS[0]}" >&2',
        tmp_path,
    )
    assert json.loads(done.stdout)["doc_id"] == "doc0"
    assert done.stderr.decode().endswith("status=0\n"), done.stderr
    assert "Traceback" not in done.stderr.decode()


@pytest.mark.parametrize("extra", [["--resume"], ["--summary", "s.csv"]], ids=["resume", "summary"])
def test_streamed_output_cannot_be_read_back(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
) -> None:
    """--resume and --summary read -o back: with a stream as -o (a FIFO, `-`) they are refused
    before any work, and never hang."""
    monkeypatch.chdir(tmp_path)
    corpus = write_corpus(tmp_path / "in.jsonl", 2)
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    argv = ["batch", str(corpus), "-o", str(fifo), "--engine", "serial", *extra]
    assert main(argv) == EXIT_USAGE
    assert "regular file" in capsys.readouterr().err
    done = _sh(f"$QC batch in.jsonl -o - --engine serial {' '.join(extra)} | cat", tmp_path)
    assert done.stdout == b""
    assert "regular file" in _one_line_error(done.stderr)
    assert not (tmp_path / "s.csv").exists()


def test_summary_to_standard_output(tmp_path: Path) -> None:
    """`--summary -` (or /dev/stdout) writes the CSV to standard output and replaces nothing."""
    write_corpus(tmp_path / "in.jsonl", 3)
    done = _sh("$QC batch in.jsonl -o o.jsonl --summary - --engine serial | cat", tmp_path)
    assert done.returncode == 0, done.stderr
    rows = done.stdout.decode().splitlines()
    assert rows[0].startswith("id,outlet,title")
    assert len(rows) == 4
    assert not (tmp_path / "-").exists()


def test_summary_to_a_symlink_writes_its_target(tmp_path: Path) -> None:
    """--summary naming a symlink replaces the file it points to and keeps the link."""
    corpus = write_corpus(tmp_path / "in.jsonl", 2)
    (tmp_path / "keep").mkdir()
    target = tmp_path / "keep" / "s.csv"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "s.csv"
    link.symlink_to(target)
    run_batch(corpus, tmp_path / "o.jsonl", summary_path=link, engine="serial", **QUIET)
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8").startswith("id,outlet,title")


# --------------------------------------------------------------------------- outputs of another run


def _rewrite_first_summary(out: Path, change: dict[str, object]) -> None:
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    row = json.loads(lines[0])
    row["summary"].update(change)
    lines[0] = json.dumps(row, separators=(",", ":")) + "\n"
    out.write_text("".join(lines), encoding="utf-8")


def test_summary_of_an_output_from_another_version_is_one_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--resume --summary over lines an older quotecheck wrote: one line naming the line, exit 2."""
    corpus = write_corpus(tmp_path / "in.jsonl", 3)
    out = tmp_path / "o.jsonl"
    run_batch(corpus, out, engine="serial", **QUIET)
    _rewrite_first_summary(out, {"old_field": 1})
    argv = ["batch", str(corpus), "-o", str(out), "--resume", "--summary", str(tmp_path / "s.csv")]
    assert main([*argv, "--engine", "serial"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "line 1" in err
    assert "Traceback" not in err
    with pytest.raises(BatchError, match="line 1"):
        corpus_report_from_batch(out, corpus)


def test_consistency_report_of_a_damaged_output_is_a_batch_error(tmp_path: Path) -> None:
    """A corpus report over an output with a broken line names the line (BatchError)."""
    corpus = write_corpus(tmp_path / "in.jsonl", 3)
    out = tmp_path / "o.jsonl"
    run_batch(corpus, out, engine="serial", **QUIET)
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(lines[0] + lines[1][:50] + b"\n" + lines[2])
    with pytest.raises(BatchError, match="line 2"):
        corpus_report_from_batch(out, corpus)


# --------------------------------------------------------------------------- SIGTERM


@pytest.mark.slow
@pytest.mark.parametrize(
    ("engine", "signum"),
    [("serial", signal.SIGTERM), ("process", signal.SIGTERM), ("serial", signal.SIGHUP)],
    ids=["serial-term", "process-term", "serial-hup"],
)
def test_sigterm_stops_a_batch_like_ctrl_c(tmp_path: Path, engine: str, signum: int) -> None:
    """SIGTERM (or SIGHUP): one line with the resume command, exit 128 + the signal (143), whole
    lines, no spooled copy of standard input left behind."""
    corpus = write_corpus(tmp_path / "in.jsonl", 4000)  # a few seconds: the signal comes first
    out = tmp_path / "o.jsonl"
    spool = tmp_path / "tmp"
    spool.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "quotecheck", "batch", "-", "-o", str(out), "--engine", engine],
        stdin=corpus.open("rb"),
        stderr=subprocess.PIPE,
        env=_env(TMPDIR=str(spool)),
    )
    deadline = time.monotonic() + 90
    while (not out.exists() or out.stat().st_size < 10_000) and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signum, err
    assert "--resume" in _one_line_error(err)
    assert out.read_bytes().endswith(b"\n")
    assert list(spool.iterdir()) == []


# --------------------------------------------------------------------------- numbers and names


@pytest.mark.parametrize("engine", ["serial", "process"])
def test_a_huge_record_timeout_means_no_practical_limit(tmp_path: Path, engine: str) -> None:
    """`--record-timeout 1e300` analyses every record on every engine (no OverflowError records,
    no 'dead worker' records), and leaves the caller's SIGALRM handler as it was."""
    corpus = write_corpus(tmp_path / "in.jsonl", 3)
    out, reference = tmp_path / "o.jsonl", tmp_path / "ref.jsonl"
    run_batch(corpus, reference, engine="serial", **QUIET)
    stats = run_batch(corpus, out, engine=engine, workers=1, record_timeout=1e300, **QUIET)
    assert stats.failed == 0
    assert out.read_bytes() == reference.read_bytes()
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL


def test_an_absurd_worker_count_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--workers 99999999999999999999`: one line and exit 2, not an OverflowError traceback."""
    corpus = write_corpus(tmp_path / "in.jsonl", 2)
    argv = ["batch", str(corpus), "-o", str(tmp_path / "o.jsonl")]
    assert main([*argv, "--workers", "99999999999999999999"]) == EXIT_USAGE
    assert "--workers" in capsys.readouterr().err
    with pytest.raises(BatchError, match="workers"):
        run_batch(corpus, tmp_path / "o.jsonl", workers=10**6, **QUIET)
    assert not (tmp_path / "o.jsonl").exists()


@pytest.mark.parametrize(
    ("option", "what"),
    [("input", "input"), ("-o", "output"), ("--summary", "summary")],
)
@pytest.mark.parametrize("kind", ["too-long", "loop", "under-a-file"])
def test_unusable_path_names_are_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, what: str, kind: str
) -> None:
    """A name too long for the file system, a symlink loop or a path through a file: one line
    naming the path's role and the reason, exit 2, nothing written."""
    corpus = write_corpus(tmp_path / "in.jsonl", 2)
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    bad = {
        "too-long": str(tmp_path / ("x" * 300 + ".csv")),
        "loop": str(tmp_path / "loop"),
        "under-a-file": str(corpus / "x.csv"),
    }[kind]
    paths = {"input": str(corpus), "-o": str(tmp_path / "o.jsonl"), "--summary": None}
    paths[option] = bad
    argv = ["batch", paths["input"], "-o", paths["-o"], "--engine", "serial"]
    if paths["--summary"]:
        argv += ["--summary", paths["--summary"]]
    assert main(argv) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert what in err
    assert "redirect it" not in err  # not mistaken for standard output
    assert not (tmp_path / "o.jsonl").exists()


def test_a_long_but_valid_summary_name_is_written(tmp_path: Path) -> None:
    """A summary or report name near the file system's limit (250 bytes) still works: the
    temporary file beside it must not be longer than the name allows."""
    corpus = write_corpus(tmp_path / "in.jsonl", 2)
    summary = tmp_path / ("s" * 246 + ".csv")
    run_batch(corpus, tmp_path / "o.jsonl", summary_path=summary, engine="serial", **QUIET)
    assert summary.read_text(encoding="utf-8").startswith("id,")
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    report = tmp_path / ("r" * 245 + ".json")
    assert main(["analyze", str(article), "--format", "json", "-o", str(report)]) == 0
    assert json.loads(report.read_text(encoding="utf-8"))["length"] == len(ARTICLE)


# --------------------------------------------------------------------------- columns


def test_genre_column_applies_to_every_format(tmp_path: Path) -> None:
    """--genre-column names the genre field in JSONL and Parquet too, as in CSV."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    text = "The council should resign. It has failed the town for a decade, we think."
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(json.dumps({"id": "a", "text": text, "kind": "opinion"}) + "\n", "utf-8")
    parquet = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": ["a"], "text": [text], "kind": ["opinion"]}), parquet)
    csv_file = tmp_path / "in.csv"
    csv_file.write_text(f'id,text,kind\na,"{text}",opinion\n', encoding="utf-8")
    for corpus in (jsonl, parquet, csv_file):
        out = tmp_path / f"{corpus.suffix[1:]}.jsonl"
        argv = [
            "batch",
            str(corpus),
            "-o",
            str(out),
            "--engine",
            "serial",
            "--genre-column",
            "kind",
        ]
        assert main(argv) == 0
        genre = json.loads(out.read_text(encoding="utf-8"))["genre"]
        assert (genre["kind"], genre["given"]) == ("opinion", True), corpus.name


@pytest.mark.parametrize("header", ["id,text,text", "id,id,text"])
def test_a_column_named_twice_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], header: str
) -> None:
    """A CSV header naming the text or id column twice would silently drop one of them: refused
    before any work, exit 2."""
    corpus = tmp_path / "in.csv"
    corpus.write_text(f"{header}\na,first,second\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["batch", str(corpus), "-o", str(out), "--engine", "serial"]) == EXIT_USAGE
    assert "twice" in capsys.readouterr().err
    assert not out.exists()


# --------------------------------------------------------------------------- standard error


class _GoneStderr:
    """A standard error whose reader has gone (`2>&1 | head -1`)."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    def isatty(self) -> bool:
        return False


@pytest.mark.parametrize("stderr", [None, _GoneStderr()], ids=["closed", "reader-gone"])
def test_batch_finishes_when_standard_error_is_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stderr: object
) -> None:
    """Progress and final lines are best effort: with standard error closed (`2>&-`) or its
    reader gone, the batch still writes every line and exits 0, not 1 ('records failed') and
    not 0 half-way."""
    corpus = write_corpus(tmp_path / "in.jsonl", 3)
    out, reference = tmp_path / "o.jsonl", tmp_path / "ref.jsonl"
    run_batch(corpus, reference, engine="serial", **QUIET)
    monkeypatch.setattr(sys, "stderr", stderr)
    assert main(["batch", str(corpus), "-o", str(out), "--engine", "serial"]) == 0
    assert out.read_bytes() == reference.read_bytes()


@pytest.mark.parametrize(
    "extra",
    [["-o", "o.jsonl.gz"], ["-o", "o.jsonl", "--summary", "s.csv.gz"]],
    ids=["o", "summary"],
)
def test_gzip_named_outputs_are_refused(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
) -> None:
    """An output named `.gz` would hold plain text that `zcat` and quotecheck's own reader
    refuse: refused before any work, with what to do."""
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "in.jsonl", 2)
    assert main(["batch", "in.jsonl", *extra, "--engine", "serial"]) == EXIT_USAGE
    assert "gzip" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


# --------------------------------------------------------------------------- names and magic


def test_folder_reads_txt_files_whatever_the_case_of_their_suffix(tmp_path: Path) -> None:
    """`A.TXT` and `b.Txt` in a folder are articles, as a single `A.TXT` input is; they were
    skipped silently."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("A.TXT", "b.Txt", "c.txt"):
        (folder / name).write_text(ARTICLE, encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    stats = run_batch(folder, out, engine="serial", **QUIET)
    assert stats.total == 3
    ids = [json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["A.TXT", "b.Txt", "c.txt"]
    with pytest.raises(BatchError, match="read as input"):
        run_batch(folder, folder / "out.TXT", engine="serial", **QUIET)


def test_gzipped_jsonl_is_read_whatever_its_name(tmp_path: Path) -> None:
    """Gzipped JSONL on standard input (`batch - < corpus.jsonl.gz`), or in a file not named
    `.gz`, is decompressed (it opens with gzip's magic bytes), not read as lines of bytes."""
    import gzip

    corpus = write_corpus(tmp_path / "in.jsonl", 4)
    reference = tmp_path / "ref.jsonl"
    run_batch(corpus, reference, engine="serial", **QUIET)
    packed = tmp_path / "packed.jsonl"
    packed.write_bytes(gzip.compress(corpus.read_bytes()))
    run_batch(packed, tmp_path / "o1.jsonl", engine="serial", **QUIET)
    assert (tmp_path / "o1.jsonl").read_bytes() == reference.read_bytes()
    done = _sh("$QC batch - -o o2.jsonl --engine serial < packed.jsonl", tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "o2.jsonl").read_bytes() == reference.read_bytes()


def test_ctrl_c_while_the_summary_is_written_says_how_to_finish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C after the last record, while the summary is written: the output is whole, the
    one line says so and gives the --resume command that writes the summary; exit 130."""
    from quotecheck.corpus import batch

    corpus = write_corpus(tmp_path / "in.jsonl", 3)
    out, summary = tmp_path / "o.jsonl", tmp_path / "s.csv"

    def interrupted(*args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "write_summary", interrupted)
    argv = ["batch", str(corpus), "-o", str(out), "--summary", str(summary), "--engine", "serial"]
    assert main(argv) == 130
    err = capsys.readouterr().err
    assert "3 records are in" in err
    assert "--resume" in err
    monkeypatch.undo()
    assert main([*argv, "--resume"]) == 0
    assert len(summary.read_text(encoding="utf-8").splitlines()) == 4


# --------------------------------------------------------------------------- the error line


def test_the_resume_command_keeps_the_path_exactly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The one error line keeps runs of spaces: the --resume command it prints for
    `-o 'out  two.jsonl'` names that file, not 'out two.jsonl'."""
    import shlex

    from quotecheck.corpus import worker

    src = write_corpus(tmp_path / "in.jsonl", 40)
    out = tmp_path / "out  two.jsonl"
    real = worker.analyze_record
    seen = []

    def interrupted(item: object, config: object, timeout: float | None = None) -> object:
        seen.append(item)
        if len(seen) == 30:
            raise KeyboardInterrupt
        return real(item, config, timeout)  # type: ignore[arg-type]

    monkeypatch.setattr(worker, "analyze_record", interrupted)
    argv = ["batch", str(src), "-o", str(out), "--engine", "serial", "--no-progress"]
    assert main(argv) == 130
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    command = shlex.split(err.split("To finish, run: ", 1)[1])
    assert command == ["quotecheck", *argv, "--resume"]


def test_the_error_line_shows_control_characters_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A path or message holding terminal escapes (a hostile file name) is shown escaped in
    the error line, as the text views show article text: it cannot retitle the terminal."""
    name = str(tmp_path / "\x1b]0;pwned\x07\u202e.jsonl")
    assert main(["batch", name, "-o", str(tmp_path / "o.jsonl"), "--engine", "serial"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "\u202e" not in err
    assert "\\x1b]0;pwned\\x07\\u202e.jsonl" in err
    assert err.count("\n") == 1


def test_closed_stderr_never_changes_the_output_or_the_status(tmp_path: Path) -> None:
    """With standard error closed (`2>&-`), warnings and errors are dropped: the JSON still
    comes out whole with status 0, and an input error is still status 2 (it was status 1 and no
    output at all, as writing the warning failed)."""
    (tmp_path / "page.txt").write_text(
        "<p>Hello there</p>\n<div>“We will stay,” he said.</div>\n", encoding="utf-8"
    )
    done = _sh("$QC analyze page.txt --format json 2>&-", tmp_path)
    assert done.returncode == 0
    assert json.loads(done.stdout)["doc_id"] == "page.txt"
    assert _sh("$QC analyze missing.txt 2>&-", tmp_path).returncode == EXIT_USAGE


# --------------------------------------------------------------------------- reports of an output


def test_read_frames_of_an_output_holding_lone_surrogates(tmp_path: Path) -> None:
    """A batch output line whose id and text hold a lone surrogate (valid JSON, written escaped)
    reads into frames, with the surrogate escaped as the summary writes it; it crashed in
    pandas' string array (UnicodeEncodeError)."""
    pytest.importorskip("pandas")
    from quotecheck.report.frames import read_frames

    corpus = tmp_path / "in.jsonl"
    corpus.write_text(
        '{"id": "\\ud800", "text": "\\udfff \\u201cWe stay,\\u201d the minister said."}\n'
        '{"id": "ok", "text": "It rained."}\n',
        encoding="utf-8",
    )
    out = tmp_path / "o.jsonl"
    run_batch(corpus, out, engine="serial", **QUIET)
    frames = read_frames(out)
    assert frames["articles"]["doc_id"].tolist() == ["\\ud800", "ok"]
    assert frames["quotes"]["doc_id"].tolist() == ["\\ud800"]


def test_an_output_line_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    """read_frames over a line of bytes that are not UTF-8 says which line (BatchError), and
    Analysis.model_validate_json says why (ValidationError), not a bare UnicodeDecodeError."""
    pytest.importorskip("pandas")
    from pydantic import ValidationError

    from quotecheck.models import Analysis
    from quotecheck.report.frames import read_frames

    out = tmp_path / "o.jsonl"
    out.write_bytes(b'\xff\xfe{"doc_id": "x"}\n')
    with pytest.raises(BatchError, match=r"o\.jsonl:1"):
        read_frames(out)
    with pytest.raises(ValidationError):
        Analysis.model_validate_json(b'\xff{"doc_id": "x"}')


def test_corpus_report_with_lone_surrogates_writes_json(tmp_path: Path) -> None:
    """A corpus report over records whose id and outlet hold lone surrogates writes JSON (they
    are escaped) and reads back equal; it raised PydanticSerializationError."""
    from quotecheck.corpus.consistency import CorpusReport

    corpus = tmp_path / "in.jsonl"
    quote = "“We will not leave this town before the vote,”"
    corpus.write_text(
        json.dumps({"id": "\ud800", "text": f"{quote} Anna Berg said.", "outlet": "\udfff"})
        + "\n"
        + json.dumps({"id": "b", "text": f"{quote} Tom Reid said.", "outlet": "Post"})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "o.jsonl"
    run_batch(corpus, out, engine="serial", **QUIET)
    report = corpus_report_from_batch(out, corpus)
    assert sorted(o.outlet for o in report.outlets) == ["Post", "\udfff"]
    dumped = report.model_dump_json()
    assert "\\udfff" in dumped
    assert CorpusReport.model_validate_json(dumped) == report


# --------------------------------------------------------------------------- undecodable names


@pytest.mark.parametrize(
    "argv",
    [
        [b"analyze", b"a.txt", b"--format", b"html", b"--id", b"\xff"],
        [b"analyze", b"a.txt", b"--format", b"html", b"--id", b"\xff", b"-o", b"r.html"],
        [b"flag", b"\xfe.txt", b"--format", b"json"],
        [b"verify", b"a.txt", b"--source", b"\xfe.txt", b"--format", b"json"],
    ],
    ids=["html-id", "html-id-file", "flag-json", "verify-json"],
)
def test_names_that_are_not_utf8_are_written_escaped(tmp_path: Path, argv: list[bytes]) -> None:
    """A file name or --id with bytes that are not UTF-8 (Python holds them as lone surrogates)
    is written as its escape (`\\udcff`) in HTML and JSON, not a UnicodeEncodeError traceback."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "\udcfe.txt").write_text(
        "We will stay, she said.\n\nThe minister said “we will never leave.\n", "utf-8"
    )
    done = subprocess.run(
        [os.fsencode(sys.executable), b"-m", b"quotecheck", *argv],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
        check=False,
        env=_env(PYTHONIOENCODING="utf-8"),
    )
    assert done.returncode == 0, done.stderr
    written = done.stdout or (tmp_path / "r.html").read_bytes()
    written.decode("utf-8")  # strict: nothing but UTF-8
    assert b"\\udc" in written


# --------------------------------------------------------------------------- two runs, one output


@pytest.mark.skipif(not hasattr(os, "O_CLOEXEC") or sys.platform == "win32", reason="POSIX locks")
def test_a_second_batch_on_the_same_output_is_refused(tmp_path: Path) -> None:
    """Two batches writing one output (started twice, or --resume while the first still runs)
    would truncate and interleave each other's lines: the second is refused (a lock on the
    output), and the first run's lines are left as they are."""
    import fcntl

    corpus = write_corpus(tmp_path / "in.jsonl", 3)
    out = tmp_path / "o.jsonl"
    out.write_text("a first run's lines\n", encoding="utf-8")
    with out.open("r+b") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running batch holds it
        for resume in (False, True):
            with pytest.raises(BatchError, match="another"):
                run_batch(corpus, out, engine="serial", resume=resume, **QUIET)
        assert out.read_text(encoding="utf-8") == "a first run's lines\n"
    stats = run_batch(corpus, out, engine="serial", **QUIET)
    assert stats.total == 3


class _FullDisk:
    """A standard output on a full disk: every write fails, as on /dev/full."""

    def write(self, text: str) -> int:
        raise OSError(28, "No space left on device")

    def flush(self) -> None:
        """Nothing is buffered."""


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["batch", "--help"]])
def test_help_and_version_that_cannot_be_written_are_one_line_exit_2(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """argparse swallows a failed write of its help or version: `quotecheck --help >/dev/full`
    wrote nothing and exited 0. It says so in one line and exits 2, as every command does."""
    monkeypatch.setattr(sys, "stdout", _FullDisk())
    assert main(argv) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err == "quotecheck: error: cannot write the output (No space left on device); " + (
        "redirect it or use -o FILE\n"
    )
