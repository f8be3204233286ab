"""/town in a real headless browser (Debian's chromium): the local map draws with no request leaving the machine."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from bench.browser_support import SCREENSHOTS, launch, wait_idle

pytestmark = pytest.mark.browser


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


FIRST_SCREEN_TOWNS = [("AT_32135", "Tulln an der Donau", "en"), ("NL_GM0513", "Gouda", "fr"),
                      ("IT_016024", "Bergamo", "it"), ("FR_93066", "Saint-Denis", "fr"), ("ES_46250", "Valencia", "es")]


@pytest.mark.parametrize("lau, name, lang", FIRST_SCREEN_TOWNS)
def test_the_first_screen_holds_the_answer_and_the_map_and_nothing_scrolls_sideways(app, lau, name, lang):
    """Issue 23: the answer sentence and the map on the first screen at 1440 and 390 px; issue 22 item 7: at 390 px
    the map takes the screen's width and every key figure is readable without horizontal scrolling."""
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        for width, height in ((1440, 900), (390, 844)):
            context = chromium.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            page.goto(f"{app.url}/town?lau={lau}&lang={lang}")
            page.get_by_role("heading", name=name).first.wait_for(timeout=120_000)
            chart = page.locator('[data-testid="stPlotlyChart"]').first
            chart.locator("g.hm image").first.wait_for(timeout=60_000)
            wait_idle(page)
            page.evaluate("window.scrollTo(0, 0)")
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"town_first_screen_{lau}_{width}.png"))
            sentence = page.locator('[data-testid="stMain"] p').filter(has_text="2021").first.bounding_box()
            box = chart.bounding_box()
            assert sentence["y"] + sentence["height"] <= height, (width, sentence)
            assert box["y"] < height * 0.8, (width, box)  # the map starts well inside the first screen
            if width == 390:
                assert box["width"] >= 340, box  # the map takes the screen's width (it was about 145 px)
            scrolls = page.evaluate("() => [...document.querySelectorAll('[data-testid=\"stMain\"] "
                                    "[data-testid=\"stVerticalBlockBorderWrapper\"], [data-testid=\"stMain\"] "
                                    "[data-testid=\"stMarkdownContainer\"]')].filter(e => e.scrollWidth > "
                                    "e.clientWidth + 1).map(e => e.innerText.slice(0, 40))")
            assert scrolls == [] and page.evaluate("document.documentElement.scrollWidth") <= width
            context.close()
        chromium.close()


def test_the_address_follows_the_town_a_reader_opens_from_the_town_page(app, chromium_browser):
    """A town picked from the town page's search, or from its towns like yours, showed that town while the address
    kept the old one (or none): a mayor's copied link opened the wrong town."""
    context = chromium_browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    page.goto(f"{app.url}/town?lang=fr")
    page.get_by_role("textbox").first.fill("Gouda")
    page.get_by_role("textbox").first.press("Enter")
    page.get_by_role("link", name="Gouda (Oost-Zuid-Holland, NL)").first.click()
    page.get_by_role("heading", name="Gouda").wait_for(timeout=120_000)
    page.wait_for_url(lambda url: "lau=NL_GM0513" in url, timeout=30_000)
    assert "lang=fr" in page.url
    page.goto(f"{app.url}/town?lau=AT_32135")
    page.get_by_role("heading", name="Tulln an der Donau").wait_for(timeout=120_000)
    match = page.locator('a[href*="lau="]:not([href*="AT_32135"])').first
    match.scroll_into_view_if_needed()
    href = match.get_attribute("href")
    match.click()
    lau = href.split("lau=")[1].split("&")[0]
    page.wait_for_url(lambda url: f"lau={lau}" in url, timeout=30_000)
    context.close()
