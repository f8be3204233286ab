"""The town page's downloads: the figures as CSV and the one-page town briefing with real text and the map."""

import io

import pandas as pd
import pytest
from pypdf import PdfReader

from dashboard.export import csvs
from dashboard.export.town_pdf import town_briefing
from indicators.places import local, town_answer


def test_town_csv_holds_the_figures_and_unknown_stays_empty(store):
    table = town_answer.comparison(store, "FR_93066")
    data = csvs.to_csv_bytes(table.assign(source="Source: Eurostat (Census 2021, 1 km grid)"))
    assert data.startswith("\ufeff".encode("utf-8"))
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    nuts3 = back[back["area"] == "FR106"]
    assert nuts3["value"].isna().all() and nuts3["note"].str.startswith("not computed").all()
    circle = back[(back["area"] == "circle_5km") & (back["figure"] == "Residents")]
    assert circle["value"].iloc[0] == local.town_circle(store, "FR_93066", 5)["residents"]


@pytest.mark.slow  # a briefing with kaleido images
def test_town_briefing_has_real_text_and_the_map(store):
    reader = PdfReader(io.BytesIO(town_briefing(store, "AT_32135", "de")))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Tulln an der Donau" in text and "Gemeindeprofil" in text
    # the credit says "Source" in the briefing's language, the source's own name as published
    assert "Quelle: Eurostat (Census 2021, 1 km grid)" in text and "© EuroGeographics" in text
    assert len(reader.pages[0].images) == 1


def test_the_csv_compares_with_the_areas_and_numbers_the_page_shows(store):
    """The CSV and the briefing took local.comparison (no NUTS 2) while the page took town_answer.areas."""
    table = town_answer.comparison(store, "AT_32135")
    shown = town_answer.key_figures(store, "AT_32135", 5)
    assert list(dict.fromkeys(table["area"])) == [*(f"circle_{r}km" for r in town_answer.CIRCLES_KM),
                                                  *(area["geo"] for area in shown[0]["areas"])]
    assert "AT12" in set(table["area"])  # Tulln's NUTS 2, Niederösterreich
    for figure in shown:
        rows = table[table["figure"].map(str) == str(figure["label"])].set_index("area")["value"]
        known = rows.astype(float).dropna().to_dict()  # a missing value is empty in the CSV, None on the page
        assert {a["geo"]: a["value"] for a in figure["areas"] if a["value"] is not None} == \
            {geo: value for geo, value in known.items() if not geo.startswith("circle")}
        assert figure["circles"][5]["value"] == known.get("circle_5km")


@pytest.mark.slow  # a briefing with kaleido images
@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_briefing_shows_the_pages_areas_and_caveats(store, lang):
    """The briefing lacked the NUTS 2 column the page shows, and listed four caveats of its own."""
    from dashboard.i18n import say

    text = " ".join(_briefing_text(store, "AT_32135", lang)[0].split())
    assert "NUTS 2 Niederösterreich" in text
    for caveat in town_answer.caveats():
        assert " ".join(say(caveat, lang).split())[:60] in text, caveat


def _briefing_text(store, gisco_id: str, lang: str) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(town_briefing(store, gisco_id, lang)))
    return reader.pages[0].extract_text(), reader


def test_numbers_are_formatted_for_the_language():
    from dashboard.export.town_pdf import FR_THOUSANDS, number

    assert number(12345.6, 1, "en") == "12,345.6" and number(12345.6, 1, "de") == "12.345,6"
    assert number(12345.6, 1, "fr") == f"12{FR_THOUSANDS}345,6" and number(3.6, 1, "fr") == "3,6"


@pytest.mark.slow  # a briefing with kaleido images
def test_french_briefing_of_a_spanish_town_puts_ine_first_with_french_headings_and_numbers(store):
    from dashboard.export.town_pdf import FR_THOUSANDS

    text, reader = _briefing_text(store, "ES_28079", "fr")
    assert len(reader.pages) == 1 and len(reader.pages[0].images) == 1
    assert "Fiche commune" in text and "Town briefing" not in text
    ine, grid = text.index("Chiffres officiels : INE"), text.index("Autour de la commune : la grille de 1 km")
    assert grid < ine  # the page's order: the answer, the map and the grid figures, then the official figures
    assert "Fuente: INE (tabla 68538)" in text and "Nés à l'étranger 23,4 24,1 26,2 28,0" in text
    assert f"3{FR_THOUSANDS}422{FR_THOUSANDS}416 habitants inscrits au 1er janvier 2024" in text
    assert "padrón" in text and "recensement 2021" in text  # how the two figures differ, in French
    assert "À lire avec prudence" in text and "Read with care" not in text
    assert "% des habitants" in text and "% of residents" not in text


def test_german_briefing_of_a_town_that_is_no_city_lists_the_nearest_cities(store):
    text, reader = _briefing_text(store, "AT_32135", "de")
    assert len(reader.pages) == 1
    assert "Nächste Urban-Audit-Städte" in text and "Bratislava" in text and "80,7" in text
    assert "16.230" in text  # the LAU 2020 population, German thousands
    assert "Bitte beachten" in text and "Rund um die Gemeinde" in text
    assert "Read with care" not in text and "Nearest Urban Audit cities" not in text
    assert "Seite 1" in text and "© EuroGeographics bezüglich der Verwaltungsgrenzen" in text


def test_english_briefing_of_a_city_says_implausible_values_are_not_shown(store):
    text, reader = _briefing_text(store, "DE_09162000", "en")
    assert len(reader.pages) == 1
    assert "Urban Audit city: foreign-born residents" in text and "implausible: not shown" in text
    assert "28.8 30.4 implausible: not shown 31.2" in text


def test_official_figures_csv_keeps_credits_and_leaves_implausible_values_empty(store):
    from indicators.places import town_official

    data = csvs.to_csv_bytes(town_official.town_official(store, "DE_09162000"))
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    caught = back[back["status"] == "implausible: not shown"]
    assert set(caught["year"]) == {2021, 2024} and caught["value"].isna().all()
    assert set(back["source"]) == {"Source: Eurostat (urb_cpopcb, urb_cpop1)"}
    madrid = pd.read_csv(io.BytesIO(csvs.to_csv_bytes(town_official.town_official(store, "ES_28079"))),
                         encoding="utf-8-sig")
    assert "Fuente: INE (tabla 68538)" in set(madrid["source"])
