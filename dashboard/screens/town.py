"""Town page: the answer first (one sentence and the 1 km map), the key figures beside region, country and the EU,
official local figures, towns like yours, then context."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard import frame, links, state
from dashboard.context import PageContext
from dashboard.export import town_csvs
from dashboard.i18n import country, number, say, tr
from dashboard.maps.local_map import local_map
from dashboard.screens import downloads, town_official as official_view, town_search_box
from dashboard.text import plain
from indicators.places import local, similar_towns, town_answer, town_names, town_official, urbanisation
from indicators.text.phrasing import joined
from indicators.regions import tables

MAP_HEIGHT = 430  # square cells: at 390 px the map is as wide as the screen and ends on the first screen


def render(ctx: PageContext) -> state.View:
    store, view, pages = ctx.store, ctx.view, ctx.pages
    lang = view.lang
    if view.lau is None:
        st.title(tr("Find your town", lang))  # the page's one h1 before a town is chosen (a town's own name after)
        town_search_box.render(store, pages, view, key="w_town_query")
        st.info(tr("Type the name of a town above to see who lives around it, at 1 km.", lang))
        return view
    town = local.municipality(store, view.lau)
    # the answer and the map come before their pickers: read the pickers' state first
    view = replace(view, radius=st.session_state.get("w_town_radius") or view.radius,
                   measure=st.session_state.get("w_town_measure") or view.measure)
    _header(town, lang)
    # the answer: a paragraph, not a heading (the town's name is the h1), set larger by constant CSS; its text goes
    # through Markdown escaped, never as HTML
    st.markdown("<style>.st-key-town_answer p{font-size:1.15rem;font-weight:600;margin:0}</style>",
                unsafe_allow_html=True)
    with st.container(key="town_answer"):
        st.markdown(plain(say(town_answer.answer(store, view.lau, view.radius, lang), lang)))
    _map(store, town, view, lang)
    left, right = st.columns(2)
    with left:
        st.segmented_control(tr("Radius (km)", lang), state.RADII,
                             key=frame.seed("w_town_radius", view.radius))
    with right:
        st.selectbox(tr("Measure on the map", lang), list(local.MEASURES),
                     format_func=lambda m: say(local.MEASURES[m].label, lang),
                     key=frame.seed("w_town_measure", view.measure))
    st.header(tr("Key figures: the town beside its region, country and the EU", lang))
    _key_figures(store, view, lang)
    official = official_view.render(store, view.lau, str(town["name"]), lang, context=False)
    if official["section"].eq("ine").any():
        st.caption(say(town_official.HOW_THEY_DIFFER, lang))
    matches = _similar(store, view, town, pages, lang)
    st.header(tr("Context", lang))
    official_view.render(store, view.lau, str(town["name"]), lang, context=True)
    if not official["section"].eq("city").any() and not town_official.country_publishes(store, str(town["country"])):
        st.write(plain(say(town_official.no_city_series(country(str(town["country"]), lang)), lang)))
    _profiles(store, town, pages, view)
    st.markdown("\n".join(f"- {plain(say(c, lang))}" for c in town_answer.caveats()))
    table = town_answer.comparison(store, view.lau)
    _downloads(store, town, view, table, official, matches, lang)
    st.subheader(tr("Find another town", lang))
    town_search_box.render(store, pages, view, key="w_town_query")
    return view


def _header(town, lang: str) -> None:
    st.title(plain(town_names.display_name(town["name"], town["name_latin"])))
    population = (tr("not stated", lang) if pd.isna(town["population"])
                  else tr("{population} (LAU 2020 table)", lang, population=number(int(town["population"]), 0, lang)))
    facts = [country(str(town["country"]), lang),
             tr("NUTS 3 {name} ({code})", lang, name=town["nuts_3_name"], code=town["nuts_3"]),
             tr("degree of urbanisation: {urbanisation}", lang,
                urbanisation=say(urbanisation.of_town(town), lang)),
             tr("population {population}", lang, population=population)]
    st.caption(" · ".join(plain(f) for f in facts))


def _map(store, town, view, lang: str) -> None:
    """The map as wide as the column, its legend under it as wrapping text (a colour bar beside the map left it
    145 px wide on a phone); the exported image keeps the figure's own colour bar. No map where the grid has no
    cell (the outermost regions): an empty map with its toolbar said nothing."""
    if not local.grid_covers(store, town):
        st.info(tr("The 1 km grid does not cover the outermost regions: there is no map around this town.", lang))
        return
    page, legend = store.memo.cached(("town_page_map", view.lau, view.measure, view.radius, lang),
                                     lambda: _page_map(store, town, view, lang))
    st.plotly_chart(page, key=f"town-map-{view.lau}-{view.measure}-{view.radius}",
                    config={"displaylogo": False, "scrollZoom": False,
                            "toImageButtonOptions": {"filename": f"town_{view.lau}", "scale": 2}},
                    alt=tr("1 km map around {town}; the same figures are in the key figures below.", lang,
                           town=town["name"]))
    st.html(legend)  # sanitised by Streamlit (DOMPurify); the labels are escaped too
    st.caption(tr("Cells with fewer than {few} residents are drawn light (few residents), withheld or unpublished "
                  "cells grey; blank means no resident. Names mark municipality centres.", lang,
                  few=number(local.FEW_RESIDENTS, 0, lang)))


def _page_map(store, town, view, lang: str) -> tuple:
    """The map as the page sends it (no colour bar, the page's height) and its legend as HTML, made once per view
    (the figure took 350 ms to build and as long to serialise on every rerun)."""
    page = local_map(store, town, view.measure, view.radius, lang=lang)
    heatmap = page.data[0]
    # a Figure, not a dict: st.plotly_chart validates a dict into a Figure again (0.5 s) on every rerun
    page.update_traces(showscale=False, selector=dict(type="heatmap"))
    # no title on the page: the legend under the map names the measure, and a phone keeps the height for the map
    page.update_layout(height=MAP_HEIGHT, margin=dict(l=0, r=0, t=0, b=40), title_text="")  # two source lines
    colours = [stop[1] for stop in heatmap.colorscale[::2]]
    swatches = " ".join(f"<span style='white-space:nowrap'><span aria-hidden='true' style='display:inline-block;"
                        f"width:0.9em;height:0.9em;background:{c};border:1px solid #999;vertical-align:middle'></span>"
                        f" {_html(label)}</span>" for c, label in zip(colours, heatmap.colorbar.ticktext))
    measure = say(local.MEASURES[view.measure].label, lang)
    legend = (f"<div style='font-size:0.85rem;line-height:1.8'>{_html(measure)} ({_html(heatmap.colorbar.title.text)}):"
              f" {swatches}</div>")
    return page, legend


def _html(text) -> str:
    """Text for the legend's HTML: the markup characters escaped (labels come from the catalogues)."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _value(cell: dict, decimals: int, lang: str) -> str:
    """A figure as shown: the number, 'too little known (x % of residents)', or 'not known' (never 0)."""
    if cell["value"] is not None:
        return number(float(cell["value"]), decimals, lang)
    return say(cell["too_little"], lang) if cell["too_little"] is not None else tr("not known", lang)


def _key_figures(store, view, lang: str) -> None:
    """Each figure in its own box, lines that wrap (no table to scroll sideways on a phone or beside a wide map)."""
    figures = town_answer.key_figures(store, view.lau, view.radius, lang)
    columns = st.columns(2)
    for i, figure in enumerate(figures):
        unit = say(figure["unit"], lang)
        circles = " · ".join(
            (f"**{_labelled(f'{r:g} km', _value(c, figure['decimals'], lang), lang)}**" if r == view.radius
             else _labelled(f"{r:g} km", _value(c, figure["decimals"], lang), lang))
            for r, c in figure["circles"].items() if r in state.RADII)
        lines = [f"**{plain(say(figure['label'], lang))}** ({plain(unit)})", circles]
        for area in figure["areas"]:
            level = {"nuts_3": " (NUTS 3)", "nuts_2": " (NUTS 2)"}.get(area["kind"], "")
            shown = (_value(area, figure["decimals"], lang) if area["value"] is not None or area["too_little"]
                     else tr("not computed", lang) if area["note"] and area["kind"].startswith("nuts")
                     else tr("not known", lang))
            lines.append(_labelled(plain(say(area["name"], lang)) + level, plain(shown), lang))
        with columns[i % 2].container(border=True):
            st.markdown("  \n".join(lines))
    notes = [_labelled(plain(say(area["name"], lang)), plain(say(area["note"], lang)), lang)
             for area in figures[0]["areas"] if area["note"]]
    for note in notes:
        st.caption(note)
    st.caption(tr("(\\*) of residents whose place of birth is known · (\\*\\*) of residents whose residence a year "
                  "before is known. Not known = withheld, not published or not computed, never 0.", lang))


def _labelled(label: str, content: str, lang: str) -> str:
    """'2 km: 16.4' as the language writes it (French: '2 km : 16,4')."""
    return tr("{label}: {content}", lang, label=label, content=content)


def _similar(store, view, town, pages, lang: str) -> pd.DataFrame:
    """Towns like yours: other countries first (a same-country option), each with its reasons and a link."""
    st.header(tr("Towns like yours", lang))
    st.write(tr("Municipalities across the EU most like {town}, for a study visit, mentoring or city-to-city "
                "cooperation.", lang, town=plain(town_names.display_name(town["name"], town["name_latin"]))))
    # a long name ("Berchem-Sainte-Agathe / Sint-Agatha-Berchem") wraps instead of running off a phone's screen
    st.markdown("<style>[data-testid='stPageLink'] *{white-space:normal !important;overflow-wrap:anywhere}</style>",
                unsafe_allow_html=True)
    same = st.toggle(tr("Only towns in the same country", lang), key=frame.seed("w_town_same_country", False))
    matches = similar_towns.similar_towns(store, view.lau, 10, same_country=same)
    if matches is None or matches.empty:
        st.caption(tr("No municipality can be compared: the town's grid figures are not known.", lang))
        return pd.DataFrame(columns=similar_towns.COLUMNS)
    for row in matches.itertuples(index=False):  # each link keeps the reader's language, radius and measure
        name = town_names.display_name(row.name, row.name_latin)
        links.page_link(pages, "town", replace(view, lau=row.gisco_id), plain(f"{name} ({country(str(row.country), lang)})"))
        st.caption(plain(f"{row.nuts_3_name} · {say(joined(list(row.reasons)), lang)}"))
    with st.expander(tr("How towns are compared", lang)):
        st.markdown("\n".join(f"- {plain(say(p, lang))}" for p in similar_towns.method(store)))
        st.caption(tr("Distance: the weighted root mean square of the scaled differences. Other countries first, at "
                      "most {count} per country; a town with too little known within {radius} km is not compared.",
                      lang, count=similar_towns.PER_COUNTRY, radius=number(similar_towns.RADIUS_KM, 0, lang)))
    return matches


def _profiles(store, town, pages, view) -> None:
    left, right = st.columns(2)
    for column, geo in ((left, str(town["nuts_3"])), (right, str(town["nuts_2"]))):
        with column:  # the region named, its code beside the name
            label = tr("Profile of {region} ({code}) →", view.lang, region=tables.region_name(store, geo), code=geo)
            links.page_link(pages, "region", replace(view, geo=geo), plain(label))


def _downloads(store, town, view, table, official, matches, lang: str) -> None:
    stem = f"town_{view.lau}_{view.radius}km"
    left, right, third = st.columns(3)
    with left:
        downloads.direct(tr("Figures (CSV)", lang), lambda: town_csvs.figures(table), f"{stem}.csv", f"csv_{stem}")
        if not official.empty:
            downloads.direct(tr("Official figures (CSV)", lang), lambda: town_csvs.official(official),
                             f"town_{view.lau}_official.csv", f"csv_official_{view.lau}")
        if not matches.empty:
            downloads.direct(tr("Towns like yours (CSV)", lang), lambda: town_csvs.similar(matches),
                             f"town_{view.lau}_similar.csv", f"csv_similar_{view.lau}")
    with right:
        from dashboard.export.images import figure_image

        if local.grid_covers(store, town):  # no map, no map image (the outermost regions)
            downloads.on_request(tr("local map (PNG)", lang), lambda: figure_image(
                local_map(store, town, view.measure, view.radius, lang=lang), "png", (1000, 760)),
                                 f"{stem}.png", f"png_{stem}_{view.measure}_{lang}")
    with third:
        from dashboard.export.town_pdf import town_briefing

        downloads.on_request(tr("town briefing (PDF)", lang), lambda: town_briefing(
            store, view.lau, lang, view.measure, view.radius), f"{stem}_{lang}.pdf",
            f"pdf_{stem}_{view.measure}_{lang}")

