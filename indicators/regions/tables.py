"""An indicator's tidy table: the rows of the store it selects (or derives), ready to show.

Columns: ``geo, name, level, nuts_version, year, time, period, value, flag, unit, source, note, country, geo_kind``;
``period`` is what the value covers: the year, ``2014–2023`` for a change, ``2024-05`` for a monthly figure.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.registry import Indicator, get
from indicators.text.wording import Phrase, phrase

COLUMNS = ["geo", "name", "level", "nuts_version", "year", "time", "period", "value", "flag", "unit", "source", "note",
           "country", "geo_kind"]
AGGREGATE_NAMES = {"EU27_2020": "European Union (27 countries)", "EU28": "European Union (28 countries, 2013-2020)",
                   "EA20": "Euro area (20 countries)", "EA19": "Euro area (19 countries)", "EFTA": "EFTA"}
PLACES = ("region", "country")


def table(store, indicator: Indicator | str, level: int | None = None, year: int | None = None,
          nuts_version: int | None = None, include_aggregates: bool = False) -> pd.DataFrame:
    """The indicator's rows (all levels and years unless narrowed), regions and countries only by default.

    The frame is shared (memoised on the store): copy it before changing it in place.
    """
    ind = get(indicator)
    # Slices are memoised per store too: the store never changes, and there are at most
    # indicators × levels × years × versions of them.
    key = ("slice", ind.id, level, year, nuts_version, include_aggregates)
    return store.memo.cached(key, lambda: _slice(store, ind, level, year, nuts_version, include_aggregates))


def _slice(store, ind: Indicator, level, year, nuts_version, include_aggregates) -> pd.DataFrame:
    rows = _full(store, ind)
    keep = rows["geo_kind"].isin(PLACES + (("aggregate",) if include_aggregates else ()))
    if level is not None:
        keep &= rows["level"].eq(level) | (rows["geo_kind"].eq("aggregate") & include_aggregates)
    if year is not None:
        keep &= rows["year"].eq(year)
    if nuts_version is not None:
        keep &= rows["nuts_version"].eq(nuts_version) | rows["nuts_version"].isna()
    return rows[keep.fillna(False)].reset_index(drop=True)


def years(store, indicator: Indicator | str, level: int | None = None) -> list[int]:
    """Years with at least one value (ascending); empty when the source states no period."""
    def compute():
        rows = table(store, indicator, level=level)
        return sorted(int(y) for y in rows.loc[rows["value"].notna(), "year"].dropna().unique())
    return store.memo.cached(("years", get(indicator).id, level), compute)


def levels(store, indicator: Indicator | str) -> list[int]:
    """NUTS levels at which the store holds values for the indicator."""
    rows = table(store, indicator)
    return sorted(int(v) for v in rows.loc[rows["value"].notna(), "level"].dropna().unique())


def latest_values(store, indicator: Indicator | str, level: int) -> tuple[pd.DataFrame, int | None]:
    """The regions with a value in the indicator's latest year at ``level`` (empty when the level has none)."""
    ind = get(indicator)
    if level not in ind.levels:
        return table(store, ind, level=level).iloc[0:0], None
    latest = latest_year(store, ind, level)
    rows = table(store, ind, level=level, year=latest)
    return rows[rows["value"].notna() & rows["geo_kind"].eq("region")], latest


def latest_year(store, indicator: Indicator | str, level: int | None = None) -> int | None:
    """The most recent year with values, or None."""
    found = years(store, indicator, level)
    return found[-1] if found else None


def as_text(rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` with every ``Phrase`` cell (a note, a reason) as its English sentence: for JSON, which would
    otherwise write a phrase's parts (CSV writes ``str()`` by itself)."""
    return rows.apply(lambda column: column.map(lambda v: str(v) if isinstance(v, Phrase) else v)
                      if column.dtype == object else column)


# --- selection and derivation ----------------------------------------------------------------------------


def _full(store, ind: Indicator) -> pd.DataFrame:
    def compute():
        rows = _derive(store, ind) if ind.derived else _select(store, ind)
        rows["unit"] = ind.unit
        rows["source"] = ind.credit
        rows["period"] = _periods(ind, rows)
        rows = named(store, rows)
        return rows[COLUMNS].sort_values(["level", "geo", "time"], na_position="first").reset_index(drop=True)
    return store.memo.cached(("indicator_table", ind.id), compute)


def _periods(ind: Indicator, rows: pd.DataFrame) -> list[str]:
    """What each value covers: first–last year for a change, the month for monthly data, else the year."""
    if ind.derived and ind.derived.op == "change":
        return [str(p) for p in rows["change_period"]]
    if ind.latest_month or (ind.derived and any(get(i).latest_month for i in ind.derived.inputs)):
        return [str(t) for t in rows["time"]]
    return [str(int(y)) if pd.notna(y) else "" for y in rows["year"]]


def _select(store, ind: Indicator) -> pd.DataFrame:
    o = store.observations
    mask = o["source_id"].isin(ind.sources)
    if ind.dataset:
        mask &= o["dataset"] == ind.dataset
    for dim, code in ind.filter.items():
        mask &= o[dim] == code
    rows = o.loc[mask, ["source_id", "geo", "geo_kind", "level", "country", "nuts_version", "time", "year", "value", "flag"]]
    rows = rows.astype({"source_id": str, "geo": str, "geo_kind": str, "country": object, "time": str, "flag": str})
    if ind.source_by_level:
        by_level = rows["level"].map(ind.source_by_level)
        rows = rows[(rows["source_id"] == by_level) | rows["level"].isna()]
    rows = rows[rows["level"].isin(ind.levels) | rows["geo_kind"].eq("aggregate")]
    duplicated = rows.duplicated(["geo", "time"], keep=False)
    assert not duplicated.any(), f"{ind.id}: filter leaves several rows per region and period: {rows[duplicated].head(4)}"
    rows = rows.drop(columns="source_id").assign(note="")
    if ind.latest_month:
        rows = _latest_month(rows)
    return rows.reset_index(drop=True)


def _latest_month(rows: pd.DataFrame) -> pd.DataFrame:
    """Each country's latest month with a value; the month goes in the note."""
    with_value = rows[rows["value"].notna()].sort_values("time")
    latest = with_value.groupby("geo", as_index=False).tail(1).copy()
    latest["note"] = [phrase("month {month}", month=month) for month in latest["time"]]
    return latest


def _derive(store, ind: Indicator) -> pd.DataFrame:
    inputs = [_full(store, get(i)) for i in ind.derived.inputs]
    op = ind.derived.op
    if op == "change":
        return _change(inputs[0])
    inputs = [i.drop(columns="period") for i in inputs]
    left, right = inputs
    if op == "per_thousand":
        return _per_thousand(left, right)
    joined = left.merge(right[["geo", "time", "value", "flag"]], on=["geo", "time"], suffixes=("", "_b"))
    if op == "difference":
        joined["value"] = joined["value"] - joined["value_b"]
    elif op == "ratio":
        joined["value"] = np.where(joined["value_b"] > 0, joined["value"] / joined["value_b"] * 100, np.nan)
    else:
        raise ValueError(f"{ind.id}: unknown derivation {op!r}")
    joined["flag"] = [_merge_flags(a, b) for a, b in zip(joined["flag"], joined["flag_b"])]
    return joined.drop(columns=["value_b", "flag_b"])


def _per_thousand(counts: pd.DataFrame, population: pd.DataFrame) -> pd.DataFrame:
    """Counts per 1 000 inhabitants: population of the same year, else the latest earlier year (said in the note)."""
    pop = population[population["value"].notna()][["geo", "year", "value", "flag"]].rename(
        columns={"year": "pop_year", "value": "pop", "flag": "pop_flag"}).sort_values("pop_year")
    left = counts.dropna(subset=["year"]).sort_values("year").copy()
    left["year_key"] = left["year"].astype("int64")
    pop["pop_year"] = pop["pop_year"].astype("int64")
    joined = pd.merge_asof(left, pop, left_on="year_key", right_on="pop_year", by="geo", direction="backward")
    joined["value"] = joined["value"] / joined["pop"] * 1000
    joined["flag"] = [_merge_flags(a, b if isinstance(b, str) else "") for a, b in zip(joined["flag"], joined["pop_flag"])]
    older = joined["pop_year"].notna() & (joined["pop_year"] != joined["year_key"])
    joined["note"] = joined["note"].astype(object)
    joined.loc[older, "note"] = [_older_population(note, year) for note, year in
                                 zip(joined.loc[older, "note"], joined.loc[older, "pop_year"].astype(int))]
    return joined.drop(columns=["year_key", "pop_year", "pop", "pop_flag"])


def _older_population(note, year: int) -> Phrase | str:
    """The note saying the population is of an earlier year, after the count's own note if any: its month
    (monthly counts, the only ones with a note before this), said as one sentence."""
    if isinstance(note, Phrase) and note.template == "month {month}":
        return phrase("month {month} population of {year}", month=dict(note.fields)["month"], year=year)
    if not str(note).strip():
        return phrase("population of {year}", year=year)
    return f"{str(note).strip()} population of {year}"  # no other note comes here today: kept as it reads


def _change(series: pd.DataFrame) -> pd.DataFrame:
    """Latest minus first value with data, per region; the period goes in the note."""
    with_value = series[series["value"].notna() & series["year"].notna()].sort_values("year")
    grouped = with_value.groupby("geo")
    last = grouped.tail(1).set_index("geo")
    first = grouped.head(1).set_index("geo").reindex(last.index)
    out = last.copy()
    out["value"] = last["value"] - first["value"]
    out["flag"] = [_merge_flags(a, b) for a, b in zip(last["flag"], first["flag"])]
    out["change_period"] = first["year"].astype(int).astype(str) + "–" + last["year"].astype(int).astype(str)
    out["note"] = out["change_period"]
    out = out[first["year"] != last["year"]]  # one year only: no change to show
    return out.drop(columns="period").reset_index()


def _merge_flags(a: str, b: str) -> str:
    """The union of two flag strings, letters in a stable order ('' when neither has a flag)."""
    return "".join(sorted(set(a or "") | set(b or "")))


def named(store, rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` with a ``name`` column: the code's name in its own NUTS version, else in any, else the code."""
    def compute():
        regions = store.regions
        return ({(int(v), g): n for v, g, n in zip(regions["version"], regions["geo"], regions["name"])},
                dict(zip(regions["geo"], regions["name"])))
    names, any_version = store.memo.cached(("names",), compute)
    rows = rows.copy()
    rows["name"] = [
        AGGREGATE_NAMES.get(g) or (names.get((int(v), g)) if pd.notna(v) else None) or any_version.get(g) or g
        for g, v in zip(rows["geo"], rows["nuts_version"])
    ]
    return rows


def region_name(store, geo: str) -> str:
    """A region's name in any NUTS version (the code itself when no version names it)."""
    return named(store, pd.DataFrame({"geo": [geo], "nuts_version": [float("nan")]}))["name"].iloc[0]
