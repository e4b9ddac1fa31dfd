"""Accuracy gate: quotecheck's scores on ../shared/eval never drop below the pinned floors.

The floors and a SHA-256 digest of each data file live in tests/eval_baseline.json. The data is
read in place from ../shared/eval (never copied into the repository); the gate skips when it is
absent, and when the data's digest differs from the pinned one (re-measure and re-pin then).
Raising a floor is a deliberate edit of eval_baseline.json; lowering one needs a reason there.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import importlib.util
import io
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import SHARED_EVAL

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text("utf-8"))


def _data(name: str) -> Path:
    path = SHARED_EVAL / name
    if not path.exists():
        pytest.skip(f"{path} is absent: the accuracy gate needs ../shared/eval beside the repo")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != BASELINE[name]["sha256"]:
        pytest.skip(f"{name} changed (sha256 {digest[:12]}): re-measure and re-pin the floors")
    return path


def _scorer(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_shared_{name}", SHARED_EVAL / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_attribution_floors() -> None:
    """speech F1, direct-quote recall and speaker accuracy on polnear-dev stay at their floors."""
    path = _data("polnear-dev.jsonl.gz")
    score = _scorer("score")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        result: dict[str, Any] = score.score(json.loads(line) for line in fh if line.strip())
    floors = BASELINE["polnear-dev.jsonl.gz"]["floors"]
    got = {
        "speech_f1": result["speech"]["f1"],
        "direct_recall": result["recall_by_kind"]["direct"],
        "speaker_accuracy": result["speaker_accuracy"],
        "e2e_f1": result["e2e_f1"],
    }
    assert {k: round(v, 3) for k, v in got.items() if v < floors[k]} == {}


def test_source_kind_floors() -> None:
    """Anonymous-source recall and source-kind accuracy on the labelled dev articles stay at
    their floors (#21: the taxonomy editors use)."""
    path = _data("polnear-dev-labeled.jsonl.gz")
    score = _scorer("score")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        result: dict[str, Any] = score.score(json.loads(line) for line in fh if line.strip())
    floors = BASELINE["polnear-dev-labeled.jsonl.gz"]["floors"]
    got = {
        "anonymous_recall": result["anonymous_recall"],
        "source_kind_accuracy": result["source_kind_accuracy"],
    }
    assert {k: round(v, 3) for k, v in got.items() if v < floors[k]} == {}


def test_framing_floors() -> None:
    """The editorial reading's macro-F1 per corpus of framing-dev stays at its floors."""
    path = _data("framing-dev.jsonl.gz")
    scorer = _scorer("score_framing")
    out = io.StringIO()
    argv = ["score_framing.py", str(path)]
    with contextlib.redirect_stdout(out), pytest.MonkeyPatch.context() as mp:
        mp.setattr("sys.argv", argv)
        scorer.main()
    floors = BASELINE["framing-dev.jsonl.gz"]["floors"]
    scores = {}
    for line in out.getvalue().splitlines():
        fields = line.split()
        if "editorial" in fields:
            corpus = line.split("editorial")[0].strip()
            scores[corpus] = float(
                next(f for f in fields if f.startswith("macroF1=")).split("=")[1]
            )
    for corpus, floor in floors.items():
        assert scores[corpus] >= floor, (corpus, scores[corpus])


def test_sentence_floors() -> None:
    """Sourced-vs-not accuracy and editorial F1 on the sentence-labelled real articles of other
    genres (wild-dev) stay at their floors (#22: labels read in context)."""
    path = _data("wild-dev.jsonl")
    scorer = _scorer("score_sentences")
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.MonkeyPatch.context() as mp:
        mp.setattr("sys.argv", ["score_sentences.py", str(path)])
        scorer.main()
    last = out.getvalue().splitlines()[-1]  # "sentences=… sourced-vs-not accuracy=… … F1=…"
    fields = dict(f.split("=", 1) for f in last.split() if "=" in f)
    floors = BASELINE["wild-dev.jsonl"]["floors"]
    assert float(fields["accuracy"]) >= floors["sourced_vs_not"], last
    assert float(fields["F1"]) >= floors["editorial_f1"], last
