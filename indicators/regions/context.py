"""A region against its country and the EU at a glance: every region of the level on one strip, and trends
with the country and EU lines. The benchmarks are the same as the headline cards' (published first, computed
only from a complete set), so a line never shows a partial aggregate under the name "EU"."""

from __future__ import annotations

import pandas as pd

from geodata.codes import level_of
from indicators.regions import profile
from indicators.regions.benchmarks import benchmark
from indicators.regions.ranks import ranks
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
    own = profile.trend(store, ind, geo).sort_values("year").reset_index(drop=True)
    own = own[own["year"] > own["year"].max() - LAST_YEARS] if len(own) else own
    if own.empty:
        return own
    level = level_of(str(own["geo"].iloc[0]))
    parts = [own.assign(series="region", label=own["name"])]
    for scope in ((geo[:2], "EU") if level > 0 else ("EU",)):  # a national series is its own country line
        years = sorted(own["year"].dropna().astype(int).unique())
        found = [(y, b) for y, b in ((y, one_benchmark(store, ind, level, y, scope)) for y in years)
                 if b.value is not None and not b.partial]
        if found:
            parts.append(pd.DataFrame([{"geo": b.geo, "name": scope, "year": y, "value": b.value, "flag": "",
                                        "label": b.label} for y, b in found]).assign(
                series="country" if scope != "EU" else "EU"))
    return pd.concat(parts, ignore_index=True)[["series", "geo", "name", "year", "value", "flag", "label"]]


def one_benchmark(store, indicator, level: int, year: int, scope: str):
    """One scope's benchmark (a country code or "EU") for one year, memoised on its own: the profile's trends and
    the briefing's trend lines ask for the same years (indicators.regions.benchmarks memoises both scopes together)."""
    ind = get(indicator)
    return store.memo.cached(("benchmark", ind.id, level, year, scope),
                             lambda: benchmark(store, ind, level, year, scope))


def benchmark_series(store, indicator, level: int, years, scope: str) -> tuple[list[int], list[float]]:
    """The country's or the EU's value for each of ``years``, kept only where published or computed from every
    region (a partial aggregate is never drawn as the country or the EU)."""
    kept = [(int(y), b) for y, b in ((y, one_benchmark(store, indicator, level, int(y), scope)) for y in years)
            if b.value is not None and not b.partial]
    return [y for y, _ in kept], [b.value for _, b in kept]
