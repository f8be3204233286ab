"""CSV that opens cleanly in a spreadsheet (UTF-8 with BOM, point decimals, one header row), with a metadata
sidecar; text cells a spreadsheet would run as a formula are neutralised."""

from __future__ import annotations

import json

import pandas as pd

from dashboard.export.common import FLAG_LEGEND, PROJECT, generated, licence_line, retrieved
from indicators import tables
from indicators.registry import get

COLUMNS = ["geo", "name", "level", "nuts_version", "year", "period", "value", "flag", "unit", "source"]
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
            safe[column] = safe[column].map(neutralise)
    return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def indicator_rows(store, indicator, level: int | None = None, year: int | None = None) -> pd.DataFrame:
    """The indicator's tidy rows (the table behind a chart or map), export columns only."""
    rows = tables.table(store, get(indicator), level=level, year=year)
    out = rows[COLUMNS].copy()
    out["level"] = out["level"].astype("Int64")
    out["nuts_version"] = out["nuts_version"].astype("Int64")
    out["year"] = out["year"].astype("Int64")
    return out


def metadata(store, indicator, level=None, year=None) -> dict:
    """The sidecar: what the CSV holds, where from, under which licence, what the flags mean."""
    ind = get(indicator)
    return {
        "title": ind.label, "indicator_id": ind.id, "definition": ind.description, "unit": ind.unit,
        "level": level, "year": year, "caveats": list(ind.caveats), "source": ind.credit,
        "datasets": ind.dataset or ", ".join(ind.sources), "retrieved": retrieved(store, ind),
        "licence": licence_line(ind), "flags": FLAG_LEGEND, "generated": generated(), "generated_by": PROJECT,
        "columns": {"geo": "NUTS or country code", "name": "region name", "level": "NUTS level (0 = country)",
                    "nuts_version": "NUTS classification version of the code", "year": "reference year",
                    "period": "what the value covers: the year, first–last year for a change, year-month for monthly data",
                    "value": "the figure, in the unit column", "flag": "Eurostat flag letters, empty if none",
                    "unit": "unit of the value", "source": "credit line"},
    }


def metadata_bytes(store, indicator, level=None, year=None) -> bytes:
    return json.dumps(metadata(store, indicator, level, year), indent=2, ensure_ascii=False).encode("utf-8")
