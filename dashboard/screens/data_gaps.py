"""Data-gap atlas: where local integration data is missing, thin or unreliable."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import figures, frame, state
from dashboard.export import csvs
from dashboard.screens import downloads, grid_gaps
from indicators import analysis, gaps, profile
from indicators.registry import REGISTRY, Indicator


def render(store, view: state.View, urls: dict, pages: dict) -> state.View:
    st.title("Data gaps")
    st.write("How many of the atlas's migration and integration indicators each region has at its own level "
             f"for a recent year (the indicator's {gaps.RECENT_YEARS} latest years). Values published only for a larger "
             "area do not count here: this map is about local data.")
    level = st.radio("NUTS level", [2, 3], horizontal=True, format_func=lambda lv: f"NUTS {lv}",
                     key=frame.seed("w_gap_level", view.level if view.level in (2, 3) else 2))
    coverage = gaps.region_coverage(store, level)
    _map(store, coverage, level, urls)
    st.dataframe(coverage, hide_index=True, width="stretch")
    downloads.direct("Coverage by region (CSV)", lambda: csvs.to_csv_bytes(coverage), f"coverage_nuts{level}.csv",
                     f"gap_regions_{level}")

    st.subheader("Coverage of one indicator, by country")
    options = gaps.gap_indicators()
    chosen = st.selectbox("Indicator", options, format_func=lambda i: REGISTRY[i].label,
                          key=frame.seed("w_gap_indicator", view.indicator if view.indicator in options else options[0]))
    by_country = gaps.indicator_coverage(store, chosen)
    st.dataframe(by_country, hide_index=True, width="stretch")
    downloads.direct("Coverage by country (CSV)", lambda: csvs.to_csv_bytes(by_country), f"coverage_{chosen}.csv",
                     f"gap_country_{chosen}")

    st.subheader(f"Countries × indicators: share of NUTS {level} regions with a recent value (%)")
    matrix = gaps.coverage_matrix(store, level)
    st.dataframe(matrix, hide_index=True, width="stretch")
    downloads.direct("Coverage matrix (CSV)", lambda: csvs.to_csv_bytes(matrix), f"coverage_matrix_nuts{level}.csv",
                     f"gap_matrix_{level}")

    st.subheader("One region")
    search = profile.search_options(store)
    labels = dict(zip(search["geo"], search["label"]))
    geo = st.selectbox("Region", list(search["geo"]), index=None, format_func=labels.get,
                       key=frame.seed("w_gap_geo", view.geo), placeholder="Type a name or a code")
    if geo:
        status = gaps.region_status(store, geo)
        st.dataframe(status, hide_index=True, width="stretch")
        downloads.direct("This region's gaps (CSV)", lambda: csvs.to_csv_bytes(status), f"gaps_{geo}.csv", f"gap_geo_{geo}")

    st.subheader("Published only for whole countries")
    st.write("Eurostat publishes these integration statistics only nationally. Regional figures would show where "
             "integration works and where it does not; they are the gap that local data would fill.")
    st.dataframe(pd.DataFrame([{"topic": n.topic, "Eurostat dataset": n.dataset,
                                "in the atlas as": REGISTRY[n.in_atlas].label if n.in_atlas else "not held"}
                               for n in gaps.NATIONAL_ONLY]), hide_index=True, width="stretch")
    grid_gaps.render(store)
    return state.View(**{**view.__dict__, "geo": geo, "indicator": chosen if view.indicator not in options else view.indicator})


def _map(store, coverage: pd.DataFrame, level: int, urls: dict) -> None:
    rows = coverage.assign(value=coverage["available"].astype(float), flag="", year=None,
                           hover="Missing: " + coverage["missing"].where(coverage["missing"] != "", "nothing"))
    count = Indicator("coverage", "Integration indicators with recent local data", "Indicators available",
                      f"of {int(coverage['of'].iloc[0])} indicators", "", "How many indicators a region has.",
                      "population", "count", "higher_is_better", (level,), None, 0, "Sources: see the indicators")
    classes = analysis.classify(rows["value"], "equal_interval", 5)
    fig = figures.choropleth(rows, count, classes, lambda v: urls["screen"][(int(v), level)],
                             title="Integration indicators with recent local data",
                             subtitle=f"NUTS {level} · count of {int(coverage['of'].iloc[0])}",
                             background=(urls["background"], urls["background_ids"]))
    st.plotly_chart(fig, key=f"gap-map-{level}", config={"topojsonURL": "/app/static/", "displaylogo": False},
                    alt=f"Map of how many integration indicators each NUTS {level} region has; the table below lists them.")
