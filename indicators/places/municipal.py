"""Spain's municipalities (INE 68538): shares of residents by place of birth, and the 2021-2024 trend."""

from __future__ import annotations

import pandas as pd

from indicators.text.wording import phrase
from loaders.city_tables import read

SOURCE = "INE (tabla 68538)"
CREDIT = "Fuente: INE (tabla 68538)"
# share id -> (label, INE place-of-birth groups summed as the numerator). A group not published makes the
# share empty: a missing part is never read as 0. Tables hold the label's phrase; pages say it (i18n.say).
GROUPS = {
    "born_abroad": (phrase("Born abroad"), ("EU_OTH", "EUR_OTH", "AFR", "AM_N", "AM_C", "AM_S", "ASI", "OCE")),
    "born_eu_other": (phrase("Born in another EU country"), ("EU_OTH",)),
    "born_europe_non_eu": (phrase("Born in the rest of Europe (outside the EU)"), ("EUR_OTH",)),
    "born_africa": (phrase("Born in Africa"), ("AFR",)),
    "born_americas": (phrase("Born in the Americas"), ("AM_N", "AM_C", "AM_S")),
    "born_asia": (phrase("Born in Asia"), ("ASI",)),
    "born_oceania": (phrase("Born in Oceania"), ("OCE",)),
}


def shares(store, group: str = "born_abroad") -> pd.DataFrame:
    """Every municipality (and province, and Spain as benchmarks) × year: share of residents born in ``group``."""
    return store.memo.cached(("local", "es_share", group), lambda: _shares(store, group))


def _shares(store, group: str = "born_abroad") -> pd.DataFrame:
    label, parts = GROUPS[group]
    table = read(store, "es_municipalities")
    count = table[list(parts)].sum(axis=1, min_count=len(parts))
    count = count.where(table[list(parts)].notna().all(axis=1))
    out = pd.DataFrame({
        "geo": table["area"], "gisco_id": table["gisco_id"], "name": table["name"],
        "level": table["kind"].map({"municipality": "lau", "province": "province", "country": "country"}),
        "country": "ES", "province": table["province"], "nuts3_2021": table["nuts3_2021"], "year": table["year"],
        "value": 100 * count / table["TOTAL"], "count": count, "population": table["TOTAL"], "flag": "",
        "unit": "% of residents", "source": SOURCE,
        "note": phrase("{label} (1 January; INE Estadística Continua de Población)", label=label),
        "lon": table["lon"], "lat": table["lat"],
    })
    return out


def trend(store, group: str = "born_abroad") -> pd.DataFrame:
    """Change in the share (percentage points) from the first to the last year of the table, per area."""
    rows = shares(store, group)
    first, last = rows["year"].min(), rows["year"].max()
    a = rows[rows["year"].eq(first)].set_index("geo")
    b = rows[rows["year"].eq(last)].set_index("geo")
    out = b.drop(columns=["value"]).join(a["value"].rename("first"), how="inner").join(b["value"])
    out["value"] = out["value"] - out["first"]
    out["unit"] = "percentage points"
    out["note"] = [phrase("change {first}-{last} in: {note}", first=first, last=last, note=note) for note in out["note"]]
    return out.drop(columns=["first"]).reset_index()


def for_municipality(store, gisco_id: str) -> pd.DataFrame:
    """One Spanish municipality (LAU id ``ES_#####``), every year: residents and the share of each place of birth.

    For the town page: the official figures come first, with ``Fuente: INE (tabla 68538)``.
    """
    code = gisco_id.removeprefix("ES_")
    frames = []
    for group in GROUPS:
        rows = shares(store, group)
        rows = rows[rows["geo"].eq(code) & rows["level"].eq("lau")]
        frames.append(rows[["geo", "gisco_id", "name", "year", "population", "value", "count"]].assign(group=group))
    out = pd.concat(frames, ignore_index=True)
    if out.empty:
        raise KeyError(f"no INE 68538 rows for {gisco_id!r} (Spanish municipalities only)")
    return out.assign(label=[GROUPS[g][0] for g in out["group"]], source=CREDIT)
