"""The map page's "1 km grid (Census 2021)" view: Europe summed to 5 km cells; a town marker opens its page."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from dashboard import links, state
from dashboard.maps.europe_grid import TOWN_MIN_POPULATION, europe_figure
from dashboard.i18n import number, say, tr
from indicators.places import local


def render(store, pages: dict, view: state.View) -> None:
    lang = view.lang
    measure = st.selectbox(tr("Measure", lang), list(local.MEASURES), format_func=lambda m: say(local.MEASURES[m].label, lang),
                           key="w_grid_measure")
    fig = europe_figure(store, measure, lang)
    event = st.plotly_chart(fig, key=f"europe-grid-{measure}", on_select="rerun", selection_mode="points",
                            config={"displaylogo": False, "scrollZoom": True},
                            alt=tr("Europe at 5 km from the Census 2021 grid; figures per town are on the town pages.",
                                   lang))
    st.caption(tr("Cells of 5 × 5 km summed by the project from the 1 km grid; shares over residents whose place of "
                  "birth (or residence a year before) is known; grey: withheld or not published; light: fewer than "
                  "{few} residents. Dots mark towns of {people}+ residents: click one to open its page.", lang,
                  few=local.FEW_RESIDENTS, people=number(TOWN_MIN_POPULATION, 0, lang)))
    picked = [p.get("customdata") for p in (event.selection.points if event else []) if p.get("customdata")]
    if picked and local.municipality(store, str(picked[0])) is not None:
        links.switch(pages, "town", replace(view, lau=str(picked[0])))
