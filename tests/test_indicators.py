"""The indicator registry and its analytics, on the store built from the real mirror."""

import csv
import json
import random
import re

import numpy as np
import pandas as pd
import pytest

from indicators.regions import classes, tables, versions
from indicators.regions.benchmarks import benchmarks
from indicators.regions.peers import peers
from indicators.regions.ranks import ranks
from indicators.__main__ import main as indicators_cli
from indicators.regions.composite import composite
from indicators.regions.presets import LEGACY_DEFAULT_WEIGHTS as DEFAULT_WEIGHTS  # five weighted indicators
from indicators.registry import DIRECTIONS, ENTRIES, KINDS, REGISTRY, THEMES
from dashboard.i18n import LANGUAGES, country, say
from indicators.text.summary import facts, summary
from loaders.manifest import BY_ID, get_source
from tests.sampling import first_of_each


@pytest.mark.parametrize("ind", ENTRIES, ids=lambda i: i.id)
def test_registry_contract(store, ind):
    assert re.fullmatch(r"[a-z0-9_]+", ind.id)
    assert ind.theme in THEMES and ind.kind in KINDS and ind.direction in DIRECTIONS
    assert ind.label and ind.short_label and ind.unit and ind.credit
    assert 1 <= len(re.findall(r"[.!?](\s|$)", ind.description)) <= 3, "1-3 plain sentences"
    assert set(ind.levels) <= {0, 1, 2, 3} and isinstance(ind.decimals, int)
    assert all(s in BY_ID for s in ind.sources)
    if ind.derived:
        assert all(i in REGISTRY for i in ind.derived.inputs)
    else:
        assert (ind.dataset or ind.source_by_level) and ind.sources
    held = tables.levels(store, ind)
    assert held and set(held) <= set(ind.levels), f"{ind.id}: data at {held}, declared {ind.levels}"
    if ind.affected_when is not None:
        assert ind.affected_when in ("high", "low")


@pytest.mark.slow  # the CLI over every indicator
def test_cli_lists_at_least_25_indicators_with_data(store_env, capsys):
    assert indicators_cli(["list", "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    with_data = [e for e in entries if e["levels_in_store"]]
    assert len(with_data) >= 25 and len(with_data) == len(entries)


# One indicator per kind (and derived or not) in the fast loop; the full sweep is marked slow.
@pytest.mark.parametrize("ind", first_of_each(ENTRIES, lambda i: (i.kind, bool(i.derived)), ids=lambda i: i.id))
def test_cli_table_works_for_every_indicator(store_env, capsys, ind):
    level = max(tables.levels(tables_store(), ind))
    assert indicators_cli(["table", ind.id, "--level", str(level), "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "geo,name,level,nuts_version,year,period,value,flag,unit,source" and len(out) > 1


def tables_store():
    from loaders.store import load_store

    return load_store()


def _raw(mirror, source_id):
    with open(mirror / get_source(source_id).mirror_path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _value(store, indicator, geo, year):
    rows = tables.table(store, indicator, year=year)
    row = rows[rows["geo"] == geo]
    assert len(row) == 1, (indicator, geo, year)
    return row.iloc[0]


def test_values_equal_the_raw_mirror_rows(store, mirror):
    rng = random.Random(7)
    samples = [r for r in _raw(mirror, "lfst_r_lfur2gac") if r["c_birth"] == "FOR" and r["OBS_VALUE"]]
    for raw in rng.sample(samples, 25):
        row = _value(store, "unemployment_foreign_born", raw["geo"], int(raw["TIME_PERIOD"]))
        assert row["value"] == float(raw["OBS_VALUE"]) and row["flag"] == raw["OBS_FLAG"]
    tertiary = [r for r in _raw(mirror, "edat_lfs_9917_for") if r["isced11"] == "ED5-8" and r["age"] == "Y25-64"
                and r["OBS_VALUE"] and len(r["geo"]) == 4]
    for raw in rng.sample(tertiary, 15):
        assert _value(store, "tertiary_foreign_born", raw["geo"], int(raw["TIME_PERIOD"]))["value"] == float(raw["OBS_VALUE"])
    assert _value(store, "net_migration_rate", "EL41", 2021)["value"] == -156.7
    assert _value(store, "foreign_born_share", "ITC4", 2023)["value"] == 14.31
    assert _value(store, "employment_rate_20_64", "BE10", 2025)["value"] == 63.9


def test_gaps_are_the_difference_of_their_inputs(store):
    gap = _value(store, "unemployment_gap_foreign_born", "DE11", 2022)
    assert gap["value"] == pytest.approx(_value(store, "unemployment_foreign_born", "DE11", 2022)["value"]
                                         - _value(store, "unemployment_total", "DE11", 2022)["value"])


def test_missing_values_stay_missing_in_tables(store):
    rows = tables.table(store, "unemployment_eu_born", level=2, year=2022)
    suppressed = rows[rows["value"].isna()]
    assert len(suppressed) and (suppressed["flag"] != "").all()


@pytest.mark.parametrize("indicator, level, year", [("net_migration_rate", 2, 2021), ("net_migration_rate", 3, 2020),
                                                    ("foreign_born_share", 2, 2023), ("unemployment_foreign_born", 2, 2022)])
def test_ranks_are_competition_ranks_per_scope(store, indicator, level, year):
    ranked = ranks(store, indicator, level, year)
    with_value = ranked[ranked["value"].notna()]
    assert ranked.loc[ranked["value"].isna(), "rank_country"].isna().all()
    for _, group in with_value.groupby("country"):
        shown = group["value"].round(1)
        assert list(group["rank_country"]) == [int((shown > v).sum()) + 1 for v in shown]
        assert (group["n_country"] == len(group)).all()
        top = group.loc[group["rank_country"] == 1, "value"].iloc[0]
        assert top == group["value"].max()
    eu = with_value[with_value["rank_eu"].notna()]
    assert eu["rank_eu"].min() == 1 and eu["rank_eu"].max() <= len(eu) and (eu["n_eu"] == len(eu)).all()
    assert not eu["country"].isin(["UK", "NO", "CH", "TR", "RS"]).any()


def test_benchmarks_published_or_computed_and_labelled(store):
    published = benchmarks(store, "tertiary_foreign_born", 2, 2022, "AT")
    assert published["EU"].method == "published" and published["country"].method == "published"
    computed = benchmarks(store, "net_migration_rate", 2, 2021, "AT")
    assert computed["country"].computed and "weighted by population" in str(computed["country"].label)
    rows = tables.table(store, "net_migration_rate", level=2, year=2021)
    at = rows[rows["country"] == "AT"]
    assert min(at["value"]) <= computed["country"].value <= max(at["value"])


def test_peers_exclude_the_region_and_are_stable(store):
    first = peers(store, "ITC4", k=5)
    again = peers(store, "ITC4", k=5)
    assert len(first) == 5 and "ITC4" not in set(first["geo"])
    pd.testing.assert_frame_equal(first, again)
    assert all(first["reasons"].map(len) > 0)
    abroad = peers(store, "AT130", k=4, exclude_country=True)
    assert len(abroad) == 4 and not abroad["geo"].str.startswith("AT").any()


@pytest.mark.slow  # two composite sweeps: 7 s
def test_a_zero_weight_leaves_ranks_untouched(store):
    weights = dict(DEFAULT_WEIGHTS[2])
    base = composite(store, 2, weights, stability=False).set_index("geo")["rank"]
    with_zero = composite(store, 2, {**weights, "at_risk_of_poverty": 0.0}, stability=False).set_index("geo")["rank"]
    pd.testing.assert_series_equal(base.sort_index(), with_zero.sort_index())
    changed = composite(store, 2, {**weights, "at_risk_of_poverty": 3.0}, stability=False).set_index("geo")["rank"]
    assert not changed.sort_index().equals(base.sort_index())


@pytest.mark.slow  # every weight moved ±20 %: many composites
def test_composite_ranks_contributions_and_stability(store):
    result = composite(store, 2, DEFAULT_WEIGHTS[2])
    ranked = result[result["rank"].notna()]
    assert list(ranked["rank"]) == [int((ranked["score"].round(1) > s).sum()) + 1 for s in ranked["score"].round(1)]
    contributions = ranked.filter(like="contribution_").sum(axis=1, min_count=1)
    assert np.allclose(contributions, ranked["score"])
    assert (ranked["rank_best"] <= ranked["rank"]).all() and (ranked["rank"] <= ranked["rank_worst"]).all()
    assert (result.loc[result["rank"].isna(), "coverage"] < 0.5).all()  # unranked only for lack of data


@pytest.mark.parametrize("geo", ["ITC4", "AT130", "DE", "NL35"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_summaries_name_the_region_and_quote_table_values(store, geo, lang):
    text = say(summary(store, geo), lang)
    name = tables.named(store, pd.DataFrame({"geo": [geo], "nuts_version": [np.nan]}))["name"].iloc[0]
    name = country(geo, lang) if len(geo) == 2 else name
    assert name in text
    found = 0
    for fact in facts(store, geo):
        if fact.value is None:
            continue
        ind = REGISTRY[fact.indicator]
        assert _written(fact.value, ind.decimals, lang) in text
        if fact.year is not None:
            assert str(fact.year) in text
        if fact.geo == geo and not fact.converted_to and fact.year is not None:
            assert fact.value == _value(store, fact.indicator, geo, fact.year)["value"]
        found += 1
    assert found >= 2


def _written(value: float, decimals: int, lang: str) -> str:
    """How each language writes a number, spelled out here rather than asked of the formatter under test."""
    english = f"{value:,.{decimals}f}"
    if lang == "fr":
        return english.replace(",", "\u202f").replace(".", ",")
    return english if lang == "en" else english.replace(",", "_").replace(".", ",").replace("_", ".")


def test_versions_are_aligned_with_the_jrc_matrix(store):
    moved = versions.in_version(store, "net_migration_rate", 2, 2024)
    nl35 = moved[(moved["geo"] == "NL35") & (moved["year"] == 2021)].iloc[0]
    assert bool(nl35["converted"]) and "converted from NUTS 2021" in str(nl35["note"])
    at13 = moved[(moved["geo"] == "AT13") & (moved["year"] == 2021)].iloc[0]
    assert not bool(at13["converted"]) and at13["value"] == _value(store, "net_migration_rate", "AT13", 2021)["value"]


@pytest.mark.slow  # natural breaks compile with numba on first use
def test_map_classes_keep_no_data_apart(store):
    values = tables.table(store, "unemployment_eu_born", level=2, year=2022)["value"]
    for scheme in ("quantiles", "natural_breaks", "equal_interval"):
        fitted = classes.classify(values, scheme, k=5)
        assert (fitted.classes[values.isna().to_numpy()] == classes.NO_DATA).all()
        assert (fitted.classes[values.notna().to_numpy()] >= 0).all()
        assert len(fitted.bins) == 5 and fitted.bins[-1] == values.max()
    with pytest.raises(ValueError):
        classes.classify(values, "jenks_by_hand")


def test_summary_ranks_are_the_published_values_ranked_within_the_country(store, mirror):
    """The summary's "ranks 9th of 38" recomputed from the raw SDMX file with pandas (not through ranks())."""
    raw = pd.read_csv(mirror / "eurostat/regional/sdmx-csv/demo_r_gind3_CNMIGRATRT_JAN_nuts3.csv", dtype=str,
                      keep_default_na=False)
    raw = raw[(raw["indic_de"] == "CNMIGRATRT") & (raw["TIME_PERIOD"] == "2020") & (raw["geo"].str.len() == 5)
              & ~raw["geo"].str.endswith("Z") & (raw["OBS_VALUE"] != "")]
    values = raw.set_index("geo")["OBS_VALUE"].astype(float)
    country = values.index.str[:2]
    expected_rank = values.groupby(country).rank(method="min", ascending=False).astype(int)
    expected_n = values.groupby(country).transform("size")
    checked = 0
    for geo in values.sample(30, random_state=1).index:
        fact = next(f for f in facts(store, geo) if f.indicator == "net_migration_rate")
        if fact.year != 2020 or fact.geo != geo:
            continue  # the summary quotes another year or a converted code: not this comparison
        assert (fact.rank_country, fact.n_country) == (expected_rank[geo], expected_n[geo]), geo
        checked += 1
    assert checked >= 20


def test_a_year_without_values_gives_an_empty_map_not_a_crash(store_env, tmp_path, capsys):
    """net_migration_rate at NUTS 3 ends in 2020: asked for 2022, the map data raised KeyError('nuts_version')
    (an empty mask selected columns), and the export command printed a traceback."""
    from dashboard.export.__main__ import main
    from indicators.regions.mapdata import map_data
    from loaders.store import load_store

    data = map_data(load_store(), "net_migration_rate", 3, 2022)
    assert data.values.empty and data.flagged.empty
    assert main(["chart", "--indicator", "net_migration_rate", "--level", "3", "--year", "2022", "--format", "csv",
                 "--out", str(tmp_path / "x.csv")]) != 0
    assert "export failed: no rows" in capsys.readouterr().err
