"""What the local maps draw: one row per point (city or municipality) with its value or the reason it has none."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators.places import cities, plausibility, reception
from indicators.regions.classes import Classes, classify
from indicators.entries import get
from indicators.registry import LocalIndicator
from indicators.text.wording import Phrase, phrase
from loaders.city_tables import read

POINT_COLUMNS = ["geo", "name", "lon", "lat", "year", "value", "flag", "population", "reason", "nuts3_2021"]


@dataclass(frozen=True)
class PointMap:
    """Rows to draw, their classes, and the entry they belong to. ``reason`` (why a point has no value) is
    ``words(phrase)`` of the call (English by default, as in the CSV); ``year_text`` a phrase or a year."""

    indicator: LocalIndicator
    rows: pd.DataFrame
    classes: Classes
    year_text: Phrase | str


def city_points(store, indicator_id: str = "city_foreign_born_share", year: int | None = None,
                scheme: str = "quantiles", words=str) -> PointMap:
    """Every Urban Audit point: its value in ``year`` (None: each city's latest shown year), else the reason."""
    ind = get(indicator_id, "city")
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
    drawn["reason"] = _reasons(drawn, year, words)
    if "population" not in drawn:
        latest_pop = cities.city_shares(store).dropna(subset=["population"]).sort_values("year").groupby("geo").tail(1)
        drawn = drawn.merge(latest_pop[["geo", "population"]], on="geo", how="left")
    drawn["flag"] = drawn["flag"].fillna("")
    text = str(year) if year else phrase("each city's latest year shown")
    return PointMap(ind, drawn[POINT_COLUMNS], classify(drawn["value"], scheme), text)


def municipal_points(store, indicator_id: str = "es_born_abroad_share", year: int | None = None,
                     scheme: str = "quantiles", words=str) -> PointMap:
    """Every Spanish municipality with a centre: its value in ``year`` (default the latest), else why not."""
    ind = get(indicator_id, "lau")
    rows = ind.rows(store)
    rows = rows[rows["level"].eq("lau") & rows["lon"].notna()]
    year = int(rows["year"].max()) if year is None else year
    drawn = rows[rows["year"].eq(year)].copy()
    drawn["reason"] = np.where(drawn["value"].isna(), words(phrase("a place-of-birth count not published by INE")), "")
    return PointMap(ind, drawn[POINT_COLUMNS].reset_index(drop=True), classify(drawn["value"], scheme),
                    str(year) if "change" not in ind.id else "2021-2024")


def reception_map_rows(store, date=None, words=str) -> tuple[pd.DataFrame, pd.Timestamp]:
    """Regions at one report date (default the latest), drawn once per NUTS 2 code (Trentino-Alto Adige on both);
    the hover says 'reported jointly with …' as ``words(phrase)``."""
    rows = reception.per_thousand(store)
    date = rows["date"].max() if date is None else pd.Timestamp(date)
    at = rows[rows["date"].eq(date)]
    drawn = reception.map_rows(at)
    drawn["nuts_version"] = 2021
    jointly = [words(phrase("reported jointly with {codes}", codes=codes)) if joint else ""
               for joint, codes in zip(drawn["jointly"], drawn["region_code_joint"])]
    # each note through ``words`` too: joining a str to a Phrase would give its English
    drawn["hover"] = [f"{joint} · {words(note)}" for joint, note in zip(jointly, drawn["note"])]
    return drawn, date


def _reasons(drawn: pd.DataFrame, year: int | None, words=str) -> pd.Series:
    """Why a city has no value: a plausibility verdict with its rules, or none published (``words(phrase)``)."""
    none = words(phrase("no foreign-born share published in {year}", year=year) if year
                 else phrase("no foreign-born share published in any year"))
    verdict = drawn["verdict"].fillna("") if "verdict" in drawn else pd.Series("", index=drawn.index)
    rules = drawn["rules"].fillna("") if "rules" in drawn else pd.Series("", index=drawn.index)
    caught = {text: words(phrase("{verdict} ({rules})", verdict=plausibility.VERDICT, rules=text))
              for text in rules[verdict.ne("")].unique()}
    reason = [caught[r] if v else none for v, r in zip(verdict.ne(""), rules)]
    return pd.Series(np.where(drawn["value"].notna(), "", np.asarray(reason, dtype=str)), index=drawn.index)
