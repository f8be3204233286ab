"""Sources and methods, generated from the registry and the manifest; the full tidy data to download."""

from __future__ import annotations

import streamlit as st

from dashboard import cached, state
from dashboard.context import PageContext
from dashboard.screens import local_views
from dashboard.i18n import t
from geodata.attribution import BOUNDARIES
from indicators import flags
from indicators.sources import METHODS, methods_table


def render(ctx: PageContext) -> state.View:
    store, view = ctx.store, ctx.view
    st.title(t("sources", view.lang))
    st.write("Every number in this dashboard comes from one of the published files below, fetched byte for byte "
             "and parsed without edits; flags are kept as Eurostat publishes them. Missing values stay missing.")
    st.caption(flags.legend())
    st.dataframe(methods_table(store), hide_index=True, width="stretch",
                 column_config={"link": st.column_config.LinkColumn("Eurostat data browser", display_text="open")})
    st.header("How the atlas counts")
    st.markdown("\n".join(f"- **{topic}.** {text}" for topic, text in METHODS))
    st.header("Licences")
    st.markdown("- Eurostat: free re-use with acknowledgement (Commission Decision 2011/833/EU).\n"
                f"- GISCO boundaries: {BOUNDARIES}.\n- JRC NUTS converter: European Commission, JRC.\n"
                "- UNHCR: Source: UNHCR Refugee Data Finder.")
    local_views.sources_section()  # cities, Spain's municipalities, Italy's reception: sources and checks
    build = store.info["build_id"]
    if st.toggle(t("download_data", view.lang), key="w_prepare_download"):
        st.download_button(t("download_data", view.lang), cached.full_data_csv_gz(build),
                           file_name=f"territorial-migration-atlas-{build[:8]}.csv.gz", mime="application/gzip")
    return view
