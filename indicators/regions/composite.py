"""The most-affected index: a weighted mean of scaled indicators, with its contributions and stability.

Scaling (documented, and the only one): each indicator is clipped to its 2nd-98th percentile across **every
EU-27 region of the level** that has a value (so one census outlier such as EL41's -156.7 per 1 000 does not
squash everyone else), then min-max scaled to 0-100 and turned round where *low* values mean "more affected",
so 100 is always the most affected end. The scale never depends on the selection: a country or typology
filter only selects rows, and a region's score is the same with or without it. Regions outside the EU-27 are
left out unless asked for; then they are placed on the same EU-27 scale (clipped to its ends), so adding them
moves no EU region's score either.

A region's score is the weighted mean over the indicators it has; ``coverage`` is the share of the total
weight it has data for, and a region below ``min_coverage`` (by default two thirds, ``MIN_COVERAGE``) is not
ranked (``not_ranked`` says why, and what it has). Missing data is never read as zero. Rank stability: each weight in turn is moved by ±20 % and the ranks recomputed
among the same ranked regions (a moved weight never pushes a region under the coverage line).

Every region is scored in the one NUTS version its country is drawn in (the newest with boundaries): values
published in an older version are brought into it with the JRC converter and marked, so a code is never ranked
next to its own successor. Ranks are standard competition ranks on the score rounded to one decimal.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geodata.codes import EU27
from indicators.regions import lookup, tables, versions
from indicators.regions.presets import CANDIDATES
from indicators.registry import Indicator, get
from indicators.text.wording import Phrase, phrase

STABILITY_STEP = 0.2
CLIP = (0.02, 0.98)
# OECD/JRC Handbook on Constructing Composite Indicators (2008): a unit is scored only when its values carry most
# of the definition; ranking a region on half of it (RO21 #1 on net migration alone) misleads.
MIN_COVERAGE = 2 / 3
__all__ = ["CANDIDATES", "MIN_COVERAGE", "composite", "indicator_scores", "layer_values", "not_ranked", "scale",
           "score"]


def scale(values: pd.Series, reference: pd.Series, affected_when: str | None) -> pd.Series:
    """``values`` on the 0-100 scale of ``reference`` (clipped to its 2nd-98th percentile; 100 = most affected)."""
    low, high = reference.quantile(CLIP[0]), reference.quantile(CLIP[1])
    clipped = values.clip(low, high)
    scaled = (clipped - low) / (high - low) * 100 if high > low else clipped * 0 + 50.0
    # Indicators with no "affected" end (affected_when None) count high as more affected.
    return 100 - scaled if affected_when == "low" else scaled


def indicator_scores(store, level: int, indicator_ids) -> pd.DataFrame:
    """Every region of the drawn layer × indicator, scaled 0-100 over the EU-27 regions of the level.

    ``attrs``: ``years`` (latest year per indicator), ``values`` / ``flags`` (the raw values and flags, same
    shape), ``converted`` (per indicator, the regions whose value was converted from another NUTS version)."""
    def compute():
        columns, raw, flags, years, converted = {}, {}, {}, {}, {}
        for indicator_id in indicator_ids:
            ind = get(indicator_id)
            latest = tables.latest_year(store, ind, level)
            rows = layer_values(store, ind, level, latest)
            values = rows.set_index("geo")["value"]
            reference = values[rows.set_index("geo")["country"].isin(EU27)]
            if reference.empty:
                continue
            columns[indicator_id] = scale(values, reference, ind.affected_when)
            raw[indicator_id] = values
            flags[indicator_id] = rows.set_index("geo")["flag"].fillna("")
            years[indicator_id] = latest
            converted[indicator_id] = sorted(rows.loc[rows["converted"].astype(bool), "geo"])
        frame = pd.DataFrame(columns)
        frame.attrs.update(years=years, converted=converted, values=pd.DataFrame(raw), flags=pd.DataFrame(flags))
        return frame
    return store.memo.cached(("indicator_scores", level, tuple(indicator_ids)), compute)


def layer_values(store, ind: Indicator, level: int, year: int | None) -> pd.DataFrame:
    """The indicator's values for ``year`` on the drawn layer: each country's regions in its drawn version,
    older-version values converted with the JRC matrix (``converted`` True)."""
    def compute():
        layer = lookup.current_layer(store, level)
        parts = []
        for version, group in layer.groupby("nuts_version"):
            rows = versions.in_version(store, ind, level, int(version), year)  # one year: converting all is slow
            same_year = rows["year"].isna() if year is None else rows["year"].eq(year)
            parts.append(rows[same_year.fillna(False) & rows["value"].notna() & rows["geo"].isin(group["geo"])])
        return pd.concat(parts, ignore_index=True)
    return store.memo.cached(("layer_values", ind.id, level, year), compute)


def selection(store, level: int, countries=None, regions=None, outside_eu: bool = False) -> pd.DataFrame:
    """The drawn layer's regions a ranking covers: EU-27 (or every country when ``outside_eu``), then the
    country and region filters. Columns geo, name, country, nuts_version."""
    layer = lookup.current_layer(store, level)
    keep = layer["country"].isin(EU27) | outside_eu
    if countries:
        keep &= layer["country"].isin(countries)
    if regions is not None:
        keep &= layer["geo"].isin(regions)
    return layer[keep].reset_index(drop=True)


def composite(store, level: int, weights: dict[str, float], countries=None, regions=None, outside_eu: bool = False,
              min_coverage: float = MIN_COVERAGE, stability: bool = True) -> pd.DataFrame:
    """Score, rank, coverage and per-indicator contribution of every region in the selection (1 = most
    affected); regions that cannot be scored are kept with no rank."""
    active = {k: float(w) for k, w in weights.items() if w and float(w) > 0}
    if not active:
        return pd.DataFrame(columns=["geo", "name", "score", "rank", "coverage"])
    chosen = selection(store, level, countries, regions, outside_eu).set_index("geo")
    all_scores = indicator_scores(store, level, tuple(active))
    scores = all_scores.reindex(chosen.index)
    used = {k: w for k, w in active.items() if k in scores.columns}
    result = score(scores, used, min_coverage)
    if stability and len(result) and used:
        low, high = result["rank"].copy(), result["rank"].copy()
        for indicator_id in used:
            for factor in (1 - STABILITY_STEP, 1 + STABILITY_STEP):
                # the same regions stay ranked: moving a weight must not push one under the coverage line
                moved = {**used, indicator_id: used[indicator_id] * factor}
                ranks = score(scores, moved, 0.0, eligible=result["score"].notna())["rank"]
                low, high = np.fmin(low, ranks), np.fmax(high, ranks)
        result["rank_best"], result["rank_worst"] = low.astype("Int64"), high.astype("Int64")
        result["rank_spread"] = (result["rank_worst"] - result["rank_best"]).astype("Int64")
    result.insert(0, "name", chosen["name"])
    result.insert(1, "country", chosen["country"])
    result.insert(2, "nuts_version", chosen["nuts_version"])
    conv = all_scores.attrs["converted"]
    result["converted"] = [", ".join(i for i in used if g in set(conv.get(i, ()))) for g in result.index]
    result = result.rename_axis("geo").reset_index()
    result.attrs.update(years={k: all_scores.attrs["years"][k] for k in used}, weights=used,
                        unavailable=sorted(set(active) - set(used)), min_coverage=min_coverage,
                        values=all_scores.attrs["values"], flags=all_scores.attrs["flags"])
    return result.sort_values(["rank", "geo"], na_position="last").reset_index(drop=True)


def score(scores: pd.DataFrame, weights: dict[str, float], min_coverage: float = MIN_COVERAGE,
          eligible=None) -> pd.DataFrame:
    """Per row of 0-100 ``scores`` (one column per indicator): coverage, score, rank, ties and contributions."""
    w = pd.Series(weights, dtype=float)
    present = scores[w.index].notna()
    total = present.mul(w, axis=1).sum(axis=1)
    contributions = scores[w.index].fillna(0).mul(w, axis=1).div(total.replace(0, np.nan), axis=0)
    contributions = contributions.where(present)  # a missing indicator contributes nothing, not zero
    out = pd.DataFrame(index=scores.index)
    out["coverage"] = total / w.sum() if len(w) else 0.0
    out["score"] = contributions.sum(axis=1, min_count=1).where(out["coverage"] >= min_coverage)
    if eligible is not None:
        out["score"] = out["score"].where(eligible)
    # standard competition ranking on the score as shown (one decimal): equal scores share a rank
    shown = out["score"].round(1)
    out["rank"] = shown.rank(method="min", ascending=False).astype("Int64")
    out["tied"] = shown.map(shown.value_counts()).where(out["score"].notna()).astype("Int64")
    for column in w.index:
        out[f"contribution_{column}"] = contributions[column]
    return out


def clipped_top(result: pd.DataFrame) -> int:
    """How many share rank 1 at the score 100 as shown (0 when rank 1 is not shared there): 100 means every
    indicator the row has is at the top clip point (``CLIP``) or a hair below, so the scale cannot tell them apart."""
    first = result[result["rank"] == 1]
    return len(first) if len(first) > 1 and (first["score"].round(1) == 100).all() else 0


def not_ranked(result: pd.DataFrame) -> pd.DataFrame:
    """The selected regions with no score, each with the reason (a ``Phrase``): which weighted indicators it
    lacks (and for which year), and how much of the weight it has data for against the minimum."""
    weights, years = result.attrs.get("weights", {}), result.attrs.get("years", {})
    values = result.attrs.get("values", pd.DataFrame())
    total = sum(weights.values())
    rows = []
    for row in result[result["score"].isna()].itertuples():
        missing = [k for k in weights if k not in values.columns or pd.isna(values[k].get(row.geo))]
        present = [Phrase(get(k).short_label) for k in weights if k not in missing]
        have = sum(w for k, w in weights.items() if k not in missing) / total if total else 0.0
        reason = too_little_data(present, [_lacks(k, years.get(k)) for k in missing], have,
                                 result.attrs["min_coverage"])
        rows.append({"geo": row.geo, "name": row.name, "reason": reason})
    return pd.DataFrame(rows, columns=["geo", "name", "reason"])


def too_little_data(present: list[Phrase], missing: list[Phrase], have: float, needed: float) -> Phrase:
    """'too little data: has A, B (50% of the weight; 67% needed); no C for 2021': what a unit has and lacks."""
    # '{:.0%}' as the template writes it, so a language can space its per cent sign
    lacks = _one_after_another(missing)
    if not present:
        return phrase("too little data: no value for any weighted indicator ({needed}% of the weight needed); {missing}",
                      needed=f"{needed * 100:.0f}", missing=lacks)
    return phrase("too little data: has {present} ({have}% of the weight; {needed}% needed); {missing}",
                  present=_listed(present), have=f"{have * 100:.0f}", needed=f"{needed * 100:.0f}", missing=lacks)


def _lacks(indicator_id: str, year) -> Phrase:
    """'no Net migration rate for 2020' (the indicator's name is the registry's, translated as such)."""
    name = Phrase(get(indicator_id).short_label)
    return phrase("no {indicator} for {year}", indicator=name, year=year) if year else phrase(
        "no {indicator} for the period", indicator=name)


def _one_after_another(parts: list[Phrase]) -> Phrase | str:
    """'a; b; c', nested two by two, so each language writes its own separator ('' for none)."""
    if not parts:
        return ""
    out = parts[0]
    for part in parts[1:]:
        out = phrase("{first}; {then}", first=out, then=part)
    return out


def _listed(parts: list[Phrase]) -> Phrase | str:
    """'a, b, c', nested two by two like ``_one_after_another``."""
    out = parts[0] if parts else ""
    for part in parts[1:]:
        out = phrase("{first}, {then}", first=out, then=part)
    return out


def typology_values(store) -> dict[str, list[str]]:
    """The categories each NUTS-3 typology takes (both NUTS versions)."""
    t = store.typologies
    return {column: sorted(str(v) for v in t[column].dropna().unique())
            for column in ("urban_rural", "coastal", "metro", "border", "island", "mountain")}


# Typologies grouped by what they describe: values are alternatives (OR) within a group, groups all apply
# (AND), so "coastal or island, and predominantly urban" is one filter.
TYPOLOGY_GROUPS = {"Settlement (urban-rural)": ("urban_rural",), "Metropolitan": ("metro",),
                   "Geography": ("coastal", "island", "mountain", "border")}
# the typologies' values as Eurostat's NUTS workbooks publish them (the filter's keys), said in the reader's language
TYPOLOGY_WORDS = {
    "intermediate": phrase("intermediate"),
    "predominantly rural": phrase("predominantly rural"),
    "predominantly urban": phrase("predominantly urban"),
    "coastal": phrase("coastal"),
    "non-coastal": phrase("non-coastal"),
    "capital city metropolitan region": phrase("capital city metropolitan region"),
    "metropolitan region": phrase("metropolitan region"),
    "metropolitan region (other)": phrase("metropolitan region (other)"),
    "non-metropolitan region": phrase("non-metropolitan region"),
    "Border with population threshold": phrase("Border with population threshold"),
    "Land border (external)": phrase("Land border (external)"),
    "Land border (internal)": phrase("Land border (internal)"),
    "Non-border": phrase("Non-border"),
    "Island": phrase("Island"),
    "Non-island": phrase("Non-island"),
    "mountain (> 50% of population live and > 50% of surface in mountain areas)": phrase("mountain (> 50% of population live and > 50% of surface in mountain areas)"),
    "mountain (> 50% of population live in mountain areas)": phrase("mountain (> 50% of population live in mountain areas)"),
    "mountain (> 50% of surface in mountain areas)": phrase("mountain (> 50% of surface in mountain areas)"),
    "non-mountain": phrase("non-mountain"),
}


def regions_with(store, filters: dict[str, list[str]]) -> set[str] | None:
    """NUTS-3 codes matching the typology filters (typology -> accepted values): any accepted value within a
    group of TYPOLOGY_GROUPS (OR), every group with a value (AND). Each region is judged on its typology row
    in its drawn NUTS version (its latest row otherwise). None when there is no filter."""
    filters = {column: set(values) for column, values in filters.items() if values}
    if not filters:
        return None
    layer = lookup.current_layer(store, 3)[["geo", "nuts_version"]]
    rows = layer.merge(store.typologies, on="geo", how="inner")
    rows = rows.assign(same=rows["version"].eq(rows["nuts_version"])).sort_values(["same", "version"], ascending=False)
    rows = rows.drop_duplicates("geo")
    mask = pd.Series(True, index=rows.index)
    for columns in TYPOLOGY_GROUPS.values():
        chosen = [c for c in columns if c in filters]
        if chosen:
            mask &= np.logical_or.reduce([rows[c].astype(str).isin(filters[c]) for c in chosen])
    return set(rows.loc[mask, "geo"])


def with_geometry_version(store, result: pd.DataFrame, level: int) -> pd.DataFrame:
    """The scored regions that have boundaries in their drawn version (for the map)."""
    return result[result["nuts_version"].notna()]
