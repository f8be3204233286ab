"""Router and frame of the dashboard (run by app.py; AppTest runs this file directly)."""

from __future__ import annotations

import streamlit as st

from dashboard import cached, frame, links
from dashboard.context import PageContext, hand_over
from dashboard.i18n import say
from dashboard.pages import PAGES
from dashboard.screens import basket, setup
from loaders.errors import StoreMissingError

# no page_icon: a Material icon as favicon is fetched from fonts.gstatic.com (a request leaving the machine), an
# emoji draws as an empty box where no emoji font is installed; Streamlit's own favicon is served locally
st.set_page_config(page_title="Territorial Migration Atlas", layout="wide")

try:
    store = cached.store()
except StoreMissingError:
    setup.render()
    st.stop()

view, warnings = frame.url_view(store)
frame.readable_text()
maps = cached.map_files(store.info["build_id"])
if view.embed:
    frame.hide_chrome()
# the navigation first: the sidebar shows only the pickers the chosen page reads
titles_lang = st.session_state.get("w_lang", view.lang)
pages = {p.key: st.Page(p.script, title=say(p.label, titles_lang), url_path=p.url_path, default=p.default)
         for p in PAGES}
# Streamlit's own menu links drop the query, and with it the reader's language: the menu is ours (links.py)
navigation = st.navigation(list(pages.values()), position="hidden")
spec = next((p for p in PAGES if p.url_path == navigation.url_path), next(p for p in PAGES if p.default))
menu = st.sidebar.container()  # filled once the sidebar's pickers have said the view
view = frame.sidebar(store, view, spec.controls)
if not view.embed:
    with menu:
        links.menu(pages, view)
    with st.sidebar:
        basket.sidebar_link(view, pages)  # the regions ticked anywhere, on their way to Compare
hand_over(PageContext(store, view, maps, pages))
frame.show_warnings(warnings)
navigation.run()
if not view.embed:
    frame.footer(store, view, spec.controls)
