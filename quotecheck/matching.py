"""at_position(pattern): a ``regex`` pattern to ``match`` at many places in a long text.

Before it tries a match, the ``regex`` module looks ahead for a literal the pattern must hold
("who" in ``[ \\t]+(?:who|whom)\\b``) and fails at once when the rest of the text lacks it. For
``search`` that saves work. For ``match`` of a pattern that opens with a run of variable length,
the look-ahead reads on to ``endpos`` on every call: a pattern tried at every cue of a long
sentence reads the rest of the sentence each time, so the sentence costs the square of its
length ("according to officials, " repeated to 1.6 MB in one sentence took 20 s). An impossible
second branch, ``|(?!)``, leaves the pattern no literal it must hold: the same matches, found at
the cost of the match alone. The stdlib ``re`` has no such look-ahead.
"""

from __future__ import annotations

import regex

__all__ = ["at_position"]


def at_position(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)`` for ``match`` at a position, without the look-ahead
    for a required literal (the module docstring says why); groups and matches are the same."""
    end = "\n" if flags & regex.VERBOSE else ""  # a comment on the pattern's last line ends here
    return regex.compile(f"(?:{pattern}{end})|(?!)", flags)
