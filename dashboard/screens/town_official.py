"""Town page: the official local figures (INE for Spain, the town's Urban Audit city, or the nearest cities)."""

from __future__ import annotations


import pandas as pd
import streamlit as st

from dashboard.maps import figures
from dashboard.i18n import localised, number, say, tr, tr_count
from dashboard.text import place, plain
from dashboard.screens.shown_tables import NONE
from indicators.places import municipal, plausibility, town_official
from indicators.entries import get


def render(store, gisco_id: str, town_name: str, lang: str = "en", context: bool = False) -> pd.DataFrame:
    """Draw the official sections in ``lang``: INE's and the town's own city series (``context`` False, right
    after the key figures), or the nearest cities (``context`` True: only for a town with no series of its own).
    Return every official row (for the CSV)."""
    rows = town_official.town_official(store, gisco_id)
    ine, city, nearest = (rows[rows["section"].eq(s)] for s in ("ine", "city", "nearest"))
    if context:
        if not nearest.empty:
            _nearest(nearest, town_name, lang)
        return rows
    if not ine.empty:
        _ine(ine, gisco_id, lang)
    if not city.empty:
        _city(city, town_name, lang)
    return rows


def value_text(value, status: str, lang: str = "en") -> str:
    """A share as shown: one decimal, or what stands in its place (never 0 for a missing value)."""
    return number(value, 1, lang) if status == "shown" and value == value else say(status, lang)


def _ine(ine: pd.DataFrame, gisco_id: str, lang: str) -> None:
    st.header(tr("Official figures: INE, municipal register", lang))
    latest, earliest = int(ine["year"].max()), int(ine["year"].min())
    now = ine[ine["year"].eq(latest)]
    first = ine[ine["year"].eq(earliest)].set_index("group")["value"]
    missing = say(town_official.NOT_PUBLISHED, lang)
    table = pd.DataFrame({
        tr("place of birth", lang): [say(label, lang) for label in now["label"]],
        tr("% of residents, 1 Jan {year}", lang, year=latest): [
            value_text(v, s, lang) for v, s in zip(now["value"], now["status"])],
        tr("residents", lang): [number(int(c), 0, lang) if c == c else missing for c in now["count"]],
        tr("change since {year} (pp)", lang, year=earliest): [
            _signed(v - first.get(g), lang) if v == v and first.get(g) == first.get(g) else missing
            for g, v in zip(now["group"], now["value"])],
    })
    st.dataframe(table, hide_index=True, width="stretch", placeholder=NONE)
    abroad = ine[ine["group"].eq("born_abroad") & ine["status"].eq("shown")]
    if abroad["year"].nunique() > 1:
        series = abroad.assign(geo=gisco_id)[["geo", "name", "year", "value"]]
        fig = figures.trends(series, localised(get("es_born_abroad_share"), lang),
                             tr("Born abroad, 1 January of each year", lang), lang=lang)
        st.plotly_chart(fig, key=f"town-ine-{gisco_id}", config={"displaylogo": False},
                        alt=tr("Line of the share of residents born abroad by year; the values are in the table "
                               "above.", lang))
    population = now["population"].iloc[0]
    residents = (tr("{count} registered residents", lang, count=number(int(population), 0, lang))
                 if population == population else tr("residents not published", lang))
    st.caption(plain(say(municipal.CREDIT, lang) + ". " + tr(
        "1 January {year}, {residents}. Born abroad = the rest of the EU + the rest of Europe + Africa + the "
        "Americas + Asia + Oceania; a group not published leaves the share empty, never 0.", lang,
        year=latest, residents=residents)))


def _signed(value: float, lang: str) -> str:
    """A change in percentage points with its sign, in the language's number format."""
    return number(value, 1, lang, signed=True)


def _city(city: pd.DataFrame, town_name: str, lang: str) -> None:
    code, name = city["geo"].iloc[0], place(city["name"].iloc[0], lang)
    st.header(tr("Urban Audit city: foreign-born residents", lang))
    match = say(city["match"].iloc[0], lang)
    st.write(plain(tr("{town} is the Urban Audit city {city} ({code}), matched by {match}.", lang,
                      town=town_name, city=name, code=code, match=match)))
    if city["year"].isna().all():
        st.write(plain(tr("Eurostat publishes no foreign-born count for {city}: nothing to show.", lang, city=name)))
    else:
        shown = city[city["status"].eq("shown")]
        if shown["year"].nunique() > 1:
            fig = figures.trends(_with_gaps(shown), localised(get("city_foreign_born_share"), lang),
                                 tr("Foreign-born share of residents, {city}", lang, city=name), lang=lang)
            st.plotly_chart(fig, key=f"town-city-{code}", config={"displaylogo": False},
                            alt=tr("Line of the city's foreign-born share by year; the values are in the table "
                                   "below.", lang))
        table = pd.DataFrame({tr("year", lang): city["year"].astype(int).to_numpy(),
                              tr("foreign-born %", lang): [value_text(v, s, lang)
                                                           for v, s in zip(city["value"], city["status"])],
                              tr("flag", lang): city["flag"].to_numpy(),
                              tr("definition", lang): [say(n, lang) for n in city["note"]]})
        st.dataframe(table, hide_index=True, width="stretch", placeholder=NONE)
        caught = sum(status == plausibility.VERDICT for status in city["status"])
        if caught:
            st.caption(tr_count(caught, "{count} value caught by a plausibility rule: kept as published, not drawn.",
                                "{count} values caught by a plausibility rule: kept as published, not drawn.", lang))
    st.caption(plain(f"{say(city['source'].iloc[0], lang)}. {_match_rule(lang)}"))


def _with_gaps(shown: pd.DataFrame) -> pd.DataFrame:
    """The shown values on every year from the first to the last, empty where none is shown: the line breaks
    there instead of bridging a missing or implausible year."""
    years = range(int(shown["year"].min()), int(shown["year"].max()) + 1)
    values = shown.set_index("year")["value"].reindex(years)
    return pd.DataFrame({"geo": shown["geo"].iloc[0], "name": shown["name"].iloc[0], "year": list(years),
                         "value": values.to_numpy()})


def _nearest(nearest: pd.DataFrame, town_name: str, lang: str) -> None:
    st.subheader(tr("Nearest Urban Audit cities", lang))
    st.write(plain(tr("{town} is not an Urban Audit city. The nearest cities with a foreign-born share:", lang,
                      town=town_name)))
    table = pd.DataFrame({tr("city", lang): [place(name, lang) for name in nearest["name"]],
                          tr("code", lang): nearest["geo"].to_numpy(),
                          tr("distance (km)", lang): [number(k, 1, lang) for k in nearest["km"]],
                          tr("foreign-born %", lang): [value_text(v, s, lang)
                                                       for v, s in zip(nearest["value"], nearest["status"])],
                          tr("year", lang): nearest["year"].astype(int).to_numpy(),
                          tr("flag", lang): nearest["flag"].to_numpy(),
                          tr("definition", lang): [say(n, lang) for n in nearest["note"]]})
    st.dataframe(table, hide_index=True, width="stretch", placeholder=NONE)
    st.caption(plain(f"{say(nearest['source'].iloc[0], lang)}. " + tr("Distance between centres, great circle.", lang)
                     + f" {_match_rule(lang)}"))


def _match_rule(lang: str) -> str:
    """How a municipality is taken to be an Urban Audit city, its numbers written the ``lang`` way."""
    return say(town_official.MATCH_RULE, lang)
