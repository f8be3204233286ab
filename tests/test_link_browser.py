"""Every link the app shows, opened in a real browser (issue 21): the menu, the links pages build, the share
panel's link and the embed code's src, on every page in English and French. None may land on 'Page not found'
or lose the reader's language."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

from dashboard.i18n import LANGUAGES
from dashboard.pages import PAGES
from bench.browser_support import MAP_PATHS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", autouse=True)
def _embeds_published():
    """This module's app publishes static embeds where deploy/ does (set before the app process starts)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MIGRATION_EMBEDS_URL", "/embeds/")
        yield

# each page opened with a link that draws its links (a region's peers and towns, a town's profiles, the basket)
OPENED = {"map": "?indicator=foreign_born_share&level=2&year=2023&geos=ITC4,AT13",
          "region": "region?geo=ITC4", "town": "town?lau=FR_93066", "compare": "compare?geos=ITC4,AT13",
          "most_affected": "most-affected?level=2&countries=AT", "data_gaps": "data-gaps?geo=ITC4",
          "sources": "sources", "status": "status"}
SETTLE_MS = 240_000
LANGUAGE = '[data-testid="stSidebar"] [data-testid="stRadio"]'  # the sidebar's first radio: the language


def _settle(page) -> None:
    """Wait until the app's run is over: its 'running' widget absent for three seconds in a row."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=SETTLE_MS)
    quiet, waited = 0, 0
    while quiet < 3 and waited < SETTLE_MS:
        page.wait_for_timeout(1000)
        waited += 1000
        quiet = quiet + 1 if page.locator('[data-testid="stStatusWidget"]').count() == 0 else 0


def _shown_links(page, root: str) -> set[str]:
    """The app's own links on the page: anchors, and the URLs in the share panel's code blocks (iframe src too).

    Streamlit 1.67 writes a page link to the default page as a bare '?query', which a browser resolves against
    the page shown; a click opens the default page (Streamlit routes it by page), so it is read against the root."""
    hrefs = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
    code = " ".join(page.evaluate("() => [...document.querySelectorAll('[data-testid=stCode] code')]"
                                  ".map(c => c.textContent)"))
    found = {urljoin(root + "/", h) for h in hrefs if not h.startswith(("#", "mailto:"))}
    found |= set(re.findall(r"https?://[^\s\"'<>]+", code))
    return {u.replace("&amp;", "&") for u in found if u.startswith(root) and "/_stcore" not in u
            and "/boundaries/" not in u and "/assets/" not in u}


def _lang(url: str) -> str:
    return parse_qs(urlsplit(url).query).get("lang", ["en"])[-1]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_link_shown_on_every_page_opens_a_page_in_the_same_language(chromium_browser, app, lang):
    context = chromium_browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(SETTLE_MS)
    page = context.new_page()
    links: dict[str, str] = {}  # link -> the page it was shown on
    try:
        assert set(OPENED) == {p.key for p in PAGES}
        for key, opened in OPENED.items():
            url = f"{app.url}/{opened}" + (f"{'&' if '?' in opened else '?'}lang={lang}" if lang != "en" else "")
            page.goto(url)
            page.wait_for_selector(MAP_PATHS if key == "map" else "h1")
            _settle(page)
            for summary in page.locator('[data-testid="stExpander"] summary').all():
                summary.click()  # links inside expanders (the share panel, a region's towns) are drawn when opened
            page.wait_for_timeout(2000)
            for link in _shown_links(page, app.url):
                links.setdefault(link, key)
            # the share panel is a popover: its link and embed code are drawn when it is opened, one at a time
            for button in page.locator('[data-testid="stPopover"] button').all():
                button.click()
                page.wait_for_selector('[data-testid="stPopoverBody"] [data-testid="stCode"] code')
                for link in _shown_links(page, app.url):
                    links.setdefault(link, key)
                page.keyboard.press("Escape")
        assert any("embed=1" in link for link in links) and f"{app.url}/map" not in " ".join(links)
        # the static embed (issue 24) is a file nginx or a CDN serves beside the app, its language in its name
        static = {link for link in links if "/embeds/" in link}
        assert static and all(f".{lang}.html" in link for link in static), static
        failures = []
        for link, shown_on in sorted((link, page) for link, page in links.items() if link not in static):
            assert _lang(link) == lang, f"{link} (shown on {shown_on}) does not carry lang={lang}"
            page.goto(link)
            # the router draws the language picker after st.navigation has matched (or not) the page: no need to
            # wait for the whole page (an embed's sidebar is hidden, yet there)
            page.wait_for_selector(f"{LANGUAGE} input:checked", state="attached")
            page.wait_for_timeout(1500)
            shown = page.evaluate(f"() => document.querySelector('{LANGUAGE} input:checked').closest('label')"
                                  ".innerText.trim()")
            if page.get_by_text("Page not found").count():
                failures.append(f"{link} (shown on {shown_on}): Page not found")
            elif shown != LANGUAGES[lang]:
                failures.append(f"{link} (shown on {shown_on}): opened in {shown}")
        assert not failures, failures
    finally:
        context.close()
