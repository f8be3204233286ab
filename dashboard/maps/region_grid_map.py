"""A region's 1 km grid map (pure plotly + Pillow): its cells as one raster in EPSG:3035, the generalised outline."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.colors import hex_to_rgb, sample_colorscale, unlabel_rgb

from dashboard.maps.figures import FONT, SEQUENTIAL
from dashboard.i18n import say, tr
from dashboard.maps.local_map import ATTRIBUTION, FEW_COLOUR, GRID_SOURCE, PROJECT, WITHHELD_COLOUR
from dashboard.maps.raster import NORTH_UP, cells_image, scale_bar
from indicators.places import local, region_grid


def outline(lang: str) -> str:
    """What the region's outline is drawn from, in ``lang``."""
    return tr("outline: GISCO 1:20 million, generalised", lang)


def region_grid_map(store, geo: str, name: str, measure: str = "born_abroad",
                    lang: str = "en") -> tuple[go.Figure | None, int]:
    """The region's cells (or 2/5 km blocks) coloured like the town map, and the block size; None without cells.
    Words in ``lang``; the source line as published."""
    cells, size = region_grid.region_cells(store, geo, measure)
    if cells.empty:
        return None, size
    entry = local.MEASURES[measure]
    label, unit, breaks = say(entry.label, lang), say(entry.unit, lang), entry.breaks
    k = len(breaks) + 1
    colours = [tuple(int(round(float(v))) for v in unlabel_rgb(c)) for c in
               sample_colorscale(SEQUENTIAL, [0.1 + 0.9 * i / (k - 1) for i in range(k)])]
    palette = np.array(colours + [hex_to_rgb(FEW_COLOUR), hex_to_rgb(WITHHELD_COLOUR)], dtype=np.uint8)
    code = np.where(cells["status"] == "value", cells["class"], np.where(cells["status"] == "few residents", k, k + 1))
    step = size * 1000
    fig = go.Figure(cells_image(cells["x"].to_numpy() // step, cells["y"].to_numpy() // step, code, palette, size,
                                hoverinfo="skip", name=tr("{size} km cells", lang, size=size)))
    xs, ys = _outline(store, geo)
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(color="#333", width=1), hoverinfo="skip",
                             name=outline(lang), showlegend=False))
    legend = [f"{a}–{b}" for a, b in zip((0,) + tuple(breaks), breaks)] + [
        f"≥ {breaks[-1]}", tr("few residents (< {count})", lang, count=local.FEW_RESIDENTS),
        tr("withheld / not published", lang)]
    for text, colour in zip(legend, palette):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=text, showlegend=True,
                                 marker=dict(size=10, symbol="square", color=f"rgb{tuple(int(v) for v in colour)}")))
    summed = "" if size == 1 else tr(", summed to {size} km by the project", lang, size=size)
    extent = [(min(v for v in vs if v is not None), max(v for v in vs if v is not None)) for vs in (xs, ys)]
    bar = scale_bar(*extent, inside=False)  # under the outline: the cells fill it
    fig.update_layout(
        shapes=bar["shapes"], title=dict(text=tr("{measure} ({unit}) · {name}: {size} km cells (Census 2021)", lang, measure=label,
                           unit=unit, name=name, size=size)), font=FONT, height=620,
        margin=dict(l=10, r=10, t=50, b=70), plot_bgcolor="white", legend=dict(title=dict(text=unit)),
        xaxis=dict(visible=False), yaxis=dict(NORTH_UP, visible=False, scaleanchor="x", scaleratio=1),
        annotations=[dict(text=f"{say(GRID_SOURCE, lang)}{summed} · {outline(lang)} · {ATTRIBUTION} · EPSG:3035 · {PROJECT}",
                          showarrow=False, xref="paper", yref="paper", x=0, y=-0.02, xanchor="left", yanchor="top",
                          font=dict(size=11, color="#444")), *bar["annotations"]])
    return fig, size


def _outline(store, geo: str) -> tuple[list, list]:
    """The region's NUTS 2021 boundary (GISCO 1:20M) in EPSG:3035 km, one line trace."""
    every = store.memo.cached(("dashboard", "regions_2021_3035"), lambda: store.regions_geometry(2021).to_crs(3035))
    shapes = every[every["geo"] == geo]
    xs, ys = [], []
    for geom in shapes.geometry.boundary:
        for line in getattr(geom, "geoms", [geom]):
            x, y = line.xy
            xs += [round(v / 1000, 2) for v in x] + [None]
            ys += [round(v / 1000, 2) for v in y] + [None]
    return xs, ys
