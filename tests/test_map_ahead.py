"""The map's figures handed ahead (dashboard/maps/map_ahead.py): the years beside the shown one, by the app's route,
byte for byte what the page itself sends when the year slider gets there, and nothing the page could not show."""

import asyncio

import orjson
import pytest
from starlette.requests import Request
from streamlit.testing.v1 import AppTest

from dashboard.maps import map_ahead
from dashboard.i18n import localised, tr
from dashboard.pages import ROUTER
from indicators.regions import tables
from indicators.registry import get
from tests.page_figures import atlas_maps


@pytest.fixture(scope="module", autouse=True)
def _fresh_caches(store_env):
    from dashboard import cached

    cached.forget()
    yield


def _app(**params) -> AppTest:
    at = AppTest.from_file(str(ROUTER), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _get(url: str):
    """The route's response to ``url``, called as the server would (no HTTP client needed)."""
    (route,) = map_ahead.routes()
    scope = {"type": "http", "method": "GET", "path": url, "headers": []}
    match, child = route.matches(scope)
    if match.name != "FULL":
        return None
    return asyncio.run(route.endpoint(Request({**scope, **child})))


def _beside(years: list[int], year: int) -> set[str]:
    at = years.index(year)
    return {str(y) for y in years[max(at - 1, 0):at] + years[at + 1:at + 2]}


def test_the_years_beside_the_shown_one_come_ahead_and_are_what_the_page_sends_there(store):
    at = _app(indicator="net_migration_rate", level="3", year="2020")
    sent = atlas_maps(at)[0]
    assert sent["year"] == "2020" and sent["follow"] == ".st-key-w_year"  # the sidebar's year slider
    assert set(sent["ahead"]) == _beside(tables.years(store, "net_migration_rate", 3), 2020)
    url = sent["ahead"]["2019"]
    assert url.startswith(f"/{map_ahead.ROUTE}/{store.info['build_id']}/net_migration_rate/3/2019/quantiles/en")
    map_ahead.forget()  # built afresh from here on: the route and the page must agree, not share a kept copy
    response = _get(url)
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    handed = orjson.loads(response.body)
    at.select_slider(key="w_year").set_value(2019).run()
    shown = atlas_maps(at)[0]
    # the same figure, in the same order (the browser compares their texts): the map is not drawn again
    assert orjson.dumps(shown["figure"]) == orjson.dumps(handed["figure"]) and shown["label"] == handed["label"]
    assert " · 2019 · NUTS 3" in shown["figure"]["layout"]["title"]["text"]
    assert set(shown["ahead"]) == _beside(tables.years(store, "net_migration_rate", 3), 2019)


def test_the_first_and_latest_years_have_one_neighbour_and_a_french_page_gets_french_figures(store):
    years = tables.years(store, "foreign_born_share", 2)
    at = _app(indicator="foreign_born_share", level="2", year=str(years[-1]), lang="fr")
    sent = atlas_maps(at)[0]
    assert set(sent["ahead"]) == {str(years[-2])} and sent["ahead"][str(years[-2])].endswith("/fr.json")
    handed = orjson.loads(_get(sent["ahead"][str(years[-2])]).body)
    assert handed["label"] == tr("Map of {label}, {year}, {level}. The same values are in the table below.", "fr",
                                 label=localised(get("foreign_born_share"), "fr").label, year=years[-2],
                                 level="NUTS 2")
    assert tr("No data", "fr") in {trace.get("name") for trace in handed["figure"]["data"]}


def test_the_embed_follows_its_own_year_slider():
    at = _app(embed="1", indicator="foreign_born_share", level="2", year="2021")
    assert atlas_maps(at)[0]["follow"] == ".st-key-w_embed_year"


def test_the_route_answers_only_views_the_page_could_show(store):
    _app(indicator="net_migration_rate", level="3", year="2020")  # the page holds its build for the route
    build = store.info["build_id"]
    good = f"/{map_ahead.ROUTE}/{build}/net_migration_rate/3/2019/quantiles/en.json"
    assert _get(good).status_code == 200
    first = tables.years(store, "net_migration_rate", 3)[0]
    for bad in (good.replace(build, "20990101T000000Z"),  # a build this process does not hold
                good.replace("net_migration_rate", "no_such_indicator"),
                good.replace("/2019/", f"/{first - 1}/"),  # a year without values
                good.replace("/3/", "/7/"), good.replace("/3/", "/x/"), good.replace("/2019/", "/20a9/"),
                good.replace("quantiles", "bogus"), good.replace("/en.json", "/xx.json")):
        response = _get(bad)
        assert response is None or response.status_code == 404, bad


def test_kept_figures_are_bounded(store):
    at = _app(indicator="net_migration_rate", level="3", year="2020")
    assert atlas_maps(at)
    assert len(map_ahead._VIEWS) <= map_ahead.KEEP_VIEWS and len(map_ahead._HELD) <= map_ahead.KEEP_BUILDS
