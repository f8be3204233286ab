"""Region profile: the 1 km map of the region's grid cells (Census 2021), with what its outline and cells are."""

from __future__ import annotations

import streamlit as st

from dashboard.region_grid_map import OUTLINE, region_grid_map
from dashboard.text import plain
from indicators import local

MEASURE = "born_abroad"


def render(store, geo: str, name: str) -> None:
    fig, size = store.memo.cached(("dashboard", "region_grid", geo, MEASURE),
                                  lambda: region_grid_map(store, geo, name, MEASURE))
    st.header("1 km map: where people born abroad live (Census 2021 grid)")
    if fig is None:
        st.caption("No 1 km grid cell carries this region's code: the grid covers the EU and EFTA and its cells "
                   "are assigned to NUTS 2021 regions.")
        return
    st.plotly_chart(fig, key=f"region-grid-{geo}", config={"displaylogo": False, "scrollZoom": False},
                    alt=f"1 km map of the share of residents born abroad in {name}; the region's figure is below.")
    lines = [f"Cells whose centre lies in the region's NUTS 2021 polygon ({OUTLINE}; a cell whose centre falls in "
             "no polygon, on coasts and borders, goes to the nearest region within 30 km). Cells with fewer than 20 residents are drawn light (few "
             "residents), withheld or unpublished cells grey; blank means no resident."]
    if size > 1:
        lines.append(f"A large region: the 1 km cells are summed to {size} km blocks by the project (counts summed, "
                     "withheld counts left out) so the map stays legible.")
    lines.append(_figure_line(store, geo))
    st.caption("  \n".join(plain(line) for line in lines))


def _figure_line(store, geo: str) -> str:
    """The area's own grid figure: a country's sum, a region's where the share gate passes, else why not."""
    if len(geo) == 2:
        return _shares("Country grid figure", local.area_figures(store, geo), "")
    figures = local.region_figures(store, geo)
    if figures["computed"]:
        return _shares("Regional grid figure", figures, f" (share deviation {figures['deviation_pct']:+.1f} %, within ±3 %)")
    if figures["reason"] == local.NOT_COMPUTED:
        return (f"Regional grid figure: {figures['reason']} (share deviation {figures['deviation_pct']:+.1f} %); the "
                "cells above do not reproduce the region's population closely enough to sum them into one figure.")
    return f"Regional grid figure: not given ({figures['reason']})."


def _shares(what: str, figures: dict, gate: str) -> str:
    if figures.get("born_abroad_pct") is None:
        return f"{what}: place of birth is withheld in every cell (unknown, not 0){gate}."
    return (f"{what}: {figures['born_abroad_pct']:.1f} % born abroad, over the {figures['coverage_pct']:.1f} % of "
            f"residents whose place of birth is known{gate}.")
