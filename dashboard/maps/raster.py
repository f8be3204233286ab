"""Pieces of the 1 km grid maps in EPSG:3035 km: the cells as one image, drawn north up in browsers and kaleido
alike, and a scale bar."""

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


def scale_bar(x_range, y_range, inside: bool = True) -> dict:
    """A scale bar at the lower left of a map in EPSG:3035 km, about a fifth of its width (1, 2 or 5 × 10^k km):
    layout entries ``shapes`` and ``annotations``. ``inside=False`` sets it just under the map's extent, where it
    covers nothing (the axes then take it in). EPSG:3035 is equal-area: across Europe its lengths are within a few
    per cent; over a town's or a region's window they are exact to the pixel."""
    width, height = x_range[1] - x_range[0], y_range[1] - y_range[0]
    step = 10 ** np.floor(np.log10(width / 5))
    length = max(f * step for f in (1, 2, 5) if f * step <= width / 4 or f == 1)
    x0 = x_range[0] + 0.04 * width
    y0 = y_range[0] + (0.05 if inside else -0.06) * height
    tick = 0.012 * height
    lines = [(x0, y0, x0 + length, y0), (x0, y0 - tick, x0, y0 + tick), (x0 + length, y0 - tick, x0 + length, y0 + tick)]
    shapes = [dict(type="line", name="scale", xref="x", yref="y", x0=a, y0=b, x1=c, y1=d, layer="above",
                   line=dict(color=colour, width=w))
              for colour, w in (("white", 5), ("#222222", 2)) for a, b, c, d in lines]  # a white halo over the cells
    label = dict(name="scale", text=f"{length:g} km", x=x0 + length / 2, y=y0 + tick, xref="x", yref="y",
                 yanchor="bottom", showarrow=False, font=dict(size=11, color="#222222"), bgcolor="rgba(255,255,255,0.75)")
    return {"shapes": shapes, "annotations": [label]}
