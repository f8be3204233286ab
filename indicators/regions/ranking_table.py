"""The most-affected ranking as people read it: the formatted table, the CSV with its provenance, and
"why it ranks here" (each indicator's value, scaled score, weight and contribution for one region)."""

from __future__ import annotations

import pandas as pd

from indicators.regions.composite import indicator_scores
from indicators.registry import get
from loaders.manifest import BY_ID

BREAKDOWN_COLUMNS = ["indicator", "label", "value", "unit", "decimals", "year", "flag", "scaled", "weight",
                     "weight_share", "contribution"]


def rank_text(rank, tied) -> str:
    """'=9' when the rank is shared, '9' when not, '' without a rank."""
    if rank is None or pd.isna(rank):
        return ""
    return f"{'=' if pd.notna(tied) and tied > 1 else ''}{int(rank)}"


def value_column(indicator_id: str) -> str:
    return get(indicator_id).short_label


def value_text(value, indicator_id: str) -> str:
    """'23.7 ‰' in the indicator's decimals and unit; 'no value' when missing (never 0, never 'None')."""
    ind = get(indicator_id)
    if value is None or pd.isna(value):
        return "no value"
    return f"{value:,.{ind.decimals}f} {ind.short_unit or ind.unit}".strip()


def contribution_column(indicator_id: str) -> str:
    return f"{get(indicator_id).short_label}: points"


def display_table(result: pd.DataFrame, show_value=value_text) -> pd.DataFrame:
    """The ranked regions with names, score, each indicator's value as text in its unit and decimals, its
    contribution in score points, the share of the weight with data, and the rank range when weights move (no internal columns).

    The headers are English (a page renames them into its language); ``show_value(value, indicator_id)``
    writes a value, so a page can write it the way its language writes numbers."""
    ranked = result[result["rank"].notna()]
    values = result.attrs["values"]
    out = pd.DataFrame({"Rank": [rank_text(r, t) for r, t in zip(ranked["rank"], ranked["tied"])],
                        "Region": ranked["name"].to_numpy(), "Code": ranked["geo"].to_numpy(),
                        "Score": ranked["score"].to_numpy(),
                        # beside the score, not at the far right: how much of the definition it rests on
                        "Data for (% of weight)": (ranked["coverage"] * 100).to_numpy()})
    for indicator_id in result.attrs["weights"]:
        # text, so a missing value reads "no value" (a number column would show "None")
        shown = values[indicator_id].reindex(ranked["geo"])
        out[value_column(indicator_id)] = [show_value(v, indicator_id) for v in shown]
    for indicator_id in result.attrs["weights"]:
        out[contribution_column(indicator_id)] = ranked[f"contribution_{indicator_id}"].to_numpy()
    if "rank_best" in ranked:
        out["Rank if a weight moves ±20 %"] = [
            f"{b}–{w}" if b != w else f"{b}" for b, w in zip(ranked["rank_best"], ranked["rank_worst"])]
    out["Converted from another NUTS version"] = [
        ", ".join(get(i).short_label for i in c.split(", ") if i) for c in ranked["converted"]]
    return out


def dataset_codes(indicator_id: str) -> str:
    """The Eurostat (or other) dataset codes a value comes from; a derived indicator names its inputs'."""
    ind = get(indicator_id)
    if ind.dataset:
        return ind.dataset
    if ind.derived:
        return ", ".join(dict.fromkeys(dataset_codes(i) for i in ind.derived.inputs))
    return ", ".join(ind.sources)


def csv_rows(result: pd.DataFrame, definition: str) -> pd.DataFrame:
    """Every selected region (unranked ones with an empty rank) with its score and, per indicator, value,
    year, flag, dataset, NUTS version, licence and contribution; the ranking's definition on every row."""
    values, flags, years = result.attrs["values"], result.attrs["flags"], result.attrs["years"]
    # the rank as a number and whether it is shared ("=9" would start like a formula in a spreadsheet)
    out = pd.DataFrame({"rank": result["rank"].astype("Int64"), "rank_shared": result["tied"].gt(1).astype("boolean"),
                        "geo": result["geo"], "name": result["name"], "country": result["country"],
                        "nuts_version": result["nuts_version"].astype("Int64"), "score": result["score"].round(2),
                        "weight_with_data": result["coverage"].round(3)})
    for indicator_id in result.attrs["weights"]:
        ind = get(indicator_id)
        # 6 decimals: a derived difference keeps no float noise (6.559999999999999), a published value is unchanged
        out[f"{indicator_id}_value"] = values[indicator_id].reindex(result["geo"]).round(6).to_numpy()
        out[f"{indicator_id}_unit"] = ind.unit
        out[f"{indicator_id}_year"] = years[indicator_id]
        out[f"{indicator_id}_flag"] = flags[indicator_id].reindex(result["geo"]).to_numpy()
        out[f"{indicator_id}_dataset"] = dataset_codes(indicator_id)
        out[f"{indicator_id}_licence"] = "; ".join(sorted({BY_ID[s].licence for s in ind.sources}))
        out[f"{indicator_id}_contribution"] = result[f"contribution_{indicator_id}"].round(2).to_numpy()
    out["converted_from_other_nuts_version"] = result["converted"]
    out["ranking"] = definition
    return out


def breakdown(store, level: int, weights: dict[str, float], geo: str) -> pd.DataFrame:
    """Why ``geo`` ranks where it does: per weighted indicator its value (unit, year, flag), its 0-100 score on
    the EU-27 scale, its weight, its share of the weight the region has data for (0 for a missing value), and its
    contribution in score points (the contributions add up to the score). A missing value has no score and
    contributes nothing."""
    active = {k: float(w) for k, w in weights.items() if w and float(w) > 0}
    scores = indicator_scores(store, level, tuple(active))
    values, flags, years = scores.attrs["values"], scores.attrs["flags"], scores.attrs["years"]
    rows = []
    for indicator_id, weight in active.items():
        ind = get(indicator_id)
        has = indicator_id in scores.columns and geo in scores.index and pd.notna(scores.at[geo, indicator_id])
        rows.append({"indicator": indicator_id, "label": ind.short_label,
                     "value": values.at[geo, indicator_id] if has else None, "unit": ind.short_unit or ind.unit,
                     "decimals": ind.decimals, "year": years.get(indicator_id),
                     "flag": flags.at[geo, indicator_id] if has else "",
                     "scaled": scores.at[geo, indicator_id] if has else None, "weight": weight})
    out = pd.DataFrame(rows, columns=BREAKDOWN_COLUMNS[:-2])
    present = out["scaled"].notna()
    total = out.loc[present, "weight"].sum()
    out["weight_share"] = (out["weight"] / total).where(present, 0.0) if total else 0.0
    out["contribution"] = (out["scaled"].astype(float) * out["weight_share"]).where(present)
    return out
