"""The 1 km map around a town (pure plotly): classed cells in EPSG:3035, the circle, neighbouring towns."""

from __future__ import annotations

from textwrap import wrap

import numpy as np
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from dashboard.maps.figures import FONT, NO_DATA_COLOUR, SEQUENTIAL
from dashboard.i18n import say, tr
from dashboard.maps.raster import scale_bar
from indicators.places import local
from indicators.text.wording import marks

WINDOW_KM = 20  # half-side: a 40 x 40 km window
GRID_SOURCE = local.GRID_CREDIT  # the grid entries' credit line (indicators.places.local.MEASURES)
ATTRIBUTION = "© EuroGeographics"
FEW_COLOUR = "#f2efe9"  # neutral, lighter than every class: "few residents" is not a class
WITHHELD_COLOUR = NO_DATA_COLOUR
PROJECT = "Territorial Migration Atlas"
SOURCE_CHARS = 60  # the source line's width in characters: at 11 px it fits a 390 px phone (as the maps' credits)
# a label's extent in km, as a 390 px wide map draws the 40 km window (about 10 px a km) at 10 px type: wider
# screens draw it smaller, so a label kept inside here is inside everywhere
LABEL_KM_PER_CHAR, LABEL_KM_HIGH = 0.6, 1.6


def local_map(store, town, measure: str, radius_km: float, neighbours: int = 12, lang: str = "en") -> go.Figure:
    """The window of 1 km cells around ``town`` (a municipalities row) coloured by ``measure``, words in ``lang``
    (the source line as published)."""
    entry = local.MEASURES[measure]
    label, unit, breaks = say(entry.label, lang), say(entry.unit, lang), entry.breaks
    cx, cy = float(town["x"]), float(town["y"])
    index = local.window_index(store, cx, cy, WINDOW_KM * 1000)
    cells = local.cell_values(local.grid(store).iloc[index], measure, local.not_published(store))
    k = len(breaks) + 1
    colours = sample_colorscale(SEQUENTIAL, [0.1 + 0.9 * i / (k - 1) for i in range(k)])
    # z codes: 0..k-1 classes, k few residents, k+1 withheld; empty cells (no residents) stay blank
    code = np.where(cells["status"] == "value", cells["class"], np.where(cells["status"] == "few residents", k, k + 1))
    x0, y0 = cx - WINDOW_KM * 1000, cy - WINDOW_KM * 1000
    cols = np.arange(int(np.floor(x0 / 1000)), int(np.floor(x0 / 1000)) + 2 * WINDOW_KM + 1)
    rows = np.arange(int(np.floor(y0 / 1000)), int(np.floor(y0 / 1000)) + 2 * WINDOW_KM + 1)
    z = np.full((len(rows), len(cols)), None, dtype=object)
    text = np.full(z.shape, None, dtype=object)
    ci = (cells["x"].to_numpy() // 1000 - cols[0]).astype(int)
    ri = (cells["y"].to_numpy() // 1000 - rows[0]).astype(int)
    inside = (ci >= 0) & (ci < len(cols)) & (ri >= 0) & (ri < len(rows))
    statuses = {"few residents": tr("few residents", lang), "withheld": tr("withheld", lang)}
    hover = tr("{value} · {residents} residents", lang)  # filled per cell below: 1 600 cells, one lookup
    decimal, group = marks(lang)  # Babel per cell would take 0.3 s for the 1 600 cells
    for r, c, zc, value, residents, status in zip(ri[inside], ci[inside], code[inside], cells["value"].to_numpy()[inside],
                                                  cells["residents"].to_numpy()[inside], cells["status"].to_numpy()[inside]):
        z[r, c] = int(zc)
        shown = f"{value:.1f}".replace(".", decimal) + f" {unit}" if status == "value" else statuses[status]
        text[r, c] = hover.format(value=shown, residents=f"{residents:,}".replace(",", group))
    scale = []
    palette = colours + [FEW_COLOUR, WITHHELD_COLOUR]
    for i, colour in enumerate(palette):
        scale += [[i / len(palette), colour], [(i + 1) / len(palette), colour]]
    edges = (0,) + tuple(breaks)
    tick_text = [f"{edges[i]}–{edges[i + 1]}" for i in range(len(breaks))] + [
        f"≥ {breaks[-1]}", tr("few residents (< {count})", lang, count=local.FEW_RESIDENTS),
        tr("withheld / not published", lang)]
    fig = go.Figure(go.Heatmap(
        x=(cols * 1000 + 500) / 1000, y=(rows * 1000 + 500) / 1000, z=z, text=text, hoverinfo="text",
        hovertemplate="%{text}<extra></extra>", colorscale=scale, zmin=-0.5, zmax=len(palette) - 0.5,
        colorbar=dict(tickvals=list(range(len(palette))), ticktext=tick_text, title=dict(text=unit, side="top"),
                      len=0.9), xgap=0, ygap=0))
    angle = np.linspace(0, 2 * np.pi, 73)
    fig.add_trace(go.Scatter(x=(cx + radius_km * 1000 * np.cos(angle)) / 1000,
                             y=(cy + radius_km * 1000 * np.sin(angle)) / 1000, mode="lines",
                             line=dict(color="#d7301f", width=2), hoverinfo="skip", name=tr("{radius} km circle", lang, radius=f"{radius_km:g}")))
    near = _neighbours(store, town, neighbours)
    bar = scale_bar([x0 / 1000, x0 / 1000 + 2 * WINDOW_KM], [y0 / 1000, y0 / 1000 + 2 * WINDOW_KM])
    labels, positions = _labels(near, x0 / 1000, y0 / 1000, 2 * WINDOW_KM, _corner(bar, x0 / 1000, y0 / 1000))
    fig.add_trace(go.Scatter(x=near["x"] / 1000, y=near["y"] / 1000, mode="markers+text", text=labels,
                             hovertext=near["name"], textposition=positions, marker=dict(size=5, color="#222"),
                             hoverinfo="text", textfont=dict(size=10), name=tr("municipality centres", lang)))
    fig.add_trace(go.Scatter(x=[cx / 1000], y=[cy / 1000], mode="markers", hoverinfo="skip", name=str(town["name"]),
                             marker=dict(size=11, color="#d7301f", symbol="x")))
    # the radius in the figure itself: an exported image says what the circle is
    circle = tr("Red circle: {radius} km around the town's centre", lang, radius=f"{radius_km:g}")
    # "© EuroGeographics" stays on one line: a no-break space while wrapping (as the maps' credits)
    kept = ATTRIBUTION.replace(" ", "\u00a0")
    source = "<br>".join(line.replace("\u00a0", " ") for line in wrap(
        f"{say(GRID_SOURCE, lang)} · {kept} · EPSG:3035 · {PROJECT}", SOURCE_CHARS))
    fig.update_layout(
        title=dict(text=tr("{measure} · 1 km cells around {town}", lang, measure=label, town=town["name"])
                   + f"<br><span style='font-size:13px;color:#555'>{circle}</span>"), font=FONT, height=620,
        margin=dict(l=10, r=10, t=70, b=80), plot_bgcolor="white", showlegend=False, shapes=bar["shapes"],
        xaxis=dict(visible=False, range=[x0 / 1000, x0 / 1000 + 2 * WINDOW_KM]),
        yaxis=dict(visible=False, range=[y0 / 1000, y0 / 1000 + 2 * WINDOW_KM], scaleanchor="x", scaleratio=1),
        annotations=[dict(name="source", text=source, showarrow=False, align="left",
                          xref="paper", yref="paper", x=0, y=-0.02, xanchor="left", yanchor="top",
                          font=dict(size=11, color="#444")), *bar["annotations"]])
    return fig


def _corner(bar: dict, left: float, bottom: float) -> tuple[float, float]:
    """The scale bar's lower-left corner, as the km its bar and label reach right and up from the window's corner."""
    right = max(max(shape["x0"], shape["x1"]) for shape in bar["shapes"])
    top = max(annotation["y"] for annotation in bar["annotations"]) + LABEL_KM_HIGH
    return right + 1 - left, top - bottom


def _labels(near, left: float, bottom: float, side: float, corner: tuple[float, float]) -> tuple[list, list]:
    """Each centre's name and where it sits: above, or turned toward the centre near an edge so it stays inside
    the map; none where it would still cross an edge or cover the scale bar (the marker and its hover stay)."""
    texts, positions = [], []
    for name, x, y in zip(near["name"], near["x"] / 1000 - left, near["y"] / 1000 - bottom):
        width = len(str(name)) * LABEL_KM_PER_CHAR
        horizontal = "right" if x - width / 2 < 0 else "left" if x + width / 2 > side else "center"
        vertical = "bottom" if y + LABEL_KM_HIGH > side else "top"
        x_lo = {"right": x, "left": x - width, "center": x - width / 2}[horizontal]
        y_lo = y - LABEL_KM_HIGH if vertical == "bottom" else y
        outside = x_lo < 0 or x_lo + width > side or y_lo < 0
        on_bar = x_lo < corner[0] and y_lo < corner[1]
        texts.append("" if outside or on_bar else str(name))
        positions.append(f"{vertical} {horizontal}")
    return texts, positions


def _neighbours(store, town, count: int):
    """The largest municipality centres in the window (the town itself included)."""
    towns = store.local("municipalities")
    half = WINDOW_KM * 1000
    near = towns[(towns["x"].sub(town["x"]).abs() < half) & (towns["y"].sub(town["y"]).abs() < half)]
    return near.nlargest(count, "population")[["name", "x", "y"]]
