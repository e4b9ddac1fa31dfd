"""quotecheck: who said what in news text.

>>> import quotecheck as qc
>>> a = qc.analyze("“It will rain,” the forecaster said.")
>>> a.quotes[0].span.text
'It will rain,'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quotecheck.config import DEFAULT_CONFIG, AnalyzerConfig
    from quotecheck.corpus.batch import BatchStats, analyze_corpus, run_batch
    from quotecheck.errors import (
        AssemblyError,
        BatchError,
        InputError,
        InputTypeError,
        LexiconError,
        MissingExtraError,
        QuotecheckError,
        SourceDocumentError,
    )
    from quotecheck.integrations.webpage import analyze_html
    from quotecheck.models import (
        Analysis,
        Attribution,
        Claim,
        ClaimKind,
        Cue,
        CueKind,
        Edit,
        EditOp,
        Failure,
        Flag,
        FlagKind,
        Genre,
        GenreKind,
        Page,
        Paragraph,
        Quote,
        QuoteKind,
        Sentence,
        SentenceRole,
        Severity,
        Signal,
        SignalKind,
        Source,
        SourceKind,
        SourcingSummary,
        Span,
        SpeakerMatch,
        Stance,
        Verification,
        VerificationStatus,
    )
    from quotecheck.pipeline import analyze, flag_unattributed
    from quotecheck.report.frames import read_frames, to_frames
    from quotecheck.verification.verifier import SourceIndex, verify, verify_quote

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_CONFIG",
    "Analysis",
    "AnalyzerConfig",
    "AssemblyError",
    "Attribution",
    "BatchError",
    "BatchStats",
    "Claim",
    "ClaimKind",
    "Cue",
    "CueKind",
    "Edit",
    "EditOp",
    "Failure",
    "Flag",
    "FlagKind",
    "Genre",
    "GenreKind",
    "InputError",
    "InputTypeError",
    "LexiconError",
    "MissingExtraError",
    "Page",
    "Paragraph",
    "Quote",
    "QuoteKind",
    "QuotecheckError",
    "Sentence",
    "SentenceRole",
    "Severity",
    "Signal",
    "SignalKind",
    "Source",
    "SourceDocumentError",
    "SourceIndex",
    "SourceKind",
    "SourcingSummary",
    "Span",
    "SpeakerMatch",
    "Stance",
    "Verification",
    "VerificationStatus",
    "__version__",
    "analyze",
    "analyze_corpus",
    "analyze_html",
    "flag_unattributed",
    "read_frames",
    "run_batch",
    "to_frames",
    "verify",
    "verify_quote",
]

# The module each public name comes from. Names are imported on first use, so importing the
# package (and quotecheck.cli) is quick, and a Ctrl-C while the command starts is handled by it.
_HOMES = {
    "DEFAULT_CONFIG": "quotecheck.config",
    "AnalyzerConfig": "quotecheck.config",
    "BatchStats": "quotecheck.corpus.batch",
    "analyze_corpus": "quotecheck.corpus.batch",
    "run_batch": "quotecheck.corpus.batch",
    "AssemblyError": "quotecheck.errors",
    "BatchError": "quotecheck.errors",
    "InputError": "quotecheck.errors",
    "InputTypeError": "quotecheck.errors",
    "LexiconError": "quotecheck.errors",
    "MissingExtraError": "quotecheck.errors",
    "QuotecheckError": "quotecheck.errors",
    "SourceDocumentError": "quotecheck.errors",
    "analyze_html": "quotecheck.integrations.webpage",
    "Analysis": "quotecheck.models",
    "Attribution": "quotecheck.models",
    "Claim": "quotecheck.models",
    "ClaimKind": "quotecheck.models",
    "Cue": "quotecheck.models",
    "CueKind": "quotecheck.models",
    "Edit": "quotecheck.models",
    "EditOp": "quotecheck.models",
    "Failure": "quotecheck.models",
    "Flag": "quotecheck.models",
    "FlagKind": "quotecheck.models",
    "Genre": "quotecheck.models",
    "GenreKind": "quotecheck.models",
    "Page": "quotecheck.models",
    "Paragraph": "quotecheck.models",
    "Quote": "quotecheck.models",
    "QuoteKind": "quotecheck.models",
    "Sentence": "quotecheck.models",
    "SentenceRole": "quotecheck.models",
    "Severity": "quotecheck.models",
    "Signal": "quotecheck.models",
    "SignalKind": "quotecheck.models",
    "Source": "quotecheck.models",
    "SourceKind": "quotecheck.models",
    "SourcingSummary": "quotecheck.models",
    "Span": "quotecheck.models",
    "SpeakerMatch": "quotecheck.models",
    "Stance": "quotecheck.models",
    "Verification": "quotecheck.models",
    "VerificationStatus": "quotecheck.models",
    "analyze": "quotecheck.pipeline",
    "flag_unattributed": "quotecheck.pipeline",
    "read_frames": "quotecheck.report.frames",
    "to_frames": "quotecheck.report.frames",
    "SourceIndex": "quotecheck.verification.verifier",
    "verify": "quotecheck.verification.verifier",
    "verify_quote": "quotecheck.verification.verifier",
}


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use (PEP 562)."""
    if name not in _HOMES:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(_HOMES[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
