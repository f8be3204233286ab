"""Compare up to 12 regions: bars per indicator, a scatter of any two indicators, trends, and the table."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from dashboard.maps import figures
from dashboard import frame, i18n, state
from dashboard.export import csvs, pdf
from dashboard.context import PageContext
from dashboard.i18n import say, tr
from dashboard.screens import basket, downloads, local_views
from dashboard.screens.region import option_labels
from dashboard.screens.shown_tables import shown_table
from geodata.codes import level_of
from indicators.regions import compare, peers, profile
from indicators.places import reception
from indicators.registry import ENTRIES, REGISTRY

DEFAULT_X, DEFAULT_Y = "foreign_born_share", "unemployment_gap_foreign_born"


def render(ctx: PageContext) -> state.View:
    store, view = ctx.store, ctx.view
    lang = view.lang
    st.title(tr("Compare", lang))
    local_views.compare_cities(store, lang)  # cities beside the regions: their own chooser, bars, trends and table
    options = profile.search_options(store)
    labels = option_labels(options, lang)
    codes = list(options["geo"])
    peers_of = st.selectbox(tr("…or the peers of", view.lang), codes, index=None, format_func=labels.get,
                            key=frame.seed("w_peers_of", view.peers_of),
                            placeholder=tr("a region whose peers to add", lang))
    default = list(view.geos)
    if peers_of and not default:
        default = [peers_of] + list(peers.peers(store, peers_of, k=5)["geo"])
    geos = st.multiselect(tr("Regions (up to 12)", view.lang), codes, format_func=labels.get, max_selections=state.MAX_REGIONS,
                          placeholder=tr("Choose regions", view.lang), key=frame.seed("w_geos", default[: state.MAX_REGIONS]))
    view = replace(view, geos=list(geos), peers_of=peers_of)
    if not geos:
        st.info(tr("Choose regions above (by name or code), or pick a region to compare it with its peers.", lang))
        return view
    ind = REGISTRY[view.indicator]
    words = i18n.localised(ind, lang)  # what the page and its charts say; the data and the CSV keep the registry's
    values = compare.latest(store, ind, geos)
    if values.empty:
        st.info(tr("None of the chosen regions has a value for {indicator} at its own level.", lang,
                   indicator=words.label))
    else:
        bars = figures.grouped_bars(values, words, tr("{indicator} (latest year per region)", lang,
                                                      indicator=words.label), lang,
                                    references=_references(store, ind, values, lang))
        st.plotly_chart(bars, key="bars", config={"displaylogo": False},
                        alt=tr("Bars of {indicator}; the table below holds the values.", lang, indicator=words.label))
        downloads.figure_images(bars, f"compare_{ind.id}", "bars")
    _scatter(store, view, geos, lang)
    trend = compare.series(store, ind, geos)
    if len(trend):
        lines = figures.trends(trend, words, tr("{indicator} over time", lang, indicator=words.label), lang=lang)
        st.plotly_chart(lines, key="trends", config={"displaylogo": False},
                        alt=tr("Lines of {indicator} over time for the chosen regions.", lang, indicator=words.label))
        downloads.figure_images(lines, f"compare_{ind.id}_trends", "trends")
    old = values[values["other_vintage"]]
    if len(old):  # one vintage throughout: an old value beside recent ones is said, never compared silently
        st.warning(tr("Another vintage: {regions}. Their latest value is more than {years} years older than the "
                      "others'; compare with care.", lang, years=compare.OLD_BY,
                      regions=", ".join(f"{n} ({int(y)})" for n, y in zip(old["name"], old["year"]))))
    table = values.assign(unit=ind.unit, source=ind.credit)  # the CSV's notes stay English (str of each phrase)
    shown_table(table.assign(unit=words.unit, note=[say(note, lang) for note in table["note"]],
                             source=say(ind.credit, lang)), lang)
    _reception(store, geos, lang)
    left, right = st.columns(2)
    with left:
        downloads.direct(tr("Table (CSV)", lang), lambda: csvs.to_csv_bytes(table), f"compare_{ind.id}.csv", "compare_csv")
    with right:
        if len(geos) >= 2:
            why = basket.why(view)
            st.caption(why)
            downloads.on_request(tr("roundtable pack (PDF)", lang), lambda: pdf.pack(store, list(geos), view.lang, why,
                                                                                (view.preset, view.weights)),
                                 f"roundtable_pack_{len(geos)}_regions.pdf", "pack_" + "_".join(geos))
    return view


def _references(store, ind, values, lang: str):
    """The chosen regions' countries and the EU for the bars, named and labelled in ``lang``."""
    refs = compare.references(store, ind, values)
    return refs.assign(name=[tr("EU27", lang) if scope == "EU" else i18n.country(geo, lang)
                             for scope, geo in zip(refs["scope"], refs["geo"])],
                       label=[say(label, lang) for label in refs["label"]])


def _reception(store, geos: list[str], lang: str) -> None:
    """Italy only: the chosen Italian regions' reception load (the data cover no other country, and say so)."""
    rows = reception.for_regions(store, geos)
    if rows.empty:
        return
    st.header(tr("Italy only: people in the reception system per 1 000 residents", lang))
    shown_table(rows.assign(date=rows["date"].dt.date, note=[say(note, lang) for note in rows["note"]]), lang)
    st.caption(tr("{credit}. Report of {date}. A NUTS 3 region shows its NUTS 2 region's figure; "
                  "Trentino-Alto Adige is one figure for ITH1 + ITH2. Other countries publish no such data.", lang,
                  credit=i18n.say(reception.CREDIT, lang), date=str(rows["date"].max().date())))


def _scatter(store, view, geos, lang: str) -> None:
    level = max(level_of(g) for g in geos)
    candidates = [e.id for e in ENTRIES if level in e.levels]
    if len(candidates) < 2:
        return
    # default: a question a reader asks (more foreign-born residents, wider unemployment gap?) where both exist
    first, second = (DEFAULT_X, DEFAULT_Y) if {DEFAULT_X, DEFAULT_Y} <= set(candidates) else candidates[:2]
    left, right = st.columns(2)
    def label(i: str) -> str:
        return i18n.say(REGISTRY[i].label, lang)

    x = left.selectbox(tr("Horizontal axis", view.lang), candidates, format_func=label, key=frame.seed("w_x", first))
    y = right.selectbox(tr("Vertical axis", view.lang), candidates, format_func=label, key=frame.seed("w_y", second))
    both = compare.side_by_side(store, x, y, level)
    if both.empty:
        st.caption(tr("No region has both indicators at this level.", lang))
        return
    # a year the source does not state is said so, never printed as "None"
    x_year, y_year = (tr("period not stated", lang) if year is None else year
                      for year in both.attrs.get("years", (None, None)))
    x_words, y_words = (i18n.localised(REGISTRY[i], lang) for i in (x, y))
    title = tr("{y} against {x} (NUTS {level}; {x_year}, {y_year})", lang, y=y_words.short_label,
               x=x_words.short_label, level=level, x_year=x_year, y_year=y_year)
    fig = figures.scatter(both, x_words, y_words, geos, title, lang)
    st.plotly_chart(fig, key="scatter", config={"displaylogo": False},
                    alt=tr("Scatter of all regions, the chosen ones labelled.", lang))
    downloads.figure_images(fig, f"scatter_{x}_{y}", "scatter")
