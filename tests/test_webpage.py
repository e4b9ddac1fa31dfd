"""Web pages: sniffing HTML, extracting the article with trafilatura, and refusing it without."""

from __future__ import annotations

import json
import socket
import sys
from pathlib import Path
from typing import Any

import pytest

import quotecheck as qc
from quotecheck.corpus.batch import analyze_corpus
from quotecheck.integrations.webpage import analyze_html, extract_page, looks_like_html
from quotecheck.models import Analysis, Failure, Span
from tests.conftest import ROOT, readme_block, readme_session

DATA = Path(__file__).resolve().parent / "data"
PAGE_PATH = DATA / "news-page.html"
PAGE = PAGE_PATH.read_text("utf-8")

# What the saved page holds around its article, none of which may reach the analysis.
NOT_ARTICLE = (
    "This string is code",  # a quote-like string inside a <script> in the head
    "injected",  # another in a script at the end of the body
    "dataLayer",
    "ADVERTISEMENT",
    "Sponsored",
    "garden furniture",
    "Most read",
    "Ferry timetable",
    "Subscribe",
    "All rights reserved",
    "&ldquo;",
    "&rsquo;",
)


def _spans(analysis: Analysis) -> list[Span]:
    """Every Span an analysis reports, for the offset check."""
    spans = [s for q in analysis.quotes for s in (q.span, q.marks)]
    spans += [m for s in analysis.sources for m in s.mentions]
    spans += [a.content for a in analysis.attributions]
    spans += [c.span for c in analysis.claims] + [f.span for f in analysis.flags]
    return spans


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any attempt to open a connection or resolve a host fail the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        pytest.fail("the network was used")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def without_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``import trafilatura`` fail, as when the html extra is not installed."""
    monkeypatch.setitem(sys.modules, "trafilatura", None)


# --------------------------------------------------------------------------- sniffing


@pytest.mark.parametrize(
    "head",
    [
        "<!DOCTYPE html><html>",
        "<!doctype HTML>\n<html lang=en>",
        "\ufeff  \n<html>",
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>',
        "<!-- saved from url=(0042)https://example.org -->\n<html>",
        "<!-- one --><!-- two -->\n<!doctype html>",
    ],
    ids=["doctype", "lowercase", "bom-and-space", "xml-declaration", "comment", "two-comments"],
)
def test_html_documents_are_recognised(head: str) -> None:
    """A doctype or <html> opening, after a BOM, a declaration or comments, makes a page HTML."""
    assert looks_like_html(head + "<body><p>Hi.</p></body></html>")
    assert looks_like_html((head + "<body></body>").encode("utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        "“Hi,” she said of the <html> tag.",
        "The <!DOCTYPE html> line opens every page, the tutor said.",
        "<p>A fragment, not a page.</p>",
        "<!-- a comment that never closes <html>",
        "",
        " " * 5000 + "<html>",
    ],
    ids=["tag-in-prose", "doctype-in-prose", "fragment", "open-comment", "empty", "far-away"],
)
def test_text_is_not_taken_for_html(text: str) -> None:
    """Prose that mentions tags, a fragment, or a tag past the sniffed start is not a page."""
    assert not looks_like_html(text)


# --------------------------------------------------------------------------- extraction


def test_a_news_page_is_analysed_as_its_article(no_network: None) -> None:
    """The saved page's article is extracted and analysed; scripts, ads and navigation are not."""
    pytest.importorskip("trafilatura")
    analysis = analyze_html(PAGE, doc_id="ledger")
    page = analysis.page
    assert page is not None
    assert (page.title, page.author, page.date) == (
        "Harbour bridge repairs to cost twice the estimate",
        "Maren Okafor",
        "2026-03-14",
    )
    assert page.sitename == "The Coastal Ledger"
    assert page.url == "https://ledger.example/news/harbour-bridge-repairs"
    for junk in NOT_ARTICLE:
        assert junk not in page.text, junk
    assert "“The cables are in worse shape" in page.text  # &ldquo; decoded
    assert "council’s head" in page.text  # &rsquo; decoded
    assert [q.span.text for q in analysis.quotes] == [
        "The cables are in worse shape than anyone expected,",
        "We cannot keep the bridge open to lorries while we work.",
        "a scandal that was years in the making",
    ]
    speaker = next(s for s in analysis.sources if s.id == analysis.attributions[1].source_id)
    assert speaker.name == "Priya Raman"
    assert analysis == qc.analyze(page.text, doc_id="ledger").model_copy(update={"page": page})


def test_offsets_index_the_extracted_text() -> None:
    """Every span of a page's analysis indexes analysis.page.text, which the result carries."""
    pytest.importorskip("trafilatura")
    analysis = analyze_html(PAGE)
    assert analysis.page is not None
    text = analysis.page.text
    assert analysis.length == len(text)
    spans = _spans(analysis)
    assert len(spans) > 20
    for span in spans:
        assert text[span.start : span.end] == span.text
    back = Analysis.model_validate_json(analysis.model_dump_json())
    assert back == analysis


def test_bytes_in_the_pages_own_encoding() -> None:
    """A page given as bytes is decoded by its declared charset, not assumed to be UTF-8."""
    pytest.importorskip("trafilatura")
    latin = PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace(
        "Priya Raman", "Zoë Raman"
    )
    raw = latin.replace("&ldquo;", '"').replace("&rdquo;", '"').replace("&rsquo;", "'")
    analysis = analyze_html(raw.encode("iso-8859-1", "replace"))
    assert analysis.page is not None
    assert "Zoë Raman" in analysis.page.text


def test_a_page_without_an_article_is_an_input_error() -> None:
    """An empty page raises InputError saying no article text was found."""
    pytest.importorskip("trafilatura")
    with pytest.raises(qc.InputError, match="no article text"):
        analyze_html("<!doctype html><html><head><title>x</title></head><body></body></html>")


def test_wrong_type_is_an_input_type_error() -> None:
    """Passing something other than str or bytes raises InputTypeError."""
    with pytest.raises(qc.InputTypeError, match="str or bytes"):
        extract_page(42)  # type: ignore[arg-type]
    with pytest.raises(qc.InputTypeError, match="url must be a str or None, got int"):
        extract_page(PAGE, url=42)  # type: ignore[arg-type]


def test_a_known_genre_is_passed_through() -> None:
    """analyze_html takes the caller's genre as analyze does; an unknown one is an InputError."""
    pytest.importorskip("trafilatura")
    analysis = analyze_html(PAGE, genre="opinion")
    assert analysis.page is not None
    assert (analysis.genre.kind.value, analysis.genre.given) == ("opinion", True)
    expected = qc.analyze(analysis.page.text, genre="opinion")
    assert analysis == expected.model_copy(update={"page": analysis.page})
    with pytest.raises(qc.InputError, match="'poem' is not a genre"):
        analyze_html(PAGE, genre="poem")


def test_without_trafilatura_pages_are_refused(without_trafilatura: None) -> None:
    """Without the html extra, analyze_html raises MissingExtraError naming the extra."""
    with pytest.raises(qc.MissingExtraError, match=r"news-quotecheck\[html\]") as caught:
        analyze_html(PAGE)
    assert isinstance(caught.value, ImportError)
    assert (caught.value.extra, caught.value.module) == ("html", "trafilatura")


# --------------------------------------------------------------------------- batch


def test_batch_records_holding_pages_are_extracted() -> None:
    """A corpus record whose text is an HTML page is analysed as its article, in the worker."""
    pytest.importorskip("trafilatura")
    records = [{"id": "page", "text": PAGE}, {"id": "plain", "text": "It rained."}]
    page, plain = analyze_corpus(records, engine="serial")
    assert isinstance(page, Analysis)
    assert page.page is not None
    assert page == analyze_html(PAGE, doc_id="page")
    assert isinstance(plain, Analysis)
    assert plain.page is None


def test_batch_records_holding_pages_fail_without_the_extra(without_trafilatura: None) -> None:
    """Without trafilatura, a page in a corpus becomes a Failure naming the extra, not raw text."""
    (result,) = analyze_corpus([{"id": "page", "text": PAGE}], engine="serial")
    assert isinstance(result, Failure)
    assert result.error_type == "MissingExtraError"
    assert "news-quotecheck[html]" in result.error


def test_cli_reads_a_page_as_its_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`quotecheck analyze page.html --format json` prints the page's analysis with its text."""
    pytest.importorskip("trafilatura")
    from quotecheck.cli import main

    assert main(["analyze", str(PAGE_PATH), "--format", "json"]) == 0
    printed = Analysis.model_validate(json.loads(capsys.readouterr().out))
    assert printed == analyze_html(PAGE, doc_id=str(PAGE_PATH))
    sniffed = tmp_path / "saved-page.txt"  # the wrong extension: its content says it is HTML
    sniffed.write_text(PAGE, "utf-8")
    assert main(["analyze", str(sniffed)]) == 0
    view = capsys.readouterr().out
    assert view.splitlines()[1] == (
        "web page: “Harbour bridge repairs to cost twice the estimate” by Maren Okafor, "
        "The Coastal Ledger, 2026-03-14"
    )
    assert "Priya Raman" in view
    assert "tracker" not in view
    assert main(["flag", str(PAGE_PATH), "--format", "json"]) == 0
    flags = json.loads(capsys.readouterr().out)
    assert len(flags) == len(printed.flags)


def test_cli_refuses_pages_without_the_extra(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], without_trafilatura: None
) -> None:
    """Without trafilatura, an HTML file (by name or by content) is exit 2 with one line."""
    from quotecheck.cli import EXIT_USAGE, main

    sniffed = tmp_path / "saved.txt"
    sniffed.write_text(PAGE, "utf-8")
    for name in (str(PAGE_PATH), str(sniffed)):
        for argv in (["analyze", name], ["flag", name], ["verify", name, "--source", name]):
            assert main(argv) == EXIT_USAGE
            err = capsys.readouterr().err.strip()
            assert err.count("\n") == 0
            assert err.startswith(f"quotecheck: error: {name} is an HTML page")
            assert "pip install 'news-quotecheck[html]'" in err


def test_cli_verify_reads_a_page_source_as_its_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A source document given as a web page is matched against its article text only."""
    pytest.importorskip("trafilatura")
    from quotecheck.cli import main

    article = tmp_path / "article.txt"
    article.write_text("“The cables are in worse shape than we expected,” Priya Raman said.\n")
    assert main(["verify", str(article), "--source", str(PAGE_PATH), "--format", "json"]) == 0
    (result,) = json.loads(capsys.readouterr().out)
    source = extract_page(PAGE).text
    span = result["source_span"]
    assert source[span["start"] : span["end"]] == span["text"]
    assert result["status"] in {"minor_edit", "altered"}  # "anyone" became "we"


def test_readme_web_page_lines(monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    """The README's web-page lines (no doctest: trafilatura is an extra) run after its doctest's."""
    pytest.importorskip("trafilatura")
    monkeypatch.chdir(ROOT)
    namespace = readme_session()
    exec(readme_block("## Web pages and spaCy", "analyze_html"), namespace)
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "Library opening hours cut from April | Ines Dahl | 2026-02-03",
        "We have protected the children’s reading hours,",
    ]
