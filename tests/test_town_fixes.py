"""The town page's CSV files, display names, outermost regions and French spacing (review of the town page)."""

import io

import pandas as pd
import pytest

from indicators.places import lau_ranking, local, similar_towns, town_answer, town_official
from indicators.places.town_names import display_name

TULLN, SAINT_DENIS_REUNION = "AT_32135", "FR_97411"


def _read(data: bytes) -> tuple[str, pd.DataFrame]:
    text = data.decode("utf-8-sig")
    return text, pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def test_display_name_puts_the_latin_name_first_and_the_original_after_a_slash():
    assert display_name("Ψευδοδημοτική Κοινότητα Ιλίου", "Psevdodimotiki Koinotita Iliou") == \
        "Psevdodimotiki Koinotita Iliou / Ψευδοδημοτική Κοινότητα Ιλίου"
    assert display_name("Tulln an der Donau", "Tulln an der Donau") == "Tulln an der Donau"
    assert display_name("Gouda", None) == "Gouda"


def test_town_figures_csv_has_whole_counts_rounded_shares_and_a_licence(store):
    from dashboard.export import town_csvs

    text, table = _read(town_csvs.figures(town_answer.comparison(store, TULLN)))
    assert "count" not in table.columns and {"source", "licence"} <= set(table.columns)
    residents = table.loc[table["figure"].eq("Residents"), "value"]
    assert residents.str.fullmatch(r"\d*").all() and residents.ne("").any(), residents.tolist()
    shares = table.loc[table["unit"].str.startswith("%"), "value"]
    assert shares.str.fullmatch(r"(\d+(\.\d)?)?").all(), shares.tolist()
    assert table["licence"].str.contains("Eurostat").all()


def test_town_official_and_similar_csvs_have_whole_counts_rounded_shares_and_degurba_words(store):
    from dashboard.export import town_csvs

    _, official = _read(town_csvs.official(town_official.town_official(store, TULLN)))
    assert official["count"].str.fullmatch(r"\d*").all() and official["population"].str.fullmatch(r"\d*").all()
    assert official["value"].str.fullmatch(r"-?(\d+(\.\d)?)?").all(), official["value"].tolist()
    assert official["licence"].ne("").all()
    _, similar = _read(town_csvs.similar(similar_towns.similar_towns(store, TULLN, 10)))
    assert similar["population"].str.fullmatch(r"\d+").all()
    assert similar["born_abroad_pct"].str.fullmatch(r"\d+(\.\d)?").all()
    assert set(similar["degurba_class"]) <= {"city", "town or suburb", "rural area"}
    assert similar["licence"].ne("").all()


def test_greek_towns_are_shown_by_their_latin_name_in_towns_like_yours_and_the_ranking(store):
    towns = store.local("municipalities")
    greek = towns[towns["country"].eq("EL") & towns["name"].ne(towns["name_latin"])]
    matches = similar_towns.similar_towns(store, str(greek.nlargest(1, "population")["gisco_id"].iloc[0]), 10,
                                          same_country=True)
    assert "name_latin" in matches.columns
    ranked = lau_ranking.ranking(store, countries=["CY"])
    assert "name_latin" in ranked.columns


def test_the_grid_does_not_cover_the_outermost_regions(store):
    assert local.grid_covers(store, local.municipality(store, TULLN))
    assert not local.grid_covers(store, local.municipality(store, SAINT_DENIS_REUNION))
