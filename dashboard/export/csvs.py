"""CSV that opens cleanly in a spreadsheet (UTF-8 with BOM, point decimals, one header row), with a metadata
sidecar, for an indicator of any geography; text cells a spreadsheet would run as a formula are neutralised."""

from __future__ import annotations

import json

import pandas as pd

from dashboard.export.common import FLAG_LEGEND, PROJECT, generated, licence_line, retrieved
from indicators import entry_tables
from indicators.entries import get
from indicators.registry import GEOGRAPHIES
from loaders.manifest import BY_ID

COLUMNS = entry_tables.NUTS_COLUMNS
# what each column holds, for the sidecar: a NUTS table's, then the local tables' own
_NUTS_COLUMNS = {"geo": "NUTS or country code", "name": "region name", "level": "NUTS level (0 = country)",
                 "nuts_version": "NUTS classification version of the code", "year": "reference year",
                 "period": "what the value covers: the year, first–last year for a change, year-month for monthly data",
                 "value": "the figure, in the unit column", "flag": "Eurostat flag letters, empty if none",
                 "unit": "unit of the value", "source": "credit line"}
_LOCAL_COLUMNS = {"geo": "Urban Audit city code, municipality (GISCO LAU) id or NUTS 2 code", "name": "name",
                  "level": "what the code is: city, greater city, municipality, region", "country": "country code",
                  "year": "reference year", "value": "the figure, in the unit column; empty where not shown",
                  "flag": "flag letters as published, empty if none", "unit": "unit of the value",
                  "source": "credit line", "note": "how the value was computed, or why it is not shown",
                  "date": "report date", "verdict": "plausibility verdict, empty if none",
                  "rules": "the plausibility rules the published value breaks"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text):
    """Prefix a text cell that a spreadsheet would read as a formula with an apostrophe."""
    if isinstance(text, str) and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def to_csv_bytes(rows: pd.DataFrame) -> bytes:
    """The rows as spreadsheet-safe CSV bytes (only text columns are neutralised; numbers stay numbers)."""
    safe = rows.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            # element by element, kept as objects: Series.map would infer a column of whole and decimal numbers
            # (a town's counts beside its shares) as floats and write "12511.0"
            safe[column] = pd.Series([neutralise(v) for v in safe[column]], index=safe.index, dtype=object)
    return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def indicator_rows(store, indicator, level: int | None = None, year: int | None = None) -> pd.DataFrame:
    """The indicator's tidy rows (the table behind a chart or map), its geography's export columns only; a city,
    municipality or report-date row's ``source`` is the entry's credit line."""
    ind = get(indicator)
    out = entry_tables.rows(store, ind, level, year).copy()
    if ind.geography != "nuts":
        out["source"] = ind.credit
        return out
    out["level"] = out["level"].astype("Int64")
    out["nuts_version"] = out["nuts_version"].astype("Int64")
    out["year"] = out["year"].astype("Int64")
    return out


def metadata(store, indicator, level=None, year=None) -> dict:
    """The sidecar: what the CSV holds, where from, under which licence, what the flags mean."""
    ind = get(indicator)
    nuts = ind.geography == "nuts"
    by_source = {s: (store.info.get("sources", {}).get(s) or {}).get("retrieved_at") for s in ind.sources}
    local = {} if nuts else {"coverage": str(ind.coverage), "map_credit": ind.map_credit, "retrieved_by_source": by_source,
                             "licences": {s: BY_ID[s].licence for s in ind.sources}}
    columns = _NUTS_COLUMNS if nuts else _LOCAL_COLUMNS
    return {
        "title": ind.label, "indicator_id": ind.id, "geography": ind.geography, "definition": ind.description,
        "unit": ind.unit, "level": level if nuts else str(GEOGRAPHIES[ind.geography]), "year": year,
        "caveats": list(ind.caveats), "source": ind.credit,
        "datasets": getattr(ind, "dataset", "") or ", ".join(ind.sources), "sources": list(ind.sources),
        "retrieved": retrieved(store, ind), "licence": licence_line(ind), **local, "flags": FLAG_LEGEND,
        "generated": generated(), "generated_by": PROJECT,
        "columns": {c: columns[c] for c in entry_tables.rows(store, ind, level, year).columns},
    }


def metadata_bytes(store, indicator, level=None, year=None) -> bytes:
    return json.dumps(metadata(store, indicator, level, year), indent=2, ensure_ascii=False, default=str).encode("utf-8")
