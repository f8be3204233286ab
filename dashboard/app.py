"""Router and frame of the dashboard: ``streamlit run dashboard/app.py``."""

from __future__ import annotations

import streamlit as st

from dashboard import cached
from dashboard.pages import setup, status
from geodata.attribution import BOUNDARIES
from loaders.errors import StoreMissingError

st.set_page_config(page_title="Territorial Migration Atlas", page_icon="🗺️", layout="wide")

try:
    store = cached.store()
except StoreMissingError:
    setup.render()
    st.stop()

page = st.navigation([st.Page(status.render, title="Data status", url_path="status", default=True)])
page.run()

retrieved = sorted(s["retrieved_at"] for s in store.info["sources"].values() if s.get("retrieved_at"))
st.divider()
st.caption(f"Data as of {retrieved[-1][:10] if retrieved else 'unknown'} · Sources: Eurostat, GISCO, JRC, UNHCR · "
           f"{BOUNDARIES}")
