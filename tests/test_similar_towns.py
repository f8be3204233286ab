"""Towns like yours: features equal the town page's circles, other countries first, each match with its reasons."""

import json
import subprocess
import sys

import numpy as np
import pytest

from indicators.places import local, similar_towns


def test_tulln_has_at_least_five_matches_in_three_other_countries_each_with_reasons(store):
    matches = similar_towns.similar_towns(store, "AT_32135")
    assert len(matches) >= 5 and "AT" not in set(matches["country"]) and matches["country"].nunique() >= 3
    assert (matches["country"].value_counts() <= similar_towns.PER_COUNTRY).all()
    assert all(len(r) >= 3 for r in matches["reasons"]) and matches["distance"].is_monotonic_increasing
    assert "born abroad" in "; ".join(str(r) for r in matches["reasons"].iloc[0])


def test_same_country_gives_the_towns_own_country_only(store):
    matches = similar_towns.similar_towns(store, "AT_32135", 5, same_country=True)
    assert len(matches) == 5 and set(matches["country"]) == {"AT"} and "AT_32135" not in set(matches["gisco_id"])


def test_features_equal_the_town_pages_circle_figures(store):
    table = similar_towns.features(store).set_index("gisco_id")
    for gisco_id in table.sample(25, random_state=7).index.tolist() + ["EE_0784", "AT_32135"]:
        circle = local.town_circle(store, gisco_id, similar_towns.RADIUS_KM)
        for column in ("born_abroad_pct", "born_outside_eu_pct", "moved_from_abroad_per_1000"):
            mine, page = table.loc[gisco_id, column], circle[column]
            assert (page is None and np.isnan(mine)) or mine == pytest.approx(page, abs=0.006), (gisco_id, column)


def test_unknown_town_and_the_stated_method(store):
    assert similar_towns.similar_towns(store, "XX_0") is None
    method = [str(p) for p in similar_towns.method(store)]
    assert len(method) == len(similar_towns.FEATURES) and all("weight" in m for m in method)


def test_cli_similar_towns_json(store_env):
    out = subprocess.run([sys.executable, "-m", "indicators", "similar-towns", "AT_32135", "--json"],
                         capture_output=True, text=True, check=True)
    answer = json.loads(out.stdout)
    assert answer["matches"] and all(m["reasons"] and m["country"] != "AT" for m in answer["matches"])
    same = subprocess.run([sys.executable, "-m", "indicators", "similar-towns", "AT_32135", "--same-country", "--json"],
                          capture_output=True, text=True, check=True)
    assert {m["country"] for m in json.loads(same.stdout)["matches"]} == {"AT"}
