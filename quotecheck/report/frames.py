"""to_frames(analyses) and read_frames(path): analyses as tidy pandas DataFrames (extra ``pandas``).

One frame per kind of item, one row per item, every row keyed by ``doc_id``:

- ``articles``: one row per analysed article (length, counts, sourcing shares);
- ``quotes``, ``sources``, ``attributions``, ``claims``, ``flags``: one row per item of each
  article, with its offsets, kinds, names and reasons;
- ``errors``: one row per error record of a batch (``Failure``), so nothing read is dropped.

Typed columns: kinds are categoricals holding their enum's full category set (so frames from
different chunks or corpora concatenate and count alike), offsets and counts are nullable
``Int64``, text is the nullable ``string`` dtype, shares ``Float64``, flags' severity an ordered
categorical. Fields holding several values (reasons, ids) are joined with ``"; "``.

pandas is imported only when a frame is built, so quotecheck works without it.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from enum import StrEnum
from io import BufferedIOBase
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from pydantic import ValidationError

from quotecheck.corpus.outputs import text_cell
from quotecheck.errors import BatchError, InputError, InputTypeError, MissingExtraError
from quotecheck.models import (
    Analysis,
    ClaimKind,
    CueKind,
    Failure,
    FlagKind,
    QuoteKind,
    SentenceRole,
    Severity,
    Source,
    SourceKind,
    Span,
    Stance,
)
from quotecheck.report.common import Lookup, source_label

if TYPE_CHECKING:
    from pandas import DataFrame

__all__ = ["FRAMES", "SCHEMAS", "read_frames", "to_frames"]

JOIN = "; "
"""How fields with several values (reasons, quote ids) are joined into one cell."""

# A column's type: a pandas dtype name, or the StrEnum whose values make its categories.
Dtype = str | type[StrEnum]
Row = dict[str, object]

SCHEMAS: Mapping[str, Mapping[str, Dtype]] = {
    "articles": {
        "doc_id": "string",
        "length": "Int64",
        "sentences": "Int64",
        "quotes": "Int64",
        "sources": "Int64",
        "attributions": "Int64",
        "claims": "Int64",
        "flags": "Int64",
        "named_share": "Float64",
        "anonymous_share": "Float64",
        "vague_share": "Float64",
        "unattributed_share": "Float64",
        "distinct_named_sources": "Int64",
    },
    "quotes": {
        "doc_id": "string",
        "quote_id": "string",
        "kind": QuoteKind,
        "text": "string",
        "start": "Int64",
        "end": "Int64",
        "marks_start": "Int64",
        "marks_end": "Int64",
        "paragraph": "Int64",
        "depth": "Int64",
        "closed": "boolean",
        "attribution_id": "string",
        "source_id": "string",
        "source_kind": SourceKind,
        "speaker": "string",
        "reasons": "string",
    },
    "sources": {
        "doc_id": "string",
        "source_id": "string",
        "kind": SourceKind,
        "label": "string",
        "name": "string",
        "role": "string",
        "affiliation": "string",
        "descriptor": "string",
        "mentions": "Int64",
        "attributions": "Int64",
        "first_mention": "string",
        "first_start": "Int64",
        "first_end": "Int64",
    },
    "attributions": {
        "doc_id": "string",
        "attribution_id": "string",
        "source_id": "string",
        "source_kind": SourceKind,
        "source": "string",
        "cue_kind": CueKind,
        "stance": Stance,
        "cue": "string",
        "cue_start": "Int64",
        "cue_end": "Int64",
        "text": "string",
        "start": "Int64",
        "end": "Int64",
        "quote_ids": "string",
        "via_source_id": "string",
        "via": "string",
        "when": "string",
        "when_start": "Int64",
        "when_end": "Int64",
        "reasons": "string",
    },
    "claims": {
        "doc_id": "string",
        "index": "Int64",
        "kind": ClaimKind,
        "role": SentenceRole,
        "text": "string",
        "start": "Int64",
        "end": "Int64",
        "attribution_ids": "string",
        "checkable": "boolean",
        "framing": "Int64",
        "framing_terms": "string",
        "reasons": "string",
    },
    "flags": {
        "doc_id": "string",
        "kind": FlagKind,
        "severity": Severity,
        "message": "string",
        "text": "string",
        "start": "Int64",
        "end": "Int64",
    },
    "errors": {
        "doc_id": "string",
        "error_type": "string",
        "error": "string",
        "line": "Int64",
    },
}
"""Every frame's columns and their types, in order (docs/frames.md says what each holds)."""

FRAMES: tuple[str, ...] = tuple(SCHEMAS)
"""The keys of the dict :func:`to_frames` and :func:`read_frames` return, in order."""

_ORDERED = frozenset({Severity})  # categories with a meaningful order (info < … < high)


# --------------------------------------------------------------------------- rows


def _span(prefix: str, span: Span | None) -> Row:
    """The ``<prefix>start`` and ``<prefix>end`` columns of an optional span (NA without one)."""
    if span is None:
        return {f"{prefix}start": None, f"{prefix}end": None}
    return {f"{prefix}start": span.start, f"{prefix}end": span.end}


def _label(source: Source | None) -> str | None:
    return source_label(source) if source is not None else None


def _article_row(a: Analysis, doc_id: str) -> Row:
    s = a.summary
    return {
        "doc_id": doc_id,
        "length": a.length,
        "sentences": s.sentences,
        "quotes": len(a.quotes),
        "sources": len(a.sources),
        "attributions": len(a.attributions),
        "claims": len(a.claims),
        "flags": len(a.flags),
        "named_share": s.named_share,
        "anonymous_share": s.anonymous_share,
        "vague_share": s.vague_share,
        "unattributed_share": s.unattributed_share,
        "distinct_named_sources": s.distinct_named_sources,
    }


def _quote_rows(a: Analysis, doc_id: str, lk: Lookup) -> Iterator[Row]:
    for q in a.quotes:
        att = lk.attributions.get(q.attribution_id) if q.attribution_id else None
        src = lk.source(att.source_id) if att else None
        yield {
            "doc_id": doc_id,
            "quote_id": q.id,
            "kind": q.kind.value,
            "text": q.span.text,
            **_span("", q.span),
            **_span("marks_", q.marks),
            "paragraph": q.paragraph,
            "depth": q.depth,
            "closed": q.closed,
            "attribution_id": q.attribution_id,
            "source_id": src.id if src else None,
            "source_kind": src.kind.value if src else None,
            "speaker": _label(src),
            "reasons": JOIN.join(q.reasons),
        }


def _source_rows(a: Analysis, doc_id: str, lk: Lookup) -> Iterator[Row]:
    for s in a.sources:
        first = s.mentions[0] if s.mentions else None
        yield {
            "doc_id": doc_id,
            "source_id": s.id,
            "kind": s.kind.value,
            "label": source_label(s),
            "name": s.name,
            "role": s.role,
            "affiliation": s.affiliation,
            "descriptor": s.descriptor,
            "mentions": len(s.mentions),
            "attributions": len(lk.said.get(s.id, ())),
            "first_mention": first.text if first else None,
            **_span("first_", first),
        }


def _attribution_rows(a: Analysis, doc_id: str, lk: Lookup) -> Iterator[Row]:
    for att in a.attributions:
        src = lk.source(att.source_id)
        yield {
            "doc_id": doc_id,
            "attribution_id": att.id,
            "source_id": att.source_id,
            "source_kind": src.kind.value if src else None,
            "source": _label(src),
            "cue_kind": att.cue_kind.value,
            "stance": att.stance.value,
            "cue": att.cue.text if att.cue else None,
            **_span("cue_", att.cue),
            "text": att.content.text,
            **_span("", att.content),
            "quote_ids": JOIN.join(att.quote_ids),
            "via_source_id": att.via_source_id,
            "via": _label(lk.source(att.via_source_id)),
            "when": att.when.text if att.when else None,
            **_span("when_", att.when),
            "reasons": JOIN.join(att.reasons),
        }


def _claim_rows(a: Analysis, doc_id: str, lk: Lookup) -> Iterator[Row]:
    for c in a.claims:
        own = [sig.span.text for sig in c.framing if not sig.in_quote]  # the writer's framing
        yield {
            "doc_id": doc_id,
            "index": c.index,
            "kind": c.kind.value,
            "role": c.role.value,
            "text": c.span.text,
            **_span("", c.span),
            "attribution_ids": JOIN.join(c.attribution_ids),
            "checkable": c.checkable,
            "framing": len(own),
            "framing_terms": JOIN.join(own),
            "reasons": JOIN.join(c.reasons),
        }


def _flag_rows(a: Analysis, doc_id: str, lk: Lookup) -> Iterator[Row]:
    for f in a.flags:
        yield {
            "doc_id": doc_id,
            "kind": f.kind.value,
            "severity": f.severity.value,
            "message": f.message,
            "text": f.span.text,
            **_span("", f.span),
        }


_ITEM_ROWS: dict[str, Callable[[Analysis, str, Lookup], Iterator[Row]]] = {
    "quotes": _quote_rows,
    "sources": _source_rows,
    "attributions": _attribution_rows,
    "claims": _claim_rows,
    "flags": _flag_rows,
}


def _error_row(f: Failure) -> Row:
    return {"doc_id": f.doc_id, "error_type": f.error_type, "error": f.error, "line": f.line}


# --------------------------------------------------------------------------- columns -> frames


class _Columns:
    """Rows gathered column by column for every frame, until :meth:`frames` builds them."""

    def __init__(self) -> None:
        self.data: dict[str, dict[str, list[object]]] = {
            name: {col: [] for col in schema} for name, schema in SCHEMAS.items()
        }
        self.count = 0  # results added

    def _append(self, name: str, row: Row) -> None:
        for col, values in self.data[name].items():
            values.append(row[col])

    def add(self, result: Analysis | Failure, position: int) -> None:
        """Add one result; an analysis without a doc_id is named by its ``position``."""
        self.count += 1
        if isinstance(result, Failure):
            self._append("errors", _error_row(result))
            return
        doc_id = result.doc_id if result.doc_id is not None else str(position)
        self._append("articles", _article_row(result, doc_id))
        lk = Lookup(result)
        for name, rows in _ITEM_ROWS.items():
            for row in rows(result, doc_id, lk):
                self._append(name, row)

    def frames(self) -> dict[str, DataFrame]:
        """Build every frame with its typed columns."""
        pd = _pandas("building DataFrames")
        return {
            name: pd.DataFrame(
                {col: _array(pd, dtype, self.data[name][col]) for col, dtype in schema.items()},
                columns=list(schema),
            )
            for name, schema in SCHEMAS.items()
        }


def _array(pd: Any, dtype: Dtype, values: list[Any]) -> Any:
    """One typed column: a categorical with the enum's full category set, or a nullable array."""
    if dtype == "string":  # Arrow-backed strings are UTF-8: a lone surrogate must be escaped
        return pd.array([text_cell(v) for v in values], dtype=dtype)
    if isinstance(dtype, str):
        return pd.array(values, dtype=dtype)
    categories = [member.value for member in dtype]
    return pd.Categorical(values, categories=categories, ordered=dtype in _ORDERED)


def _pandas(feature: str) -> Any:
    """Import pandas, or say which extra installs it."""
    try:
        import pandas
    except ImportError as exc:
        raise MissingExtraError(feature, extra="pandas", module="pandas") from exc
    return pandas


# --------------------------------------------------------------------------- public functions


def to_frames(analyses: Analysis | Iterable[Analysis | Failure]) -> dict[str, DataFrame]:
    """Return tidy DataFrames of ``analyses``, keyed by :data:`FRAMES`.

    Args:
        analyses: One :class:`Analysis`, or any iterable of them, such as a list or the
            stream :func:`quotecheck.analyze_corpus` yields; its :class:`Failure` records
            become rows of the ``errors`` frame. An analysis without a ``doc_id`` is named by
            its position (``"0"``, ``"1"``, …), as ``analyze_corpus`` names plain strings.

    Raises:
        MissingExtraError: pandas is not installed (``pip install 'news-quotecheck[pandas]'``).
        InputTypeError: ``analyses`` is not an Analysis or an iterable, or an item is not an
            Analysis or a Failure.
    """
    _pandas("to_frames")  # before any work, so a missing extra is said at once
    if isinstance(analyses, Analysis):
        analyses = [analyses]
    elif isinstance(analyses, str | bytes) or not isinstance(analyses, Iterable):
        msg = (
            f"to_frames takes an Analysis or an iterable of them, got "
            f"{type(analyses).__name__}: pass the results of quotecheck.analyze or analyze_corpus"
        )
        raise InputTypeError(msg, got=type(analyses))
    columns = _Columns()
    for position, item in enumerate(analyses):
        if not isinstance(item, Analysis | Failure):
            msg = (
                f"to_frames takes analyses, but item {position} is a {type(item).__name__}: "
                f"pass the results of quotecheck.analyze or analyze_corpus"
            )
            raise InputTypeError(msg, got=type(item))
        columns.add(item, position)
    return columns.frames()


@overload
def read_frames(path: str | os.PathLike[str], *, chunksize: None = None) -> dict[str, DataFrame]:
    pass


@overload
def read_frames(path: str | os.PathLike[str], *, chunksize: int) -> Iterator[dict[str, DataFrame]]:
    pass


def read_frames(
    path: str | os.PathLike[str], *, chunksize: int | None = None
) -> dict[str, DataFrame] | Iterator[dict[str, DataFrame]]:
    """Load the JSONL a batch wrote (``quotecheck batch -o``) into the frames of :func:`to_frames`.

    The file is read one line at a time; error records go to the ``errors`` frame, and blank
    lines are skipped. ``.gz`` files are decompressed on the fly.

    Args:
        path: The batch output file.
        chunksize: When given, return an iterator of frame dicts, each from at most this many
            lines, so a corpus larger than memory can be aggregated piece by piece.

    Raises:
        MissingExtraError: pandas is not installed (``pip install 'news-quotecheck[pandas]'``).
        BatchError: the file does not exist, or a line is not quotecheck output (a cut-off
            last line means the batch was interrupted: finish it with ``--resume``).
        InputError: ``chunksize`` is not a positive integer.
        InputTypeError: ``path`` is not a ``str`` or ``os.PathLike``.
    """
    _pandas("read_frames")
    if not isinstance(path, str | os.PathLike):
        msg = f"path must be a str or a pathlib.Path, got {type(path).__name__}"
        raise InputTypeError(msg, got=type(path))
    path = Path(path)
    if chunksize is not None and (
        isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1
    ):
        msg = f"chunksize must be a positive number of lines, got {chunksize!r}"
        raise InputError(msg)
    if not path.is_file():
        msg = (
            f"{path} does not exist or is not a file; pass the JSONL that `quotecheck batch` wrote"
        )
        raise BatchError(msg, path=str(path))
    if chunksize is None:
        columns = _Columns()
        for position, result in enumerate(_results(path)):
            columns.add(result, position)
        return columns.frames()
    return _chunks(path, chunksize)


def _chunks(path: Path, size: int) -> Iterator[dict[str, DataFrame]]:
    """Frame dicts of ``size`` results each (the last may hold fewer; none for an empty file)."""
    columns = _Columns()
    for position, result in enumerate(_results(path)):
        columns.add(result, position)
        if columns.count == size:
            yield columns.frames()
            columns = _Columns()
    if columns.count:
        yield columns.frames()


def _open(path: Path) -> BufferedIOBase:
    return gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")


def _results(path: Path) -> Iterator[Analysis | Failure]:
    """Each non-blank line of a batch output, read back into its model."""
    with _open(path) as fh:
        for number, raw in enumerate(fh, start=1):
            if raw.strip():
                yield _parse(raw, path, number)


def _parse(raw: bytes, path: Path, number: int) -> Analysis | Failure:
    """One output line as an Analysis or, failing that, an error record."""
    try:
        return Analysis.model_validate_json(raw)
    except ValidationError as exc:
        try:
            return Failure.model_validate_json(raw)
        except ValidationError:
            pass
        first = exc.errors(include_url=False)[0]
        where = ".".join(map(str, first["loc"])) or "the line"
        cut = "" if raw.endswith(b"\n") else " (it is cut off: was the batch interrupted?)"
        msg = (
            f"{path}:{number} is not quotecheck batch output{cut}: {where}: {first['msg']}; "
            f"read the file `quotecheck batch -o` wrote, and finish an interrupted one with "
            f"--resume"
        )
        raise BatchError(msg, path=str(path)) from None
