"""Data status: what is loaded, from where, as of when, and which codes matched no region."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import cached
from dashboard.context import PageContext


def render(ctx: PageContext) -> None:
    store = ctx.store
    st.title("Data status")
    st.caption(f"Store built {store.info['built_at']} · {store.info['observations']:,} observations "
               f"from {len(store.info['sources'])} sources")
    rows = pd.DataFrame(cached.status_rows())
    missing = rows[~rows["present"]]
    if len(missing):
        st.error(f"{len(missing)} source(s) are not fetched: {', '.join(missing['id'])}")
    st.dataframe(
        rows.drop(columns=["in_store"]), hide_index=True, width="stretch",
        column_config={
            "id": "Source", "present": st.column_config.CheckboxColumn("Fetched"), "origin": "From",
            "retrieved_at": "Retrieved", "upstream_last_update": "Upstream update", "rows": "Rows",
            "years": "Years", "regions_latest_year": "Regions with a value (latest year)",
            "unmatched_codes": "Unmatched codes",
        },
    )
    with st.expander(f"Codes that match no region ({len(store.unmatched):,}), with the reason"):
        st.dataframe(store.unmatched, hide_index=True, width="stretch")
