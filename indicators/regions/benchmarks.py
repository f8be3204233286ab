"""Country and EU benchmarks: the published row first, else computed from a complete set of regions (rates
weighted by their own denominator), and always labelled by what the value really covers."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from geodata.codes import EU27
from indicators.regions import lookup, tables
from indicators.registry import Indicator, get
from indicators.text.wording import Phrase, phrase

EU_AGGREGATE = "EU27_2020"
# Rates whose own denominator is in the store: (dataset, filter, words). The others are weighted by population.
DENOMINATORS = {
    "foreign_born_share": ("lfst_r_lfsd2pwc", {"c_birth": "TOTAL", "unit": "PER"}, "LFS population aged 15+"),
    "non_citizen_share": ("lfst_r_lfsd2pwc", {"c_birth": "TOTAL", "unit": "PER"}, "LFS population aged 15+"),
}


@dataclass(frozen=True)
class Benchmark:
    """A comparison value: published by the source, or computed here and said to be, with what it covers."""

    scope: str  # "country" or "EU"
    geo: str
    value: float | None
    year: int | None
    method: str  # "published", "computed" or "none"
    # what the value is, e.g. "EU27 (published)" or "computed from 925 regions in 18 of 27 countries (…)": a
    # Phrase, whose str() is the English (pages say it in their language with dashboard.i18n.say)
    label: Phrase
    weighted_by: str | None = None
    regions: int | None = None  # regions the value is computed from
    countries: int | None = None  # member states (EU) among them
    level: int | None = None  # the level it comes from

    @property
    def computed(self) -> bool:
        return self.method == "computed"

    @property
    def partial(self) -> bool:
        """Computed from fewer regions than the country (or member states than the EU) has."""
        return str(self.label).startswith("computed from")

    def as_dict(self) -> dict:
        return {**asdict(self), "label": str(self.label)}  # the label as its English sentence, not its parts


def benchmarks(store, indicator: Indicator | str, level: int, year: int | None, country: str) -> dict[str, Benchmark]:
    """The country and EU values to compare a region of ``level`` with, for ``year``."""
    ind = get(indicator)
    return store.memo.cached(("benchmarks", ind.id, level, year, country), lambda: {
        "country": benchmark(store, ind, level, year, country), "EU": benchmark(store, ind, level, year, "EU")})


def benchmark(store, ind: Indicator, level: int, year: int | None, scope: str) -> Benchmark:
    """One benchmark: ``scope`` is a country code or "EU"."""
    geo = EU_AGGREGATE if scope == "EU" else scope
    kind = "EU" if scope == "EU" else "country"
    rows = tables.table(store, ind, year=year, include_aggregates=True)
    published = rows[(rows["geo"] == geo) & rows["value"].notna()]
    if len(published):
        label = phrase("EU27 (published)") if scope == "EU" else phrase("{country} (published)", country=scope)
        return Benchmark(kind, geo, float(published["value"].iloc[0]), year, "published", label,
                         level=0 if scope != "EU" else None)
    fallback = None
    # the region's own level, then coarser ones, then finer ones: a year with no NUTS 1 or country rows is still
    # summed from its NUTS 2 regions (population 2022 at level 1 had "no values to compute from")
    for lv in [*range(level, -1, -1), *range(level + 1, 4)]:
        if lv not in ind.levels:
            continue
        regional = lookup.regional_set(store, ind, lv, year)
        regional = regional[regional["value"].notna() & regional["geo_kind"].eq("region" if lv else "country")]
        regional = regional[regional["country"].isin(EU27) if scope == "EU" else regional["country"].eq(scope)]
        if regional.empty:
            continue
        if _complete(store, ind, regional, lv, scope):
            return _aggregate(store, ind, regional, lv, year, kind, geo, complete=True)
        fallback = fallback or (lv, regional)
    if fallback is None:
        return Benchmark(kind, geo, None, year, "none", phrase("no values to compute from"))
    return _aggregate(store, ind, fallback[1], fallback[0], year, kind, geo, complete=False)


def _complete(store, ind: Indicator, rows: pd.DataFrame, level: int, scope: str) -> bool:
    """Every member state (EU) or every region of the country's code list (country) has a value; an EU sum
    also needs every country complete."""
    if scope == "EU" and set(rows["country"]) < EU27:
        return False
    if level == 0 or (scope == "EU" and ind.kind != "count"):
        return True
    lists = lookup.country_codes(store, level)
    for country, held in rows.groupby(rows["country"].astype(str))["geo"]:
        held = set(held.astype(str))
        candidates = [codes for (_, c), codes in lists.items() if c == country and held & codes]
        if not candidates or not any(codes <= held for codes in candidates):
            return False
    return True


def _aggregate(store, ind, rows, level, year, kind, geo, complete: bool) -> Benchmark:
    n, k = len(rows), rows["country"].nunique()
    where = f"NUTS {level}" if level else phrase("countries")
    if ind.kind == "count":
        value, weighted_by = float(rows["value"].sum()), None
        how = phrase("sum of {count} regions", count=n) if level else phrase("sum of {count} countries", count=n)
    else:
        weights, weighted_by, other_year = _weights(store, ind, rows, level, year)
        has = weights.notna() & (weights > 0)
        if not has.any():
            return Benchmark(kind, geo, None, year, "none", _no_weights(weighted_by, n))
        value = float(np.average(rows.loc[has, "value"], weights=weights[has]))
        how = _weighted(_mean(int(has.sum()), n, level), weighted_by, other_year)
        n = int(has.sum())
    if complete:
        label = (phrase("EU27, computed: {how} ({where})", how=how, where=where) if kind == "EU" else
                 phrase("{country}, computed: {how} ({where})", country=geo, how=how, where=where))
    elif kind == "EU":
        label = (phrase("computed from {count} regions in {countries} of 27 countries ({how})", count=n, countries=k,
                        how=how) if level else
                 phrase("computed from {count} countries in {countries} of 27 countries ({how})", count=n, countries=k,
                        how=how))
    else:  # a country's own value is always complete at level 0: only its regions can fall short
        label = phrase("computed from {count} regions of {country}, not all ({how})", count=n, country=geo, how=how)
    return Benchmark(kind, geo, value, year, "computed", label, weighted_by, n, k, level)


def _mean(used: int, n: int, level: int) -> Phrase:
    """'mean of 12 regions', or 'mean of 12 of 14 regions' when some have no weight."""
    if used == n:
        return (phrase("mean of {count} regions", count=used) if level else
                phrase("mean of {count} countries", count=used))
    return (phrase("mean of {count} of {total} regions", count=used, total=n) if level else
            phrase("mean of {count} of {total} countries", count=used, total=n))


# ``weighted_by`` stays the English words (the briefing keys its own wording on them); each weighting is its own
# sentence here, so a language puts its article and case where it needs them
def _weighted(mean: Phrase, weighted_by: str, other_year: int) -> Phrase:
    """'… weighted by population[, of the nearest year for 3]'."""
    if weighted_by == "LFS population aged 15+":
        return (phrase("{mean} weighted by LFS population aged 15+, of the nearest year for {count}", mean=mean,
                       count=other_year) if other_year else
                phrase("{mean} weighted by LFS population aged 15+", mean=mean))
    if weighted_by == "population; the labour force is not in the data":
        return (phrase("{mean} weighted by population; the labour force is not in the data, of the nearest year "
                       "for {count}", mean=mean, count=other_year) if other_year else
                phrase("{mean} weighted by population; the labour force is not in the data", mean=mean))
    return (phrase("{mean} weighted by population, of the nearest year for {count}", mean=mean, count=other_year)
            if other_year else phrase("{mean} weighted by population", mean=mean))


def _no_weights(weighted_by: str, n: int) -> Phrase:
    if weighted_by == "LFS population aged 15+":
        return phrase("no LFS population aged 15+ to weight {count} regions with", count=n)
    if weighted_by == "population; the labour force is not in the data":
        return phrase("no population; the labour force is not in the data to weight {count} regions with", count=n)
    return phrase("no population to weight {count} regions with", count=n)


def _weights(store, ind: Indicator, rows: pd.DataFrame, level: int, year: int | None) -> tuple[pd.Series, str, int]:
    """Each row's weight: its own denominator where the store has it, else its population, for the same code
    in the nearest year (the same year first, then the closest, the earlier one on a tie)."""
    words = DENOMINATORS[ind.id][2] if ind.id in DENOMINATORS else "population"
    best = store.memo.cached(("weights", words, level, year), lambda: _nearest_weights(store, ind, level, year))
    if words == "population" and "labour force" in ind.unit:  # its own denominator is not in the data: say so
        words = "population; the labour force is not in the data"
    geos = rows["geo"].astype(str)
    other_year = int((geos.map(best["year"]).notna() & geos.map(best["year"]).ne(year)).sum()) if year else 0
    return geos.map(best["value"]).astype(float), words, other_year


def _nearest_weights(store, ind: Indicator, level: int, year: int | None) -> pd.DataFrame:
    if ind.id in DENOMINATORS:
        dataset, filters, _ = DENOMINATORS[ind.id]  # the words are for the label (_weights)
        o = store.observations
        mask = (o["dataset"] == dataset) & (o["level"] == level)
        for dim, code in filters.items():
            mask &= o[dim] == code
        source = o.loc[mask, ["geo", "year", "value"]]
    else:
        source = tables.table(store, "population", level=level)[["geo", "year", "value"]]
    source = source[source["value"].notna() & source["year"].notna()]
    target = year if year is not None else int(source["year"].max())
    source = source.assign(distance=(source["year"].astype(int) - target).abs(), later=source["year"].astype(int) > target)
    best = source.sort_values(["distance", "later"]).drop_duplicates("geo")
    return pd.DataFrame({"value": best["value"].to_numpy(float), "year": best["year"].astype(int).to_numpy()},
                        index=best["geo"].astype(str))
