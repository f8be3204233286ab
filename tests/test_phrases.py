"""The sentences the NUTS analytics build (benchmarks, peers, the ranking, notes of the tables, the map's
missing regions) are phrases: English as ``str()`` (CSV, CLI, English pages unchanged), and said in the
reader's language on the pages (issue 15 item 7)."""

from __future__ import annotations

import pytest

from dashboard.i18n import say
from indicators.regions import composite, mapdata, peers, presets, versions
from indicators.places import reception
from indicators.regions.benchmarks import benchmarks
from indicators.text.wording import Phrase


def test_a_benchmark_label_is_english_as_text_and_french_when_said(store):
    bench = benchmarks(store, "net_migration_rate", 2, 2021, "IT")
    eu = bench["EU"]
    assert isinstance(eu.label, Phrase) and str(eu.label).startswith("EU27, computed: mean of ")
    assert say(eu.label, "fr").startswith("UE27, valeur calculée\u00a0: moyenne de ")
    assert "pondérée par la population" in say(eu.label, "fr") and "weighted" not in say(eu.label, "fr")
    assert eu.as_dict()["label"] == str(eu.label)  # the CLI's JSON gets the sentence, not its parts
    published = benchmarks(store, "tertiary_foreign_born", 2, 2022, "AT")["EU"]
    assert str(published.label) == "EU27 (published)" and say(published.label, "de") == "EU27 (veröffentlicht)"


def test_a_partial_benchmark_is_still_known_as_partial(store):
    partial = benchmarks(store, "unemployment_foreign_born", 2, 2022, "IT")["country"]
    assert partial.partial and str(partial.label).startswith("computed from 19 regions of IT, not all (")
    assert say(partial.label, "it").startswith("calcolato da 19 regioni di IT, non tutte (media di 19 regioni")


def test_peers_reasons_are_phrases(store):
    found = peers.peers(store, "AT130", k=3)
    reasons = [reason for row in found["reasons"] for reason in row]
    assert reasons and all(isinstance(reason, Phrase) for reason in reasons)
    same = [reason for reason in reasons if str(reason) == "same urban-rural type"]
    assert same and say(same[0], "es") == "mismo tipo urbano-rural"
    values = next(reason for reason in reasons if " vs " in str(reason))
    assert " contre " in say(values, "fr") and " gegenüber " in say(values, "de")


def test_the_reason_a_region_is_not_ranked_is_said_whole(store):
    result = composite.composite(store, 3, presets.preset_weights("arrival_pressure", 3), countries=["BE"],
                                 stability=False)
    reason = composite.not_ranked(result)["reason"].iloc[0]
    assert str(reason) == ("too little data: no value for any weighted indicator (67% of the weight needed); "
                           "no Net migration rate for 2020; no Net migration (average) for the period")
    german = say(reason, "de")
    assert german.startswith("zu wenige Daten: kein Wert für einen gewichteten Indikator (67\u00a0% der Gewichtung "
                             "erforderlich)") and german.endswith("kein Wert für den Zeitraum")
    assert "no " not in german and "needed" not in german


def test_notes_of_the_tables_and_the_map_are_phrases(store):
    converted = versions.in_version(store, "foreign_born_share", 2, 2021, 2023)
    note = converted.loc[converted["converted"], "note"].iloc[0]
    assert str(note) == "converted from NUTS 2024 (JRC matrix)"
    assert say(note, "fr") == "converti depuis NUTS 2024 (matrice du JRC)"
    joint = reception.for_regions(store, ["ITH10"])["note"].iloc[0]
    assert str(joint).endswith("; " + reception.JOINT_NOTE) and "Trentino-Südtirol" in say(joint, "de")
    missing = mapdata.map_data(store, "unemployment_foreign_born", 2, 2022).no_data["reason"]
    assert {str(r) for r in missing} == {"not in the data for this year", "no value published (low reliability)"}
    assert "ausente de los datos de este año" in {say(r, "es") for r in missing}


def _page(page: str, **params):
    from streamlit.testing.v1 import AppTest

    from dashboard.pages import PAGES, ROUTER

    at = AppTest.from_file(str(ROUTER), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(next(p.script for p in PAGES if p.key == page)).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.mark.slow  # a whole-page render the fast loop already does in English
def test_the_french_profile_says_its_benchmarks_and_peers_reasons_in_french(store_env):
    at = _page("region", geo="ITC4", lang="fr")
    captions = [c.value.replace("\\", "") for c in at.caption]
    assert any("UE\u00a0: " in c or "UE : " in c for c in captions)
    assert any("(UE27, valeur calculée" in c for c in captions), captions
    assert not any("computed" in c or "weighted by" in c or "(published)" in c for c in captions)
    peers_lines = [c for c in captions if c.startswith("Semblable pour")]
    assert len(peers_lines) == 5 and all(" contre " in c and " vs " not in c for c in peers_lines), peers_lines


@pytest.mark.slow  # a whole-page render the fast loop already does in English
def test_the_german_ranking_says_why_a_region_is_not_ranked_in_german(store_env):
    at = _page("most_affected", level="3", preset="arrival_pressure", countries="BE", lang="de")
    why = next(frame.value for frame in at.dataframe if "Warum" in frame.value.columns)
    assert len(why) and why["Warum"].str.contains("kein Wert für 2020").all()
    assert not why["Warum"].str.contains("needed|no value", regex=True).any()
