"""The map (default page): the chosen indicator, level and year, classed, with no-data and flags visible."""

from __future__ import annotations

import zlib
from dataclasses import replace

import numpy as np
import pandas as pd
import streamlit as st

from dashboard import flag_words, frame, links, state
from dashboard.maps import map_ahead, plotly_map
from dashboard.context import PageContext
from dashboard.export import csvs, images
from dashboard.export.common import PROJECT, source_line
from dashboard.column_words import headers
from dashboard.i18n import say, tr
from dashboard.maps.figures import level_text, year_text
from dashboard.maps.map_ahead import in_language
from dashboard.screens import basket, downloads, europe_grid_view, local_views, share, town_search_box
from dashboard.screens.shown_tables import NONE, in_marks
from dashboard.text import plain
from geodata.attribution import boundaries
from indicators.regions import tables
from indicators.regions.mapdata import map_data

def render(ctx: PageContext) -> state.View:
    store, view = ctx.store, ctx.view
    lang = view.lang
    plotly_map.preload()  # plotly.js loads while the rest of the page is built
    if view.embed:  # the chart, its legend, its source line and the year control: nothing else
        return _embedded(ctx)
    if st.toggle(tr("1 km grid (Census 2021) view of Europe, summed to 5 km", lang),
                 key=frame.seed("w_grid_view", view.layer == "grid")):
        europe_grid_view.render(store, ctx.pages, view)
        return replace(view, layer="grid")
    layer = local_views.other_view(store, view, ctx.maps)  # cities, Spain's municipalities, Italy's reception
    if layer != "regions":
        return replace(view, layer=layer)
    view = replace(view, layer="regions")
    data = in_language(map_data(store, view.indicator, view.level, view.year, view.scheme), lang)
    ind = data.indicator
    st.title(plain(ind.short_label))  # the short plain name; the source's full label right under it
    st.markdown(plain(ind.label))
    with st.expander(tr("Find your town (every EU municipality, 1 km grid)", lang)):
        town_search_box.render(store, ctx.pages, view, key="w_town_query")
    if not _map(ctx, view, data):
        return view
    st.caption(plain(ind.description))  # under the map, so a phone shows the map on its first screen
    st.caption(tr("Click a region to open its profile. Dark grey: no data; light grey: not covered by this source. "
                  "Rings: values flagged as {flags}. The outermost regions are in the boxes on the right.", lang,
                  flags=flag_words.marked(lang)))
    _downloads(store, view, ind)
    share.panel(view, "map", f"{ind.short_label} ({level_text(view.level, lang)}, {year_text(view.year, lang)})")
    if len(data.flagged):
        with st.expander(f"{tr('Flagged values', lang)} ({len(data.flagged)})", expanded=False):
            flagged = data.flagged.assign(meaning=[flag_words.words(f, lang) for f in data.flagged["flag"]])
            flagged = flagged[["name", "geo", "value", "flag", "meaning"]]
            st.dataframe(in_marks(flagged, lang, {"value": ind.decimals}), hide_index=True, width="stretch",
                         column_config=headers(flagged, lang), placeholder=NONE)
    st.header(tr("The values on the map", lang))
    shown = pd.concat([data.values.assign(status=tr("value", lang), note=[say(n, lang) for n in data.values["note"]]),
                       # no value is an empty cell (NaN keeps the column numeric), never the word "None"
                       data.no_data.assign(value=np.nan, flag="", year=view.year, period="", note="",
                                           status=[say(r, lang) for r in data.no_data["reason"]])],
                      ignore_index=True)
    shown = shown[["name", "geo", "value", "flag", "year", "period", "nuts_version", "note", "status"]].sort_values(
        "name").reset_index(drop=True)
    event = st.dataframe(
        in_marks(shown, lang, {"value": ind.decimals}), hide_index=True, width="stretch", key="map_table",
        on_select="rerun", selection_mode="multi-row", placeholder=NONE,
        column_config={**headers(shown, lang),
                       # English by the column's format; another language's marks by in_marks (a Styler)
                       "value": st.column_config.NumberColumn(tr("value ({unit})", lang, unit=ind.short_unit or ind.unit),
                                                              format=f"%.{ind.decimals}f" if lang == "en" else None),
                       "nuts_version": st.column_config.NumberColumn("NUTS", format="%d"),
                       "year": st.column_config.NumberColumn(tr("year", lang), format="%d")})
    basket.offer(view, basket.ticked(event, list(shown["geo"])), ctx.pages)
    return view


def _map(ctx: PageContext, view: state.View, data, year_key: str = "w_year") -> bool:
    """The map and its source line; False (with a plain message) when the view has no values.

    ``year_key`` is the year slider's widget key: the map follows it in the browser (plotly_map.py)."""
    store, lang, ind = ctx.store, view.lang, data.indicator
    level_words, year_words = level_text(view.level, lang), year_text(view.year, lang)
    if data.values.empty:
        st.info(tr("No values for this indicator at {level} in {year}. Try another level or year.", lang,
                   level=level_words, year=year_words))
        return False
    if data.mixed_versions:
        st.info(tr("This map mixes NUTS versions ({versions}): each region is drawn with the boundaries of the "
                   "version its figure was published in.", lang,
                   versions=" / ".join(f"NUTS {v}" for v in data.versions)))
    if data.mixed_periods:
        st.info(tr("The values on this map cover different periods ({periods}): each region's period is in its "
                   "hover and the table.", lang,
                   periods=", ".join(data.periods[:4]) + (", …" if len(data.periods) > 4 else "")))
    shown = map_ahead.map_view(store, ctx.maps, view.indicator, view.level, view.year, view.scheme, lang)
    # One key for every indicator, level and year, and a component whose identity is that key alone: the browser
    # keeps the map's node and Plotly.react updates it in place instead of drawing a new chart (plotly_map.py).
    # The years beside this one are fetched ahead and drawn as soon as the year slider shows them (map_ahead.py).
    # The figure carries its credit above the map; the full source line goes under it as page text, which
    # wraps at any width (a phone's 390 px included). Images come from the download buttons, with it burned in.
    years = tables.years(store, view.indicator, view.level)
    clicked = plotly_map.plotly_map(
        shown, key="map", year=view.year, years=len(years), follow=f".st-key-{year_key}",
        ahead=map_ahead.ahead(ctx.maps, view.indicator, view.level, view.year, view.scheme, lang, years),
        fit=view.embed,  # an iframe's height is fixed: the map, its legend and the source line fit in it
        config={"topojsonURL": ctx.maps.base_maps, "displaylogo": False, "scrollZoom": False,
                "modeBarButtonsToRemove": ["toImage"]})
    st.caption(f"{source_line(store, ind, data.versions, lang)} · {say(boundaries(), lang)} · {PROJECT}")
    # a click switches page at once, so no click outlives its figure
    if clicked and clicked in set(data.values["geo"]) | set(data.no_data["geo"]) and not view.embed:
        target = replace(view, geo=clicked)
        links.switch(ctx.pages, "region", target)
    return True


def _embedded(ctx: PageContext) -> state.View:
    """embed=1: the year control above the map, the map with its legend, the source line; no buttons, no table."""
    store, view = ctx.store, ctx.view
    years = tables.years(store, view.indicator, view.level)
    year = view.year
    if len(years) > 1:
        year = st.select_slider(tr("Year", view.lang), years, key=frame.seed(
            "w_embed_year", view.year if view.year in years else years[-1]))
    view = replace(view, year=year, layer="regions")
    _map(ctx, view, in_language(map_data(store, view.indicator, view.level, view.year, view.scheme), view.lang),
         year_key="w_embed_year")
    return view


def _size_label(size: str, lang: str) -> str:
    return {"article": tr("Article, 1200 × 900", lang), "social": tr("Social card, 1200 × 675", lang),
            "print": tr("Print, A5 at 300 dpi (1748 × 2480)", lang)}[size]


def _downloads(store, view, ind) -> None:
    lang = view.lang
    stem = f"{ind.id}_nuts{view.level}_{view.year or 'na'}"
    left, right = st.columns(2)
    with left:
        size = st.radio(tr("Map image size", lang), list(images.MAP_SIZES), horizontal=True, key="w_map_size",
                        format_func=lambda s: _size_label(s, lang))
    with right:
        # the title printed on the image: the short label unless the journalist writes their own
        # a key per language: the default title follows a switch of language (a widget keeps its first value)
        title = st.text_input(tr("Title on the image", lang), value=ind.short_label, max_chars=images.MAX_TITLE,
                              key=f"w_map_title_{ind.id}" + ("" if lang == "en" else f"_{lang}"))
    title = title.strip() or ind.short_label
    pixels, image = images.MAP_SIZES[size], f"{stem}_{size}"
    # a new file per title, and per language (the image's words follow the page)
    custom = (("" if title == ind.short_label else f"_{zlib.crc32(title.encode()):08x}")
              + ("" if lang == "en" else f"_{lang}"))
    columns = st.columns(5)
    with columns[0]:
        downloads.on_request(tr("map (PNG)", lang), lambda: images.map_image(
            store, ind.id, view.level, view.year, "png", view.scheme, pixels, title=title, lang=lang),
            f"{image}.png", f"png_{image}{custom}")
    with columns[1]:
        downloads.on_request(tr("map (SVG)", lang), lambda: images.map_image(
            store, ind.id, view.level, view.year, "svg", view.scheme, pixels, title=title, lang=lang),
            f"{image}.svg", f"svg_{image}{custom}")
    with columns[2]:
        downloads.direct(tr("Data on the map (CSV)", lang), lambda: csvs.to_csv_bytes(
            csvs.indicator_rows(store, ind.id, view.level, view.year)), f"{stem}.csv", f"csv_{stem}")
    with columns[3]:
        downloads.direct(tr("Whole indicator (CSV)", lang), lambda: csvs.to_csv_bytes(
            csvs.indicator_rows(store, ind.id)), f"{ind.id}_all.csv", f"csvall_{ind.id}")
    with columns[4]:
        downloads.direct(tr("Metadata (JSON)", lang), lambda: csvs.metadata_bytes(store, ind.id, view.level, view.year),
                         f"{stem}.metadata.json", f"meta_{stem}")
