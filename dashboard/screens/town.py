"""Town page: one municipality, its 1 km map and the circle figures beside its region, country and the EU."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard import frame, state, town_params
from dashboard.export import csvs
from dashboard.local_map import local_map
from dashboard.screens import downloads, town_official as official_view, town_search_box
from dashboard.text import plain
from indicators import local, town_official

DEGURBA = {1: "city", 2: "town or suburb", 3: "rural area"}
CAVEATS = [
    "Circles count the 1 km cells whose centre lies within the radius of the town's population-weighted centre; "
    "they cross municipal and national borders.",
    "Shares are over the residents whose place of birth is known; coverage says how many that is.",
    "Withheld cells and variables a country did not publish are unknown, never counted as 0.",
    "Moved in from abroad: residents whose usual residence one year before the census was abroad.",
    "NUTS 3 figures from the grid are shown only where the 1:20M boundary reproduces the region's share of its "
    "country's population within 3 %.",
    "Census reference dates differ by country (Ireland's census was held on 3 April 2022).",
]


def render(store, view: state.View, maps, pages: dict) -> None:
    params = {k: st.query_params.get(k) for k in st.query_params.keys()}
    town_view, warnings = town_params.parse(params, lambda gid: local.municipality(store, gid) is not None)
    frame.show_warnings(warnings)
    if town_view.lau is None:
        st.title("Find your town")  # the page's one h1 before a town is chosen (a town's own name after)
    town_search_box.render(store, pages, key="w_town_query")
    if town_view.lau is None:
        st.info("Type the name of a town above to see who lives around it, at 1 km.")
        _write_url(view, town_view)
        return
    town = local.municipality(store, town_view.lau)
    radius = st.segmented_control("Radius (km)", town_params.RADII, key=frame.seed("w_town_radius", town_view.radius))
    measure = st.selectbox("Measure on the map", list(local.MEASURES), format_func=lambda m: local.MEASURES[m][0],
                           key=frame.seed("w_town_measure", town_view.measure))
    town_view = town_params.TownView(town_view.lau, radius or town_view.radius, measure or town_view.measure)
    _header(town, pages, view)
    official = official_view.render(store, town_view.lau, str(town["name"]))  # official figures first
    st.header("Around the town: the 1 km grid (Census 2021)")
    if official["section"].eq("ine").any():
        st.write(town_official.HOW_THEY_DIFFER)
    fig = local_map(store, town, town_view.measure, town_view.radius)
    st.plotly_chart(fig, key=f"town-map-{town_view.lau}-{town_view.measure}-{town_view.radius}",
                    config={"displaylogo": False, "scrollZoom": False,
                            "toImageButtonOptions": {"filename": f"town_{town_view.lau}", "scale": 2}},
                    alt=f"1 km map around {town['name']}; the same figures are in the table below.")
    st.caption("Cells with fewer than 20 residents are drawn light (few residents), withheld or unpublished "
               "cells grey; blank means no resident. Names mark municipality centres.")
    table = local.comparison(store, town_view.lau)
    _figures(table)
    st.markdown("\n".join(f"- {plain(c)}" for c in CAVEATS))
    _downloads(store, town_view, fig, table, official, view.lang)
    _write_url(view, town_view)


def _header(town, pages, view) -> None:
    st.title(plain(town["name"]))
    if town["name_latin"] != town["name"]:
        st.caption(plain(town["name_latin"]))
    degurba = None if pd.isna(town["degurba"]) else DEGURBA.get(int(town["degurba"]))
    urbanisation = f"{degurba} (LAU {town['degurba_year']})" if degurba else "not known (not classified, or not in the LAU 2019 table)"
    population = "not stated" if pd.isna(town["population"]) else f"{int(town['population']):,} (LAU 2020 table)"
    facts = [f"{town['country']}", f"NUTS 3 {town['nuts_3_name']} ({town['nuts_3']})",
             f"degree of urbanisation: {urbanisation}", f"population {population}"]
    st.caption(" · ".join(plain(f) for f in facts))
    left, right = st.columns(2)
    for column, geo in ((left, str(town["nuts_3"])), (right, str(town["nuts_2"]))):
        target = replace(view, geo=geo)
        with column:
            st.page_link(pages["region"], label=f"Profile of {geo} →", query_params=state.to_params(target))


def _figures(table) -> None:
    wide = table.set_index(["figure", "unit", "area_label"])["value"].unstack("area_label")
    rows = list(dict.fromkeys(zip(table["figure"], table["unit"])))
    shown = wide.reindex(index=rows, columns=list(dict.fromkeys(table["area_label"])))
    counts = shown.index.get_level_values("unit").isin(["persons", "1 km cells"])
    shown = shown.astype(object).apply(lambda col: [_number(v, whole) for v, whole in zip(col, counts)])
    shown = shown.reset_index()
    st.dataframe(shown, hide_index=True, width="stretch")
    for label, note in dict(zip(table["area_label"], table["note"])).items():
        if note:
            st.caption(plain(f"{label}: {note}"))
    st.caption("* of residents whose place of birth is known · ** of residents whose residence a year before is known. "
               "Empty = unknown (withheld, not published or not computed), never 0.")


def _number(value, whole: bool) -> str:
    """A figure as text: thousands separated for counts, one decimal otherwise, empty when unknown."""
    if value is None or value != value:
        return ""
    return f"{int(value):,}" if whole else f"{float(value):.1f}"


def _downloads(store, town_view, fig, table, official, lang: str) -> None:
    stem = f"town_{town_view.lau}_{town_view.radius}km"
    left, right, third = st.columns(3)
    with left:
        downloads.direct("Figures (CSV)", lambda: csvs.to_csv_bytes(table.assign(
            source="Source: Eurostat (Census 2021, 1 km grid)")), f"{stem}.csv", f"csv_{stem}")
        if not official.empty:
            downloads.direct("Official figures (CSV)", lambda: csvs.to_csv_bytes(official),
                             f"town_{town_view.lau}_official.csv", f"csv_official_{town_view.lau}")
    with right:
        from dashboard.export.images import figure_image

        downloads.on_request("local map (PNG)", lambda: figure_image(fig, "png", (1000, 760)), f"{stem}.png",
                             f"png_{stem}_{town_view.measure}")
    with third:
        from dashboard.export.town_pdf import town_briefing

        downloads.on_request("town briefing (PDF)", lambda: town_briefing(
            store, town_view.lau, lang, town_view.measure, town_view.radius), f"{stem}_{lang}.pdf",
            f"pdf_{stem}_{town_view.measure}_{lang}")


def _write_url(view: state.View, town_view: town_params.TownView) -> None:
    """The frame's parameters plus the town's (the frame alone would drop ``lau``, ``radius`` and ``measure``)."""
    params = {**state.to_params(view), **town_params.to_params(town_view)}
    if {k: st.query_params.get(k) for k in st.query_params.keys()} != params:
        st.query_params.from_dict(params)
    st.session_state["_params"] = params
