"""Pure plotly figures for the local layer: classed points (cities, municipalities) and Italy's reception trend."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.maps import figures
from dashboard.i18n import tr
from dashboard.text import place
from indicators.regions.classes import Classes

SIZE_BINS = (0, 20_000, 100_000, 500_000, 2_000_000, np.inf)  # residents -> marker size step (no per-point sizes)
SIZES = (4, 6, 9, 13, 18)
FRAMES = {  # lon/lat boxes a deep dive is framed on
    "europe": None, "ES": dict(lonaxis_range=[-18.5, 4.6], lataxis_range=[27.4, 44.0]),
    "IT": dict(lonaxis_range=[6.4, 18.8], lataxis_range=[36.4, 47.2]),
}


def points_map(rows: pd.DataFrame, ind, classes: Classes, *, title: str, subtitle: str, credit: str,
               frame: str = "europe", context: tuple[str, list[str]] | None = None, lang: str = "en") -> go.Figure:
    """Points sized by population (in steps) and coloured by class; grey where no value is shown (with the reason
    in the hover); a ring where the value carries a flag. The legend's and hovers' words in ``lang``.

    ``rows``: name, lon, lat, value, year, flag, population, reason (why no value; '' when shown).
    ``context``: (GeoJSON URL, region ids) drawn as outlines underneath (e.g. Spain's provinces).
    """
    fig = go.Figure()
    if context:
        url, ids = context
        fig.add_trace(go.Choropleth(geojson=url, locations=ids, z=[0] * len(ids), showscale=False,
                                    colorscale=[[0, "#f2f2f2"], [1, "#f2f2f2"]], marker_line_color="#9a9a9a",
                                    marker_line_width=0.6, hoverinfo="skip", showlegend=False, name="context"))
    rows = rows.assign(cls=classes.classes, size=pd.cut(rows["population"].fillna(0), SIZE_BINS, labels=False,
                                                        include_lowest=True))
    colours = figures.class_colours(classes, ind.diverging)
    labels = classes.labels(ind.decimals, ind.short_unit or ind.unit, lang)
    unit = ind.short_unit or ind.unit
    for cls, (colour, label) in enumerate(zip(colours, labels)):
        _add_points(fig, rows[rows["cls"] == cls], colour, label, unit, ind.decimals, lang)
    _add_points(fig, rows[rows["value"].isna()], figures.NO_DATA_COLOUR, tr("No value shown", lang), unit,
                ind.decimals, lang)
    flagged = rows[rows["value"].notna() & rows["flag"].fillna("").ne("")]
    if len(flagged):
        fig.add_trace(go.Scattergeo(lon=flagged["lon"].astype("float32").values, lat=flagged["lat"].astype("float32").values,
                                    mode="markers", hoverinfo="skip",
                                    name=tr("Flagged (estimated, break in series, …)", lang),
                                    marker=dict(symbol="circle-open", size=9, color="#333333", line_width=0.8)))
    # the house map layout: title, legend, credit line; on a figure already made, template None removes plotly's
    # default theme ({}, right for a new figure, would merge into it)
    fig.update_layout({**figures._map_layout(title, subtitle, credit, lang=lang), "template": None})
    return frame_on(fig, frame)


def frame_on(fig: go.Figure, frame: str) -> go.Figure:
    """Frame a map on a country's box (a deep dive covers only it); "europe" keeps the house framing."""
    box = FRAMES.get(frame)
    if box:
        middle = dict(lon=sum(box["lonaxis_range"]) / 2, lat=sum(box["lataxis_range"]) / 2)
        # the house layout centres Europe (rotation lon 12): recentre on the box, or its edges fall off the frame
        fig.update_geos(projection_type="mercator", projection_scale=1, center=middle, fitbounds=False,
                        projection_rotation=dict(lon=middle["lon"], lat=0), **box)
    return fig


def _add_points(fig: go.Figure, part: pd.DataFrame, colour: str, label: str, unit: str, decimals: int,
                lang: str = "en") -> None:
    """One trace per class; lon/lat/value as float32 and sizes as uint8 binary arrays keep the JSON small."""
    if part.empty:
        return
    years = part["year"].dropna().unique()
    uniform = len(years) == 1  # one year for the whole trace: say it once in the template, not per point
    text = pd.Series([place(name, lang) for name in part["name"]], index=part.index)
    if not uniform:
        text = text + " · " + part["year"].astype("Int64").astype(str).replace("<NA>", "–")
    flags = part["flag"].fillna("")
    flagged = tr(" · flag: {flag}", lang)  # filled per point below: thousands of points, one lookup
    text = text + [flagged.format(flag=flag) if flag else "" for flag in flags]
    text = text + np.where(part["value"].isna(), "<br>" + part["reason"].fillna(tr("no data", lang)), "")
    when = f" · {int(years[0])}" if uniform else ""
    sizes = np.asarray(SIZES, dtype="uint8")[part["size"].to_numpy(dtype=int)]
    fig.add_trace(go.Scattergeo(
        lon=part["lon"].astype("float32").values, lat=part["lat"].astype("float32").values, mode="markers",
        marker=dict(size=sizes, color=colour, line=dict(width=0.4, color="#ffffff"), opacity=0.9),
        customdata=part["value"].astype("float32").values, text=text.to_numpy(dtype=str), name=label,
        hovertemplate=f"%{{text}}<br>%{{customdata:,.{decimals}f}} {unit}{when}<extra></extra>"))


def reception_trend(monthly: pd.DataFrame, chosen: list[str], credit: str, lang: str = "en") -> go.Figure:
    """People in reception per 1 000 residents at each month's last report, one line per chosen region; the
    title and axis in ``lang``."""
    fig = go.Figure()
    for geo, part in monthly[monthly["geo"].isin(chosen)].groupby("geo"):
        fig.add_trace(go.Scatter(x=part["date"], y=part["value"].round(3), mode="lines", name=part["name"].iloc[0]))
    figures._chart_layout(fig, tr("People in reception per 1 000 residents (last report of each month)", lang),
                          tr("per 1 000 residents", lang), credit, 420, lang)
    return fig
