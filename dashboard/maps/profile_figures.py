"""The profile's "us against the country and the EU" charts: a dot strip per headline figure, and trends
with the country and EU lines. Every trace is named (the legend and the exported CSV read the names)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.maps.figures import FONT, separators
from dashboard.i18n import number, tr
from indicators.registry import Indicator

REGION, COUNTRY, OTHER, EU = "#08306b", "#2c7fb8", "#bdbdbd", "#d95f02"


STRIP_PLOT_PX, STRIP_TICKS_PX, STRIP_ENTRY_PX = 56, 24, 20  # the dots' band, the axis labels, one legend line


def dot_strip(rows: pd.DataFrame, ind: Indicator, *, region_name: str, country_name: str, level: int, year,
              country_value: float | None, eu_value: float | None, lang: str = "en") -> go.Figure:
    """All regions of the level as faint dots on one line, the country's regions darker, the region large;
    the country and EU values as ticks, except for counts (a total is no point among its regions: it stays in
    the card's text). ``rows`` comes from ``indicators.regions.context.strip``."""
    fig = go.Figure()
    # a fixed vertical spread by rank so equal values do not hide each other (same picture on every rerun)
    spread = (np.arange(len(rows)) % 5 - 2) * 0.06
    rows = rows.assign(y=spread)
    unit = ind.short_unit or ind.unit
    for group, name, colour, size in (("other", tr("Other EU regions (NUTS {level}, {year})", lang, level=level,
                                                   year=year), OTHER, 6),
                                      ("country", tr("Regions of {country}", lang, country=country_name), COUNTRY, 7),
                                      ("region", region_name, REGION, 15)):
        part = rows[rows["group"] == group]
        if part.empty:
            continue
        fig.add_trace(go.Scatter(
            x=part["value"], y=part["y"] if group != "region" else [0] * len(part), mode="markers", name=name,
            marker=dict(color=colour, size=size, line=dict(width=1.5 if group == "region" else 0, color="white")),
            text=part["name"], hovertemplate=f"%{{text}}: %{{x:,.{ind.decimals}f}} {unit}<extra></extra>"))
    benchmarks = () if ind.kind == "count" else ((country_value, country_name, COUNTRY), (eu_value, tr("EU", lang), EU))
    for value, name, colour in benchmarks:
        if value is None:
            continue
        tick = tr("{name}: {value} {unit}", lang, name=name, value=number(value, ind.decimals, lang), unit=unit)
        fig.add_trace(go.Scatter(x=[value, value], y=[-0.3, 0.3], mode="lines", name=tick,
                                 line=dict(color=colour, width=2.5, dash="dot"), hoverinfo="name"))
    # The legend, one entry a line, sits in a bottom margin made for it under the axis labels: a legend left to
    # plotly under a 150 px chart scrolled and covered the labels. Its height is known, whatever the card's width.
    legend_px = STRIP_ENTRY_PX * len(fig.data) + 4
    fig.update_layout(template="plotly_white", font=dict(FONT, size=11), separators=separators(lang),
                      height=4 + STRIP_PLOT_PX + STRIP_TICKS_PX + legend_px,
                      margin=dict(l=6, r=6, t=4, b=STRIP_TICKS_PX + legend_px), showlegend=True,
                      legend=dict(orientation="v", yref="container", y=0, yanchor="bottom", x=0, xanchor="left",
                                  maxheight=legend_px + 40, font=dict(size=10), tracegroupgap=0, itemclick=False, itemdoubleclick=False),
                      dragmode=False)
    fig.update_yaxes(visible=False, range=[-0.4, 0.4], fixedrange=True)
    # automargin: the outermost value's label moves the side margin instead of being cut at the card's edge
    fig.update_xaxes(fixedrange=True, zeroline=False, automargin=True,
                     ticksuffix=f" {unit}" if len(unit) <= 2 else "")
    return fig


def trend_lines(series: pd.DataFrame, ind: Indicator, title: str, credit: str, lang: str) -> go.Figure:
    """The region's line strong, the country's and the EU's thinner (``series`` from
    ``indicators.regions.context.trend_with_context``)."""
    fig = go.Figure()
    styles = {"region": (REGION, 3, "solid"), "country": (COUNTRY, 2, "dash"), "EU": (EU, 2, "dot")}
    unit = ind.short_unit or ind.unit
    for kind in ("region", "country", "EU"):
        part = series[series["series"] == kind].sort_values("year")
        if part.empty:
            continue
        colour, width, dash = styles[kind]
        name = str(part["name"].iloc[0]) if kind == "region" else ("EU27" if kind == "EU" else str(part["name"].iloc[0]))
        fig.add_trace(go.Scatter(x=part["year"], y=part["value"], mode="lines+markers", name=name,
                                 line=dict(color=colour, width=width, dash=dash), marker=dict(size=5),
                                 hovertemplate=f"%{{x}}: %{{y:,.{ind.decimals}f}} {unit}<extra>{name}</extra>"))
    fig.update_layout(template="plotly_white", font=FONT, height=300, margin=dict(l=10, r=10, t=50, b=80),
                      separators=separators(lang),
                      title=dict(text=title, x=0.01, font=dict(size=15)), yaxis_title=ind.unit, showlegend=True,
                      legend=dict(orientation="h", y=-0.18, x=0),
                      annotations=[dict(text=f"{credit} · Territorial Migration Atlas", showarrow=False, xref="paper",
                                        yref="paper", x=0, y=-0.42, xanchor="left", font=dict(size=11, color="#555"))])
    fig.update_xaxes(dtick=1 if series["year"].nunique() <= 10 else 2)
    return fig
