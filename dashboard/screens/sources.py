"""Sources and methods, generated from the registry and the manifest (every indicator of every geography, every
file they come from); the full tidy data to download."""

from __future__ import annotations

import streamlit as st

from dashboard import cached, flag_words, state
from dashboard.context import PageContext
from dashboard.screens import local_views
from dashboard.i18n import say, tr
from dashboard.screens.shown_tables import NONE
from geodata.attribution import boundaries
from indicators.text.sources import METHODS, methods_table, sources_table


def render(ctx: PageContext) -> state.View:
    store, view = ctx.store, ctx.view
    lang = view.lang
    st.title(tr("Sources and methods", lang))
    st.write(tr("Every number in this dashboard comes from one of the published files below, fetched byte for byte "
                "and parsed without edits; flags are kept as Eurostat publishes them. Missing values stay missing.",
                lang))
    st.caption(flag_words.legend(lang))
    headers = {} if lang == "en" else {
        "indicator": tr("indicator", lang), "id": tr("id", lang), "geography": tr("geography", lang),
        "theme": tr("theme", lang),
        "definition": tr("definition", lang), "unit": tr("unit", lang), "dataset": tr("dataset", lang),
        "years": tr("years", lang), "coverage": tr("coverage", lang), "caveats": tr("caveats", lang),
        "licence": tr("licence", lang), "retrieved": tr("retrieved", lang)}
    st.dataframe(methods_table(store, lambda text: say(text, lang)), hide_index=True, width="stretch",
                 column_config={**headers, "link": st.column_config.LinkColumn(tr("Eurostat data browser", lang),
                                                                              display_text=tr("open", lang))},
                 placeholder=NONE)
    st.header(tr("Files the atlas reads", lang))
    files = {} if lang == "en" else {
        "source": tr("source", lang), "used for": tr("used for", lang), "credit": tr("credit", lang),
        "licence": tr("licence", lang), "retrieved": tr("retrieved", lang)}
    st.dataframe(sources_table(store, lambda text: say(text, lang)), hide_index=True, width="stretch",
                 column_config=files, placeholder=NONE)
    st.header(tr("How the atlas counts", lang))
    st.markdown("\n".join(f"- **{say(topic, lang)}.** {say(text, lang)}" for topic, text in METHODS))
    st.header(tr("Licences", lang))
    st.markdown("\n".join((
        tr("- Eurostat: free re-use with acknowledgement (Commission Decision 2011/833/EU).", lang),
        tr("- GISCO boundaries: {attribution}.", lang, attribution=say(boundaries(), lang)),
        tr("- JRC NUTS converter: European Commission, JRC.", lang),
        tr("- UNHCR: Source: UNHCR Refugee Data Finder.", lang))))
    local_views.sources_section(lang)  # cities, Spain's municipalities, Italy's reception: sources and checks
    build = store.info["build_id"]
    if st.toggle(tr("Download the full tidy data (CSV)", view.lang), key="w_prepare_download"):
        st.download_button(tr("Download the full tidy data (CSV)", view.lang), cached.full_data_csv_gz(build),
                           file_name=f"territorial-migration-atlas-{build[:8]}.csv.gz", mime="application/gzip")
    return view

