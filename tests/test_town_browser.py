"""/town in a real headless browser (Debian's chromium): the local map draws with no request leaving the machine."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from tests.browser_support import SCREENSHOTS, AppServer, launch, wait_idle

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app(store_env, tmp_path_factory):
    server = AppServer(store_env, tmp_path_factory.mktemp("app") / "streamlit.log")
    yield server
    server.stop()


def test_town_page_draws_the_local_map_offline(app):
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        context = chromium.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        outside = []
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((app.url, "data:", "blob:")) else None)
        page.goto(f"{app.url}/town?lau=NL_GM0513&radius=10")
        page.get_by_role("heading", name="Gouda").wait_for(timeout=120_000)
        page.locator('[data-testid="stPlotlyChart"] g.hm image').first.wait_for(timeout=60_000)
        wait_idle(page)
        assert page.locator('[data-testid="stPlotlyChart"] .scatterlayer path.js-line').count() >= 1  # the circle
        assert "lau=NL_GM0513" in page.url and "radius=10" in page.url
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "town.png"), full_page=True)
        assert outside == []
        context.close()
        chromium.close()
