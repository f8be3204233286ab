"""The /town page in AppTest on the real store: good links render the town, hostile ones give a warning."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import town_params
from dashboard.pages import ROUTER

APP = str(ROUTER)


@pytest.fixture(autouse=True)
def _fresh_caches(store_env):
    from dashboard import cached

    cached.forget()
    yield


def _town(**params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page("views/town.py").run()  # straight to /town, as a link would
    assert not at.exception, [e.message for e in at.exception]
    return at


def _text(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [t.value for t in at.title]
    parts += [w.value for w in at.warning] + [i.value for i in at.info]
    return "\n".join(str(p) for p in parts)


def test_town_page_draws_the_local_map_and_the_figures():
    at = _town(lau="AT_32135", radius="10", measure="born_outside_eu")
    assert at.title[0].value == "Tulln an der Donau"
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["data"][0]["type"] == "heatmap"
    assert any(t.get("name") == "10 km circle" for t in spec["data"])
    assert "Source: Eurostat (Census 2021, 1 km grid)" in json.dumps(spec["layout"]["annotations"])
    table = at.dataframe[0].value
    assert "20 km around Tulln an der Donau" not in table.columns  # the page shows 2, 5 and 10 km
    assert {"2 km around Tulln an der Donau", "Country AT", "EU27"} <= set(table.columns)
    assert at.query_params["lau"] == "AT_32135" and at.query_params["radius"] == "10"
    assert at.query_params["measure"] == "born_outside_eu"
    assert not at.warning


@pytest.mark.parametrize("params", [
    {"lau": "<script>alert(1)</script>"}, {"lau": "x" * 10_000}, {"lau": "NL_GM9999"},
    {"lau": "NL_GM0513", "radius": "7"}, {"lau": "NL_GM0513", "measure": "'; DROP TABLE"},
    {"lau": "NL_GM0513", "radius": "<b>5</b>", "lang": "xx"}])
def test_hostile_links_give_a_short_warning_and_the_default_and_echo_nothing(params):
    at = _town(**params)
    text = _text(at)
    assert at.warning
    for value in params.values():
        if value != "NL_GM0513" and len(value) > 3:  # a short value like "7" occurs in any page's figures
            assert value not in text
    if params["lau"] == "NL_GM0513":
        assert at.title[0].value == "Gouda"
        spec = json.loads(at.get("plotly_chart")[0].proto.spec)
        assert any(t.get("name") == "5 km circle" for t in spec["data"])


def test_town_params_round_trip():
    view, warnings = town_params.parse({"lau": "FR_93066", "radius": "2", "measure": "moved_from_abroad"},
                                       lambda gid: gid == "FR_93066")
    assert not warnings and town_params.to_params(view) == {"lau": "FR_93066", "radius": "2",
                                                            "measure": "moved_from_abroad"}


def test_search_box_on_the_town_page_links_to_towns():
    at = _town()
    at.text_input(key="w_town_query").input("Saint-Denis").run()
    assert not at.exception
    labels = [p.label for p in at.get("page_link")]
    assert any("Seine" in label for label in labels) and any("Réunion" in label for label in labels)


def test_map_page_grid_view_draws_europe_at_5_km_as_one_image():
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    at.toggle(key="w_grid_view").set_value(True).run()
    assert not at.exception, [e.message for e in at.exception]
    raw = at.get("plotly_chart")[0].proto.spec
    spec = json.loads(raw)
    assert spec["data"][0]["type"] == "image" and spec["data"][0]["source"].startswith("data:image/png;base64,")
    assert len(raw) < 600_000
    assert "Source: Eurostat (Census 2021, 1 km grid)" in json.dumps(spec["layout"]["annotations"])


def test_region_profile_lists_its_municipalities_linking_to_their_town_pages():
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["geo"] = "AT126"
    at.switch_page("views/region.py").run()
    assert not at.exception, [e.message for e in at.exception]
    labels = [p.label for p in at.get("page_link")]
    assert any(label.startswith("Tulln an der Donau") for label in labels)
