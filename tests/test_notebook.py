"""docs/corpus-study.ipynb runs top to bottom in a real kernel, so the notebook cannot rot."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import quotecheck
from tests.conftest import ROOT

NOTEBOOK = ROOT / "docs" / "corpus-study.ipynb"

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")
pytest.importorskip("pandas")


def test_notebook_has_no_stored_outputs_and_no_network() -> None:
    """The notebook is stored clean (CI makes the outputs) and names no remote address."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code
    assert all(not c.outputs and c.execution_count is None for c in code)
    assert "://" not in "".join(c.source for c in code)


def test_corpus_study_notebook_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every cell runs without error (any error fails), in a scratch folder seeing docs/examples."""
    (tmp_path / "examples").symlink_to(ROOT / "docs" / "examples")
    # The kernel is a subprocess: it imports the quotecheck this test imports (the checkout, or
    # the compiled wheel under test), and draws figures without a display.
    home = str(Path(quotecheck.__file__).resolve().parent.parent)
    path = os.pathsep.join(p for p in (home, os.environ.get("PYTHONPATH", "")) if p)
    monkeypatch.setenv("PYTHONPATH", path)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell

    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any('class="quotecheck-view"' in h for h in html), "the analysis shows as HTML"
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "Analysis(doc_id='led-01'" in printed
    assert (tmp_path / "anonymous-by-outlet.png").read_bytes().startswith(b"\x89PNG")
    lines = (tmp_path / "newsroom-analyses.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(line)["doc_id"] for line in lines][:2] == ["gaz-01", "gaz-02"]
