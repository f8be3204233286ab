"""Region profile: find a region by name or code; its headline figures, trends, origins, peers, summary."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from dashboard import figures, frame, profile_figures, state
from dashboard.export import pdf
from dashboard.context import PageContext
from dashboard.i18n import t
from dashboard.screens import downloads, local_views, rank_breakdown, region_grid, region_towns, town_search_box
from dashboard.text import plain
from geodata.codes import level_of
from indicators import context, peers, profile
from indicators.ranks import rank_label
from indicators.registry import REGISTRY
from indicators.summary import country_name, summary


def render(ctx: PageContext) -> state.View:
    store, view, pages = ctx.store, ctx.view, ctx.pages
    options = profile.search_options(store)
    labels = dict(zip(options["geo"], options["label"]))
    names = dict(zip(options["geo"], options["name"]))  # carried, never cut back out of a label
    codes = list(options["geo"])
    geo = st.selectbox(t("find_region", view.lang), codes, index=None, format_func=labels.get,
                       key=frame.seed("w_geo", view.geo), placeholder="Type a name or a code, e.g. Lombardia or ITC4")
    view = replace(view, geo=geo)
    with st.expander("Find your town (every EU municipality, 1 km grid)"):
        town_search_box.render(store, ctx.pages, key="w_town_query")
    if not geo:
        st.info("Pick a region above, or click one on the map.")
        return view
    st.title(plain(names[geo]))
    st.caption(f"{geo} · {profile.badge(level_of(geo))}")
    downloads.on_request("one-page briefing (PDF)", lambda: pdf.briefing(store, geo, view.lang),
                         f"briefing_{geo}_{view.lang}.pdf", f"briefing_{geo}_{view.lang}")
    st.header(t("summary", view.lang))
    st.write(plain(summary(store, geo, view.lang)))
    _headline(store, geo, view)
    _trends(store, geo, view)
    _origins(store, geo, view)
    local_views.region_local(store, geo)  # its cities; an Italian region's reception load
    rank_breakdown.section(store, geo, view)  # the most-affected score, indicator by indicator
    _peers(store, geo, view, pages)
    _missing(store, geo, view, pages)
    region_grid.render(store, geo, names[geo])
    region_towns.render(store, geo, ctx.pages)
    return view


def _headline(store, geo, view) -> None:
    st.header(t("headline", view.lang))
    facts = profile.headline(store, geo)
    columns = st.columns(3)
    for i, fig in enumerate(facts):
        ind = REGISTRY[fig.indicator]
        with columns[i % 3].container(border=True):
            st.markdown(f"**{plain(ind.short_label)}** · :blue-badge[{fig.badge}]")
            unit = ind.short_unit or ind.unit
            st.metric(label=plain(ind.label), value=f"{figures.format_value(fig.value, ind.decimals)} {unit}",
                      label_visibility="collapsed")
            _strip(store, fig, ind, view)
            lines = [f"{fig.period or 'period not stated'}" + (f" · flag {fig.flag} ({figures.flag_text(fig.flag)})" if fig.flag else "")]
            if fig.caveat:
                lines.append(f"**{plain(fig.caveat)}**")
            if fig.geo != geo:
                lines.append(f"figure for {plain(fig.name)} ({fig.geo})")
            if fig.note:
                lines.append(plain(fig.note))
            if fig.other_period:
                lines.append("ranked among values that mostly cover another period")
            if fig.rank_country:
                lines.append(f"rank {rank_label(fig.rank_country, fig.n_country, fig.tied_country)} in the country (1 = highest)")
            if context.direction_words(ind):
                lines.append(f"for this figure, {context.direction_words(ind)}")
            if fig.rank_eu:
                lines.append(f"rank {rank_label(fig.rank_eu, fig.n_eu, fig.tied_eu)} in the EU")
            for bench in (fig.country, fig.eu):
                if bench is not None and bench.value is not None:
                    # an aggregate missing regions or member states is never called "country" or "EU"
                    where = "comparison" if bench.partial else bench.scope
                    lines.append(f"{where}: {figures.format_value(bench.value, ind.decimals)} {unit} ({plain(bench.label)})")
            st.caption("  \n".join(lines))


def _strip(store, fig, ind, view) -> None:
    """Where the figure sits among all regions of its level, its country's regions and the country and EU values."""
    rows = context.strip(store, ind, fig.geo, fig.level, fig.year)
    if rows.empty or (rows["group"] == "region").sum() == 0:
        return
    country = country_name(store, fig.geo[:2], view.lang)
    complete = {scope: (b.value if b is not None and not b.partial else None)
                for scope, b in (("country", fig.country), ("EU", fig.eu))}
    chart = profile_figures.dot_strip(rows, ind, region_name=fig.name, country_name=country, level=fig.level,
                                      year=fig.year, country_value=complete["country"], eu_value=complete["EU"])
    st.plotly_chart(chart, key=f"strip-{ind.id}", config={"displayModeBar": False},
                    alt=f"{ind.short_label}: {fig.name} among {len(rows)} regions of NUTS {fig.level}")


def _trends(store, geo, view) -> None:
    st.header(t("trends", view.lang))
    st.caption("The region's line (or its nearest larger region's) with its country's and the EU's, over the last "
               f"{context.LAST_YEARS} years at most. A year whose country or EU value would rest on an incomplete "
               "set of regions is left out of that line.")
    columns = st.columns(2)
    shown = 0
    for indicator_id in profile.TRENDS:
        series = context.trend_with_context(store, indicator_id, geo)
        if series.empty:
            continue
        ind = REGISTRY[indicator_id]
        series.loc[series["series"] == "country", "name"] = country_name(store, geo[:2], view.lang)
        own = series[series["series"] == "region"]
        name = str(own["name"].iloc[0])
        with columns[shown % 2]:
            fig = profile_figures.trend_lines(series, ind, f"{ind.short_label} ({name})", ind.credit)
            st.plotly_chart(fig, key=f"trend-{indicator_id}", config={"displaylogo": False},
                            alt=f"{ind.label} over time for {name}, its country and the EU")
            missing = [s for s in ("country", "EU") if s not in set(series["series"])]
            if missing:
                st.caption(f"No complete {' or '.join(missing)} value for these years: that line is not drawn.")
            with st.expander("Data and downloads"):
                st.dataframe(series[["series", "name", "year", "value", "flag", "label"]], hide_index=True)
                downloads.figure_images(fig, f"{indicator_id}_{geo}", f"trend_{indicator_id}_{geo}")
        shown += 1
    if not shown:
        st.caption("No series with two or more years for this region.")


def _origins(store, geo, view) -> None:
    table = profile.origins(store, geo)
    if table.empty:
        return
    st.header(t("origins", view.lang))
    st.caption(f"For the NUTS 2 region {table['region'].iloc[0]}. Source: Eurostat (cens_21cob_r3), Census 2021.")
    st.dataframe(table, hide_index=True)


def _peers(store, geo, view, pages) -> None:
    st.header(t("peers", view.lang))
    found = peers.peers(store, geo, k=5)
    if found.empty:
        st.caption("Not enough comparable data to find similar regions.")
        return
    for row in found.itertuples():
        target = replace(view, geo=row.geo)
        st.page_link(pages["region"], label=f"{row.name} ({row.geo})", query_params=state.to_params(target))
        st.caption("Close on: " + plain("; ".join(row.reasons)))


def _missing(store, geo, view, pages) -> None:
    st.header(t("missing", view.lang))
    availability = profile.missing(store, geo)
    if availability["higher level only"]:
        st.write("Only for a larger area: " + ", ".join(plain(REGISTRY[i].short_label) for i in availability["higher level only"]))
    if availability["not at all"]:
        st.write("Not available for this region: " + ", ".join(plain(REGISTRY[i].short_label) for i in availability["not at all"]))
    if not availability["higher level only"] and not availability["not at all"]:
        st.write("Every regional indicator has a value at this region's own level.")
    st.page_link(pages["data_gaps"], label="This region's data gaps, indicator by indicator →",
                 query_params=state.to_params(view))
