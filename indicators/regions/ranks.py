"""Ranks of regions within their country and the EU27: standard competition ranking ("1224") on the values
as published (rounded to the indicator's decimals), so equal values share a rank and the next rank skips."""

from __future__ import annotations

import pandas as pd

from geodata.codes import EU27
from indicators.regions import lookup
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
    rows = rows[["geo", "name", "country", "value", "flag", "year", "period"]].reset_index(drop=True)
    valued = rows[rows["value"].notna()]
    # plain strings: a groupby on the categorical country column would walk every category
    v = pd.DataFrame({"c": valued["country"].astype(str), "s": valued["value"].round(ind.decimals)})
    eu = v[v["c"].isin(EU27)]
    columns = {
        "rank_country": v.groupby("c")["s"].rank(method="min", ascending=False),
        "n_country": v["c"].map(v["c"].value_counts()),
        "tied_country": v.groupby(["c", "s"])["s"].transform("size"),
        "rank_eu": eu["s"].rank(method="min", ascending=False),
        "n_eu": pd.Series(len(eu), index=eu.index),
        "tied_eu": eu["s"].map(eu["s"].value_counts()),
    }
    for name, column in columns.items():
        rows[name] = column.reindex(rows.index).astype("Int64")
    common = valued["period"].mode()
    rows["other_period"] = rows["value"].notna() & rows["period"].ne(common.iloc[0] if len(common) else "")
    return rows[COLUMNS]


def rank_label(rank: int | None, n: int | None, tied: int | None) -> str:
    """'=9 of 38' when the rank is shared, '9 of 38' when not ('' without a rank)."""
    if rank is None or n is None:
        return ""
    return f"{'=' if tied and tied > 1 else ''}{rank} of {n}"
