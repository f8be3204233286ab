"""A town's official figures on the real store: INE for Spain, the matched Urban Audit city, or the nearest cities."""

import numpy as np
import pandas as pd

from indicators.places import cities, municipal, town_official
from indicators.places.plausibility import NOT_SHOWN


def test_a_spanish_town_gets_ine_figures_first_then_its_city(store):
    rows = town_official.town_official(store, "ES_28079")  # Madrid
    assert list(dict.fromkeys(rows["section"])) == ["ine", "city"]
    ine = rows[rows["section"].eq("ine") & rows["group"].eq("born_abroad")].set_index("year")["value"]
    published = municipal.shares(store, "born_abroad")
    madrid = published[published["geo"].eq("28079") & published["level"].eq("lau")].set_index("year")["value"]
    assert sorted(ine.index) == [2021, 2022, 2023, 2024]
    pd.testing.assert_series_equal(ine.sort_index(), madrid.sort_index(), check_names=False)
    assert set(rows.loc[rows["section"].eq("ine"), "source"]) == {"Fuente: INE (tabla 68538)"}
    city = rows[rows["section"].eq("city")]
    assert set(city["geo"]) == {"ES001C"} and set(city["match"].map(str)) == {"name and NUTS 3"}
    assert city["note"].map(str).str.contains("greater city").all()  # Eurostat's ES001C is the greater city: said


def test_a_city_series_keeps_implausible_and_missing_values_empty_and_says_why(store):
    munich = town_official.town_official(store, "DE_09162000").set_index("year")
    assert str(munich.loc[2021, "status"]) == NOT_SHOWN and np.isnan(munich.loc[2021, "value"])
    assert munich.loc[2020, "status"] == "shown"
    assert munich.loc[2020, "value"] == cities.city_series(store, "DE003C").set_index("year").loc[2020, "value"]
    gouda = town_official.town_official(store, "NL_GM0513").set_index("year")
    assert set(gouda["geo"]) == {"NL016C"}
    assert str(gouda.loc[2015, "status"]) == "not published" and np.isnan(gouda.loc[2015, "value"])


def test_an_urban_audit_city_without_foreign_born_counts_says_so(store):
    vienna = town_official.town_official(store, "AT_90001")
    assert len(vienna) == 1 and vienna["geo"].iloc[0] == "AT001C"
    assert str(vienna["status"].iloc[0]) == "not published" and np.isnan(vienna["value"].iloc[0])


def test_a_town_that_is_no_city_gets_the_nearest_cities_with_distance(store):
    tulln = town_official.town_official(store, "AT_32135")
    assert set(tulln["section"]) == {"nearest"} and len(tulln) == town_official.NEAREST
    assert tulln["km"].is_monotonic_increasing and tulln["value"].notna().all()
    assert tulln["geo"].iloc[0] == "SK001C"  # Bratislava, about 81 km


def test_each_city_point_maps_to_at_most_one_municipality_and_suburbs_are_not_taken_for_cities(store):
    matches = town_official.city_matches(store)
    matched = matches.dropna(subset=["gisco_id"])
    assert not matched["gisco_id"].duplicated().any()
    towns = store.local("municipalities").set_index("gisco_id")
    assert (towns.loc[matched["gisco_id"], "population"].fillna(town_official.TOWN_MINIMUM)
            >= town_official.TOWN_MINIMUM).all()
    by_city = matches.set_index("city")["gisco_id"]
    assert by_city["DE040C"] == "DE_13003000"  # Rostock, not Rövershagen whose centre lies nearer the point
    assert by_city["BE003C"] == "BE_44021"  # "Gent / Gand": compared before the second language
    assert by_city["DE011C"] == "DE_05111000"  # "Düsseldorf, Stadt": compared before the comma
    assert pd.isna(by_city["PT007C"])  # Ponta Delgada's parish of 359 residents is not the city
    assert len(matched) >= 690  # of 725 points; Portugal's municipalities have no centre in the store


def test_a_caught_city_value_names_its_rule_in_the_readers_language_never_by_its_key():
    """Bergamo's 2024 row read '… · regola: jump' on the Italian page: the rule's key, not its name."""
    from indicators.text.wording import said

    assert said(town_official.rule_note("jump"), "it") == " · regola: salto"
    both = said(town_official.rule_note("jump, population_step"), "en")
    assert "jump" in both and "population step" in both and "population_step" not in both
