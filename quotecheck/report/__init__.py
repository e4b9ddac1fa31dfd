"""Views of an analysis for people: a terminal view, JSON and a self-contained HTML page.

Takes the analysed text and its ``Analysis`` and returns a string. ``text`` holds the terminal
view, ``render`` (the one entry point, choosing the format) and the lookups every view shares;
``html`` builds the HTML report from the package data in ``templates/``; ``verdicts`` shows
quote verdicts (the ``verify`` table, the copy-desk guard, their JSON); ``notebook`` is how an
``Analysis`` shows itself (one-line repr, the HTML view in Jupyter); ``frames`` turns analyses,
or a batch's JSONL output, into pandas DataFrames (pandas imported only there, when called).
May import ``models`` and ``errors``; nothing in the pipeline imports this room (``models``
reaches ``notebook`` only inside its display methods, at call time).
"""

from quotecheck.report.common import line_cols, source_label, speaker_of
from quotecheck.report.html import html_report
from quotecheck.report.text import FORMATS, Format, render

__all__ = ["FORMATS", "Format", "html_report", "line_cols", "render", "source_label", "speaker_of"]
