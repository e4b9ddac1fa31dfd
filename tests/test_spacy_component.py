"""The spaCy component on a blank English pipeline: token-aligned spans, expanded, never lost."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import quotecheck as qc
from tests.conftest import ROOT, SEEDS, readme_block, readme_session
from tests.strategies import news_text, quoted_article

spacy = pytest.importorskip("spacy")

from quotecheck.integrations.spacy_component import FACTORY, QuotecheckComponent  # noqa: E402

SEED = (SEEDS / "libya-special-forces.txt").read_text("utf-8")
COLLECTIONS = ("quotes", "sources", "attributions", "claims")

_NLP = spacy.blank("en")  # for the property tests, which cannot take fixtures per example
_NLP.add_pipe(FACTORY)


@pytest.fixture(scope="module")
def nlp() -> Any:
    """A blank English pipeline (no model download) with the quotecheck component."""
    pipeline = spacy.blank("en")
    pipeline.add_pipe("quotecheck")
    return pipeline


def _check_alignment(doc: Any) -> int:
    """Assert every span covers its character span on token boundaries; return how many."""
    count = 0
    for name in COLLECTIONS:
        for span in getattr(doc._, name):
            char = span._.quotecheck_span
            assert doc.text[char.start : char.end] == char.text
            assert span.start_char <= char.start
            assert char.end <= span.end_char or span.start == span.end
            exact = (span.start_char, span.end_char) == (char.start, char.end)
            assert span._.quotecheck_expanded is (not exact)
            count += 1
    return count


def test_spans_match_the_analysis(nlp: Any) -> None:
    """Each collection holds one span per item of the Analysis, with its label, id and model."""
    doc = nlp(SEED)
    analysis = doc._.quotecheck
    assert analysis == qc.analyze(SEED)
    assert [s._.quotecheck for s in doc._.quotes] == list(analysis.quotes)
    assert [(s.label_, s.id_) for s in doc._.quotes] == [
        (q.kind.value, f"quote:{q.id}") for q in analysis.quotes
    ]
    assert len(doc._.sources) == sum(len(s.mentions) for s in analysis.sources)
    assert [s._.quotecheck for s in doc._.attributions] == list(analysis.attributions)
    assert [s.label_ for s in doc._.claims] == [c.kind.value for c in analysis.claims]
    assert [s.id_ for s in doc._.claims] == [f"claim:{c.index}" for c in analysis.claims]
    assert [s._.quotecheck for s in doc._.claims] == list(analysis.claims)
    starts = [s.start_char for s in doc._.sources]
    assert starts == sorted(starts)
    items = len(analysis.quotes) + len(analysis.attributions) + len(analysis.claims)
    assert _check_alignment(doc) == items + len(doc._.sources)


def test_quote_spans_carry_their_source(nlp: Any) -> None:
    """span._.source on a quote is the Source credited with it, None for a speakerless quote."""
    doc = nlp("“We will not back down,” Mayor Ana Ruiz said. The “plan” was new.")
    said, scare = doc._.quotes
    assert said.text == "We will not back down,"
    assert said._.source.name == "Ana Ruiz"
    assert said._.source.kind is qc.SourceKind.person
    assert scare._.quotecheck.kind is qc.QuoteKind.scare
    assert scare._.source is None
    for span in doc._.attributions:
        assert span._.source.id == span._.quotecheck.source_id


def test_spans_off_token_boundaries_are_expanded_and_say_so(nlp: Any) -> None:
    """A quote ending inside a token widens to whole tokens, is flagged, keeps its exact span."""
    doc = nlp("“Yes,”she said. Critics called it a “scandal.”Officials declined.")
    first = doc._.quotes[0]
    assert first.text == "Yes,”she"  # the blank tokenizer keeps this as one token
    assert first._.quotecheck_expanded
    assert first._.quotecheck_span.text == "Yes,"
    assert first._.quotecheck.span == first._.quotecheck_span
    exact = doc._.quotes[1]
    assert (exact.text, exact._.quotecheck_expanded) == ("scandal.", False)
    _check_alignment(doc)


def test_same_offsets_keep_separate_extensions(nlp: Any) -> None:
    """A quote and the attribution over the same characters keep their own span._ values."""
    doc = nlp("“We will stay,” the minister said.")
    (quote,) = doc._.quotes
    content = next(a for a in doc._.attributions if a.start_char == quote.start_char)
    assert (content.start_char, content.end_char) == (quote.start_char, quote.end_char)
    assert isinstance(quote._.quotecheck, qc.Quote)
    assert isinstance(content._.quotecheck, qc.Attribution)


def test_empty_docs_and_empty_spans(nlp: Any) -> None:
    """An empty doc gets empty collections; a quote with no words is an empty span, not dropped."""
    doc = nlp("")
    assert [getattr(doc._, n) for n in COLLECTIONS] == [[], [], [], []]
    text = "He said “” and left."
    doc = nlp(text)
    assert len(doc._.quotes) == len(qc.analyze(text).quotes)
    _check_alignment(doc)


@given(news_text())
def test_no_span_is_dropped_on_news_text(text: str) -> None:
    """On generated news text, every item of the analysis has a span covering its characters."""
    doc = _NLP(text)
    analysis = doc._.quotecheck
    assert len(doc._.quotes) == len(analysis.quotes)
    assert len(doc._.claims) == len(analysis.claims)
    _check_alignment(doc)


@given(quoted_article())
def test_no_span_is_dropped_on_quoted_articles(article: Any) -> None:
    """On generated articles full of quotes of every mark style, no span is lost."""
    doc = _NLP(article.text)
    assert len(doc._.quotes) == len(doc._.quotecheck.quotes)
    assert len(doc._.attributions) == len(doc._.quotecheck.attributions)
    _check_alignment(doc)


def test_docs_still_serialise(nlp: Any) -> None:
    """A processed doc survives to_bytes/from_bytes and a DocBin with user data, spans and all."""
    from spacy.tokens import Doc, DocBin

    doc = nlp(SEED)
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert back._.quotecheck == doc._.quotecheck
    for name in COLLECTIONS:
        assert [(s.start, s.end, s.label_, s.id_) for s in getattr(back._, name)] == [
            (s.start, s.end, s.label_, s.id_) for s in getattr(doc._, name)
        ]
        assert [s._.quotecheck for s in getattr(back._, name)] == [
            s._.quotecheck for s in getattr(doc._, name)
        ]
    stored = DocBin(store_user_data=True, docs=[doc])
    (loaded,) = DocBin().from_bytes(stored.to_bytes()).get_docs(nlp.vocab)
    assert loaded._.quotes[0]._.source == doc._.quotes[0]._.source
    _check_alignment(loaded)


def test_unprocessed_docs_and_foreign_spans(nlp: Any) -> None:
    """Before the component runs the extensions are None; so are they on spans it did not make."""
    doc = nlp.make_doc("“Hi,” she said.")
    assert doc._.quotecheck is None
    assert doc._.quotes is None
    assert doc[0:2]._.quotecheck is None
    processed = nlp("“Hi,” she said.")
    other = processed[1:3]
    assert (other._.quotecheck, other._.source, other._.quotecheck_span) == (None, None, None)
    assert other._.quotecheck_expanded is None


@pytest.mark.slow
def test_pipe_in_two_processes(nlp: Any) -> None:
    """nlp.pipe with n_process=2 sends docs between processes; the analysis comes through."""
    texts = ["“Hi,” she said.", "It rained.", "Critics called it a “stunt.”"] * 3
    docs = list(nlp.pipe(texts, n_process=2, batch_size=2))
    assert [d._.quotecheck for d in docs] == [qc.analyze(t) for t in texts]


def test_pipe_and_a_saved_pipeline(nlp: Any, tmp_path: Path) -> None:
    """nlp.pipe runs the component per doc, and a saved pipeline loads with it."""
    texts = ["“Hi,” she said.", "It rained.", SEED]
    docs = list(nlp.pipe(texts))
    assert [d._.quotecheck for d in docs] == [qc.analyze(t) for t in texts]
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["quotecheck"]
    assert loaded("“Hi,” she said.")._.quotes[0].text == "Hi,"


def test_component_with_a_config() -> None:
    """The component class takes an AnalyzerConfig for callers who build it themselves."""
    component = QuotecheckComponent(config=qc.AnalyzerConfig(max_chars=10))
    with pytest.raises(qc.InputError, match="max_chars"):
        component(spacy.blank("en")("This text is longer than ten characters."))


ENTRY_POINT_CHECK = textwrap.dedent(
    """
    import spacy
    nlp = spacy.blank("en")
    nlp.add_pipe("quotecheck")  # this script never imports quotecheck
    doc = nlp("“Hi,” she said.")
    print(doc._.quotes[0].text, doc._.quotes[0]._.source is not None)
    """
)


def test_factory_is_found_through_the_entry_point(tmp_path: Path) -> None:
    """With the pyproject's spacy_factories entry point installed, add_pipe needs no import."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    declared = project["entry-points"]["spacy_factories"]
    assert declared == {"quotecheck": "quotecheck.integrations.spacy_component:make_quotecheck"}
    dist = tmp_path / "quotecheck_entry_point-0.0.dist-info"  # stands in for the installed one
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: quotecheck-entry-point\nVersion: 0.0\n", "utf-8"
    )
    lines = [f"{name} = {target}" for name, target in declared.items()]
    search_path = os.environ.get("PYTHONPATH") or str(ROOT)  # the build under test
    (dist / "entry_points.txt").write_text("[spacy_factories]\n" + "\n".join(lines) + "\n")
    done = subprocess.run(
        [sys.executable, "-c", ENTRY_POINT_CHECK],
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), search_path])},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["Hi,", "True"]


def test_readme_spacy_lines(capsys: pytest.CaptureFixture[str]) -> None:
    """The README's spaCy lines (no doctest: spaCy is an extra) run after its doctest's."""
    namespace = readme_session()
    exec(readme_block("## Web pages and spaCy", "spacy.blank"), namespace)
    out = capsys.readouterr().out.strip()
    assert out == "[('direct', 'We will not back down,', 'Ana Ruiz')]"
