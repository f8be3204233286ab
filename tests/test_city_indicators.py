"""Local indicators on the real mirror: served values equal the raw rows (read here independently with pandas),
Trentino-Alto Adige is never counted twice, the command line and the exports carry verdicts and credit lines."""

from __future__ import annotations

import io
import json
import lzma
from contextlib import redirect_stdout

import numpy as np
import pandas as pd
import pytest

from indicators.places import cities, deep_dives, municipal, reception
from indicators.__main__ import main as cli

SAMPLE = 200


def _raw_cities(mirror, name):
    raw = pd.read_csv(mirror / "eurostat" / "cities" / name, dtype=str, keep_default_na=False)
    raw = raw[["cities", "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG"]]
    return raw.set_index(["cities", "TIME_PERIOD"])


def test_200_random_city_values_equal_the_raw_rows(store, mirror):
    foreign = _raw_cities(mirror, "urb_cpopcb_page_linear_2_0.csv")
    population = _raw_cities(mirror, "urb_cpop1_page_linear_2_0.csv")
    served = cities.city_shares(store)
    served = served[served["level"].eq("city") & served["value"].notna()]
    for row in served.sample(SAMPLE, random_state=14).itertuples(index=False):
        f = foreign.loc[(row.geo, str(row.year))]
        p = population.loc[(row.geo, str(row.year))]
        assert row.foreign_born == float(f["OBS_VALUE"]) and row.population == float(p["OBS_VALUE"])
        assert row.value == pytest.approx(100 * float(f["OBS_VALUE"]) / float(p["OBS_VALUE"]))
        assert set(row.flag) == set(f["OBS_FLAG"] + p["OBS_FLAG"])


def test_200_random_spanish_values_equal_the_raw_rows(store, mirror):
    with lzma.open(mirror / "national" / "es" / "68538.csv.xz", "rt", encoding="utf-8-sig") as handle:
        raw = pd.read_csv(handle, sep=";", dtype=str, keep_default_na=False)
    raw = raw[(raw["Sexo"] == "Total") & (raw["Municipios"] != "")]
    raw["code"] = raw["Municipios"].str[:5]
    counts = raw.set_index(["code", "Periodo", "Lugar de nacimiento"])["Total"]
    served = municipal.shares(store, "born_abroad")
    served = served[served["level"].eq("lau")]
    for row in served.sample(SAMPLE, random_state=68538).itertuples(index=False):
        total = float(counts[(row.geo, str(row.year), "Total")].replace(".", ""))
        spain = float(counts[(row.geo, str(row.year), "España")].replace(".", ""))
        assert row.population == total
        assert row.value == pytest.approx(100 * (total - spain) / total)
    eu = municipal.shares(store, "born_eu_other")
    row = eu[eu["level"].eq("lau")].sample(1, random_state=1).iloc[0]
    assert row["count"] == float(counts[(row["geo"], str(row["year"]), "Unión Europea (sin España)")].replace(".", ""))


def test_implausible_values_are_kept_but_not_shown(store):
    shares = cities.city_shares(store)
    gera = shares[(shares["geo"] == "DE113C") & (shares["year"] == 2021)].iloc[0]
    assert gera["foreign_born"] == 189700 and np.isnan(gera["value"]) and gera["verdict"] == "implausible: not shown"
    assert gera["published_share"] > 200
    assert (shares["value"].dropna() <= 100).all()
    listed = cities.implausible_values(store)
    assert set(listed["rule"]) == {"share_over_100", "jump", "population_step"} and listed["rule_text"].notna().all()


def _national_total(rows: pd.DataFrame) -> pd.Series:
    """People in reception in Italy per report date, each reported region once (the check's own sum)."""
    assert not rows.duplicated(["region_code", "date"]).any(), "a region counted twice in a sum"
    return rows.groupby("date")["total"].sum(min_count=1)


def test_trentino_alto_adige_never_appears_twice_in_a_sum(store, mirror):
    raw = pd.read_csv(mirror / "national" / "it" / "accoglienza.csv", dtype=str, keep_default_na=False)
    columns = [c for c in raw.columns if c.startswith("Migranti")]
    raw_total = raw[columns].replace("", np.nan).astype(float).sum(axis=1, min_count=1).groupby(raw["Data_Report"]).sum()
    rows = reception.per_thousand(store)
    national = _national_total(rows)
    assert np.allclose(national.values, raw_total.loc[national.index.strftime("%Y-%m-%d")].values)
    drawn = reception.map_rows(rows[rows["date"].eq(rows["date"].max())])
    assert {"ITH1", "ITH2"} <= set(drawn["geo"]) and len(drawn) == 21  # drawn on both, once each
    with pytest.raises(AssertionError):
        _national_total(pd.concat([rows, rows[rows["region_code"] == "04"]]))
    taa = rows[rows["region_code"] == "04"].iloc[-1]
    assert "jointly" in str(taa["note"]) and taa["population"] > 1_000_000  # ITH1 + ITH2


def test_reception_rate_uses_the_same_year_or_says_which(store):
    rows = reception.per_thousand(store)
    same = rows[rows["population_year"] == rows["year"]]
    other = rows[rows["population_year"] != rows["year"]]
    assert len(same) and same["note"].map(str).str.startswith("population of the same year").all()
    assert other["note"].map(str).str.contains("latest available").all()
    assert rows["value"].between(0, 50).all()
    assert len(reception.monthly(store)) < len(rows)


def test_registry_entries_state_coverage_and_compute(store):
    for entry in deep_dives.ENTRIES:
        rows = entry.rows(store)
        assert {"geo", "name", "year", "value", "flag", "unit", "source"} <= set(rows.columns), entry.id
        assert rows["value"].notna().any(), entry.id
        if entry.countries:
            assert set(rows["country"]) <= set(entry.countries), entry.id
    lines = [str(line) for line in deep_dives.coverage_lines()]  # phrases: str() is the English
    assert lines == ["municipal data: Spain only", "reception data: Italy only"]


def _cli(argv):
    out = io.StringIO()
    with redirect_stdout(out):
        code = cli(argv)
    return code, out.getvalue()


def test_cli_city_json_has_verdicts(store):
    code, text = _cli(["city", "DE003C", "--json"])
    assert code == 0
    data = json.loads(text)
    by_year = {r["year"]: r for r in data["series"]}
    assert by_year[2021]["verdict"] == "implausible: not shown" and by_year[2021]["foreign_born"] == 93700
    assert by_year[2024]["population"] == 348152 and by_year[2024]["population_flag"] == "b"
    assert {(f["year"], f["variable"]) for f in data["implausible"]} == {(2021, "foreign_born"), (2024, "population")}


def test_cli_table_at_local_levels(store):
    code, text = _cli(["table", "es_born_abroad_share", "--level", "lau", "--year", "2024"])
    rows = pd.read_csv(io.StringIO(text), dtype={"geo": str})
    assert code == 0 and (rows["level"] == "lau").sum() > 8000
    code, text = _cli(["table", "--level", "city"])
    assert code == 0 and "city_foreign_born_share" in text and "net_migration_rate" not in text
    code, text = _cli(["table", "es_born_abroad_share", "--level", "city"])  # one table command, every geography
    assert code == 2


def test_exports_carry_the_credit_lines(store):
    from dashboard.export import csvs

    expected = {"city_foreign_born_share": "Source: Eurostat (urb_cpopcb, urb_cpop1)",
                "es_born_abroad_share": "Fuente: INE (tabla 68538)",
                "it_reception_per_1000": "Fonte: Liberiamoli tutti! (dati Ministero dell'Interno), CC BY 4.0"}
    for indicator_id, credit in expected.items():
        text = csvs.to_csv_bytes(csvs.indicator_rows(store, indicator_id)).decode("utf-8-sig")
        assert credit in text
        meta = csvs.metadata(store, indicator_id)
        assert credit in meta["source"] and "© EuroGeographics" in meta["map_credit"]


@pytest.mark.slow  # kaleido images
def test_map_images_carry_the_credit_lines(store):
    from dashboard.export import local

    expected = [(local.city_map(store, "city_foreign_born_share", None)[0], "Source: Eurostat (urb_cpopcb, urb_cpop1)"),
                (local.spain_map(store, "es_born_abroad_share", 2024)[0], "Fuente: INE (tabla 68538)"),
                (local.italy_map(store)[0], "Fonte: Liberiamoli tutti! (dati Ministero dell'Interno), CC BY 4.0")]
    for fig, credit in expected:
        svg = local.map_image(fig, "svg").decode("utf-8")
        assert credit.replace("'", "&#39;") in svg or credit in svg
        assert "© EuroGeographics" in svg and "Territorial Migration Atlas" in svg


def test_helpers_for_the_town_page(store):
    madrid = municipal.for_municipality(store, "ES_28079")
    assert set(madrid["year"]) == {2021, 2022, 2023, 2024} and madrid["group"].nunique() == len(municipal.GROUPS)
    assert (madrid["source"] == "Fuente: INE (tabla 68538)").all()
    with pytest.raises(KeyError):
        municipal.for_municipality(store, "ES_99999")
    near = cities.nearest(store, 11.5755, 48.1374, k=2)  # central München
    assert near.iloc[0]["geo"] == "DE003C" and near.iloc[0]["km"] < 10 and near["km"].is_monotonic_increasing
