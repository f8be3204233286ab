"""Rules that make a grid figure hold on every town: Estonia's flagged cells, the coverage rule, Iceland."""

import numpy as np
import pandas as pd

from indicators.places import local


def test_a_flagged_value_that_is_not_zero_is_published(store):
    # Tallinn at 5 km: dropping flagged cells left 19 residents of known birth and "100.0 % born abroad"
    tallinn = local.town_circle(store, "EE_0784", 5)
    assert round(tallinn["born_abroad_pct"], 1) == 22.3 and tallinn["coverage_pct"] > 99
    cells = local.grid(store)
    flagged = cells[cells["T_CI"].to_numpy() & (cells["T"].to_numpy() > 0)]
    assert len(flagged) > 3000 and not local.withheld(flagged, "T").any()
    assert local.withheld(cells[cells["T_CI"].to_numpy() & (cells["T"].to_numpy() == 0)], "T").all()


def test_estonia_sums_its_published_cells(store):
    estonia = local.country_check(store).set_index("country").loc["EE"]
    assert -2 < estonia["deviation_pct"] < 0  # summing published (flagged) totals: -0.8 %, not -5.6 %
    assert local.area_figures(store, "EE")["coverage_pct"] > 80


def test_a_share_below_the_coverage_rule_is_not_a_figure():
    columns = ["T", "NAT", "EU_OTH", "OTH", "SAME", "CHG_IN", "CHG_OUT", "EMP"]
    cells = pd.DataFrame([[100, 80, 10, 10, 90, 5, 5, 40], [150, 0, 0, 0, 140, 5, 5, 40]], columns=columns)
    for c in columns:
        cells[f"{c}_CI"] = np.array([False, c in ("NAT", "EU_OTH", "OTH")])  # row 2: place of birth withheld
    cells["country"] = "XX"
    out = local.figures(cells, {})
    assert out["coverage_pct"] == 40.0 and out["born_abroad_pct"] is None and out["dissimilarity"] is None
    assert out["moved_from_abroad_per_1000"] == 40.0  # residence is known everywhere
    assert str(local.too_little_known(out["coverage_pct"])) == "too little known (40.0 % of residents)"
    cells.loc[1, "T"] = 26  # 100 of 126 known: 79.4 %, still below
    assert local.figures(cells, {})["born_abroad_pct"] is None
    cells.loc[1, "T"] = 25  # 100 of 125: exactly 80 %
    assert local.figures(cells, {})["born_abroad_pct"] == 20.0


def test_the_coverage_rule_on_real_cells(store):
    # Poland withholds place of birth in many cells: a circle below 80 % gives no share, one above does
    towns = store.local("municipalities")
    polish = towns[towns["country"] == "PL"].nlargest(300, "population")["gisco_id"]
    results = [local.town_circle(store, g, 2) for g in polish]
    low = [r for r in results if r["coverage_pct"] is not None and r["coverage_pct"] < 80]
    high = [r for r in results if r["coverage_pct"] is not None and r["coverage_pct"] >= 80]
    assert low and high
    assert all(r["born_abroad_pct"] is None for r in low) and all(r["born_abroad_pct"] is not None for r in high)


def test_iceland_says_it_published_no_grid(store):
    assert "IS" not in local.GRID_COUNTRIES
    towns = store.local("municipalities")
    icelandic = towns[towns["country"] == "IS"]["gisco_id"].iloc[0]
    circle = local.town_circle(store, icelandic, 10)
    assert circle["note"] == local.NO_GRID["IS"] and circle["cells"] == 0


def test_an_outermost_town_says_the_grid_has_no_cells_there_in_a_whole_sentence(store):
    """Saint-Denis (La Réunion): its regions read 'not computed: boundary too coarse (share deviation -100 %)', and
    its answer began in lower case with no full stop."""
    from dashboard import i18n
    from indicators.places import town_answer

    answer = i18n.say(town_answer.answer(store, "FR_97411", 5, "fr"), "fr")
    assert answer[0].isupper() and answer.endswith("."), answer
    regions = [a for a in town_answer.areas(store, local.municipality(store, "FR_97411"), "fr") if "nuts" in a["kind"]]
    notes = [i18n.say(a["note"], "fr") for a in regions]
    assert all("ultrapériphériques" in n and "-100" not in n and "grossière" not in n for n in notes), notes
