"""Bring an indicator's rows into one NUTS version with the JRC converter matrices (marked ``converted``)."""

from __future__ import annotations

import pandas as pd

from geodata.convert import convert
from indicators.regions import tables
from indicators.registry import Indicator, get
from indicators.text.wording import Phrase, phrase


def in_version(store, indicator: Indicator | str, level: int, version: int, year: int | None | str = "all") -> pd.DataFrame:
    """The indicator at one level in one NUTS version: rows of that version pass through, the others are
    converted with the JRC matrix (counts by population share, the rest population-weighted) and marked.
    ``year`` limits it to one year (None: the rows with no year) before converting, which is much cheaper."""
    ind = get(indicator)
    return store.memo.cached(("in_version", ind.id, level, version, year),
                             lambda: _in_version(store, ind, level, version, year))


def _in_version(store, ind: Indicator, level: int, version: int, year) -> pd.DataFrame:
    rows = tables.table(store, ind, level=level)
    if year != "all":
        rows = rows[rows["year"].isna() if year is None else rows["year"].eq(year)]
    native = rows[rows["nuts_version"].eq(version) | rows["nuts_version"].isna()].assign(converted=False)
    other = rows[rows["nuts_version"].notna() & rows["nuts_version"].ne(version)]
    parts = [native]
    for source_version, group in other.groupby("nuts_version"):
        matrix = matrix_between(store, level, int(source_version), version)
        if matrix is None or group.empty:
            continue
        moved = convert(group[["geo", "value", "time"]], matrix, _kind(ind), keys=["time"])
        moved = moved[~moved.set_index(["geo", "time"]).index.isin(native.set_index(["geo", "time"]).index)]
        if moved.empty:
            continue
        template = group.drop_duplicates("time").set_index("time")
        flags = group.set_index(["geo", "time"])["flag"]
        periods = group.set_index(["geo", "time"])["period"]
        unchanged = ~moved["converted"]
        moved = moved.assign(level=level, nuts_version=version, year=moved["time"].map(template["year"]),
                             # a code that did not change keeps its flag; a recomputed value has none of its own
                             flag=[flags.get((g, t), "") if u else "" for g, t, u in zip(moved["geo"], moved["time"], unchanged)],
                             period=[periods.get((g, t), "") if u else template["period"].get(t, "")
                                     for g, t, u in zip(moved["geo"], moved["time"], unchanged)],
                             unit=ind.unit, source=ind.credit,
                             note=["" if u else _converted(source_version) for u in unchanged],
                             country=moved["geo"].str[:2], geo_kind="region")
        parts.append(tables.named(store, moved))
    return pd.concat(parts, ignore_index=True)


def region_in_version(store, indicator: Indicator | str, level: int, geo: str, version: int) -> pd.DataFrame:
    """One region's rows in NUTS ``version``: its own rows if the data use that code, else converted from the
    pieces of the other version that make it up (marked ``converted``). Only those pieces are computed."""
    ind = get(indicator)
    rows = tables.table(store, ind, level=level)
    own = rows[rows["geo"] == geo]
    if len(own) or level == 0:
        return own.assign(converted=False)
    parts = []
    for source_version in rows["nuts_version"].dropna().unique():
        source_version = int(source_version)
        if source_version == version:
            continue
        matrix = matrix_between(store, level, source_version, version)
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
        moved = convert(group[["geo", "value", "time"]], matrix, _kind(ind), keys=["time"])
        moved = moved[moved["geo"] == geo]
        template = group.drop_duplicates("time").set_index("time")
        parts.append(tables.named(store, moved.assign(
            level=level, nuts_version=version, year=moved["time"].map(template["year"]), flag="",
            period=moved["time"].map(template["period"]), unit=ind.unit, source=ind.credit,
            note=_converted(source_version), country=geo[:2], geo_kind="region")))
    return pd.concat(parts, ignore_index=True) if parts else own.assign(converted=False)


def _converted(source_version) -> Phrase:
    return phrase("converted from NUTS {version} (JRC matrix)", version=int(source_version))


def matrix_between(store, level: int, source: int, target: int) -> pd.DataFrame | None:
    """The JRC pieces from NUTS ``source`` to ``target`` at ``level`` (read backwards if only that one exists)."""
    c = store.converters
    forward = c[(c["level"] == level) & (c["from_version"] == source) & (c["to_version"] == target)]
    if len(forward):
        return forward
    backward = c[(c["level"] == level) & (c["from_version"] == target) & (c["to_version"] == source)]
    if len(backward):  # the pieces are intersections: the same matrix read the other way round
        return backward.rename(columns={"from_code": "to_code", "to_code": "from_code"})
    return None


def _kind(ind: Indicator) -> str:
    return "count" if ind.kind == "count" else "rate"
