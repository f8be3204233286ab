"""Peer regions: the closest on standardised indicators (plus urban-rural type at NUTS 3), with the reasons."""

from __future__ import annotations

import numpy as np
import pandas as pd

from geodata.codes import level_of
from indicators.regions import tables
from indicators.registry import get
from indicators.text.wording import Number, Phrase, phrase

PEER_INDICATORS = {
    2: ("foreign_born_share", "non_citizen_share", "net_migration_rate", "unemployment_foreign_born",
        "unemployment_total", "tertiary_foreign_born", "share_65_plus", "employment_rate_20_64"),
    3: ("net_migration_rate", "net_migration_avg", "natural_change_avg", "population_change_avg",
        "old_age_dependency", "gdp_change"),
}


def peers(store, geo: str, k: int = 5, indicators: tuple[str, ...] | None = None,
          exclude_country: bool = False) -> pd.DataFrame:
    """The k regions most like ``geo`` on standardised indicators (plus urban-rural type at NUTS 3),
    each with the reasons that make them close. Never the region itself; stable for a fixed input."""
    level = level_of(geo)
    indicators = indicators or PEER_INDICATORS.get(level, ())
    matrix = _peer_matrix(store, level, indicators)
    if geo not in matrix.index:
        return pd.DataFrame(columns=["geo", "name", "distance", "common", "reasons"])
    z = (matrix - matrix.mean()) / matrix.std(ddof=0).replace(0, np.nan)
    target = z.loc[geo]
    diffs = (z - target).abs()
    common = diffs.notna().sum(axis=1)
    distance = np.sqrt((diffs ** 2).sum(axis=1) / common.replace(0, np.nan))
    typology = _urban_rural(store, level)
    if typology is not None and geo in typology.index:
        same_type = typology.reindex(z.index) == typology.loc[geo]
        distance = distance + np.where(same_type, 0.0, 0.5)
    else:
        same_type = pd.Series(False, index=z.index)
    candidates = pd.DataFrame({"distance": distance, "common": common, "same_type": same_type})
    candidates = candidates.drop(index=geo)
    # A peer must be comparable on most of what the region has: three quarters of its indicators.
    available = int(target.notna().sum())
    candidates = candidates[candidates["common"] >= max(1, int(np.ceil(0.75 * available)))]
    if exclude_country:
        candidates = candidates[candidates.index.str[:2] != geo[:2]]
    best = candidates.sort_values(["distance"]).head(k).sort_values(["distance"], kind="stable")
    best = best.reset_index().rename(columns={"index": "geo"}).sort_values(["distance", "geo"]).head(k)
    names = tables.named(store, pd.DataFrame({"geo": best["geo"], "nuts_version": np.nan}))["name"].tolist()
    best["name"] = names
    best["reasons"] = [_reasons(matrix, diffs, geo, peer, bool(s)) for peer, s in zip(best["geo"], best["same_type"])]
    return best[["geo", "name", "distance", "common", "reasons"]].reset_index(drop=True)


def _peer_matrix(store, level: int, indicators) -> pd.DataFrame:
    def compute():
        columns = {}
        for indicator_id in indicators:
            rows, _ = tables.latest_values(store, indicator_id, level)
            if len(rows):
                columns[indicator_id] = rows.set_index("geo")["value"]
        return pd.DataFrame(columns)
    return store.memo.cached(("peer_matrix", level, tuple(indicators)), compute)


def _urban_rural(store, level: int) -> pd.Series | None:
    if level != 3:
        return None
    t = store.typologies.dropna(subset=["urban_rural"])
    return t.sort_values("version").drop_duplicates("geo", keep="last").set_index("geo")["urban_rural"]


def _reasons(matrix: pd.DataFrame, diffs: pd.DataFrame, geo: str, peer: str, same_type: bool) -> list[Phrase]:
    """Why the peer is close, as phrases: the two closest indicators' values side by side, and the same type.
    The indicator's name and unit are the registry's words (``Phrase(text)``: the catalogues translate them too)."""
    closest = diffs.loc[peer].dropna().sort_values().head(2)
    reasons = []
    for indicator_id in closest.index:
        ind = get(indicator_id)
        a, b = matrix.loc[geo, indicator_id], matrix.loc[peer, indicator_id]
        region, other = Number(a, ind.decimals), Number(b, ind.decimals)  # written the reader's way
        if ind.short_unit.strip():
            reasons.append(phrase("{indicator}: {region} vs {peer} {unit}", indicator=Phrase(ind.short_label),
                                  region=region, peer=other, unit=Phrase(ind.short_unit)))
        else:
            reasons.append(phrase("{indicator}: {region} vs {peer}", indicator=Phrase(ind.short_label), region=region,
                                  peer=other))
    if same_type:
        reasons.append(phrase("same urban-rural type"))
    return reasons
