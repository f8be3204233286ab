"""Shown when no store exists yet: fetch and build the data, with progress, instead of failing."""

from __future__ import annotations

import itertools

import streamlit as st

from dashboard import cached
from loaders import cache
from loaders.errors import DataError
from loaders.fetch import fetch_all, mirror_dir
from loaders.manifest import SOURCES
from loaders.store import build


def render() -> None:
    st.title("Territorial Migration Atlas")
    st.warning("The data store has not been built on this machine yet.")
    origin = mirror_dir()
    st.write(
        f"The app can fetch the {len(SOURCES)} source files "
        + (f"from the local mirror `{origin}`" if origin else "from Eurostat, GISCO, the JRC and UNHCR")
        + f" and build the store in `{cache.cache_dir()}`. This takes under a minute from a mirror."
    )
    if not st.button("Fetch and build the data", type="primary"):
        return
    bar = st.progress(0.0, text="Fetching…")

    def fetched(done, total, result):
        bar.progress(done / total * 0.6, text=f"Fetched {done} of {total}: {result.source_id} ({result.status})")

    results = fetch_all(progress=fetched)
    failed = [r for r in results if r.status == "failed"]
    if failed:
        bar.empty()
        st.error("Some sources could not be fetched; nothing was built and no earlier data was replaced.")
        for r in failed:
            st.text(r.detail)
        return
    steps = itertools.count(1)
    expected = len(SOURCES) + 10  # the build reports one step per source, then a few stages

    def built(message):
        bar.progress(min(0.6 + next(steps) / expected * 0.4, 1.0), text=f"Building: {message}")

    try:
        build(progress=built)
    except DataError as exc:
        bar.empty()
        st.error(f"The build failed and the previous store (if any) is still in use: {exc}")
        return
    bar.progress(1.0, text="Done")
    cached.forget()
    st.rerun()
