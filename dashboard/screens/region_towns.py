"""The region profile's list of municipalities (largest first), each opening its town page."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from dashboard import links, state
from dashboard.i18n import number, tr
from dashboard.text import plain
from indicators.places import local

SHOWN = 30


def render(store, geo: str, pages: dict, view: state.View) -> None:
    """The expander of town links, its words in the view's language (names as published)."""
    lang = view.lang
    towns = local.municipalities_in(store, geo, SHOWN)
    if towns.empty:
        return
    with st.expander(tr("Municipalities in this region, largest first ({count} shown): 1 km figures per town", lang,
                        count=len(towns))):
        for row in towns.itertuples():
            name = row.name if row.name_latin == row.name else f"{row.name_latin} / {row.name}"
            people = "" if row.population != row.population else " · " + tr(
                "{people} residents (LAU 2020)", lang, people=number(int(row.population), 0, lang))
            links.page_link(pages, "town", replace(view, lau=row.gisco_id), plain(f"{name}{people}"))
