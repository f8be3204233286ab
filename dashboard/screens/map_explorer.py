"""The map (default page): the chosen indicator, level and year, classed, with no-data and flags visible."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard import figures, frame, state
from dashboard.context import PageContext
from dashboard.export import csvs, images
from dashboard.export.common import PROJECT, source_line
from dashboard.i18n import t
from dashboard.screens import downloads, europe_grid_view, local_views, town_search_box
from dashboard.text import plain
from geodata.attribution import BOUNDARIES
from indicators import flags
from indicators.mapdata import map_data

REGION_PAGE = "region"


def render(ctx: PageContext) -> state.View:
    store, view = ctx.store, ctx.view
    if st.toggle("1 km grid (Census 2021) view of Europe, summed to 5 km",
                 key=frame.seed("w_grid_view", view.layer == "grid")):
        europe_grid_view.render(store, ctx.pages)
        return replace(view, layer="grid")
    layer = local_views.other_view(store, view, ctx.maps)  # cities, Spain's municipalities, Italy's reception
    if layer != "regions":
        return replace(view, layer=layer)
    view = replace(view, layer="regions")
    data = map_data(store, view.indicator, view.level, view.year, view.scheme)
    ind = data.indicator
    level_text = "national" if view.level == 0 else f"NUTS {view.level}"
    year_text = str(view.year) if view.year else "period not stated by the source"
    if not view.embed:
        st.title(plain(ind.short_label))  # the short plain name; the source's full label right under it
        st.markdown(plain(ind.label))
        with st.expander("Find your town (every EU municipality, 1 km grid)"):
            town_search_box.render(store, ctx.pages, key="w_town_query")
    if data.values.empty:
        st.info(f"No values for this indicator at {level_text} in {year_text}. Try another level or year.")
        return view
    if data.mixed_versions:
        st.info("This map mixes NUTS versions (" + " and ".join(f"NUTS {v}" for v in data.versions)
                + "): each region is drawn with the boundaries of the version its figure was published in.")
    if data.mixed_periods:
        st.info("The values on this map cover different periods (" + ", ".join(data.periods[:4])
                + (", …" if len(data.periods) > 4 else "") + "): each region's period is in its hover and the table.")
    fig = figures.indicator_map(data, lambda v: ctx.maps.screen(v, view.level),
                                background=(ctx.maps.background, ctx.maps.background_ids),
                                no_data_label=t("no_data", view.lang), not_covered_label=t("not_covered", view.lang))
    # The figure carries its credit above the map; the full source line goes under it as page text, which
    # wraps at any width (a phone's 390 px included). Images come from the download buttons, with it burned in.
    event = st.plotly_chart(
        fig, key=f"map-{view.indicator}-{view.level}-{view.year}", on_select="rerun", selection_mode="points",
        width="stretch", theme=None,  # the map's own fonts and sizes, which its layout reserves room for
        config={"topojsonURL": ctx.maps.base_maps, "displaylogo": False, "scrollZoom": False,
                "modeBarButtonsToRemove": ["toImage"]},
        alt=f"Map of {ind.label}, {year_text}, {level_text}. The same values are in the table below.")
    st.caption(f"{source_line(store, ind, data.versions)} · {BOUNDARIES} · {PROJECT}")
    if not view.embed:
        st.caption(plain(ind.description))  # under the map, so a phone shows the map on its first screen
    clicked = [p.get("location") for p in (event.selection.points if event else []) if p.get("location")]
    if clicked and clicked[0] in set(data.values["geo"]) | set(data.no_data["geo"]):
        target = replace(view, geo=clicked[0])
        st.switch_page(ctx.pages[REGION_PAGE], query_params=state.to_params(target))
    st.caption("Click a region to open its profile. Dark grey: no data; light grey: not covered by this source. "
               f"Rings: values flagged {flags.marked_words()}. The outermost regions are in the boxes on the right.")
    _downloads(store, view, ind)
    if len(data.flagged):
        with st.expander(f"{t('flagged', view.lang)} ({len(data.flagged)})", expanded=False):
            st.dataframe(data.flagged[["name", "geo", "value", "flag", "flag_text"]].rename(
                columns={"flag_text": "meaning"}), hide_index=True, width="stretch")
    st.header(t("table", view.lang))
    shown = pd.concat([data.values.assign(status="value"),
                       data.no_data.assign(value=None, flag="", year=view.year, note="", status=data.no_data["reason"])],
                      ignore_index=True)
    st.dataframe(
        shown[["name", "geo", "value", "flag", "year", "period", "nuts_version", "note", "status"]].sort_values("name"),
        hide_index=True, width="stretch",
        column_config={"value": st.column_config.NumberColumn(f"value ({ind.short_unit or ind.unit})",
                                                              format=f"%.{ind.decimals}f"),
                       "nuts_version": st.column_config.NumberColumn("NUTS", format="%d"),
                       "year": st.column_config.NumberColumn("year", format="%d")})
    return view


IMAGE_SIZES = {"article": "Article, 1200 × 900", "social": "Social card, 1200 × 675",
               "print": "Print, A5 at 300 dpi (1748 × 2480)"}


def _downloads(store, view, ind) -> None:
    stem = f"{ind.id}_nuts{view.level}_{view.year or 'na'}"
    size = st.radio("Map image size", list(images.MAP_SIZES), format_func=IMAGE_SIZES.get, horizontal=True,
                    key="w_map_size")
    pixels, image = images.MAP_SIZES[size], f"{stem}_{size}"
    columns = st.columns(5)
    with columns[0]:
        downloads.on_request("map (PNG)", lambda: images.map_image(store, ind.id, view.level, view.year, "png",
                                                                   view.scheme, pixels), f"{image}.png", f"png_{image}")
    with columns[1]:
        downloads.on_request("map (SVG)", lambda: images.map_image(store, ind.id, view.level, view.year, "svg",
                                                                   view.scheme, pixels), f"{image}.svg", f"svg_{image}")
    with columns[2]:
        downloads.direct("Data on the map (CSV)", lambda: csvs.to_csv_bytes(csvs.indicator_rows(store, ind.id, view.level, view.year)),
                         f"{stem}.csv", f"csv_{stem}")
    with columns[3]:
        downloads.direct("Whole indicator (CSV)", lambda: csvs.to_csv_bytes(csvs.indicator_rows(store, ind.id)),
                         f"{ind.id}_all.csv", f"csvall_{ind.id}")
    with columns[4]:
        downloads.direct("Metadata (JSON)", lambda: csvs.metadata_bytes(store, ind.id, view.level, view.year),
                         f"{stem}.metadata.json", f"meta_{stem}")
