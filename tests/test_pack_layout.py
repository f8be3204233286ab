"""The briefing pack's layout details: the comparison table's headings wrap between words, the trend charts
tick whole years once each, and a region too small to see on its locator is ringed."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image
from pypdf import PdfReader

from dashboard import i18n
from dashboard.export import pdf
from indicators.registry import REGISTRY

COLUMNS = ("foreign_born_share", "non_citizen_share", "net_migration_rate", "unemployment_foreign_born",
           "unemployment_gap_foreign_born", "tertiary_gap_foreign_born")


@pytest.fixture
def no_browser(monkeypatch):
    blank = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(blank, "PNG")
    monkeypatch.setattr(pdf, "figure_image", lambda fig, fmt, size=None: blank.getvalue())


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_comparison_headings_break_between_words(store, no_browser, lang):
    cover = PdfReader(io.BytesIO(pdf.pack(store, ["FRM0", "DE93", "FRY1"], lang))).pages[0].extract_text()
    words = set(re.split(r"\s+", cover))
    for c in COLUMNS:  # 'Unemploymen' / 't, foreign-born' was printed when a word did not fit its column
        for word in i18n.say(REGISTRY[c].short_label, lang).split():
            assert word in words, f"{word!r} is split in the heading of {c} ({lang})"


def test_the_trend_charts_tick_whole_years(store):
    fig = pdf._trend_figure(store, "FRM0", ["unemployment_foreign_born", "net_migration_rate"],
                            pdf.Keys(store, "en"), "en", 400)
    axes = [fig.layout[name] for name in fig.layout if name.startswith("xaxis")]
    assert axes
    for axis in axes:  # 2013 2014 2014 2015 …: half-year ticks printed as whole years
        assert axis.dtick is not None and float(axis.dtick).is_integer() and axis.dtick >= 1
        assert axis.tick0 is not None and float(axis.tick0).is_integer()


@pytest.mark.parametrize("geo, ringed", [("ES64", True), ("ES63", True), ("ES30", False), ("AT126", True)])
def test_a_region_too_small_to_see_on_its_locator_is_ringed(store, geo, ringed):
    fig = pdf._locator(store, geo)  # Melilla (ES64) was 'shown dark' but drew no visible pixel in Spain
    rings = [t for t in fig.data if t.type == "scattergeo"]
    assert bool(rings) == ringed


def test_an_outermost_region_alone_in_its_frame_says_where_it_lies(store, no_browser):
    page = " ".join(PdfReader(io.BytesIO(pdf.briefing(store, "FRY1", "en"))).pages[0].extract_text().split())
    assert "an outermost region of France, far from the European mainland" in page
    page = " ".join(PdfReader(io.BytesIO(pdf.briefing(store, "ES64", "en"))).pages[0].extract_text().split())
    assert "among the regions of Spain at the same level" in page
