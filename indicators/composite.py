"""The most-affected index: a weighted mean of normalised indicators, with its contributions and stability.

Normalisation (documented, and the only one): each indicator is clipped to its 2nd-98th percentile across
the regions in scope (so one census outlier such as EL41's -156.7 per 1 000 does not squash everyone else),
then min-max scaled to 0-100, turned round where *low* values mean "more affected", so 100 is always the
most affected end on that indicator. A region's score is the weighted mean over the indicators it has; ``coverage`` is the
share of the total weight it has data for, and a region below ``min_coverage`` is not ranked. Missing data
is never read as zero. Rank stability: each weight in turn is moved by ±20 % and the ranks recomputed.

Every region is scored in the one NUTS version its country is drawn in (the newest with boundaries): values
published in an older version are brought into it with the JRC converter and marked, so a code is never ranked
next to its own successor. Ranks are standard competition ranks on the score rounded to one decimal.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators import lookup, tables, versions
from indicators.registry import ENTRIES, Indicator, get

DEFAULT_WEIGHTS = {
    2: {"foreign_born_share": 1.0, "foreign_born_share_change": 1.0, "net_migration_rate": 1.0,
        "unemployment_gap_foreign_born": 1.0, "low_education_gap_foreign_born": 0.5},
    3: {"net_migration_rate": 1.0, "net_migration_avg": 1.0},
}
STABILITY_STEP = 0.2


def indicator_scores(store, level: int, indicator_ids, countries=None, regions=None) -> pd.DataFrame:
    """Regions × indicators, each scaled 0-100 (100 = most affected), latest year per indicator, in the drawn
    NUTS versions; ``attrs["converted"]`` lists, per indicator, the regions whose value was converted."""
    columns, years, converted = {}, {}, {}
    for indicator_id in indicator_ids:
        ind = get(indicator_id)
        latest = tables.latest_year(store, ind, level)
        rows = layer_values(store, ind, level, latest)
        if countries:
            rows = rows[rows["country"].isin(countries)]
        if regions is not None:
            rows = rows[rows["geo"].isin(regions)]
        values = rows.set_index("geo")["value"]
        if values.empty:
            continue
        values = values.clip(values.quantile(0.02), values.quantile(0.98))
        spread = values.max() - values.min()
        scaled = (values - values.min()) / spread * 100 if spread > 0 else values * 0 + 50.0
        # Indicators with no "affected" end (affected_when None) count high as more affected.
        columns[indicator_id] = 100 - scaled if ind.affected_when == "low" else scaled
        years[indicator_id] = latest
        converted[indicator_id] = sorted(rows.loc[rows["converted"].astype(bool), "geo"])
    frame = pd.DataFrame(columns)
    frame.attrs["years"] = years
    frame.attrs["converted"] = converted
    return frame


def layer_values(store, ind: Indicator, level: int, year: int | None) -> pd.DataFrame:
    """The indicator's values for ``year`` on the drawn layer: each country's regions in its drawn version,
    older-version values converted with the JRC matrix (``converted`` True)."""
    def compute():
        layer = lookup.current_layer(store, level)
        parts = []
        for version, group in layer.groupby("nuts_version"):
            rows = versions.in_version(store, ind, level, int(version))
            same_year = rows["year"].isna() if year is None else rows["year"].eq(year)
            parts.append(rows[same_year.fillna(False) & rows["value"].notna() & rows["geo"].isin(group["geo"])])
        return pd.concat(parts, ignore_index=True)
    return store.memo.cached(("layer_values", ind.id, level, year), compute)


def composite(store, level: int, weights: dict[str, float], countries=None, regions=None,
              min_coverage: float = 0.5, stability: bool = True) -> pd.DataFrame:
    """Score, rank, coverage and per-indicator contribution of every region in scope (1 = most affected)."""
    active = {k: float(w) for k, w in weights.items() if w and float(w) > 0}
    if not active:
        return pd.DataFrame(columns=["geo", "name", "score", "rank", "coverage"])
    scores = indicator_scores(store, level, active, countries, regions)
    result = _scored(scores, {k: w for k, w in active.items() if k in scores.columns}, min_coverage)
    if stability and len(result):
        low, high = result["rank"].copy(), result["rank"].copy()
        for indicator_id in scores.columns:
            for factor in (1 - STABILITY_STEP, 1 + STABILITY_STEP):
                moved = dict(active)
                moved[indicator_id] = active[indicator_id] * factor
                ranks = _scored(scores, {k: w for k, w in moved.items() if k in scores.columns}, min_coverage)["rank"]
                low, high = np.fmin(low, ranks), np.fmax(high, ranks)
        result["rank_best"], result["rank_worst"] = low.astype("Int64"), high.astype("Int64")
        result["rank_spread"] = (result["rank_worst"] - result["rank_best"]).astype("Int64")
    layer = lookup.current_layer(store, level).set_index("geo")
    result.insert(0, "name", [layer["name"].get(g, g) for g in result.index])
    result.insert(1, "nuts_version", [layer["nuts_version"].get(g) for g in result.index])
    conv = scores.attrs.get("converted", {})
    result["converted"] = [", ".join(i for i in scores.columns if g in set(conv.get(i, ()))) for g in result.index]
    result = result.reset_index().rename(columns={"index": "geo"})
    result.attrs["years"] = scores.attrs.get("years", {})
    result.attrs["unavailable"] = sorted(set(active) - set(scores.columns))
    return result.sort_values(["rank", "geo"], na_position="last").reset_index(drop=True)



def _scored(scores: pd.DataFrame, weights: dict[str, float], min_coverage: float) -> pd.DataFrame:
    w = pd.Series(weights, dtype=float)
    present = scores[w.index].notna()
    weight_present = present.mul(w, axis=1)
    total = weight_present.sum(axis=1)
    contributions = scores[w.index].fillna(0).mul(w, axis=1).div(total.replace(0, np.nan), axis=0)
    contributions = contributions.where(present)  # a missing indicator contributes nothing, not zero
    out = pd.DataFrame(index=scores.index)
    out["coverage"] = total / w.sum()
    out["score"] = contributions.sum(axis=1, min_count=1).where(out["coverage"] >= min_coverage)
    # standard competition ranking on the score as shown (one decimal): equal scores share a rank
    out["rank"] = out["score"].round(1).rank(method="min", ascending=False).astype("Int64")
    out["tied"] = out["score"].round(1).map(out["score"].round(1).value_counts()).where(out["score"].notna()).astype("Int64")
    for column in w.index:
        out[f"contribution_{column}"] = contributions[column]
    return out


# The indicators a user can weigh at each level: those with an "affected" end.
CANDIDATES = {level: tuple(e.id for e in ENTRIES if e.affected_when is not None and level in e.levels) for level in (2, 3)}


def typology_values(store) -> dict[str, list[str]]:
    """The categories each NUTS-3 typology takes (both NUTS versions)."""
    t = store.typologies
    return {column: sorted(str(v) for v in t[column].dropna().unique())
            for column in ("urban_rural", "coastal", "metro", "border", "island", "mountain")}


def regions_with(store, filters: dict[str, str]) -> set[str] | None:
    """NUTS-3 codes matching every typology filter (None when there is no filter)."""
    if not filters:
        return None
    t = store.typologies
    mask = pd.Series(True, index=t.index)
    for column, value in filters.items():
        mask &= t[column].astype(str) == value
    return set(t.loc[mask, "geo"])


def with_geometry_version(store, result: pd.DataFrame, level: int) -> pd.DataFrame:
    """The scored regions that have boundaries in their drawn version (for the map)."""
    return result[result["nuts_version"].notna()]
