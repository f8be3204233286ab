"""A region against its country and the EU at a glance: every region of the level on one strip, and trends
with the country and EU lines. The benchmarks are the same as the headline cards' (published first, computed
only from a complete set), so a line never shows a partial aggregate under the name "EU"."""

from __future__ import annotations

import pandas as pd

from geodata.codes import level_of, parent
from indicators import tables
from indicators.benchmarks import benchmark
from indicators.ranks import ranks
from indicators.registry import get

# the words a reader needs when a higher value is not simply "more"
DIRECTION_WORDS = {"higher_is_better": "higher is better", "lower_is_better": "lower is better"}


def direction_words(indicator) -> str:
    """'higher is better', 'lower is better', or '' where the direction is not a judgement (shares, rates)."""
    return DIRECTION_WORDS.get(get(indicator).direction, "")


def strip(store, indicator, geo: str, level: int, year: int | None) -> pd.DataFrame:
    """Every region of ``level`` with a value for ``year``, grouped: the region, its country's regions, the others.

    Columns: geo, name, country, value, flag, group ("region", "country", "other"). Empty when the figure is
    national (there is no strip of regions to place it on).
    """
    if level == 0:
        return pd.DataFrame(columns=["geo", "name", "country", "value", "flag", "group"])
    rows = ranks(store, get(indicator), level, year)
    rows = rows[rows["value"].notna()][["geo", "name", "country", "value", "flag"]].copy()
    rows["group"] = "other"
    rows.loc[rows["country"] == geo[:2], "group"] = "country"
    rows.loc[rows["geo"] == geo, "group"] = "region"
    return rows.reset_index(drop=True)


LAST_YEARS = 10  # the trends show the last ten years of a series: each year's benchmarks cost a regional set


def trend_with_context(store, indicator, geo: str) -> pd.DataFrame:
    """The region's last ``LAST_YEARS`` years (or its nearest parent's), with its country's and the EU's.

    Columns: series ("region", "country", "EU"), geo, name, year, value, flag, label (what the line covers).
    A year whose country or EU value is only partial (not all regions or member states) is left out of that line
    rather than drawn as if complete.
    """
    ind = get(indicator)
    own = _own_series(store, ind, geo)
    own = own[own["year"] > own["year"].max() - LAST_YEARS] if len(own) else own
    if own.empty:
        return own
    level = level_of(str(own["geo"].iloc[0]))
    parts = [own.assign(series="region", label=own["name"])]
    for scope in ((geo[:2], "EU") if level > 0 else ("EU",)):  # a national series is its own country line
        rows = []
        for year in sorted(own["year"].dropna().astype(int).unique()):
            found = store.memo.cached(("benchmark", ind.id, level, year, scope),
                                      lambda y=year: benchmark(store, ind, level, y, scope))
            if found.value is not None and not found.partial:
                rows.append({"geo": found.geo, "name": scope, "year": year, "value": found.value, "flag": "",
                             "label": found.label})
        if rows:
            parts.append(pd.DataFrame(rows).assign(series="country" if scope != "EU" else "EU"))
    return pd.concat(parts, ignore_index=True)[["series", "geo", "name", "year", "value", "flag", "label"]]


def _own_series(store, ind, geo: str) -> pd.DataFrame:
    for level in range(level_of(geo), -1, -1):
        if level not in ind.levels:
            continue
        rows = tables.table(store, ind, level=level)
        series = rows[(rows["geo"] == parent(geo, level)) & rows["value"].notna() & rows["year"].notna()]
        if len(series) >= 2:
            return series[["geo", "name", "year", "value", "flag"]].sort_values("year").reset_index(drop=True)
    return pd.DataFrame(columns=["geo", "name", "year", "value", "flag"])
