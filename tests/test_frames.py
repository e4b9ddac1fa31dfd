"""to_frames and read_frames: tidy DataFrames that hold exactly what the JSON holds, typed."""

from __future__ import annotations

import doctest
import gzip
import json
import re
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest

import quotecheck as qc
from quotecheck.errors import BatchError, InputError, InputTypeError
from quotecheck.models import (
    ClaimKind,
    CueKind,
    FlagKind,
    QuoteKind,
    SentenceRole,
    Severity,
    SourceKind,
    Stance,
)
from quotecheck.report.frames import FRAMES, SCHEMAS
from tests.conftest import ROOT, SEEDS

pd = pytest.importorskip("pandas")

SEED = (SEEDS / "libya-special-forces.txt").read_text(encoding="utf-8")
NEWSROOM = ROOT / "docs" / "examples" / "newsroom.jsonl"

# The JSON's own words for each frame's columns, written from the contract (not from frames.py).
ENUMS: dict[str, dict[str, type[StrEnum]]] = {
    "quotes": {"kind": QuoteKind, "source_kind": SourceKind},
    "sources": {"kind": SourceKind},
    "attributions": {"source_kind": SourceKind, "cue_kind": CueKind, "stance": Stance},
    "claims": {"kind": ClaimKind, "role": SentenceRole},
    "flags": {"kind": FlagKind, "severity": Severity},
}


def _cells(frame: Any) -> list[dict[str, Any]]:
    """A frame's rows as plain dicts, NA as None."""
    plain = frame.astype(object).where(frame.notna(), None)
    return list(plain.to_dict("records"))


def _label(src: dict[str, Any] | None) -> str | None:
    if src is None:
        return None
    name = (
        src["name"]
        or src["descriptor"]
        or (src["mentions"][0]["text"] if src["mentions"] else src["kind"])
    )
    return f"{name}, {src['role']}" if src["role"] and src["role"] not in name else name


def _off(span: dict[str, Any] | None, prefix: str = "") -> dict[str, Any]:
    return {f"{prefix}start": span and span["start"], f"{prefix}end": span and span["end"]}


def expected_rows(doc: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """What each frame should hold for one Analysis, read off its JSON."""
    d = doc["doc_id"]
    sources = {s["id"]: s for s in doc["sources"]}
    atts = {a["id"]: a for a in doc["attributions"]}

    def speaker(q: dict[str, Any]) -> dict[str, Any] | None:
        att = atts.get(q["attribution_id"])
        return sources.get(att["source_id"]) if att else None

    s = doc["summary"]
    return {
        "articles": [
            {
                "doc_id": d,
                "length": doc["length"],
                "sentences": s["sentences"],
                "quotes": len(doc["quotes"]),
                "sources": len(doc["sources"]),
                "attributions": len(doc["attributions"]),
                "claims": len(doc["claims"]),
                "flags": len(doc["flags"]),
                **{k: s[k] for k in ("named_share", "anonymous_share", "vague_share")},
                "unattributed_share": s["unattributed_share"],
                "distinct_named_sources": s["distinct_named_sources"],
            }
        ],
        "quotes": [
            {
                "doc_id": d,
                "quote_id": q["id"],
                "kind": q["kind"],
                "text": q["span"]["text"],
                **_off(q["span"]),
                **_off(q["marks"], "marks_"),
                "paragraph": q["paragraph"],
                "depth": q["depth"],
                "closed": q["closed"],
                "attribution_id": q["attribution_id"],
                "source_id": (sp := speaker(q)) and sp["id"],
                "source_kind": sp and sp["kind"],
                "speaker": _label(sp),
                "reasons": "; ".join(q["reasons"]),
            }
            for q in doc["quotes"]
        ],
        "sources": [
            {
                "doc_id": d,
                "source_id": x["id"],
                "kind": x["kind"],
                "label": _label(x),
                **{k: x[k] for k in ("name", "role", "affiliation", "descriptor")},
                "mentions": len(x["mentions"]),
                "attributions": sum(a["source_id"] == x["id"] for a in doc["attributions"]),
                "first_mention": x["mentions"][0]["text"] if x["mentions"] else None,
                **_off(x["mentions"][0] if x["mentions"] else None, "first_"),
            }
            for x in doc["sources"]
        ],
        "attributions": [
            {
                "doc_id": d,
                "attribution_id": a["id"],
                "source_id": a["source_id"],
                "source_kind": sources[a["source_id"]]["kind"],
                "source": _label(sources[a["source_id"]]),
                "cue_kind": a["cue_kind"],
                "stance": a["stance"],
                "cue": a["cue"] and a["cue"]["text"],
                **_off(a["cue"], "cue_"),
                "text": a["content"]["text"],
                **_off(a["content"]),
                "quote_ids": "; ".join(a["quote_ids"]),
                "via_source_id": a["via_source_id"],
                "via": _label(sources.get(a["via_source_id"] or "")),
                "when": a["when"] and a["when"]["text"],
                **_off(a["when"], "when_"),
                "reasons": "; ".join(a["reasons"]),
            }
            for a in doc["attributions"]
        ],
        "claims": [
            {
                "doc_id": d,
                "index": c["index"],
                "kind": c["kind"],
                "role": c["role"],
                "text": c["span"]["text"],
                **_off(c["span"]),
                "attribution_ids": "; ".join(c["attribution_ids"]),
                "checkable": c["checkable"],
                "framing": sum(not f["in_quote"] for f in c["framing"]),
                "framing_terms": "; ".join(
                    f["span"]["text"] for f in c["framing"] if not f["in_quote"]
                ),
                "reasons": "; ".join(c["reasons"]),
            }
            for c in doc["claims"]
        ],
        "flags": [
            {
                "doc_id": d,
                "kind": f["kind"],
                "severity": f["severity"],
                "message": f["message"],
                "text": f["span"]["text"],
                **_off(f["span"]),
            }
            for f in doc["flags"]
        ],
    }


def assert_frames_match_json(frames: dict[str, Any], lines: list[str]) -> None:
    """Every frame holds, row for row and in order, what the JSON lines say."""
    docs = [json.loads(line) for line in lines]
    want: dict[str, list[dict[str, Any]]] = {name: [] for name in FRAMES}
    for doc in docs:
        if "error_type" in doc:
            want["errors"].append({k: doc[k] for k in ("doc_id", "error_type", "error", "line")})
            continue
        for name, rows in expected_rows(doc).items():
            want[name] += rows
    assert list(frames) == list(FRAMES)
    for name in FRAMES:
        assert len(frames[name]) == len(want[name]), name
        assert _cells(frames[name]) == want[name], name


def assert_typed(frames: dict[str, Any]) -> None:
    """Every column has its declared type; kinds carry their enum's full category set."""
    for name, frame in frames.items():
        assert list(frame.columns) == list(SCHEMAS[name]), name
        for col in frame.columns:
            dtype = frame[col].dtype
            enum = ENUMS.get(name, {}).get(col)
            if enum is not None:
                assert isinstance(dtype, pd.CategoricalDtype), (name, col)
                assert list(dtype.categories) == [m.value for m in enum], (name, col)
                assert dtype.ordered == (enum is Severity), (name, col)
            elif col.endswith(("start", "end")) or col in {"length", "line", "index", "mentions"}:
                assert dtype == pd.Int64Dtype(), (name, col)
            elif col.endswith("_share"):
                assert dtype == pd.Float64Dtype(), (name, col)
            elif col in {"closed", "checkable"}:
                assert dtype == pd.BooleanDtype(), (name, col)
            elif name == "articles" and col != "doc_id":
                assert dtype == pd.Int64Dtype(), (name, col)
            elif col not in {"paragraph", "depth", "framing", "attributions"}:
                assert isinstance(dtype, pd.StringDtype), (name, col)
            else:
                assert dtype == pd.Int64Dtype(), (name, col)


@pytest.fixture(scope="module")
def seed_analysis() -> qc.Analysis:
    return qc.analyze(SEED, doc_id="seed")


@pytest.fixture(scope="module")
def newsroom_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled newsroom corpus plus one broken line, run through the batch."""
    folder = tmp_path_factory.mktemp("frames")
    corpus = folder / "corpus.jsonl"
    corpus.write_text(NEWSROOM.read_text("utf-8") + "{not json\n", encoding="utf-8")
    out = folder / "out.jsonl"
    stats = qc.run_batch(corpus, out, engine="serial", progress=False, log=lambda _: None)
    assert (stats.total, stats.failed) == (10, 1)
    return out


def test_seed_frames_hold_what_the_json_holds(seed_analysis: qc.Analysis) -> None:
    """The seed article's frames equal its JSON cell for cell, with typed columns."""
    frames = qc.to_frames(seed_analysis)
    assert_frames_match_json(frames, [seed_analysis.model_dump_json()])
    assert_typed(frames)
    counts = {name: len(frame) for name, frame in frames.items()}
    assert counts == {
        "articles": 1,
        "quotes": len(seed_analysis.quotes),
        "sources": len(seed_analysis.sources),
        "attributions": len(seed_analysis.attributions),
        "claims": len(seed_analysis.claims),
        "flags": len(seed_analysis.flags),
        "errors": 0,
    }
    assert min(counts["quotes"], counts["flags"], counts["sources"]) > 3  # a real workout


def test_offsets_index_the_original_text(seed_analysis: qc.Analysis) -> None:
    """Every text cell is the original text between its start and end offsets."""
    frames = qc.to_frames([seed_analysis])
    checks = [
        ("quotes", "text", "start", "end"),
        ("attributions", "text", "start", "end"),
        ("attributions", "cue", "cue_start", "cue_end"),
        ("attributions", "when", "when_start", "when_end"),
        ("claims", "text", "start", "end"),
        ("flags", "text", "start", "end"),
        ("sources", "first_mention", "first_start", "first_end"),
    ]
    for name, text, start, end in checks:
        for row in _cells(frames[name]):
            if row[start] is None:
                assert (row[text], row[end]) == (None, None)
            else:
                assert SEED[row[start] : row[end]] == row[text], (name, row)
    marks = _cells(frames["quotes"])
    assert all(SEED[r["marks_start"]] in "“\"'‘«„" for r in marks)


def test_optional_spans_are_missing_values_not_zero(seed_analysis: qc.Analysis) -> None:
    """An attribution without a `when` has NA offsets (nullable Int64), never 0 or NaN floats."""
    att = qc.to_frames(seed_analysis)["attributions"]
    no_when = att[att["when"].isna()]
    assert len(no_when) > 0
    assert no_when[["when_start", "when_end"]].isna().all().all()
    assert att["when_start"].dtype == pd.Int64Dtype()


def test_batch_output_loads_into_the_same_frames(newsroom_output: Path) -> None:
    """read_frames of a batch output equals the JSON line for line, error records included."""
    lines = newsroom_output.read_text("utf-8").splitlines()
    frames = qc.read_frames(newsroom_output)
    assert_frames_match_json(frames, lines)
    assert_typed(frames)
    assert len(frames["articles"]) == 9
    errors = _cells(frames["errors"])
    assert [(e["doc_id"], e["error_type"], e["line"]) for e in errors] == [
        (None, "JSONDecodeError", 10)
    ]
    # The same results, straight from analyze_corpus, make the same frames.
    records = [json.loads(line) for line in NEWSROOM.read_text("utf-8").splitlines()]
    direct = qc.to_frames(qc.analyze_corpus(records, engine="serial"))
    for name in FRAMES:
        if name != "errors":
            pd.testing.assert_frame_equal(direct[name], frames[name])


def test_chunks_concatenate_to_the_whole(newsroom_output: Path) -> None:
    """Chunks of 4 lines yield 3 frame dicts whose concatenation equals the whole, dtypes kept."""
    whole = qc.read_frames(newsroom_output)
    chunks = list(qc.read_frames(newsroom_output, chunksize=4))
    assert len(chunks) == 3  # 10 lines: 4 + 4 + 2
    assert [len(c["articles"]) + len(c["errors"]) for c in chunks] == [4, 4, 2]
    for chunk in chunks:
        assert_typed(chunk)
    for name in FRAMES:
        joined = pd.concat([c[name] for c in chunks], ignore_index=True)
        pd.testing.assert_frame_equal(joined, whole[name])
    # Categoricals survive concatenation, so counts across chunks list every kind, even unseen.
    kinds = pd.concat([c["claims"]["kind"] for c in chunks], ignore_index=True)
    assert list(kinds.value_counts().sort_index().index) == [k.value for k in ClaimKind]


def test_chunks_stream_before_a_bad_line(tmp_path: Path, newsroom_output: Path) -> None:
    """Chunks before a bad line arrive before the error: the file is read as it goes."""
    path = tmp_path / "out.jsonl"
    record = '{"id": "x", "text": "an input record, not output"}\n'
    path.write_text(newsroom_output.read_text("utf-8") + record, encoding="utf-8")
    chunks = qc.read_frames(path, chunksize=5)
    first = next(chunks)
    assert len(first["articles"]) == 5
    with pytest.raises(BatchError, match=r"out\.jsonl:11 is not quotecheck batch output"):
        list(chunks)


def test_gzipped_output_reads_like_plain(tmp_path: Path, newsroom_output: Path) -> None:
    """A .gz batch output is decompressed on the fly."""
    path = tmp_path / "out.jsonl.gz"
    path.write_bytes(gzip.compress(newsroom_output.read_bytes()))
    for name, frame in qc.read_frames(path).items():
        pd.testing.assert_frame_equal(frame, qc.read_frames(newsroom_output)[name])


def test_blank_lines_are_skipped(tmp_path: Path, seed_analysis: qc.Analysis) -> None:
    """Blank lines carry nothing and are skipped; an empty file gives empty typed frames."""
    path = tmp_path / "out.jsonl"
    path.write_text("\n" + seed_analysis.model_dump_json() + "\n\n", encoding="utf-8")
    assert len(qc.read_frames(path)["articles"]) == 1
    path.write_text("", encoding="utf-8")
    empty = qc.read_frames(path)
    assert all(len(frame) == 0 for frame in empty.values())
    assert_typed(empty)
    assert list(qc.read_frames(path, chunksize=3)) == []


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ("{broken\n", r":1 is not quotecheck batch output: .*Invalid JSON"),
        ('{"id": "r1", "text": "an input record"}\n', r":1 is not quotecheck batch output"),
        ("[1, 2]\n", r":1 is not quotecheck batch output"),
        ('{"doc_id": "a", "length": 3', r"cut off: was the batch interrupted\?"),
    ],
)
def test_lines_that_are_not_output_are_refused(tmp_path: Path, content: str, match: str) -> None:
    """A line that is neither an Analysis nor an error record stops the read, saying where."""
    path = tmp_path / "out.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BatchError, match=match) as info:
        qc.read_frames(path)
    assert "--resume" in str(info.value)
    assert info.value.path == str(path)


def test_missing_file_and_bad_chunksize_are_refused(tmp_path: Path) -> None:
    """A missing file is a BatchError; a chunksize that is not a positive int an InputError."""
    with pytest.raises(BatchError, match="is not a file"):
        qc.read_frames(tmp_path / "nope.jsonl")
    path = tmp_path / "out.jsonl"
    path.write_text("", encoding="utf-8")
    for bad in (0, -1, True, 2.5, "10"):
        with pytest.raises(InputError, match="chunksize must be a positive number"):
            qc.read_frames(path, chunksize=bad)  # type: ignore[call-overload]


def test_to_frames_takes_one_analysis_a_stream_or_failures() -> None:
    """One Analysis, a generator, Failures (to `errors`); an analysis without id gets its place."""
    one = qc.to_frames(qc.analyze("“Yes,” she said."))
    assert one["quotes"]["doc_id"].tolist() == ["0"]
    failure = qc.Failure(doc_id="f1", error="too long", error_type="InputError", line=3)
    gen = (x for x in [qc.analyze("Rain fell."), failure, qc.analyze("“No,” he said.", doc_id="b")])
    frames = qc.to_frames(gen)
    assert frames["articles"]["doc_id"].tolist() == ["0", "b"]
    assert _cells(frames["errors"]) == [
        {"doc_id": "f1", "error_type": "InputError", "error": "too long", "line": 3}
    ]
    assert_typed(frames)


def test_to_frames_refuses_what_is_not_an_analysis() -> None:
    """Texts or dicts in place of analyses get an InputTypeError naming the item."""
    with pytest.raises(InputTypeError, match=r"item 1 is a str: pass the results of"):
        qc.to_frames([qc.analyze("A."), "raw text"])  # type: ignore[list-item]


def test_readme_pandas_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    """The README's pandas lines (no doctest: pandas is an extra) run after its doctest's."""
    readme = (ROOT / "README.md").read_text("utf-8")
    namespace: dict[str, Any] = {}
    for example in doctest.DocTestParser().get_examples(readme):
        exec(example.source, namespace)  # the README's own session, which defines `a`
    section = readme[readme.index("## In pandas and Jupyter") :]
    block = re.search(r"```python\n(?P<code>(?:(?!>>>).)*?)```", section, re.DOTALL)
    assert block is not None
    assert "qc.to_frames(a)" in block["code"]
    exec(block["code"], namespace)
    out = capsys.readouterr().out
    assert "We will not back down," in out
    assert "example" in out
