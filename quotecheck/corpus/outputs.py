"""Where a batch writes: path checks before a run, whole-line appends, atomic replacement.

A batch must never destroy what it reads or what it wrote before. So before any work starts,
:func:`check_paths` refuses an input, output and summary of which any two are one file (through
symlinks and hard links too), and outputs whose folder is missing or not writable. The JSONL
output streams line by line (:class:`LineWriter`): a line is written whole or, when the disk
fills up, cut off again, so the file always ends with a whole line and ``--resume`` can finish it.
Files written in one go (the summary) are written beside their target and moved into place only
when complete (:func:`replace_when_done`). Summary CSV cells are made inert for spreadsheets
(:func:`spreadsheet_cell`).
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from itertools import combinations
from pathlib import Path
from typing import Any

from quotecheck.errors import BatchError

__all__ = [
    "LineWriter",
    "check_paths",
    "is_stream",
    "output_lock",
    "replace_when_done",
    "same_file",
    "spreadsheet_cell",
    "text_cell",
]

PathLike = str | os.PathLike[str]

# Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"), plus
# their full-width forms, which some spreadsheets accept as well.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def same_file(a: PathLike, b: PathLike) -> bool:
    """Whether two paths name one file: by device and inode if both exist, else by real path."""
    try:
        first, second = os.stat(a), os.stat(b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)
    return (first.st_dev, first.st_ino) == (second.st_dev, second.st_ino)


def is_stream(path: PathLike) -> bool:
    """Whether ``path`` names an existing file that is not a regular one: a pipe, a terminal,
    ``/dev/stdout`` or ``/dev/null``, which can be written in order but not read back or replaced.
    """
    try:
        return not stat.S_ISREG(os.stat(path).st_mode) and not os.path.isdir(path)
    except OSError:
        return False


def _check_writable(path: PathLike, what: str, *, replaced: bool) -> None:
    """Raise BatchError unless ``path`` can be written (``replaced``: made anew in its folder)."""
    target = Path(path)
    if target.is_dir():
        msg = f"{what} {target} is a folder; name a file in it, e.g. {target / 'out.jsonl'}"
        raise BatchError(msg, path=str(target))
    folder = Path(os.path.realpath(target)).parent  # a link is written where it points
    if not folder.is_dir():
        msg = f"{what} {target}: the folder {folder} does not exist; create it first"
        raise BatchError(msg, path=str(target))
    # A file written in place needs the file writable; one replaced needs its folder writable.
    probe = target if target.exists() and (not replaced or is_stream(target)) else folder
    if not os.access(probe, os.W_OK):
        msg = f"{what} {target}: no permission to write {probe}; choose a writable place"
        raise BatchError(msg, path=str(target))


def _check_nameable(path: PathLike, what: str) -> None:
    """Raise BatchError when ``path`` cannot name a file at all: a name too long, a symlink
    loop, a path through a file or a folder that cannot be searched (missing is fine here)."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        msg = f"the {what} {path} cannot be used ({why}); check the path"
        raise BatchError(msg, path=str(path)) from exc


def _check_not_gzip(path: PathLike, what: str) -> None:
    """Refuse an output named ``.gz``: it would hold plain text that gzip readers refuse."""
    name = Path(path)
    if name.suffix.lower() == ".gz":
        plain = name.with_suffix("")
        msg = (
            f"the {what} {path} would be plain text, not gzip; write {plain} and compress it "
            f"afterwards (gzip {plain})"
        )
        raise BatchError(msg, path=str(path))


def _check_not_read_back(input_path: PathLike, path: PathLike, what: str) -> None:
    """Refuse a ``.txt`` output inside an input folder, which the batch would read as input."""
    folder, target = Path(input_path).resolve(), Path(path).resolve()
    if folder.is_dir() and target.suffix.lower() == ".txt" and target.is_relative_to(folder):
        msg = f"{what} {path} is a .txt file inside the input folder and would be read as input"
        raise BatchError(msg, path=str(path))


def _check_stream_output(output_path: PathLike, *, resume: bool, summary: bool) -> None:
    """Refuse --resume and --summary when the output is a stream: both read the output back."""
    if not is_stream(output_path):
        return
    need = "--resume (resume=True)" if resume else "--summary (summary_path)" if summary else None
    if need is not None:
        msg = (
            f"output (-o) {output_path} is not a regular file, and {need} reads the output back; "
            f"write -o to a regular file"
        )
        raise BatchError(msg, path=str(output_path))


def check_paths(
    input_path: PathLike,
    output_path: PathLike,
    summary_path: PathLike | None,
    *,
    resume: bool = False,
) -> None:
    """Refuse, before any work, paths a batch would destroy or could not write.

    Raises:
        BatchError: a path is not a ``str`` or ``os.PathLike``; two of input, output and
            summary are the same file (also through a symlink
            or a hard link), an output is a folder, its folder is missing, or it is not writable;
            or the output is a stream (a pipe, ``/dev/stdout``) and ``resume`` or a summary
            would have to read it back.
    """
    named: list[tuple[str, PathLike]] = [("input", input_path), ("output (-o)", output_path)]
    if summary_path is not None:
        named.append(("summary (--summary)", summary_path))
    for what, path in named:
        _check_path_type(path, what)
    for (first, a), (second, b) in combinations(named, 2):
        if same_file(a, b):
            msg = f"the {first} and the {second} are the same file ({b}); write to another path"
            raise BatchError(msg, path=str(b))
    for what, path in named:
        _check_nameable(path, what)
    for what, path in named[1:]:
        _check_not_gzip(path, what)
    for what, path in named[1:]:
        _check_not_read_back(input_path, path, what)
    _check_stream_output(output_path, resume=resume, summary=summary_path is not None)
    _check_writable(output_path, "output (-o)", replaced=False)
    if summary_path is not None:
        _check_writable(summary_path, "summary (--summary)", replaced=True)


def _check_path_type(path: object, what: str) -> None:
    """Refuse a path that is neither a ``str`` nor an ``os.PathLike`` (None, a number, bytes)."""
    if not isinstance(path, str | os.PathLike):
        msg = f"the {what} path must be a str or a pathlib.Path, got {type(path).__name__}"
        raise BatchError(msg)


class LineWriter:
    """Append whole lines to a file: a line that cannot be written whole is cut off again.

    A stream (a pipe, ``/dev/stdout``) is written in order; it cannot be cut, and when its
    reader has gone the ``BrokenPipeError`` is raised as it is, for the caller to stop quietly.

    Raises:
        BatchError: the file cannot be opened or written (no space, size limit, I/O error).
    """

    def __init__(self, path: PathLike, *, keep: int | None, locked: bool = False) -> None:
        """Open ``path``: replaced when ``keep`` is None, else cut to its first ``keep`` bytes.

        Unless the caller already holds it (``locked``, see :func:`output_lock`), the file is
        locked before it is cut, so a second batch on it is refused and cuts nothing.
        """
        self.path = os.fspath(path)
        self.lines = 0
        try:
            # Opened without O_TRUNC: nothing is cut before the lock is held.
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT if keep is None else os.O_RDWR, 0o666)
            self.file = os.fdopen(fd, "wb" if keep is None else "r+b", buffering=0)
            self.end = 0
            if stat.S_ISREG(os.fstat(fd).st_mode):  # not /dev/null, /dev/stdout or a pipe
                if not locked:
                    _lock(self.file, self.path)
                self.file.truncate(keep or 0)
                self.end = self.file.seek(keep or 0)
        except OSError as exc:
            raise self._error(exc) from exc

    def write(self, line: bytes) -> None:
        """Write one line (with its newline) whole, or restore the file and raise BatchError."""
        view = memoryview(line)
        try:
            while view:  # a raw write may take only part of the data
                view = view[self.file.write(view) or 0 :]
        except BrokenPipeError:
            raise  # the reader of a stream has gone: nothing to keep whole
        except OSError as exc:
            with suppress(OSError):  # cutting a file frees space, so this works on a full disk
                self.file.truncate(self.end)
            raise self._error(exc) from exc
        self.end += len(line)
        self.lines += 1

    def close(self) -> None:
        """Close the file."""
        self.file.close()

    def __enter__(self) -> LineWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _error(self, exc: OSError) -> BatchError:
        done = f" after {self.lines} new lines" if self.lines else ""
        msg = (
            f"cannot write {self.path}{done} ({exc.strerror or exc}); free space or fix the "
            f"path, then finish the batch with --resume"
        )
        return BatchError(msg, path=self.path)


def _lock(file: Any, path: str) -> None:
    """Take the batch's exclusive lock on an output file; refuse when another batch holds it.

    Raises:
        BatchError: another process holds the lock.
    """
    try:
        import fcntl
    except ImportError:  # no POSIX locks on this system: nothing to take
        return
    if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
        return  # a stream: nothing to cut, nothing to lock
    try:
        fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        file.close()
        msg = (
            f"another quotecheck batch is writing {path}; wait for it to end, or write to "
            f"another -o"
        )
        raise BatchError(msg, path=path) from None


@contextmanager
def output_lock(path: PathLike) -> Iterator[bool]:
    """Hold the batch's lock on an existing output for a run; yield whether one is held (when
    the file does not exist yet, :class:`LineWriter` takes the lock as it creates it).

    Raises:
        BatchError: another batch is writing the file.
    """
    try:
        regular = stat.S_ISREG(os.stat(path).st_mode)
        # Only a regular file: opening /dev/stdout (a pipe) to read would make this process a
        # reader of its own output, and a gone reader (`| head -1`) would never be noticed.
        file = open(path, "rb") if regular else None  # noqa: SIM115  # held for the whole run
    except OSError:
        file = None
    if file is None:
        yield False
        return
    with file:
        _lock(file, os.fspath(path))
        yield True


@contextmanager
def replace_when_done(path: PathLike) -> Iterator[Path]:
    """Yield a fresh file beside ``path`` to write; move it over ``path`` only on success.

    A symlink is followed: the file it points to is replaced, and the link stays. A stream
    (``/dev/stdout``, a pipe) cannot be replaced and is yielded to be written directly.

    Raises:
        BatchError: the file cannot be created, written or moved into place.
    """
    if is_stream(path):
        with _write_errors(Path(path)):
            yield Path(path)
        return
    target = Path(os.path.realpath(path))  # replacing a link would leave its target stale
    # Shortened, so a name near the file system's limit still leaves room for the suffix.
    part = target.with_name(f".{target.name[:100]}.{secrets.token_hex(4)}.part")
    try:
        with _write_errors(Path(path)):
            part.open("xb").close()  # created with the usual permissions, unlike mkstemp's 0600
            yield part
            os.replace(part, target)
    finally:
        with suppress(OSError):
            part.unlink()


@contextmanager
def _write_errors(path: Path) -> Iterator[None]:
    """Turn a failure to write ``path`` into one BatchError; a reader gone stays BrokenPipeError."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        msg = (
            f"cannot write {path} ({exc.strerror or exc}); check that its folder exists and has "
            f"space, or choose another path"
        )
        raise BatchError(msg, path=str(path)) from exc


def text_cell(value: Any) -> Any:
    """A value as a table can store it: text with lone surrogates escaped as ``\\udXXX``."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value


def spreadsheet_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run: text starting like a formula gets a leading ``'``.

    >>> [spreadsheet_cell(v) for v in ("=SUM(A1)", "@cmd", "-2+3", "Daily", 3)]
    ["'=SUM(A1)", "'@cmd", "'-2+3", 'Daily', 3]
    """
    value = text_cell(value)
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value
