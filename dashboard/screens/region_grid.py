"""Region profile: the 1 km map of the region's grid cells (Census 2021), with what its outline and cells are."""

from __future__ import annotations

import streamlit as st

from dashboard.i18n import number, say, tr
from dashboard.maps.region_grid_map import outline, region_grid_map
from dashboard.text import plain
from indicators.places import local

MEASURE = "born_abroad"


def render(store, geo: str, name: str, lang: str = "en") -> None:
    """The section on the region profile, in ``lang`` (region.py passes the page's language)."""
    fig, size = store.memo.cached(("dashboard", "region_grid", geo, MEASURE, lang),
                                  lambda: region_grid_map(store, geo, name, MEASURE, lang))
    st.header(tr("1 km map: where people born abroad live (Census 2021 grid)", lang))
    if fig is None:
        st.caption(tr("No 1 km grid cell carries this region's code: the grid covers the EU and EFTA and its cells "
                      "are assigned to NUTS 2021 regions.", lang))
        return
    st.plotly_chart(fig, key=f"region-grid-{geo}", config={"displaylogo": False, "scrollZoom": False},
                    alt=tr("1 km map of the share of residents born abroad in {name}; the region's figure is below.",
                           lang, name=name))
    lines = [tr("Cells whose centre lies in the region's NUTS 2021 polygon ({outline}; a cell whose centre falls in "
                "no polygon, on coasts and borders, goes to the nearest region within 30 km). Cells with fewer than "
                "{few} residents are drawn light (few residents), withheld or unpublished cells grey; blank means no "
                "resident.", lang, outline=outline(lang), few=number(local.FEW_RESIDENTS, 0, lang))]
    if size > 1:
        lines.append(tr("A large region: the 1 km cells are summed to {size} km blocks by the project (counts summed, "
                        "withheld counts left out) so the map stays legible.", lang, size=size))
    lines.append(_figure_line(store, geo, lang))
    st.caption("  \n".join(plain(line) for line in lines))


def _figure_line(store, geo: str, lang: str = "en") -> str:
    """The area's own grid figure: a country's sum, a region's where the share gate passes, else why not."""
    if len(geo) == 2:
        return _shares(tr("Country grid figure", lang), local.area_figures(store, geo), "", lang)
    figures = local.region_figures(store, geo)
    if figures["computed"]:
        gate = tr(" (share deviation {deviation} %, within ±{gate} %)", lang,
                  deviation=_signed(figures["deviation_pct"], lang), gate=number(100 * local.REGION_GATE, 0, lang))
        return _shares(tr("Regional grid figure", lang), figures, gate, lang)
    if figures["reason"] == local.NOT_COMPUTED:
        return tr("Regional grid figure: not computed: boundary too coarse at this scale (share deviation "
                  "{deviation} %); the cells above do not reproduce the region's population closely enough to sum "
                  "them into one figure.", lang, deviation=_signed(figures["deviation_pct"], lang))
    return tr("Regional grid figure: not given ({reason}).", lang, reason=say(figures["reason"], lang))


def _signed(value: float, lang: str) -> str:
    return number(value, 1, lang, signed=True)  # never "-0,0" or "+0,0"


def _shares(what: str, figures: dict, gate: str, lang: str) -> str:
    if figures.get("born_abroad_pct") is None:
        return tr("{what}: place of birth is withheld in every cell (unknown, not 0){gate}.", lang, what=what,
                  gate=gate)
    return tr("{what}: {share} % born abroad, over the {coverage} % of residents whose place of birth is "
              "known{gate}.", lang, what=what, share=number(figures["born_abroad_pct"], 1, lang),
              coverage=number(figures["coverage_pct"], 1, lang), gate=gate)
