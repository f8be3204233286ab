"""Most affected regions: weights the user can see and change, filters, the ranked table, rank stability, map."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard import figures, frame, state
from dashboard.context import PageContext
from dashboard.export import csvs
from dashboard.i18n import t
from dashboard.screens import downloads, local_views
from indicators.classes import classify
from indicators.composite import CANDIDATES, composite, regions_with, typology_values, with_geometry_version
from indicators.registry import REGISTRY


def render(ctx: PageContext) -> state.View:
    store, view = ctx.store, ctx.view
    st.title(t("most_affected", view.lang))
    st.caption("Each indicator is scaled 0-100 across the regions shown (100 = most affected end, after "
               "clipping the top and bottom 2 %); the score is the weighted mean over the indicators a region "
               "has. Regions with data for less than half of the weight are not ranked. Missing data never "
               "counts as zero.")
    level = st.radio(t("level", view.lang), [2, 3], horizontal=True, format_func=lambda lv: f"NUTS {lv}",
                     key=frame.seed("w_ma_level", view.level if view.level in (2, 3) else 2))
    weights = {}
    defaults = state.default_weights(level)
    elsewhere = sorted(set(view.weights) - set(CANDIDATES[level]))
    if elsewhere:  # a link names what it shows, or says why not
        st.warning(f"{len(elsewhere)} weight(s) in the link are for indicators not scored at NUTS {level} and are not used.")
    with st.expander(t("weights", view.lang), expanded=True):
        columns = st.columns(2)
        for i, indicator_id in enumerate(CANDIDATES[level]):
            start = view.weights.get(indicator_id, defaults.get(indicator_id, 0.0))
            weights[indicator_id] = columns[i % 2].slider(
                REGISTRY[indicator_id].label, state.WEIGHTS.low, state.WEIGHTS.high, step=state.WEIGHTS.step,
                key=frame.seed(f"w_weight_{level}_{indicator_id}", float(start)),
                help=f"{REGISTRY[indicator_id].description} High values count as more affected"
                     if REGISTRY[indicator_id].affected_when == "high" else None)
    countries = sorted(store.regions.loc[store.regions["level"] == 0, "geo"].unique())
    chosen_countries = st.multiselect(t("countries", view.lang), countries, key=frame.seed("w_countries", view.countries))
    filters = {}
    if level == 3:
        st.caption(t("typology", view.lang))
        options = typology_values(store)
        columns = st.columns(3)
        for i, (column, values) in enumerate(options.items()):
            picked = columns[i % 3].selectbox(column.replace("_", "-"), ["(any)"] + values,
                                              key=frame.seed(f"w_typo_{column}", view.typology.get(column, "(any)")))
            if picked != "(any)":
                filters[column] = picked
    # Only weights that differ from the defaults go into the link, zeros included, so it reopens this score.
    view = replace(view, weights={k: w for k, w in weights.items() if w != defaults.get(k, 0.0)},
                   countries=chosen_countries, typology=filters)
    result = composite(store, level, weights, countries=chosen_countries or None, regions=regions_with(store, filters))
    local_views.reception_beside_score(store, chosen_countries, level)  # Italy only: reception load beside the score
    ranked = result[result["rank"].notna()]
    if ranked.empty:
        st.info("No region has enough data for these weights and filters.")
        return view
    years = result.attrs.get("years", {})
    st.caption("Years used: " + "; ".join(f"{REGISTRY[k].short_label} {v}" for k, v in years.items()))
    _map(store, ranked, level, ctx.maps, view)
    st.header(t("ranked", view.lang))
    shown = ranked.rename(columns={c: "Δ " + REGISTRY[c.removeprefix("contribution_")].short_label
                                   for c in ranked.columns if c.startswith("contribution_")})
    st.dataframe(shown, hide_index=True, width="stretch",
                 column_config={"score": st.column_config.ProgressColumn("score", min_value=0, max_value=100, format="%.1f"),
                                "coverage": st.column_config.NumberColumn("coverage", format="%.2f"),
                                "rank_spread": st.column_config.NumberColumn(
                                    "rank spread (weights ±20 %)", help="How far the rank moves when any one weight moves by 20 %")})
    downloads.direct("Ranked table (CSV)", lambda: csvs.to_csv_bytes(shown), f"most_affected_nuts{level}.csv", "ma_csv")
    return view


def _map(store, ranked: pd.DataFrame, level: int, maps, view) -> None:
    rows = with_geometry_version(store, ranked, level).assign(value=lambda f: f["score"], flag="", year=None)
    score = figures.Legend(decimals=1, unit="score 0-100", credit="Sources: see the weighted indicators")
    classes = classify(rows["value"], "quantiles", 5)
    fig = figures.choropleth(rows, score, classes, lambda v: maps.screen(v, level),
                             title="Most-affected score", subtitle=f"NUTS {level} · weights as set above",
                             background=(maps.background, maps.background_ids))
    st.plotly_chart(fig, key="composite-map", config={"topojsonURL": maps.base_maps, "displaylogo": False},
                    alt="Map of the most-affected score; the ranked table below holds the values.")
    st.caption("The map image download is on the Map page for each indicator; the score's values are in the CSV below.")
