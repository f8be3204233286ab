"""One registry for every geography: NUTS, city, municipality, report-date and grid indicators are entries of one
type family with named fields, found by one ``get``, listed by the CLI with their geography, and the sources page
(generated from them) lists every file the app shows figures from."""

from __future__ import annotations

import dataclasses
import io
import json
from contextlib import redirect_stdout

import pytest

from indicators import entries, entry_tables
from indicators.places import local
from indicators.text import sources
from indicators.entries import get
from indicators.registry import GEOGRAPHIES, Entry
from loaders.manifest import BY_ID

# fetched by `loaders fetch` but shown nowhere in the app (no indicator or page reads them): a new file must be either
# shown (an entry's source or a reference file of indicators.text.sources) or named here on purpose
FETCHED_NOT_SHOWN = {"lfsa_egan", "lfsa_pganws", "demo_pjanbroad", "lfsa_ugan", "unhcr_ukraine_eu",
                     "unhcr_ukraine_total", "ine_mun_codes"}


def test_every_entry_is_one_type_with_named_fields_and_a_geography():
    every = entries.every()
    assert len({e.id for e in every}) == len(every), "ids must be unique across geographies"
    assert {e.geography for e in every} == set(GEOGRAPHIES)
    shared = {f.name for f in dataclasses.fields(Entry)}
    for entry in every:
        assert isinstance(entry, Entry) and shared <= {f.name for f in dataclasses.fields(entry)}, entry.id
        assert get(entry.id) is entry and entry.levels, entry.id
        assert all(source in BY_ID for source in entry.sources), entry.id


def test_get_finds_every_geography_and_can_insist_on_one():
    assert get("foreign_born_share").geography == "nuts"
    assert get("city_foreign_born_share").geography == "city"
    assert get("es_born_abroad_share").geography == "lau"
    assert get("it_reception_per_1000").geography == "nuts2_report"
    assert get("born_abroad").geography == "grid"
    assert get("born_abroad", "grid") is local.MEASURES["born_abroad"]
    with pytest.raises(KeyError, match="city_foreign_born_share"):
        get("city_foreign_born_share", "nuts")  # a NUTS page never takes a city entry for its own
    with pytest.raises(KeyError, match="no_such"):
        get("no_such")


def test_grid_measures_are_named_entries_with_their_rules():
    moved = local.MEASURES["moved_from_abroad"]
    assert (moved.numerator, moved.denominator, moved.scale) == (("CHG_OUT",), local.RESIDENCE, 1000.0)
    assert local.MEASURES["born_abroad"].breaks == (5, 10, 20, 30, 50)
    assert all(set(m.sources) == set(local.GRID_SOURCES) and len(m.sources) > 100 for m in local.MEASURES.values())


def _cli(argv):
    from indicators.__main__ import main

    out = io.StringIO()
    with redirect_stdout(out):
        code = main(argv)
    return code, out.getvalue()


def test_list_json_has_every_geography_with_its_levels(store):
    code, text = _cli(["list", "--json"])
    assert code == 0
    listed = {e["id"]: e for e in json.loads(text)}
    expected = {"es_born_abroad_share": "lau", "city_foreign_born_share": "city", "it_reception_per_1000": "nuts2_report",
                **{measure: "grid" for measure in local.MEASURES}, "foreign_born_share": "nuts"}
    assert {i: listed[i]["geography"] for i in expected} == expected
    assert listed["foreign_born_share"]["levels"] == [2] and listed["city_foreign_born_share"]["levels"] == ["city"]
    assert listed["born_abroad"]["years_in_store"] == [2021] and listed["born_abroad"]["scale"] == 100.0
    assert listed["es_born_abroad_share"]["years_in_store"] == [2021, 2022, 2023, 2024]
    assert "rows" not in listed["es_born_abroad_share"]  # a function is not a field a script can read
    assert len(listed) == len(entries.every())


def test_the_sources_page_lists_every_file_the_app_shows(store):
    files = sources.sources_table(store)
    named = set(files["source"])
    assert {"lau_2020", "lau_2019", "urau_cities_2021", "ine_68538", "it_accoglienza", "gisco_nuts2024"} <= named
    grid = files[files["source"].str.startswith("census_grid_info")]
    assert len(grid) == 1 and "Born abroad" in grid["used for"].iloc[0]
    assert "town page" in files.loc[files["source"].eq("lau_2020"), "used for"].iloc[0]
    assert set(BY_ID) - sources.shown_sources() == FETCHED_NOT_SHOWN
    methods = sources.methods_table(store)
    assert list(methods["id"]) == [e.id for e in entries.every()]
    assert set(methods.loc[methods["id"].isin(local.MEASURES), "geography"]) == {str(GEOGRAPHIES["grid"])}


def test_one_table_path_per_geography(store):
    lau = entry_tables.rows(store, "es_born_abroad_share", year=2024)
    assert list(lau.columns) == entry_tables.LOCAL_COLUMNS and set(lau["year"]) == {2024}
    nuts = entry_tables.rows(store, "foreign_born_share", level=2)
    assert list(nuts.columns) == entry_tables.NUTS_COLUMNS
    assert "date" in entry_tables.rows(store, "it_reception_per_1000").columns
    with pytest.raises(ValueError, match="grid measure"):
        entry_tables.rows(store, "born_abroad")


def test_one_csv_path_for_every_geography(store):
    from dashboard.export import csvs

    meta = csvs.metadata(store, "it_reception_per_1000")
    assert meta["geography"] == "nuts2_report" and "date" in meta["columns"]
    assert meta["licences"]["it_accoglienza"] == "CC BY 4.0"
    nuts = csvs.metadata(store, "net_migration_rate", 3, 2020)
    assert nuts["geography"] == "nuts" and list(nuts["columns"]) == csvs.COLUMNS
