"""Pure functions from tables to plotly figures: no streamlit, no I/O.

Maps use ``go.Choropleth`` (geo subplot) with the screen GeoJSON given as a URL, so the browser fetches
each boundary file once and the figure itself stays small. Palettes are ColorBrewer schemes marked
colour-blind safe: YlGnBu (sequential) and PuOr (diverging, centred on 0).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from geodata.attribution import BOUNDARIES
from indicators import flags
from indicators.classes import Classes
from indicators.registry import Indicator

SEQUENTIAL = "YlGnBu"
DIVERGING = "PuOr"
NO_DATA_COLOUR = "#9e9e9e"  # mid grey: darker than every light class, and not a hue of either palette
BACKGROUND_COLOUR = "#e3e3e3"
BORDER_COLOUR = "#ffffff"
FONT = dict(family="Liberation Sans, Arial, sans-serif", size=13, color="#222222")


flag_text = flags.words  # kept under the name the screens use


def format_value(value: float, decimals: int) -> str:
    return "–" if value is None or pd.isna(value) else f"{value:,.{decimals}f}"


def class_colours(classes: Classes, diverging: bool) -> list[str]:
    """One colour per class; diverging palettes are centred on 0 by each class's midpoint."""
    n = len(classes.bins)
    if n == 0:
        return []
    if not diverging:
        return sample_colorscale(SEQUENTIAL, list(np.linspace(0.15, 1.0, n)))
    bounds = np.array([classes.lower, *classes.bins])
    below = [i for i in range(n) if bounds[i + 1] <= 0]
    above = [i for i in range(n) if bounds[i] >= 0]
    # PuOr runs orange (below 0) to purple (above 0): shades by the class's order on its side of zero,
    # so outliers do not wash every class out; a class that spans zero gets the neutral middle.
    positions = [0.5] * n
    for rank, i in enumerate(reversed(below)):
        positions[i] = 0.38 - 0.38 * rank / max(len(below) - 1, 1) if len(below) > 1 else 0.25
    for rank, i in enumerate(above):
        positions[i] = 0.62 + 0.38 * rank / max(len(above) - 1, 1) if len(above) > 1 else 0.75
    return sample_colorscale(DIVERGING, positions)


@dataclass(frozen=True)
class Legend:
    """What a map's legend and hover need: decimals, unit, palette, credit (an indicator's, or a score's)."""

    decimals: int
    unit: str
    credit: str
    diverging: bool = False

    @classmethod
    def of(cls, ind: Indicator) -> "Legend":
        return cls(decimals=ind.decimals, unit=ind.short_unit or ind.unit, credit=ind.credit, diverging=ind.diverging)


def choropleth(rows: pd.DataFrame, legend: Legend, classes: Classes, geojson_url, *, title: str, subtitle: str,
               no_data: pd.DataFrame | None = None, background: tuple[str, list[str]] | None = None,
               flagged_points: pd.DataFrame | None = None, no_data_label: str = "No data") -> go.Figure:
    """A classed map: one trace per class (a legend with bounds and unit), "no data" in grey, flagged values
    marked with a ring, countries outside the data in a light background.

    ``rows``: geo, name, value, flag, year, nuts_version (one row per region with a value).
    ``geojson_url``: NUTS version -> URL of the screen GeoJSON of the mapped level.
    """
    fig = go.Figure()
    if background:
        url, ids = background[0], list(background[1])
        fig.add_trace(go.Choropleth(geojson=_only(url, ids), locations=ids, z=[0] * len(ids), showscale=False,
                                    colorscale=[[0, BACKGROUND_COLOUR], [1, BACKGROUND_COLOUR]],
                                    marker_line_color=BORDER_COLOUR, marker_line_width=0.5,
                                    hoverinfo="skip", showlegend=False, name="background"))
    colours = class_colours(classes, legend.diverging)
    labels = classes.labels(legend.decimals, legend.unit)
    rows = rows.assign(cls=classes.classes)
    for cls, colour, label in zip(range(len(colours)), colours, labels):
        subset = rows[rows["cls"] == cls]
        for version, part in subset.groupby("nuts_version", dropna=False):
            fig.add_trace(_region_trace(part, geojson_url(version), colour, label, legend,
                                        first=version == subset["nuts_version"].iloc[0]))
    if no_data is not None and len(no_data):
        for version, part in no_data.groupby("nuts_version", dropna=False):
            fig.add_trace(go.Choropleth(
                geojson=_only(geojson_url(version), part["geo"]), locations=part["geo"], z=[0] * len(part), showscale=False,
                colorscale=[[0, NO_DATA_COLOUR], [1, NO_DATA_COLOUR]], marker_line_color=BORDER_COLOUR,
                marker_line_width=0.3, name=no_data_label, legendgroup="nodata", showlegend=True,
                customdata=np.stack([part["name"], part["geo"], part["reason"]], axis=-1),
                hovertemplate="<b>%{customdata[0]}</b> (%{customdata[1]})<br>%{customdata[2]}<extra></extra>"))
    if flagged_points is not None and len(flagged_points):
        fig.add_trace(go.Scattergeo(
            lon=flagged_points["lon"], lat=flagged_points["lat"], mode="markers",
            marker=dict(symbol="circle-open", size=5, color="#333333", line_width=0.8),
            name="Flagged: " + " / ".join(flags.MEANINGS[letter] for letter in flags.MARKED),
            customdata=np.stack([flagged_points["name"], flagged_points["flag_text"]], axis=-1),
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>"))
    _map_layout(fig, title, subtitle, legend.credit)
    return fig


def map_subtitle(ind: Indicator, level: int, year, versions) -> str:
    """'‰ · 2021 · NUTS 2 · NUTS 2021/2024': the one subtitle of an indicator map, on screen and in exports."""
    where = "national" if level == 0 else f"NUTS {level}"
    boundaries = f" · NUTS {'/'.join(str(v) for v in versions)}" if versions else ""
    return f"{ind.unit} · {year if year else 'period not stated by the source'} · {where}{boundaries}"


def indicator_map(data, geojson_url, background, no_data_label: str = "No data") -> go.Figure:
    """The map of one indicator (a ``MapData``) as both the screen and the exports draw it."""
    subtitle = map_subtitle(data.indicator, data.level, data.year, data.versions)
    if data.mixed_periods:
        subtitle += " · periods differ between regions"
    # the short plain name leads; the source's full label follows, so nothing of its definition is lost
    return choropleth(data.values, Legend.of(data.indicator), data.classes, geojson_url,
                      title=data.indicator.short_label, subtitle=f"{data.indicator.label}\n{subtitle}",
                      no_data=data.no_data, background=background, flagged_points=data.flagged,
                      no_data_label=no_data_label)


def _only(geojson, locations) -> dict | str:
    """A URL passes through; an inline FeatureCollection keeps only the features this trace draws."""
    if isinstance(geojson, str):
        return geojson
    wanted = set(locations)
    return {"type": "FeatureCollection", "features": [f for f in geojson["features"] if f["id"] in wanted]}


def _region_trace(part: pd.DataFrame, url, colour: str, label: str, legend: Legend, first: bool) -> go.Choropleth:
    values = [format_value(v, legend.decimals) for v in part["value"]]
    flags = [flag_text(f) or "–" for f in part["flag"]]
    # the period each value covers (first–last year of a change, the month of monthly data), else the year
    periods = part["period"] if "period" in part else pd.Series([""] * len(part), index=part.index)
    years = [str(p) if isinstance(p, str) and p else str(int(y)) if pd.notna(y) else "period not stated"
             for p, y in zip(periods, part["year"])]
    extra = part["hover"] if "hover" in part else pd.Series([""] * len(part), index=part.index)
    # z carries the real values (the class decides the colour, so the colour scale is one flat colour).
    return go.Choropleth(
        geojson=_only(url, part["geo"]), locations=part["geo"], z=part["value"], showscale=False,
        colorscale=[[0, colour], [1, colour]], marker_line_color=BORDER_COLOUR, marker_line_width=0.3,
        name=label, legendgroup=label, showlegend=bool(first),
        customdata=np.stack([part["name"], part["geo"], values, years, flags, extra], axis=-1),
        hovertemplate=("<b>%{customdata[0]}</b> (%{customdata[1]})<br>%{customdata[2]} " + legend.unit
                       + " · %{customdata[3]}<br>flag: %{customdata[4]}<br>%{customdata[5]}<extra></extra>"))


def _map_layout(fig: go.Figure, title: str, subtitle: str, credit: str) -> None:
    lines = subtitle.split("\n")  # one styled span per line: a style does not carry over a <br>
    # Europe in Lambert azimuthal equal-area (as Eurostat's EPSG:3035), framed on the continent: fitting
    # to the locations would zoom out to the outermost regions (Réunion, Guyane) and show the whole globe.
    fig.update_geos(visible=False, fitbounds=False, projection_type="azimuthal equal area",
                    projection_rotation=dict(lon=12, lat=52), projection_scale=5.2,
                    center=dict(lon=12, lat=53), bgcolor="rgba(0,0,0,0)")
    fig.update_layout(
        template=None, font=FONT, paper_bgcolor="white", height=640,
        margin=dict(l=0, r=0, t=50 + 20 * len(lines), b=50),
        title=dict(text=title + "".join(f"<br><span style='font-size:13px;color:#555'>{line}</span>" for line in lines),
                   x=0.01),
        legend=dict(title=None, yanchor="top", y=0.98, xanchor="left", x=0.01, bgcolor="rgba(255,255,255,0.85)"),
        annotations=[dict(text=f"{credit} · {BOUNDARIES}", showarrow=False, xref="paper", yref="paper",
                          x=0, y=-0.06, xanchor="left", font=dict(size=11, color="#555"))],
        dragmode=False,
    )


def trends(series: pd.DataFrame, ind: Indicator, title: str, highlight: str | None = None) -> go.Figure:
    """Lines over time, one per region (``series``: geo, name, year, value)."""
    fig = go.Figure()
    for geo, part in series.sort_values("year").groupby("geo", sort=False):
        strong = highlight is None or geo == highlight
        fig.add_trace(go.Scatter(x=part["year"], y=part["value"], mode="lines+markers", name=part["name"].iloc[0],
                                 line=dict(width=3 if strong else 1.5), opacity=1 if strong else 0.7,
                                 hovertemplate=f"%{{x}}: %{{y:,.{ind.decimals}f}} {ind.short_unit}<extra>{part['name'].iloc[0]}</extra>"))
    _chart_layout(fig, title, ind.unit, ind.credit, height=300)
    fig.update_xaxes(dtick=max(1, int((series["year"].max() - series["year"].min()) // 8) if len(series) else 1))
    return fig


def grouped_bars(frame: pd.DataFrame, ind: Indicator, title: str) -> go.Figure:
    """One bar per region (``frame``: name, value, year)."""
    frame = frame.sort_values("value", ascending=False)
    # one series: named for the hover and export, and no legend (it would only repeat the title)
    fig = go.Figure(go.Bar(x=frame["name"], y=frame["value"], marker_color=sample_colorscale(SEQUENTIAL, [0.7])[0],
                           name=ind.short_label, showlegend=False,
                           text=[format_value(v, ind.decimals) for v in frame["value"]], textposition="outside",
                           customdata=frame["year"],
                           hovertemplate=f"%{{x}}: %{{y:,.{ind.decimals}f}} {ind.short_unit} (%{{customdata}})<extra></extra>"))
    _chart_layout(fig, title, ind.unit, ind.credit, height=340)
    return fig


def scatter(frame: pd.DataFrame, x: Indicator, y: Indicator, chosen: list[str], title: str) -> go.Figure:
    """All regions faint, the chosen ones labelled (``frame``: geo, name, x, y)."""
    others = frame[~frame["geo"].isin(chosen)]
    picked = frame[frame["geo"].isin(chosen)]
    fig = go.Figure()
    # the other regions stay faint and unlabelled (their names only on hover): labels for all piled into a blob
    fig.add_trace(go.Scatter(x=others["x"], y=others["y"], mode="markers", name="other regions",
                             marker=dict(color="#9e9e9e", size=6, opacity=0.35), text=others["name"],
                             hovertemplate="%{text}<br>%{x}, %{y}<extra></extra>"))
    fig.add_trace(go.Scatter(x=picked["x"], y=picked["y"], mode="markers+text", name="chosen regions",
                             marker=dict(color=sample_colorscale(DIVERGING, [0.9])[0], size=11),
                             text=picked["name"], textposition=_alternating(picked["y"]),
                             hovertemplate="%{text}<br>%{x}, %{y}<extra></extra>"))
    _chart_layout(fig, title, y.unit, f"{x.credit}; {y.credit}", height=460)
    fig.update_xaxes(title_text=f"{x.short_label} ({x.short_unit or x.unit})")
    fig.update_yaxes(title_text=f"{y.short_label} ({y.short_unit or y.unit})")
    return fig


def _alternating(y: pd.Series) -> list[str]:
    """Labels above and below in turn, by height, so neighbouring chosen regions do not print over each other."""
    order = y.rank(method="first").fillna(0).astype(int).tolist()
    return ["top center" if rank % 2 else "bottom center" for rank in order]


def _chart_layout(fig: go.Figure, title: str, unit: str, credit: str, height: int) -> None:
    fig.update_layout(template="plotly_white", font=FONT, height=height, margin=dict(l=10, r=10, t=50, b=60),
                      title=dict(text=title, x=0.01, font=dict(size=15)), yaxis_title=unit, showlegend=True,
                      annotations=[dict(text=f"{credit} · Territorial Migration Atlas", showarrow=False, xref="paper",
                                        yref="paper", x=0, y=-0.28,
                                        xanchor="left", font=dict(size=11, color="#555"))])


def burn_in(fig: go.Figure, source: str, boundaries: bool, project: str) -> go.Figure:
    """Put the source line (datasets, retrieval date, NUTS version), the boundary attribution on maps, and the
    project's name into the figure itself, so an image found on a desk says where it came from."""
    lines = [source] + ([BOUNDARIES] if boundaries else []) + [project]
    fig.update_layout(margin_b=max(fig.layout.margin.b or 0, 90), annotations=[dict(
        text="<br>".join([" · ".join(lines[:-1]), lines[-1]]), showarrow=False, xref="paper", yref="paper",
        x=0, y=0, yshift=-45 if boundaries else -70, xanchor="left", yanchor="top", align="left",
        font=dict(size=11, color="#444"))])
    return fig
