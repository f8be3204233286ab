"""What the local maps draw: one row per point (city or municipality) with its value or the reason it has none."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators import cities, deep_dives, reception
from indicators.classes import Classes, classify
from loaders.city_tables import read

POINT_COLUMNS = ["geo", "name", "lon", "lat", "year", "value", "flag", "population", "reason", "nuts3_2021"]


@dataclass(frozen=True)
class PointMap:
    """Rows to draw, their classes, and the entry they belong to."""

    indicator: deep_dives.LocalIndicator
    rows: pd.DataFrame
    classes: Classes
    year_text: str


def city_points(store, indicator_id: str = "city_foreign_born_share", year: int | None = None,
                scheme: str = "quantiles") -> PointMap:
    """Every Urban Audit point: its value in ``year`` (None: each city's latest shown year), else the reason."""
    ind = deep_dives.get(indicator_id)
    points = read(store, "city_points")
    rows = ind.rows(store)
    rows = rows[rows["level"].eq("city")]
    if year is None:
        chosen = rows.dropna(subset=["value"]).sort_values("year").groupby("geo").tail(1)
        caught = rows[rows["verdict"].ne("")] if "verdict" in rows else rows.iloc[:0]
        chosen = pd.concat([chosen, caught[~caught["geo"].isin(chosen["geo"])].sort_values("year").groupby("geo").tail(1)])
    else:
        chosen = rows[rows["year"].eq(year)]
    drawn = points[["geo", "lon", "lat", "nuts3_2021"]].merge(chosen, on="geo", how="left")
    drawn["name"] = drawn["name"].fillna(drawn["geo"].map(points.set_index("geo")["name"]))
    drawn["reason"] = _reasons(drawn, year)
    if "population" not in drawn:
        latest_pop = cities.city_shares(store).dropna(subset=["population"]).sort_values("year").groupby("geo").tail(1)
        drawn = drawn.merge(latest_pop[["geo", "population"]], on="geo", how="left")
    drawn["flag"] = drawn["flag"].fillna("")
    text = str(year) if year else "each city's latest year shown"
    return PointMap(ind, drawn[POINT_COLUMNS], classify(drawn["value"], scheme), text)


def municipal_points(store, indicator_id: str = "es_born_abroad_share", year: int | None = None,
                     scheme: str = "quantiles") -> PointMap:
    """Every Spanish municipality with a centre: its value in ``year`` (default the latest), else why not."""
    ind = deep_dives.get(indicator_id)
    rows = ind.rows(store)
    rows = rows[rows["level"].eq("lau") & rows["lon"].notna()]
    year = int(rows["year"].max()) if year is None else year
    drawn = rows[rows["year"].eq(year)].copy()
    drawn["reason"] = np.where(drawn["value"].isna(), "a place-of-birth count not published by INE", "")
    return PointMap(ind, drawn[POINT_COLUMNS].reset_index(drop=True), classify(drawn["value"], scheme),
                    str(year) if "change" not in ind.id else "2021-2024")


def reception_map_rows(store, date=None) -> tuple[pd.DataFrame, pd.Timestamp]:
    """Regions at one report date (default the latest), drawn once per NUTS 2 code (Trentino-Alto Adige on both)."""
    rows = reception.per_thousand(store)
    date = rows["date"].max() if date is None else pd.Timestamp(date)
    at = rows[rows["date"].eq(date)]
    drawn = reception.map_rows(at)
    drawn["nuts_version"] = 2021
    drawn["hover"] = np.where(drawn["jointly"], "reported jointly with " + drawn["region_code_joint"], "") \
        + " · " + drawn["note"]
    return drawn, date


def _reasons(drawn: pd.DataFrame, year: int | None) -> pd.Series:
    when = f"in {year}" if year else "in any year"
    verdict = drawn["verdict"].fillna("") if "verdict" in drawn else pd.Series("", index=drawn.index)
    rules = drawn["rules"].fillna("") if "rules" in drawn else pd.Series("", index=drawn.index)
    reason = np.where(verdict.ne(""), verdict + " (" + rules + ")", f"no foreign-born share published {when}")
    return pd.Series(np.where(drawn["value"].notna(), "", reason), index=drawn.index)
