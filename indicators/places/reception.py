"""Italy's reception system by region: people hosted per 1 000 residents, and the monthly trend.

Trentino-Alto Adige is reported as one region covering ITH1 + ITH2: it stays one row (its population is
the sum of both provinces') and is only drawn across both on a map, never split or counted twice.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.regions import tables
from indicators.text.wording import phrase
from loaders.city_tables import read

SOURCE = "Liberiamoli tutti! (dati Ministero dell'Interno), CC BY 4.0"
CREDIT = ("Fonte: Liberiamoli tutti! (dati Ministero dell'Interno), CC BY 4.0 · "
          "residents: Source: Eurostat (demo_r_pjanaggr3)")
JOINT = phrase("Trentino-Alto Adige: reported jointly for ITH1 (Bolzano) and ITH2 (Trento); one figure for both")
JOINT_NOTE = str(JOINT)  # the English, for the registry's caveat (indicators.places.deep_dives)


def per_thousand(store) -> pd.DataFrame:
    """One row per region and report date: people in reception, per 1 000 residents of the same year.

    When the store has no population for the report's year, the latest earlier year is used and ``note`` says so.
    """
    return store.memo.cached(("local", "it_reception_rate"), lambda: _per_thousand(store))


def _per_thousand(store) -> pd.DataFrame:
    rows = read(store, "it_reception").copy()
    rows["year"] = rows["date"].dt.year
    population = _population(store, rows["nuts2"].unique())
    pairs = {(g, y): _population_year(population, g, y) for g, y in set(zip(rows["nuts2"], rows["year"]))}
    used = [pairs[(g, y)] for g, y in zip(rows["nuts2"], rows["year"])]
    rows["population_year"] = [u[0] for u in used]
    rows["population"] = [u[1] for u in used]
    rows["value"] = 1000 * rows["total"] / rows["population"]
    # the note as a phrase per row (str() is the English): which population year, and the joint report
    rows["note"] = [_note(p, y, bool(j)) for p, y, j in zip(rows["population_year"], rows["year"], rows["jointly"])]
    rows = rows.rename(columns={"nuts2": "geo", "region": "name"})
    rows["level"], rows["country"], rows["flag"] = 2, "IT", ""
    rows["unit"], rows["source"] = "per 1 000 residents", SOURCE
    return rows


def _note(population_year, year, jointly: bool):
    if population_year == year:
        note = phrase("population of the same year")
    else:  # no population for the report's year (or none at all: '<NA>', as before)
        shown = str(int(population_year)) if pd.notna(population_year) else "<NA>"
        note = phrase("population of {year} (latest available)", year=shown)
    return phrase("{first}; {then}", first=note, then=JOINT) if jointly else note


def monthly(store) -> pd.DataFrame:
    """The last report of each month, per region (the monthly trend)."""
    rows = per_thousand(store)
    month = rows["date"].dt.to_period("M")
    last = rows.assign(month=month).sort_values("date").groupby(["geo", "month"]).tail(1)
    return last.sort_values(["geo", "date"]).reset_index(drop=True)


def latest(store) -> pd.DataFrame:
    """Every region at the latest report date."""
    rows = per_thousand(store)
    return rows[rows["date"].eq(rows["date"].max())].reset_index(drop=True)


def map_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows to draw: a jointly reported row is drawn on each NUTS 2 region it covers, with the note (drawing only:
    never sum these)."""
    drawn = rows.assign(region_code_joint=rows["geo"], geo=rows["geo"].str.split("+")).explode("geo")
    return drawn.reset_index(drop=True)


def _population(store, nuts2: np.ndarray) -> pd.DataFrame:
    codes = {code for joint in nuts2 for code in joint.split("+")}
    pop = tables.table(store, "population", level=2)
    pop = pop[pop["geo"].isin(codes) & pop["value"].notna()][["geo", "year", "value"]].copy()
    pop["geo"] = pop["geo"].astype(str)
    pop["year"] = pop["year"].astype(int)
    wide = pop.pivot_table(index="year", columns="geo", values="value", aggfunc="first")
    for joint in {j for j in nuts2 if "+" in j}:
        parts = joint.split("+")
        wide[joint] = wide[parts].sum(axis=1, min_count=len(parts))  # both provinces, or none
    return wide


def _population_year(population: pd.DataFrame, geo: str, year: int) -> tuple[float, float]:
    column = population[geo].dropna() if geo in population else pd.Series(dtype=float)
    earlier = column[column.index <= year]
    if earlier.empty:
        return (np.nan, np.nan)
    return (int(earlier.index[-1]), float(earlier.iloc[-1]))


def for_regions(store, geos: list[str]) -> pd.DataFrame:
    """The latest reception row of each chosen Italian region (a NUTS 3 region's NUTS 2, said so; Trentino-Alto
    Adige's joint row once, for ITH1 and ITH2 alike). Columns: chosen, geo (as reported), name, value, total,
    date, note. Regions outside Italy are not listed: the data cover Italy only."""
    rows = latest(store)
    out = []
    for chosen in geos:
        if not chosen.startswith("IT") or len(chosen) < 4:
            continue
        nuts2 = chosen[:4]
        match = rows[rows["geo"].str.split("+").map(lambda codes: nuts2 in codes)]
        if match.empty:
            continue
        row = match.iloc[0]
        out.append({"chosen": chosen, "geo": row["geo"], "name": row["name"], "value": row["value"],
                    "total": row["total"], "date": row["date"], "note": row["note"]})
    frame = pd.DataFrame(out, columns=["chosen", "geo", "name", "value", "total", "date", "note"])
    return frame.drop_duplicates(["chosen"]).reset_index(drop=True)


def score_with_reception(result: pd.DataFrame, store, weight: float) -> pd.DataFrame:
    """Italy only, NUTS 2: the most-affected score with the reception load as one more weighted indicator.

    The EU-27 score stays as it is (its scale covers every EU-27 region, which reception data cannot); this is
    a second score, for Italy's regions only: reception per 1 000 residents at the latest report, scaled 0-100
    over the reported Italian regions like any indicator (clipped, 100 = most), weighted ``weight`` beside the
    ranking's own weights. Trentino-Alto Adige's joint figure is the same value for ITH1 and ITH2 (not split).
    Columns: geo, name, score, reception, reception_scaled, score_with_reception, rank_in_italy, tied.
    """
    from indicators.regions.composite import scale  # the ranking's own scaling: one rule for every indicator

    reported = latest(store)
    rows = map_rows(reported).set_index("geo")["value"]  # ITH1 and ITH2 both read the joint figure
    italy = result[result["country"].eq("IT") & result["score"].notna()].copy()
    weights = result.attrs.get("weights", {})
    own = italy["coverage"] * sum(weights.values())  # the weight the region's score rests on
    italy["reception"] = italy["geo"].map(rows)
    italy["reception_scaled"] = scale(italy["reception"], reported["value"], "high")  # the joint row counted once
    have = italy["reception_scaled"].notna()
    italy["score_with_reception"] = ((italy["score"] * own + italy["reception_scaled"].fillna(0) * weight * have)
                                     / (own + weight * have))
    shown = italy["score_with_reception"].round(1)
    italy["rank_in_italy"] = shown.rank(method="min", ascending=False).astype("Int64")
    italy["tied"] = shown.map(shown.value_counts()).astype("Int64")
    columns = ["geo", "name", "score", "reception", "reception_scaled", "score_with_reception", "rank_in_italy", "tied"]
    return italy[columns].sort_values(["rank_in_italy", "geo"]).reset_index(drop=True)
