"""The basket: regions ticked in any table (the map's table, the ranking, a region's peers) go to Compare and
its roundtable pack. The basket is the view's ``geos`` (up to 12), so it lives in the link like everything else."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import streamlit as st

from dashboard import links, state
from dashboard.i18n import tr
from dashboard.screens.rank_breakdown import preset_label
from indicators.regions import presets


def add(view: state.View, geos: list[str]) -> state.View:
    """The view with ``geos`` added to the basket, in order, without repeats, at most ``MAX_REGIONS``."""
    return replace(view, geos=list(dict.fromkeys([*view.geos, *geos]))[: state.MAX_REGIONS])


def ticked(event, codes: list[str]) -> list[str]:
    """The codes of the rows ticked in a ``st.dataframe(on_select="rerun", selection_mode="multi-row")``."""
    rows = event.selection.rows if event is not None and hasattr(event, "selection") else []
    return [codes[i] for i in rows if 0 <= i < len(codes)]


def offer(view: state.View, chosen: list[str], pages: dict) -> None:
    """Under a table: how many rows are ticked, and a link that opens Compare with them added to the basket."""
    lang = view.lang
    if not chosen:
        st.caption(tr("Tick rows in the table to compare those regions or take them into a roundtable pack.", lang))
        return
    target = add(view, chosen)
    left_out = len(view.geos) + len(chosen) - len(target.geos)
    links.page_link(pages, "compare", target, tr("Compare the {count} ticked regions (with the basket: {total}) →",
                                                 lang, count=len(chosen), total=len(target.geos)),
                    icon=":material/shopping_basket:")
    if left_out > 0:
        st.caption(tr("Compare holds at most {most} regions: {left} ticked regions were left out.", lang,
                      most=state.MAX_REGIONS, left=left_out))


def why(view: state.View) -> str:
    """How these regions came together, for the pack's cover: the ranking and filters the link carries (a basket
    ticked from the ranking keeps them), and the date."""
    lang, today = view.lang, date.today().isoformat()
    if not view.preset and not view.countries and not view.typology:
        return tr("Regions chosen on {date}.", lang, date=today)
    types = (f"{k}: {' / '.join(v) if isinstance(v, (list, tuple)) else v}" for k, v in view.typology.items())
    filters = "; ".join([*view.countries, *types]) or tr("none", lang)
    ranking = preset_label(view.preset or presets.DEFAULT_PRESET, lang)
    return tr("Regions chosen on {date}, with the ranking “{ranking}” at NUTS {level} and these filters: "
              "{filters}.", lang, date=today, ranking=ranking, level=view.level or 2, filters=filters)


def sidebar_link(view: state.View, pages: dict) -> None:
    """In the sidebar, on every page: the basket's size and the way to Compare."""
    if view.geos:
        links.page_link(pages, "compare", view, tr("Basket: {count} regions → Compare", view.lang,
                                                   count=len(view.geos)), icon=":material/shopping_basket:")
