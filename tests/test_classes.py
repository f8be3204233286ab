"""Map classes for diverging indicators: fitted on each side of 0, the same number each side where data allow."""

import numpy as np
import pytest

from indicators import classes, tables
from indicators.mapdata import map_data


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
