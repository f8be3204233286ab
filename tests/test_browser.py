"""End to end in a real headless browser (Debian's chromium): the app as people use it."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlparse

import pandas as pd
import pytest
from PIL import Image
from pypdf import PdfReader

from indicators.regions import tables
from indicators.regions.mapdata import map_data
from bench.browser_support import MAP, REPO, SCREENSHOTS, wait_for_map, wait_idle

pytestmark = pytest.mark.browser


@pytest.fixture()
def tab(chromium_browser, app):
    context = chromium_browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    tab = context.new_page()
    outside = []
    tab.on("request", lambda r: outside.append(r.url) if not r.url.startswith((app.url, "data:", "blob:")) else None)
    tab.outside_requests = outside
    yield tab
    context.close()


def _params(page) -> dict:
    return {k: v[-1] for k, v in parse_qs(urlparse(page.url).query).items()}


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _expected_paths(store, indicator, level, year) -> int:
    data = map_data(store, indicator, level, year)
    background = json.loads(store.background_geojson())["features"]
    return len(data.values) + len(data.no_data) + len(background)


def test_the_map_draws_every_region_offline(tab, app, store):
    page = tab
    page.goto(f"{app.url}/?indicator=foreign_born_share&level=2&year=2023")
    drawn = wait_for_map(page)
    assert drawn == _expected_paths(store, "foreign_born_share", 2, 2023)
    assert page.outside_requests == []  # boundaries, base map stubs, fonts: all from the app itself
    _shot(page, "map")


def test_changing_indicator_and_year_redraws(tab, app, store):
    page = tab
    page.goto(f"{app.url}/?indicator=net_migration_rate&level=2&year=2021")
    wait_for_map(page)
    slider = page.locator('[data-testid="stSlider"] input[type="range"]').first
    slider.focus()
    slider.press("ArrowLeft")  # keyboard alone moves the year
    wait_idle(page)
    page.wait_for_function("() => new URLSearchParams(location.search).get('year') === '2020'", timeout=30_000)
    assert wait_for_map(page) == _expected_paths(store, "net_migration_rate", 2, 2020)
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text="Indicator")
    box.click()
    page.keyboard.type("Foreign-born share of the population aged")
    page.keyboard.press("Enter")
    wait_idle(page)
    page.wait_for_function("() => new URLSearchParams(location.search).get('indicator') === 'foreign_born_share'",
                           timeout=30_000)
    year = int(_params(page)["year"])
    assert year == tables.years(store, "foreign_born_share", 2)[-1]  # the year follows the indicator to its latest
    assert wait_for_map(page) == _expected_paths(store, "foreign_born_share", 2, year)


def test_a_year_change_updates_the_same_map_in_place(tab, app):
    """Issue 15: the map's plot node survives the rerun (Plotly.react, not a new chart) and shows the new year."""
    page = tab
    page.goto(f"{app.url}/?indicator=net_migration_rate&level=3&year=2020")
    wait_for_map(page)
    page.evaluate(f"() => {{ window.__plot = document.querySelector('{MAP} .js-plotly-plot'); }}")
    title = "() => window.__plot.querySelector('.gtitle').textContent"
    assert " · 2020 · NUTS 3" in page.evaluate(title)
    slider = page.locator('[data-testid="stSlider"] input[type="range"]').first
    slider.focus()
    slider.press("ArrowLeft")
    page.wait_for_function("() => new URLSearchParams(location.search).get('year') === '2019'", timeout=30_000)
    wait_for_map(page)
    page.wait_for_function(f"() => ({title})().includes(' · 2019 · NUTS 3')", timeout=30_000)
    assert page.evaluate(f"() => window.__plot.isConnected && document.querySelectorAll('{MAP} .js-plotly-plot')"
                         f".length === 1 && document.querySelector('{MAP} .js-plotly-plot') === window.__plot")
    assert page.locator(f"{MAP}[role=figure]").get_attribute("aria-label").startswith("Map of Crude rate")
    assert "2019" in page.locator(MAP).get_attribute("aria-label")


def test_a_year_beside_the_shown_one_is_drawn_ahead_of_the_rerun_and_only_once(tab, app):
    """Issue 15's speed: after drawing 2020 the map fetched 2019's and 2021's figures; the year key draws 2019
    from that at once, and the rerun's figure, the same bytes, is not drawn again."""
    page = tab
    page.goto(f"{app.url}/?indicator=net_migration_rate&level=3&year=2020")
    wait_for_map(page)
    state = f"document.querySelector('{MAP}').__atlas"
    page.wait_for_function(f"() => {state}.fetched.has({state}.ahead['2019'])", timeout=30_000)
    assert page.evaluate(f"async () => (await {state}.fetched.get({state}.ahead['2019'])) !== null")
    draws = int(page.locator(MAP).get_attribute("data-draws"))
    slider = page.locator('.st-key-w_year input[type="range"]')
    slider.focus()
    slider.press("ArrowLeft")
    page.wait_for_function("() => new URLSearchParams(location.search).get('year') === '2019'", timeout=30_000)
    wait_for_map(page)
    assert " · 2019 · NUTS 3" in page.locator(f"{MAP} .gtitle").first.text_content()
    assert page.locator(MAP).get_attribute("data-source") == "ahead"
    assert int(page.locator(MAP).get_attribute("data-draws")) == draws + 1
    assert page.evaluate(f"() => Object.keys({state}.ahead).sort()") == ["2018", "2020"]


def test_a_new_indicator_is_drawn_by_the_rerun_even_when_its_year_was_fetched_ahead(tab, app, store):
    """The slider moving because the rerun set it (a new indicator starts at its latest year) must not draw the
    old indicator's figure fetched ahead for that year: only a step the reader takes on the slider does."""
    page = tab
    page.goto(f"{app.url}/?indicator=tertiary_foreign_born&level=2&year=2021")
    wait_for_map(page)
    latest = tables.years(store, "low_education_foreign_born", 2)[-1]
    assert len(tables.years(store, "low_education_foreign_born", 2)) == len(tables.years(store, "tertiary_foreign_born", 2))
    state = f"document.querySelector('{MAP}').__atlas"
    page.wait_for_function(f"() => {state}.fetched.has({state}.ahead['{latest}'])", timeout=30_000)
    draws = int(page.locator(MAP).get_attribute("data-draws"))
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text="Indicator")
    box.click()
    page.keyboard.type("Low (ISCED 0-2) attainment of people born abroad")
    page.keyboard.press("Enter")
    page.wait_for_function("() => new URLSearchParams(location.search).get('indicator') === "
                           "'low_education_foreign_born'", timeout=30_000)
    wait_for_map(page)
    assert _params(page)["year"] == str(latest)
    assert page.locator(f"{MAP} .gtitle").first.text_content().startswith("Low education, foreign-born")
    assert page.locator(MAP).get_attribute("data-source") == "page"
    assert int(page.locator(MAP).get_attribute("data-draws")) == draws + 1


def test_clicking_a_region_opens_its_profile(tab, app):
    page = tab
    page.goto(f"{app.url}/?indicator=foreign_born_share&level=2&year=2023")
    wait_for_map(page)
    # the largest drawn region that is not background (the first trace, "Not covered"): click the middle of its box
    paths = page.locator(f'{MAP} .choroplethlayer > g.trace:not(:first-child) path')
    boxes = [(i, paths.nth(i).bounding_box()) for i in range(paths.count())]
    chart = page.locator(MAP).first.bounding_box()
    candidates = [(i, b) for i, b in boxes if b and b["width"] < chart["width"] / 6 and b["height"] < chart["height"] / 6]
    index, box = max(candidates, key=lambda item: item[1]["width"] * item[1]["height"])
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**/region?**", timeout=30_000)
    wait_idle(page)
    assert _params(page).get("geo")
    page.wait_for_selector("text=Headline figures", timeout=30_000)
    _shot(page, "region")


def test_find_a_region_by_typing_part_of_its_name(tab, app):
    page = tab
    page.goto(f"{app.url}/region")
    wait_idle(page)
    search = page.get_by_role("combobox", name="Find a region by name or code")
    search.focus()  # keyboard only: focus, type, Enter
    page.keyboard.type("Lombard")
    page.keyboard.press("Enter")
    wait_idle(page)
    page.wait_for_function("() => new URLSearchParams(location.search).get('geo') === 'ITC4'", timeout=30_000)
    page.wait_for_selector("h1:has-text('Lombardia')", timeout=30_000)


def test_compare_three_regions(tab, app):
    page = tab
    page.goto(f"{app.url}/compare?geos=ITC4,AT13,DE11&indicator=foreign_born_share&level=2&year=2023")
    wait_idle(page)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .barlayer', timeout=30_000)
    bars = page.locator('[data-testid="stPlotlyChart"]').first
    # the three regions, then their countries and the EU (complete for 2023: computed from every region)
    assert bars.locator(".barlayer .point").count() == 3 + 4
    assert bars.locator(".xtick text", has_text="EU27").count() == 1
    _shot(page, "compare")


def test_a_weight_changes_the_most_affected_order(tab, app):
    page = tab
    page.goto(f"{app.url}/most-affected?level=2&preset=own")
    wait_idle(page)
    # a cold first render on the shared 2-core machine took ~50 s (2026-11-28, load average 12)
    page.wait_for_selector('[data-testid="stDataFrame"]', timeout=120_000)
    assert _params(page).get("weights") == "net_migration_rate:1,foreign_born_share_change:1"  # own mix: written whole
    slider = page.get_by_role("slider", name="Crude rate of net migration plus statistical adjustment")
    final = "foreign_born_share_change:1"  # net migration from 1 to 0 in steps of 0.25; a 0 is not written
    for _ in range(12):  # one step at a time until the URL holds the final weights: a rerun can take the focus
        if _params(page).get("weights") == final:
            break
        slider.focus()
        slider.press("ArrowLeft")
        wait_idle(page)
    # Wait for the final weights, not for any change of the URL (an intermediate step also changes it).
    page.wait_for_function(f"() => new URLSearchParams(location.search).get('weights') === {json.dumps(final)}",
                           timeout=60_000)
    _shot(page, "most_affected")


def _download(page, button_text: str):
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name=button_text).click()
    return info.value


def test_downloads_arrive_and_open(tab, app, tmp_path):
    page = tab
    page.goto(f"{app.url}/?indicator=net_migration_rate&level=2&year=2021")
    wait_for_map(page)
    csv = _download(page, "Data on the map (CSV)")
    frame = pd.read_csv(csv.path(), encoding="utf-8-sig")
    assert len(frame) >= 260 and list(frame.columns)[:2] == ["geo", "name"]
    for fmt, check in (("PNG", lambda b: Image.open(io.BytesIO(b)).size[0] > 0),
                       ("SVG", lambda b: ET.fromstring(b) is not None and b"EuroGeographics" in b)):
        page.get_by_role("button", name=f"Prepare map ({fmt})").click()
        wait_idle(page, 120_000)
        file = _download(page, f"⬇ map ({fmt})")
        assert check(open(file.path(), "rb").read())
    page.goto(f"{app.url}/region?geo=ITC4")
    wait_idle(page)
    page.get_by_role("button", name="Prepare one-page briefing (PDF)").click()
    wait_idle(page, 120_000)
    briefing = _download(page, "⬇ one-page briefing (PDF)")
    assert "Lombardia" in PdfReader(briefing.path()).pages[0].extract_text()


def test_a_copied_url_reopens_the_same_view(chromium_browser, tab, app):
    page = tab
    page.goto(f"{app.url}/compare?geos=ITC4,AT13&indicator=tertiary_gap_foreign_born&level=2&year=2020&lang=fr")
    wait_idle(page)
    copied = page.url
    other = chromium_browser.new_context().new_page()
    other.goto(copied)
    wait_idle(other)
    assert _params(other) == _params(page)
    # the regions' picker (Compare also has a cities picker, in an expander)
    regions = other.locator('[data-testid="stMultiSelect"]').filter(has_text="Lombardia")
    assert regions.inner_text().count("(") >= 2
    other.context.close()


def test_embed_hides_the_chrome(tab, app):
    page = tab
    page.goto(f"{app.url}/?embed=1")
    wait_for_map(page)
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    assert page.locator("text=Data as of").count() == 0
    _shot(page, "embed")


def test_every_chart_has_a_text_alternative_and_images_have_alt(tab, app):
    page = tab
    for path in ("/?indicator=foreign_born_share&level=2&year=2023", "/region?geo=AT13", "/compare?geos=ITC4,AT13"):
        page.goto(app.url + path)
        wait_idle(page)
        if path.startswith("/?"):
            wait_for_map(page)  # the map labels itself when its script runs, just after the page's run
        page.wait_for_selector(f'[data-testid="stPlotlyChart"], {MAP}', timeout=30_000)
        charts = page.locator(f'[data-testid="stPlotlyChart"], {MAP}')
        for i in range(charts.count()):
            label = charts.nth(i).get_attribute("aria-label") or charts.nth(i).locator("[aria-label]").first.get_attribute("aria-label")
            assert label, f"chart {i} on {path} has no text alternative"
        for img in page.locator("img").all():
            assert img.get_attribute("alt") is not None


@pytest.mark.parametrize("path, name", [("/sources", "sources"), ("/status", "status")])
def test_the_other_pages_render(tab, app, path, name):
    page = tab
    page.goto(app.url + path)
    wait_idle(page)
    page.wait_for_selector("h1", timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    _shot(page, name)


AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"  # npm install axe-core (README, .ci/run)
AXE_PAGES = ("/", "/region?geo=ITC4", "/compare?geos=ITC4,AT13,DE11", "/most-affected", "/data-gaps", "/sources",
             "/status")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_axe_core_finds_no_violation_on_any_page(tab, app, lang):
    assert AXE.exists(), f"axe-core is missing: npm install --no-save --no-package-lock axe-core@4.14.1 (in {REPO})"
    page, found = tab, {}
    for path in AXE_PAGES:
        page.goto(app.url + path + ("&" if "?" in path else "?") + f"lang={lang}")
        page.wait_for_selector("h1", timeout=60_000)
        wait_idle(page)
        if path == "/":  # the map draws in the browser after the run (plotly.js may still be loading): let it
            wait_for_map(page)
        page.wait_for_timeout(1000)  # elements of a finished rerun fade back in; axe blends their opacity
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("async () => (await axe.run(document)).violations.map("
                                   "v => `${v.id} (${v.nodes.length}): ${v.nodes[0].html.slice(0, 120)}`)")
        if violations:
            found[path] = violations
    assert not found, found


def test_on_a_phone_the_map_is_on_the_first_screen_with_its_insets_and_the_legend_under_it(chromium_browser, app):
    context = chromium_browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(f"{app.url}/?indicator=foreign_born_share&level=2&year=2023")
        wait_for_map(page, 240_000)
        chart = page.locator(MAP).first
        box = chart.bounding_box()
        assert box["width"] >= 340  # the page's width, less its padding
        geos = chart.locator("g.geo")
        assert geos.count() == 9  # Europe and the eight outermost regions, each in its own framed inset
        europe = geos.first.bounding_box()
        assert box["y"] < 844 and europe["y"] < 844, (box, europe)  # above the fold
        legend = chart.locator("g.legend").bounding_box()
        assert legend["y"] >= europe["y"] + europe["height"] - 1  # below the map, never over it
        assert legend["x"] + legend["width"] <= box["x"] + box["width"]  # wrapped inside the width
        _shot(page, "map-390")
    finally:
        context.close()
