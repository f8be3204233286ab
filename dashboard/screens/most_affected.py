"""Most affected regions: a named preset or the user's own weights, filters, the ranked table, the regions that
could not be ranked and why, the map, and why a chosen region ranks where it does."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard import frame, state
from dashboard.context import PageContext
from dashboard.export import csvs, ranking_maps
from dashboard.i18n import country, localised, number, say, tr, tr_count
from dashboard.screens import basket, downloads, local_views, most_affected_towns, rank_breakdown
from dashboard.screens.rank_breakdown import preset_definition, preset_label, value_in
from dashboard.screens.shown_tables import NONE
from geodata.codes import EU27
from indicators.places import lau_ranking
from indicators.regions import presets
from indicators.regions.composite import TYPOLOGY_GROUPS, TYPOLOGY_WORDS, composite, not_ranked, regions_with, typology_values
from indicators.regions.presets import CANDIDATES, OWN, PRESETS
from indicators.regions.ranking_table import contribution_column, csv_rows, display_table, value_column
from indicators.registry import REGISTRY


def render(ctx: PageContext) -> state.View:
    store, view = ctx.store, ctx.view
    lang = view.lang
    st.title(tr("Most affected", lang))
    level = st.radio(tr("NUTS level", lang), [2, 3, state.LAU], horizontal=True,
                     format_func=lambda lv: tr("Municipalities ({radius} km around the centre)", lang,
                                               radius=number(lau_ranking.RADIUS_KM, 0, lang)) if lv == state.LAU
                     else f"NUTS {lv}",
                     key=frame.seed("w_ma_level", view.level if view.level in (2, 3, state.LAU) else 2))
    if level == state.LAU:
        return most_affected_towns.render(ctx, replace(view, level=level))
    start, start_weights, note = presets.resolve(view.preset, view.weights, level)
    if note:
        st.info(resolve_note(view.preset, lang))
    elsewhere = sorted(set(view.weights) - set(CANDIDATES[level]))
    if elsewhere:  # a link names what it shows, or says why not
        st.warning(tr_count(len(elsewhere),
                            "{count} weight in the link is for an indicator not scored at NUTS {level}: not used.",
                            "{count} weights in the link are for indicators not scored at NUTS {level}: not used.",
                            lang, level=level))
    chosen = st.radio(tr("Ranking", lang), [*PRESETS, OWN], format_func=lambda p: preset_label(p, lang),
                      horizontal=True, key=frame.seed("w_ma_preset", start))
    st.markdown(tr("**{preset}**: {definition}", lang, preset=preset_label(chosen, lang),  # French spaces its colon
                   definition=preset_definition(chosen, lang)))
    st.caption(availability_text(chosen, level, lang))
    weights = _own_weights(level, start_weights, lang) if chosen == OWN else presets.preset_weights(chosen, level)
    countries, outside_eu, typology = _filters(store, view, level)
    view = replace(view, level=level, preset=chosen, weights={k: w for k, w in weights.items() if w} if chosen == OWN else {},
                   countries=countries, outside_eu=outside_eu, typology=typology)
    st.caption(tr(
        "Each indicator is scaled 0-100 over **every EU-27 region of the level** (100 = the most affected end, "
        "after clipping the top and bottom 2 %), so filters choose which regions are listed and never change a "
        "region's score. The score is the weighted mean over the indicators a region has. Missing data never "
        "counts as zero. Regions outside the EU-27 are ranked only when ticked above, and then placed on the same "
        "EU-27 scale.", lang))
    if not any(weights.values()):
        st.info(tr("{preset} has no indicator published at NUTS {level}: choose the other level or another ranking.",
                   lang, preset=preset_label(chosen, lang), level=level) if chosen != OWN
                else tr("Every weight is 0: set at least one above zero.", lang))
        return view
    result = composite(store, level, weights, countries=countries or None, regions=regions_with(store, typology),
                       outside_eu=outside_eu)
    # Italy only: the reception load beside the score, and on request a second score that includes it
    local_views.reception_beside_score(store, countries, level, lang, result)
    ranked = result[result["rank"].notna()]
    years = result.attrs.get("years", {})
    st.caption(tr("Years used: {years}", lang, years="; ".join(
        f"{say(REGISTRY[k].short_label, lang)} {v or '(' + tr('period not stated', lang) + ')'}"
        for k, v in years.items())))
    if ranked.empty:
        st.info(tr("No region in this selection has enough data for this ranking.", lang))
    else:
        _map(store, result, level, weights, ctx.maps, lang)
        _table(result, view, ctx.pages)
    _not_ranked(result, lang)
    # the CSV's column names stay English (a data contract); its definition line follows the page's language
    downloads.direct(tr("Ranked table (CSV)", lang),
                     lambda: csvs.to_csv_bytes(csv_rows(result, describe(chosen, level, weights, lang))),
                     f"most_affected_{chosen}_nuts{level}.csv", "ma_csv")
    if not ranked.empty:
        view = replace(view, geo=_why(store, ranked, level, weights, view))
    return view


def resolve_note(preset_id: str | None, lang: str) -> str:
    """presets.resolve's note in ``lang``, chosen by what the link named (the note is only given when it
    carried weights, or asked for the own mix with none)."""
    if preset_id == OWN:
        return tr("Your own mix starts from {preset}.", lang, preset=preset_label(presets.DEFAULT_PRESET, lang))
    if preset_id is None:
        return tr("This link is from before the presets: its weights were read as changes to the former default "
                  "weights, shown here as your own mix.", lang)
    return tr("The link's weights change {preset}, so this is your own mix started from it.", lang,
              preset=preset_label(preset_id, lang))


def availability_text(preset_id: str, level: int, lang: str) -> str:
    """presets.availability_text in ``lang``: what the preset uses at the level, and what exists only elsewhere."""
    found = presets.availability(preset_id, level)

    def names(ids):
        return ", ".join(say(REGISTRY[i].short_label, lang) for i in ids)

    parts = [tr("At NUTS {level}: {indicators}.", lang, level=level, indicators=names(found["used"]))
             if found["used"] else tr("None of its indicators is published at NUTS {level}.", lang, level=level)]
    if found["other_level"]:
        where = sorted({lv for i in found["other_level"] for lv in REGISTRY[i].levels if lv in presets.LEVELS})
        parts.append(tr("Only at NUTS {levels}: {indicators}.", lang, levels="/".join(map(str, where)),
                        indicators=names(found["other_level"])))
    if found["national_only"]:
        parts.append(tr("Only for whole countries, so not used: {indicators}.", lang,
                        indicators=names(found["national_only"])))
    return " ".join(parts)


def describe(preset_id: str, level: int, weights: dict[str, float], lang: str) -> str:
    """presets.describe (the CSV's definition line) in ``lang``."""
    used = ", ".join(f"{say(REGISTRY[k].short_label, lang)} ×{_weight(w, lang)}"
                     for k, w in weights.items() if w)
    return tr("{preset} (NUTS {level}): {definition} Weights: {weights}. Each indicator is scaled 0-100 over every "
              "EU-27 region of the level (100 = most affected).", lang, preset=preset_label(preset_id, lang),
              level=level, definition=preset_definition(preset_id, lang), weights=used or tr("none", lang))


def _weight(weight: float, lang: str) -> str:
    """A weight with the decimals it has ('1', '0.5'; '0,5' in French), as '{:g}' writes it in English."""
    return number(weight, len(format(weight, "g").partition(".")[2]), lang)


def _own_weights(level: int, start: dict[str, float], lang: str) -> dict[str, float]:
    """The own mix: one slider per indicator weighable at the level, starting from the preset shown before."""
    weights = {}
    with st.expander(tr("Weights", lang), expanded=True):
        columns = st.columns(2)
        for i, indicator_id in enumerate(CANDIDATES[level]):
            ind = localised(REGISTRY[indicator_id], lang)
            end = (tr("{description} High values count as more affected.", lang, description=ind.description)
                   if ind.affected_when == "high" else
                   tr("{description} Low values count as more affected.", lang, description=ind.description))
            weights[indicator_id] = columns[i % 2].slider(
                ind.label, state.WEIGHTS.low, state.WEIGHTS.high, step=state.WEIGHTS.step,
                key=frame.seed(f"w_weight_{level}_{indicator_id}", float(start.get(indicator_id, 0.0))), help=end)
    return weights


def _typology_group(group: str, lang: str) -> str:
    """composite.TYPOLOGY_GROUPS' box names in ``lang``."""
    return {"Settlement (urban-rural)": tr("Settlement (urban-rural)", lang), "Metropolitan": tr("Metropolitan", lang),
            "Geography": tr("Geography", lang)}.get(group, group)


def _typology_value(value: str, lang: str) -> str:
    """A typology value in ``lang`` (a value the words do not know stays as Eurostat publishes it)."""
    return say(TYPOLOGY_WORDS.get(value, value), lang)


def _filters(store, view, level: int) -> tuple[list[str], bool, dict[str, list[str]]]:
    """Countries (EU-27 unless regions outside it are asked for) and, at NUTS 3, territorial types."""
    lang = view.lang
    outside_eu = st.checkbox(tr("Also rank regions outside the EU-27 (on the EU-27 scale)", lang),
                             key=frame.seed("w_ma_outside_eu", view.outside_eu))
    available = sorted(store.regions.loc[store.regions["level"] == 0, "geo"].unique())
    options = [c for c in available if outside_eu or c in EU27]
    if set(view.countries) - set(options):
        st.warning(tr("Countries outside the EU-27 in the link are listed only when regions outside the EU-27 are "
                      "ticked.", lang))
    # named in the reader's language, so typing "Allemagne" or "Germany" finds DE; the code stays beside the name
    countries = st.multiselect(tr("Countries", lang), options, help=tr("None chosen: every country.", lang),
                               format_func=lambda code: f"{country(code, lang)} ({code})",
                               placeholder=tr("every country", lang),
                               key=frame.seed("w_countries", [c for c in view.countries if c in options]))
    typology = {}
    if level == 3:
        st.caption(tr("{label}: any value chosen within a box, and every box with a value.", lang,
                      label=tr("Territorial type (NUTS 3)", lang)))
        values = typology_values(store)
        # the municipal ranking's filters (degurba, size, nuts) ride in the same parameter: not NUTS 3 types
        regional = {c: chosen for c, chosen in view.typology.items() if c not in state.LAU_FILTERS}
        if any(v not in values.get(c, []) for c, chosen in regional.items() for v in chosen):
            st.warning(tr("A territorial-type value in the link is not known and was left out.", lang))
        columns = st.columns(len(TYPOLOGY_GROUPS))
        for i, (group, members) in enumerate(TYPOLOGY_GROUPS.items()):
            options = [f"{c}:{v}" for c in members for v in values[c]]
            start = [f"{c}:{v}" for c in members for v in view.typology.get(c, []) if f"{c}:{v}" in options]
            for picked in columns[i].multiselect(_typology_group(group, lang), options, placeholder=tr("any", lang),
                                                 key=frame.seed(f"w_typo_{i}", start),
                                                 format_func=lambda o: _typology_value(o.partition(":")[2], lang)):
                column, _, value = picked.partition(":")
                typology.setdefault(column, []).append(value)
    return countries, outside_eu, typology


def _headers(weights: dict[str, float], lang: str) -> dict[str, str]:
    """ranking_table.display_table's English headers -> the page's, indicator names included."""
    fixed = {"Rank": tr("Rank", lang), "Region": tr("Region", lang), "Code": tr("Code", lang),
             "Score": tr("Score", lang), "Data for (% of weight)": tr("Data for (% of weight)", lang),
             "Rank if a weight moves ±20 %": tr("Rank if a weight moves ±20 %", lang),
             "Converted from another NUTS version": tr("Converted from another NUTS version", lang)}
    names = {i: say(REGISTRY[i].short_label, lang) for i in weights}
    points = {contribution_column(i): tr("{indicator}: points", lang, indicator=names[i]) for i in weights}
    values = {value_column(i): names[i] for i in weights}
    return {**fixed, **points, **values}


def _table(result: pd.DataFrame, view, pages: dict) -> None:
    lang = view.lang
    st.header(tr("Ranked regions", lang))
    st.caption(rank_breakdown.coverage_rule(lang))
    ties = rank_breakdown.clipped_tie_note(result, "regions", lang)
    if ties:  # a shared first rank from the scale's clipping, said where "=1" is read
        st.caption(ties)
    weights = result.attrs["weights"]
    total = sum(weights.values())
    headers = _headers(weights, lang)
    config = {headers["Score"]: st.column_config.ProgressColumn(
                  headers["Score"], min_value=0, max_value=100, format="%.1f",
                  help=tr("0-100 on the EU-27 scale; 100 = most affected", lang)),
              headers["Data for (% of weight)"]: st.column_config.NumberColumn(format="%.0f %%")}
    for indicator_id, weight in weights.items():
        ind = localised(REGISTRY[indicator_id], lang)
        year = result.attrs["years"][indicator_id] or tr("period not stated", lang)
        config[headers[value_column(indicator_id)]] = st.column_config.TextColumn(
            help=tr("{indicator} ({unit}), {year}", lang, indicator=ind.label, unit=ind.unit, year=year))
        config[headers[contribution_column(indicator_id)]] = st.column_config.ProgressColumn(
            min_value=0, max_value=100 * weight / total, format="%.1f",
            help=tr("Score points from {indicator} (full bar: the most affected end of the EU-27 scale)", lang,
                    indicator=ind.short_label))
    table = display_table(result, lambda v, i: value_in(v, i, lang))
    converted = result.loc[result["rank"].notna(), "converted"]  # the indicators' ids, named in the page's language
    table["Converted from another NUTS version"] = [
        ", ".join(say(REGISTRY[i].short_label, lang) for i in c.split(", ") if i) for c in converted]
    event = st.dataframe(table.rename(columns=headers), hide_index=True, width="stretch", column_config=config,
                         key="ranking_table", on_select="rerun", selection_mode="multi-row", placeholder=NONE)
    basket.offer(view, basket.ticked(event, list(table["Code"])), pages)


def _not_ranked(result: pd.DataFrame, lang: str) -> None:
    st.header(tr("Not ranked: too little data", lang))  # h2 even when no table precedes it (no skipped heading level)
    missing = not_ranked(result)
    if missing.empty:
        st.caption(tr("Every region in the selection could be scored.", lang))
        return
    st.caption(tr_count(len(missing),
                        "{count} region in the selection could not be scored (regions filtered out are not listed).",
                        "{count} regions in the selection could not be scored (regions filtered out are not listed).",
                        lang))
    headers = {"geo": tr("Code", lang), "name": tr("Region", lang), "reason": tr("Why", lang)}
    missing = missing.assign(reason=[say(reason, lang) for reason in missing["reason"]])  # composite's phrases
    st.dataframe(missing.rename(columns=headers), hide_index=True, width="stretch", placeholder=NONE)


def _why(store, ranked: pd.DataFrame, level: int, weights: dict[str, float], view) -> str:
    """Pick a ranked region and show its breakdown; returns the region picked (kept in the link)."""
    st.header(tr("Why it ranks here", view.lang))
    codes = list(ranked["geo"])
    names = dict(zip(ranked["geo"], ranked["name"]))
    geo = st.selectbox(tr("Region", view.lang), codes, format_func=lambda g: f"{names[g]} ({g})",
                       key=frame.seed("w_ma_why", view.geo if view.geo in codes else codes[0]))
    if geo not in codes:  # a region left by a new filter
        geo = codes[0]
    rank_breakdown.table(store, level, weights, geo, view.lang)
    return geo


def _map(store, result: pd.DataFrame, level: int, weights: dict[str, float], maps, lang: str) -> None:
    fig = ranking_maps.region_map(store, result, level, lang, lambda v: maps.screen(v, level),
                                  (maps.background, maps.background_ids))
    st.plotly_chart(fig, key="composite-map", config={"topojsonURL": maps.base_maps, "displaylogo": False},
                    alt=tr("Map of the most-affected score; the ranked table below holds the values.", lang))
    stem = f"most_affected_score_nuts{level}"
    for fmt, column in zip(("png", "svg"), st.columns(2)):
        with column:  # like every map: the image carries its title, sources, licences and the boundary credit
            downloads.on_request(tr("Score map ({format})", lang, format=fmt.upper()),
                                 lambda fmt=fmt: ranking_maps.region_image(store, result, level, weights, fmt, lang),
                                 f"{stem}.{fmt}", f"{fmt}_{stem}")
