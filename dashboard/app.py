"""Router and frame of the dashboard: ``streamlit run dashboard/app.py``."""

from __future__ import annotations

import streamlit as st

from dashboard import cached, context, frame
from dashboard.i18n import t
from dashboard.screens import setup
from loaders.errors import StoreMissingError

st.set_page_config(page_title="Territorial Migration Atlas", page_icon="🗺️", layout="wide")

try:
    store = cached.store()
except StoreMissingError:
    setup.render()
    st.stop()

view, warnings, _ = frame.url_view(store)
urls = dict(cached.static_urls(store.info["build_id"]))
urls["background_ids"] = cached.background_ids(store.info["build_id"])
if view.embed:
    frame.hide_chrome()
view = frame.sidebar(store, view)
pages = {
    "map": st.Page("views/map_explorer.py", title=t("map", view.lang), url_path="map", default=True),
    "region": st.Page("views/region.py", title=t("region", view.lang), url_path="region"),
    "town": st.Page("views/town.py", title="Town (1 km grid)", url_path="town"),
    "compare": st.Page("views/compare.py", title=t("compare", view.lang), url_path="compare"),
    "most_affected": st.Page("views/most_affected.py", title=t("most_affected", view.lang), url_path="most-affected"),
    "data_gaps": st.Page("views/data_gaps.py", title="Data gaps", url_path="data-gaps"),
    "sources": st.Page("views/sources.py", title=t("sources", view.lang), url_path="sources"),
    "status": st.Page("views/status.py", title=t("status", view.lang), url_path="status"),
}
context.hand_over(view, urls, pages)
navigation = st.navigation(list(pages.values()), position="hidden" if view.embed else "sidebar")
frame.show_warnings(warnings)
navigation.run()
if not view.embed:
    frame.footer(store, view)
