"""The HTML report in a real browser: headless Chromium loads it, runs its script, lays it out.

Skipped, with the reason, when no Chromium is installed (``apt-get install chromium``; ``.ci/run``
installs it). Each test writes the page to a temporary file, loads it with ``--dump-dom`` (the
DOM after the page's scripts ran) and asserts on what the browser produced.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import quotecheck as qc
from quotecheck.report import render
from tests.conftest import SEEDS

pytestmark = pytest.mark.slow

SEED = (SEEDS / "libya-special-forces.txt").read_text("utf-8")
BROWSER = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
needs_browser = pytest.mark.skipif(
    BROWSER is None, reason="no chromium on PATH: apt-get install chromium to run browser tests"
)

# Runs after the report's own script; records what the browser did as attributes on <html>.
PROBE = """<script>
(function () {
  var root = document.documentElement, main = document.querySelector(".qc-main");
  root.setAttribute("data-probe-overflow", String(root.scrollWidth > window.innerWidth));
  root.setAttribute("data-probe-columns",
    String(getComputedStyle(main).gridTemplateColumns.split(" ").length));
  var span = document.querySelector("#qc-article .qc[tabindex='0']");
  var tip = document.getElementById("qc-tip");
  span.focus();
  root.setAttribute("data-probe-focusable", String(document.activeElement === span));
  // A headless window may lack OS focus, and then focus() fires no event: send it ourselves.
  span.dispatchEvent(new FocusEvent("focusin", {bubbles: true}));
  root.setAttribute("data-probe-tip", tip && !tip.hidden ? tip.textContent : "hidden");
  span.dispatchEvent(new FocusEvent("focusout", {bubbles: true}));
  var hidden = String(tip.hidden);
  var last = document.querySelectorAll("#qc-article .qc-k-direct")[0];
  last.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
  root.setAttribute("data-probe-hover", hidden + " " + (tip.hidden ? "hidden" : tip.textContent));
  var box = document.querySelector(".qc-toggle");
  box.click();
  root.setAttribute("data-probe-toggled", document.getElementById("qc-article").className);
})();
</script>"""


def browse(page: str, tmp_path: Path, *, width: int = 1280, probe: bool = True) -> str:
    """Load ``page`` in headless Chromium at ``width`` px and return the DOM after scripts ran."""
    assert BROWSER is not None
    if probe:
        page = page.replace("</body>", PROBE + "\n</body>")
    html_file = tmp_path / "report.html"
    html_file.write_text(page, "utf-8")
    done = subprocess.run(
        [*chromium_args(BROWSER, tmp_path, width), "--dump-dom", html_file.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def chromium_args(browser: str, tmp_path: Path, width: int) -> list[str]:
    """Headless Chromium flags: no sandbox, no network chatter, a throw-away profile."""
    return [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'profile'}",
        f"--window-size={width},900",
    ]


@needs_browser
def test_seed_report_scripted_dom(tmp_path: Path) -> None:
    """The seed's report runs its script: tooltip on focus, legend toggles, spans and panels."""
    dom = browse(render(SEED, qc.analyze(SEED, doc_id="seed"), "html"), tmp_path)
    assert 'class="qc-js"' in dom  # the report's script ran
    assert 'id="qc-tip"' in dom
    assert dom.count('class="qc-toggle"') == 11  # one checkbox per legend entry
    assert 'data-probe-toggled="qc-article qc-off-' in dom  # unticking hides that kind
    tip = dom.split('data-probe-tip="', 1)[1].split('"', 1)[0]
    assert tip != "hidden"
    assert len(tip) > 5  # focusing a span shows its description
    assert 'data-probe-focusable="true"' in dom
    assert 'data-probe-hover="true Direct quote' in dom  # hidden on blur, then shown on hover
    assert 'class="qc-legend"' in dom
    assert 'class="qc-chart"' in dom
    assert dom.count('class="qc qc-k-') >= 16  # at least one span per sentence
    assert "data-title=" in dom  # native titles replaced by the script's tooltip


@needs_browser
def test_hostile_article_runs_nothing(tmp_path: Path) -> None:
    """An article holding a script and an onerror image shows them as text; neither runs."""
    text = (
        "Officials said <script>document.documentElement.setAttribute('data-pwned','script')"
        '</script> and "><img src=x onerror="document.documentElement.setAttribute('
        "'data-pwned','img')\"> in a statement.\n\n“It is safe,” a spokesman said."
    )
    dom = browse(render(text, qc.analyze(text), "html"), tmp_path)
    assert 'class="qc-js"' in dom  # scripts were enabled, so silence is meaningful
    assert 'data-pwned="' not in dom
    assert "&lt;script&gt;document.documentElement" in dom
    assert "<img" not in dom


@needs_browser
@pytest.mark.parametrize(("width", "columns"), [(390, "1"), (1280, "2")])
def test_layout_fits_phone_and_desktop(tmp_path: Path, width: int, columns: str) -> None:
    """On a phone the panels stack under the article and nothing scrolls sideways."""
    dom = browse(render(SEED, qc.analyze(SEED), "html"), tmp_path, width=width)
    assert 'data-probe-overflow="false"' in dom
    assert f'data-probe-columns="{columns}"' in dom


@needs_browser
def test_screenshot(tmp_path: Path) -> None:
    """Chromium can photograph the report (what docs/report.png is made with)."""
    assert BROWSER is not None
    page = tmp_path / "report.html"
    page.write_text(render(SEED, qc.analyze(SEED), "html"), "utf-8")
    shot = tmp_path / "shot.png"
    subprocess.run(
        [*chromium_args(BROWSER, tmp_path, 1000), f"--screenshot={shot}", page.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
