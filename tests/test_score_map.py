"""The most-affected score maps: regions too thin to rank are drawn apart from countries outside the ranking
(their own colour and legend entry, outermost insets kept), the unit is said once, and the municipal map's
source line is in the reader's language."""

from __future__ import annotations

from dashboard.export import ranking_maps
from dashboard.i18n import tr
from dashboard.maps import figures, map_insets
from indicators.places import lau_ranking
from indicators.regions import presets
from indicators.regions.composite import composite


def _colour(trace) -> str:
    return trace.colorscale[0][1]


def test_regions_too_thin_to_rank_are_not_drawn_as_not_covered(store):
    result = composite(store, 2, presets.preset_weights(presets.DEFAULT_PRESET, 2), stability=False)
    thin = set(result.loc[result["rank"].isna(), "geo"])
    assert thin, "the default ranking leaves some regions unranked (RO, BG, part of PL)"
    fig = ranking_maps.region_map(store, result, 2, "fr")
    named = {t.name: t for t in fig.data if t.showlegend}
    unranked, outside = tr("Not ranked: too little data", "fr"), tr("Not covered", "fr")
    assert unranked in named and outside in named
    drawn = {g: t.geo for t in fig.data if t.name == unranked for g in t.locations}
    assert set(drawn) == thin & set(result.loc[result["nuts_version"].notna(), "geo"])
    assert _colour(named[unranked]) != _colour(named[outside])
    # Mayotte, unranked in the default ranking, keeps its inset (it vanished when only ranked regions were drawn)
    assert "FRY5" in thin and drawn["FRY5"] != map_insets.MAIN


def test_the_score_legend_says_its_unit_once(store):
    result = composite(store, 2, presets.preset_weights(presets.DEFAULT_PRESET, 2), stability=False)
    fig = ranking_maps.region_map(store, result, 2, "en")
    assert fig.layout.legend.title.text == "Score (0-100)"
    assert not [t.name for t in fig.data if t.name and "0-100" in t.name]  # was "0.0 – 50 score 0-100"


def test_the_municipal_score_map_speaks_french(store):
    ranked = lau_ranking.ranking(store, countries=["LU"]).dropna(subset=["rank"])
    fig = ranking_maps.town_map(ranked, ranking_maps.town_subtitle(len(ranked), "fr"), "fr")
    credit = figures.credit_text(fig)
    assert "communes : Eurostat GISCO" in credit and "municipalities" not in credit
    assert fig.layout.legend.title.text == "Score (0-100)"
    assert not [t.name for t in fig.data if t.name and "0-100" in t.name]  # was "0.0 – 50 score 0-100"

