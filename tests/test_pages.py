"""Every page in AppTest on the real store: renders, maps the right values, follows and writes the URL."""

import base64
import json
from dataclasses import replace

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.pages import PAGES, ROUTER
from indicators.benchmarks import benchmarks
from indicators.ranks import rank_label, ranks
from indicators.mapdata import map_data

APP = str(ROUTER)
SCRIPTS = {p.key: p.script for p in PAGES}


@pytest.fixture(scope="module", autouse=True)
def _fresh_caches(store_env):
    """Caches start empty for this module (another module may have cached a store of its own), then stay
    warm across its tests: there is one store per session, and a cold cache per test only costs time."""
    from dashboard import cached

    cached.forget()
    yield


def _app(page=None, **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(SCRIPTS[page]).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _map_spec(at) -> dict:
    charts = at.get("plotly_chart")
    assert charts, "no chart on the page"
    return json.loads(charts[0].proto.spec)


def _array(value) -> list:
    """Plotly writes numeric arrays as base64 typed arrays ({dtype, bdata}); lists stay lists."""
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"])).tolist()
    return list(value)


def _mapped(spec) -> dict:
    """location -> z of the class traces (not the background, not the no-data trace)."""
    out = {}
    for trace in spec["data"]:
        if trace["type"] == "choropleth" and trace.get("name") not in ("Not covered", "No data"):
            out.update(dict(zip(_array(trace["locations"]), _array(trace["z"]))))
    return out


@pytest.mark.parametrize("page", [p.key for p in PAGES])
def test_every_page_renders_on_the_real_store(page):
    at = _app(page, geo="ITC4", geos="ITC4,AT13,DE11")
    assert at.title, f"{page} has no title"


def test_map_has_one_location_per_region_with_data_and_their_values(store):
    at = _app(indicator="foreign_born_share", level="2", year="2023")
    mapped = _mapped(_map_spec(at))
    expected = map_data(store, "foreign_born_share", 2, 2023).values
    assert len(mapped) == len(expected) == expected["geo"].nunique()
    for geo, value in zip(expected["geo"], expected["value"]):
        assert mapped[geo] == pytest.approx(value)
    assert mapped["ITC4"] == 14.31


def test_no_data_is_its_own_trace_and_the_figure_is_small():
    at = _app(indicator="unemployment_foreign_born", level="2", year="2022")
    spec = _map_spec(at)
    names = [t.get("name") for t in spec["data"]]
    assert "No data" in names and "Not covered" in names
    assert any("Flagged" in (n or "") for n in names)
    assert len(at.get("plotly_chart")[0].proto.spec) < 400_000
    assert all(isinstance(t.get("geojson", ""), str) for t in spec["data"] if t["type"] == "choropleth")


def test_screen_and_export_draw_the_map_with_one_title_and_subtitle(store):
    from dashboard.export import images

    spec = _map_spec(_app(indicator="foreign_born_share", level="2", year="2023"))
    exported = images.map_figure(store, "foreign_born_share", 2, 2023)
    assert spec["layout"]["title"]["text"] == exported.layout.title.text
    assert "% of population 15+ · 2023 · NUTS 2 · NUTS 2024" in spec["layout"]["title"]["text"]
    urls = [t["geojson"] for t in spec["data"] if t["type"] == "choropleth"]
    assert urls and all(u.startswith("/boundaries/") for u in urls)  # the app's own route, not the source tree


def test_the_map_leads_with_the_short_plain_title_and_keeps_the_full_label_under_it():
    from indicators.registry import REGISTRY

    ind = REGISTRY["net_migration_rate"]
    at = _app(indicator=ind.id, level="2", year="2021")
    assert at.title[0].value == ind.short_label and at.markdown[0].value != ind.short_label
    assert any(m.value == ind.label for m in at.markdown)
    title = _map_spec(at)["layout"]["title"]["text"]
    assert title.startswith(ind.short_label + "<br>") and title.index(ind.label) < title.index(" · 2021 · NUTS 2")


def test_changing_indicator_level_or_year_changes_the_figure():
    at = _app(indicator="net_migration_rate", level="2", year="2021")
    before = _mapped(_map_spec(at))
    at.select_slider(key="w_year").set_value(2019).run()
    after_year = _mapped(_map_spec(at))
    assert after_year != before and at.query_params["year"] == "2019"
    at.selectbox(key="w_level").set_value(3).run()
    after_level = _mapped(_map_spec(at))
    assert len(after_level) > 1000 and at.query_params["level"] == "3"
    at.selectbox(key="w_indicator").set_value("foreign_born_share").run()
    assert at.query_params["indicator"] == "foreign_born_share" and at.query_params["level"] == "2"
    assert _mapped(_map_spec(at)) != after_level


def test_the_year_follows_the_indicator_unless_the_link_names_one(store):
    from indicators import tables

    at = _app(indicator="net_migration_rate", level="2", year="2020")
    assert at.select_slider(key="w_year").value == 2020
    at.selectbox(key="w_indicator").set_value("foreign_born_share").run()
    latest = tables.years(store, "foreign_born_share", 2)[-1]
    assert latest > 2020 and at.select_slider(key="w_year").value == latest
    assert at.query_params["year"] == str(latest)
    by_level = _app(indicator="net_migration_rate", level="2", year="2019")
    by_level.selectbox(key="w_level").set_value(3).run()
    assert by_level.select_slider(key="w_year").value == tables.years(store, "net_migration_rate", 3)[-1] != 2019
    assert 2020 in tables.years(store, "foreign_born_share", 2)
    linked = _app(indicator="foreign_born_share", level="2", year="2020")
    assert linked.select_slider(key="w_year").value == 2020 and linked.query_params["year"] == "2020"


def test_profile_shows_ranks_and_benchmarks_of_the_registry_functions(store):
    at = _app("region", geo="ITC4")
    assert at.title[0].value == "Lombardia"
    captions = " ".join(c.value for c in at.caption)
    ranked = ranks(store, "foreign_born_share", 2, 2023).set_index("geo").loc["ITC4"]
    assert f"rank {rank_label(ranked['rank_country'], ranked['n_country'], ranked['tied_country'])} in the country" in captions
    assert f"rank {rank_label(ranked['rank_eu'], ranked['n_eu'], ranked['tied_eu'])} in the EU" in captions
    bench = benchmarks(store, "foreign_born_share", 2, 2023, "IT")
    assert f"country: {bench['country'].value:,.1f} %" in captions
    assert f"EU: {bench['EU'].value:,.1f} %" in captions


def test_a_region_name_with_brackets_is_shown_whole():
    from dashboard.text import plain

    at = _app("region", geo="ES4")
    assert at.title[0].value == plain("Centro (ES)")  # the name is carried, not cut out of the picker's label


def test_url_parameters_round_trip():
    first = _app("compare", indicator="tertiary_gap_foreign_born", level="2", year="2020", geos="ITC4,AT13", lang="de")
    params = dict(first.query_params)
    assert params["indicator"] == "tertiary_gap_foreign_born" and params["year"] == "2020"
    assert params["geos"] == "ITC4,AT13" and params["lang"] == "de"
    again = _app("compare", **params)
    assert dict(again.query_params) == params
    assert again.multiselect(key="w_geos").value == ["ITC4", "AT13"]
    assert again.selectbox(key="w_indicator").value == "tertiary_gap_foreign_born"


@pytest.mark.parametrize("params", [
    {"indicator": "no_such_indicator"},
    pytest.param({"level": "seven"}, marks=pytest.mark.slow),
    pytest.param({"year": "20x1"}, marks=pytest.mark.slow),
    {"geo": "<script>alert(1)</script>"},
    pytest.param({"indicator": "x" * 5000}, marks=pytest.mark.slow),
    {"weights": "net_migration_rate:banana"},
    pytest.param({"lang": "klingon"}, marks=pytest.mark.slow),
    pytest.param({"geos": "ITC4,../../etc/passwd"}, marks=pytest.mark.slow),
    pytest.param({"scheme": "<b>bold</b>"}, marks=pytest.mark.slow),
])  # three in the fast loop; every parameter's parsing is also checked without AppTest below
def test_bad_parameters_give_a_warning_and_the_default_view(params):
    at = _app(**params)
    assert at.warning, f"no warning for {params}"
    assert at.title[0].value  # the default map still renders
    for warning in at.warning:
        for value in params.values():
            assert value not in warning.value  # nothing from the link is echoed back


def test_embed_hides_the_frame():
    at = _app(embed="1")
    assert not any("Sources:" in c.value for c in at.caption)
    assert any("display:none" in m.value for m in at.markdown)


def test_most_affected_weights_reorder_the_ranking():
    at = _app("most_affected", level="2")
    table = at.dataframe[0].value
    first = list(table["geo"][:10])
    at.slider(key="w_weight_2_foreign_born_share").set_value(3.0).run()
    at.slider(key="w_weight_2_net_migration_rate").set_value(0.0).run()
    assert list(at.dataframe[0].value["geo"][:10]) != first
    # A zero is written (the default is 1), so the link reopens this score and not the default one.
    assert sorted(at.query_params["weights"].split(",")) == ["foreign_born_share:3", "net_migration_rate:0"]


def test_a_weight_link_reopens_the_same_weights():
    link = {"level": "2", "weights": "foreign_born_share:2.5,net_migration_rate:0"}
    at = _app("most_affected", **link)
    assert not at.warning
    assert at.slider(key="w_weight_2_foreign_born_share").value == 2.5
    assert at.slider(key="w_weight_2_net_migration_rate").value == 0.0
    assert sorted(at.query_params["weights"].split(",")) == sorted(link["weights"].split(","))


@pytest.mark.parametrize("weights", ["foreign_born_share:5", "foreign_born_share:0.3", "foreign_born_share:-1",
                                     "foreign_born_share:nan", "foreign_born_share:inf", "population:1"])
def test_weights_outside_the_one_contract_are_refused_with_a_warning(weights):
    from dashboard.state import WEIGHTS, parse

    view, warnings = parse({"weights": weights}, set())
    assert view.weights == {} and any(WEIGHTS.describe() in w for w in warnings)
    assert parse({"weights": "foreign_born_share:2.75"}, set()) == (replace(view, weights={"foreign_born_share": 2.75}), [])


def test_a_weight_the_sliders_cannot_show_is_not_clamped_but_warned_on_the_page():
    from dashboard.state import WEIGHTS

    weights = "foreign_born_share:5"
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update(level="2", weights=weights)
    at.run()  # AppTest's first run is the default page; the router warns on every page
    assert any(WEIGHTS.describe() in w.value for w in at.warning)
    at.switch_page(SCRIPTS["most_affected"]).run()
    slider = at.slider(key="w_weight_2_foreign_born_share")
    assert slider.value == 1.0  # the default, not a clamped value
    assert (slider.min, slider.max, slider.step) == (WEIGHTS.low, WEIGHTS.high, WEIGHTS.step)  # the same contract


def test_sources_page_lists_every_indicator():
    from indicators.registry import ENTRIES

    at = _app("sources")
    table = at.dataframe[0].value
    assert set(table["id"]) == {e.id for e in ENTRIES}
    assert table["retrieved"].str.len().gt(0).all()
