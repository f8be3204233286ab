"""Build stage for the local layer: city series with their points, Spain's municipalities, Italy's reception.

Tables are written next to the main store and read on first use (``read``), so loading the store stays fast.
Values are stored exactly as published; checks and indicators live in ``indicators``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from loaders.adapters.national import INE_BIRTHPLACE

TABLES = ("city_series", "city_points", "es_municipalities", "it_reception", "city_unmatched")
# ISTAT region code -> NUTS 2 (2021). Trentino-Alto Adige (04) is one reporting unit covering two NUTS 2
# regions (the autonomous provinces): it keeps one row and lists both, never split nor duplicated.
ISTAT_NUTS2 = {"01": "ITC1", "02": "ITC2", "03": "ITC4", "04": "ITH1+ITH2", "05": "ITH3", "06": "ITH4", "07": "ITC3",
               "08": "ITH5", "09": "ITI1", "10": "ITI2", "11": "ITI3", "12": "ITI4", "13": "ITF1", "14": "ITF2",
               "15": "ITF3", "16": "ITF4", "17": "ITF5", "18": "ITF6", "19": "ITG1", "20": "ITG2"}
RECEPTION_TYPES = ("hotspot", "reception_centres", "siproimi", "sai")


def build_tables(parsed: dict) -> dict[str, pd.DataFrame]:
    """Every local table from the parsed sources (keyed by manifest id)."""
    series, points, city_gaps = city_tables(parsed["urb_cpopcb"], parsed["urb_cpop1"], parsed["urau_cities_2021"])
    municipalities, es_gaps = spanish_municipalities(parsed["ine_68538"], parsed["lau_2020"])
    unmatched = pd.concat([city_gaps, es_gaps], ignore_index=True).astype(str)
    return {"city_series": series, "city_points": points, "es_municipalities": municipalities,
            "it_reception": italy_reception(parsed["it_accoglienza"]), "city_unmatched": unmatched}


def write(tables: dict[str, pd.DataFrame], folder: Path) -> None:
    """Write the local tables into a store folder being built."""
    for name in TABLES:
        tables[name].to_parquet(folder / f"{name}.parquet", index=False)


def read(store, name: str) -> pd.DataFrame:
    """One local table of a loaded store, read once and kept on the store (shared: copy before changing)."""
    if name not in TABLES:
        raise KeyError(f"no local table {name!r}; known: {', '.join(TABLES)}")
    return store.memo.cached(("city_table", name), lambda: pd.read_parquet(store.path / f"{name}.parquet"))


def city_kind(code: str) -> str:
    """Urban Audit code kind: ``CC###C`` a city, ``CC###K`` a greater city, two letters a country."""
    if len(code) == 2:
        return "country"
    return {"C": "city", "K": "greater city"}.get(code[-1:], "other")


def city_tables(foreign: pd.DataFrame, population: pd.DataFrame, points) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """City × year with both published counts and flags; the points; codes on one side only, with reasons."""
    cols = ["geo", "name", "year", "value", "flag"]

    def part(frame, prefix):
        frame = frame.assign(year=frame["time"].str[:4].astype(int))[cols]
        return frame.rename(columns={"value": prefix, "flag": f"{prefix}_flag", "name": f"name_{prefix}"})

    series = part(foreign, "foreign_born").merge(part(population, "population"), on=["geo", "year"], how="outer")
    series["name"] = series["name_foreign_born"].fillna(series["name_population"])
    series["kind"] = series["geo"].map(city_kind)
    series["country"] = series["geo"].str[:2]
    for flag in ("foreign_born_flag", "population_flag"):
        series[flag] = series[flag].fillna("")  # no row published: the value is NaN, the flag empty
    located = points.set_index("city")
    series["has_point"] = series["geo"].isin(located.index)
    series = series[["geo", "name", "kind", "country", "year", "foreign_born", "foreign_born_flag", "population",
                     "population_flag", "has_point"]].sort_values(["geo", "year"]).reset_index(drop=True)

    with_data = set(series.loc[series["foreign_born"].notna(), "geo"])
    table = pd.DataFrame({"geo": located.index, "name": located["name"].values, "country": located["country"].values,
                          "nuts3_2021": located["nuts3_2021"].values, "lon": located.geometry.x.values.round(5),
                          "lat": located.geometry.y.values.round(5)})
    table["has_foreign_born"] = table["geo"].isin(with_data)
    gaps = []
    places = series[series["kind"].ne("country")].drop_duplicates("geo")
    for geo, name, kind in places.loc[~places["has_point"], ["geo", "name", "kind"]].itertuples(index=False):
        reason = ("greater city: the 2021 Urban Audit points cover cities (C) only" if kind == "greater city"
                  else "city code not among the Urban Audit 2021 points (code changed or city not in the 2021 list)")
        gaps.append({"source_id": "urb_cpopcb/urb_cpop1", "geo": geo, "name": name, "reason": reason})
    published = set(series["geo"])
    for geo, name in table.loc[~table["has_foreign_born"], ["geo", "name"]].itertuples(index=False):
        reason = ("population published, no foreign-born count" if geo in published
                  else "no row in urb_cpopcb or urb_cpop1")
        gaps.append({"source_id": "urau_cities_2021", "geo": geo, "name": name, "reason": reason})
    return series, table, pd.DataFrame(gaps, columns=["source_id", "geo", "name", "reason"])


def spanish_municipalities(ine: pd.DataFrame, lau: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """INE 68538 (both sexes) one row per area and year, places of birth as columns, joined to LAU 2020."""
    both = ine[ine["sex"].eq("T")]
    # The adapter refuses duplicates, so unstacking moves each published value to one cell (NaN stays NaN).
    wide = both.set_index(["area", "kind", "name", "province", "year", "birthplace"])["value"].unstack("birthplace")
    wide = wide.reindex(columns=list(INE_BIRTHPLACE.values())).reset_index()
    wide.columns.name = None
    spain = lau[lau["country"].eq("ES")].set_index("gisco_id")
    wide["gisco_id"] = ("ES_" + wide["area"]).where(wide["kind"].eq("municipality"))
    joined = wide.join(spain[["nuts_3", "longitude", "latitude", "lau_name"]], on="gisco_id")
    joined = joined.rename(columns={"nuts_3": "nuts3_2021", "longitude": "lon", "latitude": "lat"})
    municipal = joined[joined["kind"].eq("municipality")].drop_duplicates("area")
    gaps = [{"source_id": "ine_68538", "geo": area, "name": name,
             "reason": "INE municipality code not in the LAU 2020 list (ES_ + code): no centre, no NUTS 3"}
            for area, name in municipal.loc[municipal["nuts3_2021"].isna(), ["area", "name"]].itertuples(index=False)]
    listed = set(municipal["gisco_id"])
    gaps += [{"source_id": "lau_2020", "geo": gid, "name": name, "reason": "LAU 2020 municipality with no INE 68538 row"}
             for gid, name in spain.loc[~spain.index.isin(listed), "lau_name"].items()]
    return joined.reset_index(drop=True), pd.DataFrame(gaps, columns=["source_id", "geo", "name", "reason"])


def italy_reception(frame: pd.DataFrame) -> pd.DataFrame:
    """Reception counts by ISTAT region and report date, with the NUTS 2 region(s) each row covers."""
    unknown = sorted(set(frame["region_code"]) - set(ISTAT_NUTS2))
    assert not unknown, f"ISTAT region codes with no NUTS 2 mapping: {unknown}"
    out = frame.copy()
    out["nuts2"] = out["region_code"].map(ISTAT_NUTS2)
    out["jointly"] = out["nuts2"].str.contains("+", regex=False)
    # Total of the types reported that day; a type not reported is left out, never read as 0; none -> NaN.
    out["total"] = out[list(RECEPTION_TYPES)].sum(axis=1, min_count=1)
    return out.sort_values(["date", "region_code"]).reset_index(drop=True)
