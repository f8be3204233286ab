"""Where plotly.js puts a figure's texts and frames: the figure drawn by plotly's own bundle (the one kaleido uses)
in Debian's chromium, the boxes read back in CSS pixels."""

from __future__ import annotations

from pathlib import Path

import plotly

from bench.browser_support import launch

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
BOXES = """() => {
  const box = el => { const r = el.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top,
                                                                     bottom: r.bottom, text: el.textContent}; };
  const all = sel => [...document.querySelectorAll(sel)].map(box);
  return {title: all('.gtitle'), annotations: all('.annotation-text-g'), legend: all('.legend .bg'),
          legend_items: all('.legend .traces'), frames: all('.shapelayer path'), geos: all('.geo .bg'),
          xticks: all('.xtick text')};
}"""


def text_boxes(playwright, figures: list[tuple[str, int, int]]) -> list[dict]:
    """For each (figure as JSON, width, height): the boxes of the title, annotations, legend, shapes and geo
    subplots, in CSS pixels from the figure's top left corner. Fonts as the image renderer has them."""
    browser = launch(playwright)
    page = browser.new_page()
    from dashboard.maps.boundaries import EMPTY_TOPOLOGY

    # plotly's base-map request, answered as the app and the image renderer answer it (nothing leaves the machine)
    page.route("http://basemap.invalid/**", lambda route: route.fulfill(json=EMPTY_TOPOLOGY))
    page.set_content("<html><body style='margin:0'><div id='fig'></div></body></html>")
    page.add_script_tag(path=str(PLOTLY_JS))
    out = []
    for fig, width, height in figures:
        page.evaluate("""([f, w, h]) => { f = JSON.parse(f); Object.assign(f.layout, {width: w, height: h});
            return Plotly.newPlot('fig', f.data, f.layout, {staticPlot: true, topojsonURL: 'http://basemap.invalid/'}); }""",
                      [fig, width, height])
        page.wait_for_timeout(200)
        out.append(page.evaluate(BOXES))
    browser.close()
    return out
