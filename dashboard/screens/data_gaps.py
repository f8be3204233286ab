"""Data-gap atlas: where local integration data is missing, thin or unreliable."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard.maps import figures
from dashboard import frame, state
from dashboard.context import PageContext
from dashboard.export import csvs
from dashboard.i18n import say, tr
from dashboard.screens import downloads, grid_gaps, local_views
from dashboard.screens.shown_tables import NONE, shown_table
from dashboard.screens.region import option_labels
from indicators.regions import gaps, profile
from indicators.regions.classes import count_classes
from indicators.registry import REGISTRY


def render(ctx: PageContext) -> state.View:
    store, view = ctx.store, ctx.view
    lang = view.lang
    st.title(tr("Data gaps", lang))
    st.write(tr("How many of the atlas's migration and integration indicators each region has at its own level "
                "for a recent year (the indicator's {years} latest years). Values published only for a larger "
                "area do not count here: this map is about local data.", lang, years=gaps.RECENT_YEARS))
    level = st.radio(tr("NUTS level", lang), [2, 3], horizontal=True, format_func=lambda lv: f"NUTS {lv}",
                     key=frame.seed("w_gap_level", view.level if view.level in (2, 3) else 2))
    coverage = gaps.region_coverage(store, level, words(lang))  # the CSV stays English, made on a click
    english = (lambda: coverage) if lang == "en" else (lambda: gaps.region_coverage(store, level))
    _map(store, coverage, level, ctx.maps, lang)
    shown_table(coverage, lang)
    downloads.direct(tr("Coverage by region (CSV)", lang), lambda: csvs.to_csv_bytes(english()),
                     f"coverage_nuts{level}.csv", f"gap_regions_{level}")

    st.header(tr("Coverage of one indicator, by country", lang))
    options = gaps.gap_indicators()
    chosen = st.selectbox(tr("Indicator", lang), options, format_func=lambda i: say(REGISTRY[i].label, lang),
                          key=frame.seed("w_gap_indicator", view.indicator if view.indicator in options else options[0]))
    by_country = gaps.indicator_coverage(store, chosen)
    shown_table(by_country, lang)
    downloads.direct(tr("Coverage by country (CSV)", lang), lambda: csvs.to_csv_bytes(by_country), f"coverage_{chosen}.csv",
                     f"gap_country_{chosen}")

    st.header(tr("Countries × indicators: share of NUTS {level} regions with a recent value (%)", lang, level=level))
    matrix = gaps.coverage_matrix(store, level)
    shown_table(matrix, lang)
    downloads.direct(tr("Coverage matrix (CSV)", lang), lambda: csvs.to_csv_bytes(matrix), f"coverage_matrix_nuts{level}.csv",
                     f"gap_matrix_{level}")

    st.header(tr("One region", lang))
    search = profile.search_options(store)
    labels = option_labels(search, lang)  # a country's "National context" in the page's language
    geo = st.selectbox(tr("Region", lang), list(search["geo"]), index=None, format_func=labels.get,
                       key=frame.seed("w_gap_geo", view.geo), placeholder=tr("Type a name or a code", lang))
    if geo:
        status = gaps.region_status(store, geo, words(lang))
        shown_table(status, lang)
        downloads.direct(tr("This region's gaps (CSV)", lang),
                         lambda: csvs.to_csv_bytes(status if lang == "en" else gaps.region_status(store, geo)),
                         f"gaps_{geo}.csv", f"gap_geo_{geo}")

    st.header(tr("Published only for whole countries", lang))
    st.write(tr("Eurostat publishes these integration statistics only nationally. Regional figures would show where "
                "integration works and where it does not; they are the gap that local data would fill.", lang))
    st.dataframe(pd.DataFrame([{tr("topic", lang): say(n.topic, lang), tr("Eurostat dataset", lang): n.dataset,
                                tr("in the atlas as", lang): say(REGISTRY[n.in_atlas].label, lang)
                                if n.in_atlas else tr("not held", lang)}
                               for n in gaps.NATIONAL_ONLY]), hide_index=True, width="stretch", placeholder=NONE)
    local_views.data_gaps_section(store, lang)  # local coverage, and published city values not shown
    grid_gaps.render(store, lang)
    return replace(view, level=level, geo=geo, indicator=chosen if view.indicator not in options else view.indicator)


def words(lang: str):
    """The ``words`` the indicators' tables are built with: their phrases and registry words in ``lang``."""
    return lambda text: say(text, lang)


def _map(store, coverage: pd.DataFrame, level: int, maps, lang: str) -> None:
    of = int(coverage["of"].iloc[0])
    missing = coverage["missing"].where(coverage["missing"] != "", tr("nothing", lang))
    rows = coverage.assign(value=coverage["available"].astype(float), flag="", year=None,
                           hover=missing.map(lambda names: tr("Missing: {indicators}", lang, indicators=names)))
    count = figures.Legend(decimals=0, unit=tr("of {of} indicators", lang, of=of),
                           credit=tr("Sources: see the indicators", lang))
    classes = count_classes(rows["value"], of)
    fig = figures.choropleth(rows, count, classes, lambda v: maps.screen(v, level),
                             title=tr("Integration indicators with recent local data", lang),
                             subtitle=tr("NUTS {level} · count of {of}", lang, level=level, of=of),
                             background=(maps.background, maps.background_ids), lang=lang)
    st.plotly_chart(fig, key=f"gap-map-{level}", config={"topojsonURL": maps.base_maps, "displaylogo": False},
                    alt=tr("Map of how many integration indicators each NUTS {level} region has; the table below "
                           "lists them.", lang, level=level))
