"""Issue 22 items 5 and 8 in a real browser: the profile's strip charts keep their legend off their axis and their
axis to regions of one level, and the embed shows its whole map, legend and source line in the snippet's frame."""

from __future__ import annotations

import pytest

from dashboard.screens.share import IFRAME_HEIGHT
from bench.browser_support import MAP, SCREENSHOTS, wait_for_map, wait_idle

pytestmark = pytest.mark.browser

STRIPS = '.stElementContainer[class*="st-key-strip-"] .js-plotly-plot'
# Per strip chart: its key, whether its legend scrolls, whether the legend covers a tick label, the tick labels cut
# at the chart's edge, and the x axis's span against the span of the regions' dots.
STRIP_FACTS_JS = """
(selector) => Array.from(document.querySelectorAll(selector)).map((gd) => {
  const box = (e) => e.getBoundingClientRect();
  const meets = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const svg = box(gd.querySelector('.main-svg'));
  const legend = gd.querySelector('.legend .bg');
  const bar = gd.querySelector('.legend .scrollbar');
  const ticks = Array.from(gd.querySelectorAll('.xtick text')).map(box).filter((t) => t.width > 0);
  const dots = gd.calcdata.filter((cd) => cd[0].trace.mode === 'markers').flatMap((cd) => cd.map((p) => p.x));
  const range = gd._fullLayout.xaxis.range;
  return {key: gd.closest('.stElementContainer').className.match(/st-key-(strip-[\\w-]+)/)[1],
          scrolls: !!bar && box(bar).height > 0 && box(bar).width > 0,
          covered: !!legend && ticks.some((t) => meets(t, box(legend))),
          cut: ticks.filter((t) => t.left < svg.left - 1 || t.right > svg.right + 1).length,
          span: (range[1] - range[0]) / ((Math.max(...dots) - Math.min(...dots)) || 1)};
})
"""


@pytest.mark.parametrize("path, width", [("/region?geo=AT126", 1440), ("/region?geo=FR106&lang=fr", 390)])
def test_the_headline_strips_keep_legend_and_axis_apart(chromium_browser, app, path, width):
    """Item 5: no legend scrollbar, no legend over a tick label, no tick label cut at the edge, and no country or EU
    total on a strip of regions (the population strip was one point beside the EU's 450 million)."""
    page = chromium_browser.new_context(viewport={"width": width, "height": 900}).new_page()
    try:
        page.goto(app.url + path)
        page.wait_for_selector(STRIPS, timeout=180_000)
        wait_idle(page, 180_000)
        page.wait_for_timeout(1000)
        facts = page.evaluate(STRIP_FACTS_JS, STRIPS)
        cards = page.locator('[data-testid="stVerticalBlock"]:has(> .stElementContainer[class*="st-key-strip-"])')
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for i in range(cards.count()):  # each card, the strip with its figure's lines
            cards.nth(i).scroll_into_view_if_needed()
            cards.nth(i).screenshot(path=str(SCREENSHOTS / f"strip-{path.split('=')[1][:5]}-{width}-{i}.png"))
    finally:
        page.context.close()
    assert any(f["key"] == "strip-population" for f in facts)
    assert [f["key"] for f in facts if f["scrolls"]] == []
    assert [f["key"] for f in facts if f["covered"]] == []
    assert [f["key"] for f in facts if f["cut"]] == []
    assert [(f["key"], round(f["span"], 1)) for f in facts if f["span"] > 1.3] == []


# Where the embed's parts are, in the frame's pixels: the year slider, the map's drawing, its legend, the source line
# under it, the main map's regions, and each outermost region's label against its box.
EMBED_FACTS_JS = """
(map) => {
  const box = (e) => e && e.getBoundingClientRect();
  const gd = document.querySelector(`${map} .js-plotly-plot`);
  const after = gd.closest('.stElementContainer').nextElementSibling;
  const frames = Array.from(gd.querySelectorAll('.shapelayer path')).map(box);
  const inside = (t) => frames.some((f) => t.left >= f.left - 1 && t.right <= f.right + 1 && t.top >= f.top - 1
                                            && t.bottom <= f.bottom + 1);
  const labels = Array.from(gd.querySelectorAll('.annotation')).filter((a) => gd._fullLayout.annotations
      .some((n) => n.name === 'inset' && n.text === a.textContent));
  const main = box(gd.querySelector('.geolayer > .geo .choroplethlayer'));
  return {slider: box(document.querySelector('[data-testid="stMain"] [data-testid="stSlider"]')).top, plot: box(gd).bottom,
          legend: box(gd.querySelector('.legend')).bottom, source: box(after).bottom, source_text: after.innerText,
          main_width: main.width, labels: labels.length,
          title_cut: box(gd.querySelector('.gtitle')).top < box(gd.querySelector('.main-svg')).top - 1,
          spilling: labels.filter((a) => !inside(box(a.querySelector('text')))).map((a) => a.textContent)};
}
"""


@pytest.mark.parametrize("width", [800, 390])
def test_the_embed_shows_map_legend_and_source_in_the_snippets_frame(chromium_browser, app, width):
    """Item 8: the share panel's snippet is an iframe IFRAME_HEIGHT px high: at 800 and 390 px wide the year slider
    starts at the top, and the map, its legend and the source line end inside the frame; each outermost region's
    label stays inside its box; the map keeps most of the frame's width."""
    page = chromium_browser.new_context(viewport={"width": width, "height": IFRAME_HEIGHT}).new_page()
    try:
        page.goto(f"{app.url}/?indicator=foreign_born_share&level=2&year=2023&embed=1")
        wait_for_map(page, 180_000)
        facts = None
        for _ in range(20):  # until the layout holds still (on a loaded machine the source line comes late)
            page.wait_for_timeout(1000)
            facts, before = page.evaluate(EMBED_FACTS_JS, MAP), facts
            if facts == before and "EuroGeographics" in facts["source_text"]:
                break
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"embed-frame-{width}x{IFRAME_HEIGHT}.png"))
    finally:
        page.context.close()
    assert "EuroGeographics" in facts["source_text"]
    assert facts["slider"] <= 40, facts
    assert max(facts["plot"], facts["legend"], facts["source"]) <= IFRAME_HEIGHT, facts
    assert not facts["title_cut"], facts
    assert facts["labels"] >= 5 and facts["spilling"] == [], facts
    # the map keeps Europe's aspect in the height left by the title, the chart's own source line (under the title
    # since images carry it there) and the legend: 59 % of the 800 px frame measured after the merge
    assert facts["main_width"] >= 0.55 * width, facts
