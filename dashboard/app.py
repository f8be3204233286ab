"""The app: ``streamlit run dashboard/app.py`` runs the router (router.py) and serves the boundary files,
plotly.js and the map figures fetched ahead (for the map page's map: plotly_map.py, map_ahead.py)."""

from __future__ import annotations

import streamlit as st

from dashboard.maps import boundaries, map_ahead, plotly_map
from dashboard import pages

app = st.App(str(pages.ROUTER), routes=boundaries.routes() + plotly_map.routes() + map_ahead.routes(),
             lifespan=boundaries.lifespan)
