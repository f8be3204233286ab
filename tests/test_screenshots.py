"""Every page at 1440 px and on a 390 px phone, and the exported map at each size, into artifacts/screenshots/
(git-ignored: they are drawn from the data). The README says what was checked by eye; this test checks what a
machine can: each page draws without an error, and each image has its exact size."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from dashboard.export import images
from bench.browser_support import MAP, SCREENSHOTS, wait_for_map, wait_idle

pytestmark = pytest.mark.browser

PAGES = {  # page -> a path that shows it with real content
    "map": "/?indicator=foreign_born_share&level=2&year=2023",
    "region": "/region?geo=ES70",
    "town": "/town?lau=ES_28079",
    "compare": "/compare?geos=ITC4,AT13,DE11,ES51",
    "most_affected": "/most-affected?level=2",
    "data_gaps": "/data-gaps?geo=DE11",
    "sources": "/sources",
    "status": "/status",
    "embed": "/?indicator=foreign_born_share&level=2&year=2023&embed=1",
}
WIDTHS = {"1440": (1440, 900), "390": (390, 844)}


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("page_key", list(PAGES))
def test_every_page_at_desktop_and_phone_width(chromium_browser, app, page_key, width):
    w, h = WIDTHS[width]
    context = chromium_browser.new_context(viewport={"width": w, "height": h})
    page = context.new_page()
    try:
        page.goto(app.url + PAGES[page_key])
        # the page's own content first (a cold app answers with an empty frame), then the end of the run
        page.wait_for_selector(f'[data-testid="stMain"] h1, [data-testid="stPlotlyChart"], {MAP}', timeout=180_000)
        if page_key in ("map", "embed"):
            wait_for_map(page, timeout=180_000)
        wait_idle(page, timeout=180_000)
        page.wait_for_timeout(1500)  # a page that reruns once it has drawn (the profile's charts) starts again
        wait_idle(page, timeout=180_000)
        assert page.locator('[data-testid="stException"]').count() == 0
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{page_key}-{width}.png"), full_page=True)
    finally:
        context.close()


@pytest.mark.parametrize("size", list(images.MAP_SIZES))
def test_the_exported_map_at_each_size(store, size):
    png = images.map_image(store, "foreign_born_share", 2, 2023, "png", size=images.MAP_SIZES[size])
    assert Image.open(io.BytesIO(png)).size == images.MAP_SIZES[size]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / f"export-map-{size}.png").write_bytes(png)
