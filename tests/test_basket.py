"""The basket (issue 15 item 8): regions ticked in any table reach Compare and its pack through the link."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from dashboard import state
from dashboard.pages import PAGES, ROUTER
from dashboard.screens import basket

SCRIPTS = {p.key: p.script for p in PAGES}


def test_adding_keeps_order_drops_repeats_and_stops_at_the_compare_limit():
    view = state.View(geos=["ITC4", "AT13"])
    assert basket.add(view, ["AT13", "DE11"]).geos == ["ITC4", "AT13", "DE11"]
    many = [f"DE{i:02d}" for i in range(20)]
    assert len(basket.add(view, many).geos) == state.MAX_REGIONS


def test_ticked_rows_map_to_their_codes_and_no_selection_is_none():
    event = SimpleNamespace(selection=SimpleNamespace(rows=[2, 0]))
    assert basket.ticked(event, ["A", "B", "C"]) == ["C", "A"]
    assert basket.ticked(None, ["A"]) == []


def _app(page=None, **params) -> AppTest:
    at = AppTest.from_file(str(ROUTER), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(SCRIPTS[page]).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _links(at) -> list:
    return [e for e in at.get("page_link")]


@pytest.mark.slow  # a whole-page render of a region profile
def test_the_basket_shows_in_the_sidebar_and_a_region_offers_its_peers_to_compare(store_env):
    at = _app("region", geo="ITC4", geos="AT13,DE11")
    labels = [link.proto.label for link in _links(at)]
    assert any(label.startswith("Basket: 2 regions") for label in labels), labels
    peers = next(link for link in _links(at) if "similar regions" in link.proto.label)
    assert "geos=ITC4%2C" in peers.proto.query_string or "geos=ITC4," in peers.proto.query_string


def test_compare_reads_the_basket_from_the_link(store_env):
    at = _app("compare", geos="ITC4,AT13,DE11")
    assert at.multiselect(key="w_geos").value == ["ITC4", "AT13", "DE11"]


@pytest.mark.slow  # kaleido images in the pack
def test_the_pack_cover_says_why_these_regions_and_marks_another_vintage(store):
    from dashboard.export import pdf

    why = basket.why(state.View(preset="arrival_pressure", level=2, countries=["IT"], geos=["ITC4", "ITF3"],
                                typology={"geography": ["coastal", "island"]}))
    assert "Arrival pressure" in why and "IT" in why and "coastal / island" in why
    text = PdfReader(io.BytesIO(pdf.pack(store, ["ITC4", "ITF3"], "en", why))).pages[0].extract_text()
    assert "Arrival pressure" in " ".join(text.split())


@pytest.mark.slow  # a whole-page render of Compare
def test_compare_shows_the_reception_load_of_its_italian_regions_and_says_italy_only(store_env, store):
    from indicators.places import reception

    rows = reception.for_regions(store, ["ITC4", "ITH10", "ITH20", "AT13"])
    assert list(rows["chosen"]) == ["ITC4", "ITH10", "ITH20"]  # Austria has no such data: not listed
    assert list(rows["geo"]) == ["ITC4", "ITH1+ITH2", "ITH1+ITH2"]  # the joint row, never split
    raw = reception.latest(store).set_index("geo")
    assert rows.set_index("chosen").loc["ITC4", "value"] == raw.loc["ITC4", "value"]
    at = _app("compare", geos="ITC4,AT13")
    assert any("Italy only" in h.value for h in at.header)


def test_the_italy_only_score_with_reception_is_a_weighted_mean_recomputed_from_the_raw_report(store, mirror):
    """Issue 14: reception in the score when the filter is Italy, as a second score (the EU-27 one unchanged).
    Recomputed here from the raw CSV with numpy: the per-1 000 rate of the latest report, clipped to the 2nd-98th
    percentile of the reported regions, scaled 0-100, then averaged with the score by weight."""
    import numpy as np
    import pandas as pd

    from indicators.regions import presets
    from indicators.places import reception
    from indicators.regions.composite import composite

    result = composite(store, 2, presets.preset_weights("arrival_pressure", 2), countries=["IT"])
    table = reception.score_with_reception(result, store, 2.0).set_index("geo")
    raw = pd.read_csv(mirror / "national/it/accoglienza.csv", dtype={"CodiceRegione": str})
    last = raw[raw["Data_Report"] == raw["Data_Report"].max()]
    people = last.iloc[:, 2:6].sum(axis=1, min_count=1)
    lombardia = float(people[last["Regione"].str.startswith("Lombardia")].iloc[0])
    rates = reception.latest(store).set_index("geo")  # population of the same year from the store
    rate = lombardia / rates.loc["ITC4", "population"] * 1000
    assert np.isclose(table.loc["ITC4", "reception"], rate)
    low, high = np.quantile(rates["value"], [0.02, 0.98])
    scaled = (min(max(rate, low), high) - low) / (high - low) * 100
    row = result.set_index("geo").loc["ITC4"]
    own = row["coverage"] * sum(result.attrs["weights"].values())
    assert np.isclose(table.loc["ITC4", "score_with_reception"], (row["score"] * own + scaled * 2.0) / (own + 2.0))
    assert table.loc["ITC4", "score"] == row["score"]  # the EU-27 score is not touched
    assert table.loc["ITH1", "reception"] == table.loc["ITH2", "reception"]  # the joint figure, not split


@pytest.mark.slow  # a whole-page render of the ranking
def test_the_ranking_filtered_to_italy_offers_the_second_score_with_reception(store_env):
    at = _app("most_affected", level="2", countries="IT")
    at.checkbox(key="w_ma_reception").check().run()
    assert not at.exception
    frames = [d.value for d in at.dataframe]
    assert any("Score with reception" in f.columns and "Rank in Italy" in f.columns for f in frames)
