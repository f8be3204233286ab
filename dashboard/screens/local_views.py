"""The local layer on the existing pages: the map page's Cities / Municipalities (Spain) / Reception (Italy) views,
the cities of a region on its profile, and implausible values and local coverage on the data-gap page."""

from __future__ import annotations

from functools import reduce

import pandas as pd
import streamlit as st

from dashboard.maps import figures, local_figures
from dashboard import frame, state
from dashboard.export import csvs
from dashboard.export import local as local_export
from dashboard.i18n import country, localised, number, say, tr, tr_count
from dashboard.screens import downloads
from dashboard.column_words import headers
from dashboard.screens.shown_tables import NONE, in_marks, shown_table
from dashboard.text import place, places
from indicators.places import cities, deep_dives, plausibility, reception
from indicators.entries import get, of_geography
from loaders.city_tables import read
from loaders.memo import Memo

VIEWS = ("Regions (NUTS)", "Cities", "Municipalities (Spain)", "Reception (Italy)")
# the URL's ``layer`` of each (state.LAYERS; the grid is the toggle above this radio, not one of its options)
LAYER_OF = dict(zip(VIEWS, [layer for layer in state.LAYERS if layer != "grid"], strict=True))
MAX_KEPT_FIGURES = 6  # figures of the local maps kept per store (each a few MB in memory)


def _config(maps) -> dict:
    return {"topojsonURL": maps.base_maps, "displaylogo": False, "scrollZoom": False}


def _view_label(label: str, lang: str) -> str:
    """The radio's options stay English (the URL's ``layer`` and the tests key on them); shown translated."""
    return {"Regions (NUTS)": tr("Regions (NUTS)", lang), "Cities": tr("Cities", lang),
            "Municipalities (Spain)": tr("Municipalities (Spain)", lang),
            "Reception (Italy)": tr("Reception (Italy)", lang)}.get(label, label)


def _date(value, lang: str) -> str:
    """A report date as '05 Nov 2024' in the reader's language (CLDR month names)."""
    return local_export.date_text(value, lang)


def other_view(store, view, maps) -> str:
    """Offer the local views on the map page (the link's ``layer`` chosen first); draw the chosen one.
    Returns the layer drawn ("regions" when the page should draw the regional map itself)."""
    seeded = next((label for label, layer in LAYER_OF.items() if layer == view.layer), VIEWS[0])
    chosen = st.radio(tr("What to map", view.lang), VIEWS, horizontal=True, key=frame.seed("w_local_view", seeded),
                      format_func=lambda label: _view_label(label, view.lang))
    layer = LAYER_OF.get(chosen, "regions")
    if layer != "regions":
        {"cities": _cities, "es_municipalities": _spain, "it_reception": _italy}[layer](store, view, maps)
    return layer


def _cities(store, view, maps) -> None:
    options = [e.id for e in of_geography("city")]
    lang = view.lang
    ind_id = st.selectbox(tr("Indicator", lang), options, format_func=lambda i: _label(i, lang), key="w_city_ind")
    years = sorted(int(y) for y in cities.city_shares(store).dropna(subset=["value"])["year"].unique())
    year = st.selectbox(tr("Year", lang), [None, *reversed(years)], key="w_city_year",
                        format_func=lambda y: tr("each city's latest year", lang) if y is None else str(y))
    fig, data = _kept(store, ("cities", ind_id, year, view.scheme, lang),
                      lambda: local_export.city_map(store, ind_id, year, view.scheme, lang))
    ind = localised(data.indicator, lang)
    st.title(ind.label)
    st.caption(ind.description + " " + " ".join(ind.caveats))
    st.plotly_chart(fig, key=f"cities-{ind_id}-{year}", config=_config(maps),
                    alt=tr("Map of {indicator}, {years}. The same values are in the table below.", lang,
                           indicator=ind.label, years=say(data.year_text, lang)))
    shown = data.rows["value"].notna().sum()
    st.caption(tr("{shown} of {count} Urban Audit cities have a value shown. Grey: no value published, or a "
                  "published value caught by a plausibility check (listed on the data-gap page). Rings: flagged "
                  "values.", lang, shown=shown, count=len(data.rows)))
    _images(lambda: local_export.city_map(store, ind_id, year, view.scheme, lang=lang)[0],
            f"{ind_id}_{year or 'latest'}", lang)
    _table_and_csv(store, data.rows, ind, year, lang)


def _spain(store, view, maps) -> None:
    options = [e.id for e in of_geography("lau")]
    lang = view.lang
    ind_id = st.selectbox(tr("Indicator", lang), options, format_func=lambda i: _label(i, lang), key="w_es_ind")
    year = None if "change" in ind_id else st.selectbox(tr("Year", lang), [2024, 2023, 2022, 2021], key="w_es_year")
    fig, data = _kept(store, ("spain", ind_id, year, view.scheme, maps.screen(2021, 3), lang),
                      lambda: local_export.spain_map(store, ind_id, year, view.scheme, maps.screen(2021, 3), lang))
    ind = localised(data.indicator, lang)
    st.title(ind.label)
    st.caption(ind.description + " " + " ".join(ind.caveats))
    st.plotly_chart(fig, key=f"spain-{ind_id}-{year}", config=_config(maps),
                    alt=tr("Map of {indicator} in Spain's municipalities, {years}.", lang, indicator=ind.label,
                           years=say(data.year_text, lang)))
    unmatched = read(store, "city_unmatched")
    st.caption(tr_count(int((unmatched["source_id"] == "ine_68538").sum()),
                        "Municipal data: Spain only. {count} INE municipality code has no LAU 2020 centre and is not "
                        "drawn (listed on the data-gap page).",
                        "Municipal data: Spain only. {count} INE municipality codes have no LAU 2020 centre and are "
                        "not drawn (listed on the data-gap page).", lang))
    _images(lambda: local_export.spain_map(store, ind_id, year, view.scheme, lang=lang)[0],
            f"{ind_id}_{year or 'change'}", lang)
    _table_and_csv(store, data.rows, ind, year, lang)


def _italy(store, view, maps) -> None:
    lang = view.lang
    ind = localised(get("it_reception_per_1000"), lang)
    rows = reception.per_thousand(store)
    dates = sorted(rows["date"].unique(), reverse=True)
    date = st.selectbox(tr("Report date", lang), dates, format_func=lambda d: _date(d, lang), key="w_it_date")
    fig, date = local_export.italy_map(store, date, view.scheme, maps.screen(2021, 2), lang)
    st.title(ind.label)
    st.caption(ind.description + " " + " ".join(ind.caveats))
    st.plotly_chart(fig, key=f"italy-{pd.Timestamp(date):%Y%m%d}", config=_config(maps),
                    alt=tr("Map of people in reception per 1 000 residents by Italian region.", lang))
    st.caption(tr("Trentino-Alto Adige: reported jointly for ITH1 (Bolzano) and ITH2 (Trento); one figure for both: "
                  "drawn on both, counted once.", lang))
    _images(lambda: local_export.italy_map(store, date, view.scheme, lang=lang)[0],
            f"it_reception_{pd.Timestamp(date):%Y%m%d}", lang)
    monthly = reception.monthly(store)
    chosen = st.multiselect(tr("Regions in the trend", lang), sorted(monthly["name"].unique()),
                            default=["Lombardia", "Sicilia", "Trentino-Alto Adige"], key="w_it_trend",
                            placeholder=tr("Choose regions", lang))
    codes = monthly.loc[monthly["name"].isin(chosen), "geo"].unique().tolist()
    st.plotly_chart(local_figures.reception_trend(monthly, codes, say(ind.credit, lang), lang), key="it-trend",
                    alt=tr("Lines of people in reception per 1 000 residents by month for the chosen regions.", lang))
    at = rows[rows["date"].eq(date)]
    at = at.assign(note=[say(note, lang) for note in at["note"]])  # indicators.places.reception's phrases
    at = at[["name", "geo", "date", "hotspot", "reception_centres", "siproimi", "sai", "total", "population",
             "population_year", "value", "note"]]
    st.dataframe(in_marks(at, lang), hide_index=True, width="stretch", column_config=headers(at, lang),
                 placeholder=NONE)
    downloads.direct(tr("Reception by region and date (CSV)", lang), lambda: csvs.to_csv_bytes(csvs.indicator_rows(store, ind.id)),
                     "it_reception_per_1000.csv", "csv_it_reception")


def _label(indicator_id: str, lang: str) -> str:
    """A deep dive's label in ``lang`` (its registry words)."""
    return localised(get(indicator_id), lang).label


def _kept(store, key: tuple, make):
    """The page's last few map figures, kept on the store: building 8 000 points in plotly takes ~150 ms, and a
    rerun that changes nothing on the map (a table sort, a download) should not pay it again. Never mutated
    (image exports build their own)."""
    return store.memo.cached(("local_views", "figures"), lambda: Memo(MAX_KEPT_FIGURES)).cached(key, make)


def _images(make, stem: str, lang: str) -> None:
    """PNG and SVG of the map, made on request with the geometry inlined and the credit line burned in; in the
    page's language (kept per language)."""
    left, right = st.columns(2)
    with left:
        downloads.on_request(tr("map (PNG)", lang), lambda: local_export.map_image(make(), "png"), f"{stem}.png",
                             f"png_{stem}_{lang}")
    with right:
        downloads.on_request(tr("map (SVG)", lang), lambda: local_export.map_image(make(), "svg"), f"{stem}.svg",
                             f"svg_{stem}_{lang}")


def _table_and_csv(store, rows: pd.DataFrame, ind, year, lang: str) -> None:
    # names said ("(grande ville)"), decimals in the language's marks (printf's "%.1f" only for English)
    shown = places(rows[["name", "geo", "year", "value", "flag", "population", "reason"]], lang).sort_values("name")
    st.dataframe(in_marks(shown, lang, {"value": 1}), hide_index=True, width="stretch",
                 column_config={"value": st.column_config.NumberColumn(
                                    tr("value ({unit})", lang, unit=ind.short_unit),
                                    format="%.1f" if lang == "en" else None),
                                "year": st.column_config.NumberColumn(tr("year", lang), format="%d"),
                                **({} if lang == "en" else {
                                    "name": tr("name", lang), "geo": tr("code", lang), "flag": tr("flag", lang),
                                    "population": tr("residents", lang), "reason": tr("why no value", lang)})},
                 placeholder=NONE)
    stem = f"{ind.id}_{year or 'latest'}"
    downloads.direct(tr("Data (CSV)", lang), lambda: csvs.to_csv_bytes(csvs.indicator_rows(store, ind.id, year=year)),
                     f"{stem}.csv",
                     f"csv_{stem}")
    downloads.direct(tr("About the data (JSON)", lang), lambda: csvs.metadata_bytes(store, ind.id, year=year),
                     f"{stem}.metadata.json", f"meta_{stem}")


def region_local(store, geo: str, lang: str = "en") -> None:
    """On a region's profile: its Urban Audit cities, and for an Italian region its reception load."""
    _region_cities(store, geo, lang)
    if geo.startswith("IT") and len(geo) >= 4:
        _region_reception(store, geo, lang)


def _region_reception(store, geo: str, lang: str) -> None:
    monthly = reception.monthly(store)
    nuts2 = geo[:4]
    rows = monthly[monthly["geo"].str.split("+").map(lambda codes: nuts2 in codes)]
    if rows.empty:
        return
    last = rows.iloc[-1]
    st.header(tr("People in the reception system (Italy)", lang))
    joint = (" " + tr("(Trentino-Alto Adige, reported jointly for ITH1 + ITH2)", lang)) if "+" in last["geo"] else ""
    scope = "" if len(geo) == 4 else " " + tr("Figures for the NUTS 2 region {nuts2}, not for {geo} itself.", lang,
                                              nuts2=nuts2, geo=geo)
    st.write(tr("{value} per 1 000 residents on {date}{joint}: {people} people; {note}.", lang,
                value=number(last["value"], 2, lang), date=_date(last["date"], lang), joint=joint,
                people=number(last["total"], 0, lang), note=say(last["note"], lang)) + scope)
    st.plotly_chart(local_figures.reception_trend(monthly, [last["geo"]], say(reception.CREDIT, lang), lang),
                    key=f"region-it-{geo}",
                    alt=tr("Line of people in reception per 1 000 residents by month in {region}.", lang,
                           region=last["name"]))


def _region_cities(store, geo: str, lang: str) -> None:
    inside = cities.cities_in_region(store, geo)
    if inside.empty:
        return
    st.header(tr("Cities in this region (Urban Audit)", lang))
    shown = places(inside[["name", "geo", "note", "year", "value", "flag"]], lang).assign(
        note=[say(note, lang) for note in inside["note"]])
    st.dataframe(in_marks(shown, lang), hide_index=True, width="stretch", column_config={
        **headers(shown, lang), "value": tr("foreign-born %", lang), "note": tr("definition", lang)}, placeholder=NONE)
    shares = cities.city_shares(store)
    series = places(shares[shares["geo"].isin(inside["geo"].head(8))].dropna(subset=["value"]), lang)
    if series["year"].nunique() > 1:
        fig = figures.trends(series, localised(get("city_foreign_born_share"), lang),
                             tr("Foreign-born share of residents", lang), lang=lang)
        st.plotly_chart(fig, key=f"region-cities-{geo}",
                        alt=tr("Lines of the foreign-born share of residents of the cities in the table above.", lang))
    st.caption(tr("{credit}. Values caught by a plausibility check are not shown (see the data-gap page).", lang,
                  credit=say(cities.CREDIT, lang)))


def data_gaps_section(store, lang: str = "en") -> None:
    """On the data-gap page: where local data exist, and every published value not shown, with its rule."""
    st.header(tr("Local data: where they exist", lang))
    lines = [say(line, lang) for line in deep_dives.coverage_lines()]
    st.write(reduce(lambda rest, first: tr("{first}; {rest}", lang, first=first, rest=rest), lines[-2::-1], lines[-1])
             + ". " + tr("Urban Audit city figures: the cities Eurostat publishes.", lang))
    found = cities.implausible_values(store, lambda text: say(text, lang))
    values = len(found.drop_duplicates(["geo", "year", "variable"]))
    st.header(tr("Published city values not shown: implausible ({count})", lang, count=values))
    rules = {rule: _rule_name(rule, lang) for rule in plausibility.RULES}
    st.caption(tr("Kept exactly as published, never corrected; left out of maps, ranks and charts. Rules:", lang) + " "
               + " ".join(tr("**{rule}**: {wording}.", lang, rule=rules[k], wording=say(plausibility.RULES[k], lang))
                          for k in dict.fromkeys(found["rule"])))
    variables = {"foreign_born": tr("foreign-born residents", lang), "population": tr("residents", lang)}
    shown_table(found[["name", "geo", "year", "variable", "value", "flag", "rule", "detail", "source"]].assign(
        variable=found["variable"].map(variables), rule=found["rule"].map(rules)), lang)
    downloads.direct(tr("Implausible values (CSV)", lang),
                     lambda: csvs.to_csv_bytes(found if lang == "en" else cities.implausible_values(store)),
                     "implausible_city_values.csv", "csv_implausible")
    with st.expander(tr("Local codes that could not be joined", lang)):
        unmatched = read(store, "city_unmatched")
        shown_table(unmatched.assign(reason=[_unmatched_reason(r, lang) for r in unmatched["reason"]]), lang)


def _rule_name(rule: str, lang: str) -> str:
    """A plausibility rule's short name (indicators.places.plausibility.RULES' keys) in ``lang``."""
    return say(plausibility.RULE_NAMES[rule], lang)


def _unmatched_reason(reason: str, lang: str) -> str:
    """Why a city code found no partner (loaders.city_tables writes these four reasons) in ``lang``."""
    return {
        "greater city: the 2021 Urban Audit points cover cities (C) only":
            tr("greater city: the 2021 Urban Audit points cover cities (C) only", lang),
        "city code not among the Urban Audit 2021 points (code changed or city not in the 2021 list)":
            tr("city code not among the Urban Audit 2021 points (code changed or city not in the 2021 list)", lang),
        "population published, no foreign-born count": tr("population published, no foreign-born count", lang),
        "no row in urb_cpopcb or urb_cpop1": tr("no row in urb_cpopcb or urb_cpop1", lang),
    }.get(reason, reason)


def sources_section(lang: str = "en") -> None:
    """On the sources and methods page: how the local deep dives are checked and joined, and what is not shown and
    why (their entries are in the page's table of every indicator)."""
    st.header(tr("Cities, municipalities and reception: sources and checks", lang))
    st.markdown("\n".join((
        tr("- **Cities** (Eurostat Urban Audit `urb_cpopcb` foreign-born, `urb_cpop1` population): the share uses "
           "both counts of the same year. Published values are checked before they are shown: {rules} A caught value "
           "stays in the data as published, is marked \"implausible: not shown\", is left out of maps, ranks and "
           "charts, and is listed on the data-gap page with its rule. Nothing is corrected.", lang,
           rules=" ".join(tr("*{rule}*: {wording}.", lang, rule=_rule_name(k, lang), wording=say(v, lang))
                          for k, v in plausibility.RULES.items())),
        tr("- **Spain** (INE table 68538, every municipality, 1 January 2021-2024), joined to the LAU 2020 centres "
           "on `ES_` + the 5-digit INE code; codes that do not join are listed on the data-gap page.", lang),
        tr("- **Italy** (people in the reception system, Ministry of the Interior via Liberiamoli tutti!, CC BY 4.0): "
           "per 1 000 residents of the NUTS 2 region, with the population of the report's year, or the latest "
           "earlier year when that is not in the data (the table says which). Trentino-Alto Adige: reported jointly "
           "for ITH1 (Bolzano) and ITH2 (Trento); one figure for both.", lang),
        tr("- Municipal data: Spain only; reception data: Italy only. Other countries have no such table here.",
           lang))))


def compare_cities(store, lang: str = "en") -> None:
    """On the compare page: up to 12 Urban Audit cities, bars of the latest shown share, trends, country benchmark."""
    with st.expander(tr("Compare cities (Urban Audit: foreign-born share of residents)", lang)):
        latest = cities.latest_by_city(store)
        labels = {geo: f"{place(name, lang)} ({country(code, lang)})"
                  for geo, name, code in zip(latest["geo"], latest["name"], latest["country"])}
        codes = st.multiselect(tr("Cities", lang), sorted(labels, key=labels.get), format_func=labels.get,
                               max_selections=12, key="w_compare_cities", placeholder=tr("Choose cities", lang))
        if not codes:
            st.caption(tr("Choose cities by name. Values caught by a plausibility check are not shown.", lang))
            return
        ind = localised(get("city_foreign_born_share"), lang)
        chosen = places(cities.compare(store, codes), lang)
        st.plotly_chart(figures.grouped_bars(chosen, ind, tr("{indicator} (latest year shown per city)", lang,
                                                             indicator=ind.label), lang),
                        key="compare-city-bars", config={"displaylogo": False},
                        alt=tr("Bars of the chosen cities' latest foreign-born share; the table below holds the "
                               "values.", lang))
        shares = cities.city_shares(store)
        st.plotly_chart(figures.trends(places(shares[shares["geo"].isin(codes)].dropna(subset=["value"]), lang), ind,
                                       tr("Foreign-born share of residents over time", lang), lang=lang),
                        key="compare-city-trends",
                        alt=tr("Lines of the chosen cities' foreign-born share over the years shown.", lang))
        chosen = chosen.assign(note=[say(note, lang) for note in chosen["note"]],
                               country=[country(code, lang) for code in chosen["country"]])
        st.dataframe(in_marks(chosen, lang), hide_index=True, width="stretch", column_config={
            **headers(chosen, lang), "value": tr("city %", lang), "country_value": tr("country % (same year)", lang),
            "note": tr("definition", lang)}, placeholder=NONE)


def reception_beside_score(store, countries: list[str], level: int, lang: str = "en", result=None) -> None:
    """On the most-affected page, when the filter is Italy alone: the reception load by region beside the score,
    and on request (NUTS 2) a second score that adds it, ranked within Italy.

    Never inside the EU-27 score: its scale covers every EU-27 region and a filter must not change it (issue 15),
    while reception is Italy-only and dated by report.
    """
    if list(countries) != ["IT"]:
        return
    latest = reception.latest(store)
    if result is not None and level == 2 and st.checkbox(
            tr("Add the reception load to the score (Italy only: a second score, ranked within Italy)", lang),
            key="w_ma_reception"):
        weight = st.slider(tr("Weight of the reception load", lang), 0.25, 3.0, 1.0, 0.25, key="w_ma_reception_w")
        table = reception.score_with_reception(result, store, weight)
        st.dataframe(table.rename(columns={
            "name": tr("Region", lang), "score": tr("EU-27 score", lang),
            "reception": tr("In reception per 1 000", lang), "reception_scaled": tr("Reception, 0-100", lang),
            "score_with_reception": tr("Score with reception", lang), "rank_in_italy": tr("Rank in Italy", lang)}),
            hide_index=True, width="stretch", column_config={
                tr("EU-27 score", lang): st.column_config.NumberColumn(format="%.1f"),
                tr("In reception per 1 000", lang): st.column_config.NumberColumn(format="%.2f"),
                tr("Reception, 0-100", lang): st.column_config.NumberColumn(format="%.1f"),
                tr("Score with reception", lang): st.column_config.NumberColumn(format="%.1f")}, placeholder=NONE)
        st.caption(tr("The EU-27 score above is unchanged: reception data exist for Italy only, so they cannot sit on "
                      "the EU-27 scale. This second score adds them as one more indicator, scaled 0-100 over Italy's "
                      "reported regions, with the weight set here; its rank is within Italy.", lang))
    with st.expander(tr("Italy only: people in reception per 1 000 residents, {date}", lang,
                        date=_date(latest["date"].max(), lang))):
        latest = latest.assign(note=[say(note, lang) for note in latest["note"]])
        latest = latest.sort_values("value", ascending=False)[["name", "geo", "value", "total", "note"]]
        st.dataframe(in_marks(latest, lang), hide_index=True, width="stretch", column_config=headers(latest, lang),
                     placeholder=NONE)
        st.caption(say(reception.CREDIT, lang) + ". " + (tr("Trentino-Alto Adige is one figure for ITH1 + ITH2.", lang)
                                              if level == 2 else
                                              tr("Regional (NUTS 2) figures; NUTS 3 regions are not reported.", lang)))
