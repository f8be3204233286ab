"""The region profile's 1 km map: the region's own cells, summed to blocks for large regions, under 600 KB."""

import json

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.pages import ROUTER
from dashboard.maps.region_grid_map import outline, region_grid_map
from indicators.places import local, region_grid

APP = str(ROUTER)


def test_a_region_holds_exactly_the_cells_assigned_to_it_and_its_subregions(store):
    cells = local.grid(store)
    nuts3 = cells["nuts_3"].astype(str).to_numpy()
    assert (region_grid.region_index(store, "AT126") == np.flatnonzero(nuts3 == "AT126")).all()
    assert (region_grid.region_index(store, "AT12") == np.flatnonzero(np.char.startswith(nuts3.astype(str), "AT12"))).all()
    assert not len(region_grid.region_index(store, "XX9"))


def test_large_regions_are_summed_to_blocks_and_keep_their_residents(store):
    small, size = region_grid.region_cells(store, "AT126", "born_abroad")
    assert size == 1 and len(small) == len(region_grid.region_index(store, "AT126"))
    blocks, size = region_grid.region_cells(store, "FI1D", "born_abroad")
    assert size == 5
    cells = local.grid(store).iloc[region_grid.region_index(store, "FI1D")]
    assert blocks["residents"].sum() == int(cells["T"].sum())  # a withheld total is 0 in the tile
    assert (blocks[blocks["status"] != "value"]["value"].isna()).all()  # few or withheld: no value, never 0


def test_withheld_cells_stay_withheld_on_the_region_map(store):
    cells, size = region_grid.region_cells(store, "PL911", "born_abroad")  # Poland withholds place of birth often
    assert size == 1 and (cells["status"] == "withheld").any()
    assert cells.loc[cells["status"] == "withheld", "value"].isna().all()


@pytest.mark.parametrize("geo, size", [("AT126", 1), ("ES41", 2)])
def test_region_grid_figure_is_small_and_says_its_outline_is_generalised(store, geo, size):
    fig, got = region_grid_map(store, geo, geo)
    assert got == size
    raw = fig.to_json()
    assert len(raw) < 600_000
    assert fig.data[0].type == "image" and fig.data[0].dx == size
    assert outline("en") in fig.layout.annotations[0].text
    assert ("summed to 2 km" in fig.layout.annotations[0].text) == (size == 2)


def _region(geo: str) -> AppTest:
    from dashboard import cached

    cached.forget()
    at = AppTest.from_file(APP, default_timeout=240)
    at.query_params["geo"] = geo
    at.switch_page("views/region.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _caption(at) -> str:
    return "\n".join(c.value for c in at.caption).replace("\\", "")


@pytest.mark.slow  # whole-page renders of region profiles; the grid's selection and figure are tested above
@pytest.mark.parametrize("geo, summed", [("AT126", False), ("ES41", True)])
def test_region_page_draws_the_1_km_map_for_a_nuts3_and_a_nuts2_region(store_env, geo, summed):
    at = _region(geo)
    assert "1 km map: where people born abroad live (Census 2021 grid)" in [h.value for h in at.header]
    specs = [c.proto.spec for c in at.get("plotly_chart")]
    raw = next(s for s in specs if json.loads(s)["data"][0]["type"] == "image")
    assert len(raw) < 600_000
    text = _caption(at)
    assert "outline: GISCO 1:20 million, generalised" in text
    assert ("summed to 2 km blocks" in text) == summed
    assert "Regional grid figure:" in text


def test_the_figure_line_says_when_the_region_gets_no_grid_figure(store):
    from dashboard.screens.region_grid import _figure_line

    assert _figure_line(store, "FR106").startswith("Regional grid figure: not computed: boundary too coarse")
    assert "% born abroad" in _figure_line(store, "AT")  # a country sums its cells
    assert "not given" in _figure_line(store, "AT1")  # NUTS 1: no gate, no figure
