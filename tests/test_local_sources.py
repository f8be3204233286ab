"""The local layer's and the national deep dives' files, parsed by their adapters, against the raw files."""

import csv
import json
import lzma

import pandas as pd
import pytest

from loaders.adapters import parse
from loaders.errors import ParseError
from loaders.manifest import SOURCES, get_source


def _parsed(mirror, source_id):
    source = get_source(source_id)
    return parse(source, mirror / source.mirror_path)


def test_every_grid_tile_has_an_entry_and_a_pinned_checksum(mirror):
    tiles = sorted(p.relative_to(mirror).as_posix() for p in (mirror / "census2021-grid").rglob("*.parquet"))
    entries = sorted(s.mirror_path for s in SOURCES if s.adapter == "grid_tile")
    assert entries == tiles and len(tiles) == 149
    assert all(s.sha256 and "/bb6c3000f6935d671ee02cbca7672a61fe8099fa/" in s.url for s in SOURCES if s.adapter == "grid_tile")


def test_grid_tile_cells_sit_at_their_epsg3035_corner_with_raw_counts(mirror):
    raw = pd.read_parquet(mirror / "census2021-grid/pub/v2/parquet/1000/17/13.parquet")
    cells = _parsed(mirror, "census_grid_17_13")
    assert len(cells) == len(raw)
    row = raw.sample(1, random_state=3).iloc[0]
    mine = cells[(cells["x"] == (17 * 256 + row["x"]) * 1000) & (cells["y"] == (13 * 256 + row["y"]) * 1000)].iloc[0]
    for column in ["T", "NAT", "EU_OTH", "OTH", "CHG_OUT"]:
        assert mine[column] == row[column]
        assert bool(mine[f"{column}_CI"]) == bool(row[f"{column}_CI"])


def test_a_negative_not_available_flag_is_read_as_withheld_and_reported(mirror):
    # Tile 20/15 publishes CHG_OUT_CI = -9986 for one cell: unknown, never a zero.
    cells = _parsed(mirror, "census_grid_20_15")
    assert cells.attrs["odd_flags"] == [{"x": (20 * 256 + 149) * 1000, "y": (15 * 256 + 119) * 1000,
                                         "column": "CHG_OUT_CI", "published": -9986, "read_as": "withheld"}]
    odd = cells[(cells["x"] == (20 * 256 + 149) * 1000) & (cells["y"] == (15 * 256 + 119) * 1000)].iloc[0]
    assert odd["CHG_OUT_CI"]


def test_grid_tiles_with_impossible_cells_are_refused_by_name(mirror, tmp_path):
    raw = pd.read_parquet(mirror / "census2021-grid/pub/v2/parquet/1000/17/13.parquet")
    source = get_source("census_grid_17_13")
    for name, broken in [("outside", raw.assign(x=raw["x"] + 300)), ("negative", raw.assign(T=-raw["T"])),
                         ("flag", raw.assign(NAT_CI=raw["NAT_CI"] * 2 + 2))]:
        path = tmp_path / f"{name}.parquet"
        broken.to_parquet(path)
        with pytest.raises(ParseError, match="census_grid_17_13"):
            parse(source, path)


def test_municipalities_file_reads_every_row(mirror):
    lau = _parsed(mirror, "lau_2020")
    assert len(lau) == 98_933
    assert lau["country"].nunique() == 38
    gouda = lau[lau["gisco_id"] == "NL_GM0513"].iloc[0]
    assert gouda["lau_name"] == "Gouda" and gouda["nuts_3"] == "NL33B"


def test_lau_2019_carries_the_degree_of_urbanisation(mirror):
    lau = _parsed(mirror, "lau_2019")
    assert len(lau) == 99_140
    # 1 city, 2 towns and suburbs, 3 rural; 9 is "not classified" in the published sheets
    assert set(lau["degurba"].dropna().unique()) == {1.0, 2.0, 3.0, 9.0}


def test_city_series_keep_codes_names_values_and_flags(mirror):
    with open(mirror / get_source("urb_cpopcb").mirror_path, encoding="utf-8-sig", newline="") as handle:
        raw = list(csv.DictReader(handle))
    cities = _parsed(mirror, "urb_cpopcb")
    assert len(cities) == len(raw)
    for row in raw[::97]:
        mine = cities[(cities["geo"] == row["cities"]) & (cities["time"] == row["TIME_PERIOD"])].iloc[0]
        expected = float(row["OBS_VALUE"]) if row["OBS_VALUE"] else None
        assert (pd.isna(mine["value"]) and expected is None) or mine["value"] == expected
        assert mine["flag"].startswith(row["OBS_FLAG"])
        assert mine["name"] == row["Geopolitical entity (declaring)"]


def test_urban_audit_points_name_their_nuts3(mirror):
    points = _parsed(mirror, "urau_cities_2021")
    raw = json.loads((mirror / "gisco/URAU_LB_2021_4326_CITIES.geojson").read_text(encoding="utf-8"))
    assert len(points) == len(raw["features"]) == 725
    potsdam = points[points["city"] == "DE038C"].iloc[0]
    assert potsdam["nuts3_2021"] == "DE404" and potsdam["name"] == "Potsdam"


@pytest.mark.slow  # reads 982 200 raw rows twice: 20 s
def test_ine_68538_values_equal_the_published_text(mirror):
    with lzma.open(mirror / "national/es/68538.csv.xz", "rt", encoding="utf-8-sig") as handle:
        raw = list(csv.reader(handle, delimiter=";"))[1:]
    table = _parsed(mirror, "ine_68538")
    assert len(table) == len(raw) == 982_200
    indexed = table.set_index(["area", "sex", "birthplace", "year"])["value"]
    sexes = {"Total": "T", "Hombres": "M", "Mujeres": "F"}
    places = {"Total": "TOTAL", "España": "ES", "Unión Europea (sin España)": "EU_OTH", "África": "AFR"}
    checked = 0
    for row in raw[::4001]:
        if row[4] not in places:
            continue
        area = row[2].split(" ")[0] if row[2] else (row[1].split(" ")[0] if row[1] else "ES")
        value = indexed[(area, sexes[row[3]], places[row[4]], int(row[5]))]
        published = row[6].replace(".", "")
        assert (pd.isna(value) and published == "") or value == float(published)
        checked += 1
    assert checked > 50
    assert indexed[("01001", "T", "TOTAL", 2024)] > 0  # Alegría-Dulantzi


def test_accoglienza_keeps_trentino_alto_adige_as_one_row_and_empty_as_missing(mirror):
    table = _parsed(mirror, "it_accoglienza")
    assert len(table) == 2_800 and table["date"].nunique() == 140 and table["region_code"].nunique() == 20
    assert (table["region"] == "Trentino-Alto Adige").sum() == 140
    first = table[(table["region"] == "Abruzzo") & (table["date"] == "2019-09-30")].iloc[0]
    assert first["reception_centres"] == 1364 and first["siproimi"] == 527 and pd.isna(first["hotspot"])
