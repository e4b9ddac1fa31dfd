"""Word lists shipped as data: one entry per line, ``#`` starts a comment.

A line may hold several fields separated by `` | `` (e.g. ``say said says saying | neutral``);
:func:`load` returns the first field of each line, :func:`load_rows` every field. Files are read
once through :mod:`importlib.resources`, so they work from a wheel or a zip as well as a checkout.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from ..errors import LexiconError

__all__ = ["load", "load_rows", "names"]

_SEPARATOR = " | "


@cache
def load_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Return every entry of lexicon ``name`` as a tuple of its ``|``-separated fields."""
    try:
        raw = resources.files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    except FileNotFoundError:
        msg = (
            f"no lexicon named {name!r}: expected quotecheck/lexicons/{name}.txt (have: {names()})"
        )
        raise LexiconError(msg, lexicon=name) from None
    rows: list[tuple[str, ...]] = []
    for number, line in enumerate(raw.splitlines(), start=1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        fields = tuple(field.strip() for field in entry.split(_SEPARATOR))
        if any(not field for field in fields) or "\t" in entry:
            msg = (
                f"lexicon {name!r} line {number} is malformed ({line!r}): use fields separated "
                f"by ' | ', no empty fields, no tabs"
            )
            raise LexiconError(msg, lexicon=name, line=number)
        rows.append(fields)
    return tuple(rows)


@cache
def load(name: str) -> frozenset[str]:
    """Return the first field of every entry of lexicon ``name``."""
    return frozenset(row[0] for row in load_rows(name))


def names() -> tuple[str, ...]:
    """Return the names of all packaged lexicons."""
    files = resources.files(__name__).iterdir()
    return tuple(sorted(f.name[:-4] for f in files if f.name.endswith(".txt")))
