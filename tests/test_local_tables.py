"""The local layer's store tables on the real mirror: cities with points, Spain's municipalities, Italy's reception."""

from __future__ import annotations

import pandas as pd

from loaders.city_tables import ISTAT_NUTS2, read


def test_city_series_joins_both_counts_and_lists_codes_without_points(store):
    series = read(store, "city_series")
    munich = series[(series["geo"] == "DE003C") & (series["year"] == 2021)].iloc[0]
    assert (munich["foreign_born"], munich["population"]) == (93700.0, 1488202.0)  # kept as published
    pop_2024 = series[(series["geo"] == "DE003C") & (series["year"] == 2024)].iloc[0]
    assert pop_2024["population"] == 348152.0 and pop_2024["population_flag"] == "b"
    assert not series.duplicated(["geo", "year"]).any()
    unmatched = read(store, "city_unmatched")
    no_point = set(series.loc[~series["has_point"] & series["kind"].ne("country"), "geo"])
    assert no_point == set(unmatched.loc[unmatched["source_id"] == "urb_cpopcb/urb_cpop1", "geo"])
    points = read(store, "city_points")
    assert len(points) == 725 and points["nuts3_2021"].str.len().eq(5).all()
    silent = set(points.loc[~points["has_foreign_born"], "geo"])
    assert silent == set(unmatched.loc[unmatched["source_id"] == "urau_cities_2021", "geo"])


def test_spanish_municipalities_join_on_lau_codes(store):
    spain = read(store, "es_municipalities")
    municipal = spain[spain["kind"] == "municipality"]
    assert municipal["area"].nunique() > 8000
    assert set(municipal["year"]) == {2021, 2022, 2023, 2024}
    unmatched = read(store, "city_unmatched")
    missing = set(municipal.loc[municipal["nuts3_2021"].isna(), "area"])
    assert missing == set(unmatched.loc[unmatched["source_id"] == "ine_68538", "geo"])
    assert len(missing) < 10


def test_trentino_alto_adige_is_one_row_covering_two_regions(store):
    reception = read(store, "it_reception")
    assert set(reception["region_code"]) == set(ISTAT_NUTS2)
    per_date = reception.groupby("date")["region_code"].count()
    assert per_date.eq(20).all()  # 20 regions, TAA once
    taa = reception[reception["region_code"] == "04"]
    assert taa["nuts2"].eq("ITH1+ITH2").all() and taa["jointly"].all()
    nuts2 = reception["nuts2"].str.split("+").explode()
    assert not reception.assign(n=1).groupby("date")["nuts2"].apply(lambda s: s.str.split("+").explode().duplicated().any()).any()
    assert {"ITH1", "ITH2"} <= set(nuts2)
    # a type not reported stays missing: the total is of the types reported that day
    assert pd.isna(reception["sai"]).any() and reception["total"].notna().all()
