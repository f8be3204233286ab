"""Map classes for diverging indicators: fitted on each side of 0, the same number each side where data allow."""

import numpy as np
import pytest

from indicators.regions import classes, tables
from indicators.regions.mapdata import map_data


@pytest.mark.parametrize("scheme", ["quantiles", "natural_breaks", "equal_interval"])
def test_diverging_classes_meet_at_zero_with_as_many_on_each_side(store, scheme):
    values = tables.table(store, "net_migration_rate", level=2, year=2021)["value"].to_numpy()
    fitted = classes.classify_diverging(values, scheme, k=5)
    bounds = np.array([fitted.lower, *fitted.bins])
    assert 0.0 in fitted.bins
    below = [i for i in range(len(fitted.bins)) if bounds[i + 1] <= 0]
    above = [i for i in range(len(fitted.bins)) if bounds[i] >= 0]
    assert len(below) == len(above) == 3 and len(below) + len(above) == len(fitted.bins)
    present = ~np.isnan(values)
    assert (fitted.classes[~present] == classes.NO_DATA).all()  # missing stays missing, never a class
    for value, cls in zip(values[present], fitted.classes[present]):
        assert cls in (below if value < 0 else above)
        assert bounds[cls] <= value <= bounds[cls + 1]


def test_one_sided_or_thin_data_fall_back_without_inventing_classes():
    assert classes.classify_diverging([1.0, 2.0, 3.0, np.nan], k=5).bins == classes.classify([1.0, 2.0, 3.0], k=5).bins
    thin = classes.classify_diverging([-1.0, 2.0, 3.0, 4.0], "quantiles", k=5)
    assert thin.bins[0] == 0.0 and thin.classes.tolist() == [0, 1, 2, 3]  # one class below: one value there


def test_the_map_of_a_diverging_indicator_uses_them(store):
    data = map_data(store, "net_migration_rate", 2, 2021)
    assert 0.0 in data.classes.bins and len(data.classes.bins) == 6
    sequential = map_data(store, "foreign_born_share", 2, 2023)
    assert len(sequential.classes.bins) == 5


def _is_round(value: float, decimals: int) -> bool:
    """A multiple of 1, 2, 2.5 or 5 x 10^k, or a number with no more decimals than the indicator has."""
    if value == 0 or round(value, decimals) == value:
        return True
    exponent = np.floor(np.log10(abs(value)))
    mantissa = round(abs(value) / 10 ** exponent, 9)
    return any(np.isclose(mantissa % step, 0) or np.isclose(mantissa % step, step) for step in (1, 2, 2.5, 5))


@pytest.mark.parametrize("indicator, level, year", [("foreign_born_share", 2, 2023), ("net_migration_rate", 2, 2021),
                                                    ("net_migration_rate", 3, 2020), ("unemployment_foreign_born", 2, 2022)])
def test_quantile_breaks_are_round_increasing_and_the_top_class_ends_at_the_maximum(store, indicator, level, year):
    data = map_data(store, indicator, level, year)
    fitted, values, ind = data.classes, data.values["value"].to_numpy(), data.indicator
    bounds = np.array([fitted.lower, *fitted.bins])
    assert (np.diff(bounds) > 0).all()  # strictly increasing: no empty or repeated class
    assert fitted.lower == values.min() and fitted.bins[-1] == values.max()  # no catch-all "over x" class
    assert all(_is_round(b, ind.decimals) for b in fitted.bins[:-1]), fitted.bins
    for value, cls in zip(values, fitted.classes):
        assert bounds[cls] <= value <= bounds[cls + 1]
    labels = fitted.labels(ind.decimals, ind.short_unit)
    for label, upper in zip(labels[:-1], fitted.bins[:-1]):  # the legend prints the rounded break as it is
        assert label.split(" – ")[1].split(" ")[0] == f"{upper:g}", (label, upper)
    if ind.diverging:
        assert 0.0 in fitted.bins


def test_pretty_breaks_keep_classes_near_their_quantiles():
    assert classes.pretty_breaks((3.61, 7.83, 13.52, 19.64, 54.7), 0.1, 1) == (4.0, 7.5, 14.0, 20.0, 54.7)
    assert classes.pretty_breaks((3.2, 6.0, 66.5), 0.0, 1) == (3.0, 6.0, 66.5)  # an outlier does not drag a break
    # breaks too close to round are left as they are rather than merged, and printed in full
    close = classes.Classes("quantiles", classes.pretty_breaks((1.011, 1.012, 1.013), 1.0, 2), 1.0,
                            np.array([0, 1, 2]), rounded=True)
    assert close.bins == (1.011, 1.012, 1.013) and close.labels(2)[1] == "1.011 – 1.012"
    thin = classes.classify([1.0, 2.0, 3.0, np.nan], k=5)
    assert thin.bins == (1.75, 2.25, 3.0) and thin.classes.tolist() == [0, 1, 2, classes.NO_DATA]
