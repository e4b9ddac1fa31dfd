"""``python -m quotecheck`` and the ``quotecheck`` command: start :func:`quotecheck.cli.main`.

The command line is imported here with Ctrl-C held back: an interrupt while Python loads
quotecheck would otherwise break an import half-way (sometimes wrapped in another exception)
and print a traceback. Held back, it ends the command with one line and exit 130 once loaded.
"""

from __future__ import annotations

# The C module, not `signal`: it is loaded already, so nothing runs before the hold is in place.
import _signal  # type: ignore[import-not-found]  # no stubs: the C half of `signal`
import sys
from collections.abc import Sequence
from types import FrameType


def main(argv: Sequence[str] | None = None) -> int:
    """Import and run the command line; return its exit code."""
    held: list[int] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        held.append(signum)

    previous = _signal.getsignal(_signal.SIGINT)
    if previous == _signal.SIG_IGN:  # started with Ctrl-C ignored (e.g. `cmd &`): keep it so
        previous = None
    else:
        try:
            _signal.signal(_signal.SIGINT, hold)
        except ValueError:  # not the main thread: signals are not ours to handle
            previous = None
    try:
        from quotecheck.cli import main as run
    finally:
        if previous is not None:
            _signal.signal(_signal.SIGINT, previous)
    if held:
        from contextlib import suppress

        with suppress(AttributeError, OSError):  # standard error closed: the status must do
            sys.stderr.write("quotecheck: error: interrupted\n")
        return 130  # cli.EXIT_INTERRUPTED
    return run(argv)


if __name__ == "__main__":
    raise SystemExit(main())
