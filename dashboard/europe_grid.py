"""Europe from the 1 km grid, summed to 5 km cells, as one raster image in EPSG:3035 (pure plotly + Pillow)."""

from __future__ import annotations

import base64
import io

import numpy as np
import plotly.graph_objects as go
from PIL import Image
from plotly.colors import hex_to_rgb, sample_colorscale, unlabel_rgb

from dashboard.figures import FONT, SEQUENTIAL
from dashboard.i18n import credit, say, tr
from dashboard.local_map import ATTRIBUTION, FEW_COLOUR, GRID_SOURCE, PROJECT, WITHHELD_COLOUR
from indicators import local

SIZE_KM = 5
VIEW_X_KM, VIEW_Y_KM = (2500, 6600), (1350, 5450)
TOWN_MIN_POPULATION = 100_000  # towns marked for clicking through to their page


def europe_figure(store, measure: str, lang: str = "en") -> go.Figure:
    """The 5 km raster with country outlines and clickable large towns, words in ``lang`` (the source line as
    published); built once per store, measure and language.

    The same figure object is returned each time (rebuilding it from a dict costs more than drawing it): do not
    change it in place.
    """
    def compute():
        entry = local.MEASURES[measure]
        label, unit, breaks = say(entry.label, lang), say(entry.unit, lang), entry.breaks
        cells = local.coarse_cells(store, measure, SIZE_KM)
        k = len(breaks) + 1
        colours = [tuple(int(round(float(v))) for v in unlabel_rgb(c)) for c in
                   sample_colorscale(SEQUENTIAL, [0.1 + 0.9 * i / (k - 1) for i in range(k)])]
        palette = np.array(colours + [hex_to_rgb(FEW_COLOUR), hex_to_rgb(WITHHELD_COLOUR)], dtype=np.uint8)
        code = np.where(cells["status"] == "value", cells["class"], np.where(cells["status"] == "few residents", k, k + 1))
        col0, row1 = int(cells["col"].min()), int(cells["row"].max())
        width, height = int(cells["col"].max()) - col0 + 1, row1 - int(cells["row"].min()) + 1
        rgba = np.zeros((height, width, 4), dtype=np.uint8)  # transparent where nobody lives
        r, c = row1 - cells["row"].to_numpy(), cells["col"].to_numpy() - col0
        rgba[r, c, :3] = palette[code.astype(int)]
        rgba[r, c, 3] = 255
        png = io.BytesIO()
        Image.fromarray(rgba, "RGBA").save(png, format="PNG", optimize=True)
        source = "data:image/png;base64," + base64.b64encode(png.getvalue()).decode("ascii")
        fig = go.Figure(go.Image(source=source, x0=col0 * SIZE_KM + SIZE_KM / 2, dx=SIZE_KM,
                                 y0=row1 * SIZE_KM + SIZE_KM / 2, dy=-SIZE_KM, hoverinfo="skip"))
        outline_x, outline_y = _outlines(store)
        fig.add_trace(go.Scatter(x=outline_x, y=outline_y, mode="lines", line=dict(color="#555", width=0.6),
                                 hoverinfo="skip", name="countries", showlegend=False))
        towns = store.local("municipalities")
        big = towns[(towns["population"] >= TOWN_MIN_POPULATION) & towns["country"].isin(local.GRID_COUNTRIES)]
        fig.add_trace(go.Scatter(x=(big["x"] / 1000).round(1), y=(big["y"] / 1000).round(1), mode="markers",
                                 customdata=big["gisco_id"], text=big["name"], hovertemplate="%{text}<extra></extra>",
                                 marker=dict(size=3, color="rgba(0,0,0,0.25)"), name="towns", showlegend=False))
        legend = [f"{a}–{b}" for a, b in zip((0,) + tuple(breaks), breaks)] + [
            f"≥ {breaks[-1]}", tr("few residents", lang), tr("withheld / not published", lang)]
        for text, colour in zip(legend, palette):
            fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=text, showlegend=True,
                                     marker=dict(size=10, symbol="square", color=f"rgb{tuple(int(v) for v in colour)}")))
        fig.update_layout(
            title=dict(text=tr("{measure} ({unit}) · Census 2021 grid summed to {size} km cells", lang, measure=label,
                               unit=unit, size=SIZE_KM)), font=FONT,
            height=760, margin=dict(l=10, r=10, t=50, b=70), plot_bgcolor="white", legend=dict(x=0, y=1),
            # image traces reverse the y axis by default; EPSG:3035 northings grow upwards. The window starts on the
            # continent (the outermost regions are in the image too, reached by panning).
            xaxis=dict(visible=False, range=list(VIEW_X_KM)),
            yaxis=dict(visible=False, range=list(VIEW_Y_KM), autorange=False, scaleanchor="x", scaleratio=1),
            annotations=[dict(text=credit(GRID_SOURCE, lang) + tr(", summed to {size} km by the project", lang, size=SIZE_KM)
                                   + f" · {ATTRIBUTION} · EPSG:3035 · {PROJECT}", showarrow=False, xref="paper",
                              yref="paper", x=0, y=-0.02,
                              xanchor="left", yanchor="top", font=dict(size=11, color="#444"))])
        return fig

    return store.memo.cached(("dashboard", "europe_grid", measure, lang), compute)


def _outlines(store):
    """Country outlines (NUTS 2021 level 0, simplified to 2 km) in EPSG:3035 km, one line trace."""
    def compute():
        shapes = store.regions_geometry(2021)
        shapes = shapes[(shapes["level"] == 0) & shapes["geo"].isin(local.GRID_COUNTRIES)].to_crs(3035)
        xs, ys = [], []
        for geom in shapes.geometry.simplify(2000).boundary:
            for line in getattr(geom, "geoms", [geom]):
                x, y = line.xy
                xs += [round(v / 1000, 1) for v in x] + [None]
                ys += [round(v / 1000, 1) for v in y] + [None]
        return (xs, ys)

    return store.memo.cached(("dashboard", "europe_outlines"), compute)
