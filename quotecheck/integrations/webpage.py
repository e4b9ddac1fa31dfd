"""analyze_html(html) -> Analysis: a web page's article, extracted with trafilatura, then analysed.

A saved news page is mostly not the article: navigation, advertisements, scripts, related links.
Analysed raw, a string in a ``<script>`` becomes a quote and ``&ldquo;`` is never decoded. So a
page is first reduced to its article text by trafilatura (the optional ``html`` extra), which
also reads the title, byline and date; the analysis then runs on that text, and the result
carries it as :attr:`Analysis.page <quotecheck.models.Analysis.page>`, so every offset indexes
``analysis.page.text``. Nothing is fetched: the page is given as a string or bytes, never a URL.

:func:`looks_like_html` is the sniff the command line and the batch use to route a page here
rather than analyse its markup; without trafilatura such input is refused, never read raw.
"""

from __future__ import annotations

from typing import Any

from quotecheck.config import AnalyzerConfig, given_config
from quotecheck.errors import (
    InputError,
    InputTypeError,
    MissingExtraError,
    require_optional_text,
)
from quotecheck.models import Analysis, GenreKind, Page
from quotecheck.pipeline import analyze

__all__ = ["HTML_SUFFIXES", "analyze_html", "extract_page", "looks_like_html"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
"""File name endings read as web pages."""

_SNIFF = 2048  # characters of a document's start that decide whether it is HTML
_OPENINGS = ("<!doctype html", "<html")
_PREAMBLES = (("<?", "?>"), ("<!--", "-->"))  # an XML declaration or a comment may come first


def looks_like_html(data: str | bytes) -> bool:
    """True when ``data`` opens as an HTML document (``<!doctype html`` or ``<html``).

    Leading white space, a byte-order mark, an XML declaration and comments are skipped; only
    the first couple of thousand characters are read.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("“Hi,” she said of the <html> tag.")
    False
    """
    head = data[:_SNIFF]
    start = (head.decode("utf-8", "replace") if isinstance(head, bytes) else head).lower()
    start = start.lstrip("\ufeff \t\r\n")
    stripped = True
    while stripped:
        stripped = False
        for opening, closing in _PREAMBLES:
            if start.startswith(opening):
                end = start.find(closing, len(opening))
                if end < 0:
                    return False
                start = start[end + len(closing) :].lstrip(" \t\r\n")
                stripped = True
    return start.startswith(_OPENINGS)


def _trafilatura() -> Any:
    """The trafilatura module, or the error that names the extra to install."""
    try:
        import trafilatura
    except ImportError as exc:
        feature = "reading HTML pages"
        raise MissingExtraError(feature, extra="html", module="trafilatura") from exc
    return trafilatura


def _field(document: Any, name: str) -> str | None:
    """One metadata field of trafilatura's result, as a non-empty string or None."""
    value = getattr(document, name, None)
    return str(value) if value else None


def extract_page(html: str | bytes, *, url: str | None = None) -> Page:
    """Extract the article text and metadata of a web page (no network: ``html`` is the page).

    Args:
        html: The page's markup, as ``str`` or as bytes (whose encoding trafilatura detects
            from the page itself).
        url: The page's address, if known; kept as metadata and never fetched.

    Returns:
        A :class:`~quotecheck.models.Page` with the article ``text`` and its title, author,
        date, url, site name, description and language where the page states them.

    Raises:
        MissingExtraError: trafilatura is not installed (``pip install 'news-quotecheck[html]'``).
        InputTypeError: ``html`` is neither ``str`` nor bytes, or ``url`` is not a ``str``.
        InputError: the page holds no article text.
    """
    if not isinstance(html, str | bytes):
        msg = f"html must be str or bytes, got {type(html).__name__}: pass the page's markup"
        raise InputTypeError(msg, got=type(html))
    url = require_optional_text(url, what="url")
    trafilatura = _trafilatura()
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        msg = "found no article text in the HTML page; is it a whole article page?"
        raise InputError(msg)
    fields = ("title", "author", "date", "url", "sitename", "description", "language")
    metadata = {name: _field(document, name) for name in fields}
    return Page(text=text, **metadata)


def analyze_html(
    html: str | bytes,
    doc_id: str | None = None,
    config: AnalyzerConfig | None = None,
    *,
    url: str | None = None,
    genre: GenreKind | str | None = None,
) -> Analysis:
    """Analyse the article of a web page: extract its text with trafilatura, then analyse that.

    The result's offsets index ``result.page.text``, the extracted article, which the result
    carries with the page's title, author (byline) and date. Scripts, navigation, ads and
    markup never reach the analysis, and entities such as ``&ldquo;`` arrive decoded.

    Args:
        html: The page's markup (``str`` or bytes); nothing is downloaded.
        doc_id: An id to carry into the result.
        config: Analyzer settings, as for :func:`quotecheck.analyze`.
        url: The page's address, kept as metadata.
        genre: The article's genre when the caller knows it, as for :func:`quotecheck.analyze`.

    Raises:
        MissingExtraError: trafilatura is not installed (``pip install 'news-quotecheck[html]'``).
        InputError: the page holds no article text, its text is too long, or ``genre`` names
            no genre.
        InputTypeError: ``html``, ``doc_id``, ``url`` or ``config`` has the wrong type.
    """
    # Every argument checked before the page is read: a wrong one costs no extraction.
    doc_id = require_optional_text(doc_id, what="doc_id")
    config = given_config(config)
    page = extract_page(html, url=url)
    analysis = analyze(page.text, doc_id=doc_id, config=config, genre=genre)
    return analysis.model_copy(update={"page": page})
