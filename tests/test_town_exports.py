"""The town page's downloads: the figures as CSV and the one-page town briefing with real text and the map."""

import io

import pandas as pd
from pypdf import PdfReader

from dashboard.export import csvs
from dashboard.export.town_pdf import town_briefing
from indicators import local


def test_town_csv_holds_the_figures_and_unknown_stays_empty(store):
    table = local.comparison(store, "FR_93066")
    data = csvs.to_csv_bytes(table.assign(source="Source: Eurostat (Census 2021, 1 km grid)"))
    assert data.startswith("\ufeff".encode("utf-8"))
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    nuts3 = back[back["area"] == "FR106"]
    assert nuts3["value"].isna().all() and nuts3["note"].str.startswith("not computed").all()
    circle = back[(back["area"] == "circle_5km") & (back["figure"] == "Residents")]
    assert circle["value"].iloc[0] == local.town_circle(store, "FR_93066", 5)["residents"]


def test_town_briefing_has_real_text_and_the_map(store):
    reader = PdfReader(io.BytesIO(town_briefing(store, "AT_32135", "de")))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Tulln an der Donau" in text and "Gemeindeprofil" in text
    assert "Source: Eurostat (Census 2021, 1 km grid)" in text and "© EuroGeographics" in text
    assert len(reader.pages[0].images) == 1
