"""Figures for areas of the Census 2021 1 km grid: circles around towns, countries, the EU, gated NUTS regions.

Withheld values and variables a country did not publish are unknown, never 0: a share is taken over the
residents whose place of birth (or residence a year before) is known, carries that coverage, and is shown as a
figure only when that coverage reaches ``COVERAGE_MIN_PCT`` (``shown_share``). A ``*_CI`` flag marks a value
the publisher flagged as confidential: a flagged 0 is withheld (the re-publisher wrote 0 in its place), a flagged
value that is not 0 is published and counts (``withheld``).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from geodata.codes import EU27
from indicators.registry import GridMeasure
from indicators.text.wording import Number, Phrase, phrase
from loaders.manifest import SOURCES

# The Census 2021 grid covers the EU and EFTA except Iceland, which published no grid (no cell lies within
# 1 000 km of its towns)
GRID_COUNTRIES = EU27 | {"CH", "LI", "NO"}
NO_GRID = {"IS": phrase("Iceland published no 1 km grid for the 2021 census: no figure around its towns.")}
RADII_KM = (2, 5, 10, 20)
HALF_CELL_M = 500  # a cell's centre is its lower-left corner + 500 m
ROW_KEY = 100_000  # key = y_km * ROW_KEY + x_km; EPSG:3035 x stays below 100 000 km
COVERAGE_MIN_PCT = 80.0  # a share is a figure only when residents with a known value are at least this % of all
REGION_GATE = 0.03  # a region's share of its country's grid population may differ by 3 % (relative) at most
COUNTRY_GATE = 0.02
BIRTH = ("NAT", "EU_OTH", "OTH")
RESIDENCE = ("SAME", "CHG_IN", "CHG_OUT")
# Why an area has no grid figure: phrases (``str`` is the English the tables and CSV files hold; pages say them
# in the reader's language with i18n.say)
NOT_COMPUTED = phrase("not computed: boundary too coarse at this scale")
NO_CELLS = phrase("no populated 1 km cell within the radius: the grid covers Europe (EU and EFTA), not the outermost "
                  "regions")
NO_REGION_CELLS = phrase("no populated 1 km cell: the grid covers Europe (EU and EFTA), not the outermost regions")
ONLY_NUTS_2_AND_3 = phrase("only NUTS 2 and NUTS 3 regions")
NO_POPULATION = phrase("no official 2021 population or no grid cells")
# Why a country's grid total differs from its official 1 January 2021 population by more than 2 %. The grid is
# the census count georeferenced to cells; the official figure is the 1 January estimate (demo_r_d2jan).
_FEWER = phrase("The 2021 census counted fewer residents than the 1 January 2021 estimate carried forward from 2011.")
COUNTRY_NOTES = {
    "FR": phrase("The grid covers metropolitan France only (no cell lies in the overseas departments FRY1–FRY5); "
                 "against the official population without them it is within 2 %."),
    "BG": _FEWER,
    "HR": _FEWER,
    "EL": phrase("The grid is the 2021 census count, which is lower than the 1 January 2021 estimate."),
    "CY": phrase("The grid is the 2021 census count, which is higher than the 1 January 2021 estimate."),
    "LU": phrase("Not explained by the data here: the grid holds fewer residents than the 1 January 2021 estimate."),
    "PL": phrase("Not explained by the data here: the grid holds fewer residents than the 1 January 2021 estimate "
                 "(residents not georeferenced to a cell are missing from any grid)."),
    "IE": phrase("Ireland's census was held on 3 April 2022 (postponed by the pandemic), not in 2021."),
}


def grid(store) -> pd.DataFrame:
    """The grid cells (read lazily from the store), sorted by row (y) then column (x)."""
    return store.local("grid_cells")


def _keys(store) -> np.ndarray:
    def compute():
        cells = grid(store)
        keys = (cells["y"].to_numpy(np.int64) // 1000) * ROW_KEY + cells["x"].to_numpy(np.int64) // 1000
        assert (np.diff(keys) > 0).all(), "grid cells are not sorted by (y, x)"
        return keys

    return store.memo.cached(("local", "keys"), compute)


def window_index(store, x: float, y: float, half_m: float) -> np.ndarray:
    """Row positions of the cells whose centre lies in the square of half-side ``half_m`` around (x, y)."""
    keys = _keys(store)
    x_lo, x_hi = math.ceil((x - half_m - HALF_CELL_M) / 1000), math.floor((x + half_m - HALF_CELL_M) / 1000)
    rows = np.arange(math.ceil((y - half_m - HALF_CELL_M) / 1000), math.floor((y + half_m - HALF_CELL_M) / 1000) + 1)
    starts = np.searchsorted(keys, rows * ROW_KEY + x_lo, "left")
    ends = np.searchsorted(keys, rows * ROW_KEY + x_hi, "right")
    if not len(rows) or not (ends > starts).any():
        return np.empty(0, dtype=np.int64)
    return np.concatenate([np.arange(s, e) for s, e in zip(starts, ends) if e > s])


def circle_index(store, x: float, y: float, radius_km: float) -> np.ndarray:
    """Row positions of the cells whose centre lies within ``radius_km`` of (x, y), EPSG:3035 metres."""
    radius = radius_km * 1000.0
    index = window_index(store, x, y, radius)
    cells = grid(store)
    cx = cells["x"].to_numpy()[index] + HALF_CELL_M - x
    cy = cells["y"].to_numpy()[index] + HALF_CELL_M - y
    return index[cx * cx + cy * cy <= radius * radius]


def not_published(store) -> dict[str, set[str]]:
    """Per country, the grid variables it did not publish at all."""
    table = store.local("grid_not_published")
    return {c: set(g["variable"]) for c, g in table.groupby("country")}


def withheld(cells: pd.DataFrame, column: str) -> np.ndarray:
    """Cells whose ``column`` is unknown: flagged confidential with 0 in its place. A flagged value that is not 0
    is published (Estonia flags most of its cells so): dropping it left Tallinn at 5 km with 19 residents."""
    return cells[f"{column}_CI"].to_numpy() & (cells[column].to_numpy() == 0)


def shown_share(value, known: int | None, residents: int | None):
    """``value`` when the residents with a known value cover ``COVERAGE_MIN_PCT`` of the area's residents, else None
    (the rule of every circle, region and ranking; ``too_little_known`` says why)."""
    return value if enough_known(known, residents) else None


def enough_known(known: int | None, residents: int | None) -> bool:
    """Whether ``known`` residents are at least ``COVERAGE_MIN_PCT`` of ``residents``."""
    return bool(residents) and known is not None and 100.0 * known >= COVERAGE_MIN_PCT * residents


def too_little_known(coverage_pct) -> Phrase:
    """What is shown in place of a share below the coverage rule: 'too little known (42.1 % of residents)'."""
    shown = "0" if coverage_pct is None else Number(float(coverage_pct), 1)
    return phrase("too little known ({coverage} % of residents)", coverage=shown)


def _known(cells: pd.DataFrame, columns: tuple[str, ...], missing: dict[str, set[str]]) -> np.ndarray:
    """Cells where every one of ``columns`` is published and not withheld."""
    known = np.ones(len(cells), dtype=bool)
    for column in columns:
        known &= ~withheld(cells, column)
        silent = [c for c, variables in missing.items() if column in variables]
        if silent:
            known &= ~cells["country"].isin(silent).to_numpy()
    return known


def figures(cells: pd.DataFrame, missing: dict[str, set[str]]) -> dict:
    """Residents, place of birth, moves from abroad, coverage and dissimilarity for a set of cells."""
    total = cells["T"].to_numpy(np.int64)
    t_known = ~withheld(cells, "T")
    residents = int(total[t_known].sum())
    birth = _known(cells, BIRTH, missing) & t_known
    nat, eu, oth = (cells[c].to_numpy(np.int64)[birth] for c in BIRTH)
    known_birth = int(nat.sum() + eu.sum() + oth.sum())
    abroad = eu + oth
    moves = _known(cells, RESIDENCE, missing) & t_known
    known_residence = int(sum(cells[c].to_numpy(np.int64)[moves].sum() for c in RESIDENCE))
    from_abroad = int(cells["CHG_OUT"].to_numpy(np.int64)[moves].sum())
    work = _known(cells, ("EMP",), missing) & t_known
    employed, work_base = int(cells["EMP"].to_numpy(np.int64)[work].sum()), int(total[work].sum())

    def share(part, whole, scale=100.0):
        return scale * part / whole if whole else None  # unrounded: rounded once, where it is shown

    def shown(part, whole, scale=100.0):  # a share of the known residents, under the coverage rule
        return shown_share(share(part, whole, scale), whole, residents)

    return {
        "residents": residents if len(cells) else None, "cells": len(cells), "cells_total_withheld": int((~t_known).sum()),
        "birth_known": known_birth, "cells_birth_known": int(birth.sum()),
        "coverage_pct": share(known_birth, residents),
        "born_abroad": int(abroad.sum()) if known_birth else None,
        "born_abroad_pct": shown(int(abroad.sum()), known_birth),
        "born_other_eu": int(eu.sum()) if known_birth else None, "born_other_eu_pct": shown(int(eu.sum()), known_birth),
        "born_outside_eu": int(oth.sum()) if known_birth else None, "born_outside_eu_pct": shown(int(oth.sum()), known_birth),
        "residence_known": known_residence, "residence_coverage_pct": share(known_residence, residents),
        "moved_from_abroad": from_abroad if known_residence else None,
        "moved_from_abroad_per_1000": shown(from_abroad, known_residence, 1000.0),
        "employed_pct": shown(employed, work_base), "employment_coverage_pct": share(work_base, residents),
        **(dissimilarity(nat, abroad) if enough_known(known_birth, residents)
           else {"dissimilarity": None, "dissimilarity_cells": int(birth.sum())}),
    }


def dissimilarity(native: np.ndarray, abroad: np.ndarray) -> dict:
    """Index of dissimilarity (0-100) between born-abroad and native-born residents over cells, with its cell count."""
    used = (native + abroad) > 0
    a_total, n_total = abroad[used].sum(), native[used].sum()
    if not a_total or not n_total:
        return {"dissimilarity": None, "dissimilarity_cells": int(used.sum())}
    index = 50.0 * np.abs(abroad[used] / a_total - native[used] / n_total).sum()
    return {"dissimilarity": round(float(index), 1), "dissimilarity_cells": int(used.sum())}


def municipality(store, gisco_id: str) -> pd.Series | None:
    """One municipality's row, or None for an unknown id."""
    table = store.local("municipalities")
    index = store.memo.cached(("local", "municipality_index"), lambda: pd.Index(table["gisco_id"]))
    where = index.get_indexer([gisco_id])[0]
    return None if where < 0 else table.iloc[where]


def grid_covers(store, town: pd.Series, half_km: float = 20) -> bool:
    """Whether the grid has any cell within ``half_km`` (a square) of the town's centre: not in the outermost
    regions (La Réunion, the Azores …), which the 1 km grid does not cover."""
    if pd.isna(town["x"]) or pd.isna(town["y"]):
        return False
    return len(window_index(store, float(town["x"]), float(town["y"]), half_km * 1000)) > 0


def town_circle(store, gisco_id: str, radius_km: float) -> dict | None:
    """The circle figures around a municipality's population-weighted centre, or None for an unknown id (kept per
    store: the town page's sentence, key figures and CSV all ask for them)."""
    return store.memo.cached(("local", "circle", gisco_id, float(radius_km)),
                             lambda: _town_circle(store, gisco_id, radius_km))


def _town_circle(store, gisco_id: str, radius_km: float) -> dict | None:
    town = municipality(store, gisco_id)
    if town is None:
        return None
    cells = grid(store).iloc[circle_index(store, town["x"], town["y"], radius_km)]
    note = NO_GRID.get(str(town["country"])) or ("" if len(cells) else NO_CELLS)
    return {"gisco_id": gisco_id, "note": note, "name": town["name"],
            "lon": float(town["lon"]), "lat": float(town["lat"]),
            "x_3035": round(float(town["x"]), 1), "y_3035": round(float(town["y"]), 1), "radius_km": radius_km,
            **figures(cells, not_published(store))}


def area_figures(store, geo: str) -> dict:
    """Figures for a country code or ``EU`` (EU27 cells), kept per store."""
    def compute():
        cells = grid(store)
        mask = cells["country"].isin(EU27) if geo == "EU" else cells["country"].eq(geo)
        return figures(cells[mask.to_numpy()], not_published(store))

    return store.memo.cached(("local", "area", geo), compute)


def by_prefix(store, values: np.ndarray, length: int) -> pd.Series:
    """Per-cell ``values`` summed by the first ``length`` characters of the cell's NUTS 3 code (2 = country).

    Works on the category codes: string operations on 1.9 million cells took seconds.
    """
    cells = grid(store)
    codes = cells["nuts_3"].cat.codes.to_numpy()
    prefixes = np.asarray(cells["nuts_3"].cat.categories.astype(str).str[:length], dtype=object)
    has = codes >= 0
    return pd.Series(values[has]).groupby(prefixes[codes[has]]).sum()


def _counted_residents(store) -> np.ndarray:
    """Residents per cell, 0 where the total is withheld (unknown residents are not summed)."""
    cells = grid(store)
    return cells["T"].to_numpy(np.int64)  # a withheld total is 0 in the tile, so it adds nothing


def official_population(store, level: int) -> pd.Series:
    """Official population on 1 January 2021 by NUTS 2021 code, at level 0, 2 or 3."""
    obs = store.observations
    if level == 3:
        rows = obs[(obs["source_id"] == "demo_r_pjanaggr3_nuts3") & (obs["sex"] == "T") & (obs["age"] == "TOTAL")]
    else:
        rows = obs[(obs["source_id"] == "demo_r_d2jan") & (obs["sex"] == "T") & (obs["age"] == "TOTAL")]
    rows = rows[(rows["year"] == 2021) & (rows["level"] == level) & (rows["nuts_version"] == 2021)]
    return rows.dropna(subset=["value"]).set_index(rows["geo"].astype(str))["value"].astype(float)


def region_gate(store, level: int) -> pd.DataFrame:
    """Per NUTS 2021 region (level 2 or 3): grid and official shares of the country, deviation, and the gate."""
    def compute():
        residents = _counted_residents(store)
        grid_total, country_grid = by_prefix(store, residents, 2 + level), by_prefix(store, residents, 2)
        official, country_official = official_population(store, level), official_population(store, 0)
        table = pd.DataFrame({"official": official})
        table["country"] = table.index.str[:2]
        table = table[table["country"].isin(country_grid.index) & table["country"].isin(country_official.index)]
        table["grid"] = grid_total.reindex(table.index).fillna(0).astype("int64")
        table["grid_share"] = table["grid"] / table["country"].map(country_grid)
        table["official_share"] = table["official"] / table["country"].map(country_official)
        table["deviation_pct"] = 100 * (table["grid_share"] / table["official_share"] - 1)
        table["computed"] = table["deviation_pct"].abs() <= 100 * REGION_GATE
        table = table.rename_axis("geo").reset_index()
        return table

    return store.memo.cached(("local", "gate", level), compute)


def region_figures(store, geo: str) -> dict:
    """A NUTS 2/3 region's grid figures where the share gate passes, else the reason it is not computed (kept
    per store: a town page asks for its regions several times, each a pass over 1.9 million cells)."""
    return store.memo.cached(("local", "region", geo), lambda: _region_figures(store, geo))


def _region_figures(store, geo: str) -> dict:
    level = len(geo) - 2
    if level not in (2, 3):
        return {"geo": geo, "computed": False, "reason": ONLY_NUTS_2_AND_3}
    gate = region_gate(store, level).set_index("geo")
    if geo not in gate.index:
        return {"geo": geo, "computed": False, "reason": NO_POPULATION}
    row = gate.loc[geo]
    if row["grid"] == 0:  # an outermost region: its share "deviates" by -100 %, which says nothing of the boundary
        return {"geo": geo, "computed": False, "reason": NO_REGION_CELLS}
    out = {"geo": geo, "computed": bool(row["computed"]), "deviation_pct": round(float(row["deviation_pct"]), 2)}
    if not row["computed"]:
        return {**out, "reason": NOT_COMPUTED}
    cells = grid(store)
    categories = cells["nuts_3"].cat.categories.astype(str)
    mask = np.isin(cells["nuts_3"].cat.codes.to_numpy(), np.flatnonzero(categories.str.startswith(geo)))
    return {**out, **figures(cells[mask], not_published(store))}


def country_check(store) -> pd.DataFrame:
    """Each country's grid total against its official 1 January 2021 population, with the note where they differ."""
    totals = by_prefix(store, _counted_residents(store), 2)
    official = official_population(store, 0)
    totals = totals[totals.index.isin(GRID_COUNTRIES)]  # a few border cells fall in neighbours' 1:20M polygons
    table = pd.DataFrame({"grid": totals, "official": official.reindex(totals.index)}).dropna()
    table["deviation_pct"] = 100 * (table["grid"] / table["official"] - 1)
    table["within"] = table["deviation_pct"].abs() <= 100 * COUNTRY_GATE
    table["note"] = [str(COUNTRY_NOTES.get(c, "")) for c in table.index]  # a check table (tests, CLI): English
    return table.rename_axis("country").reset_index()


# --- per-cell values for the local map ----------------------------------------------------------------------

GRID_SOURCES = tuple(s.id for s in SOURCES if s.adapter in ("grid_info", "grid_tile"))  # the tiling and its tiles
GRID_CREDIT = "Source: Eurostat (Census 2021, 1 km grid)"
_GRID_CAVEATS = ("Residents whose place of birth (or residence a year before) is withheld or not published are "
                 "unknown, never 0: the share is of the residents for whom it is known.",)


def _grid_measure(id, label, numerator, denominator, scale, unit, short_unit, breaks, description) -> GridMeasure:
    return GridMeasure(id=id, label=label, short_label=label, unit=unit, short_unit=short_unit,
                       description=description, decimals=1, credit=GRID_CREDIT, sources=GRID_SOURCES,
                       caveats=_GRID_CAVEATS, numerator=numerator, denominator=denominator, scale=scale, breaks=breaks)


MEASURES = {m.id: m for m in (  # the registry's grid entries (indicators.registry.get finds them), by id
    _grid_measure("born_abroad", "Born abroad", ("EU_OTH", "OTH"), BIRTH, 100.0, "% of residents", "%",
                  (5, 10, 20, 30, 50), "Residents born in another country, as a share of the residents whose "
                  "place of birth is known (Census 2021)."),
    _grid_measure("born_other_eu", "Born in another EU country", ("EU_OTH",), BIRTH, 100.0, "% of residents", "%",
                  (2, 5, 10, 20, 30), "Residents born in another EU country, as a share of the residents whose "
                  "place of birth is known (Census 2021)."),
    _grid_measure("born_outside_eu", "Born outside the EU", ("OTH",), BIRTH, 100.0, "% of residents", "%",
                  (5, 10, 20, 30, 50), "Residents born outside the EU, as a share of the residents whose place "
                  "of birth is known (Census 2021)."),
    _grid_measure("moved_from_abroad", "Moved in from abroad in the year before the census", ("CHG_OUT",),
                  RESIDENCE, 1000.0, "per 1 000 residents", "‰", (5, 10, 20, 40, 80),
                  "Residents who lived abroad one year before the census, per 1 000 residents whose residence a "
                  "year before is known."),
)}


_FIGURE_SUFFIX = {100.0: "pct", 1000.0: "per_1000"}  # how ``figures`` names a share and a rate per 1 000


def figure_key(measure: GridMeasure) -> str:
    """Where ``figures`` puts a grid measure's value: 'born_abroad_pct' (a share), 'moved_from_abroad_per_1000'."""
    return f"{measure.id}_{_FIGURE_SUFFIX[measure.scale]}"


FEW_RESIDENTS = 20  # below this a cell's share says little: drawn as "few residents", not in a class


def cell_values(cells: pd.DataFrame, measure: str, missing: dict[str, set[str]]) -> pd.DataFrame:
    """Per cell: the measure's value, its class (0 = lowest) and a status: value, few residents or withheld."""
    entry = MEASURES[measure]
    numerator, denominator, scale, breaks = entry.numerator, entry.denominator, entry.scale, entry.breaks
    known = _known(cells, denominator, missing) & ~withheld(cells, "T")
    base = sum(cells[c].to_numpy(np.int64) for c in denominator)
    part = sum(cells[c].to_numpy(np.int64) for c in numerator)
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.where(known & (base > 0), scale * part / np.where(base > 0, base, 1), np.nan)
    few = cells["T"].to_numpy() < FEW_RESIDENTS
    status = np.where(~known, "withheld", np.where(few, "few residents", "value"))
    value = np.where(status == "value", value, np.nan)
    classes = np.where(status == "value", np.searchsorted(np.asarray(breaks), value, side="right"), -1)
    return pd.DataFrame({"x": cells["x"].to_numpy(), "y": cells["y"].to_numpy(), "residents": cells["T"].to_numpy(),
                         "value": value, "class": classes, "status": status})


def region_note(region: dict) -> Phrase:
    """Why a region has no grid figure, with its share deviation where it has one: 'not computed: … (share
    deviation 4.21 %)'."""
    deviation = region.get("deviation_pct")
    if deviation is None:
        return region["reason"]
    return phrase("{reason} (share deviation {deviation} %)", reason=region["reason"], deviation=Number(deviation, 2))


def coarse_cells(store, measure: str, size_km: int = 5) -> pd.DataFrame:
    """The grid summed into ``size_km`` cells: residents, the measure over known residents, and a status."""
    def compute():
        entry = MEASURES[measure]
        numerator, denominator, scale, breaks = entry.numerator, entry.denominator, entry.scale, entry.breaks
        cells = grid(store)
        known = _known(cells, denominator, not_published(store)) & ~withheld(cells, "T")
        step = size_km * 1000
        frame = pd.DataFrame({
            "col": cells["x"].to_numpy() // step, "row": cells["y"].to_numpy() // step,
            "residents": cells["T"].to_numpy(np.int64),
            "base": np.where(known, sum(cells[c].to_numpy(np.int64) for c in denominator), 0),
            "part": np.where(known, sum(cells[c].to_numpy(np.int64) for c in numerator), 0)})
        out = frame.groupby(["col", "row"], sort=False).sum().reset_index()
        with np.errstate(divide="ignore", invalid="ignore"):
            out["value"] = np.where(out["base"] > 0, scale * out["part"] / out["base"].where(out["base"] > 0, 1), np.nan)
        out["status"] = np.where(out["base"] == 0, "withheld",
                                 np.where(out["residents"] < FEW_RESIDENTS, "few residents", "value"))
        out["class"] = np.where(out["status"] == "value", np.searchsorted(np.asarray(breaks), out["value"], side="right"), -1)
        return out

    return store.memo.cached(("local", "coarse", measure, size_km), compute)


def grid_gaps(store) -> pd.DataFrame:
    """Per grid country: coverage of place of birth and residence, variables not published, regions not computed."""
    missing = not_published(store)
    cells = grid(store)
    t_known = ~withheld(cells, "T")
    sums = pd.DataFrame({
        "residents": by_prefix(store, _counted_residents(store), 2),
        "birth_known": by_prefix(store, np.where(_known(cells, BIRTH, missing) & t_known,
                                                 sum(cells[c].to_numpy(np.int64) for c in BIRTH), 0), 2),
        "residence_known": by_prefix(store, np.where(_known(cells, RESIDENCE, missing) & t_known,
                                                     sum(cells[c].to_numpy(np.int64) for c in RESIDENCE), 0), 2),
    })
    sums = sums[sums.index.isin(GRID_COUNTRIES)]
    table = pd.DataFrame({"country": sums.index, "residents": sums["residents"].to_numpy()})
    table["birth_coverage_pct"] = (100 * sums["birth_known"] / sums["residents"]).round(2).to_numpy()
    table["residence_coverage_pct"] = (100 * sums["residence_known"] / sums["residents"]).round(2).to_numpy()
    table["not_published"] = [", ".join(sorted(missing.get(c, set()))) for c in table["country"]]
    for level in (2, 3):
        gate = region_gate(store, level)
        table[f"nuts{level}_not_computed"] = table["country"].map((~gate["computed"]).groupby(gate["country"]).sum())
        table[f"nuts{level}_regions"] = table["country"].map(gate.groupby("country").size())
    return table


def municipalities_in(store, geo: str, limit: int = 30) -> pd.DataFrame:
    """A region's (or country's) municipalities, largest first, by their checked NUTS 3 code."""
    towns = store.local("municipalities")
    inside = towns[towns["nuts_3"].fillna("").str.startswith(geo)] if len(geo) > 2 else towns[towns["country"] == geo]
    return inside.nlargest(limit, "population")[["gisco_id", "name", "name_latin", "nuts_3", "population", "degurba"]]
