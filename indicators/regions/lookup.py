"""Where a region's number comes from: the NUTS version it is drawn in, and the nearest level holding a value."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from geodata.codes import level_of, parent
from indicators.regions import tables, versions
from indicators.registry import Indicator, get


@dataclass(frozen=True)
class Found:
    """One region's value of an indicator, at the level and in the NUTS version it was found."""

    indicator: str
    geo: str  # the region itself, or the parent / country the value belongs to
    level: int
    row: pd.Series  # the table row: value, year, period, flag, note, nuts_version, name, converted

    @property
    def year(self) -> int | None:
        return int(self.row["year"]) if pd.notna(self.row["year"]) else None

    @property
    def converted(self) -> bool:
        return bool(self.row.get("converted", False))


def drawn_version(store, geo: str) -> int | None:
    """The newest NUTS version (with boundaries) whose code list holds ``geo``."""
    def compute():
        r = store.regions[store.regions["has_geometry"]]
        return r.groupby("geo")["version"].max().astype(int).to_dict()
    return store.memo.cached(("drawn_versions",), compute).get(geo)


def current_layer(store, level: int) -> pd.DataFrame:
    """The regions at ``level`` in each country's newest NUTS version with boundaries (UK: 2021, else 2024):
    geo, name, country, nuts_version. Old and new codes of the same area never both appear."""
    def compute():
        r = store.regions[(store.regions["level"] == level) & store.regions["has_geometry"]]
        r = r[~r["geo"].str.endswith("Z")]
        r = r[r["version"] == r.groupby("country")["version"].transform("max")]
        return pd.DataFrame({"geo": r["geo"], "name": r["name"], "country": r["country"],
                             "nuts_version": r["version"]}).reset_index(drop=True)
    return store.memo.cached(("current_layer", level), compute).copy()


def country_codes(store, level: int) -> dict[tuple[int, str], set[str]]:
    """(version, country) -> the country's codes at ``level`` in that version (no extra-regio, no residual)."""
    def compute():
        r = _listed(store, level)
        r = r[~r["geo"].str.endswith("X")]
        return {(int(v), c): set(g) for (v, c), g in r.groupby(["version", "country"])["geo"]}
    return store.memo.cached(("country_codes", level), compute)


def _listed(store, level: int) -> pd.DataFrame:
    r = store.regions[(store.regions["level"] == level) & ~store.regions["geo"].str.endswith("Z")]
    return pd.DataFrame({"version": r["version"].astype(int), "geo": r["geo"].astype(str),
                         "country": r["country"].astype(str)})


def regional_set(store, indicator: Indicator | str, level: int, year: int | None) -> pd.DataFrame:
    """The rows (with or without a value) of one level and year that rank and benchmark together: one NUTS
    version per country, so a code and its successor (Belgium's NUTS 3 before 2021) are never both in it."""
    ind = get(indicator)

    def compute():
        rows = tables.table(store, ind, level=level, year=year)
        rows = rows[rows["geo_kind"].isin(tables.PLACES)]
        if level == 0 or rows.empty:
            return rows.reset_index(drop=True)
        listed = _listed(store, level)[["version", "geo"]]
        valued = pd.DataFrame({"geo": rows["geo"].astype(str), "country": rows["country"].astype(str),
                               "valued": rows["value"].notna().to_numpy()})
        # per country, the version whose code list covers most published values; ties go to the newest
        counts = valued.merge(listed, on="geo").groupby(["country", "version"])["valued"].agg(["sum", "size"])
        best = counts.reset_index().sort_values(["sum", "size", "version"]).drop_duplicates("country", keep="last")
        chosen = valued.assign(version=valued["country"].map(best.set_index("country")["version"]))
        in_list = chosen.merge(listed.assign(listed=True), on=["geo", "version"], how="left")["listed"]
        keep = in_list.fillna(False).to_numpy(dtype=bool, copy=True)
        # a code outside the chosen list goes only when it overlaps a kept code (its predecessor or successor);
        # one with no counterpart in the data (Norway's NO060 among 2016 codes) stays
        kept = set(valued.loc[keep, "geo"])
        links = changed_codes(store, level)
        keep |= np.array([not (links.get(g, set()) & kept) for g in valued["geo"]], dtype=bool)
        return rows[keep].reset_index(drop=True)

    return store.memo.cached(("regional_set", ind.id, level, year), compute)


def changed_codes(store, level: int) -> dict[str, set[str]]:
    """Code -> the codes of another NUTS version that share its area where the boundary changed (JRC pieces
    holding people, between a code and a different one that is not in the other version)."""
    def compute():
        c = store.converters[(store.converters["level"] == level) & (store.converters["pop21"].fillna(0) > 0)]
        links: dict[str, set[str]] = {}
        for _, pieces in c.groupby(["from_version", "to_version"]):
            before, after = set(pieces["from_code"]), set(pieces["to_code"])
            # a piece counts when it holds at least 5 % of either region's people: boundary slivers do not
            pop = pieces["pop21"]
            share = np.maximum(pop / pop.groupby(pieces["from_code"]).transform("sum"),
                               pop / pop.groupby(pieces["to_code"]).transform("sum"))
            moved = pieces[(pieces["from_code"] != pieces["to_code"]) & (share >= 0.05)
                           & (~pieces["from_code"].isin(after) | ~pieces["to_code"].isin(before))]
            for a, b in zip(moved["from_code"], moved["to_code"]):
                links.setdefault(a, set()).add(b)
                links.setdefault(b, set()).add(a)
        return links
    return store.memo.cached(("changed_codes", level), compute)


def region_rows(store, indicator: Indicator | str, level: int, code: str, version: int | None) -> pd.DataFrame:
    """One region's rows at ``level``, converted to NUTS ``version`` when the data use another code list."""
    ind = get(indicator)
    if level == 0 or version is None:
        rows = tables.table(store, ind, level=level)
        return rows[rows["geo"] == code].assign(converted=False)
    return versions.region_in_version(store, ind, level, code, version)


def nearest(store, indicator: Indicator | str, geo: str, year: int | None = None) -> Found | None:
    """The region's value (``year``, else its latest) at its own level, else its nearest parent's, else national;
    in the NUTS version the region is drawn in (converted with the JRC matrix when the data use another)."""
    ind = get(indicator)
    version = drawn_version(store, geo)
    for level in range(level_of(geo), -1, -1):
        if level not in ind.levels:
            continue
        code = parent(geo, level)
        rows = region_rows(store, ind, level, code, version)
        rows = rows[rows["value"].notna()]
        if year is not None:
            rows = rows[rows["year"] == year]
        if len(rows):
            return Found(ind.id, code, level, rows.sort_values("time").iloc[-1])
    return None
