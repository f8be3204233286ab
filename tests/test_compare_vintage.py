"""Compare never sets an old value beside recent ones unmarked (issue 15 item 8: one data vintage throughout)."""

from __future__ import annotations

import pandas as pd

from indicators.regions import compare


def test_a_value_years_behind_the_others_is_marked_and_missing_years_are_not():
    years = pd.Series([2022, 2022, 2016, None, 2021, 2020])
    assert compare.other_vintage(years).tolist() == [False, False, True, False, False, False]


def test_ties_between_vintages_are_read_against_the_latest():
    assert compare.other_vintage(pd.Series([2015, 2022])).tolist() == [True, False]


def test_latest_marks_the_vintage_of_each_compared_region(store):
    rows = compare.latest(store, "net_migration_rate", ["ITC4", "AT13", "DE11"])
    assert list(rows.columns)[-1] == "other_vintage" and len(rows) == 3
    expected = rows["year"] < rows["year"].mode().max() - compare.OLD_BY
    assert rows["other_vintage"].tolist() == expected.tolist()
