"""Links keep the reader's choices (issue 21): every page's menu link and every link a page builds carries the
reader's language and what the target page reads, and a page's own link keeps what the reader chose on it."""

from __future__ import annotations

from urllib.parse import parse_qsl

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.pages import PAGES, ROUTER

SCRIPTS = {p.key: p.script for p in PAGES}
PATHS = {("" if p.default else p.url_path): p.key for p in PAGES}  # a page link's proto names its page so


@pytest.fixture(scope="module", autouse=True)
def _store(store_env):
    yield


def _app(page=None, **params) -> AppTest:
    at = AppTest.from_file(str(ROUTER), default_timeout=300)
    at.query_params.update(params)
    at.run()
    if page:
        at.switch_page(SCRIPTS[page]).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _open(at: AppTest, page: str, params: dict) -> AppTest:
    """Follow a link in the same session: the address bar now holds ``params`` and ``page`` runs."""
    at.query_params.clear()
    at.query_params.update(params)
    at.switch_page(SCRIPTS[page]).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _links(at: AppTest) -> list[tuple[str, dict, str]]:
    """(target page key, query parameters, label) of every page link shown."""
    return [(PATHS[link.proto.page], dict(parse_qsl(link.proto.query_string)), link.proto.label)
            for link in at.get("page_link")]


def test_the_menu_links_every_page_with_the_language_and_what_that_page_reads():
    """Streamlit's own menu dropped the query: from a French map at NUTS 3, every other page opened in English."""
    at = _app(None, lang="fr", level="3", year="2019", scheme="natural_breaks")
    menu = {page: params for page, params, _ in _links(at)}
    assert set(menu) == set(SCRIPTS)
    assert all(params.get("lang") == "fr" for params in menu.values()), menu
    assert menu["most_affected"] == {"level": "3", "lang": "fr"}  # the map's level; not its year or classes
    assert menu["map"] == {"level": "3", "year": "2019", "lang": "fr", "scheme": "natural_breaks"}
    assert menu["town"] == {"lang": "fr"}


@pytest.mark.slow  # whole-page renders of the ranking and the data gaps at NUTS 3
@pytest.mark.parametrize("key, picker", [("most_affected", "w_ma_level"), ("data_gaps", "w_gap_level")])
def test_a_page_link_copied_at_nuts_3_reopens_at_nuts_3(key, picker):
    """Issue 21: a Most affected link copied at NUTS 3 had no level and reopened at NUTS 2 (Data gaps too)."""
    at = _open(_app(), key, {})  # opened without a level (the map before it wrote its own)
    assert at.radio(key=picker).value == 2
    at.radio(key=picker).set_value(3).run()
    assert at.query_params["level"] == "3"
    again = _open(at, key, {"level": "3"})
    assert again.radio(key=picker).value == 3


@pytest.mark.slow  # whole-page renders of the map, the ranking and Compare
def test_compare_from_a_nuts_2_rankings_basket_says_nuts_2_whatever_the_map_showed():
    """Issue 21: Compare, opened from a NUTS 2 ranking's basket, took level 3 from the map's level picker, and the
    pack's cover said "ranking … at NUTS 3"."""
    at = _app()  # the map, at its default NUTS 3
    _open(at, "most_affected", {})  # the ranking, opened from a page without a level: NUTS 2
    assert at.radio(key="w_ma_level").value == 2
    ranking = {k: at.query_params[k] for k in at.query_params.keys()}  # what the ranking's basket link starts from
    _open(at, "compare", {**ranking, "geos": "ITC4,AT13"})
    why = [c.value for c in at.caption if c.value.startswith("Regions chosen on")]
    assert why and "at NUTS 2" in why[0], why


def test_a_town_picked_from_the_search_opens_in_the_readers_language():
    """Issue 21: picking a town from the search on /town?lang=it opened it in English (and its briefing as _en)."""
    at = _app("town", lang="it")
    at.text_input(key="w_town_query").input("Gouda").run()
    towns = [params for page, params, _ in _links(at) if page == "town" and "lau" in params]
    assert towns and all(params.get("lang") == "it" for params in towns), towns
    _open(at, "town", towns[0])
    lau = towns[0]["lau"]
    assert at.button(key=f"prep_pdf_town_{lau}_5km_born_abroad_it")  # the briefing comes out as …_it.pdf


def test_a_misspelt_town_offers_the_names_spelt_alike_and_no_match_says_how_towns_are_named():
    """'Bergamoo' found nothing, and 'No municipality matches' left a reader typing Vienna or Lisboa at a loss."""
    at = _app("town", lang="it")
    at.text_input(key="w_town_query").input("Bergamoo").run()
    assert any(c.value.startswith("Nessuna corrispondenza esatta") for c in at.caption)
    assert {"lau": "IT_016024", "lang": "it"} in [params for page, params, _ in _links(at) if page == "town"]
    at.text_input(key="w_town_query").input("Qqqxyz").run()
    assert any("Warszawa" in c.value and "freguesias" in c.value for c in at.caption)
