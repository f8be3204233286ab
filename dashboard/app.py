"""The app: ``streamlit run dashboard/app.py`` runs the router (router.py) and serves the boundary files and
plotly.js (for the map page's map, dashboard/plotly_map.py)."""

from __future__ import annotations

import streamlit as st

from dashboard import boundaries, pages, plotly_map

app = st.App(str(pages.ROUTER), routes=boundaries.routes() + plotly_map.routes(), lifespan=boundaries.lifespan)
