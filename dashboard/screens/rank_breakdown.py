"""Why a region ranks where it does: each weighted indicator's value, 0-100 score, weight and contribution,
on the ranking page and as a short section of the region profile; and the presets' names and definitions in
the reader's language, which both places show."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import state
from dashboard.i18n import localised, number, say, tr
from dashboard.screens.shown_tables import NONE
from geodata.codes import EU27, level_of
from indicators.regions import presets
from indicators.regions.composite import clipped_top, composite
from indicators.regions.ranking_table import breakdown, rank_text
from indicators.registry import REGISTRY


# The presets' wording lives in English in indicators/regions/presets.py (the CLI and the CSV read it there; the
# indicators layer cannot import the translation layer). Here each is a tr() literal by preset id, so the one
# catalogue holds every translation and its test finds a missing one; tests/test_ranking.py checks that the
# English here is the English there, word for word.
def preset_label(preset_id: str, lang: str) -> str:
    return {"arrival_pressure": tr("Arrival pressure", lang),
            "integration_gaps": tr("Integration gaps", lang),
            presets.OWN: tr("Your own mix", lang)}[preset_id]


def preset_definition(preset_id: str, lang: str) -> str:
    return {"arrival_pressure": tr(
                "Recent inflows: how many people a region gained through migration per 1 000 residents (the latest "
                "year and, at NUTS 3, the multi-year average) and how much the foreign-born share of its adults grew.",
                lang),
            "integration_gaps": tr(
                "How far people born abroad are behind all residents: the unemployment gap and the gap in the share "
                "with at most lower secondary education (both in percentage points; a wider gap ranks higher).", lang),
            presets.OWN: tr("The weights you set below (0 to 3 for each indicator); every indicator with an "
                            "\"affected\" end at this level can be weighed.", lang)}[preset_id]


def value_in(value, indicator_id: str, lang: str) -> str:
    """ranking_table.value_text in ``lang``: '23,7 ‰' in French; 'no value' said in words (never 0)."""
    ind = localised(REGISTRY[indicator_id], lang)
    if value is None or pd.isna(value):
        return tr("no value", lang)
    return f"{number(value, ind.decimals, lang)} {ind.short_unit or ind.unit}".strip()


def coverage_rule(lang: str) -> str:
    """The coverage rule, stated beside every ranked table (regions and municipalities)."""
    return tr("Ranked only when its values carry at least two thirds of the weight (the rule of the OECD/JRC "
              "Handbook on Constructing Composite Indicators); the others are listed under \"Not ranked: too little "
              "data\" with what they have. \"Data for\" beside the score is the share of the weight it rests on.", lang)


def clipped_tie_note(result, kind: str, lang: str) -> str:
    """Why several ``kind`` ('regions' or 'municipalities') share rank 1, said beside the table; '' otherwise."""
    count = clipped_top(result)
    if not count:
        return ""
    if kind == "municipalities":
        return tr("{count} municipalities share rank 1 with the score 100: the top 2 % of each measure all score 100 "
                  "(the scale is clipped there), and each of these is in that top 2 % on every measure it has (or so "
                  "close that its score rounds to 100), so the score cannot tell them apart although their own values "
                  "differ. They are listed by code.", lang, count=number(count, 0, lang))
    return tr("{count} regions share rank 1 with the score 100: the top 2 % of each indicator all score 100 (the scale "
              "is clipped there), and each of these is in that top 2 % on every weighted indicator it has (or so close "
              "that its score rounds to 100), so the score cannot tell them apart although their own values differ. "
              "They are listed by code.", lang, count=number(count, 0, lang))


def table(store, level: int, weights: dict[str, float], geo: str, lang: str = "en") -> None:
    """The breakdown of ``geo``'s score under ``weights``, with the sum spelt out."""
    show(breakdown(store, level, weights, geo), lang, value=lambda v, row: value_in(v, row["indicator"], lang),
         label=lambda row: say(row["label"], lang))


def show(parts: pd.DataFrame, lang: str, value, label) -> None:
    """A breakdown (``ranking_table.breakdown``'s columns) as a table: ``value(v, row)`` and ``label(row)`` write
    a value and an indicator's name in ``lang``; a missing value's share of weight is 0 %, never empty."""
    rows = [row for _, row in parts.iterrows()]
    score, weight, share, contribution = (tr("Score 0-100", lang), tr("Weight", lang), tr("Share of weight", lang),
                                          tr("Contribution", lang))
    shown = pd.DataFrame({
        tr("Indicator", lang): [label(row) for row in rows],
        tr("Value", lang): [value(row["value"], row) if pd.notna(row["value"]) else tr("no value (not counted)", lang)
                            for row in rows],
        tr("Year", lang): [str(int(y)) if pd.notna(y) else tr("period not stated", lang) for y in parts["year"]],
        tr("Flag", lang): parts["flag"].fillna(""),
        score: parts["scaled"].astype(float),
        weight: parts["weight"],
        share: (parts["weight_share"].astype(float) * 100),
        contribution: parts["contribution"].astype(float)})
    st.dataframe(shown, hide_index=True, width="stretch", column_config={
        score: st.column_config.ProgressColumn(
            min_value=0, max_value=100, format="%.1f",
            help=tr("The value on the EU-27 scale of the level; 100 = most affected", lang)),
        weight: st.column_config.NumberColumn(format="%g"),
        share: st.column_config.NumberColumn(format="%.0f %%", help=tr("Of the weight this region has data for", lang)),
        contribution: st.column_config.ProgressColumn(
            min_value=0, max_value=100, format="%.1f",
            help=tr("Score × share of weight: the points it adds to the score", lang))}, placeholder=NONE)
    present = parts[parts["contribution"].notna()]
    if len(present):
        terms = " + ".join(number(c, 1, lang) for c in present["contribution"])
        st.caption(tr("Score {score} = {terms}.", lang, score=number(present["contribution"].sum(), 1, lang),
                      terms=terms))


def section(store, geo: str, view: state.View) -> None:
    """On the region profile: the region's rank among EU-27 regions of its level on the preset in the link
    (or the default one), and the breakdown. Nothing for levels the ranking does not cover."""
    level, lang = level_of(geo), view.lang
    if level not in presets.LEVELS or geo[:2] not in EU27:
        return
    preset, weights, _ = presets.resolve(view.preset, view.weights, level)
    if not any(weights.values()):
        return
    st.header(tr("Why it ranks here", lang))
    result = composite(store, level, weights, stability=False).set_index("geo")
    if geo not in result.index or pd.isna(result.at[geo, "rank"]):
        st.caption(tr("Not ranked on {preset}: too little data at NUTS {level}.", lang,
                      preset=preset_label(preset, lang), level=level))
        return
    of = number(int(result["rank"].notna().sum()), 0, lang)  # 1 165 NUTS 3 regions: a number in the language
    st.caption(tr("Rank {rank} of {count} EU-27 NUTS {level} regions on **{preset}** (1 = most affected). "
                  "{definition}", lang, rank=rank_text(result.at[geo, "rank"], result.at[geo, "tied"]), count=of,
                  level=level, preset=preset_label(preset, lang), definition=preset_definition(preset, lang)))
    table(store, level, weights, geo, lang)
