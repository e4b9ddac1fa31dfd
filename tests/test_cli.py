"""The command line end to end: main(argv) in-process and `python -m quotecheck` as a subprocess."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import quotecheck as qc
from quotecheck.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from quotecheck.models import Severity
from tests.conftest import ROOT, SEEDS

SEED_PATH = SEEDS / "libya-special-forces.txt"
SEED = SEED_PATH.read_text("utf-8")
UNBALANCED = "The minister said “we will never leave.\n\nNobody asked her why.\n"


def run(*argv: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m quotecheck`` with ``argv`` from the repository root."""
    return subprocess.run(
        [sys.executable, "-m", "quotecheck", *argv],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def one_error_line(stderr: str) -> str:
    """Assert ``stderr`` is exactly one 'quotecheck: error:' line without a traceback."""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("quotecheck: error: ")
    assert "Traceback" not in stderr
    return lines[0]


class _Tty(io.StringIO):
    """A stdout that claims to be a terminal."""

    def isatty(self) -> bool:
        return True


def test_analyze_text_view(capsys: pytest.CaptureFixture[str]) -> None:
    """The default output is the plain terminal view when stdout is not a terminal."""
    assert main(["analyze", str(SEED_PATH)]) == EXIT_OK
    out = capsys.readouterr().out
    for heading in ("Quotes (", "Sources (", "Flags (", "Sourcing summary"):
        assert heading in out
    assert "\x1b[" not in out


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    """Colour appears on a terminal, disappears with NO_COLOR, and --color overrides both."""
    for env, flag, coloured in (
        (None, "auto", True),
        ("1", "auto", False),
        ("1", "always", True),
        (None, "never", False),
    ):
        if env is None:
            monkeypatch.delenv("NO_COLOR", raising=False)
        else:
            monkeypatch.setenv("NO_COLOR", env)
        tty = _Tty()
        monkeypatch.setattr(sys, "stdout", tty)
        assert main(["analyze", str(SEED_PATH), "--color", flag]) == EXIT_OK
        assert ("\x1b[" in tty.getvalue()) is coloured, (env, flag)


def test_analyze_json_is_the_analysis(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json prints the Analysis, whose spans index the file's text."""
    assert main(["analyze", str(SEED_PATH), "--format", "json"]) == EXIT_OK
    analysis = qc.Analysis.model_validate_json(capsys.readouterr().out)
    assert analysis.doc_id == str(SEED_PATH)
    assert analysis == qc.analyze(SEED, doc_id=str(SEED_PATH))
    for q in analysis.quotes:
        assert SEED[q.span.start : q.span.end] == q.span.text


COLUMN = "We must stop this waste now. The council voted on Tuesday to close the library."


def test_genre_given_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--genre is the caller's genre, as analyze(text, genre=...) takes it; in a labelled opinion
    column the writer's framing ranks lower than in news, and flag follows it."""
    article = _write(tmp_path / "column.txt", COLUMN.encode())
    assert main(["analyze", str(article), "--genre", "opinion", "-f", "json"]) == EXIT_OK
    analysis = qc.Analysis.model_validate_json(capsys.readouterr().out)
    assert analysis == qc.analyze(COLUMN, doc_id=str(article), genre="opinion")
    assert (analysis.genre.kind.value, analysis.genre.given) == ("opinion", True)
    severities = {}
    for genre in ("news", "opinion"):
        assert main(["flag", str(article), "--genre", genre, "-f", "json"]) == EXIT_OK
        records = json.loads(capsys.readouterr().out)
        severities[genre] = max(Severity(r["severity"]).rank for r in records)
    assert severities["opinion"] < severities["news"]
    assert main(["analyze", str(article), "--genre", "poem"]) == EXIT_USAGE
    assert "invalid choice: 'poem'" in one_error_line(capsys.readouterr().err)


def test_analyze_html_to_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format html -o FILE writes one HTML page and nothing to stdout."""
    out = tmp_path / "report.html"
    assert main(["analyze", str(SEED_PATH), "--format", "html", "-o", str(out)]) == EXIT_OK
    assert capsys.readouterr().out == ""
    page = out.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Trowbridge" in page


def test_stdin_and_python_m() -> None:
    """`python -m quotecheck analyze -` reads stdin and keeps the bytes' offsets (CRLF too)."""
    text = "“We will stay,” the minister said.\r\nShe left.\r\n"
    done = run("analyze", "-", "--format", "json", stdin=text.encode("utf-8"))
    assert done.returncode == EXIT_OK, done.stderr
    analysis = qc.Analysis.model_validate_json(done.stdout)
    assert analysis.length == len(text)
    assert analysis.doc_id is None


@pytest.mark.parametrize(
    ("make", "needle"),
    [
        pytest.param(lambda d: d / "missing.txt", "no such file", id="missing"),
        pytest.param(lambda d: d, "is a folder", id="directory"),
        pytest.param(
            lambda d: _write(d / "latin1.txt", "Café “oui”".encode("cp1252")),
            "not UTF-8",
            id="undecodable",
        ),
        pytest.param(lambda d: _write(d / "empty.txt", b" \n\t\n"), "is empty", id="empty"),
    ],
)
def test_bad_input_is_one_line_exit_2(
    tmp_path: Path, make: object, needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Unreadable, undecodable and empty inputs give one clear stderr line and exit 2."""
    path = make(tmp_path)  # type: ignore[operator]
    for command in (["analyze"], ["flag"]):
        assert main([*command, str(path)]) == EXIT_USAGE
        err = one_error_line(capsys.readouterr().err)
        assert needle in err


def _write(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` and return it."""
    path.write_bytes(data)
    return path


def test_subprocess_errors_have_no_traceback(tmp_path: Path) -> None:
    """The installed entry point reports errors in one line too."""
    done = run("analyze", str(tmp_path / "nope.txt"))
    assert done.returncode == EXIT_USAGE
    one_error_line(done.stderr.decode())
    done = run("analyze", "-", stdin=b"")
    assert done.returncode == EXIT_USAGE
    assert "is empty" in one_error_line(done.stderr.decode())


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["frobnicate"],
        ["analyze"],
        ["analyze", "x", "--format", "pdf"],
        ["flag", "--fail-on", "urgent", "x"],
        ["batch", "in.jsonl"],
        ["batch", "in", "-o", "o", "--workers", "0"],
    ],
    ids=[
        "none",
        "unknown-command",
        "no-file",
        "bad-format",
        "bad-severity",
        "no-output",
        "zero-workers",
    ],
)
def test_usage_errors(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Usage mistakes give one line pointing at --help and exit 2."""
    assert main(argv) == EXIT_USAGE
    assert "--help" in one_error_line(capsys.readouterr().err)


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--help and --version print to stdout and exit 0."""
    assert main(["--help"]) == EXIT_OK
    assert "analyze" in capsys.readouterr().out
    assert main(["--version"]) == EXIT_OK
    assert qc.__version__ in capsys.readouterr().out


@pytest.mark.parametrize("severity", [s.value for s in Severity])
def test_flag_fail_on(tmp_path: Path, severity: str, capsys: pytest.CaptureFixture[str]) -> None:
    """--fail-on SEVERITY exits 1 exactly when some flag is at least that severe."""
    article = _write(tmp_path / "a.txt", UNBALANCED.encode())
    flags = qc.analyze(UNBALANCED, doc_id=str(article)).flags
    assert flags  # the unclosed quote mark is always flagged
    worst = max(f.severity.rank for f in flags)
    expected = EXIT_FAILED if worst >= Severity(severity).rank else EXIT_OK
    assert main(["flag", str(article), "--fail-on", severity]) == expected
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(flags)
    assert all(line.startswith(f"{article}:") for line in lines)


def test_flag_lists_positions_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Flags print as FILE:LINE:COL lines, or JSON records with the same positions."""
    article = _write(tmp_path / "a.txt", UNBALANCED.encode())
    assert main(["flag", str(article)]) == EXIT_OK  # listing alone never fails
    text_lines = capsys.readouterr().out.splitlines()
    assert main(["flag", str(article), "--format", "json"]) == EXIT_OK
    records = json.loads(capsys.readouterr().out)
    assert len(records) == len(text_lines) >= 1
    unbalanced = next(r for r in records if r["kind"] == "unbalanced_quote_marks")
    assert (unbalanced["line"], unbalanced["column"]) == (1, UNBALANCED.index("“") + 1)
    assert f"{article}:1:{UNBALANCED.index('“') + 1}: " in "\n".join(text_lines)


def test_flag_min_severity_hides_milder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--min-severity high lists only high flags."""
    article = _write(tmp_path / "a.txt", UNBALANCED.encode())
    highs = [f for f in qc.analyze(UNBALANCED).flags if f.severity is Severity.high]
    assert main(["flag", str(article), "--min-severity", "high"]) == EXIT_OK
    assert len(capsys.readouterr().out.splitlines()) == len(highs)


def test_batch_counts_failures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """batch writes one line per record and exits 1 when a record failed, 0 when none did."""
    good = [{"id": "a", "text": "“Hi,” she said."}, {"id": "b", "text": "It rained."}]
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in good), "utf-8")
    out = tmp_path / "out.jsonl"
    argv = ["batch", str(corpus), "-o", str(out), "--engine", "serial", "--no-progress"]
    assert main(argv) == EXIT_OK
    assert [json.loads(line)["doc_id"] for line in out.read_text().splitlines()] == ["a", "b"]
    with corpus.open("a") as f:
        f.write('{"id": "c"}\n')
    summary = tmp_path / "s.csv"
    assert main([*argv, "--summary", str(summary)]) == EXIT_FAILED
    lines = out.read_text().splitlines()
    assert len(lines) == 3
    assert "error" in json.loads(lines[2])
    assert summary.exists()
    assert "1 failed" in capsys.readouterr().err


def test_batch_refuses_over_long_records(tmp_path: Path) -> None:
    """A text over --max-chars (AnalyzerConfig.max_chars, analyze's own limit) is an error
    record, the others are analysed, and the batch exits 1."""
    records = [{"id": "short", "text": "It rained."}, {"id": "long", "text": "Word. " * 20}]
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    out = tmp_path / "out.jsonl"
    argv = ["batch", str(corpus), "-o", str(out), "--engine", "serial", "--no-progress"]
    assert main([*argv, "--max-chars", "50"]) == EXIT_FAILED
    short, long = (json.loads(line) for line in out.read_text().splitlines())
    assert short["doc_id"] == "short"
    assert "error" not in short
    assert (long["doc_id"], long["error_type"]) == ("long", "InputError")
    assert "more than max_chars=50" in long["error"]
    assert main(argv) == EXIT_OK  # the default limit is analyze's: 20,000,000 characters


def test_batch_input_and_option_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing corpus or --scheduler without Dask is one line and exit 2."""
    out = str(tmp_path / "o.jsonl")
    assert main(["batch", str(tmp_path / "none.jsonl"), "-o", out]) == EXIT_USAGE
    one_error_line(capsys.readouterr().err)
    assert main(["batch", str(SEED_PATH), "-o", out, "--scheduler", "tcp://x:1"]) == EXIT_USAGE
    assert "--engine dask" in one_error_line(capsys.readouterr().err)


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    """A reader that stops early (like `head`) leaves no traceback."""
    big = _write(tmp_path / "big.txt", ("\n\n".join([SEED] * 20)).encode())  # > a pipe buffer
    with subprocess.Popen(
        [sys.executable, "-m", "quotecheck", "analyze", str(big), "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        proc.stdout.read(10)
        proc.stdout.close()
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=60) == EXIT_OK
    assert "Traceback" not in err


ARTICLE = "“We will cut taxes by 10 percent,” the minister said. She called it “a fair deal.”\n"
TRANSCRIPT = (
    "MINISTER: Well, we will cut taxes by 5 percent next year. It is a fair deal for all.\n"
)


def test_verify_table_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """verify prints a block per quote (status, speaker match, changes) in 80 columns, or JSON."""
    from quotecheck.verification.verifier import verify

    article = _write(tmp_path / "article.txt", ARTICLE.encode())
    source = _write(tmp_path / "transcript.txt", TRANSCRIPT.encode())
    expected = verify(qc.analyze(ARTICLE, doc_id=str(article)), {str(source): TRANSCRIPT})
    assert main(["verify", str(article), "--source", str(source)]) == EXIT_OK
    table = capsys.readouterr().out.splitlines()
    assert all(len(line) <= 80 for line in table), table
    heads = [line for line in table if line.startswith("q")]
    assert len(heads) == len(expected)
    for head, v in zip(heads, expected, strict=True):
        assert head.split()[:4] == [v.quote_id, v.status.value, "speaker", v.speaker_match.value]
    assert "[number]" in "\n".join(table)
    assert table[-1].startswith(f"{len(expected)} quotes: ")
    assert main(["verify", str(article), "-s", str(source), "--format", "json"]) == EXIT_OK
    records = json.loads(capsys.readouterr().out)
    for record, v in zip(records, expected, strict=True):
        assert record.pop("meaning") == list(v.meaning)
        assert record.pop("meaning_changed") is v.meaning_changed
        assert record.pop("misattributed") is v.misattributed
    assert tuple(qc.Verification.model_validate(r) for r in records) == expected


def test_verify_fail_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """verify --fail-on exits 1 when some quote is at least that unfaithful, else 0."""
    from quotecheck.verification.verifier import verify

    article = _write(tmp_path / "article.txt", ARTICLE.encode())
    source = _write(tmp_path / "transcript.txt", TRANSCRIPT.encode())
    verdicts = [v.status for v in verify(qc.analyze(ARTICLE), {"t": TRANSCRIPT})]
    order = list(qc.VerificationStatus)
    worst = max(order.index(v) for v in verdicts)
    for status in order[1:]:
        code = main(["verify", str(article), "-s", str(source), "--fail-on", status.value])
        capsys.readouterr()
        assert code == (EXIT_FAILED if worst >= order.index(status) else EXIT_OK), status


def test_verify_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing --source, or a missing or empty source file, is one line and exit 2."""
    article = _write(tmp_path / "article.txt", ARTICLE.encode())
    assert main(["verify", str(article)]) == EXIT_USAGE
    assert "--source" in one_error_line(capsys.readouterr().err)
    assert main(["verify", str(article), "--source", str(tmp_path / "no.txt")]) == EXIT_USAGE
    assert "no such file" in one_error_line(capsys.readouterr().err)
    empty = _write(tmp_path / "empty.txt", b"")
    assert main(["verify", str(article), "--source", str(empty)]) == EXIT_USAGE
    one_error_line(capsys.readouterr().err)


@pytest.mark.parametrize(
    ("exc", "code"),
    [
        (qc.InputError("text has 30 characters, more than max_chars=10"), EXIT_USAGE),
        (KeyboardInterrupt(), 130),
    ],
    ids=["library-error", "ctrl-c"],
)
def test_library_errors_and_interrupts(
    exc: BaseException,
    code: int,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A QuotecheckError from the library, or Ctrl-C, ends in one stderr line, not a traceback."""

    def boom(*args: object, **kwargs: object) -> None:
        raise exc

    monkeypatch.setattr("quotecheck.cli.analyze", boom)
    assert main(["analyze", str(SEED_PATH)]) == code
    one_error_line(capsys.readouterr().err)


def test_fail_on_counts_hidden_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--fail-on judges every flag, even those --min-severity keeps off the listing."""
    article = _write(tmp_path / "a.txt", UNBALANCED.encode())
    ranks = [f.severity.rank for f in qc.analyze(UNBALANCED).flags]
    argv = ["flag", str(article), "--min-severity", "high", "--fail-on", "low"]
    assert main(argv) == (EXIT_FAILED if max(ranks) >= Severity.low.rank else EXIT_OK)
    assert len(capsys.readouterr().out.splitlines()) == ranks.count(Severity.high.rank)
