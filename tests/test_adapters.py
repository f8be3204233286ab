"""Each adapter against its real mirror file: row counts, exact values from the raw text, flags, missing values."""

import csv
import math

import pytest

from loaders.adapters import parse
from loaders.manifest import SOURCES, get_source
from tests.sampling import first_of_each


def _parsed(mirror, source_id):
    source = get_source(source_id)
    return parse(source, mirror / source.mirror_path)


def _raw_rows(mirror, source_id):
    with open(mirror / get_source(source_id).mirror_path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _one(frame, **where):
    for key, value in where.items():
        frame = frame[frame[key] == value]
    assert len(frame) == 1, where
    return frame.iloc[0]


# One source per adapter in the fast loop (the session's store build parses them all too); the sweep is slow,
# and so are the adapters whose only file takes many seconds (INE's 8 000 municipalities × 4 years, LAU .rda).
HEAVY_SOURCES = {"ine_68538", "lau_2020", "lau_2019", "nuts_2024_workbook"}


@pytest.mark.parametrize("source", [
    pytest.param(p.values[0], marks=(*p.marks, pytest.mark.slow), id=p.id) if p.id in HEAVY_SOURCES else p
    for p in first_of_each(SOURCES, lambda s: s.adapter, ids=lambda s: s.id)])
def test_every_source_parses_to_rows(mirror, source):
    table = parse(source, mirror / source.mirror_path)
    assert sum(len(t) for t in table.values()) > 0 if isinstance(table, dict) else len(table) > 0


@pytest.mark.parametrize("source_id", first_of_each([s.id for s in SOURCES if s.adapter in ("sdmx_csv", "sdmx_csv2", "urban_rural")],
                                                     lambda i: get_source(i).adapter))
def test_csv_adapters_keep_every_row(mirror, source_id):
    assert len(_parsed(mirror, source_id)) == len(_raw_rows(mirror, source_id))


def test_sdmx_values_flags_and_missing_match_the_raw_text(mirror):
    nuts2 = _parsed(mirror, "demo_r_gind3_nuts2")
    assert _one(nuts2, geo="EL41", time="2021")["value"] == -156.7  # census-adjustment outlier kept as published
    assert _one(nuts2, geo="EL30", time="2021")["value"] == 22.8
    unemployment = _parsed(mirror, "lfst_r_lfur2gac")
    assert _one(unemployment, geo="DE11", time="2022", c_birth="FOR")["value"] == 4.3
    suppressed = _one(unemployment, geo="DE11", time="2022", c_birth="EU27_2020_FOR")
    assert math.isnan(suppressed["value"]) and suppressed["flag"] == "u"  # missing stays missing, never 0
    raw = _raw_rows(mirror, "lfst_r_lfur2gac")
    raw_flags = {r["OBS_FLAG"] for r in raw}
    assert set(unemployment["flag"]) == raw_flags  # every flag and combination survives (bdu, du, …)
    assert unemployment["value"].isna().sum() == sum(r["OBS_VALUE"] == "" for r in raw)


def test_sdmx_last_update_is_kept(mirror):
    assert _parsed(mirror, "demo_r_gind3_nuts2").attrs["last_update"] == "14/04/23 23:00:00"


def test_sdmx_csv2_keeps_codes_not_labels(mirror):
    rates = _parsed(mirror, "lfsa_ergan")
    row = _one(rates, geo="DE", time="2022", sex="F", citizen="FOR")
    assert row["value"] == 56.0 and row["unit"] == "PC"
    assert "Country of citizenship" not in rates.columns


def test_label_layout_maps_country_names_and_reports_the_rest(mirror):
    population = _parsed(mirror, "demo_gind")
    assert _one(population, geo="DE", time="2020")["value"] == 83166711
    assert set(population["indic_de"]) == {"JAN"} and set(population["freq"]) == {"A"}
    income = _parsed(mirror, "ilc_di15")
    reported = {u["geo"] for u in income.attrs["unmatched"]}
    assert any(name.startswith("Euro area (EA11") for name in reported)
    assert {"EU27_2020", "EL", "XK"} & set(income["geo"]) >= {"EU27_2020", "EL"}


def test_europe_locals_shares_stocks_and_suppressed_values(mirror):
    regions = _parsed(mirror, "europe_locals_nuts2")
    share = _one(regions, geo="ITC4", time="2023", dataset="lfst_r_lfsd2pwc", c_birth="FOR", unit="PC")
    assert share["value"] == 14.31 and share["flag"] == ""
    total = _one(regions, geo="ITC4", time="2023", dataset="demo_r_pjanaggr3")
    assert total["value"] == 9976509
    suppressed = regions[(regions["dataset"] == "lfst_r_lfsd2pwc") & regions["value"].isna()]
    assert len(suppressed) > 0 and set(suppressed["flag"]) == {"c"}
    origins = regions[regions["dataset"] == "cens_21cob_r3"]
    assert set(origins["time"]) == {"2021"}  # Census 2021, whatever the record's year
    assert _one(origins, geo="ITC4", c_birth="RO")["value"] == 133229


def test_urban_rural_restores_saarland_codes_and_keeps_missing(mirror):
    netmig = _parsed(mirror, "ure_netmig")
    assert {"DEC01", "DEC06"} <= set(netmig["geo"]) and not netmig["geo"].str.startswith("Dec-").any()
    assert _one(netmig, geo="DEC01")["value"] == 6.9
    assert netmig.attrs["fixes"] == ["6 Saarland codes restored from dates"]
    projected = _parsed(mirror, "ure_projpop")
    assert math.isnan(_one(projected, geo="BE224")["value"])  # ':' in the file
    assert set(netmig["time"]) == {""}  # the file states no period; none is invented


def test_yearbook_sheets_flags_and_year_overrides(mirror):
    book = _parsed(mirror, "ryb2026_labour")
    assert set(book["indic"]) == {"CH04M1", "CH04M2", "CH04M3A", "CH04M3B", "CH04M3C", "CH04M4", "CH04M5", "CH04M6", "CH04M7"}
    employment = book[book["indic"] == "CH04M1"]
    assert _one(employment, geo="BE10")["value"] == 63.9 and _one(employment, geo="BE10")["time"] == "2025"
    assert _one(employment, geo="IS00")["time"] == "2024"  # a Year cell overrides the map's reference year
    assert "du" in set(book["flag"]) and not book["flag"].str.contains(";").any()  # 'd; u' -> 'du'
    assert math.isnan(_one(employment, geo="MD")["value"])  # ':' is missing
    assert _one(book[book["indic"] == "CH04M2"], geo="BE10")["unit"] == "PP"


def test_unhcr_maps_iso3_and_writes_greece_el(mirror):
    refugees = _parsed(mirror, "unhcr_refugees")
    row = _one(refugees, geo="EL", time="2008", pop_type="ASY")
    assert row["value"] == 38035
    assert "GRC" not in set(refugees["geo"])


def test_gisco_names_lose_their_non_breaking_spaces(mirror):
    raw = (mirror / get_source("gisco_nuts2021_l3").mirror_path).read_text(encoding="utf-8")
    assert "\\u00a0" in raw or "\xa0" in raw, "the quirk this test guards against is in the file"
    for source_id in ("gisco_nuts2021_l3", "gisco_nuts2024"):
        regions = _parsed(mirror, source_id)
        assert not regions["name_latn"].str.contains("\xa0").any()
        assert not regions["name_latn"].str.endswith(" ").any()
        assert regions.geometry.is_valid.all()


@pytest.mark.slow  # the three NUTS workbooks parsed afresh (~5 s); the store build reads them too
def test_nuts_workbooks_give_code_lists_and_typologies(mirror):
    book24 = _parsed(mirror, "nuts_2024_workbook")
    codes = book24["codes"].set_index("geo")
    assert codes.loc["BE100", "level"] == 3 and codes.loc["NL35", "level"] == 2
    typ = book24["typologies"].set_index("geo")
    assert typ.loc["BE100", "urban_rural"] == "predominantly urban" and bool(typ.loc["BE100", "capital"])
    book21 = _parsed(mirror, "nuts_2021_workbook")
    versions = book21["codes"].groupby("version").size()
    assert versions[2021] > 2000 and versions[2016] > 2000
    assert "UKC1" in set(book21["codes"]["geo"])


def test_jrc_converter_pieces(mirror):
    pieces = _parsed(mirror, "jrc_n3_2021_2024")
    assert {"from_code", "to_code", "pop21"} <= set(pieces.columns)
    assert len(pieces) == len(_raw_rows(mirror, "jrc_n3_2021_2024"))
