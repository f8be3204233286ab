"""Shared first ranks that come from the scale's clipping, not from equal values: counted, explained beside
the tables, and the method unchanged (scores still recomputed by tests/test_ranking.py and test_lau_ranking.py)."""

from __future__ import annotations

from dashboard.screens import rank_breakdown
from indicators.places import lau_ranking
from indicators.regions import presets
from indicators.regions.composite import clipped_top, composite


def test_municipalities_sharing_rank_1_are_at_the_clip_point_not_equal(store):
    result = lau_ranking.ranking(store)
    first = result[result["rank"] == 1]
    assert len(first) > 1 and (first["score"].round(1) == 100).all()
    # their own values differ: the tie is the clipping at the 98th percentile, not equal values
    assert any(first[f"value_{m}"].nunique() > 1 for m in lau_ranking.MEASURES)
    scaled = lau_ranking.scores(store).loc[first["gisco_id"]]
    assert (scaled.max(axis=1) == 100).all() and (scaled.min(axis=1) > 99.9).all()
    assert clipped_top(result) == len(first)
    note = rank_breakdown.clipped_tie_note(result, "municipalities", "fr")
    assert f"{len(first)} communes" in note.replace("\u202f", " ").replace("\xa0", " ") and "2 %" in note


def test_regions_sharing_rank_1_at_nuts3_are_explained_too(store):
    result = composite(store, 3, presets.preset_weights(presets.DEFAULT_PRESET, 3), stability=False)
    first = result[result["rank"] == 1]
    if len(first) > 1 and (first["score"].round(1) == 100).all():
        assert clipped_top(result) == len(first)
        assert str(len(first)) in rank_breakdown.clipped_tie_note(result, "regions", "en")
    else:
        assert clipped_top(result) == 0


def test_a_single_first_or_a_tie_below_100_says_nothing(store):
    result = composite(store, 2, presets.preset_weights(presets.DEFAULT_PRESET, 2), stability=False)
    single = result.assign(rank=result["rank"].where(result.index != 1, 2))  # only one row at rank 1
    single = single.assign(score=single["score"].where(single["rank"] != 1, 87.5))
    assert clipped_top(single) == 0 and rank_breakdown.clipped_tie_note(single, "regions", "en") == ""
