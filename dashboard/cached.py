"""The only st.cache_* wrappers of the app: everything else calls plain functions (map_ahead.py keeps its own
bounded memo of map figures, because its route answers outside any script run).

Caches are bounded (max_entries, ttl) so memory does not grow with the number of sessions.
"""

from __future__ import annotations

import gzip

import streamlit as st

from dashboard.maps import boundaries, map_ahead
from loaders.status import source_status
from loaders.store import Store, load_store


@st.cache_resource(max_entries=1, show_spinner="Loading the data store…")
def store() -> Store:
    """The built store, loaded once per process (raises StoreMissingError when there is none)."""
    return load_store()


@st.cache_resource(max_entries=1, show_spinner=False)
def map_files(build_id: str) -> boundaries.MapFiles:
    """Hand this build's boundary files to the app's route; their URLs."""
    return boundaries.publish(store())


@st.cache_resource(max_entries=1, show_spinner=False)
def known_geos(build_id: str) -> frozenset:
    """Every code a link may name: regions and countries of any NUTS version."""
    return frozenset(store().regions["geo"])


@st.cache_data(max_entries=1, ttl=600, show_spinner=False)
def status_rows() -> list[dict]:
    """Per-source status, refreshed at most every ten minutes."""
    return source_status()


@st.cache_data(max_entries=1, show_spinner="Preparing the download…")
def full_data_csv_gz(build_id: str) -> bytes:
    """Every observation of the store as gzip-compressed CSV (UTF-8, point decimals)."""
    return gzip.compress(store().observations.to_csv(index=False).encode("utf-8"), compresslevel=6)


def forget() -> None:
    """Drop every cached value (after a fetch and build)."""
    st.cache_resource.clear()
    st.cache_data.clear()
    map_ahead.forget()
