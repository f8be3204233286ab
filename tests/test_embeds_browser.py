"""A static embed opened from a plain file server on loopback, with no app process: the map draws, the year
changes, the source line follows, and axe-core finds no violation."""

from __future__ import annotations

import functools
import json
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import orjson
import pytest
from playwright.sync_api import sync_playwright

from dashboard.export import embeds
from indicators.regions.mapdata import map_data
from bench.browser_support import REPO, SCREENSHOTS, launch

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"  # npm install axe-core (README, .ci/run)
INDICATOR, LEVEL = "foreign_born_share", 2
MAP = "#atlas-map"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # the test's output stays readable
        pass


@pytest.fixture(scope="module")
def served(store, tmp_path_factory):
    """The embeds of one indicator written to a folder, served by Python's plain file server on 127.0.0.1."""
    out = tmp_path_factory.mktemp("embeds")
    for path, data in embeds.files(store, ["en"], [INDICATOR]):
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(data)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(out)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", out
    server.shutdown()
    server.server_close()


@pytest.fixture()
def tab(served):
    base, _ = served
    with sync_playwright() as playwright:
        browser = launch(playwright)
        tab = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
        tab.outside = []
        tab.on("request", lambda r: tab.outside.append(r.url) if not r.url.startswith((base, "data:", "blob:")) else None)
        yield tab
        browser.close()


def _paths(store, year: int) -> int:
    data = map_data(store, INDICATOR, LEVEL, year)
    return len(data.values) + len(data.no_data) + len(json.loads(store.background_geojson())["features"])


def _drawn(page, year: int) -> None:
    page.wait_for_function(f"() => document.querySelector('{MAP}').dataset.year === '{year}'", timeout=60_000)


def test_the_static_embed_draws_changes_year_and_shows_its_source_without_an_app(tab, served, store):
    page, (base, out) = tab, served
    page.goto(f"{base}/{embeds.page_path(INDICATOR, LEVEL, 'en')}?year=2021")
    _drawn(page, 2021)
    assert page.locator(f"{MAP} .choroplethlayer path").count() == _paths(store, 2021)
    assert page.locator(f"{MAP} g.geo").count() == 9  # Europe and the eight outermost regions' insets
    assert page.locator(f"{MAP} g.legend").count() == 1
    first = orjson.loads((out / INDICATOR / f"nuts{LEVEL}.en" / "2021.json").read_bytes())
    assert page.inner_text("#atlas-source") == first["source"]

    slider = page.locator("#atlas-year")
    slider.focus()
    slider.press("ArrowLeft")  # the keyboard alone moves the year
    _drawn(page, 2020)
    second = orjson.loads((out / INDICATOR / f"nuts{LEVEL}.en" / "2020.json").read_bytes())
    assert page.inner_text("#atlas-year-shown") == "2020"
    assert "2020" in page.locator(f"{MAP} .infolayer .gtitle").text_content()
    assert page.locator(f"{MAP} .choroplethlayer path").count() == _paths(store, 2020)
    assert page.inner_text("#atlas-source") == second["source"]
    assert page.get_attribute(MAP, "aria-label") == second["label"]
    assert page.url.endswith("?year=2020") and "year=2020" in page.get_attribute("#atlas-live", "href")
    assert page.outside == []  # plotly.js, boundaries, base maps and figures: all from the same folder
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "static-embed.png"), full_page=True)


def test_axe_core_finds_no_violation_on_a_static_embed(tab, served):
    assert AXE.exists(), f"axe-core is missing: npm install --no-save --no-package-lock axe-core@4.14.1 (in {REPO})"
    page, (base, _) = tab, served
    page.goto(f"{base}/{embeds.page_path(INDICATOR, LEVEL, 'en')}")
    _drawn(page, 2023)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("async () => (await axe.run(document)).violations.map("
                               "v => `${v.id} (${v.nodes.length}): ${v.nodes[0].html.slice(0, 120)}`)")
    assert violations == []
