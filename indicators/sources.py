"""The sources-and-methods table, generated from the registry, the manifest and the store's provenance."""

from __future__ import annotations

import pandas as pd

from indicators import tables, wording
from indicators.registry import ENTRIES
from indicators.wording import Phrase, phrase
from loaders.manifest import BY_ID

DATABROWSER = "https://ec.europa.eu/eurostat/databrowser/view/{code}/default/table"
# How the atlas computes on top of the published values: shown on the sources page and in the PDF appendix, as
# (topic, paragraph) phrases; ``methods(number)`` writes the one example figure in a page's number format.
def methods(number=wording.number) -> tuple[tuple[Phrase, Phrase], ...]:
    return (
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
            "some regions (e.g. EL41 {example} ‰); every 2021 value says so.", example="−" + number(156.7, 1))),
    )


METHODS = methods()


def methods_table(store, words=str) -> pd.DataFrame:
    """One row per indicator: definition, dataset and link, years, coverage, caveats, licence, retrieval. Its words
    (the registry's and the coverage lines) are ``words(text)``: English by default, as in the CSV."""
    rows = []
    for ind in ENTRIES:
        levels = tables.levels(store, ind)
        years = tables.years(store, ind)
        coverage = []
        for level in levels:
            values, latest = tables.latest_values(store, ind, level)
            count = values["geo"].nunique() if level > 0 else tables.table(store, ind, level=0, year=latest)["value"].notna().sum()
            coverage.append(f"NUTS {level}: " + words(phrase("{count} in {year}", count=count, year=latest or "n/a")))
        retrieved = sorted(filter(None, (store.info["sources"].get(s, {}).get("retrieved_at") for s in ind.sources)))
        dataset = ind.dataset if ind.dataset and not ind.dataset.startswith(("ure_", "ryb", "unhcr")) else ""
        rows.append({
            "indicator": words(ind.label), "id": ind.id, "theme": words(ind.theme_label),
            "definition": words(ind.description), "unit": words(ind.unit), "dataset": ind.credit,
            "link": DATABROWSER.format(code=dataset) if dataset else "",
            "years": f"{years[0]}-{years[-1]}" if years else words(phrase("not stated")),
            "coverage": "; ".join(coverage), "caveats": " ".join(words(caveat) for caveat in ind.caveats),
            "licence": "; ".join(sorted({BY_ID[s].licence for s in ind.sources})),
            "retrieved": retrieved[-1][:10] if retrieved else "",
        })
    return pd.DataFrame(rows)
