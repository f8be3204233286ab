"""Plausibility rules: they catch the published errors named in the issue, and nothing in a clean series."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.places import plausibility


def _series(rows):
    frame = pd.DataFrame(rows, columns=["geo", "name", "year", "foreign_born", "population"])
    frame["foreign_born_flag"] = ""
    frame["population_flag"] = ""
    return frame


def _clean(seed=1):
    """Ten synthetic cities over ten years: steady growth with noise, gaps, and a genuine doubling of both."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(10):
        population, share = rng.uniform(5e4, 2e6), rng.uniform(0.02, 0.45)
        for year in range(2015, 2025):
            population *= rng.uniform(0.97, 1.04)
            share = min(0.95, share * rng.uniform(0.9, 1.15))
            if i == 3 and year == 2019:
                population *= 2.5  # a merger: both counts jump together, so neither is implausible
            if (i, year) in {(1, 2017), (2, 2016)}:
                continue  # a year not published
            rows.append((f"XX{i:03d}C", f"City {i}", year, round(population * share), round(population)))
    frame = _series(rows)
    frame.loc[(frame["geo"] == "XX003C") & (frame["year"] == 2019), "population_flag"] = "b"  # published with a break
    return frame


def test_nothing_caught_in_clean_series():
    for seed in range(5):
        assert plausibility.findings(_clean(seed)).empty


def test_share_above_100_and_jumps_are_caught():
    rows = [("A", "a", y, fb, pop) for y, fb, pop in
            [(2019, 20_000, 100_000), (2020, 21_000, 100_500), (2021, 150_000, 101_000), (2022, 22_000, 101_200)]]
    rows += [("B", "b", y, fb, pop) for y, fb, pop in
             [(2022, 50_000, 400_000), (2023, 52_000, 410_000), (2024, 53_000, 90_000)]]
    found = plausibility.findings(_series(rows))
    caught = set(zip(found["geo"], found["year"], found["variable"], found["rule"]))
    assert caught == {("A", 2021, "foreign_born", "share_over_100"), ("A", 2021, "foreign_born", "jump"),
                      ("B", 2024, "population", "jump"), ("B", 2024, "population", "population_step")}


def test_a_population_step_above_15_percent_without_a_break_flag_is_suspect():
    rows = [("C", "c", y, 10_000, pop) for y, pop in [(2021, 100_000), (2022, 101_000), (2023, 120_000), (2024, 102_000)]]
    rows += [("D", "d", y, 10_000, pop) for y, pop in [(2022, 100_000), (2023, 100_500), (2024, 130_000)]]
    series = _series(rows)
    found = plausibility.findings(series)
    assert set(zip(found["geo"], found["year"], found["rule"])) == {("C", 2023, "population_step"),
                                                                    ("D", 2024, "population_step")}
    series.loc[series["geo"] == "D", "population_flag"] = "b"
    assert set(plausibility.findings(series)["geo"]) == {"C"}


def test_real_city_populations_that_jump_are_not_denominators(store):
    from loaders.city_tables import read

    from indicators.places import cities

    found = plausibility.findings(read(store, "city_series"))
    steps = found[found["rule"] == "population_step"]
    caught = set(zip(steps["geo"], steps["year"]))
    assert {("DE101C", 2024), ("DE113C", 2024)} <= caught  # Paderborn 154 755 -> 80 725, Gera 93 634 -> 128 671
    assert ("DE044C", 2024) not in caught  # Hanau's 101 364 -> 194 952 is published with a break flag
    assert not steps["flag"].fillna("").str.contains("b").any()
    shares = cities.city_shares(store).set_index(["geo", "year"])
    assert np.isnan(shares.loc[("DE101C", 2024), "value"]) and "population_step" in shares.loc[("DE101C", 2024), "rules"]


def test_verdicts_keep_the_published_value():
    rows = [("A", "a", y, fb, 100_000) for y, fb in [(2020, 20_000), (2021, 90_000), (2022, 21_000)]]
    marked = plausibility.verdicts(_series(rows))
    bad = marked[marked["year"] == 2021].iloc[0]
    assert bad["foreign_born"] == 90_000 and bad["foreign_born_verdict"] == plausibility.NOT_SHOWN
    assert bad["foreign_born_rules"] == "jump" and bad["population_verdict"] == ""


def test_real_mirror_cases_are_caught(store):
    from loaders.city_tables import read

    found = plausibility.findings(read(store, "city_series"))
    caught = set(zip(found["name"], found["year"], found["variable"]))
    assert {("Gera", 2021, "foreign_born"), ("Göttingen", 2021, "foreign_born"), ("München", 2021, "foreign_born"),
            ("München", 2024, "population")} <= caught
    munich = found[(found["geo"] == "DE003C") & (found["year"] == 2024)].iloc[0]
    assert munich["value"] == 348152 and munich["flag"] == "b"
    assert set(found.loc[found["name"] == "Gera", "rule"]) >= {"share_over_100"}
    # no city's series is caught wholesale: a rule flags single values, not whole countries
    values = found.drop_duplicates(["geo", "year", "variable"])  # a value two rules catch is one value
    assert values["geo"].str[:2].value_counts().get("DE", 0) < 110
