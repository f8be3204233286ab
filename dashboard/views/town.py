"""Page script: runs dashboard.screens.town inside the frame (the screen writes its own URL parameters)."""
import streamlit as st

from dashboard import cached
from dashboard.screens import town

view, urls, pages = st.session_state["_context"]
town.render(cached.store(), view, urls, pages)
