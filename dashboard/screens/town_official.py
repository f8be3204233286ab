"""Town page: the official local figures (INE for Spain, the town's Urban Audit city, or the nearest cities)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import figures
from dashboard.text import plain
from indicators import deep_dives, municipal, town_official
from indicators.town_official import NOT_PUBLISHED


def render(store, gisco_id: str, town_name: str) -> pd.DataFrame:
    """Draw the official sections first on the town page; return the rows (for the CSV)."""
    rows = town_official.town_official(store, gisco_id)
    ine, city, nearest = (rows[rows["section"].eq(s)] for s in ("ine", "city", "nearest"))
    if not ine.empty:
        _ine(ine, gisco_id)
    if not city.empty:
        _city(city, town_name)
    if not nearest.empty:
        _nearest(nearest, town_name)
    return rows


def value_text(value, status: str) -> str:
    """A share as shown: one decimal, or what stands in its place (never 0 for a missing value)."""
    return f"{value:.1f}" if status == "shown" and value == value else status


def _ine(ine: pd.DataFrame, gisco_id: str) -> None:
    st.header("Official figures: INE, municipal register")
    latest = int(ine["year"].max())
    now = ine[ine["year"].eq(latest)]
    first = ine[ine["year"].eq(int(ine["year"].min()))].set_index("group")["value"]
    table = pd.DataFrame({
        "place of birth": now["label"].to_numpy(),
        f"% of residents, 1 Jan {latest}": [value_text(v, s) for v, s in zip(now["value"], now["status"])],
        "residents": [f"{int(c):,}" if c == c else NOT_PUBLISHED for c in now["count"]],
        f"change since {int(ine['year'].min())} (pp)": [
            f"{v - first.get(g):+.1f}" if v == v and first.get(g) == first.get(g) else NOT_PUBLISHED
            for g, v in zip(now["group"], now["value"])],
    })
    st.dataframe(table, hide_index=True, width="stretch")
    abroad = ine[ine["group"].eq("born_abroad") & ine["status"].eq("shown")]
    if abroad["year"].nunique() > 1:
        series = abroad.assign(geo=gisco_id)[["geo", "name", "year", "value"]]
        fig = figures.trends(series, deep_dives.get("es_born_abroad_share"), "Born abroad, 1 January of each year")
        st.plotly_chart(fig, key=f"town-ine-{gisco_id}", config={"displaylogo": False},
                        alt="Line of the share of residents born abroad by year; the values are in the table above.")
    population = now["population"].iloc[0]
    residents = f"{int(population):,} registered residents" if population == population else "residents not published"
    st.caption(plain(f"{municipal.CREDIT}. 1 January {latest}, {residents}. "
                     "Born abroad = the rest of the EU + the rest of Europe + Africa + the Americas + Asia + Oceania; "
                     "a group not published leaves the share empty, never 0."))


def _city(city: pd.DataFrame, town_name: str) -> None:
    code, name = city["geo"].iloc[0], city["name"].iloc[0]
    st.header("Urban Audit city: foreign-born residents")
    match = city["match"].iloc[0]
    st.write(plain(f"{town_name} is the Urban Audit city {name} ({code}), matched by {match}."))
    if city["year"].isna().all():
        st.write(plain(f"Eurostat publishes no foreign-born count for {name}: nothing to show."))
    else:
        shown = city[city["status"].eq("shown")]
        if shown["year"].nunique() > 1:
            fig = figures.trends(_with_gaps(shown), deep_dives.get("city_foreign_born_share"),
                                 f"Foreign-born share of residents, {name}")
            st.plotly_chart(fig, key=f"town-city-{code}", config={"displaylogo": False},
                            alt="Line of the city's foreign-born share by year; the values are in the table below.")
        table = pd.DataFrame({"year": city["year"].astype(int).to_numpy(),
                              "foreign-born %": [value_text(v, s) for v, s in zip(city["value"], city["status"])],
                              "flag": city["flag"].to_numpy(), "definition": city["note"].to_numpy()})
        st.dataframe(table, hide_index=True, width="stretch")
        caught = int(city["status"].eq("implausible: not shown").sum())
        if caught:
            st.caption(f"{caught} value(s) caught by a plausibility rule: kept as published, not drawn.")
    st.caption(plain(f"{city['source'].iloc[0]}. {town_official.MATCH_RULE}"))


def _with_gaps(shown: pd.DataFrame) -> pd.DataFrame:
    """The shown values on every year from the first to the last, empty where none is shown: the line breaks
    there instead of bridging a missing or implausible year."""
    years = range(int(shown["year"].min()), int(shown["year"].max()) + 1)
    values = shown.set_index("year")["value"].reindex(years)
    return pd.DataFrame({"geo": shown["geo"].iloc[0], "name": shown["name"].iloc[0], "year": list(years),
                         "value": values.to_numpy()})


def _nearest(nearest: pd.DataFrame, town_name: str) -> None:
    st.header("Nearest Urban Audit cities")
    st.write(plain(f"{town_name} is not an Urban Audit city. The nearest cities with a foreign-born share:"))
    table = pd.DataFrame({"city": nearest["name"].to_numpy(), "code": nearest["geo"].to_numpy(),
                          "distance (km)": [f"{k:.1f}" for k in nearest["km"]],
                          "foreign-born %": [value_text(v, s) for v, s in zip(nearest["value"], nearest["status"])],
                          "year": nearest["year"].astype(int).to_numpy(), "flag": nearest["flag"].to_numpy(),
                          "definition": nearest["note"].to_numpy()})
    st.dataframe(table, hide_index=True, width="stretch")
    st.caption(plain(f"{nearest['source'].iloc[0]}. Distance between centres, great circle. "
                     f"{town_official.MATCH_RULE}"))
