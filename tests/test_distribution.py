"""The distribution's own name (news-quotecheck) is what people are told to install."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import pytest

import quotecheck
from quotecheck.corpus import io
from quotecheck.corpus.cluster import DASK_HINT
from quotecheck.errors import DISTRIBUTION, MissingExtraError, install_hint
from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
# Telling someone to install the unrelated project that owns the name "quotecheck" on PyPI.
WRONG_INSTALL_RE = re.compile(r"""pip install\s+(?:-\S+\s+)*['"]?quotecheck(?:\[|['"\s]|$)""")


def test_distribution_name_matches_pyproject() -> None:
    """errors.DISTRIBUTION is the name pyproject builds; the import name and command stay."""
    project = PYPROJECT["project"]
    assert project["name"] == DISTRIBUTION == "news-quotecheck"
    # The command starts in quotecheck.__main__, which loads cli.main with Ctrl-C held back.
    assert project["scripts"] == {"quotecheck": "quotecheck.__main__:main"}
    assert PYPROJECT["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"] == ["quotecheck"]
    assert {"pandas", "dask", "parquet", "progress", "dev"} <= set(project["optional-dependencies"])


def test_every_extra_hint_names_the_distribution() -> None:
    """Messages that name an extra say `pip install 'news-quotecheck[EXTRA]'`."""
    assert install_hint("pandas") == "pip install 'news-quotecheck[pandas]'"
    assert install_hint("dask") == DASK_HINT
    assert install_hint("parquet") in io.PARQUET_HINT
    err = MissingExtraError("to_frames", extra="pandas", module="pandas")
    assert str(err) == "to_frames needs pandas, which is not installed: " + install_hint("pandas")
    assert err.name == "pandas"


def _install_lines() -> list[tuple[str, str]]:
    files = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    files += sorted((ROOT / "quotecheck").rglob("*.py"))
    return [
        (f"{path.relative_to(ROOT)}:{n}", line)
        for path in files
        for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if "pip install" in line
    ]


def test_no_doc_or_message_installs_the_unrelated_project() -> None:
    """No README or docs line, nor any message, says `pip install quotecheck…`."""
    lines = _install_lines()
    assert len(lines) > 5
    assert [where for where, line in lines if WRONG_INSTALL_RE.search(line)] == []


@pytest.mark.parametrize(
    ("line", "wrong"),
    [
        ("pip install 'quotecheck[dask]'", True),
        ("pip install quotecheck", True),
        ('pip install -U "quotecheck[pandas]"', True),
        ("pip install 'news-quotecheck[dask]'", False),
        ("pip install . && quotecheck analyze x.txt", False),
        ("pip install --find-links dist/ 'news-quotecheck[dask]'", False),
    ],
)
def test_wrong_install_pattern(line: str, wrong: bool) -> None:
    """The check above catches the unrelated name and passes ours."""
    assert bool(WRONG_INSTALL_RE.search(line)) is wrong


def test_ci_looks_for_wheels_by_the_distribution_name() -> None:
    """Wheel files are named after the distribution; .ci/run's globs must match them."""
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    wheel = DISTRIBUTION.replace("-", "_")
    assert f"/{wheel}-*-py3-none-any.whl" in ci
    assert f"/{wheel}-*.whl" in ci
    assert "/quotecheck-*" not in ci


def test_mypyc_hook_modules_exist() -> None:
    """Every module the build hook compiles is a file of the package (the hook builds paths)."""
    hook = PYPROJECT["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["custom"]
    missing = [m for m in hook["compile"] if not (ROOT / "quotecheck" / f"{m}.py").is_file()]
    assert hook["compile"]
    assert missing == []
    assert (ROOT / "hatch_build.py").is_file()


def test_readme_says_how_to_install_on_cluster_workers() -> None:
    """The README shows the wheel route for workers."""
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "pip wheel '.[dask]' -w dist/" in readme
    assert "--find-links dist/ 'news-quotecheck[dask]'" in readme
    assert "PipInstall" in readme


def test_without_pandas_the_error_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without pandas both doors raise MissingExtraError with the pip command for the extra."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    for call in (
        lambda: quotecheck.to_frames([]),
        lambda: quotecheck.read_frames(tmp_path / "x.jsonl"),
    ):
        with pytest.raises(MissingExtraError) as info:
            call()
        assert "pip install 'news-quotecheck[pandas]'" in str(info.value)
        assert isinstance(info.value, ImportError)
        assert isinstance(info.value, quotecheck.QuotecheckError)
        assert (info.value.extra, info.value.module) == ("pandas", "pandas")
