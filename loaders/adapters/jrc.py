"""JRC NUTS converter matrices: the pieces where regions of two NUTS versions intersect, with population."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from loaders.adapters.common import parse_numbers, read_csv_strings, require_columns
from loaders.errors import ParseError
from loaders.manifest import Source


def parse_jrc_converter(path: Path, source: Source) -> pd.DataFrame:
    """Columns ``level, from_version, to_version, from_code, to_code, pop21, pop11, area_km2`` (one row a piece)."""
    old, new = source.options["from"], source.options["to"]
    raw = read_csv_strings(path, source.id)
    require_columns(raw, [f"code_v{old}", f"code_v{new}", "pop21", "pop11", "areaKm"], source.id, "JRC matrix")
    frame = pd.DataFrame({
        "level": source.options["level"], "from_version": old, "to_version": new,
        "from_code": raw[f"code_v{old}"].str.strip(), "to_code": raw[f"code_v{new}"].str.strip(),
        "pop21": parse_numbers(raw["pop21"], source.id), "pop11": parse_numbers(raw["pop11"], source.id),
        "area_km2": parse_numbers(raw["areaKm"], source.id),
    })
    if (frame["from_code"] == "").any() or (frame["to_code"] == "").any():
        raise ParseError(source.id, "pieces without a region code")
    frame.attrs["last_update"] = None
    return frame
