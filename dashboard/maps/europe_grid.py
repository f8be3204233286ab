"""Europe from the 1 km grid, summed to 5 km cells, as one raster image in EPSG:3035 (pure plotly + Pillow)."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.colors import hex_to_rgb, sample_colorscale, unlabel_rgb

from dashboard.maps.figures import CHART_CREDIT_CHARS, CHART_TITLE_CHARS, FONT, SEQUENTIAL, fit
from dashboard.i18n import say, tr
from dashboard.maps.local_map import ATTRIBUTION, FEW_COLOUR, GRID_SOURCE, PROJECT, WITHHELD_COLOUR
from dashboard.maps.raster import cells_image, scale_bar
from indicators.places import local

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
        fig = go.Figure(cells_image(cells["col"], cells["row"], code, palette, SIZE_KM, hoverinfo="skip"))
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
        # title and source in lines a 390 px phone shows whole
        title = fit(tr("{measure} ({unit}) · Census 2021 grid summed to {size} km cells", lang, measure=label,
                        unit=unit, size=SIZE_KM), CHART_TITLE_CHARS)
        source = fit(say(GRID_SOURCE, lang) + tr(", summed to {size} km by the project", lang, size=SIZE_KM)
                      + f" · {ATTRIBUTION} · EPSG:3035 · {PROJECT}", CHART_CREDIT_CHARS)
        bar = scale_bar(VIEW_X_KM, VIEW_Y_KM)
        fig.update_layout(
            title=dict(text="<br>".join(title)), font=FONT, shapes=bar["shapes"],
            height=760, margin=dict(l=10, r=10, t=30 + 20 * len(title), b=20 + 17 * len(source)), plot_bgcolor="white",
            legend=dict(x=0, y=1),
            # EPSG:3035 northings grow upwards (an explicit, increasing range: see raster.cells_image). The window
            # starts on the continent (the outermost regions are in the image too, reached by panning).
            xaxis=dict(visible=False, range=list(VIEW_X_KM)),
            yaxis=dict(visible=False, range=list(VIEW_Y_KM), autorange=False, scaleanchor="x", scaleratio=1),
            annotations=[dict(text="<br>".join(source), showarrow=False, xref="paper", yref="paper", x=0, y=-0.02,
                              xanchor="left", yanchor="top", align="left", font=dict(size=11, color="#444")),
                         *bar["annotations"]])
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
