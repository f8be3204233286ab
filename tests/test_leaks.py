"""Issue 21's English and programmer words on translated pages, one test each (the all-language sweep in
tests/test_all_languages.py finds the kind; these pin the cases a reader met)."""

from __future__ import annotations

import json
import re

import pytest

from dashboard import i18n
from dashboard.i18n import say, tr
from geodata.attribution import boundaries

SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


def _page(key: str, params: dict):
    from streamlit.testing.v1 import AppTest

    from dashboard.pages import PAGES, ROUTER

    at = AppTest.from_file(str(ROUTER), default_timeout=180)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    at.switch_page(next(p.script for p in PAGES if p.key == key)).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_the_boundary_attribution_and_credits_are_said_in_each_language():
    """The Italian footer and images kept '© EuroGeographics for the administrative boundaries'; a Spanish Urban
    Audit caption kept 'Source:'."""
    assert say(boundaries(), "it") == "© EuroGeographics per i confini amministrativi"
    assert say(boundaries(), "es") == "© EuroGeographics por los límites administrativos"
    assert say("Source: Eurostat (urb_cpopcb, urb_cpop1)", "es") == "Fuente: Eurostat (urb_cpopcb, urb_cpop1)"


def test_kosovo_is_named_as_the_eu_writes_it_never_xk(store):
    from indicators.regions import profile

    born = profile.origins(store, "DE11")
    assert "Kosovo*" in set(born["country of birth"]) and "XK" not in set(born["country of birth"])
    assert i18n.country("XK", "fr") == "Kosovo*" and i18n.country("DE", "fr") == "Allemagne"
    assert i18n.country("EL", "it") == "Grecia"  # Eurostat's code for Greece
    assert "UNSCR 1244/1999" in i18n.KOSOVO_NOTE and all(i18n.catalogue(lang).get(i18n.KOSOVO_NOTE)
                                                           for lang in ("fr", "de", "it", "es"))


def test_greater_city_is_said_in_the_pages_language():
    from dashboard.text import place

    assert place("Milano (greater city)", "it") == "Milano (grande città)"
    assert place("Milano (greater city)", "en") == "Milano (greater city)" and place("Torino", "it") == "Torino"


def test_data_gap_and_grid_tables_name_their_columns_in_words(store):
    from dashboard.column_words import headers
    from indicators.regions import gaps
    from indicators.places import local

    for lang in ("en", "fr"):
        for table in (local.grid_gaps(store), gaps.region_coverage(store, 2), gaps.region_status(store, "ITC4")):
            named = headers(table, lang)
            assert not [name for name in named.values() if SNAKE.search(name)], (lang, named)


def test_the_town_comparison_says_whether_a_row_counts_and_names_the_country(store):
    """The town page told a count from a share by matching the English unit, and labelled a column 'Country AT'."""
    from indicators.places import town_answer

    table = town_answer.comparison(store, "AT_32135")
    counts = table.drop_duplicates("figure").set_index(table.drop_duplicates("figure")["figure"].map(str))["count"]
    assert counts["Residents"] and counts["Cells the index rests on"] and not counts["Born abroad"]
    labels = {say(label, "fr") for label in table["area_label"]}
    assert "Autriche" in labels and not any(re.fullmatch(r".*\b[A-Z]{2}", label) for label in labels)


@pytest.mark.slow  # a page in AppTest
def test_the_footer_says_sources_once():
    at = _page("map", {"indicator": "foreign_born_share", "level": "2", "lang": "es"})
    footer = next(c.value for c in at.caption if "EuroGeographics" in c.value and c.value.startswith("Fuentes"))
    assert "Fuentes: Eurostat" in footer and "Fuente:" not in footer and "Source" not in footer


@pytest.mark.slow  # a page in AppTest
def test_the_town_page_names_the_regions_it_links_to():
    at = _page("town", {"lau": "AT_32135", "lang": "en"})
    labels = [link.proto.label for link in at.get("page_link")]
    profile = [label for label in labels if label.startswith("Profile of")]
    assert profile and all(re.search(r"Profile of .+ \\?\(AT\d+\\?\)", label) for label in profile), profile
    assert not [label for label in labels if re.fullmatch(r"Profile of AT\d+ →", label)]


@pytest.mark.slow  # a page in AppTest
def test_compare_at_nuts_3_never_prints_none_for_a_year():
    at = _page("compare", {"geos": "AT130,ITC4C", "indicator": "net_migration_rate", "lang": "en"})
    titles = [json.loads(c.proto.spec)["layout"].get("title", {}).get("text", "") for c in at.get("plotly_chart")]
    scatter = next(t for t in titles if " against " in t).replace("<br>", " ")  # titles wrap for phones
    assert "None" not in scatter and "period not stated" in scatter, scatter
    headings = [d.proto.columns for d in at.dataframe]
    assert not any("other_vintage" in (h or "") and tr("another vintage", "en") not in h for h in headings)


@pytest.mark.slow  # a page in AppTest
def test_most_affected_says_the_territorial_types_in_the_pages_language(store_env):
    """The NUTS 3 filters offered Eurostat's English values ('predominantly rural') on the French page."""
    at = _page("most_affected", {"lang": "fr", "level": "3"})
    offered = [option for box in at.multiselect if str(box.key).startswith("w_typo_") for option in box.options]
    assert "à prédominance rurale" in offered and "côtière" in offered and "Île" in offered
    assert not {"predominantly rural", "coastal", "Island", "non-mountain"} & set(offered)
