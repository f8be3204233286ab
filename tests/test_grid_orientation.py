"""1 km grid rasters are drawn north up, as a browser draws plotly image traces: known cells land in their country."""

from __future__ import annotations

import base64
import io

import numpy as np
import pytest
import shapely
import shapely.affinity
from PIL import Image
from pyproj import Transformer

from dashboard.maps.europe_grid import SIZE_KM, europe_figure
from dashboard.maps.region_grid_map import region_grid_map
from indicators.places import local

# (name, country, lon, lat): cities in three corners of the grid
CITIES = (("Lisbon", "PT", -9.139, 38.722), ("Helsinki", "FI", 24.941, 60.170), ("Nicosia", "CY", 33.382, 35.166))


def _pixels(trace) -> np.ndarray:
    return np.array(Image.open(io.BytesIO(base64.b64decode(trace.source.split(",", 1)[1]))).convert("RGBA"))


def _as_drawn(trace, height: int, y: float, browser: bool) -> int:
    """The image row drawn at northing ``y``. A browser (plotly.js's fast path for a source image) puts the
    PNG's first row at the lowest y of the image's extent whatever the sign of dy or the axis' direction;
    kaleido (an exported plot: the canvas path) draws row j at y0 + j * dy."""
    if browser:
        low = min(trace.y0 - trace.dy / 2, trace.y0 - trace.dy / 2 + height * trace.dy)
        return int(np.floor((y - low) / abs(trace.dy)))
    return int(np.round((y - trace.y0) / trace.dy))


def _north_up(fig) -> None:
    """The y axis grows upwards on screen (an image trace left to autorange reverses it)."""
    axis = fig.layout.yaxis
    if axis.autorange is False:
        assert axis.range[1] > axis.range[0]
    else:
        assert axis.autorange is True


def _outline_polygons(trace):
    """The figure's outline trace (rings split by None) as polygons."""
    parts, current = [], []
    for x, y in zip(trace.x, trace.y):
        if x is None:
            if len(current) > 3:  # each part is a closed ring of one country's boundary
                parts.append(shapely.make_valid(shapely.Polygon(current)))
            current = []
        else:
            current.append((x, y))
    return parts


@pytest.mark.parametrize("in_browser", [True, False], ids=["browser", "kaleido"])
def test_known_cells_are_drawn_in_their_own_country_on_the_europe_grid(store, in_browser):
    fig = europe_figure(store, "born_abroad")
    _north_up(fig)
    image = fig.data[0]
    pixels = _pixels(image)
    legend = [t for t in fig.data if t.type == "scatter" and t.showlegend]
    colours = [tuple(int(v) for v in t.marker.color[4:-1].split(",")) for t in legend]
    cells = local.coarse_cells(store, "born_abroad", SIZE_KM).set_index(["col", "row"])
    outlines = _outline_polygons(next(t for t in fig.data if t.name == "countries"))
    countries = store.regions_geometry(2021)
    countries = countries[countries["level"] == 0].set_index("geo").to_crs(3035)
    to_3035 = Transformer.from_crs(4326, 3035, always_xy=True)
    for name, country, lon, lat in CITIES:
        x, y = (v / 1000 for v in to_3035.transform(lon, lat))
        own = shapely.affinity.scale(countries.loc[country].geometry, 0.001, 0.001, origin=(0, 0))  # km
        # the outline is simplified to 2 km: a coastal city may sit just outside it
        nearest = min(outlines, key=lambda p: p.distance(shapely.Point(x, y)))
        assert nearest.distance(shapely.Point(x, y)) < 3 and own.contains(nearest.representative_point()), (
            f"{name} is not inside {country}'s outline")
        col, row = int(x // SIZE_KM), int(y // SIZE_KM)
        for dc in (-1, 0, 1):  # the city's cell and its neighbours: one matching colour could be chance
            for dr in (-1, 0, 1):
                cx, cy = (col + dc + 0.5) * SIZE_KM, (row + dr + 0.5) * SIZE_KM
                r = _as_drawn(image, pixels.shape[0], cy, in_browser)
                c = int(np.floor((cx - (image.x0 - image.dx / 2)) / image.dx))
                if (col + dc, row + dr) not in cells.index:  # nobody lives there (sea, a river): left clear
                    assert pixels[r, c, 3] == 0, f"{name}: an empty cell at ({cx}, {cy}) km is drawn coloured"
                    continue
                cell = cells.loc[(col + dc, row + dr)]
                code = int(cell["class"]) if cell["status"] == "value" else (
                    len(colours) - 2 if cell["status"] == "few residents" else len(colours) - 1)
                assert pixels[r, c, 3] == 255 and tuple(pixels[r, c, :3]) == colours[code], (
                    f"{name}: the cell at ({cx}, {cy}) km is drawn in another cell's colour")


@pytest.mark.parametrize("in_browser", [True, False], ids=["browser", "kaleido"])
def test_a_region_grid_map_draws_its_cells_inside_its_outline(store, in_browser):
    fig, size = region_grid_map(store, "AT126", "AT126")
    _north_up(fig)
    image = fig.data[0]
    pixels = _pixels(image)
    outline = shapely.unary_union(_outline_polygons(fig.data[1]))
    opaque = np.argwhere(pixels[:, :, 3] == 255)
    low = min(image.y0 - image.dy / 2, image.y0 - image.dy / 2 + pixels.shape[0] * image.dy)
    ys = (low + (opaque[:, 0] + 0.5) * abs(image.dy)) if in_browser else image.y0 + opaque[:, 0] * image.dy
    xs = image.x0 + opaque[:, 1] * image.dx
    inside = shapely.contains_xy(outline.buffer(1.5), xs, ys)
    assert inside.mean() > 0.98, f"only {inside.mean():.0%} of the region's cells are drawn inside its outline"
