"""The local layer's, the data-gap page's and the methods' sentences are phrases: English as before where they are
written to CSV or shown in English, in the reader's language on the town, data-gap and sources pages."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import i18n
from dashboard.pages import PAGES, ROUTER
from indicators.places import deep_dives, local, plausibility, town_official
from indicators.regions import flags, gaps
from indicators.text import sources


def test_the_phrases_keep_their_english_and_are_said_in_each_language():
    assert str(local.NOT_COMPUTED) == "not computed: boundary too coarse at this scale"
    assert str(flags.said("bu")) == flags.words("bu") == "break in time series, low reliability"
    assert i18n.say(flags.said("bu"), "de") == "Zeitreihenbruch, geringe Zuverlässigkeit"
    assert i18n.say(deep_dives.coverage_lines()[0], "es") == "datos municipales: solo España"
    assert i18n.say(town_official.NOT_PUBLISHED, "it") == "non pubblicato"
    assert i18n.say(plausibility.RULES["share_over_100"], "fr").startswith("plus d'habitants nés à l'étranger")
    # numbers inside a phrase come in the page's format: the match rule's 50 000 and the methods' −156.7
    rule = town_official.MATCH_RULE  # its numbers are said the reader's way (the PDFs said "50,000" in German)
    assert "50.000" in i18n.say(rule, "de") and "50,000" in i18n.say(rule, "en") and "50000" in str(rule)
    topic, method = sources.METHODS[-1]
    assert i18n.say(topic, "fr") == "Solde migratoire en 2021" and "−156,7" in i18n.say(method, "fr")
    assert "−156.7" in str(sources.METHODS[-1][1])


def test_a_region_status_is_english_for_the_csv_and_french_for_the_page(store):
    english = gaps.region_status(store, "DE11").set_index("id")
    french = gaps.region_status(store, "DE11", lambda text: i18n.say(text, "fr")).set_index("id")
    assert english.loc["unemployment_eu_born", "status"].startswith("suppressed (low reliability); last value")
    assert french.loc["unemployment_eu_born", "status"].startswith("masquée (fiabilité faible)\u00a0; dernière valeur")
    assert french.loc["net_migration_rate", "status"] == "à son propre niveau"
    assert (english.drop(columns=["indicator", "theme", "status"]).fillna(-1)
            == french.drop(columns=["indicator", "theme", "status"]).fillna(-1)).all().all()


def _page(page: str, lang: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROUTER), default_timeout=240)
    for key, value in {**params, "lang": lang}.items():
        at.query_params[key] = value
    if page != "town":  # the town page is opened directly, as its links do
        at.run()
    at.switch_page(next(p.script for p in PAGES if p.key == page)).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _texts(at) -> str:
    kinds = ("title", "header", "markdown", "caption")
    return "\n".join(e.value.replace("\\", "") for kind in kinds for e in getattr(at, kind))


@pytest.mark.slow  # a whole-page render
def test_the_data_gap_page_in_french_says_the_local_coverage_rules_and_statuses_in_french(store_env):
    at = _page("data_gaps", "fr", geo="DE11")
    text = _texts(at)
    assert "données communales\u00a0: Espagne seulement\u00a0; données d'accueil\u00a0: Italie seulement" in text
    assert "**saut**\u00a0: s'écarte de plus d'un facteur 2" in text  # the rule by its French name, as the caption writes it
    assert "municipal data" not in text and "differs by more than a factor" not in text
    status = next(d.value for d in at.dataframe if "level used" in d.value.columns).set_index("indicator")
    assert status.loc["Taux de migration nette", "status"] == "à son propre niveau"  # indicators by name, not id
    topics = next(d.value for d in at.dataframe if "thème" in d.value.columns)
    assert "Premiers titres de séjour" in set(topics["thème"])


@pytest.mark.slow  # a whole-page render
def test_the_town_page_in_german_says_the_match_rule_and_definitions_in_german(store_env):
    at = _page("town", "de", lau="NL_GM0513")  # Gouda: an Urban Audit city, matched by name and NUTS 3
    text = _texts(at)
    assert "zugeordnet nach: Name und NUTS 3" in text
    assert "Eine Gemeinde (LAU 2020) gilt als Urban-Audit-Stadt" in text and "50.000" in text
    assert "A municipality is taken to be" not in text and "name and NUTS 3" not in text
    series = next(d.value for d in at.dataframe if "Definition" in d.value.columns)
    assert set(series["Definition"]) == {"Stadt (C-Code)"}
    assert "nicht veröffentlicht" in set(series["im Ausland geboren %"])  # 2015: no count published, never 0


@pytest.mark.slow  # a whole-page render
def test_the_sources_page_in_french_shows_its_methods_in_french(store_env):
    at = _page("sources", "fr")
    text = _texts(at)
    assert "- **Rangs.** Les régions sont classées" in text
    assert "- **Solde migratoire en 2021.** Le solde migratoire inclut" in text and "−156,7" in text
    assert "Regions are ranked 1 = highest" not in text and "How the atlas counts" not in text
    assert "*saut*\u00a0: s'écarte de plus d'un facteur 2" in text
