"""The data-gap page's grid section: place-of-birth coverage, variables not published, regions not computed."""

from __future__ import annotations

import streamlit as st

from dashboard.export import csvs
from dashboard.i18n import number, tr
from dashboard.screens import downloads
from dashboard.screens.shown_tables import shown_table
from indicators.places import local


def render(store, lang: str = "en") -> None:
    st.header(tr("The Census 2021 1 km grid, by country", lang))
    st.write(tr("Coverage: share of residents whose place of birth (or residence a year before) is known; withheld "
                "cells are unknown, not 0. Not published: variables a country left empty everywhere. Not computed: "
                "NUTS regions whose grid share of the country's population is more than {gate} % off the official one "
                "(the 1:20M boundaries are too coarse there), so the grid gives them no figure.", lang,
                gate=number(100 * local.REGION_GATE, 0, lang)))
    table = local.grid_gaps(store)
    shown_table(table, lang)
    downloads.direct(tr("Grid coverage by country (CSV)", lang), lambda: csvs.to_csv_bytes(table), "grid_coverage.csv",
                     "gap_grid")
