"""Shown when no store exists yet: fetch and build the data, with progress, instead of failing."""

from __future__ import annotations

import itertools

import streamlit as st

from dashboard import cached
from dashboard.i18n import LANGUAGES, tr
from indicators.derived import build  # the full build: the store and the tables derived from it
from loaders import cache
from loaders.errors import DataError
from loaders.fetch import fetch_all, mirror_dir
from loaders.manifest import SOURCES


def render(lang: str | None = None) -> None:
    # no store means no parsed view yet: the link's own ``lang`` decides (English when absent or unknown)
    lang = lang or st.query_params.get("lang", "en")
    lang = lang if lang in LANGUAGES else "en"
    st.title(tr("Territorial Migration Atlas", lang))
    st.warning(tr("The data store has not been built on this machine yet.", lang))
    origin = mirror_dir()
    where = (tr("from the local mirror `{origin}`", lang, origin=origin) if origin
             else tr("from Eurostat, GISCO, the JRC and UNHCR", lang))
    st.write(tr("The app can fetch the {count} source files {where} and build the store in `{cache}`. This takes "
                "under a minute from a mirror.", lang, count=len(SOURCES), where=where, cache=cache.cache_dir()))
    if not st.button(tr("Fetch and build the data", lang), type="primary"):
        return
    bar = st.progress(0.0, text=tr("Fetching…", lang))

    def fetched(done, total, result):
        bar.progress(done / total * 0.6, text=tr("Fetched {done} of {total}: {source} ({status})", lang, done=done,
                                                 total=total, source=result.source_id, status=result.status))

    results = fetch_all(progress=fetched)
    failed = [r for r in results if r.status == "failed"]
    if failed:
        bar.empty()
        st.error(tr("Some sources could not be fetched; nothing was built and no earlier data was replaced.", lang))
        for r in failed:
            st.text(r.detail)
        return
    steps = itertools.count(1)
    expected = len(SOURCES) + 10  # the build reports one step per source, then a few stages

    def built(message):
        bar.progress(min(0.6 + next(steps) / expected * 0.4, 1.0), text=tr("Building: {step}", lang, step=message))

    try:
        build(progress=built)
    except DataError as exc:
        bar.empty()
        st.error(tr("The build failed and the previous store (if any) is still in use: {error}", lang, error=exc))
        return
    bar.progress(1.0, text=tr("Done", lang))
    cached.forget()
    st.rerun()
