"""Data status: what is loaded, from where, as of when, and which codes matched no region."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import cached
from dashboard.context import PageContext
from dashboard.column_words import headers
from dashboard.i18n import number, tr, tr_count
from dashboard.screens.shown_tables import NONE


def render(ctx: PageContext) -> None:
    store, lang = ctx.store, ctx.view.lang
    st.title(tr("Data status", lang))
    st.caption(tr("Store built {built} · {observations} observations from {sources} sources", lang,
                  built=store.info["built_at"], observations=number(store.info["observations"], 0, lang),
                  sources=len(store.info["sources"])))
    rows = pd.DataFrame(cached.status_rows())
    missing = rows[~rows["present"]]
    if len(missing):
        st.error(tr_count(len(missing), "{count} source is not fetched: {ids}", "{count} sources are not fetched: {ids}",
                          lang, ids=", ".join(missing["id"])))
    st.dataframe(
        rows.drop(columns=["in_store"]), hide_index=True, width="stretch",
        column_config={
            "id": tr("Source", lang), "present": st.column_config.CheckboxColumn(tr("Fetched", lang)),
            "origin": tr("From", lang), "retrieved_at": tr("Retrieved", lang),
            "upstream_last_update": tr("Upstream update", lang), "rows": tr("Rows", lang), "years": tr("Years", lang),
            "regions_latest_year": tr("Regions with a value (latest year)", lang),
            "unmatched_codes": tr("Unmatched codes", lang),
        },
        placeholder=NONE)
    with st.expander(tr("Codes that match no region ({count}), with the reason", lang,
                        count=number(len(store.unmatched), 0, lang))):
        st.dataframe(store.unmatched, hide_index=True, width="stretch", column_config=headers(store.unmatched, lang),
                     placeholder=NONE)
