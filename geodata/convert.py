"""Move a table between NUTS versions with the JRC converter matrices.

Counts (extensive: people, persons) are split by each piece's share of the old region's population and
summed into the new region. Rates and shares (intensive) are averaged over the pieces of the new region,
weighted by population. Every converted value is marked ``converted``; a new region takes a value only when
every piece of it has one (a missing part never counts as zero).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

KINDS = ("count", "rate")


def convert(table: pd.DataFrame, matrix: pd.DataFrame, kind: str, keys: list[str] | None = None) -> pd.DataFrame:
    """Convert ``table`` (``geo``, ``value`` and optional ``keys`` such as time) along ``matrix``
    (``from_code``, ``to_code``, ``pop21``). Codes the matrix maps to themselves pass straight through."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    keys = list(keys or [])
    pieces = matrix[["from_code", "to_code", "pop21"]].copy()
    pieces["pop21"] = pieces["pop21"].fillna(0.0)
    old_total = pieces.groupby("from_code")["pop21"].transform("sum")
    new_total = pieces.groupby("to_code")["pop21"].transform("sum")
    # A piece with no population (an uninhabited sliver) carries no weight.
    pieces["share_of_old"] = np.where(old_total > 0, pieces["pop21"] / old_total, 0.0)
    pieces["share_of_new"] = np.where(new_total > 0, pieces["pop21"] / new_total, 0.0)
    pieces = pieces[(pieces["share_of_old"] > 0) | (pieces["share_of_new"] > 0)]
    unchanged = set(pieces.groupby("to_code").filter(
        lambda g: len(g) == 1 and g["from_code"].iloc[0] == g["to_code"].iloc[0])["to_code"])
    # Every piece meets every key combination, so a piece missing for one year makes that year incomplete.
    combos = table[keys].drop_duplicates() if keys else pd.DataFrame(index=[0])
    grid = pieces.merge(combos, how="cross")
    values = table[["geo", "value", *keys]].rename(columns={"geo": "from_code"})
    joined = grid.merge(values, on=["from_code", *keys], how="left", indicator="found")
    weight = joined["share_of_old"] if kind == "count" else joined["share_of_new"]
    joined["part"] = joined["value"] * weight
    joined["found"] = joined["found"].eq("both")
    grouped = joined.groupby(["to_code", *keys])
    out = pd.DataFrame({
        "value": grouped["part"].sum(min_count=1),
        "complete": grouped["value"].apply(lambda v: bool(v.notna().all())),
        "any_found": grouped["found"].any(),
    }).reset_index()
    out = out[out["any_found"]]  # regions the table never covered stay absent, not NaN
    out.loc[~out["complete"], "value"] = np.nan
    out = out.rename(columns={"to_code": "geo"}).drop(columns=["complete", "any_found"])
    out["converted"] = ~out["geo"].isin(unchanged)
    return out.reset_index(drop=True)
