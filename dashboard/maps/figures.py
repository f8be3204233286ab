"""Pure functions from tables to plotly figures: no streamlit, no I/O.

Maps use ``go.Choropleth`` (geo subplot) with the screen GeoJSON given as a URL, so the browser fetches
each boundary file once and the figure itself stays small. Palettes are ColorBrewer schemes marked
colour-blind safe: YlGnBu (sequential) and PuOr (diverging, centred on 0).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from dashboard.maps import map_insets
from dashboard.i18n import number, say, tr
from geodata.attribution import boundaries as boundary_line
from indicators.regions import flags
from indicators.regions.classes import Classes
from indicators.registry import Indicator
from indicators.text.wording import marks

SEQUENTIAL = "YlGnBu"
DIVERGING = "PuOr"
REFERENCE_COLOURS = {"country": "#636363", "EU": "#d95f02"}  # a compared region's country and the EU, on bars
NO_DATA_COLOUR = "#9e9e9e"  # mid grey: darker than every light class, and not a hue of either palette
BACKGROUND_COLOUR = "#e3e3e3"
BORDER_COLOUR = "#ffffff"
FONT = dict(family="Liberation Sans, Arial, sans-serif", size=13, color="#222222")
# The EU-27 mainland (Cabo da Roca to North Karelia, Crete to the North Cape), with Iceland, whose regions are
# in most tables: the main map is fitted to it; the outermost regions are in insets (dashboard.maps.map_insets).
MAINLAND_LON = (-24.5, 34.0)
MAINLAND_LAT = (34.5, 71.0)
# An image has no pan: its frame reaches east to Turkey's border, so no country is cut at the edge.
IMAGE_LON = (-24.5, 45.0)
MAP_HEIGHT = 680
LINE_PX = 17  # one line of 11-13 px text
TITLE_PX, SUBTITLE_PX = 34, 22  # the 17 px title with its padding; one 13 px subtitle line (22 px apart)
TITLE_TOP = 12  # px of white above the title
# A chart's title block on a 390 px phone (a chart about 358 px wide): 15 px title lines and 11 px source lines
# this long fit; plotly spaces every line of a title as its first (15 px) line: CHART_LINE_PX apart.
CHART_TITLE_CHARS, CHART_CREDIT_CHARS, CHART_LINE_PX = 44, 60, 20
SUBTITLE_CHARS = 60  # a 13 px subtitle line this long fits a 390 px phone (5.6 px a character, measured)




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
               flagged_points: pd.DataFrame | None = None, layout: str = "screen", height: int = MAP_HEIGHT,
               lang: str = "en", no_data_name: str | None = None) -> go.Figure:
    """A classed map: one trace per class (a legend with bounds and unit), "no data" in grey, flagged values
    marked with a ring, countries outside the data in a light background ("not covered"), and the outermost
    regions in framed insets with the same traces. Its fixed words ("No data", "Not covered", the credit's
    "Source") are in ``lang``.

    ``rows``: geo, name, value, flag, year, nuts_version (one row per region with a value).
    ``geojson_url``: NUTS version -> URL of the screen GeoJSON of the mapped level.
    ``no_data_name``: the legend's words for ``no_data`` when it means more than "No data" (already in ``lang``).
    """
    # Traces as plain dicts, validated once when the figure is made: building and updating graph objects piece
    # by piece took ~200 ms a map (most of a year change's server time), the one-shot figure ~30 ms.
    traces = []
    if background:
        url, ids = background[0], list(background[1])
        # in the legend, so "outside the data" is never read as "no data" (a region in scope with no value)
        traces.append(dict(type="choropleth", geojson=_only(url, ids), locations=ids, z=[0] * len(ids),
                           showscale=False, colorscale=[[0, BACKGROUND_COLOUR], [1, BACKGROUND_COLOUR]],
                           marker_line_color=BORDER_COLOUR, marker_line_width=0.5, hoverinfo="skip",
                           showlegend=True, legendrank=1001, legendgroup="notcovered", name=tr("Not covered", lang)))
    colours = class_colours(classes, legend.diverging)
    labels = classes.labels(legend.decimals, legend.unit, lang)
    rows = rows.assign(cls=classes.classes)
    for cls, colour, label in zip(range(len(colours)), colours, labels):
        subset = rows[rows["cls"] == cls]
        shown = False
        for version, part in subset.groupby("nuts_version", dropna=False):
            for where, piece in map_insets.by_subplot(part).items():
                traces.append(_region_trace(piece, geojson_url(version), colour, label, legend, first=not shown,
                                            subplot=where, lang=lang))
                shown = True
    if no_data is not None and len(no_data):
        shown = False
        for version, part in no_data.groupby("nuts_version", dropna=False):
            for where, piece in map_insets.by_subplot(part).items():
                traces.append(dict(
                    type="choropleth", geojson=_only(geojson_url(version), piece["geo"]), locations=piece["geo"],
                    z=[0] * len(piece), showscale=False, colorscale=[[0, NO_DATA_COLOUR], [1, NO_DATA_COLOUR]], geo=where,
                    marker_line_color=BORDER_COLOUR, marker_line_width=0.3, name=no_data_name or tr("No data", lang),
                    legendgroup="nodata", showlegend=not shown,
                    # a reason is a phrase (English as str; a page passes them said in its language)
                    customdata=np.stack([piece["name"], piece["geo"], piece["reason"].map(str)], axis=-1),
                    hovertemplate="<b>%{customdata[0]}</b> (%{customdata[1]})<br>%{customdata[2]}<extra></extra>"))
                shown = True
    if flagged_points is not None and len(flagged_points):
        name = flagged_name(lang)
        parts = (map_insets.by_subplot(flagged_points) if "geo" in flagged_points
                 else {map_insets.MAIN: flagged_points})
        for number, (where, piece) in enumerate(parts.items()):
            traces.append(dict(
                type="scattergeo", lon=piece["lon"], lat=piece["lat"], mode="markers", geo=where,
                legendgroup="flagged", showlegend=number == 0, marker=dict(symbol="circle-open", size=5, color="#333333", line_width=0.8),
                name=name, customdata=np.stack([piece["name"], [say(flags.said(f), lang) for f in piece["flag"]]], axis=-1),
                hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>"))
    layout_dict = _map_layout(title, subtitle, say(legend.credit, lang), height, lang)
    for key, value in map_insets.placement(traces, layout_dict, layout).items():
        layout_dict[key] = {**layout_dict[key], **value} if key in ("geo", "legend") else value
    return go.Figure(data=traces, layout=layout_dict)


def flagged_name(lang: str) -> str:
    """The legend's entry for the flagged rings, on two lines, so the legend keeps several columns rather than one
    as wide as this entry; the break after the separator's space: a legend read without its breaks (an embed's
    text, a screen reader) says 'low reliability / estimated', not 'low reliability /estimated'."""
    meanings = [say(flags.PHRASES[letter], lang) for letter in flags.MARKED]
    return tr("Flagged: {meanings}", lang, meanings=" / ".join(meanings[:1]) + " / <br>" + " / ".join(meanings[1:]))


def level_text(level: int, lang: str) -> str:
    return tr("national", lang) if level == 0 else f"NUTS {level}"


def year_text(year, lang: str) -> str:
    return str(year) if year else tr("period not stated by the source", lang)


def map_subtitle(ind: Indicator, level: int, year, versions, lang: str = "en") -> str:
    """'‰ · 2021 · NUTS 2 · NUTS 2021/2024': the one subtitle of an indicator map, on screen and in exports."""
    boundaries = f" · NUTS {'/'.join(str(v) for v in versions)}" if versions else ""
    return f"{ind.unit} · {year_text(year, lang)} · {level_text(level, lang)}{boundaries}"


def indicator_map(data, geojson_url, background, layout: str = "screen", height: int = MAP_HEIGHT,
                  lang: str = "en") -> go.Figure:
    """The map of one indicator (a ``MapData``, its indicator already in ``lang``: ``i18n.localised``) as both
    the screen and the exports draw it, its fixed words in ``lang``."""
    subtitle = map_subtitle(data.indicator, data.level, data.year, data.versions, lang)
    if data.mixed_periods:
        subtitle += " · " + tr("periods differ between regions", lang)
    # the short plain name leads; the source's full label follows, so nothing of its definition is lost
    return choropleth(data.values, Legend.of(data.indicator), data.classes, geojson_url,
                      title=data.indicator.short_label, subtitle=f"{data.indicator.label}\n{subtitle}",
                      no_data=data.no_data, background=background, flagged_points=data.flagged, layout=layout,
                      height=height, lang=lang)


def _only(geojson, locations) -> dict | str:
    """A URL passes through; an inline FeatureCollection keeps only the features this trace draws."""
    if isinstance(geojson, str):
        return geojson
    wanted = set(locations)
    return {"type": "FeatureCollection", "features": [f for f in geojson["features"] if f["id"] in wanted]}


def _region_trace(part: pd.DataFrame, url, colour: str, label: str, legend: Legend, first: bool,
                  subplot: str = "geo", lang: str = "en") -> dict:
    values = [number(v, legend.decimals, lang) for v in part["value"]]
    flag_words = [say(flags.said(f), lang) if f else "–" for f in part["flag"]]
    # the period each value covers (first–last year of a change, the month of monthly data), else the year
    periods = part["period"] if "period" in part else pd.Series([""] * len(part), index=part.index)
    years = [str(p) if isinstance(p, str) and p else str(int(y)) if pd.notna(y) else tr("period not stated", lang)
             for p, y in zip(periods, part["year"])]
    extra = part["hover"] if "hover" in part else pd.Series([""] * len(part), index=part.index)
    # z carries the real values (the class decides the colour, so the colour scale is one flat colour).
    return dict(
        type="choropleth", geojson=_only(url, part["geo"]), locations=part["geo"], z=part["value"],
        showscale=False, geo=subplot,
        colorscale=[[0, colour], [1, colour]], marker_line_color=BORDER_COLOUR, marker_line_width=0.3,
        name=label, legendgroup=label, showlegend=bool(first),
        customdata=np.stack([part["name"], part["geo"], values, years, flag_words, extra], axis=-1),
        hovertemplate=("<b>%{customdata[0]}</b> (%{customdata[1]})<br>%{customdata[2]} " + legend.unit
                       + " · %{customdata[3]}<br>" + tr("flag", lang) + ": %{customdata[4]}<br>%{customdata[5]}<extra></extra>"))


def _map_layout(title: str, subtitle: str, credit: str, height: int = MAP_HEIGHT, lang: str = "en") -> dict:
    """The layout of a map: projection, title block, credit line, legend under the map."""
    # one styled span per line (a style does not carry over a <br>), each short enough for a phone
    lines = [part for line in subtitle.split("\n") for part in fit(line, SUBTITLE_CHARS)]
    credit_lines = _credit_lines(credit, lang)
    # Europe in Lambert azimuthal equal-area (as Eurostat's EPSG:3035), fitted to the mainland's extent:
    # fitting to the locations would zoom out to the outermost regions and show the whole globe.
    return dict(
        geo=dict(visible=False, fitbounds=False, bgcolor="rgba(0,0,0,0)",
                 projection=dict(type="azimuthal equal area", rotation=dict(lon=12, lat=52)),
                 lonaxis_range=list(MAINLAND_LON), lataxis_range=list(MAINLAND_LAT)),
        # {}: no theme (None means the default one)
        template={}, font=FONT, paper_bgcolor="white", height=height, separators=separators(lang),
        # the credit sits between the title block and the map: at a fixed distance from both on any width
        margin=dict(l=8, r=8, t=TITLE_TOP + TITLE_PX + SUBTITLE_PX * len(lines) + LINE_PX * len(credit_lines),
                    b=10),
        # pinned to the top, so the margin above reserves exactly the title block and the credit under it.
        # Anchored at the bottom of its first line: plotly.js sets a title of several lines from its first line
        # down then (with yanchor "top" it pushes the block up against the edge, whatever y says).
        title=dict(text=title + "".join(f"<br><span style='font-size:13px;color:#555'>{line}</span>" for line in lines),
                   x=0.01, xanchor="left", y=1 - (TITLE_TOP + 15) / height, yref="container", yanchor="bottom",
                   font=dict(size=17)),
        # under the map, in rows that wrap with the width (phones): plotly grows the bottom margin to hold it
        legend=dict(title=None, orientation="h", yanchor="top", y=0, xanchor="left", x=0,
                    bgcolor="rgba(255,255,255,0)", font=dict(size=12)),
        annotations=[_credit_annotation(credit_lines)],
        dragmode=False,
    )


def set_credit(fig: go.Figure, credit: str, lang: str = "en") -> go.Figure:
    """Replace a map's credit line (above the map), keeping the room reserved for it right."""
    old = [a for a in fig.layout.annotations if a.name == "credit"]
    lines = _credit_lines(credit, lang)
    shift = LINE_PX * (len(lines) - sum(a.text.count("<br>") + 1 for a in old))
    fig.update_layout(margin_t=(fig.layout.margin.t or 0) + shift, annotations=[
        _credit_annotation(lines), *[a for a in fig.layout.annotations if a.name != "credit"]])
    return fig


def credit_text(fig: go.Figure) -> str:
    """The credit line of a map made by ``_map_layout``, on one line."""
    return " ".join(a.text.replace("<br>", " ") for a in fig.layout.annotations if a.name == "credit")


def _credit_lines(credit: str, lang: str) -> list[str]:
    """The credit with the boundary attribution (unless it carries it), in lines a 390 px phone can show."""
    text = credit if "EuroGeographics" in credit else f"{credit} · {say(boundary_line(), lang)}"
    # "© EuroGeographics" stays on one line: a no-break space while wrapping
    return [line.replace("\u00a0", " ") for line in wrap(text.replace("© ", "©\u00a0"), 60)]


def _credit_annotation(lines: list[str]) -> dict:
    return dict(name="credit", text="<br>".join(lines), showarrow=False, xref="paper", yref="paper", x=0, y=1,
                xanchor="left", yanchor="bottom", yshift=4, align="left", xshift=4, font=dict(size=11, color="#444"))


def wrap(text: str, width: int = 90) -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken at a ' · ' where one fits (plotly never wraps)."""
    lines: list[str] = []
    for part in text.split(" · "):
        if lines and len(lines[-1]) + 3 + len(part) <= width:
            lines[-1] += " · " + part
        else:
            if lines:
                lines[-1] += " ·"
            # a credit is split inside only when much too long: a named source reads (and is searched) whole
            lines.extend(textwrap.wrap(part, width) if len(part) > width * 1.25 else [part])
    return lines


def fit(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters: broken at a ' · ' where one fits, else between words."""
    return [part for line in wrap(text, width) for part in (textwrap.wrap(line, width) or [""])]


def trends(series: pd.DataFrame, ind: Indicator, title: str, highlight: str | None = None,
           lang: str = "en") -> go.Figure:
    """Lines over time, one per region (``series``: geo, name, year, value)."""
    fig = go.Figure()
    for geo, part in series.sort_values("year").groupby("geo", sort=False):
        strong = highlight is None or geo == highlight
        fig.add_trace(go.Scatter(x=part["year"], y=part["value"], mode="lines+markers", name=part["name"].iloc[0],
                                 line=dict(width=3 if strong else 1.5), opacity=1 if strong else 0.7,
                                 hovertemplate=f"%{{x}}: %{{y:,.{ind.decimals}f}} {ind.short_unit}<extra>{part['name'].iloc[0]}</extra>"))
    _chart_layout(fig, title, ind.unit, say(ind.credit, lang), height=300, lang=lang)
    fig.update_xaxes(dtick=max(1, int((series["year"].max() - series["year"].min()) // 8) if len(series) else 1))
    return fig


def grouped_bars(frame: pd.DataFrame, ind: Indicator, title: str, lang: str = "en",
                 references: pd.DataFrame | None = None) -> go.Figure:
    """One bar per region (``frame``: name, value, year), then the references (``references``: name, value, year,
    label, scope "country" or "EU"; a reference with no value is named under the title as missing)."""
    frame = frame.sort_values("value", ascending=False)
    # the regions: named for the hover and export, and no legend (it would only repeat the title)
    fig = go.Figure(go.Bar(x=frame["name"], y=frame["value"], marker_color=sample_colorscale(SEQUENTIAL, [0.7])[0],
                           name=ind.short_label, showlegend=False,
                           text=[number(v, ind.decimals, lang) for v in frame["value"]], textposition="outside",
                           customdata=frame["year"],
                           hovertemplate=f"%{{x}}: %{{y:,.{ind.decimals}f}} {ind.short_unit} (%{{customdata}})<extra></extra>"))
    missing = []
    for ref in (references.itertuples(index=False) if references is not None else ()):
        if ref.value is None or pd.isna(ref.value):
            missing.append(ref.name)
            continue
        # a reference is set apart by its colour and pattern, and named on the axis like the regions
        fig.add_trace(go.Bar(x=[ref.name], y=[ref.value], name=f"{ref.name}: {ref.label}", showlegend=False,
                             marker=dict(color=REFERENCE_COLOURS[ref.scope], pattern_shape="/", pattern_fgcolor="white"),
                             text=[number(ref.value, ind.decimals, lang)], textposition="outside",
                             hovertemplate=f"%{{x}}: %{{y:,.{ind.decimals}f}} {ind.short_unit} ({ref.year})<br>"
                                           f"{ref.label}<extra></extra>"))
    if missing:
        title += "<br><span style='font-size:12px;color:#555'>" + tr("No reference value for {names} in {year}", lang,
                                                                      names=", ".join(missing),
                                                                      year=int(references["year"].iloc[0])) + "</span>"
    _chart_layout(fig, title, ind.unit, say(ind.credit, lang), height=340, lang=lang)
    return fig


def scatter(frame: pd.DataFrame, x: Indicator, y: Indicator, chosen: list[str], title: str,
            lang: str = "en") -> go.Figure:
    """All regions faint, the chosen ones labelled (``frame``: geo, name, x, y)."""
    others = frame[~frame["geo"].isin(chosen)]
    picked = frame[frame["geo"].isin(chosen)]
    fig = go.Figure()
    # the other regions stay faint and unlabelled (their names only on hover): labels for all piled into a blob
    fig.add_trace(go.Scatter(x=others["x"], y=others["y"], mode="markers", name=tr("other regions", lang),
                             marker=dict(color="#9e9e9e", size=6, opacity=0.35), text=others["name"],
                             hovertemplate="%{text}<br>%{x}, %{y}<extra></extra>"))
    fig.add_trace(go.Scatter(x=picked["x"], y=picked["y"], mode="markers+text", name=tr("chosen regions", lang),
                             marker=dict(color=sample_colorscale(DIVERGING, [0.9])[0], size=11),
                             text=picked["name"], textposition=_alternating(picked["y"]),
                             hovertemplate="%{text}<br>%{x}, %{y}<extra></extra>"))
    _chart_layout(fig, title, y.unit, say((x.credit, y.credit), lang), height=460, lang=lang)
    fig.update_xaxes(title_text=f"{x.short_label} ({x.short_unit or x.unit})")
    fig.update_yaxes(title_text=f"{y.short_label} ({y.short_unit or y.unit})")
    return fig


def _alternating(y: pd.Series) -> list[str]:
    """Labels above and below in turn, by height, so neighbouring chosen regions do not print over each other."""
    order = y.rank(method="first").fillna(0).astype(int).tolist()
    return ["top center" if rank % 2 else "bottom center" for rank in order]


def separators(lang: str) -> str:
    """plotly's ``separators`` for ``lang``: its decimal then group mark (CLDR), so axes, hovers and d3 formats
    write '9,5' on a French page, not '9.5'."""
    return "".join(marks(lang))


def _chart_layout(fig: go.Figure, title: str, unit: str, credit: str, height: int, lang: str) -> None:
    """Title, the source line under it, then the chart (under the plot, long axis labels pushed the source line
    off the figure); the title and the source wrapped to fit a phone."""
    head, _, rest = title.partition("<br>")
    lines = textwrap.wrap(head, CHART_TITLE_CHARS) + ([rest] if rest else [])
    lines += [f"<span style='font-size:11px;color:#555'>{line}</span>"
              for line in fit(f"{credit} · Territorial Migration Atlas", CHART_CREDIT_CHARS)]
    lines = "<br>".join(lines).split("<br>")
    top = TITLE_TOP + CHART_LINE_PX * len(lines) + 8
    total = height + top - 50
    fig.update_layout(template="plotly_white", font=FONT, height=total, margin=dict(l=10, r=10, t=top, b=30),
                      # anchored at its first line, as maps' titles (see _map_layout)
                      title=dict(text="<br>".join(lines), x=0.01, xanchor="left", y=1 - (TITLE_TOP + 15) / total,
                                 yref="container", yanchor="bottom", font=dict(size=15)),
                      yaxis_title=unit, showlegend=True, separators=separators(lang))


def burn_in(fig: go.Figure, source: str, boundaries: bool, project: str, width: int = 640,
            lang: str = "en") -> go.Figure:
    """Put the source line (datasets, retrieval date, NUTS version), the boundary attribution on maps, and the
    project's name into the figure itself, so an image found on a desk says where it came from.

    ``width``: the figure's width in CSS pixels, so the lines wrap inside it; the legend is set in fixed
    columns there, so the source block can sit under it and never on it.
    """
    text = wrap(" · ".join([source] + ([say(boundary_line(), lang)] if boundaries else []) + [project]), max(40, int((width - 24) / 6.2)))
    credit = [a for a in fig.layout.annotations if a.name == "credit"]
    kept = [a for a in fig.layout.annotations if a.name != "credit"]
    margin_t = (fig.layout.margin.t or 0) - sum(LINE_PX * (a.text.count("<br>") + 1) for a in credit)
    names = [(trace.name or "").split("<br>") for trace in fig.data if trace.showlegend is not False]
    # as many columns as the longest entry allows (12 px text is ~6.5 px a character, plus the swatch)
    longest = max((len(line) for lines in names for line in lines), default=1)
    columns = max(1, min(len(names), int(width // (longest * 6.5 + 50))))
    extra = 16 * sum(len(lines) - 1 for lines in names)  # a two-line entry makes its row taller
    # a legend set beside the map (orientation "v", a wide image) takes no room under it
    legend_px = -(-len(names) // columns) * 30 + extra + 4 if fig.layout.legend.orientation == "h" else 0
    if legend_px and fig.layout.legend.title.text:  # a title set above the entries is a row of its own
        legend_px += 26
    if legend_px:
        fig.update_layout(legend=dict(entrywidthmode="fraction", entrywidth=1 / columns - 0.01))
    fig.update_layout(
        margin=dict(t=margin_t, b=10 + legend_px + LINE_PX * len(text)),
        annotations=[dict(text="<br>".join(text), showarrow=False, xref="paper", yref="paper", x=0, y=0,
                          yshift=-(legend_px + 4), xanchor="left",
                          xshift=4, yanchor="top", align="left", font=dict(size=11, color="#444")), *kept])
    return fig
