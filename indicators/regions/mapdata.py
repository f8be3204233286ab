"""What a map of one indicator, level and year shows: classed values, the regions with no data (and why),
flagged values with a point to mark them, and whether NUTS versions are mixed."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from geodata.screen import label_points
from indicators.regions import flags, lookup
from indicators.regions.classes import Classes, classify, classify_diverging
from indicators.registry import Indicator, get
from indicators.text.wording import phrase


@dataclass
class MapData:
    indicator: Indicator
    level: int
    year: int | None
    values: pd.DataFrame  # geo, name, value, flag, year, nuts_version, note (regions with a value)
    classes: Classes
    no_data: pd.DataFrame  # geo, name, nuts_version, reason (a Phrase: pages say it with dashboard.i18n.say)
    flagged: pd.DataFrame  # geo, name, value, flag, lon, lat
    versions: list[int]

    @property
    def mixed_versions(self) -> bool:
        return len(self.versions) > 1

    @property
    def periods(self) -> list[str]:
        """The periods the values cover, most common first (several for changes over years available)."""
        return [str(p) for p in self.values["period"].value_counts().index] if "period" in self.values else []

    @property
    def mixed_periods(self) -> bool:
        return len(self.periods) > 1


def map_data(store, indicator, level: int, year: int | None, scheme: str = "quantiles", k: int = 5) -> MapData:
    """Everything the map and the table under it need, from the indicator's table (memoised per store)."""
    ind = get(indicator, "nuts")
    return store.memo.cached(("map_data", ind.id, level, year, scheme, k), lambda: _map_data(store, ind, level, year, scheme, k))


def _map_data(store, ind: Indicator, level: int, year: int | None, scheme: str, k: int) -> MapData:
    # one NUTS version per country, as ranks and benchmarks use: a code is never drawn over its successor
    rows = lookup.regional_set(store, ind, level, year)
    shapes = _layer_codes(store, level)
    rows = rows.assign(drawable=[(int(v), g) in shapes if pd.notna(v) else False
                                 for v, g in zip(rows["nuts_version"], rows["geo"])])
    values = rows[rows["value"].notna() & rows["drawable"]].reset_index(drop=True)
    classes = (classify_diverging if ind.diverging else classify)(values["value"], scheme, k, ind.decimals)
    versions = sorted(int(v) for v in values["nuts_version"].dropna().unique())
    main_version = versions[-1] if versions else (ind.nuts_version or 2024)
    no_data = _no_data(store, rows, values, level, main_version, shapes)
    flagged = values[values["flag"].map(flags.is_marked).astype(bool)].copy()  # bool: an empty mask selected columns
    points = {}
    for version in flagged["nuts_version"].dropna().unique():
        points.update(_points(store, int(version), level))
    flagged["lon"] = flagged["geo"].map(lambda g: points.get(g, (None, None))[0])
    flagged["lat"] = flagged["geo"].map(lambda g: points.get(g, (None, None))[1])
    return MapData(ind, level, year, values, classes, no_data, flagged.dropna(subset=["lon"]), versions)


def _no_data(store, rows, values, level, version, shapes) -> pd.DataFrame:
    """Regions of the countries on the map that have no value: published empty (with the flag's reason) or absent."""
    countries = set(values["country"].dropna())
    published_empty = rows[rows["value"].isna() & rows["drawable"]]
    reasons = {g: (phrase("no value published ({flag})", flag=flags.said(f)) if f else phrase("no value published"))
               for g, f in zip(published_empty["geo"], published_empty["flag"])}
    layer = store.regions[(store.regions["version"] == version) & (store.regions["level"] == level)
                          & store.regions["has_geometry"] & store.regions["country"].isin(countries)]
    layer = layer[~layer["geo"].isin(values["geo"])]
    layer = layer[~layer["geo"].str.endswith("Z")]  # extra-regio codes have no shape worth a grey patch
    absent = phrase("not in the data for this year")
    return pd.DataFrame({"geo": layer["geo"], "name": layer["name"], "nuts_version": version,
                         "reason": [reasons.get(g, absent) for g in layer["geo"]]}).reset_index(drop=True)


def _layer_codes(store, level: int) -> set:
    def compute():
        r = store.regions[(store.regions["level"] == level) & store.regions["has_geometry"]]
        return set(zip(r["version"].astype(int), r["geo"]))
    return store.memo.cached(("layer_codes", level), compute)


def _points(store, version: int, level: int) -> dict:
    return store.memo.cached(("label_points", version, level), lambda: label_points(store.screen_geojson(version, level)))
