"""Per-source status: fetched or not, when, upstream update, rows, years, regions in the latest year, unmatched."""

from __future__ import annotations

import pandas as pd

from loaders import cache
from loaders.errors import StoreMissingError
from loaders.manifest import SOURCES
from loaders.store import load_store


def source_status() -> list[dict]:
    """One dict per manifest source; store figures are None when no store has been built."""
    try:
        store = load_store()
    except StoreMissingError:
        store = None
    per_source = _observation_figures(store.observations) if store is not None else {}
    unmatched = store.unmatched.groupby("source_id").size().to_dict() if store is not None else {}
    rows = []
    for source in SOURCES:
        side = cache.read_sidecar(source)
        present = side is not None and cache.raw_path(source).is_file()
        figures = per_source.get(source.id, {})
        built = store.info["sources"].get(source.id, {}) if store is not None else {}
        rows.append({
            "id": source.id, "present": present, "origin": side.get("origin") if side else None,
            "retrieved_at": side.get("retrieved_at") if side else None,
            "upstream_last_update": built.get("upstream_last_update") or (side or {}).get("upstream_last_update"),
            "rows": figures.get("rows", built.get("rows") or (side or {}).get("rows") or 0),
            "years": figures.get("years"), "regions_latest_year": figures.get("regions_latest_year"),
            "unmatched_codes": int(unmatched.get(source.id, 0)),
            "in_store": store is not None,
        })
    return rows


def _observation_figures(observations: pd.DataFrame) -> dict:
    figures = {}
    for source_id, frame in observations.groupby("source_id", observed=True):
        years = frame["year"].dropna()
        with_value = frame[frame["value"].notna() & frame["geo_kind"].isin(["region", "country"])]
        latest = int(with_value["year"].max()) if with_value["year"].notna().any() else None
        regions = with_value[with_value["year"] == latest]["geo"].nunique() if latest else with_value["geo"].nunique()
        figures[str(source_id)] = {
            "rows": int(len(frame)),
            "years": f"{int(years.min())}-{int(years.max())}" if len(years) else "not stated",
            "regions_latest_year": int(regions),
        }
    return figures


def format_table(rows: list[dict]) -> str:
    """A fixed-width text table for the terminal."""
    header = f"{'source':28} {'present':7} {'retrieved':25} {'upstream update':24} {'rows':>8} {'years':>10} {'latest':>6} {'unmatched':>9}"
    lines = [header, "-" * len(header)]
    for r in rows:
        lines.append(f"{r['id']:28} {'yes' if r['present'] else 'NO':7} {str(r['retrieved_at'] or '-'):25} "
                     f"{str(r['upstream_last_update'] or '-')[:24]:24} {r['rows'] or 0:>8,} {str(r['years'] or '-'):>10} "
                     f"{str(r['regions_latest_year'] if r['regions_latest_year'] is not None else '-'):>6} {r['unmatched_codes']:>9}")
    return "\n".join(lines)
