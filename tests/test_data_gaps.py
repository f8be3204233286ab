"""The data-gap atlas on the real store: counts agree with the tidy tables; suppressed is not missing."""

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.pages import ROUTER
from indicators.regions import gaps, tables
from indicators.registry import get

APP = str(ROUTER)


@pytest.fixture(scope="module", autouse=True)
def _fresh_caches(store_env):
    from dashboard import cached

    cached.forget()


def _direct_count(store, geo: str, level: int) -> int:
    """The number of integration indicators with a value for ``geo`` in their recent years, straight from tables."""
    count = 0
    for indicator_id in gaps.gap_indicators():
        if level not in get(indicator_id).levels:
            continue
        rows = tables.table(store, indicator_id, level=level)
        years = tables.years(store, indicator_id, level)
        recent = rows[rows["year"] >= years[-1] - gaps.RECENT_YEARS + 1] if years else rows
        count += bool(((recent["geo"] == geo) & recent["value"].notna()).any())
    return count


@pytest.mark.parametrize("level", [2, 3])
def test_coverage_counts_equal_a_direct_count(store, level):
    coverage = gaps.region_coverage(store, level).set_index("geo")
    for geo in coverage.sample(12, random_state=3).index:
        assert coverage.loc[geo, "available"] == _direct_count(store, geo, level), geo
    assert not coverage.index.duplicated().any()


@pytest.mark.slow  # a whole-page render; the page's smoke render stays in the fast loop
def test_the_page_renders_and_shows_the_same_count(store):
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["geo"] = "DE11"
    at.query_params["level"] = "2"
    at.run()
    at.switch_page("views/data_gaps.py").run()
    assert not at.exception and at.title[0].value == "Data gaps"
    regions = at.dataframe[0].value.set_index("geo")
    assert regions.loc["DE11", "available"] == _direct_count(store, "DE11", 2)
    status = at.dataframe[3].value.set_index("indicator")  # indicators by name (issue 21: no ids on the page)
    assert status.loc[get("unemployment_eu_born").short_label, "status"].startswith("suppressed (low reliability)")


def test_suppressed_values_show_as_suppressed(store):
    status = gaps.region_status(store, "DE11").set_index("id")
    row = status.loc["unemployment_eu_born"]
    assert row["status"].startswith("suppressed") and row["flag"] == "u"
    raw = tables.table(store, "unemployment_eu_born", level=2, year=2022)
    assert np.isnan(raw.set_index("geo").loc["DE11", "value"])  # the table holds no number for it, and no zero
    assert status.loc["net_migration_rate", "status"] == "at its own level"


def test_indicator_coverage_by_country_and_the_matrix(store):
    by_country = gaps.indicator_coverage(store, "unemployment_foreign_born").set_index("country")
    rows = tables.table(store, "unemployment_foreign_born", level=2, year=2022)
    assert by_country.loc["DE", "with value"] == int(((rows["country"] == "DE") & rows["value"].notna()).sum())
    assert by_country["suppressed"].sum() > 0
    matrix = gaps.coverage_matrix(store, 2)
    assert matrix.drop(columns="country").max().max() <= 100


def test_national_only_list_names_real_datasets():
    """Each entry the atlas holds is a national-only registry entry drawn from the dataset named; the others
    name datasets no source of the atlas reads."""
    from indicators.registry import REGISTRY
    from loaders.manifest import BY_ID, SOURCES

    held = {s.dataset for s in SOURCES}
    for entry in gaps.NATIONAL_ONLY:
        datasets = set(entry.dataset.split(", "))
        if entry.in_atlas is None:
            assert not datasets & held, f"{entry.topic}: the atlas does hold {datasets & held}"
            continue
        ind = REGISTRY[entry.in_atlas]
        assert set(ind.levels) == {0}, f"{entry.in_atlas} is not national-only"
        assert datasets & {BY_ID[s].dataset for s in ind.sources}, f"{entry.topic}: {datasets} vs {ind.sources}"


def test_count_classes_are_whole_numbers_fixed_on_zero_to_all():
    from indicators.regions.classes import count_classes

    classes = count_classes([0, 1, 6, 7, 24, np.nan, 13], of=24)
    assert classes.labels(0, "of 24") == ["0 of 24", "1–6 of 24", "7–12 of 24", "13–18 of 24", "19–24 of 24"]
    assert classes.classes.tolist() == [0, 1, 1, 2, 4, -1, 3]  # missing stays missing, never 0
    assert count_classes([0, 1, 1], of=24).labels() == ["0", "1–6", "7–12", "13–18", "19–24"]  # same at every level
    assert count_classes([0, 2], of=3).labels() == ["0", "1", "2", "3"]


@pytest.mark.parametrize("level", [2, 3])
def test_gap_map_reads_forwards_integer_classes_darker_for_more(level):
    import json
    import re

    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["level"] = str(level)
    at.run()
    at.switch_page("views/data_gaps.py").run()
    assert not at.exception
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    classes = [t for t in spec["data"] if t["type"] == "choropleth" and t.get("name") not in ("Not covered", "No data")
               and t.get("showlegend", True)]
    names = [t["name"] for t in classes]
    assert names and all(re.fullmatch(r"\d+(–\d+)? of 24 indicators", n) for n in names), names
    assert names[0] == "0 of 24 indicators"

    def lightness(trace):  # relative luminance of the class colour (one flat colour per class trace)
        r, g, b = (int(v) for v in re.findall(r"\d+", trace["colorscale"][0][1])[:3])
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    shades = [lightness(t) for t in classes]
    assert shades == sorted(shades, reverse=True), "more indicators must read darker"
