"""Exports of the local layer: CSV rows with the credit line in every row, and the metadata sidecar."""

from __future__ import annotations

import json

import pandas as pd

from dashboard.export.common import FLAG_LEGEND, PROJECT, generated
from dashboard.export.csvs import to_csv_bytes
from indicators import deep_dives
from loaders.manifest import SOURCES

COLUMNS = ["geo", "name", "level", "country", "year", "value", "flag", "unit", "source", "note"]
_LICENCES = {s.id: s.licence for s in SOURCES}


def rows(store, indicator_id: str, year: int | None = None) -> pd.DataFrame:
    """The indicator's rows as exported: values not shown stay empty, and ``source`` is the credit line."""
    ind = deep_dives.get(indicator_id)
    out = ind.rows(store)
    if year is not None:
        out = out[out["year"].eq(year)]
    extra = [c for c in ("date", "verdict", "rules") if c in out]
    out = out[COLUMNS + extra].copy()
    out["source"] = ind.credit
    return out


def csv_bytes(store, indicator_id: str, year: int | None = None) -> bytes:
    """Spreadsheet-safe CSV (UTF-8 with BOM) of the rows."""
    return to_csv_bytes(rows(store, indicator_id, year))


def metadata(store, indicator_id: str, year: int | None = None) -> dict:
    """The sidecar: definition, coverage, credit, licences, caveats."""
    ind = deep_dives.get(indicator_id)
    retrieved = {s: (store.info.get("sources", {}).get(s) or {}).get("retrieved_at") for s in ind.sources}
    return {"title": ind.label, "indicator_id": ind.id, "definition": ind.description, "unit": ind.unit,
            "level": deep_dives.LEVELS[ind.level], "coverage": ind.coverage, "year": year, "source": ind.credit,
            "map_credit": ind.map_credit, "sources": list(ind.sources), "retrieved": retrieved,
            "licences": {s: _LICENCES.get(s, "") for s in ind.sources}, "caveats": list(ind.caveats),
            "flags": FLAG_LEGEND, "generated": generated(), "generated_by": PROJECT}


def metadata_bytes(store, indicator_id: str, year: int | None = None) -> bytes:
    return json.dumps(metadata(store, indicator_id, year), indent=2, ensure_ascii=False, default=str).encode("utf-8")
