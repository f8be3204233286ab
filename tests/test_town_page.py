"""The /town page in AppTest on the real store: good links render the town, hostile ones give a warning."""

import base64
import json

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import state
from dashboard.pages import ROUTER
from indicators.places import town_answer

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


def _map(at) -> dict:
    """The 1 km map's spec (official charts may come before it on the page)."""
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    return next(s for s in specs if s["data"][0]["type"] == "heatmap")


def _text(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [t.value for t in at.title]
    parts += [w.value for w in at.warning] + [i.value for i in at.info]
    return "\n".join(str(p) for p in parts)


def test_town_page_draws_the_local_map_and_the_figures():
    at = _town(lau="AT_32135", radius="10", measure="born_outside_eu")
    assert at.title[0].value == "Tulln an der Donau"
    spec = _map(at)
    assert any(t.get("name") == "10 km circle" for t in spec["data"])
    assert "Source: Eurostat (Census 2021, 1 km grid)" in json.dumps(spec["layout"]["annotations"])
    text = _text(at).replace("\\", "")  # as shown: Markdown escapes removed
    assert "20 km:" not in text and "**10 km:" in text  # the page shows 2, 5 and 10 km, the chosen one in bold
    assert "Austria: 20.4" in text and "EU27:" in text
    assert all(str(caveat) in text for caveat in town_answer.caveats())  # the briefing's list too
    assert not [d for d in at.dataframe if "figure" in d.value.columns]  # no wide table to scroll sideways
    assert at.query_params["lau"] == "AT_32135" and at.query_params["radius"] == "10"
    assert at.query_params["measure"] == "born_outside_eu"
    assert not at.warning


@pytest.mark.parametrize("params", [  # the first two in the fast loop, all in the full run
    {"lau": "<script>alert(1)</script>"}, {"lau": "x" * 10_000},
    *(pytest.param(p, marks=pytest.mark.slow) for p in (
        {"lau": "NL_GM9999"}, {"lau": "NL_GM0513", "radius": "7"}, {"lau": "NL_GM0513", "measure": "'; DROP TABLE"},
        {"lau": "NL_GM0513", "radius": "<b>5</b>", "lang": "xx"}))])
def test_hostile_links_give_a_short_warning_and_the_default_and_echo_nothing(params):
    at = _town(**params)
    text = _text(at)
    assert at.warning
    for value in params.values():
        if value != "NL_GM0513" and len(value) > 3:  # a short value like "7" occurs in any page's figures
            assert value not in text
    if params["lau"] == "NL_GM0513":
        assert at.title[0].value == "Gouda"
        assert any(t.get("name") == "5 km circle" for t in _map(at)["data"])


def _values(array) -> list:
    """A plotly array as a list (plotly 6+ sends numbers base64-encoded as ``{"bdata", "dtype"}``)."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def _read(at) -> str:
    """The page's text as a reader sees it (Markdown escapes removed)."""
    return _text(at).replace("\\", "")


def _headers(at) -> list[str]:
    return [h.value for h in at.header] + [h.value for h in at.subheader]


def test_a_spanish_town_shows_ine_figures_first_then_the_grid_and_how_they_differ():
    at = _town(lau="ES_28079")
    headers = _headers(at)
    # the answer first: the key figures of the grid, then the official figures and how they differ
    assert headers.index("Key figures: the town beside its region, country and the EU") < headers.index(
        "Official figures: INE, municipal register")
    text = _read(at)
    assert "Fuente: INE (tabla 68538)" in text and "1 January of each year" in text
    assert "Census 2021" in text and "municipal boundary" in text
    ine = next(d.value for d in at.dataframe if "place of birth" in d.value.columns)
    assert ine.columns[1] == "% of residents, 1 Jan 2024"
    assert ine.iloc[0].tolist()[:2] == ["Born abroad", "28.0"]  # 958 437 of 3 422 416 (INE, 1 January 2024)
    assert "Rest of" not in ine["place of birth"].iloc[0]
    assert "Urban Audit city: foreign-born residents" in headers  # ES001C, the greater city, said so
    assert "greater city" in " ".join(next(d.value for d in at.dataframe if "definition" in d.value.columns)["definition"])


@pytest.mark.slow  # a whole-page render; the Spanish town's stays in the fast loop
def test_an_urban_audit_city_shows_its_series_with_implausible_values_not_drawn():
    at = _town(lau="DE_09162000")  # München: 2021 and 2024 caught by the jump rule
    assert "Urban Audit city: foreign-born residents" in _headers(at)
    series = next(d.value for d in at.dataframe if "foreign-born %" in d.value.columns).set_index("year")
    assert series.loc[2021, "foreign-born %"] == "implausible: not shown"
    assert series.loc[2015, "foreign-born %"] == "not published"
    line = next(json.loads(c.proto.spec) for c in at.get("plotly_chart")
                if json.loads(c.proto.spec)["data"][0]["type"] == "scatter")
    drawn = dict(zip(_values(line["data"][0]["x"]), _values(line["data"][0]["y"])))
    assert np.isnan(drawn[2021]) and 2024 not in drawn  # the line breaks at 2021 instead of bridging it
    assert all(not np.isnan(drawn[y]) for y in (2019, 2020, 2022, 2023))
    assert "Official figures: INE, municipal register" not in _headers(at)
    assert "NUTS 3 code and the same name" in _read(at)  # the matching rule is written on the page


@pytest.mark.slow  # a whole-page render
def test_gouda_is_its_own_urban_audit_city():
    at = _town(lau="NL_GM0513")
    assert "Gouda is the Urban Audit city Gouda (NL016C)" in _read(at)


@pytest.mark.slow  # a whole-page render
def test_wien_is_an_urban_audit_city_without_a_foreign_born_count_and_says_so():
    at = _town(lau="AT_90001")
    text = _read(at)
    assert "Wien is the Urban Audit city Wien (AT001C)" in text
    assert "Eurostat publishes no foreign-born count for Wien: nothing to show." in text
    assert not [c for c in at.get("plotly_chart") if json.loads(c.proto.spec)["data"][0]["type"] == "scatter"]


@pytest.mark.slow  # a whole-page render
def test_a_town_that_is_no_city_lists_the_nearest_cities_with_distance():
    at = _town(lau="AT_32135")
    assert "Nearest Urban Audit cities" in _headers(at)
    near = next(d.value for d in at.dataframe if "distance (km)" in d.value.columns)
    assert near["code"].iloc[0] == "SK001C" and float(near["distance (km)"].iloc[0]) > 50
    assert set(near.columns) >= {"city", "distance (km)", "foreign-born %", "year", "flag"}


def test_town_params_round_trip():
    view, warnings = state.parse({"lau": "FR_93066", "radius": "2", "measure": "moved_from_abroad"},
                                 is_town=lambda gid: gid == "FR_93066")
    assert not warnings and state.to_params(view, "town") == {"lau": "FR_93066", "radius": "2",
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


@pytest.mark.slow  # a whole-page render of a region profile
def test_region_profile_lists_its_municipalities_linking_to_their_town_pages():
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["geo"] = "AT126"
    at.switch_page("views/region.py").run()
    assert not at.exception, [e.message for e in at.exception]
    labels = [p.label for p in at.get("page_link")]
    assert any(label.startswith("Tulln an der Donau") for label in labels)
    at.query_params["lang"] = "it"
    at.run()
    towns = [p.proto.query_string for p in at.get("page_link") if "lau=" in p.proto.query_string]
    assert towns and all("lang=it" in q for q in towns)  # a town link keeps the reader's language


def test_the_page_answers_first_sentence_then_map_then_figures():
    at = _town(lau="AT_32135")
    elements = list(at.main)
    sentence_at = next(i for i, e in enumerate(elements) if "Within 5 km" in str(getattr(e, "value", "")))
    map_at = next(i for i, e in enumerate(elements) if type(e).__name__ == "UnknownElement")  # the plotly chart
    assert sentence_at < map_at
    first = elements[sentence_at].value.replace("\\", "")  # as shown: Markdown escapes removed
    assert "Within 5 km of the centre of Tulln an der Donau, 17.0 % of the 19,019 residents were born abroad" in first
    assert "less than Austria (20.4 %)" in first and "(NUTS 3, 14.7 %)" in first
    heads = [h.value for h in at.header]
    assert heads.index("Key figures: the town beside its region, country and the EU") < heads.index("Towns like yours")
    assert heads.index("Towns like yours") < heads.index("Context")
    assert "No city in Austria publishes a foreign-born series" in _text(at).replace("\\", "")


def test_towns_like_yours_link_to_their_town_pages_in_the_readers_language():
    at = _town(lau="AT_32135", lang="fr")
    pages = [link.proto.query_string for link in at.get("page_link")
             if "lau=" in link.proto.query_string and "AT_32135" not in link.proto.query_string]
    assert len(pages) >= 5 and all("lang=fr" in p for p in pages), pages
    assert "Des communes comme la vôtre" in [h.value for h in at.header]
