"""The only st.cache_* wrappers of the app: everything else calls plain functions."""

from __future__ import annotations

import streamlit as st

from loaders.status import source_status
from loaders.store import Store, load_store


@st.cache_resource(max_entries=1, show_spinner="Loading the data store…")
def store() -> Store:
    """The built store, loaded once per process (raises StoreMissingError when there is none)."""
    return load_store()


@st.cache_data(max_entries=1, ttl=600, show_spinner=False)
def status_rows() -> list[dict]:
    """Per-source status, refreshed at most every ten minutes."""
    return source_status()


def forget() -> None:
    """Drop every cached value (after a fetch and build)."""
    store.clear()
    status_rows.clear()
