"""Ranks of regions within their country and the EU27: standard competition ranking ("1224") on the values
as published (rounded to the indicator's decimals), so equal values share a rank and the next rank skips."""

from __future__ import annotations

import pandas as pd

from geodata.codes import EU27
from indicators import lookup
from indicators.registry import Indicator, get

COLUMNS = ["geo", "name", "country", "value", "flag", "year", "period", "rank_country", "n_country",
           "tied_country", "rank_eu", "n_eu", "tied_eu", "other_period"]


def ranks(store, indicator: Indicator | str, level: int, year: int | None) -> pd.DataFrame:
    """Rank of every region with a value, 1 = highest, within its country and within the EU27.

    The regions are the level's regional set (one NUTS version per country); aggregates and extra-regio codes
    are left out and missing values are unranked (never 0). ``tied_*`` counts the regions sharing the rank.
    Low-reliability values (flag ``u``) are ranked and keep their flag, so every reader can mark them.
    ``other_period`` marks a value covering another period than most in its scope (changes over years).
    """
    ind = get(indicator)
    return store.memo.cached(("ranks", ind.id, level, year), lambda: _ranks(store, ind, level, year))


def _ranks(store, ind: Indicator, level: int, year: int | None) -> pd.DataFrame:
    rows = lookup.regional_set(store, ind, level, year)
    rows = rows[["geo", "name", "country", "value", "flag", "year", "period"]].copy()
    valued = rows["value"].notna()
    shown = rows["value"].round(ind.decimals)
    by_country = shown[valued].groupby(rows.loc[valued, "country"])
    rows.loc[valued, "rank_country"] = by_country.rank(method="min", ascending=False)
    rows.loc[valued, "n_country"] = by_country.transform("size")
    rows.loc[valued, "tied_country"] = shown[valued].groupby([rows.loc[valued, "country"], shown[valued]]).transform("size")
    eu = valued & rows["country"].isin(EU27)
    rows.loc[eu, "rank_eu"] = shown[eu].rank(method="min", ascending=False)
    rows.loc[eu, "n_eu"] = int(eu.sum())
    rows.loc[eu, "tied_eu"] = shown[eu].groupby(shown[eu]).transform("size")
    common = rows.loc[valued, "period"].mode()
    rows["other_period"] = valued & rows["period"].ne(common.iloc[0] if len(common) else "")
    for column in ("rank_country", "n_country", "tied_country", "rank_eu", "n_eu", "tied_eu"):
        rows[column] = rows[column].astype("Int64") if column in rows else pd.array([pd.NA] * len(rows), "Int64")
    return rows[COLUMNS].reset_index(drop=True)


def rank_label(rank: int | None, n: int | None, tied: int | None) -> str:
    """'=9 of 38' when the rank is shared, '9 of 38' when not ('' without a rank)."""
    if rank is None or n is None:
        return ""
    return f"{'=' if tied and tied > 1 else ''}{rank} of {n}"
