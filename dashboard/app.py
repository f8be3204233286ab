"""The app: ``streamlit run dashboard/app.py`` runs the router (router.py) and serves the boundary files."""

from __future__ import annotations

import streamlit as st

from dashboard import boundaries, pages

app = st.App(str(pages.ROUTER), routes=boundaries.routes(), lifespan=boundaries.lifespan)
