"""The most affected municipalities: figures, scores and ranks equal a brute-force recomputation from the raw grid
tiles (own code: pyarrow and pandas on the mirror's files, no project helper), the rules are the regional score's,
the build keeps the table, and the page and CLI show it."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest
from pyproj import Transformer
from streamlit.testing.v1 import AppTest

from dashboard.pages import PAGES, ROUTER
from indicators.places import lau_ranking

SCRIPT = {p.key: p.script for p in PAGES}["most_affected"]
EU = {"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT", "LT", "LU", "LV",
      "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"}
BIRTH, RESIDENCE = ("NAT", "EU_OTH", "OTH"), ("SAME", "CHG_IN", "CHG_OUT")


# --- the brute force: every tile read again, every circle summed again -----------------------------------------

def _known(cells: pd.DataFrame, columns) -> np.ndarray:
    """The withheld rule of the grid's README: a flagged 0 is unknown; a flagged value that is not 0 is published."""
    return ~np.logical_or.reduce([cells[f"{c}_CI"].to_numpy().astype(bool) & (cells[c].to_numpy() == 0)
                                  for c in columns])


def _share(part, whole, scale):
    """A share, unrounded as the app keeps it; none without a known base."""
    return np.where(whole > 0, scale * part / np.where(whole > 0, whole, 1), np.nan)


@pytest.fixture(scope="module")
def brute(mirror, store):
    """Every ranked municipality's 2 km circle, scaled, scored and ranked from the raw tiles."""
    silent = store.local("grid_not_published")
    # birth and residence: published by every EU country (a few border cells of AL and MK lack them; no circle here)
    assert set(silent.loc[silent["country"].isin(EU), "variable"]) == {"EMP"}
    tiles = []
    for path in sorted((mirror / "census2021-grid/pub/v2/parquet/1000").glob("*/*.parquet")):
        xt, yt = int(path.parent.name), int(path.stem)
        columns = ["x", "y", "T", "T_CI", *BIRTH, *RESIDENCE, *(f"{c}_CI" for c in BIRTH + RESIDENCE)]
        frame = pq.read_table(path, columns=columns).to_pandas()
        frame["cx"] = (xt * 256 + frame["x"].astype(np.int64)) * 1000 + 500  # the cell's centre, EPSG:3035
        frame["cy"] = (yt * 256 + frame["y"].astype(np.int64)) * 1000 + 500
        tiles.append(frame)
    cells = pd.concat(tiles, ignore_index=True)
    key = pd.Index(cells["cx"] // 1000 * 100_000 + cells["cy"] // 1000)
    towns = store.local("municipalities")
    towns = towns[towns["country"].isin(EU) & (towns["population"] >= 5000)].reset_index(drop=True)
    x, y = Transformer.from_crs(4326, 3035, always_xy=True).transform(towns["lon"].to_numpy(), towns["lat"].to_numpy())
    # every cell whose centre can lie within 2 km: a 5 x 5 km window of cell positions around the centre
    offsets = np.arange(-3, 4)
    dx, dy = np.meshgrid(offsets, offsets)
    cx = (np.floor(x / 1000)[:, None] + dx.ravel()[None, :]).astype(np.int64) * 1000 + 500
    cy = (np.floor(y / 1000)[:, None] + dy.ravel()[None, :]).astype(np.int64) * 1000 + 500
    where = key.get_indexer((cx // 1000 * 100_000 + cy // 1000).ravel()).reshape(cx.shape)
    inside = (where >= 0) & ((cx - x[:, None]) ** 2 + (cy - y[:, None]) ** 2 <= 2000 ** 2)
    town_of, cell = np.nonzero(inside)
    picked = cells.iloc[where[town_of, cell]].reset_index(drop=True)
    t_known = _known(picked, ("T",))
    birth = _known(picked, BIRTH) & t_known
    moves = _known(picked, RESIDENCE) & t_known
    sums = pd.DataFrame({
        "town": town_of, "residents": np.where(t_known, picked["T"], 0),
        "birth": np.where(birth, picked[list(BIRTH)].sum(axis=1), 0),
        "abroad": np.where(birth, picked["EU_OTH"] + picked["OTH"], 0), "outside": np.where(birth, picked["OTH"], 0),
        "residence": np.where(moves, picked[list(RESIDENCE)].sum(axis=1), 0),
        "from_abroad": np.where(moves, picked["CHG_OUT"], 0)}).groupby("town").sum().reindex(range(len(towns)))
    sums = sums.fillna(0)
    birth_ok = 100 * sums["birth"] >= 80 * sums["residents"]  # a share only with 80 % of residents known
    moves_ok = 100 * sums["residence"] >= 80 * sums["residents"]
    out = pd.DataFrame({"gisco_id": towns["gisco_id"], "residents": sums["residents"],
                        "born_outside_eu": np.where(birth_ok, _share(sums["outside"], sums["birth"], 100.0), np.nan),
                        "moved_from_abroad": np.where(moves_ok, _share(sums["from_abroad"], sums["residence"], 1000.0),
                                                      np.nan),
                        "born_abroad": np.where(birth_ok, _share(sums["abroad"], sums["birth"], 100.0), np.nan),
                        "coverage": _share(sums["birth"], sums["residents"], 100.0)}).set_index("gisco_id")
    scaled = {}
    for measure in ("born_outside_eu", "moved_from_abroad", "born_abroad"):
        values = out[measure].dropna().to_numpy()
        low, high = np.quantile(values, 0.02), np.quantile(values, 0.98)
        scaled[measure] = (out[measure].clip(low, high) - low) / (high - low) * 100
    scaled = pd.DataFrame(scaled)
    have = scaled.notna().sum(axis=1)
    out["score"] = scaled.mean(axis=1).where(have >= 2)  # equal weights: two of three is two thirds
    shown = out["score"].round(1)
    out["rank"] = shown.rank(method="min", ascending=False)
    return out


def test_the_ranking_equals_a_brute_force_recomputation_from_the_raw_tiles(store, brute):
    result = lau_ranking.ranking(store).set_index("gisco_id")
    assert set(result.index) == set(brute.index)  # every EU-27 municipality of 5 000+ residents, no other
    rng = np.random.default_rng(23)
    sample = list(rng.choice(brute.index.to_numpy(), 40, replace=False))
    sample += ["AT_32135", "PL_1007141286501", "EE_0784", "LU_0304", "FR_93066"]  # Tulln, Warsaw, Tallinn, Luxembourg, Saint-Denis
    for gid in sample:
        mine, theirs = result.loc[gid], brute.loc[gid]
        assert mine["residents_2km"] == theirs["residents"], gid
        for measure in ("born_outside_eu", "moved_from_abroad", "born_abroad"):
            expected = theirs[measure]
            got = mine[f"value_{measure}"]
            assert (pd.isna(got) and pd.isna(expected)) or got == pytest.approx(expected, abs=1e-9), (gid, measure)
        assert (pd.isna(mine["score"]) and pd.isna(theirs["score"])) or \
            mine["score"] == pytest.approx(theirs["score"], abs=1e-6), gid
        assert (pd.isna(mine["rank"]) and pd.isna(theirs["rank"])) or mine["rank"] == theirs["rank"], gid


def test_filters_select_and_never_rescale(store):
    everyone = lau_ranking.ranking(store).set_index("gisco_id")
    some = lau_ranking.ranking(store, countries=["DE", "AT"], degurba=[1, 2], sizes=["20k", "50k"]).set_index("gisco_id")
    assert 0 < len(some) < len(everyone) and set(some["country"]) == {"DE", "AT"}
    assert set(some["degurba"].dropna()) <= {1, 2} and some["population"].between(20_000, 99_999).all()
    pd.testing.assert_series_equal(some["score"], everyone.loc[some.index, "score"])
    region = lau_ranking.ranking(store, region="AT12").set_index("gisco_id")
    assert len(region) and region["nuts_3"].str.startswith("AT12").all() and "AT_32135" in region.index


def test_a_municipality_is_ranked_only_with_two_thirds_of_the_weight_and_says_what_it_has(store):
    result = lau_ranking.ranking(store)
    ranked = result[result["rank"].notna()]
    assert (ranked["coverage"] >= 2 / 3 - 1e-9).all()
    missing = lau_ranking.not_ranked(result)
    assert len(missing) == result["rank"].isna().sum()
    assert all(str(r).startswith("too little data") for r in missing["reason"])
    luxembourg = lau_ranking.breakdown(store, "LU_0304")
    assert luxembourg["weight_share"].notna().all() and luxembourg["contribution"].sum() == pytest.approx(
        result.set_index("gisco_id").at["LU_0304", "score"])


def test_the_build_keeps_the_circles_and_uses_them_only_from_the_same_code(store, monkeypatch):
    """The full build (indicators.derived, as the tests build) writes the table stamped with the code that made
    it; it is used while the code is the same, and recomputed, never served stale, once the code changed."""
    built = store.derived(lau_ranking.TABLE)
    assert built is not None and built["rules"].nunique() == 1 and len(built) == len(lau_ranking.towns(store))

    kept = lau_ranking.circles(store)  # this session's (the built table, or computed when the code changed)
    keys = (("lau_ranking", "circles"), ("lau_ranking", "scores"))

    def fresh():
        store.memo.discard(lambda key: key in keys)
        return lau_ranking.circles(store)

    recomputed = pd.DataFrame({"rules": ["other code"]})
    monkeypatch.setattr(lau_ranking, "compute_circles", lambda _store: recomputed)
    try:
        monkeypatch.setattr(lau_ranking, "rules_stamp", lambda: built["rules"].iloc[0])
        assert fresh() is built
        monkeypatch.setattr(lau_ranking, "rules_stamp", lambda: "other code")
        assert fresh() is recomputed
    finally:
        store.memo.discard(lambda key: key in keys)
        store.memo.cached(keys[0], lambda: kept)


def test_cli_ranks_municipalities(store_env, capsys):
    from indicators.__main__ import main

    assert main(["most-affected", "--level", "lau", "--countries", "AT", "--size", "10k", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["level"] == "lau" and out["municipalities"] and out["radius_km"] == 2
    assert all(m["gisco_id"].startswith("AT_") and 10_000 <= m["population"] < 20_000 for m in out["municipalities"])
    assert [m["rank"] for m in out["municipalities"]] == sorted(m["rank"] for m in out["municipalities"])
    assert main(["most-affected", "--level", "lau", "--degurba", "7"]) == 2


@pytest.fixture
def _page_env(store_env):
    from dashboard import cached

    cached.forget()
    yield


def test_page_ranks_municipalities_and_says_what_a_circle_is(_page_env):
    at = AppTest.from_file(str(ROUTER), default_timeout=300)
    at.run()  # the map page first (AppTest's start), which keeps only the levels it draws: the link is opened after
    at.query_params.update(level="lau", countries="AT", typology="degurba:1,size:50k,size:100k")
    at.switch_page(SCRIPT).run()
    assert not at.exception, [e.message for e in at.exception]
    assert not at.warning, [w.value for w in at.warning]
    assert any("not the municipality's territory" in i.value for i in at.info)
    assert any("two thirds of the weight" in c.value for c in at.caption)
    table = at.dataframe[0].value
    assert list(table.columns[:5]) == ["Rank", "Municipality", "Country", "Score", "Data for (% of weight)"]
    assert set(table["Country"]) == {"AT"} and len(table) >= 3  # Vienna, Graz, Linz … (cities, 50 000+)
    assert "Wien" in set(table["Municipality"]) and "None" not in table.to_string()
    assert at.query_params["level"] == "lau" and "degurba:1" in at.query_params["typology"]
    why = next(d.value for d in at.dataframe if "Share of weight" in d.value.columns)
    assert why["Share of weight"].notna().all()
    assert "Not ranked: too little data" in [h.value for h in at.header]
    assert at.button(key="prep_png_ma_lau") is not None  # the score map as an image, like every map
