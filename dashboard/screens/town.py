"""Town page: one municipality, its 1 km map and the circle figures beside its region, country and the EU."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard import frame, links, state
from dashboard.context import PageContext
from dashboard.export import csvs
from dashboard.i18n import country, number, say, tr
from dashboard.local_map import local_map
from dashboard.screens import downloads, town_official as official_view, town_search_box
from dashboard.text import plain
from indicators import local, tables, town_official


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


def render(ctx: PageContext) -> state.View:
    store, view, pages = ctx.store, ctx.view, ctx.pages
    lang = view.lang
    if view.lau is None:
        st.title(tr("Find your town", lang))  # the page's one h1 before a town is chosen (a town's own name after)
    town_search_box.render(store, pages, view, key="w_town_query")
    if view.lau is None:
        st.info(tr("Type the name of a town above to see who lives around it, at 1 km.", lang))
        return view
    town = local.municipality(store, view.lau)
    radius = st.segmented_control(tr("Radius (km)", lang), state.RADII, key=frame.seed("w_town_radius", view.radius))
    measure = st.selectbox(tr("Measure on the map", lang), list(local.MEASURES),
                           format_func=lambda m: say(local.MEASURES[m][0], lang),
                           key=frame.seed("w_town_measure", view.measure))
    view = replace(view, radius=radius or view.radius, measure=measure or view.measure)
    _header(store, town, pages, view)
    official = official_view.render(store, view.lau, str(town["name"]), lang)  # official figures first
    st.header(tr("Around the town: the 1 km grid (Census 2021)", lang))
    if official["section"].eq("ine").any():
        st.write(say(town_official.HOW_THEY_DIFFER, lang))
    fig = local_map(store, town, view.measure, view.radius, lang=lang)
    st.plotly_chart(fig, key=f"town-map-{view.lau}-{view.measure}-{view.radius}",
                    config={"displaylogo": False, "scrollZoom": False,
                            "toImageButtonOptions": {"filename": f"town_{view.lau}", "scale": 2}},
                    alt=tr("1 km map around {town}; the same figures are in the table below.", lang,
                           town=town["name"]))
    st.caption(tr("Cells with fewer than 20 residents are drawn light (few residents), withheld or unpublished "
                  "cells grey; blank means no resident. Names mark municipality centres.", lang))
    table = local.comparison(store, view.lau)
    _figures(table, lang)
    st.markdown("\n".join(f"- {plain(c)}" for c in _caveats(lang)))
    _downloads(store, view, fig, table, official, lang)
    return view


def _header(store, town, pages, view) -> None:
    lang = view.lang
    st.title(plain(town["name"]))
    if town["name_latin"] != town["name"]:
        st.caption(plain(town["name_latin"]))
    degurba = None if pd.isna(town["degurba"]) else _degurba(int(town["degurba"]), lang)
    urbanisation = (tr("{degurba} (LAU {year})", lang, degurba=degurba, year=town["degurba_year"]) if degurba
                    else tr("not known (not classified, or not in the LAU 2019 table)", lang))
    population = (tr("not stated", lang) if pd.isna(town["population"])
                  else tr("{population} (LAU 2020 table)", lang, population=number(int(town["population"]), 0, lang)))
    facts = [country(str(town["country"]), lang), tr("NUTS 3 {name} ({code})", lang, name=town["nuts_3_name"], code=town["nuts_3"]),
             tr("degree of urbanisation: {urbanisation}", lang, urbanisation=urbanisation),
             tr("population {population}", lang, population=population)]
    st.caption(" · ".join(plain(f) for f in facts))
    left, right = st.columns(2)
    for column, geo in ((left, str(town["nuts_3"])), (right, str(town["nuts_2"]))):
        target = replace(view, geo=geo)
        with column:  # the region named, its code beside the name
            label = tr("Profile of {region} ({code}) →", lang, region=tables.region_name(store, geo), code=geo)
            links.page_link(pages, "region", target, plain(label))


def _figures(table, lang: str) -> None:
    """The circle figures beside region, country and EU; labels in ``lang``, numbers in its format."""
    # the table's words are phrases: said once here, in the page's language
    said = table.assign(**{column: [say(v, lang) for v in table[column]] for column in ("figure", "unit", "area_label")})
    wide = said.set_index(["figure", "unit", "area_label"])["value"].unstack("area_label")
    rows = list(dict.fromkeys(zip(said["figure"], said["unit"])))
    shown = wide.reindex(index=rows, columns=list(dict.fromkeys(said["area_label"])))
    counts = said.drop_duplicates(["figure", "unit"])["count"].to_numpy()  # a count is whole, a share has a decimal
    shown = shown.astype(object).apply(lambda col: [_number(v, whole, lang) for v, whole in zip(col, counts)])
    shown = shown.reset_index().rename(columns={"figure": tr("figure", lang), "unit": tr("unit", lang)})
    st.dataframe(shown, hide_index=True, width="stretch")
    for label, note in said.drop_duplicates("area")[["area_label", "note"]].itertuples(index=False):
        if note:
            st.caption(plain(f"{label}: {say(note, lang)}"))
    # escaped: Markdown would read the leading "*" as a list bullet
    st.caption(plain(tr("* of residents whose place of birth is known · ** of residents whose residence a year "
                        "before is known. Empty = unknown (withheld, not published or not computed), never 0.", lang)))


def _number(value, whole: bool, lang: str) -> str:
    """A figure as text: thousands separated for counts, one decimal otherwise, empty when unknown."""
    if value is None or value != value:
        return ""
    return number(int(value), 0, lang) if whole else number(float(value), 1, lang)


def _downloads(store, view, fig, table, official, lang: str) -> None:
    stem = f"town_{view.lau}_{view.radius}km"
    left, right, third = st.columns(3)
    with left:
        downloads.direct(tr("Figures (CSV)", lang), lambda: csvs.to_csv_bytes(table.assign(
            source="Source: Eurostat (Census 2021, 1 km grid)")), f"{stem}.csv", f"csv_{stem}")
        if not official.empty:
            downloads.direct(tr("Official figures (CSV)", lang), lambda: csvs.to_csv_bytes(official),
                             f"town_{view.lau}_official.csv", f"csv_official_{view.lau}")
    with right:
        from dashboard.export.images import figure_image

        downloads.on_request(tr("local map (PNG)", lang), lambda: figure_image(fig, "png", (1000, 760)),
                             f"{stem}.png", f"png_{stem}_{view.measure}_{lang}")
    with third:
        from dashboard.export.town_pdf import town_briefing

        downloads.on_request(tr("town briefing (PDF)", lang), lambda: town_briefing(
            store, view.lau, lang, view.measure, view.radius), f"{stem}_{lang}.pdf",
            f"pdf_{stem}_{view.measure}_{lang}")

