"""Issues 13, 15 and 22 in a real chromium against a freshly started app: the server's peak memory after a visit
of the main pages (the 1 km grid included, through the town page), the map's redraw after a year change beside
plotly.js alone drawing the same figures on a bare page, and the first map in a fresh tab beside a bare
Streamlit page drawing the same choropleth."""

from __future__ import annotations

import os
import statistics
import tempfile
from pathlib import Path

from bench.bare_plotly import WATCH_JS, BarePage, BareStreamlit, bare_redraws, first_map_ms

MAP_URL = "/?indicator=net_migration_rate&level=3&year=2020"
YEARS = (2020, 2019)  # the map's year, then the one ArrowLeft moves to
VISITS = [  # (path, a selector that says the page has drawn its main content)
    (MAP_URL, '[data-testid="atlasMap"] .choroplethlayer path'),  # the map page's map (dashboard/maps/plotly_map.py)
    ("/region?geo=ITC4", '[data-testid="stPlotlyChart"]'),
    ("/town?lau=NL_GM0513&radius=10", '[data-testid="stPlotlyChart"]'),
    ("/town?lau=FR_75056", '[data-testid="stPlotlyChart"]'),
    ("/town?lau=DE_11000000&radius=2", '[data-testid="stPlotlyChart"]'),
    ("/town?lau=PL_1007141286501", '[data-testid="stPlotlyChart"]'),
    ("/most-affected?level=3", "h1"),
]
YEAR_SLIDER = '[data-testid="stSlider"] input[type="range"], [data-testid="stSlider"] [role="slider"]'


def app_browser_bench(store, cache_dir: Path, add) -> None:
    from playwright.sync_api import sync_playwright

    from bench.browser_support import AppServer, launch, peak_memory_mb, wait_for_map, wait_idle

    server = AppServer(cache_dir, Path(tempfile.mkdtemp()) / "streamlit.log")
    try:
        idle_mb = _resident_mb(server.process.pid)
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
            for path, drawn in VISITS:
                page.goto(server.url + path)
                page.wait_for_selector(drawn, timeout=120_000)
                wait_idle(page, 120_000)
            peak_mb = peak_memory_mb(server.process.pid)
            page.context.close()
            app_ms, sources, settled_ms, size = _app_redraws(browser, server.url, wait_for_map, wait_idle)
            bare = BarePage(store, "net_migration_rate", 3, YEARS, size)
            try:
                first_ms, bare_ms = bare_redraws(browser, bare)
            finally:
                bare.stop()
            browser.close()
    finally:
        server.stop()
    add("app server peak memory (map, region, 4 towns, most affected)", peak_mb, "MB", 1536.0, baseline=idle_mb,
        note=f"VmHWM of the streamlit process; baseline: resident just after start; pages: {len(VISITS)}")
    app, floor = statistics.median(app_ms), statistics.median(bare_ms)
    add("browser: map redraw after a year change (key to drawn)", app, "ms", None, baseline=floor,
        note=f"NUTS 3, {YEARS[0]}<->{YEARS[1]}; baseline: plotly.js alone, Plotly.react of the same figures "
             f"(first draw {first_ms:.0f} ms, {bare.figure_bytes / 1000:.0f} KB)")
    add("browser: app redraw / plotly.js alone (ratio)", app / floor, "×", 2.0,
        note=f"app {', '.join(f'{v:.0f}' for v in app_ms)} ms, drawn from {', '.join(sources)}; "
             f"bare {', '.join(f'{v:.0f}' for v in bare_ms)} ms")
    add("browser: year change, key to the end of the page's rerun (table, link, downloads)",
        statistics.median(settled_ms), "ms", None, note=f"{', '.join(f'{v:.0f}' for v in settled_ms)} ms")


SETTLE_JS = """
(year) => {
  window.__settled = null;
  const done = () => new URLSearchParams(location.search).get('year') === year
      && !document.querySelector('[data-testid="stStatusWidget"]');
  const tick = () => { if (done()) { window.__settled = performance.now(); return; } requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
}
"""


def _app_redraws(browser, base: str, wait_for_map, wait_idle, repeat: int = 4):
    """Per year key: milliseconds from the press to a drawn map with the new year, measured in the page; how that
    figure came (``ahead``: fetched beside the shown year and drawn before the rerun, ``page``: by the rerun);
    milliseconds to the end of the page's rerun (its link shows the year). Also the chart's size."""
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.goto(base + MAP_URL)
    wait_for_map(page, 120_000)
    box = page.locator('[data-testid="atlasMap"] .js-plotly-plot').first.bounding_box()
    times, sources, settled = [], [], []
    for key, year in [("ArrowLeft", YEARS[1]), ("ArrowRight", YEARS[0])] * (repeat // 2):
        page.evaluate(WATCH_JS)
        page.evaluate(SETTLE_JS, str(year))
        slider = page.locator(YEAR_SLIDER).first
        slider.focus()
        slider.press(key)
        page.wait_for_function("window.__redraw.end !== null", timeout=120_000)
        times.append(page.evaluate("window.__redraw.end - window.__redraw.start"))
        page.wait_for_function("window.__settled !== null", timeout=120_000)
        settled.append(page.evaluate("window.__settled - window.__redraw.start"))
        wait_for_map(page, 120_000)  # let the run finish (and the years beside be fetched) before the next key
        sources.append(page.locator('[data-testid="atlasMap"]').get_attribute("data-source"))
    page.context.close()
    return times, sources, settled, (round(box["width"]), round(box["height"]))


def _resident_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def first_map_bench(store, cache_dir: Path, add, rounds: int = 5) -> None:
    """Issue 22 item 10: navigation start to every region of the NUTS-3 map drawn, in a fresh tab, the app's map
    page against a bare Streamlit page with the same figure. The machine is shared: the two are measured in
    turn within each round, after one round that warms both servers, and each tab's main-thread task time is
    given beside its wall time."""
    from playwright.sync_api import sync_playwright

    from bench.browser_support import AppServer, launch

    server = AppServer(cache_dir, Path(tempfile.mkdtemp()) / "streamlit.log")
    bare = BareStreamlit(store, "net_migration_rate", 3, YEARS[0])
    app_ms, bare_ms, app_cpu, bare_cpu = [], [], [], []
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for round_ in range(rounds + 1):
                app = first_map_ms(browser, server.url + MAP_URL, '[data-testid="atlasMap"] .choroplethlayer path',
                                   bare.paths)
                floor = first_map_ms(browser, bare.url, '[data-testid="stPlotlyChart"] .choroplethlayer path',
                                     bare.paths)
                if round_:
                    app_ms.append(app[0])
                    bare_ms.append(floor[0])
                    app_cpu.append(app[1])
                    bare_cpu.append(floor[1])
            browser.close()
    finally:
        server.stop()
        bare.stop()
    app, floor = statistics.median(app_ms), statistics.median(bare_ms)
    cpu, floor_cpu = statistics.median(app_cpu), statistics.median(bare_cpu)
    add("first map, fresh tab: app vs bare Streamlit", app / floor, "×", 1.2,
        note=f"medians: app {app:.0f} ms, bare Streamlit {floor:.0f} ms (NUTS 3, {bare.paths} paths; navigation "
             f"start to all drawn, interleaved; app {', '.join(f'{v:.0f}' for v in app_ms)}; "
             f"bare {', '.join(f'{v:.0f}' for v in bare_ms)}); main-thread task time app {cpu:.0f} ms, "
             f"bare {floor_cpu:.0f} ms ({cpu / floor_cpu:.2f}×); load average {os.getloadavg()[0]:.1f}")
