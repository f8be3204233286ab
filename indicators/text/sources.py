"""The sources-and-methods tables (every indicator of every geography, and every file they come from), generated
from the registry, the manifest and the store's provenance."""

from __future__ import annotations

import pandas as pd

from indicators import entry_tables
from indicators.regions import tables
from indicators.entries import every
from indicators.registry import GEOGRAPHIES, Indicator
from indicators.text.wording import Number, Phrase, phrase
from loaders.manifest import BY_ID, EUROSTAT_API, SOURCES

DATABROWSER = "https://ec.europa.eu/eurostat/databrowser/view/{code}/default/table"
# How the atlas computes on top of the published values: shown on the sources page and in the PDF appendix, as
# (topic, paragraph) phrases, said in the reader's language (numbers too) where they are shown.
METHODS: tuple[tuple[Phrase, Phrase], ...] = (
    (phrase("Ranks"), phrase(
        "Regions are ranked 1 = highest within their country and within the EU27, on the values as published "
        "(rounded to the indicator's decimals). Equal values share a rank and the next rank skips (standard "
        "competition ranking): two regions sharing the top value are both \"=1\" and the next is 3; summaries say "
        "\"joint\". Missing or suppressed values are not ranked and never count as 0.")),
    (phrase("Regions and NUTS versions"), phrase(
        "A ranking, a benchmark or a year's map holds one NUTS version per country, so a code and its successor "
        "are never both in it. The most-affected score puts every region in the version its country is drawn in "
        "(the newest with boundaries); values published in another version are converted with the JRC NUTS "
        "converter and marked converted. Each indicator is scaled over every EU-27 region of the level, so "
        "filters select regions and never change a score.")),
    (phrase("Flags"), phrase(
        "Flags are kept as published. Values flagged low reliability (u) are ranked and keep their flag in every "
        "table, card, sentence and map ring; the card and the summary say \"low reliability\" beside them.")),
    (phrase("Benchmarks"), phrase(
        "The published country or EU27 row of the same dataset comes first. Otherwise the value is computed from "
        "the regions: counts are summed; rates and shares are averaged, weighted by their own denominator where "
        "the data hold it (the LFS population aged 15+ for LFS shares) and otherwise by the population of the "
        "same region code in the same year (the nearest year when that one is missing). A computed value is "
        "called the EU (or the country) only when every member state (every region) is in it; otherwise one "
        "level up is tried, and failing that it is labelled \"computed from N regions in K of 27 countries\". A "
        "regional share of the LFS population aged 15+ is compared only with the same 15+ share of its country, "
        "never with an all-ages share.")),
    (phrase("Periods"), phrase(
        "Every value carries the period it covers (the year; first and last year for a change; the month for "
        "monthly data) in tables, hovers and CSV files. A map or ranking whose values cover different periods "
        "says so, and marks the values of another period than most.")),
    (phrase("Net migration in 2021"), phrase(
        "Net migration includes a statistical adjustment, so the 2021 census revisions show up as migration in "
        "some regions (e.g. EL41 −{example} ‰); every 2021 value says so.", example=Number(156.7, 1))),
)


def methods_table(store, words=str) -> pd.DataFrame:
    """One row per indicator of every geography: definition, dataset and link, years, coverage, caveats, licence,
    retrieval. Its words (the registry's and the coverage lines) are ``words(text)``: English by default, as in
    the CSV."""
    rows = []
    for ind in every():
        levels, years = entry_tables.held(store, ind)
        rows.append({
            "indicator": words(ind.label), "id": ind.id, "geography": words(GEOGRAPHIES[ind.geography]),
            "theme": words(ind.theme_label) if isinstance(ind, Indicator) else "",
            "definition": words(ind.description), "unit": words(ind.unit), "dataset": ind.credit,
            "link": _link(ind), "years": f"{years[0]}-{years[-1]}" if years else words(phrase("not stated")),
            "coverage": _coverage(store, ind, levels, words), "caveats": " ".join(words(c) for c in ind.caveats),
            "licence": "; ".join(sorted({BY_ID[s].licence for s in ind.sources})),
            "retrieved": _retrieved(store, ind.sources),
        })
    return pd.DataFrame(rows)


# Files the app reads for every map and page rather than for one indicator: what each is for (phrases)
_BOUNDARIES = phrase("region boundaries of the maps")
REFERENCE = {
    **{f"gisco_nuts2021_l{level}": _BOUNDARIES for level in range(4)}, "gisco_nuts2024": _BOUNDARIES,
    "gisco_countries": phrase("countries around the maps, and country names"),
    "nuts_2021_workbook": phrase("NUTS codes, names, changes and NUTS 3 types"),
    "nuts_2024_workbook": phrase("NUTS codes, names, changes and NUTS 3 types"),
    **{s.id: phrase("values converted between NUTS versions") for s in SOURCES if s.adapter == "jrc_converter"},
    "lau_2020": phrase("every municipality of the town page: name, centre, population, NUTS 3"),
    "lau_2019": phrase("the degree of urbanisation of the town page's municipalities"),
}


def sources_table(store, words=str) -> pd.DataFrame:
    """One row per file the app shows figures from (the registry's sources and the files every map reads), the
    Census grid's tiles as one row: what it is used for, credit and licence as published, retrieval date."""
    used: dict[str, list] = {}
    for ind in every():
        for source in dict.fromkeys((*ind.sources, *getattr(ind, "source_by_level", {}).values())):
            used.setdefault(source, []).append(words(ind.short_label))
    for source, purpose in REFERENCE.items():
        used.setdefault(source, []).insert(0, words(purpose))
    tiles = [s.id for s in SOURCES if s.adapter == "grid_tile"]
    rows = []
    for source in SOURCES:
        if source.id not in used or source.id in tiles:
            continue
        ids = [source.id, *tiles] if source.adapter == "grid_info" else [source.id]
        name = words(phrase("{source} and {count} tiles", source=source.id, count=len(tiles))) if len(ids) > 1 \
            else source.id
        rows.append({"source": name, "used for": "; ".join(dict.fromkeys(used[source.id])),
                     "credit": source.credit, "licence": source.licence, "retrieved": _retrieved(store, ids)})
    return pd.DataFrame(rows)


def shown_sources() -> set[str]:
    """The manifest ids of every file the sources table lists (the grid's tiles included)."""
    ids = set(REFERENCE)
    for ind in every():
        ids.update(ind.sources, getattr(ind, "source_by_level", {}).values())
    return ids


def _link(ind) -> str:
    """The Eurostat data browser's page of the entry's dataset, where it has one."""
    if isinstance(ind, Indicator):
        dataset = ind.dataset if ind.dataset and not ind.dataset.startswith(("ure_", "ryb", "unhcr")) else ""
    else:  # the entry's main source, when Eurostat's dissemination API publishes it
        main = BY_ID[ind.sources[0]]
        dataset = main.dataset if main.dataset and main.url.startswith(EUROSTAT_API) else ""
    return DATABROWSER.format(code=dataset) if dataset else ""


# the ``level`` a local entry's rows give its own places (the other rows are benchmarks: country, province)
_OWN_LEVEL = {"city": "city", "lau": "lau", "nuts2_report": 2}


def _coverage(store, ind, levels, words) -> str:
    """How many places have a value in the latest year, per level ('NUTS 2: 240 in 2023'); where a local entry
    has data."""
    if isinstance(ind, Indicator):
        coverage = []
        for level in levels:
            values, latest = tables.latest_values(store, ind, level)
            count = values["geo"].nunique() if level > 0 else tables.table(store, ind, level=0, year=latest)["value"].notna().sum()
            coverage.append(f"NUTS {level}: " + words(phrase("{count} in {year}", count=count, year=latest or "n/a")))
        return "; ".join(coverage)
    where = words(ind.coverage)
    if ind.geography == "grid":
        return where
    found = ind.rows(store)
    found = found[found["level"].eq(_OWN_LEVEL[ind.geography]) & found["value"].notna()]
    latest = found["year"].max() if len(found) else None
    count = found.loc[found["year"].eq(latest), "geo"].nunique() if latest is not None else 0
    return words(phrase("{count} in {year}", count=count, year=int(latest) if latest is not None else "n/a")) + \
        f" ({where})"


def _retrieved(store, sources) -> str:
    """The latest retrieval date of the files (YYYY-MM-DD), empty when none was fetched."""
    dates = sorted(filter(None, (store.info["sources"].get(s, {}).get("retrieved_at") for s in sources)))
    return dates[-1][:10] if dates else ""
