"""'Find your town': a search box over every EU municipality whose results open the town page."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from dashboard import links, state
from dashboard.i18n import tr
from dashboard.text import plain
from indicators.places.town_search import MAX_QUERY, find_towns


def render(store, pages: dict, view: state.View, key: str, limit: int = 8) -> None:
    """The box and up to ``limit`` matches as links (accents and case ignored; Greek towns by Latin name too),
    its words in the view's language, which the town page keeps."""
    lang = view.lang
    query = st.text_input(tr("Find your town (any municipality in the EU)", lang), key=key, max_chars=MAX_QUERY,
                          placeholder=tr("e.g. Gouda, Tulln, Saint-Denis, Ioannina", lang))
    if not query:
        return
    found = find_towns(store, query, limit)
    if found.empty:
        st.caption(tr("No municipality matches that name. Municipalities go by their local names (Wien, Warszawa, "
                      "'s-Gravenhage); Ireland's are local electoral areas (North Inner City) and Portugal's are "
                      "parishes (freguesias).", lang))
        return
    for row in found.itertuples():
        if row.close and (row.Index == 0 or not found["close"].iloc[row.Index - 1]):
            st.caption(tr("No exact match; names spelt alike:", lang) if row.Index == 0 else
                       tr("Names spelt alike:", lang))
        links.page_link(pages, "town", replace(view, lau=row.gisco_id), plain(row.label))
