"""One error tree: every exception quotecheck raises is a :class:`QuotecheckError`.

Each subclass also inherits the builtin a caller would already catch (``TypeError`` for a wrong
argument type, ``ValueError`` for a bad value), and carries structured fields so callers need not
parse messages. Finders never raise for "found nothing"; only caller mistakes raise.
"""

from __future__ import annotations

__all__ = [
    "DISTRIBUTION",
    "AssemblyError",
    "BatchError",
    "InputError",
    "InputTypeError",
    "LexiconError",
    "MissingExtraError",
    "QuotecheckError",
    "RecordTimeoutError",
    "SourceDocumentError",
    "WorkerCrashError",
    "install_hint",
]

DISTRIBUTION = "news-quotecheck"
"""The name to install quotecheck by (``pip install news-quotecheck``); it imports as
``quotecheck``. The name ``quotecheck`` on the public index belongs to an unrelated project.
Keep in sync with ``[project].name`` in pyproject.toml (a test checks)."""


def install_hint(extra: str) -> str:
    """Return the pip command that installs quotecheck with an optional ``extra``."""
    return f"pip install '{DISTRIBUTION}[{extra}]'"


class QuotecheckError(Exception):
    """Base of every error quotecheck raises on purpose."""


class InputError(QuotecheckError, ValueError):
    """Raised when an input value cannot be analysed (e.g. too long, empty where text is needed)."""

    def __init__(self, message: str, *, doc_id: str | None = None) -> None:
        super().__init__(message)
        self.doc_id = doc_id


class InputTypeError(QuotecheckError, TypeError):
    """Raised when an argument has the wrong type: not ``str`` where text is needed, not an
    AnalyzerConfig, not an Analysis."""

    def __init__(self, message: str, *, got: type) -> None:
        super().__init__(message)
        self.got = got


class LexiconError(QuotecheckError, ValueError):
    """Raised when a packaged lexicon file is missing or has a malformed line."""

    def __init__(self, message: str, *, lexicon: str, line: int | None = None) -> None:
        super().__init__(message)
        self.lexicon = lexicon
        self.line = line


class SourceDocumentError(QuotecheckError, ValueError):
    """Raised when a source document for verification is unusable (not text, wrong container)."""

    def __init__(self, message: str, *, name: str | None = None) -> None:
        super().__init__(message)
        self.name = name


class AssemblyError(QuotecheckError, TypeError):
    """Raised when a stage builds a model with a missing or unknown field, or a span outside its
    text: a bug in quotecheck, not in the caller's input. Please report it with the text."""


class BatchError(QuotecheckError, RuntimeError):
    """Raised when a batch cannot run at all (unreadable input, unknown engine, bad options)."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


class MissingExtraError(QuotecheckError, ImportError):
    """Raised when a feature needs an optional dependency that is not installed; says which extra
    brings it (``pip install 'news-quotecheck[pandas]'``)."""

    def __init__(self, feature: str, *, extra: str, module: str) -> None:
        super().__init__(
            f"{feature} needs {module}, which is not installed: {install_hint(extra)}",
            name=module,
        )
        self.extra = extra
        self.module = module


class RecordTimeoutError(QuotecheckError, TimeoutError):
    """Named (as ``error_type``) by the error record of a batch record whose analysis took
    longer than the batch's ``record_timeout``; its worker was stopped and the batch went on."""


class WorkerCrashError(QuotecheckError, RuntimeError):
    """Named (as ``error_type``) by the error record of a batch record whose worker process died
    (killed, out of memory, crashed) both in its task and when retried alone."""


def require_text(value: object, *, what: str = "text") -> str:
    """Return ``value`` if it is a ``str``; raise :class:`InputTypeError` saying what to pass."""
    if isinstance(value, str):
        return value
    if isinstance(value, bytes | bytearray | memoryview):
        msg = (
            f"{what} must be str, got {type(value).__name__}: decode it first, "
            f"e.g. data.decode('utf-8')"
        )
    else:
        msg = f"{what} must be str, got {type(value).__name__}: pass the article text as a string"
    raise InputTypeError(msg, got=type(value))


def require_optional_text(value: object, *, what: str) -> str | None:
    """Return ``value`` if it is a ``str`` or ``None``; raise :class:`InputTypeError` otherwise."""
    if value is None or isinstance(value, str):
        return value
    msg = f"{what} must be a str or None, got {type(value).__name__}: pass str({what})"
    raise InputTypeError(msg, got=type(value))
