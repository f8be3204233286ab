"""Region profile: find a region by name or code; its headline figures, trends, origins, peers, summary."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from dashboard import frame, i18n, links, state
from dashboard.maps import profile_figures
from dashboard.export import pdf
from dashboard.context import PageContext
from dashboard.column_words import headers
from dashboard.i18n import localised, number, say, tr
from dashboard.screens import basket, downloads, local_views, rank_breakdown, region_grid, region_towns, town_search_box
from dashboard.text import plain
from dashboard.screens.shown_tables import NONE
from geodata.codes import level_of
from indicators.regions import context, flags, peers, profile
from indicators.registry import REGISTRY
from indicators.text.summary import summary


def render(ctx: PageContext) -> state.View:
    store, view, pages = ctx.store, ctx.view, ctx.pages
    options = profile.search_options(store)
    labels = option_labels(options, view.lang)
    names = dict(zip(options["geo"], options["name"]))  # carried, never cut back out of a label
    codes = list(options["geo"])
    geo = st.selectbox(tr("Find a region by name or code", view.lang), codes, index=None, format_func=labels.get,
                       key=frame.seed("w_geo", view.geo),
                       placeholder=tr("Type a name or a code, e.g. Lombardia or ITC4", view.lang))
    view = replace(view, geo=geo)
    with st.expander(tr("Find your town (every EU municipality, 1 km grid)", view.lang)):
        town_search_box.render(store, ctx.pages, view, key="w_town_query")
    if not geo:
        st.info(tr("Pick a region above, or click one on the map.", view.lang))
        return view
    st.title(plain(names[geo]))
    st.caption(f"{geo} · {_badge(level_of(geo), view.lang)}")
    downloads.on_request(tr("one-page briefing (PDF)", view.lang), lambda: pdf.briefing(store, geo, view.lang),
                         f"briefing_{geo}_{view.lang}.pdf", f"briefing_{geo}_{view.lang}")
    st.header(tr("In short", view.lang))
    st.write(plain(say(summary(store, geo), view.lang)))
    _headline(store, geo, view)
    _trends(store, geo, view)
    _origins(store, geo, view)
    local_views.region_local(store, geo, view.lang)  # its cities; an Italian region's reception load
    rank_breakdown.section(store, geo, view)  # the most-affected score, indicator by indicator
    _peers(store, geo, view, pages)
    _missing(store, geo, view, pages)
    region_grid.render(store, geo, names[geo], lang=view.lang)
    region_towns.render(store, geo, ctx.pages, view)
    return view


def _badge(level: int, lang: str) -> str:
    """profile.badge in ``lang``: 'National context' or the NUTS level (a code, kept)."""
    return tr("National context", lang) if level == 0 else profile.badge(level)


def option_labels(options, lang: str) -> dict[str, str]:
    """profile.search_options' labels in ``lang``: 'Lombardia (ITC4) · NUTS 2', a country's with its badge said."""
    if lang == "en":
        return dict(zip(options["geo"], options["label"]))
    return {geo: f"{name} ({geo}) · {_badge(level, lang)}"
            for geo, name, level in zip(options["geo"], options["name"], options["level"])}


def _headline(store, geo, view) -> None:
    lang = view.lang
    st.header(tr("Headline figures", lang))
    facts = profile.headline(store, geo)
    columns = st.columns(3)
    for i, fig in enumerate(facts):
        ind = REGISTRY[fig.indicator]
        words = localised(ind, lang)  # what the card says; the analytics get the registry's entry
        with columns[i % 3].container(border=True):
            st.markdown(f"**{plain(words.short_label)}** · :blue-badge[{_badge(fig.level, lang)}]")
            unit = words.short_unit or words.unit
            st.metric(label=plain(words.label), value=f"{number(fig.value, ind.decimals, lang)} {unit}",
                      label_visibility="collapsed")
            _strip(store, fig, ind, view)
            flag = tr("flag {flag} ({meaning})", lang, flag=fig.flag, meaning=say(flags.said(fig.flag), lang))
            lines = [f"{fig.period or tr('period not stated', lang)}" + (f" · {flag}" if fig.flag else "")]
            caveat = say(fig.caveat, lang)  # fig.caveat, in the page's language
            if caveat:
                lines.append(f"**{plain(caveat)}**")
            if fig.geo != geo:
                place = i18n.country(fig.geo, lang) if fig.level == 0 else fig.name  # a country in lang
                lines.append(tr("figure for {region} ({code})", lang, region=plain(place), code=fig.geo))
            if fig.note:
                lines.append(plain(say(fig.note, lang)))
            if fig.other_period:
                lines.append(tr("ranked among values that mostly cover another period", lang))
            if fig.rank_country:
                lines.append(tr("rank {rank} in the country (1 = highest)", lang,
                                rank=_rank(fig.rank_country, fig.n_country, fig.tied_country, lang)))
            if context.direction_words(ind):
                lines.append(_direction(context.direction_words(ind), lang))
            if fig.rank_eu:
                lines.append(tr("rank {rank} in the EU", lang, rank=_rank(fig.rank_eu, fig.n_eu, fig.tied_eu, lang)))
            for bench in (fig.country, fig.eu):
                if bench is not None and bench.value is not None:
                    # an aggregate missing regions or member states is never called "country" or "EU"
                    where = tr("comparison", lang) if bench.partial else _scope(bench.scope, lang)
                    lines.append(tr("{label}: {content}", lang, label=where,
                                    content=f"{number(bench.value, ind.decimals, lang)} {unit} "
                                            f"({plain(say(bench.label, lang))})"))
            st.caption("  \n".join(lines))


def _direction(words: str, lang: str) -> str:
    """indicators.regions.context.direction_words ('higher is better' or 'lower is better') as a card line in ``lang``."""
    return {"higher is better": tr("for this figure, higher is better", lang),
            "lower is better": tr("for this figure, lower is better", lang)}[words]


def _scope(scope: str, lang: str) -> str:
    return {"country": tr("country", lang), "EU": tr("EU", lang)}.get(scope, scope)


def _series(series: str, lang: str) -> str:
    """context.trend_with_context's series ('region', 'country', 'EU') in ``lang``."""
    return tr("region", lang) if series == "region" else _scope(series, lang)


def _not_drawn(missing: list[str], lang: str) -> str:
    """Which benchmark line a trend lacks, said whole (a sentence is translated whole, never pieced together)."""
    return {("country",): tr("No complete country value for these years: that line is not drawn.", lang),
            ("EU",): tr("No complete EU value for these years: that line is not drawn.", lang),
            ("country", "EU"): tr("No complete country or EU value for these years: that line is not drawn.", lang),
            }[tuple(missing)]


def _rank(rank: int, n: int, tied: int | None, lang: str) -> str:
    """ranks.rank_label ('=9 of 38') in ``lang``."""
    return tr("{rank} of {count}", lang, rank=("=" if tied and tied > 1 else "") + str(rank), count=n)


def _strip(store, fig, ind, view) -> None:
    """Where the figure sits among all regions of its level, its country's regions and the country and EU values."""
    rows = context.strip(store, ind, fig.geo, fig.level, fig.year)
    if rows.empty or (rows["group"] == "region").sum() == 0:
        return
    country = i18n.country(fig.geo[:2], view.lang)
    complete = {scope: (b.value if b is not None and not b.partial else None)
                for scope, b in (("country", fig.country), ("EU", fig.eu))}
    chart = profile_figures.dot_strip(rows, localised(ind, view.lang), region_name=fig.name, country_name=country, level=fig.level,
                                      year=fig.year, country_value=complete["country"], eu_value=complete["EU"],
                                      lang=view.lang)
    st.plotly_chart(chart, key=f"strip-{ind.id}", config={"displayModeBar": False},
                    alt=tr("{indicator}: {region} among {count} regions of NUTS {level}", view.lang,
                           indicator=say(ind.short_label, view.lang), region=fig.name, count=len(rows),
                           level=fig.level))


def _trends(store, geo, view) -> None:
    lang = view.lang
    st.header(tr("Trends", lang))
    st.caption(tr("The region's line (or its nearest larger region's) with its country's and the EU's, over the last "
                  "{years} years at most. A year whose country or EU value would rest on an incomplete set of regions "
                  "is left out of that line.", lang, years=context.LAST_YEARS))
    columns = st.columns(2)
    shown = 0
    for indicator_id in profile.TRENDS:
        series = context.trend_with_context(store, indicator_id, geo)
        if series.empty:
            continue
        ind = localised(REGISTRY[indicator_id], lang)
        series.loc[series["series"] == "country", "name"] = i18n.country(geo[:2], view.lang)
        own = series[series["series"] == "region"]
        name = str(own["name"].iloc[0])
        with columns[shown % 2]:
            fig = profile_figures.trend_lines(series, ind, f"{ind.short_label} ({name})", say(ind.credit, lang), lang)
            st.plotly_chart(fig, key=f"trend-{indicator_id}", config={"displaylogo": False},
                            alt=tr("{indicator} over time for {region}, its country and the EU", lang,
                                   indicator=ind.label, region=name))
            missing = [s for s in ("country", "EU") if s not in set(series["series"])]
            if missing:
                st.caption(_not_drawn(missing, lang))
            with st.expander(tr("Data and downloads", lang)):
                said = series.assign(series=[_series(s, lang) for s in series["series"]],
                                     label=[say(label, lang) for label in series["label"]])
                said = said[["series", "name", "year", "value", "flag", "label"]]
                st.dataframe(said, hide_index=True, column_config=headers(said, lang), placeholder=NONE)
                downloads.figure_images(fig, f"{indicator_id}_{geo}", f"trend_{indicator_id}_{geo}")
        shown += 1
    if not shown:
        st.caption(tr("No series with two or more years for this region.", lang))


def _origins(store, geo, view) -> None:
    table = profile.origins(store, geo)
    if table.empty:
        return
    st.header(tr("Top countries of birth (Census 2021)", view.lang))
    st.caption(tr("For the NUTS 2 region {region}. Source: Eurostat (cens_21cob_r3), Census 2021.", view.lang,
                  region=table["region"].iloc[0]))
    # the countries in the page's language (CLDR), the columns said in it too
    table = table.assign(**{"country of birth": [i18n.country(code, view.lang) for code in table["code"]]})
    st.dataframe(table.rename(columns={"country of birth": tr("country of birth", view.lang),
                                       "code": tr("code", view.lang), "people": tr("people", view.lang),
                                       "region": tr("region", view.lang)}), hide_index=True, placeholder=NONE)
    if "XK" in set(table["code"]):
        st.caption(say(i18n.KOSOVO_NOTE, view.lang))


def _peers(store, geo, view, pages) -> None:
    st.header(tr("Similar regions", view.lang))
    found = peers.peers(store, geo, k=5)
    if found.empty:
        st.caption(tr("Not enough comparable data to find similar regions.", view.lang))
        return
    for row in found.itertuples():
        target = replace(view, geo=row.geo)
        links.page_link(pages, "region", target, f"{row.name} ({row.geo})")
        st.caption(tr("Close on: {reasons}", view.lang, reasons=plain(one_after_another(row.reasons, view.lang))))
    group = basket.add(replace(view, geos=[geo]), list(found["geo"]))  # the region first, then its peers
    links.page_link(pages, "compare", group, tr("Compare this region with its {count} similar regions →", view.lang,
                                                count=len(found)), icon=":material/shopping_basket:")


def one_after_another(reasons, lang: str) -> str:
    """Phrases said one after another, 'a; b; c' (each language writes its own separator)."""
    said = [say(reason, lang) for reason in reasons]
    out = said[0] if said else ""
    for then in said[1:]:
        out = tr("{first}; {then}", lang, first=out, then=then)
    return out


def _missing(store, geo, view, pages) -> None:
    st.header(tr("What is missing for this region", view.lang))
    availability = profile.missing(store, geo)
    if availability["higher level only"]:
        st.write(tr("Only for a larger area: {indicators}", view.lang,
                    indicators=", ".join(plain(say(REGISTRY[i].short_label, view.lang))
                                         for i in availability["higher level only"])))
    if availability["not at all"]:
        st.write(tr("Not available for this region: {indicators}", view.lang,
                    indicators=", ".join(plain(say(REGISTRY[i].short_label, view.lang))
                                         for i in availability["not at all"])))
    if not availability["higher level only"] and not availability["not at all"]:
        st.write(tr("Every regional indicator has a value at this region's own level.", view.lang))
    links.page_link(pages, "data_gaps", view, tr("This region's data gaps, indicator by indicator →", view.lang))
