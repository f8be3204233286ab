"""The cities and Spanish municipalities views in a real headless browser (Debian's chromium), offline."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from bench.browser_support import SCREENSHOTS, launch, wait_for_map, wait_idle

pytestmark = pytest.mark.browser
POINTS = '[data-testid="stPlotlyChart"] path.point'


def _settled_points(page, at_least: int) -> int:
    page.wait_for_function(f"document.querySelectorAll('{POINTS}').length >= {at_least}", timeout=90_000)
    wait_idle(page, 90_000)
    return page.locator(POINTS).count()


def test_cities_and_spanish_municipalities_draw_offline(app, store):
    from indicators.places import local_maps

    cities = local_maps.city_points(store)
    spain = local_maps.municipal_points(store)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        outside = []
        page.on("request", lambda r: outside.append(r.url)
                if not r.url.startswith((app.url, "data:", "blob:")) else None)
        page.goto(app.url)
        wait_for_map(page, 90_000)  # the regional map first: a click during the first run would be lost
        page.get_by_text("Cities", exact=True).click()
        assert _settled_points(page, len(cities.rows)) >= len(cities.rows)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "local_cities.png"), full_page=True)
        page.get_by_text("Municipalities (Spain)", exact=True).click()
        assert _settled_points(page, 8000) >= len(spain.rows)
        page.screenshot(path=str(SCREENSHOTS / "local_spain.png"), full_page=True)
        browser.close()
    assert not outside, outside[:5]
