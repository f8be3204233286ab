"""A NUTS region's 1 km grid cells, coloured by a measure: the cells the store assigned to the region.

Each grid cell carries the NUTS 2021 region of its centre (inside the 1:20M polygon, or the nearest polygon
within 30 km), so a region's cells are one comparison of category codes: exact for that assignment and cheap.
Large regions are summed to 2 or 5 km blocks so the map stays small and legible; the block size is returned.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.places import local

# Longest side of the region's box (km) up to which a cell size is used: a 1 km cell is below a screen pixel
# beyond ~300 km, and the figure stays far under 600 KB.
SIZES_KM = ((300, 1), (700, 2))
COARSEST_KM = 5


def cell_size(width_km: float, height_km: float) -> int:
    """The block size (km) for a region whose cells span this box."""
    side = max(width_km, height_km)
    return next((size for limit, size in SIZES_KM if side <= limit), COARSEST_KM)


def region_index(store, geo: str) -> np.ndarray:
    """Row positions of the grid cells whose NUTS 2021 region (of the cell centre) is ``geo`` or inside it."""
    cells = local.grid(store)
    categories = cells["nuts_3"].cat.categories.astype(str)
    wanted = np.flatnonzero(categories.str.startswith(geo))
    return np.flatnonzero(np.isin(cells["nuts_3"].cat.codes.to_numpy(), wanted))


def region_cells(store, geo: str, measure: str) -> tuple[pd.DataFrame, int]:
    """The region's cells (or 2/5 km blocks of them) with value, class and status, and the block size in km.

    Columns: x, y (lower-left corner, EPSG:3035 m), residents, value, class, status (value, few residents, withheld),
    as for the town map; a block sums the known counts of its cells and is "few residents" under 20 residents.
    """
    cells = local.grid(store).iloc[region_index(store, geo)]
    if cells.empty:
        return local.cell_values(cells, measure, {}), 1
    size = cell_size((cells["x"].max() - cells["x"].min()) / 1000 + 1, (cells["y"].max() - cells["y"].min()) / 1000 + 1)
    missing = local.not_published(store)
    if size == 1:
        return local.cell_values(cells, measure, missing), 1
    return _blocks(cells, measure, missing, size), size


def _blocks(cells: pd.DataFrame, measure: str, missing: dict, size_km: int) -> pd.DataFrame:
    """Cells summed into ``size_km`` blocks, with the Europe view's rules (indicators.places.local.coarse_cells)."""
    entry = local.MEASURES[measure]
    numerator, denominator, scale, breaks = entry.numerator, entry.denominator, entry.scale, entry.breaks
    known = local._known(cells, denominator, missing) & ~local.withheld(cells, "T")
    step = size_km * 1000
    frame = pd.DataFrame({
        "x": cells["x"].to_numpy() // step * step, "y": cells["y"].to_numpy() // step * step,
        "residents": cells["T"].to_numpy(np.int64),  # a withheld total is 0 in the tile
        "base": np.where(known, sum(cells[c].to_numpy(np.int64) for c in denominator), 0),
        "part": np.where(known, sum(cells[c].to_numpy(np.int64) for c in numerator), 0)})
    out = frame.groupby(["x", "y"], sort=False).sum().reset_index()
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.where(out["base"] > 0, scale * out["part"] / out["base"].where(out["base"] > 0, 1), np.nan)
    status = np.where(out["base"] == 0, "withheld", np.where(out["residents"] < local.FEW_RESIDENTS, "few residents",
                                                              "value"))
    value = np.where(status == "value", value, np.nan)
    classes = np.where(status == "value", np.searchsorted(np.asarray(breaks), value, side="right"), -1)
    return pd.DataFrame({"x": out["x"], "y": out["y"], "residents": out["residents"], "value": value,
                         "class": classes, "status": status})
