"""Accessibility in AppTest: headings never skip a level, secondary text meets WCAG AA contrast (4.5:1).

The browser suite runs axe-core itself (tests/test_browser.py); these checks are the fast part of it.
"""

import inspect
import re

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import HeadingBase

from dashboard.pages import PAGES, ROUTER
from tests.sampling import smoke_first

SCRIPTS = {p.key: p.script for p in PAGES}


@pytest.fixture(scope="module", autouse=True)
def _fresh_caches(store_env):
    from dashboard import cached

    cached.forget()
    yield


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""
    def luminance(colour):
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula_on_the_reported_grey():
    assert contrast("#828180", "#ffffff") == pytest.approx(3.88, abs=0.01)  # the measurement


def test_secondary_text_meets_wcag_aa_on_the_page_and_the_sidebar():
    from dashboard import frame
    from dashboard.frame import SECONDARY_TEXT

    assert contrast(SECONDARY_TEXT, "#ffffff") >= 4.5
    assert contrast(SECONDARY_TEXT, "#f0f2f6") >= 4.5  # Streamlit's sidebar background
    css = inspect.getsource(frame.readable_text)
    assert f"color:{SECONDARY_TEXT} !important" in css  # the CSS writes the same colour literally


def _app(page: str, lang: str) -> AppTest:
    at = AppTest.from_file(str(ROUTER), default_timeout=120)
    for key, value in dict(geo="ITC4", geos="ITC4,AT13,DE11", lang=lang).items():
        at.query_params[key] = value
    at.run()
    at.switch_page(SCRIPTS[page]).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.mark.parametrize("lang", ["en", pytest.param("fr", marks=pytest.mark.slow)])  # FR in the full run
@pytest.mark.parametrize("page", smoke_first([p.key for p in PAGES]))
def test_headings_never_skip_a_level_and_captions_are_darkened(page, lang):
    at = _app(page, lang)
    levels = [int(node.tag[1]) for node in at.main if isinstance(node, HeadingBase)]
    assert levels and levels[0] == 1, (page, levels)
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (page, levels)
    styles = " ".join(m.value for m in at.markdown if "<style>" in m.value)
    assert re.search(r"stCaptionContainer[^{]*\{color:#595959", styles), "the caption colour rule is missing"
