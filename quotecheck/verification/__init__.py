"""Quote against source: did the article's quote appear in the source documents, and how?

Takes an ``Analysis`` (or one quote) and source texts and returns a ``Verification`` per quote
(:mod:`~verifier`). ``quotetext`` normalises quote and source for
comparison without moving offsets, ``index`` picks candidate passages cheaply, ``alignment``
aligns the quote's words with the best of them, and ``verdict`` names the result (exact,
normalized, ellipsis, minor_edit, altered, spliced, not_found) with its edits. May import the
shared modules; it never re-runs the pipeline.
"""

from quotecheck.verification.verifier import SourceIndex, verify, verify_quote

__all__ = ["SourceIndex", "verify", "verify_quote"]
