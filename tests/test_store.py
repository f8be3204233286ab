"""The store built from the real mirror: coverage, NUTS versions, joins to geometry, status."""

import json
import subprocess
import sys

import pytest


from loaders.manifest import SOURCES


def _regions_with_value(store, source_id, year, level, **dims):
    o = store.observations
    frame = o[(o["source_id"] == source_id) & (o["year"] == year) & (o["level"] == level) & o["value"].notna()]
    for key, value in dims.items():
        frame = frame[frame[key] == value]
    return frame["geo"].nunique()


def test_coverage_targets(store):
    assert _regions_with_value(store, "demo_r_gind3_nuts2", 2021, 2) >= 260
    assert _regions_with_value(store, "demo_r_gind3_nuts3", 2020, 3, indic_de="CNMIGRATRT") >= 1200
    assert _regions_with_value(store, "europe_locals_nuts2", 2023, 2, c_birth="FOR", unit="PC") >= 255
    assert _regions_with_value(store, "lfst_r_lfur2gac", 2022, 2, c_birth="FOR") >= 160


def test_every_row_carries_provenance(store):
    o = store.observations
    assert o[["source_id", "dataset", "geo", "geo_kind", "flag", "unit"]].notna().all().all()
    regional = o[o["geo_kind"].isin(["region", "country"])]
    with_version = regional["nuts_version"].notna()
    listed = set(zip(store.unmatched["source_id"], store.unmatched["geo"]))
    missing = regional[~with_version][["source_id", "geo"]].drop_duplicates()
    assert all((str(s), str(g)) in listed for s, g in missing.itertuples(index=False))


def test_nuts_versions_come_from_the_code_lists(store):
    o = store.observations.drop_duplicates(["source_id", "geo"]).set_index(["source_id", "geo"])["nuts_version"]
    assert o[("europe_locals_nuts2", "NL35")] == 2024  # exists only in NUTS 2024
    assert o[("europe_locals_nuts2", "UKI7")] == 2021  # UK: not in NUTS 2024
    assert o[("demo_r_gind3_nuts2", "AT11")] == 2021  # in both: the publisher's version
    assert o[("ryb2026_labour", "AT11")] == 2024
    assert o[("demo_r_gind3_nuts3", "AT130")] == 2021  # valid in 2016, 2021 and 2024: the publisher's (2021)
    assert o[("demo_r_gind3_nuts3", "DEG04")] == 2021  # Thuringian district abolished in NUTS 2024
    assert o[("demo_r_gind3_nuts3", "BE221")] == 2016  # only in NUTS 2016: the newest version not newer


def test_every_regional_row_joins_its_geometry_or_is_listed(store):
    o = store.observations
    regional = o[o["geo_kind"].isin(["region", "country"])][["source_id", "geo", "nuts_version"]].drop_duplicates()
    shapes = store.regions[store.regions["has_geometry"]]
    joined = regional.merge(shapes[["version", "geo"]].assign(has=True), left_on=["nuts_version", "geo"],
                            right_on=["version", "geo"], how="left")
    unjoined = joined[joined["has"].isna()]
    listed = set(zip(store.unmatched["source_id"], store.unmatched["geo"]))
    not_listed = [(s, g) for s, g in zip(unjoined["source_id"].astype(str), unjoined["geo"].astype(str)) if (s, g) not in listed]
    assert not not_listed, not_listed[:10]
    assert store.unmatched["reason"].str.len().gt(0).all()


def test_aggregates_and_residual_codes_are_marked(store):
    kinds = store.observations.drop_duplicates("geo").set_index("geo")["geo_kind"]
    assert kinds["EU27_2020"] == "aggregate"
    assert kinds["FRXX"] == "not_regionalised"
    assert store.observations[store.observations["geo_kind"] == "aggregate"]["nuts_version"].isna().all()


def test_missing_stays_missing(store):
    o = store.observations
    europe = o[(o["source_id"] == "europe_locals_nuts2") & (o["flag"] == "c")]
    assert len(europe) > 0 and europe["value"].isna().all()


def test_status_json_lists_every_source_with_rows(store_env):
    out = subprocess.run([sys.executable, "-m", "loaders", "status", "--json"], capture_output=True, text=True,
                         check=True)
    rows = {r["id"]: r for r in json.loads(out.stdout)}
    assert set(rows) == {s.id for s in SOURCES}
    assert all(r["present"] and r["rows"] > 0 for r in rows.values()), [i for i, r in rows.items() if not r["rows"]]
    assert rows["demo_r_gind3_nuts2"]["years"] == "2000-2021"
    assert rows["demo_r_gind3_nuts2"]["upstream_last_update"] == "14/04/23 23:00:00"


@pytest.mark.slow  # a second full build
def test_build_is_idempotent(store_env, store):
    from loaders.store import build, load_store

    build()
    again = load_store()
    assert again.observations.equals(store.observations)
    folders = [p for p in (store_env / "store").iterdir() if p.is_dir()]
    assert len(folders) == 2 and store.path.exists()  # the new build, and the previous one for running readers


def test_clear_cache_removes_the_projects_folders_and_nothing_else(own_cache, capsys):
    from loaders.__main__ import main

    (own_cache / "raw").mkdir(parents=True)
    (own_cache / "raw" / "x.csv").write_text("1")
    (own_cache / "store").mkdir()
    (own_cache / "notes.txt").write_text("someone else's")
    assert main(["clear-cache"]) == 0
    assert "removed" in capsys.readouterr().out
    assert sorted(p.name for p in own_cache.iterdir()) == ["notes.txt"]
