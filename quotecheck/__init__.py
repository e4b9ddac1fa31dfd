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
    from .batch import BatchStats, analyze_corpus, run_batch
    from .config import DEFAULT_CONFIG, AnalyzerConfig
    from .errors import (
        AssemblyError,
        BatchError,
        InputError,
        InputTypeError,
        LexiconError,
        QuotecheckError,
        SourceDocumentError,
    )
    from .models import (
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
        Stance,
        Verification,
        VerificationStatus,
    )
    from .pipeline import analyze, flag_unattributed
    from .verification import SourceIndex, verify, verify_quote

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
    "InputError",
    "InputTypeError",
    "LexiconError",
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
    "Stance",
    "Verification",
    "VerificationStatus",
    "__version__",
    "analyze",
    "analyze_corpus",
    "flag_unattributed",
    "run_batch",
    "verify",
    "verify_quote",
]

# The module each public name comes from. Names are imported on first use, so importing the
# package (and quotecheck.cli) is quick, and a Ctrl-C while the command starts is handled by it.
_HOMES = {
    **dict.fromkeys(("BatchStats", "analyze_corpus", "run_batch"), "batch"),
    **dict.fromkeys(("DEFAULT_CONFIG", "AnalyzerConfig"), "config"),
    **dict.fromkeys(("analyze", "flag_unattributed"), "pipeline"),
    **dict.fromkeys(("SourceIndex", "verify", "verify_quote"), "verification"),
}


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use (PEP 562)."""
    if name not in __all__ or name == "__version__":
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    home = _HOMES.get(name) or ("errors" if name.endswith("Error") else "models")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
