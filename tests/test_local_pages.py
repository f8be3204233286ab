"""The local views in AppTest on the real store: cities, Spain's municipalities, Italy's reception, the region's
cities and the data-gap listing of implausible values."""

from __future__ import annotations

import base64
import json

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.pages import ROUTER

APP = str(ROUTER)
MAX_FIGURE = 300 * 1024


@pytest.fixture(autouse=True)
def _fresh_caches(store_env):
    from dashboard import cached

    cached.forget()
    yield


def _map_view(choice: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    at.radio(key="w_local_view").set_value(choice).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _spec(at) -> tuple[dict, int]:
    raw = at.get("plotly_chart")[0].proto.spec
    return json.loads(raw), len(raw.encode("utf-8"))


def _array(value) -> list:
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"])).tolist()
    return list(value)


def _credit(spec) -> str:
    return " ".join(a.get("text", "") for a in spec["layout"].get("annotations", []))


def test_cities_view_draws_points_with_shown_values_only(store):
    from indicators.places import cities

    at = _map_view("Cities")
    at.selectbox(key="w_city_year").set_value(2021).run()
    spec, size = _spec(at)
    assert size <= MAX_FIGURE
    points = [t for t in spec["data"] if t["type"] == "scattergeo" and t.get("name", "").count("–")]
    grey = [t for t in spec["data"] if t.get("name") == "No value shown"][0]
    assert any(text.startswith("Gera") and "implausible" in text for text in grey["text"])
    shown = {t.split(" ·")[0].split("<br>")[0]: v for trace in points for t, v in zip(trace["text"], _array(trace["customdata"]))}
    shares = cities.city_shares(store)
    expected = shares[(shares["year"] == 2021) & shares["value"].notna() & shares["has_point"]]
    sample = expected.sample(20, random_state=2)
    for name, value in zip(sample["name"], sample["value"]):
        assert shown[name] == pytest.approx(value, rel=1e-6)
    assert "Gera" not in shown and "Source: Eurostat (urb_cpopcb, urb_cpop1)" in _credit(spec)
    assert "© EuroGeographics" in _credit(spec)


def test_spanish_municipalities_view(store):
    at = _map_view("Municipalities (Spain)")
    spec, size = _spec(at)
    assert size <= MAX_FIGURE
    drawn = sum(len(_array(t["lon"])) for t in spec["data"] if t["type"] == "scattergeo" and t.get("name") != "Flagged (estimated, break in series, …)")
    assert drawn > 8000
    context = [t for t in spec["data"] if t["type"] == "choropleth"][0]
    assert len(context["locations"]) >= 50 and all(c.startswith("ES") for c in context["locations"])
    assert "Fuente: INE (tabla 68538)" in _credit(spec)


def test_italy_reception_view_is_framed_on_italy(store):
    at = _map_view("Reception (Italy)")
    spec, _ = _spec(at)
    located = [loc for t in spec["data"] if t["type"] == "choropleth" for loc in _array(t["locations"])]
    assert {"ITH1", "ITH2"} <= set(located) and all(loc.startswith("IT") for loc in located)
    assert spec["layout"]["geo"]["lonaxis"]["range"] == [6.4, 18.8]  # framed on Italy
    assert "Fonte: Liberiamoli tutti! (dati Ministero dell'Interno), CC BY 4.0" in _credit(spec)


@pytest.mark.slow  # two whole-page renders
def test_region_profile_lists_its_cities_and_data_gaps_list_implausible_values():
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["geo"] = "DE21"
    at.run()
    at.switch_page("views/region.py").run()
    assert not at.exception
    assert "Cities in this region (Urban Audit)" in [s.value for s in at.header]
    at.switch_page("views/data_gaps.py").run()
    assert not at.exception
    assert any(s.value.startswith("Published city values not shown") for s in at.header)
    assert any("municipal data: Spain only; reception data: Italy only" in m.value for m in at.markdown)


def test_compare_accepts_cities_with_country_benchmark(store):
    from indicators.places import cities

    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    at.switch_page("views/compare.py").run()
    at.multiselect(key="w_compare_cities").set_value(["DE003C", "IT001C"]).run()
    assert not at.exception
    assert len(at.get("plotly_chart")) == 2
    table = at.dataframe[0].value
    assert set(table["geo"]) == {"DE003C", "IT001C"}
    rome = cities.compare(store, ["IT001C"]).iloc[0]
    shares = cities.city_shares(store)
    italy = shares[(shares["geo"] == "IT") & (shares["year"] == rome["year"])]["value"].iloc[0]
    assert rome["country_value"] == pytest.approx(italy)


@pytest.mark.slow  # two full most-affected renders: 12 s
def test_most_affected_shows_italy_reception_only_when_filtered_on_italy():
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["countries"] = "IT"
    at.run()
    at.switch_page("views/most_affected.py").run()
    assert not at.exception
    assert any(e.label.startswith("Italy only: people in reception") for e in at.expander)
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["countries"] = "IT,ES"
    at.run()
    at.switch_page("views/most_affected.py").run()
    assert not any(e.label.startswith("Italy only") for e in at.expander)


@pytest.mark.slow  # a whole-page render of a region profile
def test_an_italian_region_profile_shows_its_reception_load():
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["geo"] = "ITH2"
    at.run()
    at.switch_page("views/region.py").run()
    assert not at.exception
    assert "People in the reception system (Italy)" in [s.value for s in at.header]
    assert any("reported jointly for ITH1 + ITH2" in m.value.replace("\\", "") for m in at.markdown)


@pytest.mark.parametrize("layer,label", [("cities", "Cities"), ("es_municipalities", "Municipalities (Spain)"),
                                         ("it_reception", "Reception (Italy)")])
def test_the_chosen_local_view_is_in_the_link_and_a_link_reopens_it(layer, label):
    at = _map_view(label)
    assert at.query_params["layer"] == [layer] or at.query_params["layer"] == layer
    again = AppTest.from_file(APP, default_timeout=180)
    again.query_params["layer"] = layer
    again.run()
    assert not again.exception
    assert again.radio(key="w_local_view").value == label


def test_an_unknown_layer_in_a_link_warns_and_shows_the_regions():
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["layer"] = "<script>"
    at.run()
    assert any("unknown map layer" in w.value for w in at.warning)
    assert at.radio(key="w_local_view").value == "Regions (NUTS)"
    assert "<script>" not in " ".join(w.value for w in at.warning)


def test_a_link_with_layer_grid_opens_the_5_km_grid_view():
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["layer"] = "grid"
    at.run()
    assert not at.exception
    assert at.toggle(key="w_grid_view").value is True
