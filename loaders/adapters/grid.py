"""Census 2021 1 km grid tiles (Parquet, one per 256 x 256 km tile) and the tiling's info.json."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from loaders.errors import ParseError
from loaders.manifest import Source

TILE_CELLS = 256  # cells per tile side (info.json: tileSizeCell)
CELL_M = 1000  # metres per cell (info.json: resolutionGeo)
COUNTS = ["T", "M", "F", "Y_LT15", "Y_1564", "Y_GE65", "EMP", "NAT", "EU_OTH", "OTH", "SAME", "CHG_IN", "CHG_OUT"]
WITHHELD = [f"{c}_CI" for c in COUNTS]  # 1 = the publisher withheld the value; the tile then holds 0 in its place
MAX_ODD_FLAGS = 5  # negative "not available" flags tolerated per tile (see parse_grid_tile)


def parse_grid_tile(path: Path, source: Source) -> pd.DataFrame:
    """One tile's populated cells with their lower-left corner in EPSG:3035 metres; refuses impossible cells."""
    xt, yt = source.options["xt"], source.options["yt"]
    cells = pd.read_parquet(path)
    missing = [c for c in ["x", "y", *COUNTS, *WITHHELD, "LAND_SURFACE"] if c not in cells.columns]
    if missing:
        raise ParseError(source.id, f"grid tile: missing column(s) {missing}")
    if cells.empty:
        raise ParseError(source.id, "grid tile has no cells")
    outside = ~cells["x"].between(0, TILE_CELLS - 1) | ~cells["y"].between(0, TILE_CELLS - 1)
    if outside.any():
        raise ParseError(source.id, f"{int(outside.sum())} cell(s) lie outside tile {xt}/{yt}")
    for column in COUNTS + WITHHELD:
        if not pd.api.types.is_integer_dtype(cells[column]):
            raise ParseError(source.id, f"grid column {column} is {cells[column].dtype}, not integer counts")
    negative = [c for c in COUNTS if (cells[c] < 0).any()]
    if negative:
        raise ParseError(source.id, f"negative counts in {negative}")
    bad_flags = [c for c in WITHHELD if (cells[c] > 1).any()]
    if bad_flags:
        raise ParseError(source.id, f"withheld flags other than 0/1 in {bad_flags}")
    # Quirk (seen 2026-11 in tile 20/15, one cell: CHG_OUT_CI = -9986): a negative flag is a "not available"
    # code that leaked through the re-publication. The value beside it is unknown, so it is read as withheld and
    # reported; more than a handful per tile would mean a broken file, which is refused.
    odd = [(int(i), c, int(cells.at[i, c])) for c in WITHHELD for i in cells.index[cells[c] < 0]]
    if len(odd) > MAX_ODD_FLAGS:
        raise ParseError(source.id, f"{len(odd)} withheld flags other than 0/1, e.g. {odd[:3]}")
    if cells.duplicated(["x", "y"]).any():
        raise ParseError(source.id, "the same cell appears twice")
    out = pd.DataFrame({
        "x": ((xt * TILE_CELLS + cells["x"]) * CELL_M).astype(np.int32),
        "y": ((yt * TILE_CELLS + cells["y"]) * CELL_M).astype(np.int32),
    })
    for column in COUNTS:
        out[column] = cells[column].astype(np.int32)
    for column in WITHHELD:
        out[column] = cells[column].ne(0)
    out.attrs["odd_flags"] = [{"x": int(out.at[i, "x"]), "y": int(out.at[i, "y"]), "column": c, "published": v,
                               "read_as": "withheld"} for i, c, v in odd]
    out["LAND_SURFACE"] = cells["LAND_SURFACE"].astype("float32")
    out.attrs["last_update"] = None
    return out


def parse_grid_info(path: Path, source: Source) -> pd.DataFrame:
    """The tiling's description; refuses a tiling other than the one the tile adapter assumes."""
    try:
        info = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ParseError(source.id, f"info.json is not JSON: {exc}") from exc
    expected = {"tileSizeCell": TILE_CELLS, "resolutionGeo": CELL_M, "originPoint": {"x": 0, "y": 0}}
    wrong = {k: info.get(k) for k, v in expected.items() if info.get(k) != v}
    if wrong:
        raise ParseError(source.id, f"unexpected tiling {wrong}; the tile adapter assumes {expected}")
    frame = pd.DataFrame([{"tile_cells": TILE_CELLS, "cell_m": CELL_M, **info.get("tilingBounds", {})}])
    frame.attrs["last_update"] = None
    return frame
