"""The town page's CSV files (its circle figures, official figures and towns like yours): counts as whole
numbers, shares rounded as the page shows them, classes in words, and a ``source`` and ``licence`` column like
the project's other local CSV files."""

from __future__ import annotations

import pandas as pd

from dashboard.export.common import licence_line
from dashboard.export.csvs import to_csv_bytes
from indicators.places import local, similar_towns, urbanisation
from loaders.manifest import LICENCE_EUROSTAT, LICENCE_GISCO, LICENCE_INE

DECIMALS = 1  # the page, its briefing and the grid entries show one decimal (``local.MEASURES[…].decimals``)
GRID_LICENCE = licence_line(local.MEASURES["born_abroad"])
SIMILAR_SOURCE = "Source: Eurostat (Census 2021, 1 km grid; LAU 2020)"
_SHARES = ("born_abroad_pct", "born_outside_eu_pct", "moved_from_abroad_per_1000")


def figures(table: pd.DataFrame) -> bytes:
    """The circle figures beside region, country and EU (``town_answer.comparison``): a count row's value whole,
    a share's rounded; the internal ``count`` marker left out (the unit says what a value is)."""
    counts = table["count"].astype(bool)
    values = pd.to_numeric(table["value"], errors="coerce")
    shown = [None if pd.isna(v) else int(round(v)) if c else round(float(v), DECIMALS) for v, c in zip(values, counts)]
    out = table.drop(columns="count").assign(value=pd.Series(shown, index=table.index, dtype=object))
    return to_csv_bytes(out.assign(source=local.GRID_CREDIT, licence=GRID_LICENCE))


def official(rows: pd.DataFrame) -> bytes:
    """Official local figures (``town_official.town_official``): people whole, shares and distances rounded."""
    out = rows.assign(value=pd.to_numeric(rows["value"], errors="coerce").round(DECIMALS),
                      count=pd.to_numeric(rows["count"], errors="coerce").round().astype("Int64"),
                      population=pd.to_numeric(rows["population"], errors="coerce").round().astype("Int64"),
                      km=pd.to_numeric(rows["km"], errors="coerce").round(1))
    licence = rows["section"].map(lambda section: LICENCE_INE if section == "ine" else LICENCE_EUROSTAT)
    return to_csv_bytes(out.assign(licence=licence))


def similar(matches: pd.DataFrame) -> bytes:
    """Towns like yours (``similar_towns``): residents whole, shares as the page rounds them, the degree of
    urbanisation as its code and its words."""
    out = similar_towns.as_table(matches)
    degurba = pd.to_numeric(out["degurba"], errors="coerce").astype("Int64")
    out = out.assign(population=pd.to_numeric(out["population"], errors="coerce").round().astype("Int64"),
                     degurba=degurba, **{c: out[c].round(DECIMALS) for c in _SHARES})
    out.insert(out.columns.get_loc("degurba") + 1, "degurba_class",
               [str(urbanisation.ONE[int(d)]) if pd.notna(d) and int(d) in urbanisation.ONE else "" for d in degurba])
    return to_csv_bytes(out.assign(source=SIMILAR_SOURCE, licence=f"{LICENCE_EUROSTAT}; {LICENCE_GISCO}"))
