"""The sources-and-methods table, generated from the registry, the manifest and the store's provenance."""

from __future__ import annotations

import pandas as pd

from indicators import tables
from indicators.registry import ENTRIES
from loaders.manifest import BY_ID

DATABROWSER = "https://ec.europa.eu/eurostat/databrowser/view/{code}/default/table"


def methods_table(store) -> pd.DataFrame:
    """One row per indicator: definition, dataset and link, years, coverage, caveats, licence, retrieval."""
    rows = []
    for ind in ENTRIES:
        levels = tables.levels(store, ind)
        years = tables.years(store, ind)
        coverage = []
        for level in levels:
            values, latest = tables.latest_values(store, ind, level)
            count = values["geo"].nunique() if level > 0 else tables.table(store, ind, level=0, year=latest)["value"].notna().sum()
            coverage.append(f"NUTS {level}: {count} in {latest or 'n/a'}")
        retrieved = sorted(filter(None, (store.info["sources"].get(s, {}).get("retrieved_at") for s in ind.sources)))
        dataset = ind.dataset if ind.dataset and not ind.dataset.startswith(("ure_", "ryb", "unhcr")) else ""
        rows.append({
            "indicator": ind.label, "id": ind.id, "theme": ind.theme_label, "definition": ind.description,
            "unit": ind.unit, "dataset": ind.credit, "link": DATABROWSER.format(code=dataset) if dataset else "",
            "years": f"{years[0]}-{years[-1]}" if years else "not stated", "coverage": "; ".join(coverage),
            "caveats": " ".join(ind.caveats), "licence": "; ".join(sorted({BY_ID[s].licence for s in ind.sources})),
            "retrieved": retrieved[-1][:10] if retrieved else "",
        })
    return pd.DataFrame(rows)
