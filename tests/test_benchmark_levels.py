"""A benchmark for a level with no values of its own comes from a finer level that has them."""

from indicators.regions.benchmarks import benchmark
from indicators.registry import get


def test_level_1_population_2022_is_computed_from_nuts_2(store):
    # `benchmark population --level 1 --year 2022` answered "no values to compute from" while NUTS 2 had them
    found = benchmark(store, get("population"), 1, 2022, "EU")
    assert found.method == "computed" and found.level == 2 and found.value > 4e8
    assert found.value == benchmark(store, get("population"), 2, 2022, "EU").value
    assert benchmark(store, get("population"), 0, 2022, "AT").value > 8e6
