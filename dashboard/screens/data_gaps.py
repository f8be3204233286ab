"""Data-gap atlas: where local integration data is missing, thin or unreliable."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard import figures, frame, state
from dashboard.context import PageContext
from dashboard.export import csvs
from dashboard.screens import downloads, grid_gaps, local_views
from indicators import gaps, profile
from indicators.classes import count_classes
from indicators.registry import REGISTRY


def render(ctx: PageContext) -> state.View:
    store, view = ctx.store, ctx.view
    st.title("Data gaps")
    st.write("How many of the atlas's migration and integration indicators each region has at its own level "
             f"for a recent year (the indicator's {gaps.RECENT_YEARS} latest years). Values published only for a larger "
             "area do not count here: this map is about local data.")
    level = st.radio("NUTS level", [2, 3], horizontal=True, format_func=lambda lv: f"NUTS {lv}",
                     key=frame.seed("w_gap_level", view.level if view.level in (2, 3) else 2))
    coverage = gaps.region_coverage(store, level)
    _map(store, coverage, level, ctx.maps)
    st.dataframe(coverage, hide_index=True, width="stretch")
    downloads.direct("Coverage by region (CSV)", lambda: csvs.to_csv_bytes(coverage), f"coverage_nuts{level}.csv",
                     f"gap_regions_{level}")

    st.header("Coverage of one indicator, by country")
    options = gaps.gap_indicators()
    chosen = st.selectbox("Indicator", options, format_func=lambda i: REGISTRY[i].label,
                          key=frame.seed("w_gap_indicator", view.indicator if view.indicator in options else options[0]))
    by_country = gaps.indicator_coverage(store, chosen)
    st.dataframe(by_country, hide_index=True, width="stretch")
    downloads.direct("Coverage by country (CSV)", lambda: csvs.to_csv_bytes(by_country), f"coverage_{chosen}.csv",
                     f"gap_country_{chosen}")

    st.header(f"Countries × indicators: share of NUTS {level} regions with a recent value (%)")
    matrix = gaps.coverage_matrix(store, level)
    st.dataframe(matrix, hide_index=True, width="stretch")
    downloads.direct("Coverage matrix (CSV)", lambda: csvs.to_csv_bytes(matrix), f"coverage_matrix_nuts{level}.csv",
                     f"gap_matrix_{level}")

    st.header("One region")
    search = profile.search_options(store)
    labels = dict(zip(search["geo"], search["label"]))
    geo = st.selectbox("Region", list(search["geo"]), index=None, format_func=labels.get,
                       key=frame.seed("w_gap_geo", view.geo), placeholder="Type a name or a code")
    if geo:
        status = gaps.region_status(store, geo)
        st.dataframe(status, hide_index=True, width="stretch")
        downloads.direct("This region's gaps (CSV)", lambda: csvs.to_csv_bytes(status), f"gaps_{geo}.csv", f"gap_geo_{geo}")

    st.header("Published only for whole countries")
    st.write("Eurostat publishes these integration statistics only nationally. Regional figures would show where "
             "integration works and where it does not; they are the gap that local data would fill.")
    st.dataframe(pd.DataFrame([{"topic": n.topic, "Eurostat dataset": n.dataset,
                                "in the atlas as": REGISTRY[n.in_atlas].label if n.in_atlas else "not held"}
                               for n in gaps.NATIONAL_ONLY]), hide_index=True, width="stretch")
    local_views.data_gaps_section(store)  # local coverage, and published city values not shown
    grid_gaps.render(store)
    return replace(view, geo=geo, indicator=chosen if view.indicator not in options else view.indicator)


def _map(store, coverage: pd.DataFrame, level: int, maps) -> None:
    rows = coverage.assign(value=coverage["available"].astype(float), flag="", year=None,
                           hover="Missing: " + coverage["missing"].where(coverage["missing"] != "", "nothing"))
    count = figures.Legend(decimals=0, unit=f"of {int(coverage['of'].iloc[0])} indicators",
                           credit="Sources: see the indicators")
    classes = count_classes(rows["value"], int(coverage["of"].iloc[0]))
    fig = figures.choropleth(rows, count, classes, lambda v: maps.screen(v, level),
                             title="Integration indicators with recent local data",
                             subtitle=f"NUTS {level} · count of {int(coverage['of'].iloc[0])}",
                             background=(maps.background, maps.background_ids))
    st.plotly_chart(fig, key=f"gap-map-{level}", config={"topojsonURL": maps.base_maps, "displaylogo": False},
                    alt=f"Map of how many integration indicators each NUTS {level} region has; the table below lists them.")
