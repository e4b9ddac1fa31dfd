"""main(argv) -> int: the ``quotecheck`` command line, a thin shell over the library.

Exit codes: 0 all good; 1 some documents failed (``batch``) or a flag reached ``--fail-on``
(``flag``); 2 a usage or input error (bad option, missing file, undecodable or empty input);
130 interrupted. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import errno
import io
import json
import os
import re
import shlex
import shutil
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO, overload

from quotecheck.config import DEFAULT_CONFIG, AnalyzerConfig
from quotecheck.errors import InputError, MissingExtraError, QuotecheckError
from quotecheck.integrations.webpage import (
    HTML_SUFFIXES,
    analyze_html,
    extract_page,
    looks_like_html,
)
from quotecheck.models import (
    Analysis,
    Flag,
    FlagKind,
    GenreKind,
    Severity,
    Verification,
    VerificationStatus,
)
from quotecheck.pipeline import analyze
from quotecheck.report.common import visible
from quotecheck.report.text import FORMATS, line_cols, render
from quotecheck.report.verdicts import (
    guard_records,
    guard_report,
    verification_record,
    verification_table,
)

if TYPE_CHECKING:
    from quotecheck.corpus.batch import Engine

__all__ = [
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_TERMINATED",
    "EXIT_USAGE",
    "main",
]

EXIT_OK = 0
EXIT_FAILED = 1  # some documents failed, or a flag reached --fail-on
EXIT_USAGE = 2  # bad options or unusable input
EXIT_INTERRUPTED = 130  # Ctrl-C, as a shell reports SIGINT
EXIT_TERMINATED = 143  # SIGTERM (kill, timeout, a service manager), as a shell reports it

_SEVERITIES = [s.value for s in Severity]
_Handler = Callable[[argparse.Namespace], int]


class _UsageError(Exception):
    """A command-line mistake, reported as one line and exit code 2."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line, handled by :func:`main`."""

    def error(self, message: str) -> NoReturn:
        """Raise instead of printing usage and exiting, so main() owns the output."""
        msg = f"{message} (see '{self.prog} --help')"
        raise _UsageError(msg)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    stdout = sys.stdout
    if stdout is None:  # started with standard output closed (`>&-`)
        sys.stdout = _ClosedStdout()
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        with _terminate_as_interrupt() as stopped_by:
            code = _run(argv)
        # As a shell reports a command a signal ended: 128 + its number (143 for SIGTERM).
        return 128 + stopped_by[0] if stopped_by and code == EXIT_INTERRUPTED else code
    finally:
        if stdout is None:
            sys.stdout = stdout


# Signals that end a command the way Ctrl-C does: `kill`, `timeout`, a service manager, a
# closed terminal. Left to their default, they kill Python on the spot: no cleanup at all.
_STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


@contextmanager
def _terminate_as_interrupt() -> Iterator[list[int]]:
    """While a command runs, make SIGTERM and SIGHUP stop it as Ctrl-C does (workers killed,
    temporary copies removed, one line saying how to resume); the list holds the signal that
    came. Signals the caller already handles or ignores are left alone."""
    came: list[int] = []

    def stop(signum: int, frame: object) -> None:
        if not came:  # the first one stops the command; later ones must not break the cleanup
            came.append(signum)
            raise KeyboardInterrupt

    previous = {}
    for signum in _STOP_SIGNALS:
        try:
            if signal.getsignal(signum) == signal.SIG_DFL:
                previous[signum] = signal.signal(signum, stop)
        except ValueError:  # not the main thread: signals are not ours to handle
            break
    try:
        yield came
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _run(argv: list[str]) -> int:
    """Parse ``argv`` and run its command; every failure becomes one line and an exit code."""
    try:
        args = _build_parser().parse_args(argv)
        args.argv = argv  # for the --resume command an interrupted batch prints
        handler: _Handler = args.handler
        code = handler(args)
        sys.stdout.flush()  # a write error shows here, not as noise at interpreter exit
        return code
    except SystemExit as exc:  # --help and --version end parsing on purpose
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except (_UsageError, QuotecheckError) as exc:
        _error(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader (e.g. `head`) has gone; stop quietly and keep Python's final flush silent.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:  # standard output closed or on a full disk
        _error(f"cannot write the output ({exc.strerror or exc}); redirect it or use -o FILE")
        return EXIT_USAGE


class _ClosedStdout(io.StringIO):
    """Stands in for a closed standard output: writing to it is an OSError, not a crash."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


_INPUT_WARNINGS = (FlagKind.not_prose_input, FlagKind.language, FlagKind.quote_soup)


def _warn_input(name: str, flags: Sequence[Flag]) -> None:
    """Say on stderr, one line each, when the input is HTML or not English (every reading of it
    is unreliable, whatever the output shows) or holds quote soup read as plain text."""
    for f in flags:
        if f.kind in _INPUT_WARNINGS:
            first = " ".join(f.message.split())
            _say(f"quotecheck: warning: {visible(name)}: {visible(first)}")


def _error(message: str) -> None:
    # One line, whatever the message holds: line breaks become spaces (runs of spaces stay, so
    # a path in a printed command is exact), control and bidi characters show as escapes.
    first = visible(" ".join(message.splitlines()).strip())
    _say(f"quotecheck: error: {first}")


def _say(line: str) -> None:
    """Write one line to standard error, best effort: with it closed (`2>&-`) the output and
    the exit status must still be right."""
    if sys.stderr is None:
        return
    with suppress(OSError, ValueError):  # ValueError: the stream object was closed
        print(line, file=sys.stderr)


# --------------------------------------------------------------------------- parser


def _build_parser() -> _Parser:
    from quotecheck import __version__

    parser = _Parser(
        prog="quotecheck",
        description="Who said what in news text: quotes, sources, unattributed claims, framing.",
        epilog="Exit codes: 0 ok, 1 documents failed or flags reached --fail-on, 2 usage or "
        "input error. Docs: docs/cli.md",
    )
    parser.add_argument("--version", action="version", version=f"quotecheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_analyze(sub)
    _add_flag(sub)
    _add_verify(sub)
    _add_batch(sub)
    _add_completion(sub)
    return parser


def _add_color(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help="colour the text view: auto = on a terminal unless NO_COLOR is set (default)",
    )


def _add_analyze(sub: argparse._SubParsersAction[_Parser]) -> None:
    p = sub.add_parser(
        "analyze",
        aliases=["analyse"],
        help="analyse one article",
        description="Analyse one article: a UTF-8 text file, or an HTML page (its article text "
        "is extracted first; needs the html extra).",
    )
    p.add_argument("file", metavar="FILE", help="a UTF-8 text file or HTML page, or - for stdin")
    p.add_argument("-f", "--format", choices=FORMATS, default="text", help="default: text")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--id", dest="doc_id", help="doc_id for the result (default: FILE)")
    _add_genre(p)
    _add_color(p)
    p.set_defaults(handler=_cmd_analyze)


def _add_genre(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--genre",
        choices=[kind.value for kind in GenreKind],
        help="the genre when known (an opinion column, a press release); default: read from "
        "the text",
    )


def _add_flag(sub: argparse._SubParsersAction[_Parser]) -> None:
    p = sub.add_parser(
        "flag",
        help="list what a fact-checker should look at",
        description="List flags as FILE:LINE:COL lines; with --fail-on, exit 1 when any "
        "flag reaches that severity (for newsroom CI).",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files, or - for stdin")
    p.add_argument(
        "--fail-on", choices=_SEVERITIES, help="exit 1 if any flag is at least this severe"
    )
    p.add_argument(
        "--min-severity",
        choices=_SEVERITIES,
        default="info",
        help="list only flags at least this severe (default: info)",
    )
    p.add_argument("-f", "--format", choices=["text", "json"], default="text")
    _add_genre(p)
    p.set_defaults(handler=_cmd_flag)


# Verdicts from most to least faithful (the order of VerificationStatus), for --fail-on.
_VERDICTS = [status.value for status in VerificationStatus]
_MISATTRIBUTED = "misattributed"  # --fail-on level of its own: the words are someone else's


def _add_verify(sub: argparse._SubParsersAction[_Parser]) -> None:
    p = sub.add_parser(
        "verify",
        help="check an article's quotes against source documents",
        description="Check every quote of ARTICLE against the source documents.",
    )
    p.add_argument("article", metavar="ARTICLE", help="a UTF-8 text file, or - for stdin")
    p.add_argument(
        "-s",
        "--source",
        action="append",
        required=True,
        metavar="FILE",
        help="a source document (transcript, statement); repeat for several",
    )
    p.add_argument("-f", "--format", choices=["text", "json"], default="text")
    p.add_argument(
        "--fail-on",
        choices=[*_VERDICTS[1:], _MISATTRIBUTED],
        action="append",
        metavar="LEVEL",
        help="exit 1 when some quote is this unfaithful or worse (in order: "
        + ", ".join(_VERDICTS[1:])
        + "), or with 'misattributed' when the source has its words from another speaker; "
        "repeat to combine; the output then lists only the failing quotes, with evidence",
    )
    _add_color(p)
    p.set_defaults(handler=_cmd_verify)


def _add_batch(sub: argparse._SubParsersAction[_Parser]) -> None:
    p = sub.add_parser(
        "batch",
        help="analyse a corpus into JSONL",
        description="Analyse a corpus (JSONL, .jsonl.gz, CSV, Parquet, a folder of .txt, or one "
        ".txt article) into one JSON line per record, in input order.",
    )
    p.add_argument("input", metavar="INPUT", help="corpus file or folder, or - for JSONL on stdin")
    p.add_argument("-o", "--output", required=True, metavar="OUT.jsonl", help="JSONL to write")
    p.add_argument("--summary", metavar="S.csv", help="also write a per-article summary CSV")
    p.add_argument("--workers", type=_worker_count, metavar="N", help="worker processes")
    p.add_argument("--resume", action="store_true", help="skip ids already in OUT.jsonl")
    p.add_argument("--engine", choices=["process", "dask", "serial"], default="process")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://host:8786")
    p.add_argument("--text-column", default="text", metavar="C", help="default: text")
    p.add_argument("--id-column", default="id", metavar="C", help="default: id")
    p.add_argument(
        "--genre-column",
        default="genre",
        metavar="C",
        help="column or field with a known genre (news, opinion, ...); default: genre",
    )
    p.add_argument(
        "--record-timeout",
        type=_seconds,
        default=300.0,
        metavar="S",
        help="seconds one record may take before it becomes an error record (default: 300)",
    )
    p.add_argument(
        "--max-chars",
        type=_positive,
        default=DEFAULT_CONFIG.max_chars,
        metavar="N",
        help="a longer text becomes an error record "
        f"(default: {DEFAULT_CONFIG.max_chars:,}, AnalyzerConfig.max_chars)",
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar (default: on a terminal)",
    )
    p.set_defaults(handler=_cmd_batch)


def _add_completion(sub: argparse._SubParsersAction[_Parser]) -> None:
    p = sub.add_parser(
        "completion",
        help="print a shell completion script",
        description="Print a completion script for bash or zsh. Load it from your shell's "
        'start-up file: eval "$(quotecheck completion bash)" (or zsh).',
    )
    p.add_argument("shell", choices=["bash", "zsh"], help="the shell to complete in")
    p.set_defaults(handler=_cmd_completion)


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        msg = f"expected a whole number of at least 1, got {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return n


def _worker_count(value: str) -> int:
    from quotecheck.corpus.batch import MAX_WORKERS

    n = _positive(value)
    if n > MAX_WORKERS:
        msg = f"expected at most {MAX_WORKERS:,} worker processes, got {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return n


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < float("inf"):
        msg = f"expected a number of seconds above 0, got {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return seconds


# --------------------------------------------------------------------------- input and output


def _read_bytes(name: str) -> bytes:
    """Return the bytes of file ``name`` (``-`` = stdin)."""
    try:
        return _stdin_bytes() if name == "-" else Path(name).read_bytes()
    except FileNotFoundError:
        msg = f"{name}: no such file; check the path"
        raise InputError(msg) from None
    except IsADirectoryError:
        msg = f"{name} is a folder; pass one text file (use 'quotecheck batch' for folders)"
        raise InputError(msg) from None
    except OSError as exc:
        msg = f"{name}: cannot read it ({exc.strerror})"
        raise InputError(msg) from None


def _decode(name: str, data: bytes) -> str:
    """The UTF-8 text of ``data`` read from ``name``; refuse other encodings and empty text."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        msg = (
            f"{name} is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            f"convert it first, e.g. iconv -f latin1 -t utf-8"
        )
        raise InputError(msg) from None
    if not text.strip():
        msg = f"{name} is empty; there is nothing to analyse"
        raise InputError(msg)
    return text


def _is_html(name: str, data: bytes) -> bool:
    """True when file ``name`` is a web page, by its name or by how it opens."""
    return name.lower().endswith(HTML_SUFFIXES) or looks_like_html(data)


def _page_error(name: str, exc: MissingExtraError) -> InputError:
    """The refusal of an HTML page when trafilatura is missing: it is never analysed raw."""
    msg = f"{name} is an HTML page, and {exc}; quotecheck does not analyse a page's markup"
    return InputError(msg)


def _analyze_file(name: str, doc_id: str | None, genre: str | None = None) -> tuple[str, Analysis]:
    """Analyse file ``name``: its text, or for a web page its extracted article text."""
    data = _read_bytes(name)
    if not _is_html(name, data):
        text = _decode(name, data)
        return text, analyze(text, doc_id=doc_id, genre=genre)
    try:
        analysis = analyze_html(data, doc_id=doc_id, genre=genre)
    except MissingExtraError as exc:
        raise _page_error(name, exc) from None
    assert analysis.page is not None  # analyze_html always sets it
    return analysis.page.text, analysis


def _read_source(name: str) -> str:
    """The text of a source document for verify; a web page's article text for an HTML page."""
    data = _read_bytes(name)
    if not _is_html(name, data):
        return _decode(name, data)
    try:
        return extract_page(data).text
    except MissingExtraError as exc:
        raise _page_error(name, exc) from None


def _stdin() -> TextIO:
    """Standard input, or an InputError when the command was started with it closed (`<&-`)."""
    if sys.stdin is None:
        msg = "standard input is closed; pass a file instead of -, or give the text on stdin"
        raise InputError(msg)
    return sys.stdin


def _stdin_bytes() -> bytes:
    buffer = getattr(_stdin(), "buffer", None)
    return buffer.read() if buffer is not None else _stdin().read().encode("utf-8")


def _stdin_once(names: Sequence[str]) -> None:
    """Refuse ``-`` named more than once: standard input can be read only once."""
    if list(names).count("-") > 1:
        msg = "standard input (-) can be read only once; save it to a file for the other uses"
        raise _UsageError(msg)


def _write(out: str, dest: str | None, source: str) -> None:
    """Write ``out`` to stdout, or to ``dest`` whole (an earlier file stays until it is done);
    never over the article ``source`` it was made from."""
    if dest is None or dest == "-":
        _print(out)
        return
    from quotecheck.corpus.outputs import replace_when_done, same_file

    if source != "-" and same_file(source, dest):
        msg = f"-o {dest} and the article {source} are the same file; write to another path"
        raise InputError(msg)
    if Path(dest).is_dir():
        msg = f"-o {dest} is a folder; name a file in it"
        raise InputError(msg)
    with replace_when_done(dest) as part, part.open("w", encoding="utf-8") as fh:
        fh.write(_encodable(out))


# A lone surrogate: how Python holds a file name's or argument's bytes that are not UTF-8.
_LONE_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _encodable(text: str) -> str:
    """``text`` as UTF-8 can carry it: each lone surrogate (from a file name or an argument that
    is not UTF-8) written as its escape, ``\\udcff``, which in JSON output is that very escape."""
    if text.isascii() or not _LONE_SURROGATE_RE.search(text):
        return text
    return _LONE_SURROGATE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _print(text: str) -> None:
    """Write ``text`` to standard output, lone surrogates escaped."""
    sys.stdout.write(_encodable(text))


def _color(when: str, stream: TextIO) -> bool:
    if when != "auto":
        return when == "always"
    return stream.isatty() and not os.environ.get("NO_COLOR")


def _width(stream: TextIO) -> int:
    return shutil.get_terminal_size((100, 24)).columns if stream.isatty() else 100


# --------------------------------------------------------------------------- commands


def _cmd_analyze(args: argparse.Namespace) -> int:
    doc_id = args.doc_id or (None if args.file == "-" else args.file)
    text, analysis = _analyze_file(args.file, doc_id, args.genre)
    _warn_input(args.file, analysis.flags)
    to_terminal = args.output in (None, "-")
    color = to_terminal and _color(args.color, sys.stdout)
    view = render(text, analysis, args.format, color=color, width=_width(sys.stdout))
    _write(view, args.output, args.file)
    return EXIT_OK


def _cmd_flag(args: argparse.Namespace) -> int:
    _stdin_once(args.files)
    floor = Severity(args.min_severity).rank
    worst = -1
    lines: list[str] = []
    records: list[dict[str, object]] = []
    for name in args.files:
        text, analysis = _analyze_file(name, name, args.genre)
        flags = analysis.flags
        _warn_input(name, flags)
        worst = max([worst, *(f.severity.rank for f in flags)])  # hidden flags count too
        shown = [f for f in flags if f.severity.rank >= floor]
        for f, (line, col) in zip(
            shown, line_cols(text, [f.span.start for f in shown]), strict=True
        ):
            place = f"{visible(name)}:{line}:{col}"  # a terminal shows escapes, never obeys them
            lines.append(f"{place}: {f.severity.value} {f.kind.value}: {visible(f.message)}")
            records.append({"file": name, "line": line, "column": col, **f.model_dump(mode="json")})
    out = json.dumps(records, ensure_ascii=False, indent=2) + "\n" if args.format == "json" else ""
    _print(out or "".join(f"{line}\n" for line in lines))
    failing = args.fail_on is not None and worst >= Severity(args.fail_on).rank
    return EXIT_FAILED if failing else EXIT_OK


def _cmd_verify(args: argparse.Namespace) -> int:
    from quotecheck.verification.verifier import (
        verify,  # late: building its index is only needed here
    )

    _stdin_once([args.article, *args.source])
    text, analysis = _analyze_file(args.article, args.article)
    sources = {name: _read_source(name) for name in args.source}
    results = verify(analysis, sources, text=text)
    if args.fail_on:
        failing = [(v, _failed_on(v, args.fail_on)) for v in results]
        failing = [(v, why) for v, why in failing if why]
        if args.format == "json":
            records = guard_records(text, analysis, failing)
            _print(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
        else:
            _print(guard_report(args.article, text, analysis, failing, len(results)))
        return EXIT_FAILED if failing else EXIT_OK
    if args.format == "json":
        dump = [verification_record(v) for v in results]
        _print(json.dumps(dump, ensure_ascii=False, indent=2) + "\n")
    else:
        color = _color(args.color, sys.stdout)
        _print(verification_table(analysis, results, color=color))
    return EXIT_OK


def _failed_on(v: Verification, levels: Sequence[str]) -> list[str]:
    """Return the --fail-on levels this verdict reaches (empty when it passes)."""
    failed = []
    if _MISATTRIBUTED in levels and v.misattributed:
        failed.append(_MISATTRIBUTED)
    floors = [_VERDICTS.index(level) for level in levels if level != _MISATTRIBUTED]
    if floors and _VERDICTS.index(v.status.value) >= min(floors):
        failed.append(v.status.value)
    return failed


def _cmd_batch(args: argparse.Namespace) -> int:
    from quotecheck.corpus.batch import BatchInterrupted

    if args.scheduler and args.engine != "dask":
        msg = "--scheduler needs --engine dask (see 'quotecheck batch --help')"
        raise _UsageError(msg)
    try:
        if args.input != "-":
            return _run_batch(args, args.input)
        with _spooled_stdin() as corpus:
            return _run_batch(args, corpus)
    except BatchInterrupted as stop:
        _error(f"interrupted; {stop.written:,} records are in {stop.output}. {_resume_hint(args)}")
        return EXIT_INTERRUPTED


def _resume_hint(args: argparse.Namespace) -> str:
    """How to finish an interrupted batch: the same command with --resume."""
    if _batch_output(args.output) == _STDOUT or not Path(args.output).is_file():
        return "Standard output cannot be resumed: run it with -o FILE to be able to --resume."
    argv = list(args.argv) + ([] if args.resume else ["--resume"])
    command = shlex.join(["quotecheck", *argv])
    if args.input == "-":
        return f"To finish, run {command} with the same JSONL on standard input."
    return f"To finish, run: {command}"


@contextmanager
def _spooled_stdin() -> Iterator[str]:
    """Copy JSONL from standard input to a temporary file (batch reads its input twice)."""
    source = getattr(_stdin(), "buffer", None)
    if source is None:  # a text-only stdin (tests, embedding)
        source = io.BytesIO(_stdin().read().encode("utf-8"))
    from quotecheck.corpus.io import spooled

    with spooled(source, "stdin.jsonl") as path:
        yield str(path)


_STDOUT = "/dev/stdout"  # what `-o -` and `--summary -` write to: a stream, never a file "-"


@overload
def _batch_output(name: str) -> str: ...
@overload
def _batch_output(name: None) -> None: ...
def _batch_output(name: str | None) -> str | None:
    """A batch output path: ``-`` is standard output where the system names it as a file."""
    if name != "-":
        return name
    if not os.path.exists(_STDOUT):
        msg = "this system has no /dev/stdout to stream to; name an output file instead of -"
        raise _UsageError(msg)
    return _STDOUT


def _run_batch(args: argparse.Namespace, input_path: str) -> int:
    from quotecheck.corpus.batch import run_batch

    engine: Engine = args.engine
    stats = run_batch(
        input_path,
        _batch_output(args.output),
        summary_path=_batch_output(args.summary),
        workers=args.workers,
        resume=args.resume,
        engine=engine,
        scheduler=args.scheduler,
        text_column=args.text_column,
        id_column=args.id_column,
        genre_column=args.genre_column,
        progress=args.progress,
        record_timeout=args.record_timeout,
        config=AnalyzerConfig(max_chars=args.max_chars),
    )
    return stats.exit_code


def _cmd_completion(args: argparse.Namespace) -> int:
    from quotecheck.completion import completion_script

    _print(completion_script(_build_parser(), args.shell))
    return EXIT_OK
