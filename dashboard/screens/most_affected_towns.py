"""Most affected municipalities: what a 2 km circle is, the filters, the score's point map, the ranked table with
its CSV, the municipalities not ranked and why, and why a chosen one ranks where it does."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard import frame, links, state
from dashboard.context import PageContext
from dashboard.export import csvs, ranking_maps
from dashboard.i18n import number, say, tr, tr_count
from dashboard.screens import downloads, rank_breakdown
from dashboard.screens.shown_tables import NONE
from geodata.codes import EU27
from indicators.places import lau_ranking, town_names, urbanisation
from indicators.regions.ranking_table import rank_text

WHY_SHOWN = 300  # municipalities offered in "why it ranks here" (the selection's first; filters reach the rest)


def circle_text(lang: str) -> str:
    """What a 2 km circle is and is not, said plainly before any figure."""
    return tr("Each municipality is scored on the people living in the 1 km cells whose centre lies within {radius} "
              "km of its population-weighted centre (Census 2021): the people around the centre, not the municipality's "
              "territory. No EU-wide municipal boundaries are available here, and catchments drawn to the nearest "
              "centre matched official municipal populations within ±10 % for only about 40 % of municipalities, so "
              "they are not used. A large municipality is seen through its centre; a small one's circle takes in "
              "its neighbours.", lang, radius=number(lau_ranking.RADIUS_KM, 0, lang))


def render(ctx: PageContext, view: state.View) -> state.View:
    store, lang = ctx.store, view.lang
    st.info(circle_text(lang))
    st.markdown(tr("**Measures**: born outside the EU (% of residents whose place of birth is known), moved in from "
                   "abroad in the year before the census (per 1 000 residents whose residence a year before is "
                   "known), born abroad (%). Every EU-27 municipality with at least {population} residents (LAU 2020) "
                   "is scored.", lang, population=number(lau_ranking.MIN_POPULATION, 0, lang)))
    st.caption(tr("Each measure is scaled 0-100 over every such municipality (100 = the most affected end, after "
                  "clipping the top and bottom 2 %), so filters choose which municipalities are listed and never "
                  "change a score; each weighs 1, and the score is the weighted mean over the measures a municipality "
                  "has. A withheld value is unknown, never 0.", lang))
    filters, warnings = _filters(store, view)
    frame.show_warnings(warnings)
    view = replace(view, countries=filters["countries"], typology=_typology(filters), preset=None, weights={})
    # one selection's ranking, map and table are built once per process and language (~15 000 rows for the EU)
    selection = tuple(tuple(v) if isinstance(v, list) else v for v in filters.values())
    result = store.memo.cached(("lau_ranking", "page", selection),
                               lambda: lau_ranking.ranking(store, countries=filters["countries"], region=filters["nuts"],
                                                           degurba=filters["degurba"], sizes=filters["size"]))
    ranked = result[result["rank"].notna()]
    if ranked.empty:
        st.info(tr("No municipality in this selection has enough data for this ranking.", lang))
    else:
        _map(store, ranked, selection, lang)
        _table(store.memo.cached(("lau_ranking", "table", selection, lang), lambda: _display(ranked, lang)),
               rank_breakdown.clipped_tie_note(ranked, "municipalities", lang), lang)
    _not_ranked(store.memo.cached(("lau_ranking", "not_ranked", selection, lang), lambda: _unranked(result, lang)), lang)
    downloads.direct(tr("Ranked municipalities (CSV)", lang), lambda: csvs.to_csv_bytes(lau_ranking.csv_rows(result)),
                     "most_affected_municipalities.csv", "ma_lau_csv")
    if not ranked.empty:
        _why(store, ranked, ctx.pages, lang)
    return view


def _filters(store, view: state.View) -> tuple[dict, list[str]]:
    """Countries, a NUTS 2 or 3 region, degrees of urbanisation and size bands (the link's ``typology``)."""
    lang, warnings = view.lang, []
    columns = st.columns(2)
    options = store.memo.cached(("lau_ranking", "countries"), lambda: sorted(set(lau_ranking.towns(store)["country"])
                                                                             & EU27))
    countries = columns[0].multiselect(tr("Countries", lang), options, help=tr("None chosen: every country.", lang),
                                       key=frame.seed("w_countries", [c for c in view.countries if c in options]))
    region_names = store.memo.cached(("lau_ranking", "regions", tuple(countries)),
                                     lambda: _region_names(store, countries))
    regions = list(region_names)
    asked = view.typology.get("nuts", [])
    if asked and asked[0] not in regions:
        warnings.append(tr("The link's NUTS region has no municipality of {population}+ residents in this selection "
                           "and was left out.", lang, population=number(lau_ranking.MIN_POPULATION, 0, lang)))
    region = columns[1].selectbox(tr("NUTS 2 or 3 region", lang), [""] + regions,
                                  format_func=lambda g: tr("any", lang) if not g else f"{region_names.get(g, g)} ({g})",
                                  key=frame.seed("w_ma_lau_nuts", asked[0] if asked and asked[0] in regions else ""))
    columns = st.columns(2)
    degurba_asked = [int(v) for v in view.typology.get("degurba", []) if v in {str(c) for c in urbanisation.CODES}]
    sizes_asked = [v for v in view.typology.get("size", []) if v in lau_ranking.SIZE_BANDS]
    if len(degurba_asked) != len(view.typology.get("degurba", [])) or \
            len(sizes_asked) != len(view.typology.get("size", [])):
        warnings.append(tr("A degree of urbanisation or size band in the link is not known and was left out.", lang))
    degurba = columns[0].multiselect(tr("Degree of urbanisation (2019)", lang), list(urbanisation.CODES),
                                     format_func=lambda d: say(urbanisation.MANY[d], lang), placeholder=tr("any", lang),
                                     key=frame.seed("w_ma_lau_degurba", degurba_asked))
    sizes = columns[1].multiselect(tr("Residents (LAU 2020)", lang), list(lau_ranking.SIZE_BANDS),
                                   format_func=lambda b: _band(b, lang), placeholder=tr("any", lang),
                                   key=frame.seed("w_ma_lau_size", sizes_asked))
    return {"countries": countries, "nuts": region or None, "degurba": degurba, "size": sizes}, warnings


def _region_names(store, countries: list[str]) -> dict[str, str]:
    """The NUTS 2 and 3 regions with a ranked municipality in ``countries`` (all when none), sorted, with their
    names (the regions table's; the municipalities' NUTS 3 names otherwise)."""
    towns = lau_ranking.towns(store)
    inside = towns[towns["country"].isin(countries)] if countries else towns
    regions = sorted({*inside["nuts_2"].dropna(), *inside["nuts_3"].dropna()})
    names = dict(zip(inside["nuts_3"], inside["nuts_3_name"]))
    table = store.regions
    known = table[table["geo"].isin(regions)].drop_duplicates("geo").set_index("geo")["name"].astype(str).to_dict()
    names.update(known)
    return {g: names.get(g, g) for g in regions}


def _band(band: str, lang: str) -> str:
    low, high = lau_ranking.SIZE_BANDS[band]
    if high is None:
        return tr("{low} or more", lang, low=number(low, 0, lang))
    return tr("{low} to {high}", lang, low=number(low, 0, lang), high=number(high - 1, 0, lang))


def _typology(filters: dict) -> dict[str, list[str]]:
    """The filters as the link's ``typology`` entries (degurba:1, size:20k, nuts:DE21)."""
    out = {}
    if filters["degurba"]:
        out["degurba"] = [str(d) for d in filters["degurba"]]
    if filters["size"]:
        out["size"] = list(filters["size"])
    if filters["nuts"]:
        out["nuts"] = [filters["nuts"]]
    return out


def _map(store, ranked: pd.DataFrame, selection: tuple, lang: str) -> None:
    fig = store.memo.cached(("lau_ranking", "map", selection, lang), lambda: ranking_maps.town_map(
        ranked, ranking_maps.town_subtitle(len(ranked), lang), lang))
    st.plotly_chart(fig, key="composite-lau-map", config={"displaylogo": False},
                    alt=tr("Map of the municipalities' most-affected score; the ranked table below holds the values.",
                           lang))
    for fmt, column in zip(("png", "svg"), st.columns(2)):
        with column:
            downloads.on_request(tr("Score map ({format})", lang, format=fmt.upper()),
                                 lambda fmt=fmt: ranking_maps.town_image(ranked, fmt, lang),
                                 f"most_affected_municipalities.{fmt}", f"{fmt}_ma_lau")


def _display(ranked: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The ranked municipalities as the table shows them, headers and values in ``lang``."""
    table = pd.DataFrame({
        tr("Rank", lang): [rank_text(r, n) for r, n in zip(ranked["rank"], ranked["tied"])],
        tr("Municipality", lang): town_names.display_names(ranked).to_numpy(),
        tr("Country", lang): ranked["country"].to_numpy(),
        tr("Score", lang): ranked["score"].to_numpy(),
        tr("Data for (% of weight)", lang): (ranked["coverage"] * 100).to_numpy(),
        tr("NUTS 3", lang): ranked["nuts_3_name"].to_numpy()})
    for measure, entry in lau_ranking.MEASURES.items():
        # text, so a missing value reads "no value" (a number column would show "None")
        table[f"{say(entry.label, lang)} ({say(entry.unit, lang)})"] = _numbers(ranked[f"value_{measure}"],
                                                                               entry.decimals, lang)
    table[tr("Residents within {radius} km", lang, radius=number(lau_ranking.RADIUS_KM, 0, lang))] = \
        ranked["residents_2km"].to_numpy()
    table[tr("Town page", lang)] = [links.relative(state.View(lau=g, lang=lang), "town") for g in ranked["gisco_id"]]
    return table


def _numbers(values: pd.Series, decimals: int, lang: str) -> list[str]:
    """Values as the language writes them, 'no value' when missing: under 1 000 (shares, rates per 1 000) only
    the decimal mark differs, so 15 000 values need not each go through the CLDR formatter (seconds)."""
    mark, missing = number(0.5, 1, lang)[1], tr("no value", lang)
    return [missing if pd.isna(v) else f"{v:.{decimals}f}".replace(".", mark) if abs(v) < 1000
            else number(v, decimals, lang) for v in values]


def _table(table: pd.DataFrame, ties: str, lang: str) -> None:
    st.header(tr("Ranked municipalities", lang))
    st.caption(rank_breakdown.coverage_rule(lang))
    if ties:  # a shared first rank from the scale's clipping, said where "=1" is read
        st.caption(ties)
    score, share, link = tr("Score", lang), tr("Data for (% of weight)", lang), tr("Town page", lang)
    config = {score: st.column_config.ProgressColumn(min_value=0, max_value=100, format="%.1f",
                                                     help=tr("0-100 over every EU-27 municipality of {population}+ "
                                                             "residents; 100 = most affected", lang, population=number(
                                                                 lau_ranking.MIN_POPULATION, 0, lang))),
              share: st.column_config.NumberColumn(format="%.0f %%"),
              link: st.column_config.LinkColumn(display_text=tr("open", lang))}
    st.dataframe(table, hide_index=True, width="stretch", column_config=config, key="ranking_lau_table",
                 placeholder=NONE)


def _unranked(result: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The municipalities not ranked, with what they have and lack, in ``lang``."""
    missing = lau_ranking.not_ranked(result)
    return pd.DataFrame({tr("Municipality", lang): missing["name"], tr("Country", lang): missing["country"],
                         tr("Why", lang): [say(reason, lang) for reason in missing["reason"]]})


def _not_ranked(missing: pd.DataFrame, lang: str) -> None:
    st.header(tr("Not ranked: too little data", lang))
    if missing.empty:
        st.caption(tr("Every municipality in the selection could be scored.", lang))
        return
    st.caption(tr_count(len(missing),
                        "{count} municipality in the selection could not be scored (those filtered out are not listed).",
                        "{count} municipalities in the selection could not be scored (those filtered out are not listed).",
                        lang))
    st.dataframe(missing, hide_index=True, width="stretch", placeholder=NONE)


def _why(store, ranked: pd.DataFrame, pages: dict, lang: str) -> None:
    """Pick a ranked municipality (among the selection's first) and show its breakdown."""
    st.header(tr("Why it ranks here", lang))
    first = ranked.head(WHY_SHOWN)
    names = town_names.display_names(first)
    labels = {g: f"{rank_text(r, n)}. {name} ({c})" for g, r, n, name, c in
              zip(first["gisco_id"], first["rank"], first["tied"], names, first["country"])}
    gisco_id = st.selectbox(tr("Municipality (the first {count} of the selection)", lang, count=len(first)),
                            list(labels), format_func=labels.get, key="w_ma_lau_why")
    rank_breakdown.show(lau_ranking.breakdown(store, gisco_id), lang,
                        value=lambda v, row: f"{number(v, int(row['decimals']), lang)} {say(row['unit'], lang)}",
                        label=lambda row: say(row["label"], lang))
    st.page_link(pages["town"], label=tr("Open the town page", lang), query_params={"lau": gisco_id, "lang": lang})
