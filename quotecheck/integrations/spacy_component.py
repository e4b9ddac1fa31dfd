"""The spaCy pipeline component: ``nlp.add_pipe("quotecheck")`` (the optional ``spacy`` extra).

The component runs :func:`quotecheck.analyze` on ``doc.text`` and lays the result over the doc's
tokens as spaCy ``Span`` objects:

* ``doc._.quotes``: one span per quote (the words between the marks), labelled with its
  ``QuoteKind``; ``span._.source`` is the ``Source`` credited with it, or None.
* ``doc._.sources``: one span per mention of a source, labelled with its ``SourceKind``.
* ``doc._.attributions``: one span per attributed content, labelled with its source's kind.
* ``doc._.claims``: one span per sentence, labelled with its ``ClaimKind``.
* ``doc._.quotecheck``: the whole :class:`~quotecheck.models.Analysis`.

Every span also carries ``span._.quotecheck`` (the model it stands for: a ``Quote``, ``Source``,
``Attribution`` or ``Claim``), ``span._.quotecheck_span`` (quotecheck's exact character
``Span``) and ``span._.quotecheck_expanded``. quotecheck's offsets are characters, spaCy's are
tokens: a character span that does not fall on token boundaries (``“Yes,”she said`` keeps
``Yes,”she`` as one token) is expanded to the tokens it touches, never dropped, and
``quotecheck_expanded`` is then True. ``span.id_`` names the item: ``quote:q1``,
``source:s2:0`` (the first mention of source ``s2``), ``attribution:a3``, ``claim:0``.

The component keeps only plain data on the doc (the analysis as JSON-ready values, the token
spans as numbers) and the extensions are getters over it, so docs still serialise:
``doc.to_bytes()``, ``DocBin(store_user_data=True)`` and ``nlp.pipe(texts, n_process=2)`` work.
Each read of ``doc._.quotecheck`` rebuilds the Analysis model (about 1 ms for a 3,000-character
article), so read it once per doc.

spaCy finds the factory through the ``spacy_factories`` entry point this package declares, so
``nlp.add_pipe("quotecheck")`` works once quotecheck is installed, even before anything imports
it; importing this module registers it too (e.g. when running from a source checkout).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan

from quotecheck.config import AnalyzerConfig
from quotecheck.models import Analysis, Attribution, Claim, Quote, Source
from quotecheck.models import Span as CharSpan
from quotecheck.pipeline import analyze

__all__ = ["FACTORY", "QuotecheckComponent", "make_quotecheck"]

FACTORY = "quotecheck"
"""The component's name in spaCy: ``nlp.add_pipe(FACTORY)``."""

_STATE = ("quotecheck", "state")  # key in doc.user_data; a tuple, as spaCy's own keys are
_COLLECTIONS = ("quotes", "sources", "attributions", "claims")
_MODELS: dict[str, type[Quote | Source | Attribution | Claim]] = {
    "quotes": Quote,
    "sources": Source,
    "attributions": Attribution,
    "claims": Claim,
}

# One item of a doc: (collection, index in the analysis' list, char start, char end, index of
# its source in analysis.sources or -1). Plain values, so the doc stays serialisable.
_Item = tuple[str, int, int, int, int]


# --------------------------------------------------------------------------- the component


class QuotecheckComponent:
    """A spaCy pipeline component that analyses ``doc.text`` and sets the ``doc._`` spans."""

    def __init__(self, name: str = FACTORY, config: AnalyzerConfig | None = None) -> None:
        _register_extensions()
        self.name = name
        self.config = config

    def __call__(self, doc: Doc) -> Doc:
        """Analyse ``doc`` and store what ``doc._.quotecheck``, ``quotes``, ``sources``,
        ``attributions`` and ``claims`` read."""
        analysis = analyze(doc.text, config=self.config)
        user_data: dict[Any, Any] = doc.user_data  # keys are tuples, as spaCy's own
        user_data[_STATE] = _state(doc, analysis)
        return doc


def make_quotecheck(nlp: Language, name: str) -> QuotecheckComponent:
    """spaCy's factory for the component (what ``nlp.add_pipe("quotecheck")`` calls)."""
    return QuotecheckComponent(name)


def _state(doc: Doc, analysis: Analysis) -> dict[str, Any]:
    """The plain data the extensions read: the analysis, and each item's token span."""
    source_at = {s.id: i for i, s in enumerate(analysis.sources)}
    credited = {a.id: source_at[a.source_id] for a in analysis.attributions}
    items: dict[str, _Item] = {}
    spans: dict[str, list[tuple[int, int, str, str]]] = {name: [] for name in _COLLECTIONS}
    ends = [token.idx + len(token) for token in doc]  # sorted: tokens do not overlap

    def add(collection: str, key: str, label: str, char: CharSpan, index: int, src: int) -> None:
        items[key] = (collection, index, char.start, char.end, src)
        spans[collection].append((*_token_bounds(doc, ends, char), label, key))

    for i, q in enumerate(analysis.quotes):
        speaker = credited.get(q.attribution_id or "", -1)
        add("quotes", f"quote:{q.id}", q.kind.value, q.span, i, speaker)
    for i, s in enumerate(analysis.sources):
        for n, mention in enumerate(s.mentions):
            add("sources", f"source:{s.id}:{n}", s.kind.value, mention, i, i)
    spans["sources"].sort()  # mentions in text order, as spaCy users expect spans
    for i, a in enumerate(analysis.attributions):
        kind = analysis.sources[credited[a.id]].kind.value
        add("attributions", f"attribution:{a.id}", kind, a.content, i, credited[a.id])
    for i, c in enumerate(analysis.claims):
        add("claims", f"claim:{c.index}", c.kind.value, c.span, i, -1)
    return {"analysis": analysis.model_dump(mode="json"), "items": items, "spans": spans}


def _token_bounds(doc: Doc, ends: list[int], char: CharSpan) -> tuple[int, int]:
    """The tokens covering ``char``, expanded to token boundaries; empty where it falls if blank."""
    found = doc.char_span(char.start, char.end, alignment_mode="expand")
    if found is not None:
        return found.start, found.end
    at = bisect_right(ends, char.start)  # an empty or blank stretch: no token to cover
    return at, at


# --------------------------------------------------------------------------- extensions


def _stored(doc: Doc) -> dict[str, Any] | None:
    """What the component stored on ``doc``, or None when it has not run on it."""
    user_data: dict[Any, Any] = doc.user_data  # spaCy types its keys as str; its own are tuples
    state: dict[str, Any] | None = user_data.get(_STATE)
    return state


def _doc_analysis(doc: Doc) -> Analysis | None:
    """``doc._.quotecheck``: the whole Analysis, or None before the component ran."""
    state = _stored(doc)
    return None if state is None else Analysis.model_validate(state["analysis"])


def _doc_spans(collection: str) -> Any:
    """The getter of ``doc._.<collection>``: token spans in order, None before the component."""

    def spans(doc: Doc) -> list[TokenSpan] | None:
        state = _stored(doc)
        if state is None:
            return None
        return [
            TokenSpan(doc, start, end, label=label, span_id=key)
            for start, end, label, key in state["spans"][collection]
        ]

    return spans


def _item(span: TokenSpan) -> tuple[dict[str, Any], _Item] | None:
    """The stored analysis and the item a span of ours stands for; None for other spans."""
    state = _stored(span.doc)
    item = None if state is None else state["items"].get(span.id_)
    if state is None or item is None:
        return None
    collection, index, start, end, source = item  # a list once the doc went through msgpack
    return state["analysis"], (collection, index, start, end, source)


def _span_model(span: TokenSpan) -> Quote | Source | Attribution | Claim | None:
    """``span._.quotecheck``: the Quote, Source, Attribution or Claim the span stands for."""
    found = _item(span)
    if found is None:
        return None
    analysis, (collection, index, *_) = found
    return _MODELS[collection].model_validate(analysis[collection][index])


def _span_source(span: TokenSpan) -> Source | None:
    """``span._.source``: the source credited (quotes, attributions) or mentioned (sources)."""
    found = _item(span)
    if found is None or found[1][4] < 0:
        return None
    return Source.model_validate(found[0]["sources"][found[1][4]])


def _span_char(span: TokenSpan) -> CharSpan | None:
    """``span._.quotecheck_span``: quotecheck's exact character span, before any expansion."""
    found = _item(span)
    if found is None:
        return None
    start, end = found[1][2], found[1][3]
    return CharSpan(start=start, end=end, text=span.doc.text[start:end])


def _span_expanded(span: TokenSpan) -> bool | None:
    """``span._.quotecheck_expanded``: True when the token span is not exactly the characters."""
    found = _item(span)
    if found is None:
        return None
    return (span.start_char, span.end_char) != (found[1][2], found[1][3])


_SPAN_GETTERS = {
    "quotecheck": _span_model,
    "source": _span_source,
    "quotecheck_span": _span_char,
    "quotecheck_expanded": _span_expanded,
}


def _register_extensions() -> None:
    """Declare the ``doc._`` and ``span._`` attributes the component provides (once)."""
    if not Doc.has_extension("quotecheck"):
        Doc.set_extension("quotecheck", getter=_doc_analysis)
    for collection in _COLLECTIONS:
        if not Doc.has_extension(collection):
            Doc.set_extension(collection, getter=_doc_spans(collection))
    for name, getter in _SPAN_GETTERS.items():
        if not TokenSpan.has_extension(name):
            TokenSpan.set_extension(name, getter=getter)


# Registered by a call, not a decorator: spaCy's registry may load this module through the entry
# point while the call runs, and the entry point must then find make_quotecheck already bound.
Language.factory(FACTORY, func=make_quotecheck)
_register_extensions()
