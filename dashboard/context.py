"""What the router hands each page script: the store, the view, the static URLs and the other pages."""

from __future__ import annotations

import streamlit as st

from dashboard import cached, frame


def hand_over(view, urls: dict, pages: dict) -> None:
    """Called by app.py before the chosen page runs (per session, per run)."""
    st.session_state["_context"] = (view, urls, pages)


def run(module) -> None:
    """Render a page module and put the view it ends with into the URL."""
    view, urls, pages = st.session_state["_context"]
    chosen = module.render(cached.store(), view, urls, pages) or view
    frame.write_url(chosen)
