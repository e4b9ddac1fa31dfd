"""Hostile article text stays inert: terminal views show escapes, the HTML report isolates bidi."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import quotecheck as qc
from quotecheck.cli import EXIT_OK, main
from quotecheck.report import render
from quotecheck.report.common import visible

# Retitles the window, clears the screen, rings the bell, returns the carriage, reverses text.
HOSTILE = (
    "\x1b]0;pwned\x07Officials said\x1b[2J the plan would fail.\r\n\n"
    "“We will \u202estay,” the minister said\x1b[31m on Monday.\n\n"
    "Reportedly\u202e, the mayor resigned, according to the \u2067city council."
)
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_visible_escapes_controls_and_bidi_only() -> None:
    """visible() escapes controls, bidi controls and lone surrogates and keeps other text."""
    assert visible("a\x1bb\x07c\u202ed\ud800e") == "a\\x1bb\\x07c\\u202ed\\ud800e"
    assert visible("“Qué?” — she said.\tNext\nline") == "“Qué?” — she said.\tNext\nline"


@pytest.mark.parametrize("color", ["never", "always"])
def test_analyze_text_view_shows_escapes(
    tmp_path: Path, color: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`analyze` prints the article's escape sequences as text, never the raw characters."""
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8", newline="")
    assert main(["analyze", str(path), "--color", color, "--id", "doc\x1b[2J"]) == EXIT_OK
    out = capsys.readouterr().out
    own_colours = re.sub(r"\x1b\[[0-9;]*m", "", out) if color == "always" else out
    assert not _UNSAFE.search(own_colours.replace("\n", "")), own_colours
    assert "\\x1b[31m on Monday" in out  # a flagged stretch, shown escaped
    assert "doc\\x1b[2J" in out  # the --id too


def test_analyze_json_keeps_the_exact_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """JSON output is not escaped for the terminal: it carries the text exactly."""
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8", newline="")
    assert main(["analyze", str(path), "--format", "json"]) == EXIT_OK
    analysis = qc.Analysis.model_validate_json(capsys.readouterr().out)
    assert analysis == qc.analyze(HOSTILE, doc_id=str(path))


def test_flag_and_verify_show_escapes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`flag` lines and the `verify` table show escapes for the article's and sources' text."""
    article = tmp_path / "a\x1b[2J.txt"
    article.write_text(HOSTILE, encoding="utf-8", newline="")
    source = tmp_path / "source.txt"
    source.write_text("The minister: We will \u202estay\x1b[31m, no matter what.", encoding="utf-8")
    assert main(["flag", str(article)]) == EXIT_OK
    flagged = capsys.readouterr().out
    assert flagged
    assert not _UNSAFE.search(flagged.replace("\n", "")), flagged
    assert "a\\x1b[2J.txt:" in flagged
    assert main(["verify", str(article), "--source", str(source), "--color", "never"]) == EXIT_OK
    table = capsys.readouterr().out
    assert "\\u202e" in table
    assert not _UNSAFE.search(table.replace("\n", "")), table


class _Isolation(HTMLParser):
    """Records every bidi control of the page's text and attributes that is not isolated."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open <bdi> elements
        self.bare: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "bdi":
            self.depth += 1
        for _, value in attrs:
            self._check(value or "", isolated=False)

    def handle_endtag(self, tag: str) -> None:
        if tag == "bdi":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        self._check(data, isolated=self.depth > 0)

    def _check(self, data: str, *, isolated: bool) -> None:
        if isolated:
            return
        # Outside <bdi>, an opener may only stand between an FSI (U+2068) and its PDI (U+2069).
        outside = re.sub("\u2068[^\u2068\u2069]*\u2069", "", data)
        self.bare += re.findall("[\u202a-\u202e\u2066\u2067]", outside)


def test_html_report_isolates_bidi_controls() -> None:
    """Every override or isolate opener from the article sits inside <bdi> or FSI…PDI."""
    analysis = qc.analyze(HOSTILE, doc_id="\u202eevil")
    page = render(HOSTILE, analysis, "html")
    assert "\u202e" in page  # the article is shown as it is, not cleaned
    checker = _Isolation()
    checker.feed(page)
    assert checker.bare == []
    assert checker.depth == 0


def test_html_report_of_plain_text_has_no_isolation_in_the_article() -> None:
    """Articles without bidi controls keep their plain markup: <bdi> only where needed."""
    text = "“We will stay,” the minister said on Monday."
    page = render(text, qc.analyze(text), "html")
    article = page.split('id="qc-article"', 1)[1].split("</article>", 1)[0]
    assert "<bdi>" not in article


def test_batch_log_lines_show_escapes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The batch's last line names the output: a name holding an escape sequence retitled the
    terminal (and one with bytes that are not UTF-8 lost the line); it is shown escaped."""
    corpus = tmp_path / "in.jsonl"
    corpus.write_text('{"id": "a", "text": "“Hi,” she said."}\n', encoding="utf-8")
    out = tmp_path / "o\x1b]0;pwned\x07\udcff.jsonl"
    assert main(["batch", str(corpus), "-o", str(out), "--engine", "serial"]) == EXIT_OK
    err = capsys.readouterr().err
    assert err.endswith("-> " + visible(str(out)) + "\n")
    assert "o\\x1b]0;pwned\\x07\\udcff.jsonl" in err
    assert not _UNSAFE.search(err.replace("\n", ""))


def test_html_views_hold_no_raw_control_characters() -> None:
    """The report page and the notebook view carried the article's (and the id's) escape
    sequences raw: `cat report.html` retitled the terminal. Controls HTML does not allow are
    shown as their pictures (ESC as ␛); tab, line feed and carriage return stay."""
    text = HOSTILE + "\x00 and\x85 the\x7f end."
    analysis = qc.analyze(text, doc_id="id\x1b[2J")
    page = render(text, analysis, "html")
    view = qc.analyze(text)._repr_html_()  # the notebook view
    for html_text in (page, view):
        assert not re.search("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]", html_text)
        assert "␛]0;pwned␇" in html_text
        assert "␛[31m" in html_text
    assert "\r\n" in page  # the notebook view rebuilds the white space between paragraphs
    assert "id␛[2J" in page
