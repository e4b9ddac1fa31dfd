"""Command-line habits: the analyse alias, batch from stdin or one .txt, column checks, progress
lines, Ctrl-C with its --resume command, and shell completion."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import quotecheck as qc
from quotecheck.cli import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, main
from quotecheck.corpus import batch, worker
from quotecheck.corpus.batch import _duration, _Progress
from tests.conftest import ROOT, SEEDS
from tests.test_batch import article, write_corpus

SEED_PATH = SEEDS / "libya-special-forces.txt"


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_analyse_is_an_alias(capsys: pytest.CaptureFixture[str]) -> None:
    """`quotecheck analyse` prints exactly what `quotecheck analyze` prints."""
    assert main(["analyze", str(SEED_PATH), "--format", "json"]) == EXIT_OK
    spelled_us = capsys.readouterr().out
    assert main(["analyse", str(SEED_PATH), "--format", "json"]) == EXIT_OK
    assert capsys.readouterr().out == spelled_us


def test_batch_reads_jsonl_from_stdin(tmp_path: Path) -> None:
    """`quotecheck batch - -o OUT` reads JSONL on standard input, with counts and a summary."""
    src = write_corpus(tmp_path / "in.jsonl", 6, bad_every=4)
    out, summary = tmp_path / "out.jsonl", tmp_path / "s.csv"
    argv = ["batch", "-", "-o", str(out), "--engine", "serial", "--summary", str(summary)]
    done = subprocess.run(
        [sys.executable, "-m", "quotecheck", *argv],
        input=src.read_bytes(),
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr  # one record of the six is broken JSON
    reference = tmp_path / "ref.jsonl"
    qc.run_batch(src, reference, engine="serial", progress=False, log=lambda m: None)
    assert out.read_bytes() == reference.read_bytes()
    assert len(summary.read_text("utf-8").splitlines()) == 7


def test_a_txt_file_is_one_article(tmp_path: Path) -> None:
    """A .txt file given to batch is one article (id = file name), not JSONL lines."""
    text = article(3) + "\n{not json at all}\n"
    path = tmp_path / "story.txt"
    path.write_text(text, "utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(path), "-o", str(out), "--engine", "serial", "--no-progress"]) == 0
    (line,) = out.read_text("utf-8").splitlines()
    assert qc.Analysis.model_validate_json(line) == qc.analyze(text, doc_id="story.txt")


def test_named_columns_must_exist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--id-column or --text-column naming no column is exit 2; a missing default id is fine."""
    csv = tmp_path / "in.csv"
    csv.write_text('uid,body\nx1,"“Hi,” she said."\n', "utf-8")
    out = str(tmp_path / "o.jsonl")
    base = ["batch", str(csv), "-o", out, "--engine", "serial", "--no-progress"]
    assert main([*base, "--text-column", "body", "--id-column", "key"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "no column 'key'" in err
    assert "--id-column" in err
    assert main([*base, "--text-column", "text"]) == EXIT_USAGE
    assert "--text-column" in capsys.readouterr().err
    assert main([*base, "--text-column", "body"]) == EXIT_OK  # no "id" column: rows get row-N
    assert [r["doc_id"] for r in _lines(Path(out))] == ["row-1"]
    assert main([*base, "--text-column", "body", "--id-column", "uid"]) == EXIT_OK
    assert [r["doc_id"] for r in _lines(Path(out))] == ["x1"]


def test_progress_without_tqdm_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """progress=True without tqdm logs why there is no bar, then plain progress lines."""
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setattr(batch._Progress, "EVERY", 0.0)
    src = write_corpus(tmp_path / "in.jsonl", 3)
    logged: list[str] = []
    qc.run_batch(src, tmp_path / "o.jsonl", engine="serial", progress=True, log=logged.append)
    assert "--progress needs tqdm" in logged[0]
    assert "pip install 'news-quotecheck[progress]'" in logged[0]
    assert logged[1].startswith("quotecheck batch: 1/3 (33%), ")


def test_progress_line_reads_cleanly() -> None:
    """The plain progress line reads "7,865/15,015 (52%), 786 articles/s, ETA 9 s"."""
    bar = _Progress(False, 15_015, 0, lambda m: None)
    bar.done = 7_865
    assert bar.line(10.0, 0) == "quotecheck batch: 7,865/15,015 (52%), 786 articles/s, ETA 9 s"
    assert bar.line(10.0, 12).endswith("ETA 9 s, 12 failed")
    slow = _Progress(False, None, 0, lambda m: None)
    slow.done = 5
    assert slow.line(2.0, 0) == "quotecheck batch: 5 records, 2.5 articles/s"


@pytest.mark.parametrize(
    ("seconds", "said"),
    [(0.4, "0 s"), (9.2, "9 s"), (59.6, "1 min 00 s"), (65, "1 min 05 s"), (7260, "2 h 01 min")],
)
def test_durations(seconds: float, said: str) -> None:
    """Times left are written in seconds, minutes and hours as people read them."""
    assert _duration(seconds) == said


def test_ctrl_c_says_how_to_resume(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C mid-batch: exit 130, one line with the records written and the --resume command,
    and that command finishes the output exactly as an uninterrupted run."""
    src = write_corpus(tmp_path / "in.jsonl", 60, bad_every=7)
    out, reference = tmp_path / "out file.jsonl", tmp_path / "ref.jsonl"
    qc.run_batch(src, reference, engine="serial", progress=False, log=lambda m: None)
    real = worker.analyze_record
    seen = []

    def interrupted(item: object, config: object, timeout: float | None = None) -> object:
        seen.append(item)
        if len(seen) == 40:  # the serial engine runs a few chunks of 8 ahead of the writer
            raise KeyboardInterrupt
        return real(item, config, timeout)  # type: ignore[arg-type]

    monkeypatch.setattr(worker, "analyze_record", interrupted)
    argv = ["batch", str(src), "-o", str(out), "--engine", "serial", "--no-progress"]
    assert main(argv) == EXIT_INTERRUPTED
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    written = out.read_bytes().count(b"\n")
    assert 0 < written < 60
    assert f"interrupted; {written} records are in {out}." in err
    command = shlex.split(err.split("To finish, run: ", 1)[1])
    assert command == ["quotecheck", *argv, "--resume"]
    monkeypatch.setattr(worker, "analyze_record", real)
    assert main(command[1:]) == 1  # the corpus has broken lines: exit 1, as the full run
    assert out.read_bytes() == reference.read_bytes()


# --------------------------------------------------------------------------- completion


def _complete(shell: str, script: str, *words: str) -> list[str]:
    """Run the completion function of ``script`` in ``shell`` for ``words``; return its offers."""
    call = (
        "COMP_WORDS=(" + " ".join(shlex.quote(w) for w in words) + "); "
        f"COMP_CWORD={len(words) - 1}; COMPREPLY=(); _quotecheck; "
        'printf "%s\\n" "${COMPREPLY[@]}"'
    )
    prelude = "setopt ksharrays; " if shell == "zsh" else ""  # what zsh's bash emulation sets
    argv = [shell, "-f", "-c"] if shell == "zsh" else [shell, "--norc", "-c"]
    done = subprocess.run(
        [*argv, f"{script}\n{prelude}{call}"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return [line for line in done.stdout.splitlines() if line]


def _script(shell: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["completion", shell]) == EXIT_OK
    return capsys.readouterr().out


def test_bash_completion(capsys: pytest.CaptureFixture[str]) -> None:
    """The bash script completes commands, options and option choices, and registers itself."""
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    script = _script("bash", capsys)
    assert _complete("bash", script, "quotecheck", "") == [
        "analyze", "analyse", "flag", "verify", "batch", "completion", "-h", "--help", "--version"
    ]  # fmt: skip
    assert _complete("bash", script, "quotecheck", "an") == ["analyze", "analyse"]
    assert _complete("bash", script, "quotecheck", "batch", "in.jsonl", "--engine", "") == [
        "process", "dask", "serial"
    ]  # fmt: skip
    assert _complete("bash", script, "quotecheck", "analyse", "a.txt", "-f", "j") == ["json"]
    assert _complete("bash", script, "quotecheck", "batch", "x", "--no-p") == ["--no-progress"]
    assert _complete("bash", script, "quotecheck", "completion", "") == ["bash", "zsh"]
    assert _complete("bash", script, "quotecheck", "batch", "-o", "") == []  # files: the shell's
    registered = subprocess.run(
        ["bash", "--norc", "-c", f"{script}\ncomplete -p quotecheck"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    expected = "complete -o bashdefault -o default -F _quotecheck quotecheck"
    assert registered.stdout.strip() == expected


def test_zsh_completion(capsys: pytest.CaptureFixture[str]) -> None:
    """The zsh script loads bashcompinit, registers the function and offers the same words."""
    if shutil.which("zsh") is None:
        pytest.skip("zsh is not installed")
    script = _script("zsh", capsys)
    # zsh filters the offers by what was typed itself, so the function offers every candidate.
    assert _complete("zsh", script, "quotecheck", "batch", "x", "--engine", "") == [
        "process", "dask", "serial"
    ]  # fmt: skip
    assert _complete("zsh", script, "quotecheck", "completion", "z") == ["bash", "zsh"]
    registered = subprocess.run(
        ["zsh", "-f", "-c", f"{script}\nprint -r -- ${{_comps[quotecheck]}}"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "-F _quotecheck" in registered.stdout


def test_completion_follows_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    """Every command and every option of every command appears in the generated script."""
    from quotecheck.cli import _build_parser

    script = _script("bash", capsys)
    parser = _build_parser()
    (commands,) = (a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, sub in commands.choices.items():  # type: ignore[attr-defined]
        assert name in script
        for action in sub._actions:
            for option in action.option_strings:
                assert option in script, (name, option)
    assert main(["completion", "fish"]) == EXIT_USAGE
