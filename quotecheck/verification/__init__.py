"""Quote against source: did the article's quote appear in the source documents, and how?

Takes an ``Analysis`` (or one quote) and source texts and returns a ``Verification`` per quote
(:mod:`~verifier`). ``quotetext`` normalises quote and source for
comparison without moving offsets, ``index`` picks candidate passages cheaply, ``alignment``
aligns the quote's words with the best of them, and ``verdict`` names the result (exact,
normalized, ellipsis, minor_edit, altered, spliced, not_found) with its edits. ``turns`` reads
the speaker turns of transcripts (``interviewee`` gives an interview's "A:" turns the one person
its introduction names) and ``speakercheck`` says whether the credited speaker said the matched
words; ``gist`` finds the passage a paraphrase presented as a quote comes from.
May import the shared modules and ``attribution.coref`` / ``attribution.sources`` (names and
titles, compared as the analysis compares them); it never re-runs the pipeline.
"""

from quotecheck.verification.verifier import (
    SourceIndex,
    misattribution_flags,
    verify,
    verify_quote,
)

__all__ = ["SourceIndex", "misattribution_flags", "verify", "verify_quote"]
