"""Ranks, benchmarks, NUTS-version alignment, peer regions and map classes, all on the store's real tables."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from geodata.codes import EU27, level_of
from geodata.convert import convert
from indicators import tables
from indicators.registry import Indicator, get

EU_AGGREGATE = "EU27_2020"


def _ind(indicator) -> Indicator:
    return get(indicator) if isinstance(indicator, str) else indicator


# --- ranks -------------------------------------------------------------------------------------------------


def ranks(store, indicator, level: int, year: int | None) -> pd.DataFrame:
    """Rank of every region with a value, 1 = highest, within its country and within the EU27.

    Aggregates and extra-regio codes are excluded; missing values are unranked (NaN). Ties share a value
    but get consecutive ranks in code order, so each scope's ranks are exactly 1..N; ``tied`` says how
    many regions share the value.
    """
    key = ("ranks", _ind(indicator).id, level, year)
    if key in store.memo:
        return store.memo[key]
    rows = tables.table(store, indicator, level=level, year=year)
    rows = rows[rows["geo_kind"].isin(["region", "country"])][["geo", "name", "country", "value", "flag", "year"]].copy()
    ranked = rows[rows["value"].notna()].sort_values(["value", "geo"], ascending=[False, True])
    ranked["rank_country"] = ranked.groupby("country").cumcount() + 1
    ranked["n_country"] = ranked.groupby("country")["geo"].transform("size")
    eu = ranked[ranked["country"].isin(EU27)].copy()
    eu["rank_eu"] = np.arange(1, len(eu) + 1)
    ranked = ranked.merge(eu[["geo", "rank_eu"]], on="geo", how="left")
    ranked["n_eu"] = np.where(ranked["rank_eu"].notna(), len(eu), np.nan)
    ranked["tied"] = ranked.groupby("value")["geo"].transform("size")
    out = rows.merge(ranked[["geo", "rank_country", "n_country", "rank_eu", "n_eu", "tied"]], on="geo", how="left")
    out = out.astype({"rank_country": "Int64", "n_country": "Int64", "rank_eu": "Int64", "n_eu": "Int64", "tied": "Int64"})
    store.memo[key] = out
    return out


def rank_of(store, indicator, level: int, year: int | None, geo: str) -> tuple[int | None, int | None]:
    """One region's (rank, N) within its country, as ``ranks`` would give it, without ranking everyone."""
    rows = tables.table(store, indicator, level=level, year=year)
    rows = rows[rows["geo_kind"].isin(["region", "country"]) & rows["value"].notna() & (rows["country"] == geo[:2])]
    mine = rows[rows["geo"] == geo]
    if mine.empty:
        return None, None
    value = mine["value"].iloc[0]
    ahead = (rows["value"] > value) | ((rows["value"] == value) & (rows["geo"] < geo))
    return int(ahead.sum()) + 1, len(rows)


# --- benchmarks --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Benchmark:
    """A comparison value: published by the source, or computed here and said to be."""

    scope: str  # "country" or "EU"
    geo: str
    value: float | None
    year: int | None
    method: str  # "published", "computed: population-weighted mean of N regions", "computed: sum of N regions"

    @property
    def computed(self) -> bool:
        return self.method.startswith("computed")


def benchmarks(store, indicator, level: int, year: int | None, country: str) -> dict[str, Benchmark]:
    """The country and EU values to compare a region with."""
    ind = _ind(indicator)
    rows = tables.table(store, ind, year=year, include_aggregates=True)
    regional = rows[(rows["level"] == level) & rows["value"].notna() & rows["geo_kind"].isin(["region", "country"])]
    out = {}
    national = rows[(rows["geo"] == country) & rows["value"].notna()]
    if len(national) and level != 0:
        out["country"] = Benchmark("country", country, float(national["value"].iloc[0]), year, "published")
    else:
        out["country"] = _computed(store, ind, regional[regional["country"] == country], "country", country, year, level)
    published_eu = rows[(rows["geo"] == EU_AGGREGATE) & rows["value"].notna()]
    if len(published_eu):
        out["EU"] = Benchmark("EU", EU_AGGREGATE, float(published_eu["value"].iloc[0]), year, "published")
    else:
        out["EU"] = _computed(store, ind, regional[regional["country"].isin(EU27)], "EU", EU_AGGREGATE, year, level)
    return out


def _computed(store, ind: Indicator, rows: pd.DataFrame, scope: str, geo: str, year, level: int) -> Benchmark:
    if rows.empty:
        return Benchmark(scope, geo, None, year, "no regional values to compute from")
    if ind.kind == "count":
        return Benchmark(scope, geo, float(rows["value"].sum()), year, f"computed: sum of {len(rows)} regions")
    version = rows["nuts_version"].mode()
    weights = _population(store, level, year, int(version.iloc[0]) if len(version) else None)
    joined = rows.merge(weights, on="geo", how="left")
    if joined["population"].notna().all() and len(joined):
        value = float(np.average(joined["value"], weights=joined["population"]))
        return Benchmark(scope, geo, value, year, f"computed: population-weighted mean of {len(rows)} regions")
    return Benchmark(scope, geo, float(rows["value"].mean()), year,
                     f"computed: unweighted mean of {len(rows)} regions (population missing for some)")


def _population(store, level: int, year: int | None, version: int | None) -> pd.DataFrame:
    """Population per region for weighting: the same year, else the nearest earlier one, brought to the
    regions' NUTS version (only that snapshot is converted)."""
    key = ("population_weights", level, year, version)
    if key not in store.memo:
        pop = tables.table(store, "population", level=level)
        pop = pop[pop["value"].notna() & ((pop["year"] <= year) if year is not None else True)]
        latest = pop.sort_values("year").groupby("geo").tail(1)
        weights = latest[["geo", "value"]]
        if version is not None:
            native = latest[latest["nuts_version"].eq(version)][["geo", "value"]]
            parts = [native]
            for source_version, group in latest[latest["nuts_version"].ne(version)].groupby("nuts_version"):
                matrix = _matrix(store, level, int(source_version), version)
                if matrix is not None:
                    moved = convert(group[["geo", "value"]], matrix, "count")
                    parts.append(moved[~moved["geo"].isin(native["geo"])][["geo", "value"]])
            weights = pd.concat(parts, ignore_index=True)
        store.memo[key] = weights.rename(columns={"value": "population"})
    return store.memo[key]


# --- NUTS versions -----------------------------------------------------------------------------------------


def in_version(store, indicator, level: int, version: int) -> pd.DataFrame:
    """The indicator at one level in one NUTS version: rows of that version pass through, the others are
    converted with the JRC matrix (counts by population share, the rest population-weighted) and marked."""
    ind = _ind(indicator)
    key = ("in_version", ind.id, level, version)
    if key in store.memo:
        return store.memo[key]
    rows = tables.table(store, ind, level=level)
    native = rows[rows["nuts_version"].eq(version) | rows["nuts_version"].isna()].assign(converted=False)
    other = rows[rows["nuts_version"].notna() & rows["nuts_version"].ne(version)]
    parts = [native]
    for source_version, group in other.groupby("nuts_version"):
        matrix = _matrix(store, level, int(source_version), version)
        if matrix is None or group.empty:
            continue
        moved = convert(group[["geo", "value", "time"]], matrix, "count" if ind.kind == "count" else "rate", keys=["time"])
        moved = moved[~moved.set_index(["geo", "time"]).index.isin(native.set_index(["geo", "time"]).index)]
        if moved.empty:
            continue
        template = group.drop_duplicates("time").set_index("time")
        flags = group.set_index(["geo", "time"])["flag"]
        unchanged = ~moved["converted"]
        moved = moved.assign(level=level, nuts_version=version, year=moved["time"].map(template["year"]),
                             # a code that did not change keeps its flag; a recomputed value has none of its own
                             flag=[flags.get((g, t), "") if u else "" for g, t, u in zip(moved["geo"], moved["time"], unchanged)],
                             unit=ind.unit, source=ind.credit,
                             note=np.where(unchanged, "", f"converted from NUTS {int(source_version)} (JRC matrix)"),
                             country=moved["geo"].str[:2], geo_kind="region")
        parts.append(tables._named(store, moved))
    result = pd.concat(parts, ignore_index=True)
    store.memo[key] = result
    return result


def region_in_version(store, indicator, level: int, geo: str, version: int) -> pd.DataFrame:
    """One region's rows in NUTS ``version``: its own rows if the data use that code, else converted from the
    pieces of the other version that make it up (marked ``converted``). Only those pieces are computed."""
    ind = _ind(indicator)
    rows = tables.table(store, ind, level=level)
    own = rows[rows["geo"] == geo]
    if len(own) or level == 0:
        return own.assign(converted=False)
    parts = []
    for source_version in rows["nuts_version"].dropna().unique():
        source_version = int(source_version)
        if source_version == version:
            continue
        matrix = _matrix(store, level, source_version, version)
        if matrix is None:
            continue
        pieces = matrix[matrix["to_code"] == geo]
        if pieces.empty:
            continue
        # every old region touching the target, so count shares use the old regions' full populations
        matrix = matrix[matrix["from_code"].isin(pieces["from_code"])]
        group = rows[rows["geo"].isin(pieces["from_code"]) & rows["nuts_version"].eq(source_version)]
        if group.empty:
            continue
        moved = convert(group[["geo", "value", "time"]], matrix, "count" if ind.kind == "count" else "rate", keys=["time"])
        moved = moved[moved["geo"] == geo]
        years = group.drop_duplicates("time").set_index("time")["year"]
        parts.append(tables._named(store, moved.assign(
            level=level, nuts_version=version, year=moved["time"].map(years), flag="", unit=ind.unit,
            source=ind.credit, note=f"converted from NUTS {source_version} (JRC matrix)",
            country=geo[:2], geo_kind="region")))
    return pd.concat(parts, ignore_index=True) if parts else own.assign(converted=False)


def _matrix(store, level: int, source: int, target: int) -> pd.DataFrame | None:
    c = store.converters
    forward = c[(c["level"] == level) & (c["from_version"] == source) & (c["to_version"] == target)]
    if len(forward):
        return forward
    backward = c[(c["level"] == level) & (c["from_version"] == target) & (c["to_version"] == source)]
    if len(backward):  # the pieces are intersections: the same matrix read the other way round
        return backward.rename(columns={"from_code": "to_code", "to_code": "from_code"})
    return None


# --- peers -------------------------------------------------------------------------------------------------

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
    names = tables._named(store, pd.DataFrame({"geo": best["geo"], "nuts_version": np.nan}))["name"].tolist()
    best["name"] = names
    best["reasons"] = [_reasons(matrix, diffs, geo, peer, bool(s)) for peer, s in zip(best["geo"], best["same_type"])]
    return best[["geo", "name", "distance", "common", "reasons"]].reset_index(drop=True)


def _peer_matrix(store, level: int, indicators) -> pd.DataFrame:
    key = ("peer_matrix", level, tuple(indicators))
    if key not in store.memo:
        columns = {}
        for indicator_id in indicators:
            rows, _ = tables.latest_values(store, indicator_id, level)
            if len(rows):
                columns[indicator_id] = rows.set_index("geo")["value"]
        store.memo[key] = pd.DataFrame(columns)
    return store.memo[key]


def _urban_rural(store, level: int) -> pd.Series | None:
    if level != 3:
        return None
    t = store.typologies.dropna(subset=["urban_rural"])
    return t.sort_values("version").drop_duplicates("geo", keep="last").set_index("geo")["urban_rural"]


def _reasons(matrix: pd.DataFrame, diffs: pd.DataFrame, geo: str, peer: str, same_type: bool) -> list[str]:
    closest = diffs.loc[peer].dropna().sort_values().head(2)
    reasons = []
    for indicator_id in closest.index:
        ind = get(indicator_id)
        a, b = matrix.loc[geo, indicator_id], matrix.loc[peer, indicator_id]
        reasons.append(f"{ind.short_label}: {a:.{ind.decimals}f} vs {b:.{ind.decimals}f} {ind.short_unit}".strip())
    if same_type:
        reasons.append("same urban-rural type")
    return reasons


# --- map classes -------------------------------------------------------------------------------------------

SCHEMES = {"quantiles": "Quantiles", "natural_breaks": "FisherJenks", "equal_interval": "EqualInterval"}
NO_DATA = -1


@dataclass(frozen=True)
class Classes:
    """Class breaks for a map: ``classes`` per value (``NO_DATA`` where missing) and legend bounds."""

    scheme: str
    bins: tuple[float, ...]  # upper bound of each class
    lower: float
    classes: np.ndarray

    def labels(self, decimals: int = 1, unit: str = "") -> list[str]:
        bounds = [self.lower, *self.bins]
        return [f"{bounds[i]:.{decimals}f} – {bounds[i + 1]:.{decimals}f}{(' ' + unit) if unit else ''}"
                for i in range(len(self.bins))]


def classify(values, scheme: str = "quantiles", k: int = 5) -> Classes:
    """Map classes with mapclassify, by scheme name; missing values get their own ``NO_DATA`` class."""
    if scheme not in SCHEMES:
        raise ValueError(f"scheme must be one of {sorted(SCHEMES)}, not {scheme!r}")
    values = np.asarray(values, dtype=float)
    present = ~np.isnan(values)
    distinct = np.unique(values[present])
    classes = np.full(len(values), NO_DATA)
    if len(distinct) == 0:
        return Classes(scheme, (), float("nan"), classes)
    k = max(1, min(k, len(distinct)))
    if k == 1:
        classes[present] = 0
        return Classes(scheme, (float(distinct[0]),), float(distinct[0]), classes)
    import mapclassify  # imported on first use: with numba it compiles its kernels at import (~3 s)

    fitted = getattr(mapclassify, SCHEMES[scheme])(values[present], k=k)
    classes[present] = fitted.yb
    return Classes(scheme, tuple(float(b) for b in fitted.bins), float(values[present].min()), classes)
