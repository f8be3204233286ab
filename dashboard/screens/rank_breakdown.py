"""Why a region ranks where it does: each weighted indicator's value, 0-100 score, weight and contribution,
on the ranking page and as a short section of the region profile."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import figures, state
from geodata.codes import EU27, level_of
from indicators import presets
from indicators.composite import composite
from indicators.ranking_table import breakdown, rank_text, value_text


def table(store, level: int, weights: dict[str, float], geo: str) -> None:
    """The breakdown of ``geo``'s score under ``weights``, with the sum spelt out."""
    parts = breakdown(store, level, weights, geo)
    shown = pd.DataFrame({
        "Indicator": parts["label"],
        "Value": [value_text(v, i) if pd.notna(v) else "no value (not counted)"
                  for v, i in zip(parts["value"], parts["indicator"])],
        "Year": [str(int(y)) if pd.notna(y) else "period not stated" for y in parts["year"]],
        "Flag": parts["flag"].fillna(""),
        "Score 0-100": parts["scaled"].astype(float),
        "Weight": parts["weight"],
        "Share of weight": (parts["weight_share"].astype(float) * 100),
        "Contribution": parts["contribution"].astype(float)})
    st.dataframe(shown, hide_index=True, width="stretch", column_config={
        "Score 0-100": st.column_config.ProgressColumn(min_value=0, max_value=100, format="%.1f",
                                                       help="The value on the EU-27 scale of the level; 100 = most affected"),
        "Weight": st.column_config.NumberColumn(format="%g"),
        "Share of weight": st.column_config.NumberColumn(format="%.0f %%", help="Of the weight this region has data for"),
        "Contribution": st.column_config.ProgressColumn(min_value=0, max_value=100, format="%.1f",
                                                        help="Score × share of weight: the points it adds to the score")})
    present = parts[parts["contribution"].notna()]
    if len(present):
        terms = " + ".join(figures.format_value(c, 1) for c in present["contribution"])
        st.caption(f"Score {figures.format_value(present['contribution'].sum(), 1)} = {terms}.")


def section(store, geo: str, view: state.View) -> None:
    """On the region profile: the region's rank among EU-27 regions of its level on the preset in the link
    (or the default one), and the breakdown. Nothing for levels the ranking does not cover."""
    level = level_of(geo)
    if level not in presets.LEVELS or geo[:2] not in EU27:
        return
    preset, weights, _ = presets.resolve(view.preset, view.weights, level)
    if not any(weights.values()):
        return
    st.header("Why it ranks here")
    result = composite(store, level, weights, stability=False).set_index("geo")
    if geo not in result.index or pd.isna(result.at[geo, "rank"]):
        st.caption(f"Not ranked on {presets.label(preset)}: too little data at NUTS {level}.")
        return
    of = int(result["rank"].notna().sum())
    st.caption(f"Rank {rank_text(result.at[geo, 'rank'], result.at[geo, 'tied'])} of {of} EU-27 NUTS {level} regions "
               f"on **{presets.label(preset)}** (1 = most affected). {presets.definition(preset)}")
    table(store, level, weights, geo)
