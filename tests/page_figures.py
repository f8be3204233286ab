"""The figures a page built, read in AppTest: ``st.plotly_chart`` specs and the map page's map, which is a v2
component (dashboard/maps/plotly_map.py) whose element carries the figure, its config and its text alternative."""

from __future__ import annotations

import json

from dashboard.maps import plotly_map


def atlas_maps(at) -> list[dict]:
    """What the page sent to each map component: {"figure", "config", "label", "plotly"}."""
    return [plotly_map.payload(e.proto.bytes) for e in at.get("bidi_component")
            if e.proto.component_name == plotly_map.NAME]


def map_figure(at) -> dict:
    """The map page's figure (plotly JSON: data, layout)."""
    maps = atlas_maps(at)
    assert len(maps) == 1, f"{len(maps)} maps on the page"
    return maps[0]["figure"]


def all_figures(at) -> list[dict]:
    """Every figure on the page: the map component's, then each plotly chart's."""
    return [m["figure"] for m in atlas_maps(at)] + [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
