"""Every page in AppTest on the real store: renders, maps the right values, follows and writes the URL."""

import base64
import json
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.pages import PAGES, ROUTER
from indicators.regions.benchmarks import benchmarks
from indicators.regions.ranks import rank_label, ranks
from indicators.regions.mapdata import map_data
from tests.page_figures import atlas_maps, map_figure
from tests.sampling import smoke_first

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
    return map_figure(at)  # the map page's map is a component of its own (dashboard/maps/plotly_map.py)


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
    assert len(at.get("bidi_component")[0].proto.bytes) < 400_000
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


def test_changing_indicator_level_or_year_changes_the_figure_in_the_same_element():
    at = _app(indicator="net_migration_rate", level="2", year="2021")
    element = at.get("bidi_component")[0].proto.id  # one identity, so the browser updates the map in place
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
    assert at.get("bidi_component")[0].proto.id == element


def test_the_map_has_its_text_alternative_and_draws_offline():
    at = _app(indicator="foreign_born_share", level="2", year="2023")
    sent = atlas_maps(at)[0]
    assert sent["label"].startswith("Map of Foreign-born") and "2023" in sent["label"] and "NUTS 2" in sent["label"]
    assert sent["config"]["topojsonURL"] == "/boundaries/base/" and sent["config"]["displaylogo"] is False
    assert "toImage" in sent["config"]["modeBarButtonsToRemove"] and sent["config"]["scrollZoom"] is False
    assert sent["plotly"].startswith("/assets/plotly-") and sent["plotly"].endswith(".min.js")  # the app's route


def test_the_year_follows_the_indicator_unless_the_link_names_one(store):
    from indicators.regions import tables

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


def test_a_linked_year_without_data_is_said_not_swapped_quietly(store):
    from indicators.regions import tables

    years = tables.years(store, "share_65_plus", 2)
    assert 2023 not in years  # the published file stops earlier at NUTS 2
    at = _app(indicator="share_65_plus", level="2", year="2023")
    assert at.select_slider(key="w_year").value == years[-1]
    notes = [c.value for c in at.sidebar.caption if "2023" in c.value]
    assert notes and f"{years[-1]} is shown" in notes[0]
    at.select_slider(key="w_year").set_value(years[0]).run()  # the reader's own choice needs no note
    assert not [c.value for c in at.sidebar.caption if "2023" in c.value]


@pytest.fixture(scope="module")
def lombardia():
    """One render of Lombardia's profile, read by the profile tests below (a render costs seconds)."""
    return _app("region", geo="ITC4")


def test_profile_shows_ranks_and_benchmarks_of_the_registry_functions(store, lombardia):
    at = lombardia
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


def test_embed_shows_the_map_its_source_line_and_the_year_control_and_nothing_else():
    """Issue 15 item 6: no export buttons, no table, no toggles; the year control on the page itself."""
    at = _app(embed="1", indicator="foreign_born_share", level="2", year="2021")
    assert len(atlas_maps(at)) == 1 and not at.get("plotly_chart")
    assert at.select_slider(key="w_embed_year").value == 2021
    main = at.main  # the sidebar is still built, and hidden by the embed CSS (test_embed_hides_the_frame)
    assert not main.button and not main.get("download_button") and not main.dataframe and not main.toggle \
        and not main.radio
    assert any("Eurostat" in c.value for c in at.caption)  # the source line
    at.select_slider(key="w_embed_year").set_value(2023).run()
    assert "2023" in map_figure(at)["layout"]["title"]["text"]


def test_the_map_page_offers_the_share_panel_and_an_image_title(store):
    at = _app(None, indicator="foreign_born_share", level="2", year="2023")
    codes = [c.value for c in at.code]
    assert any("indicator=foreign_born_share" in c and "year=2023" in c for c in codes)
    assert any(c.startswith("<iframe") and "embed=1" in c for c in codes)
    assert at.text_input(key="w_map_title_foreign_born_share").value.strip()


def test_most_affected_weights_reorder_the_ranking():
    at = _app("most_affected", level="2", preset="own")  # the own mix starts from the default preset
    table = at.dataframe[0].value
    first = list(table["Code"][:10])
    at.slider(key="w_weight_2_foreign_born_share").set_value(3.0).run()
    at.slider(key="w_weight_2_net_migration_rate").set_value(0.0).run()
    assert list(at.dataframe[0].value["Code"][:10]) != first
    # Own-mix weights are written whole (an indicator not named weighs 0), so the link reopens this score.
    assert at.query_params["preset"] == "own"
    assert sorted(at.query_params["weights"].split(",")) == ["foreign_born_share:3", "foreign_born_share_change:1"]


def test_a_weight_link_reopens_the_same_weights():
    link = {"level": "2", "preset": "own", "weights": "foreign_born_share:2.5,net_migration_rate:0.25"}
    at = _app("most_affected", **link)
    assert not at.warning and not any("own mix" in i.value for i in at.info)
    assert at.slider(key="w_weight_2_foreign_born_share").value == 2.5
    assert at.slider(key="w_weight_2_net_migration_rate").value == 0.25
    assert at.slider(key="w_weight_2_unemployment_gap_foreign_born").value == 0.0  # not named: 0
    assert sorted(at.query_params["weights"].split(",")) == sorted(link["weights"].split(","))


def test_a_weight_link_from_before_presets_reopens_the_score_it_named():
    at = _app("most_affected", level="2", weights="foreign_born_share:2.5,net_migration_rate:0")
    assert any("before the presets" in i.value for i in at.info)  # said, not silently reinterpreted
    assert at.slider(key="w_weight_2_foreign_born_share").value == 2.5
    assert at.slider(key="w_weight_2_net_migration_rate").value == 0.0
    assert at.slider(key="w_weight_2_low_education_gap_foreign_born").value == 0.5  # the former default


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
    at.query_params.update(level="2", preset="own", weights=weights)
    at.run()  # AppTest's first run is the default page; the router warns on every page
    assert any(WEIGHTS.describe() in w.value for w in at.warning)
    at.switch_page(SCRIPTS["most_affected"]).run()
    slider = at.slider(key="w_weight_2_foreign_born_share")
    assert slider.value == 0.0  # the own mix's start (the default preset leaves it out), not a clamped 3
    assert (slider.min, slider.max, slider.step) == (WEIGHTS.low, WEIGHTS.high, WEIGHTS.step)  # the same contract


def test_sources_page_lists_every_indicator_and_every_file():
    from indicators.entries import every

    at = _app("sources")
    table = at.dataframe[0].value
    assert set(table["id"]) == {e.id for e in every()}  # cities, municipalities, reception and grid too
    assert table["retrieved"].str.len().gt(0).all()
    files = at.dataframe[1].value
    assert {"lau_2020", "lau_2019"} <= set(files["source"])  # the town page's municipality tables
    assert files["source"].str.startswith("census_grid_info").sum() == 1  # the Census grid, its tiles as one row


def test_profile_places_each_figure_among_all_regions_with_country_and_eu_marked(store, lombardia):
    """Issue 15 item 3: one dot strip per regional headline figure; its values are the level's, independently
    read from the rank table; the country and EU ticks are the cards' complete benchmarks."""
    at = lombardia
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    strips = [s for s in specs if any(t.get("name") == "Lombardia" and t.get("mode") == "markers" for t in s["data"])]
    assert strips, "no dot strip on the profile"
    first = strips[0]  # the foreign-born share, NUTS 2, 2023
    values = sorted(v for t in first["data"] if t.get("mode") == "markers" for v in _array(t["x"]))
    published = ranks(store, "foreign_born_share", 2, 2023)
    assert values == sorted(published["value"].dropna().tolist())
    names = [t["name"] for t in first["data"]]
    bench = benchmarks(store, "foreign_born_share", 2, 2023, "IT")
    assert any(n.startswith("EU: ") and f"{bench['EU'].value:.1f}" in n for n in names)
    assert any(n.startswith("Italia: ") or n.startswith("Italy: ") for n in names), names


def test_profile_trends_carry_the_country_and_eu_lines_only_where_complete(store, lombardia):
    at = lombardia
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    trend = next(s for s in specs if s["layout"].get("title", {}).get("text", "").startswith("Tertiary"))
    names = [t["name"] for t in trend["data"]]
    assert names[0] == "Lombardia" and "EU27" in names and len(names) == 3


def test_higher_is_better_is_said_where_the_direction_matters(lombardia):
    at = lombardia
    captions = " ".join(c.value for c in at.caption)
    assert "lower is better" in captions  # the unemployment gap's card


@pytest.mark.parametrize("page", smoke_first(["region", "town", "sources", "most_affected"]))
def test_sidebar_pickers_that_do_nothing_on_a_page_are_not_shown(page):
    at = _app(page, geo="ITC4", indicator="foreign_born_share", level="2", year="2021")
    labels = [s.label for s in at.sidebar.selectbox] + [s.label for s in at.sidebar.select_slider]
    assert labels == [], labels
    assert at.sidebar.radio[0].label == "Language"


def test_the_map_keeps_its_pickers_after_a_visit_to_a_page_without_them():
    at = _app(None, indicator="foreign_born_share", level="2", year="2021")
    assert at.sidebar.selectbox(key="w_indicator").value == "foreign_born_share"
    at.switch_page(SCRIPTS["sources"]).run()
    at.switch_page(SCRIPTS["map"]).run()
    assert at.sidebar.selectbox(key="w_indicator").value == "foreign_born_share"
    assert at.sidebar.select_slider(key="w_year").value == 2021


def _displayed(frame_element) -> pd.DataFrame:
    """What a table shows: its Styler's written values where it has them (the language's marks), else its data."""
    import pyarrow as pa

    shown = frame_element.proto.arrow_data.styler.display_values
    return pa.ipc.open_stream(shown).read_pandas() if shown else frame_element.value


def test_the_map_table_writes_no_value_as_a_dash_and_numbers_the_languages_way():
    """Agder read 'None' in the value and period columns; the French table wrote 4.1, 11.1, -26.4."""
    english = _app(indicator="foreign_born_share", level="2", year="2023")
    table = english.dataframe[-1].value
    assert pd.api.types.is_float_dtype(table["value"]) and table["value"].isna().any()
    assert english.dataframe[-1].proto.placeholder == "–"  # Streamlit writes a missing cell as "None"
    french = _displayed(_app(indicator="foreign_born_share", level="2", year="2023", lang="fr").dataframe[-1])
    values = french.loc[~french["value"].astype(str).isin(["", "–"]), "value"].astype(str)
    assert french["value"].astype(str).eq("–").any()  # no value: the atlas's dash, as in English
    assert values.str.contains(",").all() and not values.str.contains(r"\d\.\d").any(), values.head()
