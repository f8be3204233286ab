"""The outermost regions are drawn in framed insets, on screen and in the exported map, at NUTS 2 and 3."""

import pytest

from dashboard.maps import map_insets
from dashboard.export import images
from tests.test_pages import _app, _array, _map_spec

OUTERMOST_2 = {code for code, _label in map_insets.OUTERMOST}


def _drawn_in_insets(data: list[dict]) -> dict[str, set]:
    """subplot id -> locations drawn there, over every choropleth trace outside the main map."""
    out: dict[str, set] = {}
    for trace in data:
        where = trace.get("geo", "geo")
        if trace["type"] == "choropleth" and where != "geo":
            out.setdefault(where, set()).update(_array(trace["locations"]))
    return out


def _check(data: list[dict], layout: dict, level: int) -> None:
    insets = _drawn_in_insets(data)
    assert insets, "no inset subplot"
    for where, codes in insets.items():
        assert where in layout and layout[where]["fitbounds"] == "locations"  # each inset is its own framed geo
        index = int(where[3:]) - 2
        assert all(map_insets.inset_of(c) == index for c in codes), (where, codes)
    drawn = set().union(*insets.values())
    main = set().union(*(set(_array(t["locations"])) for t in data
                         if t["type"] == "choropleth" and t.get("geo", "geo") == "geo"))
    assert not {g for g in main if map_insets.inset_of(g) is not None}  # never twice, never off-frame
    if level == 2:
        assert OUTERMOST_2 <= drawn
    else:
        assert {"ES703", "ES709"} <= drawn  # El Hierro, Tenerife
        assert {c[:4] for c in drawn} == OUTERMOST_2
    labels = {a["text"] for a in layout.get("annotations", [])}
    assert {"Canarias", "Réunion", "Guyane"} <= labels


@pytest.mark.parametrize("level, indicator, year", [(2, "foreign_born_share", 2023), (3, "net_migration_rate", 2020)])
def test_the_screen_map_draws_the_outermost_regions_in_insets(level, indicator, year):
    spec = _map_spec(_app(indicator=indicator, level=str(level), year=str(year)))
    _check(spec["data"], spec["layout"], level)


@pytest.mark.parametrize("level, indicator, year", [(2, "foreign_born_share", 2023), (3, "net_migration_rate", 2020)])
def test_the_exported_map_draws_them_too(store, level, indicator, year):
    fig = images.map_figure(store, indicator, level, year).to_plotly_json()
    _check(fig["data"], fig["layout"], level)


def test_insets_go_under_the_map_on_a_portrait_page(store):
    fig = images.map_figure(store, "foreign_born_share", 2, 2023, size=images.MAP_SIZES["print"])
    main_bottom = fig.layout.geo.domain.y[0]
    assert all(getattr(fig.layout, map_insets.subplot(i)).domain.y[1] <= main_bottom for i in range(8))


def test_the_legend_says_not_covered_apart_from_no_data(store):
    fig = images.map_figure(store, "unemployment_foreign_born", 2, 2022)
    legend = [t.name for t in fig.data if t.showlegend is not False]
    assert "No data" in legend and "Not covered" in legend
    assert len(legend) == len(set(legend))  # the inset traces join their class's legend entry, no repeats
