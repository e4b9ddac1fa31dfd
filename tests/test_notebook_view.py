"""How an Analysis shows itself: a one-line repr (plain and rich) and a scoped HTML view."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotecheck as qc
from quotecheck.errors import InputError
from quotecheck.models import FlagKind
from quotecheck.report.html import _LEGEND
from quotecheck.report.notebook import (
    SCOPE,
    analysis_html,
    analysis_repr,
    article_text,
    scope_css,
)
from tests.conftest import SEEDS

SEED = (SEEDS / "libya-special-forces.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed() -> qc.Analysis:
    return qc.analyze(SEED, doc_id="seed")


# --------------------------------------------------------------------------- repr


def test_repr_is_one_short_line_with_the_counts(seed: qc.Analysis) -> None:
    """repr names the id and counts every list, as the issue's example reads."""
    assert repr(seed) == (
        f"Analysis(doc_id='seed', 3,372 chars, {len(seed.quotes)} quotes, "
        f"{len(seed.sources)} sources, {len(seed.attributions)} attributions, "
        f"{len(seed.claims)} claims, {len(seed.flags)} flags)"
    )
    assert str(seed) == repr(seed)
    assert repr(qc.analyze("Rain.")) == (
        "Analysis(doc_id=None, 5 chars, 0 quotes, 0 sources, 0 attributions, 1 claim, 0 flags)"
    )


def test_repr_stays_one_line_however_long_the_article(seed: qc.Analysis) -> None:
    """Thirty seeds in one text still give one line under 120 characters (pydantic's: 1.3 MB)."""
    big = qc.analyze("\n\n".join([SEED] * 30), doc_id="big")
    shown = repr(big)
    assert "\n" not in shown
    assert len(shown) < 120
    assert f"{len(SEED) * 30 + 58:,} chars" in shown
    assert len(repr([seed, big]).splitlines()) == 1


def test_nested_models_keep_pydantic_reprs(seed: qc.Analysis) -> None:
    """Only Analysis is summarised: its parts keep their full field-by-field repr."""
    quote = seed.quotes[0]
    assert repr(quote).startswith(f"Quote(id='q1', span=Span(start={quote.span.start}")
    assert repr(seed.summary).startswith("SourcingSummary(sentences=")
    assert seed == qc.Analysis.model_validate_json(seed.model_dump_json())


def test_rich_repr_protocol_yields_the_summary(seed: qc.Analysis) -> None:
    """__rich_repr__ yields the id as a field, then the counts as unquoted words."""
    items = list(seed.__rich_repr__())
    assert items[0] == ("doc_id", "seed")
    assert [repr(x) for x in items[1:]] == [
        "3,372 chars",
        f"{len(seed.quotes)} quotes",
        f"{len(seed.sources)} sources",
        f"{len(seed.attributions)} attributions",
        f"{len(seed.claims)} claims",
        f"{len(seed.flags)} flags",
    ]


def test_rich_prints_the_same_line(seed: qc.Analysis) -> None:
    """rich's pretty printer shows what repr shows."""
    pretty = pytest.importorskip("rich.pretty")
    assert pretty.pretty_repr(seed, max_width=200) == analysis_repr(seed)


# --------------------------------------------------------------------------- HTML view


class _Page(HTMLParser):
    """Checks nesting; collects ids, links, tags, the article's text and the style sheet."""

    VOID = frozenset({"br", "meta", "link", "img", "hr", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.ids: list[str] = []
        self.refs: list[str] = []
        self.tags: list[str] = []
        self.article: list[str] = []
        self.css: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        if tag not in self.VOID:
            self.stack.append(tag)
        self.ids += [a["id"] or ""] if "id" in a else []
        self.refs += [(a["href"] or "")[1:]] if (a.get("href") or "").startswith("#") else []
        self.refs += [a[k] or "" for k in ("aria-describedby", "data-desc") if k in a]

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack.pop() == tag, f"</{tag}> closes the wrong element"

    def handle_data(self, data: str) -> None:
        if "style" in self.stack:
            self.css.append(data)
        elif "article" in self.stack:
            self.article.append(data)


def _read(view: str) -> _Page:
    page = _Page()
    page.feed(view)
    page.close()
    assert page.stack == [], "unclosed elements"
    return page


def test_view_shows_the_article_legend_and_flags(seed: qc.Analysis) -> None:
    """The article's text in full, every legend kind, every flag, and no script."""
    view = seed._repr_html_()
    page = _read(view)
    assert "".join(page.article) == SEED  # the seed parts its paragraphs with blank lines
    assert "script" not in page.tags
    for _key, label, _meaning in _LEGEND:
        assert f'data-label="{label}"' in view
    assert view.count('<li class="qc-sev-') == len(seed.flags)
    assert view.count('class="qc qc-k-flag') >= len(seed.flags)
    assert FlagKind.editorial_framing.value.replace("_", " ") in view
    assert view.startswith(f'<div class="{SCOPE}"><style>')


def test_view_ids_are_unique_and_links_stay_inside_one_view(seed: qc.Analysis) -> None:
    """Two views on one page share no id, and every link or description resolves in its own."""
    first, second = _read(seed._repr_html_()), _read(seed._repr_html_())
    for page in (first, second):
        assert len(page.ids) == len(set(page.ids)) > 20
        assert set(page.refs) <= set(page.ids)
        assert len(page.refs) > 20
    assert not set(first.ids) & set(second.ids)


def test_view_css_cannot_restyle_the_notebook(seed: qc.Analysis) -> None:
    """Every selector of the view's style sheet starts with the wrapper class."""
    css = "".join(_read(seed._repr_html_()).css)
    selectors = [
        s.strip()
        for prelude in re.findall(r"(?:^|[{}])\s*([^{}@]+?)\s*\{", css)
        for s in prelude.split(",")
    ]
    assert len(selectors) > 50
    outside = [s for s in selectors if not s.startswith(f".{SCOPE}")]
    assert outside == []
    assert "@media (max-width: 800px)" in css


def test_view_with_the_text_and_refusal_of_another_text() -> None:
    """Given its own text the view shows it exactly; a text of another length is refused."""
    text = "First line.\r\n\r\n  “Second,” she said.  "
    a = qc.analyze(text)
    assert "".join(_read(analysis_html(a, text)).article) == text
    shown = "".join(_read(analysis_html(a)).article)
    assert len(shown) == len(text)
    assert shown.split() == text.split()
    with pytest.raises(InputError, match="covers 38 characters but the text has 3"):
        analysis_html(a, "abc")


def test_article_text_escapes_markup_in_the_article() -> None:
    """Angle brackets and quotes in the article are text, never markup."""
    text = '<script>alert("x")</script> “<b>bold</b>,” he said.'
    view = qc.analyze(text)._repr_html_()
    page = _read(view)
    assert "script" not in page.tags
    assert "b" not in page.tags
    assert "".join(page.article) == text


@given(
    st.lists(
        st.text(alphabet="ab “”\"'.,", min_size=1, max_size=30).filter(str.strip),
        min_size=1,
        max_size=5,
    ),
    st.lists(st.sampled_from(["\n", "\n\n", "\r\n", "\n \n", "  \n\n\t"]), min_size=4),
)
def test_rebuilt_text_keeps_every_span_true(paragraphs: list[str], gaps: list[str]) -> None:
    """article_text has the analysis' length, and every span of it reads true on the rebuild."""
    text = "".join(p + g for p, g in zip(paragraphs, gaps, strict=False))
    a = qc.analyze(text)
    rebuilt = article_text(a)
    assert len(rebuilt) == len(text)
    spans = [
        *(q.marks for q in a.quotes),
        *(x.content for x in a.attributions),
        *(c.span for c in a.claims),
        *(f.span for f in a.flags),
        *(m for s in a.sources for m in s.mentions),
    ]
    for span in spans:
        assert rebuilt[span.start : span.end] == span.text
    assert rebuilt.split() == text.split()


def test_scope_css_places_every_rule_under_the_wrapper() -> None:
    """Page-wide selectors become the wrapper, others go under it, media queries recurse."""
    css = (
        "/* a { comment } */ :root { --x: 1; } html { a: b; } body .x, .y:is(.a, .b) { c: d; }\n"
        "* { box-sizing: border-box; } @media print { body { e: f; } .z { g: h; } }"
    )
    assert scope_css(css, "w") == (
        ".w { --x: 1; }\n"
        ".w { a: b; }\n"
        ".w .x, .w .y:is(.a, .b) { c: d; }\n"
        ".w, .w * { box-sizing: border-box; }\n"
        "@media print {\n.w { e: f; }\n.w .z { g: h; }\n}\n"
    )
