"""The report renderer: terminal view, JSON and the self-contained, escaped HTML report."""

from __future__ import annotations

import html
import json
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotecheck as qc
from quotecheck.models import (
    Analysis,
    Attribution,
    Claim,
    ClaimKind,
    CueKind,
    Flag,
    FlagKind,
    Quote,
    QuoteKind,
    SentenceRole,
    Severity,
    Signal,
    SignalKind,
    Source,
    SourceKind,
    SourcingSummary,
    Span,
)
from quotecheck.report import FORMATS, line_cols, render
from tests.conftest import SEEDS

SEED = (SEEDS / "libya-special-forces.txt").read_text("utf-8")


def span_of(text: str, needle: str, after: int = 0) -> Span:
    """Return the Span of the first ``needle`` in ``text`` at or after ``after``."""
    start = text.index(needle, after)
    return Span(start=start, end=start + len(needle), text=needle)


def hand_built(text: str = SEED) -> Analysis:
    """A hand-made analysis of the seed with every kind of span, independent of the stages."""
    direct = span_of(text, "US forces have gone in and out")
    q1_inner = span_of(text, text[direct.start : text.index("do so,", direct.start) + 6])
    q1 = Quote(
        id="q1",
        span=q1_inner,
        marks=span_of(text, f"“{q1_inner.text}”"),
        kind=QuoteKind.direct,
        attribution_id="a1",
        paragraph=2,
        reasons=("the quote is the sentence's main clause",),
    )
    q2_inner = span_of(text, "joint operations rooms,")
    q2 = Quote(
        id="q2",
        span=q2_inner,
        marks=span_of(text, "“joint operations rooms,”"),
        kind=QuoteKind.partial,
        attribution_id="a1",
        paragraph=3,
    )
    scare = span_of(text, "“war against the Islamic State,”")
    q3 = Quote(
        id="q3",
        span=Span(start=scare.start + 1, end=scare.end - 1, text=scare.text[1:-1]),
        marks=scare,
        kind=QuoteKind.scare,
        paragraph=6,
    )
    s1 = Source(
        id="s1",
        kind=SourceKind.person,
        name="Gordon Trowbridge",
        role="US Deputy Defense Press Secretary",
        mentions=(span_of(text, "Gordon Trowbridge"), span_of(text, "Trowbridge", 700)),
    )
    s2 = Source(
        id="s2",
        kind=SourceKind.anonymous,
        descriptor="unnamed Defense Department sources",
        mentions=(span_of(text, "unnamed Defense Department sources"),),
    )
    s3 = Source(
        id="s3",
        kind=SourceKind.media,
        name="the Washington Post",
        mentions=(span_of(text, "the Washington Post"),),
    )
    s4 = Source(
        id="s4",
        kind=SourceKind.vague,
        descriptor="reportedly",
        mentions=(span_of(text, "reportedly"),),
    )
    a1 = Attribution(
        id="a1",
        source_id="s1",
        cue=span_of(text, "said", q1.marks.end),
        cue_kind=CueKind.speech_verb,
        content=q1.span,
        quote_ids=("q1",),
        when=span_of(text, "on Wednesday"),
        reasons=("speech verb after the quote",),
    )
    a2 = Attribution(
        id="a2",
        source_id="s2",
        cue=span_of(text, "told"),
        cue_kind=CueKind.speech_verb,
        content=span_of(
            text, "The Pentagon established at least two secret bases in Libya last fall"
        ),
        via_source_id="s3",
    )
    vague = span_of(text, "which have reportedly succeeded in retaking some 70 percent of Sirte")
    a3 = Attribution(
        id="a3",
        source_id="s4",
        cue=span_of(text, "reportedly"),
        cue_kind=CueKind.vague,
        content=vague,
    )
    first = span_of(text, text[52:324])
    imperialist = span_of(text, "imperialist")
    editorial = span_of(
        text, text[text.index("These operations") : text.index("Africa.", 1500) + 7]
    )
    claims = (
        Claim(index=1, span=first, kind=ClaimKind.unattributed, reasons=("no source or cue",)),
        Claim(
            index=7,
            span=editorial,
            kind=ClaimKind.editorial,
            framing=(Signal(kind=SignalKind.evaluative, span=imperialist, lexicon="imperialist"),),
            reasons=("evaluative term 'imperialist'",),
        ),
        Claim(
            index=2,
            span=span_of(text, text[326:560]),
            kind=ClaimKind.quoted,
            attribution_ids=("a1",),
        ),
    )
    flags = (
        Flag(
            kind=FlagKind.unattributed_claim,
            span=first,
            message="no source",
            severity=Severity.medium,
        ),
        Flag(
            kind=FlagKind.editorial_framing,
            span=editorial,
            message="loaded terms",
            severity=Severity.high,
        ),
        Flag(
            kind=FlagKind.anonymous_source,
            span=s2.mentions[0],
            message="anonymous",
            severity=Severity.low,
        ),
    )
    return Analysis(
        doc_id="seed",
        length=len(text),
        quotes=(q1, q2, q3),
        sources=(s1, s2, s3, s4),
        attributions=(a1, a2, a3),
        claims=claims,
        flags=flags,
        summary=SourcingSummary(
            sentences=16,
            claims_by_kind={"quoted": 3, "attributed": 2, "unattributed": 8, "editorial": 3},
            quotes_by_kind={"direct": 1, "partial": 4, "scare": 1},
            named_share=0.3,
            anonymous_share=0.1,
            unattributed_share=0.6,
            distinct_named_sources=2,
        ),
    )


class _Collector(HTMLParser):
    """Collect the article's text, its span nesting, and any script or event handler."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside the article element, counting open tags
        self.article_text: list[str] = []
        self.open_spans = 0
        self.balanced = True
        self.scripts = 0
        self.handlers: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag == "script":
            self.scripts += 1
        self.handlers += [k for k in names if k.startswith("on")]
        if names.get("id"):
            self.ids.append(str(names["id"]))
        if names.get("id") == "qc-article":
            self.depth = 1
        elif self.depth:
            self.depth += 1
            self.open_spans += tag == "span"

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
            self.open_spans -= tag == "span"
            self.balanced &= self.open_spans >= 0

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.article_text.append(data)


def parse(page: str) -> _Collector:
    """Parse a rendered page."""
    c = _Collector()
    c.feed(page)
    c.close()
    return c


def test_html_article_text_round_trips() -> None:
    """The article's visible text in the report is exactly the input text."""
    c = parse(render(SEED, hand_built(), "html"))
    assert "".join(c.article_text) == SEED
    assert c.balanced
    assert c.open_spans == 0


def test_html_has_every_kind_legend_and_panels() -> None:
    """Every span kind appears, with a legend, sources with mention links, and linked flags."""
    page = render(SEED, hand_built(), "html")
    for kind in (
        "direct",
        "partial",
        "scare",
        "attributed",
        "anonymous",
        "vague",
        "unattributed",
        "editorial",
        "signal",
        "mention",
        "cue",
    ):
        assert f'class="qc qc-k-{kind}' in page, kind
        assert f'data-kind="{kind}"' in page, kind
    ids = set(parse(page).ids)
    for link in ("qc-f0", "qc-f1", "qc-f2", "qc-s0-0", "qc-s0-1", "qc-a1"):
        assert f'href="#{link}"' in page
        assert link in ids
    assert "Gordon Trowbridge, US Deputy Defense Press Secretary" in page
    assert "<li>Cue: “\u2068said\u2069” (neutral)</li>" in page  # the cue, bidi-isolated
    assert 'style="width:60.0%"' in page  # the unattributed share bar


def test_html_spans_focusable_and_described() -> None:
    """Every highlighted span's first piece is keyboard-focusable and points at a description."""
    page = render(SEED, hand_built(), "html")
    ids = set(parse(page).ids)
    opened = page.count('aria-describedby="')
    assert opened >= 15
    assert page.count('tabindex="0"') >= opened - len(hand_built().flags)
    for ref in __import__("re").findall(r'aria-describedby="([^"]+)"', page):
        assert ref in ids


def test_html_self_contained() -> None:
    """The page loads nothing from anywhere: no external stylesheet, script, image or font."""
    page = render(SEED, hand_built(), "html")
    for needle in ("<link", "src=", "http://", "https://", "@import", "url("):
        assert needle not in page, needle
    assert '<meta name="viewport"' in page
    assert "@media (max-width" in page


HOSTILE = (
    'Officials said <script>document.title="PWNED"</script> and '
    '"><img src=x onerror="alert(1)"> & <b>bold</b> {{css}} $title “trust us,” a source said.'
)


def test_html_escapes_hostile_article() -> None:
    """Markup in the article is shown as text: no script, no handler, no tag gets through."""
    analysis = qc.analyze(HOSTILE, doc_id='<img src=x onerror="alert(2)">')
    page = render(HOSTILE, analysis, "html")
    c = parse(page)
    assert "".join(c.article_text) == HOSTILE
    assert c.scripts == 1  # only the report's own script
    assert c.handlers == []
    assert "&lt;script&gt;" in page
    assert "<img" not in page


def test_overlapping_spans_nest_correctly() -> None:
    """Crossing spans are split into properly nested pieces and the text survives intact."""
    text = "alpha beta gamma delta epsilon"
    a = Span(start=0, end=16, text=text[0:16])
    b = Span(start=6, end=22, text=text[6:22])
    c = Span(start=11, end=16, text=text[11:16])
    analysis = Analysis(
        length=len(text),
        claims=(
            Claim(
                index=0, span=Span(start=0, end=len(text), text=text), kind=ClaimKind.unattributed
            ),
        ),
        quotes=(
            Quote(id="q1", span=a, marks=a, kind=QuoteKind.direct, paragraph=0),
            Quote(id="q2", span=b, marks=b, kind=QuoteKind.partial, paragraph=0),
        ),
        flags=(Flag(kind=FlagKind.vague_source, span=c, message="m", severity=Severity.info),),
    )
    page = render(text, analysis, "html")
    col = parse(page)
    assert "".join(col.article_text) == text
    assert col.balanced
    assert col.open_spans == 0
    assert page.count("qc-k-partial qc-cont") == 1  # q2 continues after q1 closes
    assert page.count('class="qc qc-k-partial"') == 1


def test_text_view_sections_and_colour() -> None:
    """The terminal view lists quotes with speakers, sources, flags by severity and a summary."""
    plain = render(SEED, hand_built(), "text")
    assert "\x1b[" not in plain
    for needle in ("Quotes (3)", "Sources (4)", "Flags (3)", "Sourcing summary", "unattributed"):
        assert needle in plain
    assert "— Gordon Trowbridge, US Deputy Defense Press Secretary" in plain
    assert plain.index("HIGH") < plain.index("MEDIUM") < plain.index("LOW")
    assert "\x1b[" in render(SEED, hand_built(), "text", color=True)


def test_text_view_respects_width() -> None:
    """Quote and flag lines are clipped to the width budget."""
    view = render(SEED, hand_built(), "text", width=60)
    assert all(len(line) <= 70 for line in view.splitlines() if line.startswith("  direct"))


def test_json_is_the_analysis() -> None:
    """The JSON format round-trips to the same Analysis."""
    analysis = hand_built()
    assert Analysis.model_validate_json(render(SEED, analysis, "json")) == analysis
    assert json.loads(render(SEED, analysis, "json"))["doc_id"] == "seed"


def test_render_rejects_mismatch_and_unknown_format() -> None:
    """A text that was not analysed, or an unknown format, raises InputError."""
    with pytest.raises(qc.InputError, match="same text"):
        render(SEED + "x", hand_built(), "text")
    with pytest.raises(qc.InputError, match="unknown report format"):
        render(SEED, hand_built(), "pdf")
    assert FORMATS == ("text", "json", "html")


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_analysis_renders(fmt: str) -> None:
    """An article with nothing found still renders in every format."""
    out = render("", qc.analyze(""), fmt)
    assert out.strip()
    if fmt == "html":
        assert html.escape("No flags.") in out


def test_headline_and_quoted_framing_not_marked_as_writers() -> None:
    """A headline is not an unattributed claim, and a loaded word inside a quote is not marked."""
    text = "Troops arrive\n\n“The thugs fled,” the mayor said."
    head = span_of(text, "Troops arrive")
    body = span_of(text, text[15:])
    analysis = Analysis(
        length=len(text),
        claims=(
            Claim(index=0, span=head, kind=ClaimKind.unattributed, role=SentenceRole.headline),
            Claim(
                index=1,
                span=body,
                kind=ClaimKind.quoted,
                framing=(
                    Signal(kind=SignalKind.evaluative, span=span_of(text, "thugs"), in_quote=True),
                ),
            ),
        ),
    )
    page = render(text, analysis, "html")
    assert 'class="qc qc-k-unattributed"' not in page
    assert 'class="qc qc-k-signal"' not in page
    assert "(headline)" in page


def _line_col(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset``, counting the lines str.splitlines makes."""
    before = text[:offset]
    if before.endswith("\r") and text[offset : offset + 1] == "\n":
        before = before[:-1]  # inside a \r\n pair: the line has not ended yet
    rows = before.splitlines(keepends=True)
    ended = [row for row in rows if row.splitlines()[0] != row]
    column = offset - sum(map(len, ended)) + 1
    return len(ended) + 1, column


@given(st.text(alphabet="ab\n\r \u2028\u2029\x85\x0b\x0c\x1c\x1e\x1f", max_size=60), st.data())
def test_line_cols_match_counting(text: str, data: st.DataObject) -> None:
    """line_cols agrees with counting the lines str.splitlines ends before each offset."""
    offsets = data.draw(st.lists(st.integers(0, len(text)), max_size=8))
    expected = [_line_col(text, o) for o in offsets]
    assert line_cols(text, offsets) == expected


def test_line_cols_count_every_kind_of_line_end() -> None:
    """A \r-only file and U+2028 report the places an editor shows, as \n and \r\n do."""
    assert line_cols("One.\rTwo.\rThree.", [5, 10]) == [(2, 1), (3, 1)]
    assert line_cols("One.\u2028Two.", [5, 7]) == [(2, 1), (2, 3)]
    assert line_cols("One.\r\nTwo.\nThree.", [6, 11]) == [(2, 1), (3, 1)]
