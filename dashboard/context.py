"""What the router hands each page script: one typed context (store, view, map files, the other pages)."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from dashboard import frame
from dashboard.maps.boundaries import MapFiles
from dashboard.state import View
from loaders.store import Store

_KEY = "_page_context"


@dataclass(frozen=True)
class PageContext:
    """Everything a screen's ``render`` receives."""

    store: Store
    view: View
    maps: MapFiles
    pages: dict  # page key -> st.Page, for links and switch_page


def hand_over(ctx: PageContext) -> None:
    """Called by router.py before the chosen page runs (per session, per run)."""
    st.session_state[_KEY] = ctx


def current() -> PageContext:
    """The context the router handed over, for a screen part that needs it below the page (downloads)."""
    return st.session_state[_KEY]


def run(module) -> None:
    """Render a screen module with the context and put the view it ends with into the URL."""
    ctx: PageContext = st.session_state[_KEY]
    chosen = module.render(ctx) or ctx.view
    frame.write_url(chosen)
