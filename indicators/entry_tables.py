"""One table path per geography kind: the tidy rows of any registry entry, and the levels and years they hold."""

from __future__ import annotations

import pandas as pd

from indicators.regions import tables
from indicators.entries import get
from indicators.registry import GEOGRAPHIES, Entry

NUTS_COLUMNS = ["geo", "name", "level", "nuts_version", "year", "period", "value", "flag", "unit", "source"]
LOCAL_COLUMNS = ["geo", "name", "level", "country", "year", "value", "flag", "unit", "source", "note"]
_LOCAL_EXTRA = ("date", "verdict", "rules")  # a report date, a plausibility verdict and its rules, where rows hold them


def rows(store, indicator, level=None, year: int | None = None, nuts_version: int | None = None) -> pd.DataFrame:
    """The entry's tidy rows in its export columns: a NUTS table (of a level, year and NUTS version) or the rows of a
    city, municipality or report-date entry (of a year); a grid measure has no rows (its figures are per area)."""
    entry = get(indicator)
    return _ROWS[entry.geography](store, entry, level, year, nuts_version)


def held(store, indicator) -> tuple[list, list[int]]:
    """The levels and the years the store holds for the entry."""
    entry = get(indicator)
    if entry.geography == "nuts":
        return tables.levels(store, entry), tables.years(store, entry)
    if entry.geography == "grid":
        return list(entry.levels), list(entry.years)
    found = entry.rows(store).dropna(subset=["value"])
    return list(entry.levels), sorted(int(y) for y in found["year"].dropna().unique())


def _nuts(store, entry: Entry, level, year, nuts_version) -> pd.DataFrame:
    return tables.table(store, entry, level=level, year=year, nuts_version=nuts_version)[NUTS_COLUMNS]


def _local(store, entry: Entry, level, year, nuts_version) -> pd.DataFrame:
    out = entry.rows(store)
    if year is not None:
        out = out[out["year"].eq(year)]
    return out[LOCAL_COLUMNS + [c for c in _LOCAL_EXTRA if c in out]]


def _grid(store, entry: Entry, level, year, nuts_version) -> pd.DataFrame:
    raise ValueError(f"{entry.id} is a grid measure: its figures are per area (python -m indicators town GISCO_ID)")


_ROWS = {"nuts": _nuts, "city": _local, "lau": _local, "nuts2_report": _local, "grid": _grid}
assert set(_ROWS) == set(GEOGRAPHIES), "every geography kind needs its table path"
