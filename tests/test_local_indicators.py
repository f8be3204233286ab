"""Figures for areas of the 1 km grid, checked by brute force over the raw tiles, and the town search."""


import pandas as pd
import pytest

from geodata.codes import EU27
from indicators.places import local
from indicators.places.town_search import find_towns

TILE_DIR = "census2021-grid/pub/v2/parquet/1000"


def _raw_circle(mirror, x, y, radius_km):
    """Every raw cell whose centre lies within the radius: read straight from the tiles, no project helper."""
    r = radius_km * 1000
    frames = []
    for xt in range(int((x - r) // 256_000), int((x + r) // 256_000) + 1):
        for yt in range(int((y - r) // 256_000), int((y + r) // 256_000) + 1):
            path = mirror / TILE_DIR / str(xt) / f"{yt}.parquet"
            if path.is_file():
                tile = pd.read_parquet(path)
                tile["cx"] = (xt * 256 + tile["x"]) * 1000 + 500
                tile["cy"] = (yt * 256 + tile["y"]) * 1000 + 500
                frames.append(tile)
    cells = pd.concat(frames, ignore_index=True)
    return cells[(cells["cx"] - x) ** 2 + (cells["cy"] - y) ** 2 <= r * r]


# Alcorcón: its 12.948 % born outside the EU was kept as 12.95, and then shown as 13.0 (its towns-like-yours row,
# computed apart, showed 12.9): figures are kept unrounded and rounded once, where they are shown
@pytest.mark.parametrize("gisco_id, radius", [("NL_GM0513", 5), ("AT_32135", 10), ("PL_1007141286501", 2), ("FR_93066", 20),
                                                  ("EE_0784", 5), ("EE_0897", 10), ("ES_28007", 5)])
def test_circle_figures_equal_a_brute_force_sum_over_the_raw_tiles(store, mirror, gisco_id, radius):
    town = store.local("municipalities").set_index("gisco_id").loc[gisco_id]
    mine = local.town_circle(store, gisco_id, radius)
    raw = _raw_circle(mirror, town["x"], town["y"], radius)
    assert mine["cells"] == len(raw)

    def published(frame, column):  # a flagged value that is not 0 is published; a flagged 0 is withheld
        return (frame[f"{column}_CI"] == 0) | (frame[column] != 0)

    counted = raw[published(raw, "T")]
    assert mine["residents"] == counted["T"].sum()
    known = counted[published(counted, "NAT") & published(counted, "EU_OTH") & published(counted, "OTH")]
    nat, eu, oth = known["NAT"].sum(), known["EU_OTH"].sum(), known["OTH"].sum()
    assert mine["birth_known"] == nat + eu + oth
    assert mine["born_abroad"] == eu + oth and mine["born_other_eu"] == eu and mine["born_outside_eu"] == oth
    assert mine["born_abroad_pct"] == pytest.approx(100 * (eu + oth) / (nat + eu + oth), rel=1e-12)
    assert mine["born_outside_eu_pct"] == pytest.approx(100 * oth / (nat + eu + oth), rel=1e-12)
    assert mine["coverage_pct"] == pytest.approx(100 * (nat + eu + oth) / counted["T"].sum(), rel=1e-12)
    moved = counted[published(counted, "SAME") & published(counted, "CHG_IN") & published(counted, "CHG_OUT")]
    base = moved["SAME"].sum() + moved["CHG_IN"].sum() + moved["CHG_OUT"].sum()
    assert mine["moved_from_abroad_per_1000"] == pytest.approx(1000 * moved["CHG_OUT"].sum() / base, rel=1e-12)
    used = known[(known["NAT"] + known["EU_OTH"] + known["OTH"]) > 0]
    a, n = used["EU_OTH"] + used["OTH"], used["NAT"]
    assert mine["dissimilarity"] == round(50 * (a / a.sum() - n / n.sum()).abs().sum(), 1)
    assert mine["dissimilarity_cells"] == len(used)


def test_withheld_place_of_birth_in_poland_is_unknown_not_zero(store, mirror):
    town = store.local("municipalities").set_index("gisco_id").loc["PL_1007141286501"]  # Warszawa
    mine = local.town_circle(store, "PL_1007141286501", 10)
    raw = _raw_circle(mirror, town["x"], town["y"], 10)
    withheld = raw[(raw["EU_OTH_CI"] != 0) | (raw["OTH_CI"] != 0) | (raw["NAT_CI"] != 0)]
    assert len(withheld) > 0 and mine["coverage_pct"] < 100
    as_if_zero = (raw["EU_OTH"].sum() + raw["OTH"].sum()) / raw["T"].sum() * 100
    assert mine["born_abroad_pct"] != round(as_if_zero, 2)
    poland = local.area_figures(store, "PL")
    assert poland["coverage_pct"] < 80 and poland["born_abroad_pct"] is None  # the coverage rule: too little known


def test_a_variable_not_published_is_unknown_not_zero(store):
    assert "EMP" in local.not_published(store)["DE"]
    berlin = local.town_circle(store, "DE_11000000", 5)
    assert berlin["employed_pct"] is None and berlin["employment_coverage_pct"] == 0
    vienna = local.town_circle(store, "AT_90001", 5)
    assert vienna["employed_pct"] is not None and vienna["employed_pct"] > 20


def test_hand_made_cells_withheld_or_silent_give_no_figure():
    columns = ["T", "NAT", "EU_OTH", "OTH", "SAME", "CHG_IN", "CHG_OUT", "EMP"]
    cells = pd.DataFrame([[100, 0, 0, 0, 90, 5, 5, 0]], columns=columns)
    for c in columns:
        cells[f"{c}_CI"] = c in ("NAT", "EU_OTH", "OTH")
    cells["country"] = "XX"
    out = local.figures(cells, {"XX": {"EMP"}})
    assert out["residents"] == 100 and out["coverage_pct"] == 0
    assert out["born_abroad_pct"] is None and out["born_abroad"] is None and out["dissimilarity"] is None
    assert out["employed_pct"] is None and out["moved_from_abroad_per_1000"] == 50.0


def test_country_sums_match_the_official_population_within_2_percent_or_are_explained(store):
    check = local.country_check(store).set_index("country")
    eu = check[check.index.isin(EU27)]
    assert len(eu) == 27
    off = eu[~eu["within"]]
    assert all(off["note"].str.len() > 0), off
    # The note for France is checked: without the overseas regions (FRY), the grid is within 2 %.
    level2 = local.official_population(store, 2)
    metropolitan = check.loc["FR", "official"] - level2[level2.index.str.startswith("FRY")].sum()
    assert abs(check.loc["FR", "grid"] / metropolitan - 1) <= 0.02


def test_the_share_gate_decides_exactly_which_regions_get_a_grid_figure(store):
    cells = store.local("grid_cells")
    counted = cells[~local.withheld(cells, "T")]
    country_grid = counted.groupby(counted["country"].astype(str))["T"].sum()
    country_official = local.official_population(store, 0)
    for level in (2, 3):
        gate = local.region_gate(store, level)
        grid = counted.groupby(counted["nuts_3"].astype(str).str[: 2 + level])["T"].sum()
        official = local.official_population(store, level)
        expected = {}
        for geo, pop in official.items():
            c = geo[:2]
            if c in country_grid.index and c in country_official.index:
                dev = (grid.get(geo, 0) / country_grid[c]) / (pop / country_official[c]) - 1
                expected[geo] = abs(dev) <= 0.03
        assert dict(zip(gate["geo"], gate["computed"])) == expected
        for geo in gate["geo"].sample(15, random_state=level):
            out = local.region_figures(store, geo)
            assert out["computed"] == expected[geo]
            assert ("residents" in out) == expected[geo]
            if not expected[geo]:  # a phrase; a region with no cell at all (outermost) says that instead
                reason = (local.NO_REGION_CELLS if grid.get(geo, 0) == 0 else local.NOT_COMPUTED)
                assert out["reason"] == reason, geo
    assert not local.region_figures(store, "FR106")["computed"]  # Seine-Saint-Denis: city cells leak


def test_wider_circles_hold_more_residents(store):
    """Every radius gives figures, each circle holding the smaller ones (speed: ``python -m bench``, not here)."""
    residents = [local.town_circle(store, "FR_75056", radius)["residents"] for radius in local.RADII_KM]
    assert all(r is not None for r in residents) and residents == sorted(residents) and residents[0] > 0


@pytest.mark.parametrize("text, gisco_id", [("Gouda", "NL_GM0513"), ("tulln", "AT_32135"),
                                             ("IOANNINA", "EL_18010101"), ("Saint Denis", "FR_93066"),
                                             ("saint-denis", "FR_97411")])
def test_search_finds_the_towns(store, text, gisco_id):
    assert gisco_id in set(find_towns(store, text, 10)["gisco_id"])


@pytest.mark.parametrize("text, gisco_id", [("Tuln", "AT_32135"), ("Bergamoo", "IT_016024"),
                                             ("Sain Denis", "FR_93066"), ("Goudda", "NL_GM0513")])
def test_search_forgives_a_misspelt_name_and_says_the_match_is_close_not_exact(store, text, gisco_id):
    """'Tuln' offered Tulnici and Nottuln but not Tulln; 'Bergamoo' found nothing."""
    found = find_towns(store, text, 10)
    assert gisco_id in set(found["gisco_id"]), found["name"].tolist()
    close = found.set_index("gisco_id")["close"]
    assert close[gisco_id] and not close[~close].any()
    assert not find_towns(store, "Gouda", 10).set_index("gisco_id")["close"]["NL_GM0513"]


def test_search_tells_duplicates_apart_and_survives_hostile_input(store):
    found = find_towns(store, "Saint-Denis", 10)
    exact = found[found["name"] == "Saint-Denis"]
    assert {"Seine-Saint-Denis", "La Réunion"} <= set(exact["nuts_3_name"])
    assert exact["label"].is_unique
    for hostile in ["x" * 10_000, "<script>alert(1)</script>", "' OR 1=1 --", "\x00\u202e", ""]:
        out = find_towns(store, hostile, 10)  # its speed on hostile input is in the bench, never asserted here
        assert not any("script" in str(v) for v in out.to_numpy().ravel())


@pytest.mark.slow  # two subprocesses that load the grid
def test_cli_find_town_and_town_print_json(store_env):
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "MIGRATION_CACHE_DIR": str(store_env)}
    found = subprocess.run([sys.executable, "-m", "indicators", "find-town", "Tulln", "--limit", "3", "--json"],
                           capture_output=True, text=True, env=env, check=True)
    rows = json.loads(found.stdout)
    assert rows[0]["gisco_id"] == "AT_32135" and {"nuts_3", "nuts_3_name", "country", "population"} <= set(rows[0])
    town = subprocess.run([sys.executable, "-m", "indicators", "town", "AT_32135", "--radius", "10", "--json"],
                          capture_output=True, text=True, env=env, check=True)
    figures = json.loads(town.stdout)
    assert figures["radius_km"] == 10 and figures["cells"] > 0 and 0 < figures["born_abroad_pct"] < 100
    assert {"lon", "lat", "x_3035", "y_3035", "coverage_pct", "dissimilarity", "dissimilarity_cells"} <= set(figures)
    bad = subprocess.run([sys.executable, "-m", "indicators", "town", "<b>x</b>", "--json"],
                         capture_output=True, text=True, env=env)
    assert bad.returncode == 2 and "<b>" not in bad.stderr + bad.stdout


def test_a_town_outside_the_grid_gets_no_figures_not_zeros(store):
    reunion = local.town_circle(store, "FR_97411", 10)  # Saint-Denis, La Réunion: the grid covers Europe only
    assert reunion["cells"] == 0 and reunion["residents"] is None and reunion["born_abroad_pct"] is None
    assert reunion["note"] == local.NO_CELLS


def test_grid_gaps_say_coverage_unpublished_variables_and_regions_not_computed(store):
    gaps = local.grid_gaps(store).set_index("country")
    assert gaps.loc["PL", "birth_coverage_pct"] == round(local.area_figures(store, "PL")["coverage_pct"], 2)
    assert "EMP" in gaps.loc["DE", "not_published"] and gaps.loc["AT", "not_published"] == ""
    gate = local.region_gate(store, 3)
    assert gaps["nuts3_not_computed"].sum() == (~gate.loc[gate["country"].isin(gaps.index), "computed"]).sum()
