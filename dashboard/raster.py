"""Classed grid cells as one plotly image trace in EPSG:3035 km, drawn the same way up in browsers and kaleido."""

from __future__ import annotations

import base64
import io

import numpy as np
import plotly.graph_objects as go
from PIL import Image

# A y axis for a map with a raster: north up. An image trace left to autorange reverses the y axis.
NORTH_UP = dict(autorange=True)


def cells_image(col, row, code, palette: np.ndarray, size_km: float, **trace) -> go.Image:
    """Cells at integer (``col``, ``row``) of ``size_km`` each, coloured ``palette[code]``, as a PNG image trace;
    cells not listed stay transparent.

    The PNG's first row is the southernmost and ``dy`` is positive: a browser draws a source image's first row at
    the lowest y whatever the sign of ``dy`` (plotly.js's fast path, used when the browser supports pixelated
    images), kaleido draws row j at ``y0 + j * dy``; only this way round do both draw north up.
    """
    col, row = np.asarray(col, dtype=int), np.asarray(row, dtype=int)
    col0, row0 = int(col.min()), int(row.min())
    rgba = np.zeros((int(row.max()) - row0 + 1, int(col.max()) - col0 + 1, 4), dtype=np.uint8)
    rgba[row - row0, col - col0, :3] = palette[np.asarray(code, dtype=int)]
    rgba[row - row0, col - col0, 3] = 255
    png = io.BytesIO()
    Image.fromarray(rgba, "RGBA").save(png, format="PNG", optimize=True)
    return go.Image(source="data:image/png;base64," + base64.b64encode(png.getvalue()).decode("ascii"),
                    x0=col0 * size_km + size_km / 2, dx=size_km, y0=row0 * size_km + size_km / 2, dy=size_km,
                    **trace)
