"""The 1 km grid maps as a real browser draws them (Debian's chromium, offline), with screenshots."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from PIL import Image
from playwright.sync_api import sync_playwright

from bench.browser_support import SCREENSHOTS, launch, wait_idle

pytestmark = pytest.mark.browser
CHART = '[data-testid="stPlotlyChart"]'


# Where the browser draws points of the first plotly chart, in page pixels (the axes' own conversion).
TO_PAGE = """points => { const gd = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
  const box = gd.getBoundingClientRect(), xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  return points.map(([x, y]) => [box.left + window.scrollX + xa._offset + xa.l2p(x),
                                 box.top + window.scrollY + ya._offset + ya.l2p(y)]); }"""


def _drawn_colours(page, points) -> np.ndarray:
    where = np.array(page.evaluate(TO_PAGE, [list(p) for p in points]))
    shot = np.array(Image.open(io.BytesIO(page.screenshot(full_page=True))).convert("RGB")).astype(int)
    return shot[np.round(where[:, 1]).astype(int), np.round(where[:, 0]).astype(int)]


@pytest.mark.parametrize("width", [1440, 390])
def test_the_europe_grid_is_drawn_north_up_in_the_browser(app, store, width):
    from dashboard.maps.europe_grid import SIZE_KM, VIEW_X_KM, VIEW_Y_KM, europe_figure
    from indicators.places import local

    fig = europe_figure(store, "born_abroad")
    colours = np.array([[int(v) for v in t.marker.color[4:-1].split(",")] for t in fig.data
                        if t.type == "scatter" and t.showlegend])
    cells = local.coarse_cells(store, "born_abroad", SIZE_KM)
    x, y = (cells["col"] + 0.5) * SIZE_KM, (cells["row"] + 0.5) * SIZE_KM
    # cells well inside the window whose four neighbours share their colour (a cell is ~1-2 screen pixels)
    cells = cells.assign(code=np.where(cells["status"] == "value", cells["class"],
                                       np.where(cells["status"] == "few residents", len(colours) - 2, len(colours) - 1)))
    codes = cells.set_index(["col", "row"])["code"]
    same = np.ones(len(cells), dtype=bool)
    for dc, dr in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        at = pd.MultiIndex.from_arrays([(cells["col"] + dc).to_numpy(), (cells["row"] + dr).to_numpy()])
        near = codes.reindex(at).to_numpy()
        same &= near == cells["code"].to_numpy()
    inside = x.between(*VIEW_X_KM) & y.between(*VIEW_Y_KM)
    sample = cells[same & inside.to_numpy()].sample(400, random_state=1)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_context(viewport={"width": width, "height": 1000}).new_page()
        page.goto(f"{app.url}/?layer=grid")
        page.wait_for_selector(f"{CHART} g.imagelayer image", timeout=120_000)
        wait_idle(page, 120_000)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"europe_grid_{width}.png"), full_page=True)
        drawn = _drawn_colours(page, zip((sample["col"] + 0.5) * SIZE_KM, (sample["row"] + 0.5) * SIZE_KM))
        browser.close()
    match = (np.abs(drawn - colours[sample["code"].to_numpy()]).max(axis=1) <= 12).mean()
    # north up: 97 % at 1440 px, 72 % at 390 px (a 5 km cell is under a pixel there); upside down: 11-15 %
    assert match > 0.6, f"only {match:.0%} of the sampled cells are drawn in their own colour at their own place"
