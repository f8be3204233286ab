"""Town page: one municipality, its 1 km map and the circle figures beside its region, country and the EU."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard import frame, state, town_params
from dashboard.export import csvs
from dashboard.i18n import number, tr
from dashboard.local_map import local_map
from dashboard.screens import downloads, town_official as official_view, town_search_box
from dashboard.text import plain
from dashboard.town_words import area_label, area_note, how_they_differ, measure_label, word
from indicators import local


def _degurba(code: int, lang: str) -> str | None:
    """Eurostat's degree of urbanisation (1-3) in ``lang``."""
    return {1: tr("city", lang), 2: tr("town or suburb", lang), 3: tr("rural area", lang)}.get(code)


def _caveats(lang: str) -> list[str]:
    return [
        tr("Circles count the 1 km cells whose centre lies within the radius of the town's population-weighted "
           "centre; they cross municipal and national borders.", lang),
        tr("Shares are over the residents whose place of birth is known; coverage says how many that is.", lang),
        tr("Withheld cells and variables a country did not publish are unknown, never counted as 0.", lang),
        tr("Moved in from abroad: residents whose usual residence one year before the census was abroad.", lang),
        tr("NUTS 3 figures from the grid are shown only where the 1:20M boundary reproduces the region's share of "
           "its country's population within 3 %.", lang),
        tr("Census reference dates differ by country (Ireland's census was held on 3 April 2022).", lang),
    ]


def render(store, view: state.View, maps, pages: dict) -> None:
    lang = view.lang
    params = {k: st.query_params.get(k) for k in st.query_params.keys()}
    town_view, warnings = town_params.parse(params, lambda gid: local.municipality(store, gid) is not None, lang)
    frame.show_warnings(warnings)
    if town_view.lau is None:
        st.title(tr("Find your town", lang))  # the page's one h1 before a town is chosen (a town's own name after)
    town_search_box.render(store, pages, key="w_town_query", lang=lang)
    if town_view.lau is None:
        st.info(tr("Type the name of a town above to see who lives around it, at 1 km.", lang))
        _write_url(view, town_view)
        return
    town = local.municipality(store, town_view.lau)
    radius = st.segmented_control(tr("Radius (km)", lang), town_params.RADII,
                                  key=frame.seed("w_town_radius", town_view.radius))
    measure = st.selectbox(tr("Measure on the map", lang), list(local.MEASURES),
                           format_func=lambda m: measure_label(m, lang),
                           key=frame.seed("w_town_measure", town_view.measure))
    town_view = town_params.TownView(town_view.lau, radius or town_view.radius, measure or town_view.measure)
    _header(town, pages, view)
    official = official_view.render(store, town_view.lau, str(town["name"]), lang)  # official figures first
    st.header(tr("Around the town: the 1 km grid (Census 2021)", lang))
    if official["section"].eq("ine").any():
        st.write(how_they_differ(lang))
    fig = local_map(store, town, town_view.measure, town_view.radius, lang=lang)
    st.plotly_chart(fig, key=f"town-map-{town_view.lau}-{town_view.measure}-{town_view.radius}",
                    config={"displaylogo": False, "scrollZoom": False,
                            "toImageButtonOptions": {"filename": f"town_{town_view.lau}", "scale": 2}},
                    alt=tr("1 km map around {town}; the same figures are in the table below.", lang,
                           town=town["name"]))
    st.caption(tr("Cells with fewer than 20 residents are drawn light (few residents), withheld or unpublished "
                  "cells grey; blank means no resident. Names mark municipality centres.", lang))
    table = local.comparison(store, town_view.lau)
    _figures(table, str(town["name"]), lang)
    st.markdown("\n".join(f"- {plain(c)}" for c in _caveats(lang)))
    _downloads(store, town_view, fig, table, official, lang)
    _write_url(view, town_view)


def _header(town, pages, view) -> None:
    lang = view.lang
    st.title(plain(town["name"]))
    if town["name_latin"] != town["name"]:
        st.caption(plain(town["name_latin"]))
    degurba = None if pd.isna(town["degurba"]) else _degurba(int(town["degurba"]), lang)
    urbanisation = (tr("{degurba} (LAU {year})", lang, degurba=degurba, year=town["degurba_year"]) if degurba
                    else tr("not known (not classified, or not in the LAU 2019 table)", lang))
    population = (tr("not stated", lang) if pd.isna(town["population"])
                  else tr("{population} (LAU 2020 table)", lang, population=number(int(town["population"]), 0, lang)))
    facts = [f"{town['country']}", tr("NUTS 3 {name} ({code})", lang, name=town["nuts_3_name"], code=town["nuts_3"]),
             tr("degree of urbanisation: {urbanisation}", lang, urbanisation=urbanisation),
             tr("population {population}", lang, population=population)]
    st.caption(" · ".join(plain(f) for f in facts))
    left, right = st.columns(2)
    for column, geo in ((left, str(town["nuts_3"])), (right, str(town["nuts_2"]))):
        target = replace(view, geo=geo)
        with column:
            st.page_link(pages["region"], label=tr("Profile of {code} →", lang, code=geo),
                         query_params=state.to_params(target))


def _figures(table, town_name: str, lang: str) -> None:
    """The circle figures beside region, country and EU; labels in ``lang``, numbers in its format."""
    wide = table.set_index(["figure", "unit", "area_label"])["value"].unstack("area_label")
    rows = list(dict.fromkeys(zip(table["figure"], table["unit"])))
    shown = wide.reindex(index=rows, columns=list(dict.fromkeys(table["area_label"])))
    counts = shown.index.get_level_values("unit").isin(["persons", "1 km cells"])
    shown = shown.astype(object).apply(lambda col: [_number(v, whole, lang) for v, whole in zip(col, counts)])
    shown = shown.reset_index()
    if lang != "en":  # the English table keeps the indicators' own labels (the CSV's)
        heads = {label: area_label(area, label, town_name, lang)
                 for area, label in zip(table["area"], table["area_label"])}
        shown["figure"] = shown["figure"].map(lambda f: word(f, lang))
        shown["unit"] = shown["unit"].map(lambda u: word(u, lang))
        shown = shown.rename(columns={**heads, "figure": tr("figure", lang), "unit": tr("unit", lang)})
    st.dataframe(shown, hide_index=True, width="stretch")
    for area, label, note in table.drop_duplicates("area")[["area", "area_label", "note"]].itertuples(index=False):
        if note:
            shown_label = label if lang == "en" else area_label(area, label, town_name, lang)
            st.caption(plain(f"{shown_label}: {area_note(area, note, lang)}"))
    # escaped: Markdown would read the leading "*" as a list bullet
    st.caption(plain(tr("* of residents whose place of birth is known · ** of residents whose residence a year "
                        "before is known. Empty = unknown (withheld, not published or not computed), never 0.", lang)))


def _number(value, whole: bool, lang: str) -> str:
    """A figure as text: thousands separated for counts, one decimal otherwise, empty when unknown."""
    if value is None or value != value:
        return ""
    return number(int(value), 0, lang) if whole else number(float(value), 1, lang)


def _downloads(store, town_view, fig, table, official, lang: str) -> None:
    stem = f"town_{town_view.lau}_{town_view.radius}km"
    left, right, third = st.columns(3)
    with left:
        downloads.direct(tr("Figures (CSV)", lang), lambda: csvs.to_csv_bytes(table.assign(
            source="Source: Eurostat (Census 2021, 1 km grid)")), f"{stem}.csv", f"csv_{stem}")
        if not official.empty:
            downloads.direct(tr("Official figures (CSV)", lang), lambda: csvs.to_csv_bytes(official),
                             f"town_{town_view.lau}_official.csv", f"csv_official_{town_view.lau}")
    with right:
        from dashboard.export.images import figure_image

        downloads.on_request(tr("local map (PNG)", lang), lambda: figure_image(fig, "png", (1000, 760)),
                             f"{stem}.png", f"png_{stem}_{town_view.measure}_{lang}")
    with third:
        from dashboard.export.town_pdf import town_briefing

        downloads.on_request(tr("town briefing (PDF)", lang), lambda: town_briefing(
            store, town_view.lau, lang, town_view.measure, town_view.radius), f"{stem}_{lang}.pdf",
            f"pdf_{stem}_{town_view.measure}_{lang}")


def _write_url(view: state.View, town_view: town_params.TownView) -> None:
    """The frame's parameters plus the town's (the frame alone would drop ``lau``, ``radius`` and ``measure``)."""
    params = {**state.to_params(view), **town_params.to_params(town_view)}
    if {k: st.query_params.get(k) for k in st.query_params.keys()} != params:
        st.query_params.from_dict(params)
    st.session_state["_params"] = params
