"""Most affected regions: a named preset or the user's own weights, filters, the ranked table, the regions that
could not be ranked and why, the map, and why a chosen region ranks where it does."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard import figures, frame, state
from dashboard.context import PageContext
from dashboard.export import csvs
from dashboard.i18n import t
from dashboard.screens import downloads, local_views, rank_breakdown
from geodata.codes import EU27
from indicators import presets
from indicators.classes import classify
from indicators.composite import (TYPOLOGY_GROUPS, composite, not_ranked, regions_with, typology_values,
                                  with_geometry_version)
from indicators.presets import CANDIDATES, OWN, PRESETS
from indicators.ranking_table import contribution_column, csv_rows, display_table, value_column
from indicators.registry import REGISTRY

METHOD = ("Each indicator is scaled 0-100 over **every EU-27 region of the level** (100 = the most affected end, "
          "after clipping the top and bottom 2 %), so filters choose which regions are listed and never change a "
          "region's score. The score is the weighted mean over the indicators a region has; a region with data "
          "for less than half of the weight is not ranked. Missing data never counts as zero. Regions outside the "
          "EU-27 are ranked only when ticked below, and then placed on the same EU-27 scale.")


def render(ctx: PageContext) -> state.View:
    store, view = ctx.store, ctx.view
    st.title(t("most_affected", view.lang))
    level = st.radio(t("level", view.lang), [2, 3], horizontal=True, format_func=lambda lv: f"NUTS {lv}",
                     key=frame.seed("w_ma_level", view.level if view.level in (2, 3) else 2))
    start, start_weights, note = presets.resolve(view.preset, view.weights, level)
    if note:
        st.info(note)
    elsewhere = sorted(set(view.weights) - set(CANDIDATES[level]))
    if elsewhere:  # a link names what it shows, or says why not
        st.warning(f"{len(elsewhere)} weight(s) in the link are for indicators not scored at NUTS {level} and are not used.")
    chosen = st.radio("Ranking", [*PRESETS, OWN], format_func=presets.label, horizontal=True,
                      key=frame.seed("w_ma_preset", start))
    st.markdown(f"**{presets.label(chosen)}**: {presets.definition(chosen)}")
    st.caption(presets.availability_text(chosen, level))
    weights = _own_weights(level, start_weights, view.lang) if chosen == OWN else presets.preset_weights(chosen, level)
    countries, outside_eu, typology = _filters(store, view, level)
    view = replace(view, preset=chosen, weights={k: w for k, w in weights.items() if w} if chosen == OWN else {},
                   countries=countries, outside_eu=outside_eu, typology=typology)
    st.caption(METHOD)
    if not any(weights.values()):
        st.info(f"{presets.label(chosen)} has no indicator published at NUTS {level}: choose the other level or "
                "another ranking." if chosen != OWN else "Every weight is 0: set at least one above zero.")
        return view
    result = composite(store, level, weights, countries=countries or None, regions=regions_with(store, typology),
                       outside_eu=outside_eu)
    local_views.reception_beside_score(store, countries, level)  # Italy only: reception load beside the score
    ranked = result[result["rank"].notna()]
    years = result.attrs.get("years", {})
    st.caption("Years used: " + "; ".join(f"{REGISTRY[k].short_label} {v or '(period not stated)'}"
                                          for k, v in years.items()))
    if ranked.empty:
        st.info("No region in this selection has enough data for this ranking.")
    else:
        _map(store, ranked, level, ctx.maps)
        _table(result, view.lang)
    _not_ranked(result)
    downloads.direct("Ranked table (CSV)",
                     lambda: csvs.to_csv_bytes(csv_rows(result, presets.describe(chosen, level, weights))),
                     f"most_affected_{chosen}_nuts{level}.csv", "ma_csv")
    if not ranked.empty:
        view = replace(view, geo=_why(store, ranked, level, weights, view))
    return view


def _own_weights(level: int, start: dict[str, float], lang: str) -> dict[str, float]:
    """The own mix: one slider per indicator weighable at the level, starting from the preset shown before."""
    weights = {}
    with st.expander(t("weights", lang), expanded=True):
        columns = st.columns(2)
        for i, indicator_id in enumerate(CANDIDATES[level]):
            ind = REGISTRY[indicator_id]
            weights[indicator_id] = columns[i % 2].slider(
                ind.label, state.WEIGHTS.low, state.WEIGHTS.high, step=state.WEIGHTS.step,
                key=frame.seed(f"w_weight_{level}_{indicator_id}", float(start.get(indicator_id, 0.0))),
                help=f"{ind.description} {'High' if ind.affected_when == 'high' else 'Low'} values count as more affected.")
    return weights


def _filters(store, view, level: int) -> tuple[list[str], bool, dict[str, list[str]]]:
    """Countries (EU-27 unless regions outside it are asked for) and, at NUTS 3, territorial types."""
    outside_eu = st.checkbox("Also rank regions outside the EU-27 (on the EU-27 scale)",
                             key=frame.seed("w_ma_outside_eu", view.outside_eu))
    available = sorted(store.regions.loc[store.regions["level"] == 0, "geo"].unique())
    options = [c for c in available if outside_eu or c in EU27]
    if set(view.countries) - set(options):
        st.warning("Countries outside the EU-27 in the link are listed only when regions outside the EU-27 are ticked.")
    countries = st.multiselect(t("countries", view.lang), options, help="None chosen: every country.",
                               key=frame.seed("w_countries", [c for c in view.countries if c in options]))
    typology = {}
    if level == 3:
        st.caption(t("typology", view.lang) + ": any value chosen within a box, and every box with a value.")
        values = typology_values(store)
        if any(v not in values.get(c, []) for c, chosen in view.typology.items() for v in chosen):
            st.warning("A territorial-type value in the link is not known and was left out.")
        columns = st.columns(len(TYPOLOGY_GROUPS))
        for i, (group, members) in enumerate(TYPOLOGY_GROUPS.items()):
            options = [f"{c}:{v}" for c in members for v in values[c]]
            start = [f"{c}:{v}" for c in members for v in view.typology.get(c, []) if f"{c}:{v}" in options]
            for picked in columns[i].multiselect(group, options, placeholder="any", key=frame.seed(f"w_typo_{i}", start),
                                                 format_func=lambda o: o.partition(":")[2]):
                column, _, value = picked.partition(":")
                typology.setdefault(column, []).append(value)
    return countries, outside_eu, typology


def _table(result: pd.DataFrame, lang: str) -> None:
    st.header(t("ranked", lang))
    weights = result.attrs["weights"]
    total = sum(weights.values())
    config = {"Score": st.column_config.ProgressColumn("Score", min_value=0, max_value=100, format="%.1f",
                                                       help="0-100 on the EU-27 scale; 100 = most affected"),
              "Data for (% of weight)": st.column_config.NumberColumn(format="%.0f %%")}
    for indicator_id, weight in weights.items():
        ind = REGISTRY[indicator_id]
        config[value_column(indicator_id)] = st.column_config.TextColumn(
            help=f"{ind.label} ({ind.unit}), {result.attrs['years'][indicator_id] or 'period not stated'}")
        config[contribution_column(indicator_id)] = st.column_config.ProgressColumn(
            min_value=0, max_value=100 * weight / total, format="%.1f",
            help=f"Score points from {ind.short_label} (full bar: the most affected end of the EU-27 scale)")
    st.dataframe(display_table(result), hide_index=True, width="stretch", column_config=config)


def _not_ranked(result: pd.DataFrame) -> None:
    st.header("Not ranked, and why")  # h2 even when no table precedes it (no skipped heading level)
    missing = not_ranked(result)
    if missing.empty:
        st.caption("Every region in the selection could be scored.")
        return
    st.caption(f"{len(missing)} region(s) in the selection could not be scored (regions filtered out are not listed).")
    st.dataframe(missing.rename(columns={"geo": "Code", "name": "Region", "reason": "Why"}), hide_index=True,
                 width="stretch")


def _why(store, ranked: pd.DataFrame, level: int, weights: dict[str, float], view) -> str:
    """Pick a ranked region and show its breakdown; returns the region picked (kept in the link)."""
    st.header("Why it ranks here")
    codes = list(ranked["geo"])
    names = dict(zip(ranked["geo"], ranked["name"]))
    geo = st.selectbox("Region", codes, format_func=lambda g: f"{names[g]} ({g})",
                       key=frame.seed("w_ma_why", view.geo if view.geo in codes else codes[0]))
    if geo not in codes:  # a region left by a new filter
        geo = codes[0]
    rank_breakdown.table(store, level, weights, geo)
    return geo


def _map(store, ranked: pd.DataFrame, level: int, maps) -> None:
    rows = with_geometry_version(store, ranked, level).assign(value=lambda f: f["score"], flag="", year=None)
    score = figures.Legend(decimals=1, unit="score 0-100", credit="Sources: see the weighted indicators")
    classes = classify(rows["value"], "quantiles", 5)
    fig = figures.choropleth(rows, score, classes, lambda v: maps.screen(v, level),
                             title="Most-affected score", subtitle=f"NUTS {level} · scaled over the EU-27",
                             background=(maps.background, maps.background_ids))
    st.plotly_chart(fig, key="composite-map", config={"topojsonURL": maps.base_maps, "displaylogo": False},
                    alt="Map of the most-affected score; the ranked table below holds the values.")
    st.caption("The map image download is on the Map page for each indicator; the score's values are in the CSV below.")
