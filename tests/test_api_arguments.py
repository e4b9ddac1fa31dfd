"""Every public function refuses an argument of the wrong type with a QuotecheckError that names
the argument, before any work: no AttributeError or TypeError from deep inside, and no silent
reading of a wrong value (a str given as a corpus was analysed character by character)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import quotecheck as qc
from quotecheck.config import DEFAULT_CONFIG, given_config
from quotecheck.errors import require_optional_text

ARTICLE = "“We will stay,” the minister said on Monday."


@pytest.fixture(scope="module")
def analysis() -> qc.Analysis:
    return qc.analyze(ARTICLE)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "text": "He said it rained."}\n', encoding="utf-8")
    return path


# (call, the error class, words the message must hold)
ANALYZE_CASES: list[tuple[str, Callable[[], Any], type[Exception], str]] = [
    ("analyze config dict", lambda: qc.analyze("x", config={"max_chars": 5}), qc.InputTypeError,
     "config must be an AnalyzerConfig"),
    ("flag config dict", lambda: qc.flag_unattributed("x", config={}), qc.InputTypeError,
     "config must be an AnalyzerConfig"),
    ("analyze doc_id int", lambda: qc.analyze("x", doc_id=3), qc.InputTypeError, "doc_id"),
    ("verify_quote speaker int", lambda: qc.verify_quote("we stay", "we stay", speaker=5),
     qc.InputTypeError, "speaker must be a str, a Source or None"),
    ("verify_quote source_name int", lambda: qc.verify_quote("a b", "a b", source_name=5),
     qc.InputTypeError, "source_name must be a str or None"),
    ("corpus is one str", lambda: list(qc.analyze_corpus("abc", engine="serial")),
     qc.BatchError, "for one text, pass [text]"),
    ("corpus is bytes", lambda: list(qc.analyze_corpus(b"abc", engine="serial")),
     qc.BatchError, "got bytes"),
    ("corpus is None", lambda: list(qc.analyze_corpus(None, engine="serial")),
     qc.BatchError, "got NoneType"),
    ("corpus workers str", lambda: list(qc.analyze_corpus(["a"], workers="2")),
     qc.BatchError, "workers must be a whole number"),
    ("corpus workers float", lambda: list(qc.analyze_corpus(["a"], workers=1.5)),
     qc.BatchError, "workers must be a whole number"),
    ("corpus workers bool", lambda: list(qc.analyze_corpus(["a"], workers=True)),
     qc.BatchError, "workers must be a whole number"),
    ("corpus timeout str", lambda: list(qc.analyze_corpus(["a"], record_timeout="5")),
     qc.BatchError, "record_timeout must be a number of seconds"),
    ("corpus config dict", lambda: list(qc.analyze_corpus(["a"], config={}, engine="serial")),
     qc.InputTypeError, "config must be an AnalyzerConfig"),
    ("to_frames None", lambda: qc.to_frames(None), qc.InputTypeError,
     "to_frames takes an Analysis or an iterable"),
    ("to_frames str", lambda: qc.to_frames("abc"), qc.InputTypeError,
     "to_frames takes an Analysis or an iterable"),
    ("read_frames None", lambda: qc.read_frames(None), qc.InputTypeError,
     "path must be a str or a pathlib.Path"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "call", "error", "words"), ANALYZE_CASES, ids=lambda c: c)
def test_wrong_argument_type_is_refused_by_name(
    name: str, call: Callable[[], Any], error: type[Exception], words: str
) -> None:
    if name.startswith(("to_frames", "read_frames")):
        pytest.importorskip("pandas")
    with pytest.raises(error, match=re.escape(words)):
        call()


def test_verify_refuses_text_in_place_of_an_analysis(analysis: qc.Analysis) -> None:
    sources = {"briefing.txt": "We will stay, the minister said."}
    with pytest.raises(qc.InputTypeError, match="analysis must be an Analysis, got str"):
        qc.verify(ARTICLE, sources)  # type: ignore[arg-type]
    with pytest.raises(qc.InputTypeError, match="analysis must be an Analysis, got NoneType"):
        qc.SourceIndex(sources).verify_all(None)  # type: ignore[arg-type]
    with pytest.raises(qc.InputTypeError, match="text must be a str or None, got int"):
        qc.verify(analysis, sources, text=5)  # type: ignore[arg-type]
    # The right arguments still verify.
    (found,) = qc.verify(analysis, sources, text=ARTICLE)
    assert found.status is qc.VerificationStatus.exact


def test_analyze_corpus_refuses_a_data_frame_and_takes_its_rows() -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({"id": ["a", "b"], "text": ["It rained.", "He said so."]})
    with pytest.raises(qc.BatchError, match=r"frame.to_dict\('records'\)"):
        list(qc.analyze_corpus(frame, engine="serial"))
    rows = frame.to_dict("records")
    assert [a.doc_id for a in qc.analyze_corpus(rows, engine="serial")] == ["a", "b"]


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"text_column": None}, "text_column must be a str"),
        ({"id_column": 3}, "id_column must be a str"),
        ({"log": 5}, "log must be a function"),
        ({"resume": "yes"}, "resume must be True or False"),
        ({"progress": 1}, "progress must be True or False"),
        ({"config": {"max_chars": 5}}, "config must be an AnalyzerConfig"),
        ({"workers": "2"}, "workers must be a whole number"),
    ],
)
def test_run_batch_refuses_bad_options_before_writing(
    corpus: Path, tmp_path: Path, options: dict[str, Any], words: str
) -> None:
    out = tmp_path / "out.jsonl"
    with pytest.raises(qc.QuotecheckError, match=words):
        qc.run_batch(corpus, out, engine="serial", **options)
    assert not out.exists()


@pytest.mark.parametrize(("which", "value"), [(0, None), (0, 5), (1, None), (1, b"out.jsonl")])
def test_run_batch_refuses_paths_that_are_not_paths(
    corpus: Path, tmp_path: Path, which: int, value: object
) -> None:
    paths: list[object] = [corpus, tmp_path / "out.jsonl"]
    paths[which] = value
    what = ("input", "output (-o)")[which]
    with pytest.raises(qc.BatchError, match=rf"the {re.escape(what)} path must be a str or a"):
        qc.run_batch(*paths, engine="serial")  # type: ignore[arg-type]


def test_analyze_html_checks_its_arguments_before_reading_the_page() -> None:
    # No trafilatura needed: the arguments are refused before the page is read.
    with pytest.raises(qc.InputTypeError, match="config must be an AnalyzerConfig"):
        qc.analyze_html("<p>x</p>", config={})  # type: ignore[arg-type]
    with pytest.raises(qc.InputTypeError, match="doc_id must be a str or None, got int"):
        qc.analyze_html("<p>x</p>", doc_id=5)  # type: ignore[arg-type]


def test_given_config_and_optional_text_pass_good_values_through() -> None:
    custom = qc.AnalyzerConfig(max_chars=10)
    assert given_config(None) is DEFAULT_CONFIG
    assert given_config(custom) is custom
    assert require_optional_text(None, what="url") is None
    assert require_optional_text("a", what="url") == "a"
    with pytest.raises(qc.InputTypeError, match="url must be a str or None, got bytes"):
        require_optional_text(b"a", what="url")
