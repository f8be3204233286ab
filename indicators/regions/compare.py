"""Tables for comparing a handful of regions: latest values, two indicators side by side, series."""

from __future__ import annotations

import pandas as pd

from geodata.codes import level_of
from indicators.regions import lookup, tables
from indicators.registry import get


OLD_BY = 2  # years behind the most common year among the compared values: marked as another vintage


def latest(store, indicator, geos: list[str]) -> pd.DataFrame:
    """Each region's latest value of the indicator at its own level: geo, name, value, year, flag, note, and
    ``other_vintage`` (True when its year is more than ``OLD_BY`` years behind the most common year of the
    others: a 2016 value beside 2022 ones is marked, never silently compared)."""
    ind = get(indicator)
    out = []
    for geo in geos:
        level = level_of(geo)
        if level not in ind.levels:
            continue
        rows = _own(store, ind, level, geo)
        rows = rows[rows["value"].notna()].sort_values("time")
        if len(rows):
            out.append(rows.iloc[-1][["geo", "name", "value", "year", "flag", "note"]])
    frame = pd.DataFrame(out, columns=["geo", "name", "value", "year", "flag", "note"]).reset_index(drop=True)
    return frame.assign(other_vintage=other_vintage(frame["year"]))


def other_vintage(years: pd.Series) -> pd.Series:
    """True where a year lies more than ``OLD_BY`` years before the most common year (ties: the latest)."""
    known = years.dropna()
    if known.empty:
        return pd.Series(False, index=years.index)
    counts = known.value_counts()
    usual = max(counts[counts == counts.max()].index)
    return years.lt(usual - OLD_BY).fillna(False)


def _own(store, ind, level: int, geo: str) -> pd.DataFrame:
    return lookup.region_rows(store, ind, level, geo, lookup.drawn_version(store, geo))


def side_by_side(store, x, y, level: int) -> pd.DataFrame:
    """Every region at ``level`` with both indicators in their latest years: geo, name, x, y."""
    xs, x_year = tables.latest_values(store, x, level)
    ys, y_year = tables.latest_values(store, y, level)
    joined = xs[["geo", "name", "value"]].merge(ys[["geo", "value"]], on="geo", suffixes=("_x", "_y"))
    frame = joined.rename(columns={"value_x": "x", "value_y": "y"})
    frame.attrs["years"] = (x_year, y_year)
    return frame


def series(store, indicator, geos: list[str]) -> pd.DataFrame:
    """The chosen regions' series: geo, name, year, value."""
    ind = get(indicator)
    parts = []
    for geo in geos:
        level = level_of(geo)
        if level not in ind.levels:
            continue
        rows = _own(store, ind, level, geo)
        parts.append(rows[rows["value"].notna() & rows["year"].notna()][["geo", "name", "year", "value"]])
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["geo", "name", "year", "value"])


def references(store, indicator, values: pd.DataFrame) -> pd.DataFrame:
    """The country of each compared region, and the EU, for the year most of ``values`` (from ``latest``) are of:
    scope, geo (country code or "EU"), year, value (None when there is none, or only a partial aggregate: never
    drawn as the country or the EU), label (a phrase saying what the value is)."""
    from indicators.regions.context import one_benchmark

    ind = get(indicator)
    known = values["year"].dropna()
    if known.empty:
        return pd.DataFrame(columns=["scope", "geo", "year", "value", "label"])
    counts = known.value_counts()
    year = int(max(counts[counts == counts.max()].index))
    levels = values.assign(country=values["geo"].str[:2], level=values["geo"].map(level_of))
    rows = []
    scopes = [(c, int(lv)) for c, lv in levels.groupby("country", sort=False)["level"].max().items()]
    for scope, level in scopes + [("EU", int(levels["level"].max()))]:
        found = one_benchmark(store, ind, level, year, scope)
        usable = found.value is not None and not found.partial
        rows.append({"scope": "EU" if scope == "EU" else "country", "geo": scope, "year": year,
                     "value": found.value if usable else None, "label": found.label})
    return pd.DataFrame(rows)
