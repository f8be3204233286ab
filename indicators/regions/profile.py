"""A region's profile: headline figures (with the level each comes from), trends, origins, what is missing."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from geodata.codes import level_of, parent
from indicators.text import caveats
from indicators.regions import lookup, tables
from indicators.regions.benchmarks import Benchmark, benchmarks
from indicators.regions.ranks import ranks
from indicators.registry import ENTRIES, get
from indicators.text.wording import Phrase, country_name

HEADLINE = ("foreign_born_share", "non_citizen_share", "foreign_born_share_change", "net_migration_rate",
            "unemployment_foreign_born", "unemployment_gap_foreign_born", "tertiary_gap_foreign_born",
            "low_education_gap_foreign_born", "employment_rate_20_64", "population",
            "employment_gap_citizenship", "asylum_applicants_per_1000")
TRENDS = ("foreign_born_share", "net_migration_rate", "unemployment_foreign_born", "tertiary_foreign_born")


@dataclass(frozen=True)
class Figure:
    """One headline number and everything needed to read it."""

    indicator: str
    geo: str  # the region, or the parent / country it comes from
    name: str
    level: int
    badge: str  # "NUTS 3", "NUTS 2", "NUTS 1" or "National context"
    value: float
    year: int | None
    period: str  # the year, first–last year of a change, or the month
    flag: str
    note: str | Phrase  # the table's note (a period, or a Phrase such as "converted from NUTS 2021 (JRC matrix)")
    nuts_version: int | None
    converted: bool  # brought into the region's NUTS version with the JRC matrix
    rank_country: int | None
    n_country: int | None
    tied_country: int | None  # regions sharing the rank (1 = not shared)
    rank_eu: int | None
    n_eu: int | None
    tied_eu: int | None
    country: Benchmark | None
    eu: Benchmark | None
    caveat: str = ""  # what a reader must know beside this number (census adjustment, 15+ population)
    other_period: bool = False  # ranked among values that mostly cover another period (changes over years)


def badge(level: int) -> str:
    return "National context" if level == 0 else f"NUTS {level}"


def headline(store, geo: str, indicator_ids=HEADLINE) -> list[Figure]:
    """For each indicator, the value at the region's own level, else its nearest parent's, else national."""
    out = []
    for indicator_id in indicator_ids:
        figure = _figure(store, get(indicator_id), geo)
        if figure is not None:
            out.append(figure)
    return out


def _figure(store, ind, geo: str) -> Figure | None:
    found = lookup.nearest(store, ind, geo)
    if found is None:
        return None
    row, code, level, year = found.row, found.geo, found.level, found.year
    mine = pd.DataFrame()
    if level > 0 and not found.converted:  # a converted value is not among the published ones it would rank with
        ranked = ranks(store, ind, level, year)
        mine = ranked[ranked["geo"] == code]
    bench = benchmarks(store, ind, level, year, code[:2]) if level > 0 else {}

    def pick(column):
        return int(mine[column].iloc[0]) if len(mine) and pd.notna(mine[column].iloc[0]) else None

    version = row.get("nuts_version")
    return Figure(ind.id, code, str(row["name"]), level, badge(level), float(row["value"]), year,
                  str(row.get("period", "") or ""), str(row["flag"] or ""), _note(row.get("note", "")),
                  int(version) if pd.notna(version) else None, found.converted,
                  pick("rank_country"), pick("n_country"), pick("tied_country"), pick("rank_eu"), pick("n_eu"),
                  pick("tied_eu"), bench.get("country"), bench.get("EU"), caveats.beside(ind, year, row),
                  bool(len(mine) and mine["other_period"].iloc[0]))


def _note(note) -> str | Phrase:
    """A table row's note as it is: a Phrase stays one (the page says it in its language), the rest as text."""
    return note if isinstance(note, Phrase) else str(note or "")


def as_json(store, geo: str, lang: str = "en") -> dict:
    """The headline figures exactly as the profile and the briefing show them, plus the summary (for the CLI)."""
    from indicators.text.summary import summary
    from indicators.text.wording import said

    figures = []
    for f in headline(store, geo):
        figures.append({
            "indicator": f.indicator, "value": f.value, "unit": get(f.indicator).unit, "period": f.period,
            "year": f.year, "flag": f.flag, "level": f.level, "geo": f.geo, "nuts_version": f.nuts_version,
            "converted": f.converted, "caveat": str(f.caveat), "other_period": f.other_period,
            "rank": {"country": {"rank": f.rank_country, "of": f.n_country, "tied": f.tied_country, "scope": f.geo[:2]},
                     "EU": {"rank": f.rank_eu, "of": f.n_eu, "tied": f.tied_eu, "scope": "EU27"}},
            "benchmarks": {scope: (None if b is None else {
                "value": b.value, "method": b.method, "label": str(b.label), "weighted_by": b.weighted_by,
                "regions": b.regions, "countries": b.countries, "level": b.level})
                for scope, b in (("country", f.country), ("EU", f.eu))},
        })
    return {"geo": geo, "level": level_of(geo), "nuts_version": lookup.drawn_version(store, geo),
            "figures": figures, "summary": said(summary(store, geo), lang)}


def trend(store, indicator, geo: str) -> pd.DataFrame:
    """The region's series (or its nearest parent's) with its country's, for small multiples."""
    ind = get(indicator)
    for level in range(level_of(geo), -1, -1):
        if level not in ind.levels:
            continue
        rows = tables.table(store, ind, level=level)
        series = rows[(rows["geo"] == parent(geo, level)) & rows["value"].notna() & rows["year"].notna()]
        if len(series) >= 2:
            return series[["geo", "name", "year", "value", "flag"]]
    return pd.DataFrame(columns=["geo", "name", "year", "value", "flag"])


def origins(store, geo: str, n: int = 10) -> pd.DataFrame:
    """Top countries of birth (Census 2021) of the region's NUTS-2 area, largest first."""
    level = level_of(geo)
    if level is None or level < 2:
        return pd.DataFrame(columns=["country of birth", "people", "region"])
    code = parent(geo, 2)
    o = store.observations
    rows = o[(o["dataset"] == "cens_21cob_r3") & (o["geo"] == code) & o["value"].notna()]
    rows = rows.sort_values("value", ascending=False).head(n)
    # Census codes are ISO alpha-2 (GR, GB); named in English by CLDR, as every country name is (pages: in theirs)
    return pd.DataFrame({"country of birth": [country_name(c) for c in rows["c_birth"].astype(str)],
                         "code": rows["c_birth"].astype(str), "people": rows["value"].astype(int),
                         "region": code}).reset_index(drop=True)


def missing(store, geo: str) -> dict[str, list[str]]:
    """Indicators by availability for the region: own level, only a higher level, or none at all."""
    version = lookup.drawn_version(store, geo)
    own_level = level_of(geo)
    result = {"own level": [], "higher level only": [], "not at all": []}
    for ind in ENTRIES:
        if ind.scope == "national" and own_level != 0:
            continue
        found = None
        for level in range(own_level, -1, -1):
            if level not in ind.levels:
                continue
            rows = lookup.region_rows(store, ind, level, parent(geo, level), version)
            if rows["value"].notna().any():
                found = level
                break
        key = "own level" if found == own_level else "higher level only" if found is not None else "not at all"
        result[key].append(ind.id)
    return result


def search_options(store) -> pd.DataFrame:
    """Every region and country once (newest version), for the picker: geo, name, level, label."""
    def compute():
        r = store.regions[store.regions["has_geometry"]].sort_values("version").drop_duplicates("geo", keep="last")
        r = r[~r["geo"].str.endswith("Z")]
        r = r.sort_values(["level", "name"])
        return pd.DataFrame({"geo": r["geo"], "name": r["name"], "level": r["level"],
                             "label": r["name"] + " (" + r["geo"] + ") · " + r["level"].map(badge)})
    return store.memo.cached(("search_options",), compute)
