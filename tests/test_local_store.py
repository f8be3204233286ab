"""The local layer's store tables against the raw mirror files: grid cells, municipalities, corrections."""

import numpy as np
import pandas as pd

from loaders.adapters.grid import COUNTS
from loaders.local_tables import cell_id

TILE_DIR = "census2021-grid/pub/v2/parquet/1000"


def test_the_grid_is_read_only_when_asked_for(store):
    from loaders.store import load_store

    fresh = load_store()
    assert not any("local_table" in str(k) for k in fresh.memo.keys())
    assert len(fresh.local("grid_cells")) == 1_906_023
    assert ("local_table", "grid_cells") in fresh.memo


def test_200_random_cells_equal_the_raw_tile_rows(store, mirror):
    cells = store.local("grid_cells")
    sample = cells.sample(200, random_state=13)
    tiles = {}
    for _, cell in sample.iterrows():
        col, row = int(cell["x"]) // 1000, int(cell["y"]) // 1000
        xt, yt = col // 256, row // 256
        if (xt, yt) not in tiles:
            tiles[(xt, yt)] = pd.read_parquet(mirror / TILE_DIR / str(xt) / f"{yt}.parquet")
        raw = tiles[(xt, yt)]
        match = raw[(raw["x"] == col - xt * 256) & (raw["y"] == row - yt * 256)]
        assert len(match) == 1
        raw_row = match.iloc[0]
        for column in COUNTS:
            assert cell[column] == raw_row[column], (column, cell["x"], cell["y"])
            assert bool(cell[f"{column}_CI"]) == (raw_row[f"{column}_CI"] != 0)
    ids = cell_id(sample["x"], sample["y"])
    assert ids.iloc[0] == f"CRS3035RES1000mN{int(sample['y'].iloc[0])}E{int(sample['x'].iloc[0])}"


def test_every_raw_cell_is_stored_once_with_a_region_or_listed(store):
    cells = store.local("grid_cells")
    assert not cells.duplicated(["x", "y"]).any()
    assert int(cells["T"].sum()) == 455_671_735  # the mirror README's total
    lost = cells["nuts_3"].isna()
    listed = store.local("local_unmatched")
    assert int(lost.sum()) == int((listed["source_id"] == "census_grid").sum())
    assert (cells.loc[~lost, "country"].astype(str) == cells.loc[~lost, "nuts_3"].astype(str).str[:2]).all()


def test_overseas_france_gets_the_region_its_centre_lies_in_and_each_correction_is_logged(store):
    towns = store.local("municipalities").set_index("gisco_id")
    fixes = store.local("municipality_corrections").set_index("gisco_id")
    reunion = towns.loc["FR_97411"]  # Saint-Denis, La Réunion: published as FRY50 (Mayotte)
    assert (reunion["nuts_3_published"], reunion["nuts_3"], reunion["nuts_2"]) == ("FRY50", "FRY40", "FRY4")
    assert reunion["nuts_3_name"] == "La Réunion"
    assert fixes.loc["FR_97411", "corrected_nuts_3"] == "FRY40"
    guadeloupe = towns[towns.index.str.startswith("FR_971")]
    assert len(guadeloupe) > 20 and (guadeloupe["nuts_3"] == "FRY10").all()
    assert (towns.loc[fixes.index, "nuts_3"] == fixes["corrected_nuts_3"]).all()
    unchanged = towns.drop(fixes.index)
    assert (unchanged["nuts_3"] == unchanged["nuts_3_published"]).all()
    assert towns.loc["FR_93066", "nuts_3"] == "FR106"  # Saint-Denis near Paris stays


def test_municipalities_carry_names_centres_and_the_2019_degree_of_urbanisation(store):
    towns = store.local("municipalities").set_index("gisco_id")
    gouda = towns.loc["NL_GM0513"]
    assert (gouda["name"], gouda["lau_code"], gouda["country"], gouda["nuts_2"]) == ("Gouda", "GM0513", "NL", "NL33")
    assert gouda["degurba"] in (1, 2, 3) and gouda["degurba_year"] == 2019
    assert 3.9e6 < gouda["x"] < 4.0e6 and 3.2e6 < gouda["y"] < 3.3e6
    assert towns.loc["EL_18010101", "name_latin"] == "Municipal Commune of Ioannina"
    assert not towns["degurba"].isin([9]).any()  # 9 "not classified" is missing, never a class
    unmatched = store.local("local_unmatched")
    portugal = unmatched[unmatched["gisco_id"].str.startswith("PT_Q")]
    assert len(portugal) == 278 and (portugal["reason"] == "no centre (longitude/latitude)").all()


def test_variables_a_country_did_not_publish_are_listed(store):
    missing = store.local("grid_not_published")
    pairs = set(zip(missing["country"], missing["variable"]))
    assert {("DE", "EMP"), ("FR", "EMP"), ("CH", "EMP")} <= pairs
    assert not {("PL", "NAT"), ("PL", "OTH"), ("AT", "EMP")} & pairs
    cells = store.local("grid_cells")
    german = cells[cells["country"] == "DE"]
    assert german["EMP"].sum() / german["T"].sum() < 0.005 and not np.any(german["EMP_CI"].mean() > 0.005)
