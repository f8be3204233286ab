"""The most-affected ranking: scores recomputed by hand from published values, filters that select and never
rescale, OR/AND typology filters, the not-ranked list, presets in the URL, and the page."""

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.pages import PAGES, ROUTER
from dashboard.state import View, parse, to_params
from geodata.codes import EU27
from indicators.regions import presets, tables
from indicators.regions.composite import composite, not_ranked, regions_with
from indicators.regions.ranking_table import breakdown, csv_rows
from indicators.registry import REGISTRY

WEIGHTS_2 = presets.LEGACY_DEFAULT_WEIGHTS[2]  # five indicators, unequal weights
SCRIPT = {p.key: p.script for p in PAGES}["most_affected"]


def test_two_scores_recomputed_from_published_values(store):
    result = composite(store, 2, WEIGHTS_2, stability=False)
    eu = csv_rows(result, "test")  # every EU-27 NUTS 2 region with its raw values, one column per indicator
    by_geo = eu.set_index("geo")
    for geo in ("ITC4", "AT13"):
        expected_terms, weight_with_data = 0.0, 0.0
        for indicator_id, weight in WEIGHTS_2.items():
            ind = REGISTRY[indicator_id]
            published = tables.table(store, ind, level=2, year=tables.latest_year(store, ind, 2))
            value = published.loc[published["geo"] == geo, "value"].dropna()
            assert len(value) and np.allclose(value, by_geo.loc[geo, f"{indicator_id}_value"]), (geo, indicator_id)
            reference = eu[f"{indicator_id}_value"].dropna().to_numpy(dtype=float)
            low, high = np.quantile(reference, 0.02), np.quantile(reference, 0.98)
            scaled = (min(max(float(value.iloc[0]), low), high) - low) / (high - low) * 100
            expected_terms += weight * scaled
            weight_with_data += weight
        expected = expected_terms / weight_with_data
        assert by_geo.loc[geo, "score"] == pytest.approx(expected, abs=0.01), geo
        assert breakdown(store, 2, WEIGHTS_2, geo)["contribution"].sum() == pytest.approx(expected, abs=1e-6)


def test_filters_select_and_never_rescale(store):
    weights = presets.preset_weights("arrival_pressure", 3)
    everyone = composite(store, 3, weights, stability=False).set_index("geo")
    assert set(everyone["country"]) <= EU27  # EU-27 by default
    filtered = composite(store, 3, weights, countries=["DE", "FR"], stability=False,
                         regions=regions_with(store, {"coastal": ["coastal"]})).set_index("geo")
    assert 0 < len(filtered) < len(everyone) and set(filtered["country"]) == {"DE", "FR"}
    pd.testing.assert_series_equal(filtered["score"], everyone.loc[filtered.index, "score"])
    wider = composite(store, 3, weights, outside_eu=True, stability=False).set_index("geo")
    pd.testing.assert_series_equal(wider.loc[everyone.index, "score"], everyone["score"])
    assert wider.loc[wider["country"].isin(["CH", "NO"]), "score"].notna().any()  # opted in: ranked too


def test_typology_filters_are_or_within_a_group_and_across_groups(store):
    coastal = regions_with(store, {"coastal": ["coastal"]})
    island = regions_with(store, {"island": ["Island"]})
    urban = regions_with(store, {"urban_rural": ["predominantly urban"]})
    intermediate = regions_with(store, {"urban_rural": ["intermediate"]})
    assert regions_with(store, {"urban_rural": ["predominantly urban", "intermediate"]}) == urban | intermediate
    assert regions_with(store, {"coastal": ["coastal"], "island": ["Island"]}) == coastal | island  # geography: OR
    both = regions_with(store, {"coastal": ["coastal"], "island": ["Island"], "urban_rural": ["predominantly urban"]})
    assert both == (coastal | island) & urban and 0 < len(both) < len(urban)
    assert regions_with(store, {}) is None


def test_not_ranked_lists_only_selected_regions_that_could_not_be_scored(store):
    weights = presets.preset_weights("arrival_pressure", 3)
    result = composite(store, 3, weights, countries=["BE", "DE"], stability=False)
    missing = not_ranked(result).set_index("geo")
    unscored = set(result.loc[result["score"].isna(), "geo"])
    assert set(missing.index) == unscored and unscored  # Belgium's 2024 arrondissements have no 2020 rate
    assert all(g[:2] in ("BE", "DE") for g in missing.index)  # filtered out is not a reason
    reason = str(missing["reason"].iloc[0])
    assert "Net migration rate for 2020" in reason and "needed" in reason
    assert len(result) == result["rank"].notna().sum() + len(missing)


def test_presets_and_own_mix_go_through_the_url():
    for view in (View(level=2, preset="integration_gaps"),
                 View(level=2, preset="own", weights={"foreign_born_share": 2.5, "net_migration_rate": 1.0}),
                 View(level=3, typology={"coastal": ["coastal"], "island": ["Island"], "urban_rural": ["intermediate"]},
                      countries=["IT"], outside_eu=True)):
        assert parse(to_params(view), {"IT"}) == (view, [])
    assert parse({"preset": "loudest"}, set())[1]  # an unknown preset is warned about, not guessed
    # a named preset is its weights; own weights are absolute; weights beside a preset make an own mix from it
    assert presets.resolve("arrival_pressure", {}, 2) == ("arrival_pressure", presets.preset_weights("arrival_pressure", 2), "")
    assert presets.resolve("own", {"foreign_born_share": 2.0}, 2)[:2] == ("own", {"foreign_born_share": 2.0})
    own, weights, note = presets.resolve("integration_gaps", {"foreign_born_share": 2.0}, 2)
    assert own == "own" and weights == {**presets.preset_weights("integration_gaps", 2), "foreign_born_share": 2.0} and note
    legacy = presets.resolve(None, {"net_migration_rate": 0.0}, 2)  # a link from before presets
    assert legacy[1] == {**presets.LEGACY_DEFAULT_WEIGHTS[2], "net_migration_rate": 0.0} and legacy[2]


def test_every_preset_says_what_each_level_has():
    assert presets.availability("integration_gaps", 3)["used"] == []
    assert "None of its indicators is published at NUTS 3" in presets.availability_text("integration_gaps", 3)
    text = presets.availability_text("arrival_pressure", 3)
    assert "Only at NUTS 2: Foreign-born change" in text and "Only for whole countries" in text


def test_the_csv_carries_the_definition_and_each_value_s_provenance(store):
    from dashboard.export.csvs import to_csv_bytes

    weights = presets.preset_weights("arrival_pressure", 3)
    result = composite(store, 3, weights, countries=["BE"], stability=False)
    definition = presets.describe("arrival_pressure", 3, weights)
    rows = csv_rows(result, definition).set_index("geo")
    assert (rows["ranking"] == definition).all() and "EU-27" in definition and "Arrival pressure" in definition
    assert rows.loc["BE224", "rank"] is pd.NA and pd.isna(rows.loc["BE224", "score"])  # unranked: listed, empty
    assert rows["net_migration_rate_dataset"].eq("demo_r_gind3").all() and rows["net_migration_rate_year"].eq(2020).all()
    assert rows["net_migration_rate_licence"].str.contains("Eurostat").all()
    assert not to_csv_bytes(rows.reset_index()).decode("utf-8-sig").count("'=")  # no rank made into text


def test_cli_ranks_a_preset_and_says_what_it_could_not(store_env, capsys):
    import json

    from indicators.__main__ import main

    assert main(["most-affected", "--level", "2", "--preset", "integration_gaps", "--countries", "ES", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["preset"] == "integration_gaps" and "Only for whole countries" in out["available"]
    assert out["regions"] and all(r["geo"].startswith("ES") for r in out["regions"] + out["not_ranked"])
    assert main(["most-affected", "--level", "3", "--preset", "integration_gaps"]) == 2  # none at NUTS 3, said
    assert "no indicator at NUTS 3" in capsys.readouterr().err


@pytest.fixture
def _page_env(store_env):
    from dashboard import cached

    cached.forget()
    yield


def test_page_shows_the_preset_its_definition_and_a_clean_table(_page_env):
    at = AppTest.from_file(str(ROUTER), default_timeout=240)
    at.query_params.update(level="2", preset="integration_gaps", countries="ES")
    at.run()
    at.switch_page(SCRIPT).run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.radio(key="w_ma_preset").value == "integration_gaps" and not at.warning
    assert any(presets.PRESETS["integration_gaps"].definition in m.value for m in at.markdown)
    table = at.dataframe[0].value
    assert {"Rank", "Region", "Score", "Unemployment gap", "Unemployment gap: points"} <= set(table.columns)
    assert table["Unemployment gap"].str.fullmatch(r"-?[\d,]+\.\d pp|no value").all()  # unit, 1 decimal, no "None"
    assert not [c for c in table.columns if "Δ" in c or c.startswith(("rank_", "contribution_"))]
    assert table["Code"].str.startswith("ES").all() and "Not ranked: too little data" in [h.value for h in at.header]
    assert any("two thirds of the weight" in c.value for c in at.caption)  # the rule, beside the table
    assert at.button(key="prep_png_most_affected_score_nuts2") is not None  # the score map as an image
    assert at.query_params["preset"] == "integration_gaps" and at.query_params["countries"] == "ES"
    at.radio(key="w_ma_preset").set_value("arrival_pressure").run()
    assert at.query_params["preset"] == "arrival_pressure"
    assert "Net migration rate" in at.dataframe[0].value.columns


@pytest.mark.slow  # a whole-page render of a region profile
def test_region_profile_shows_why_it_ranks_here(_page_env, store):
    at = AppTest.from_file(str(ROUTER), default_timeout=240)
    at.query_params.update(geo="ITC4", preset="integration_gaps")
    at.run()
    at.switch_page({p.key: p.script for p in PAGES}["region"]).run()
    assert not at.exception, [e.message for e in at.exception]
    assert "Why it ranks here" in [h.value for h in at.header]
    assert any("on **Integration gaps**" in c.value and "EU-27 NUTS 2 regions" in c.value for c in at.caption)
    shown = next(d.value for d in at.dataframe if "Contribution" in d.value.columns)
    expected = breakdown(store, 2, presets.preset_weights("integration_gaps", 2), "ITC4")
    assert list(shown["Indicator"]) == list(expected["label"])
    assert np.allclose(shown["Contribution"], expected["contribution"])


def test_page_filters_nuts3_by_typology_groups_and_warns_about_unknown_values(_page_env, store):
    at = AppTest.from_file(str(ROUTER), default_timeout=240)
    at.query_params.update(level="3", countries="EL", typology="coastal:coastal,island:Island,coastal:Sandy")
    at.run()
    at.switch_page(SCRIPT).run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("territorial-type value in the link is not known" in w.value for w in at.warning)
    assert at.multiselect(key="w_typo_2").value == ["coastal:coastal", "island:Island"]  # geography: either
    expected = regions_with(store, {"coastal": ["coastal"], "island": ["Island"]})
    listed = set(at.dataframe[0].value["Code"]) | set(not_ranked(composite(
        store, 3, presets.preset_weights("arrival_pressure", 3), countries=["EL"], regions=expected))["geo"])
    assert listed == {g for g in expected if g.startswith("EL")}
    assert at.query_params["typology"] == "coastal:coastal,island:Island"  # the unknown value is not written back


def test_converting_one_year_gives_the_full_series_rows_of_that_year(store):
    from indicators.regions import lookup, versions

    ind = REGISTRY["net_migration_rate"]
    year = tables.latest_year(store, ind, 2)
    for version in lookup.current_layer(store, 2)["nuts_version"].unique():
        full = versions.in_version(store, ind, 2, int(version))
        one = versions.in_version(store, ind, 2, int(version), year)
        columns = ["geo", "value", "flag", "period", "converted"]
        pd.testing.assert_frame_equal(full.loc[full["year"].eq(year), columns].sort_values("geo").reset_index(drop=True),
                                      one[columns].sort_values("geo").reset_index(drop=True))
        assert one["converted"].any() or version != 2024  # NL/PT successors are converted into 2024


def test_the_page_s_preset_wording_is_the_presets_wording_in_english():
    """The screen translates the presets by id through tr() literals; in English it must say exactly what
    indicators/regions/presets.py says (the CLI and the CSV read it there), or the two drift apart unnoticed."""
    from dashboard.screens import most_affected, rank_breakdown

    for preset_id in (*presets.PRESETS, presets.OWN):
        assert rank_breakdown.preset_label(preset_id, "en") == presets.label(preset_id)
        assert rank_breakdown.preset_definition(preset_id, "en") == presets.definition(preset_id)
        for level in presets.LEVELS:
            assert most_affected.availability_text(preset_id, level, "en") == presets.availability_text(preset_id, level)
            weights = {**presets.preset_weights(preset_id, level), "net_migration_rate": 0.5}
            assert most_affected.describe(preset_id, level, weights, "en") == presets.describe(preset_id, level, weights)
    for preset_id, weights in (("own", {}), (None, {"net_migration_rate": 2.0}), ("integration_gaps", {"x": 1.0})):
        note = presets.resolve(preset_id, weights, 2)[2]
        assert note and most_affected.resolve_note(preset_id, "en") == note, preset_id
    assert presets.resolve("arrival_pressure", {}, 2)[2] == ""  # a plain preset has no note to translate


def test_the_ranking_in_french_writes_numbers_and_words_the_french_way():
    from dashboard.screens import most_affected, rank_breakdown

    assert rank_breakdown.value_in(23.66, "net_migration_rate", "fr") == "23,7 ‰"
    assert rank_breakdown.value_in(None, "net_migration_rate", "fr") == "aucune valeur"  # never 0, never "None"
    assert rank_breakdown.preset_label("integration_gaps", "de") == "Integrationslücken"
    weights = {"unemployment_gap_foreign_born": 1.0, "low_education_gap_foreign_born": 0.5}
    line = most_affected.describe("integration_gaps", 2, weights, "fr")
    assert line.startswith("Écarts d'intégration (NUTS 2) :") and "×0,5" in line and "UE-27" in line
    assert "Weights" not in line  # the CSV's definition follows the language; its column names stay English


# --- issue 22 item 6: a region is ranked only on most of its definition (OECD/JRC handbook) -------------------


def test_a_region_is_ranked_only_when_its_values_carry_two_thirds_of_the_weight(store):
    """Arrival pressure at NUTS 2 ranked RO21 #1 on net migration alone (half the weight)."""
    result = composite(store, 2, presets.preset_weights("arrival_pressure", 2), stability=False).set_index("geo")
    assert pd.isna(result.at["RO21", "rank"]) and result.at["RO21", "coverage"] == pytest.approx(0.5)
    ranked = result[result["rank"].notna()]
    assert len(ranked) and (ranked["coverage"] >= 2 / 3 - 1e-9).all()
    reason = str(not_ranked(result.reset_index()).set_index("geo").at["RO21", "reason"])
    # the others are listed as "not ranked: too little data", with what they have
    assert reason.startswith("too little data") and "has Net migration rate" in reason and "67% needed" in reason


def test_equal_scores_share_a_rank():
    from indicators.regions.composite import score

    scores = pd.DataFrame({"a": [80.0, 80.0, 20.0, np.nan], "b": [60.0, 60.0, 10.0, 5.0]}, index=list("wxyz"))
    out = score(scores, {"a": 1.0, "b": 1.0})
    assert list(out["rank"].astype("Float64").fillna(-1)) == [1, 1, 3, -1]  # z: half the weight, not ranked
    assert list(out["tied"].fillna(0)) == [2, 2, 1, 0]


def test_the_data_share_sits_beside_the_score(store):
    from indicators.regions.ranking_table import display_table

    table = display_table(composite(store, 2, WEIGHTS_2, stability=False))
    columns = list(table.columns)
    assert columns.index("Data for (% of weight)") == columns.index("Score") + 1


def test_why_it_ranks_here_never_says_none(store):
    """A region ranked with one indicator missing: its share of weight is 0 % there, never None."""
    parts = breakdown(store, 2, WEIGHTS_2, "DE50")
    assert parts["value"].isna().any() and parts["weight_share"].notna().all()
    assert parts["weight_share"].sum() == pytest.approx(1.0)


def test_the_score_map_image_carries_title_sources_licences_and_boundaries(store, monkeypatch):
    """The score map downloads like every other map: its image has the lines burned in (the renderer is
    stubbed here; the image itself is made in the browser suite's downloads)."""
    from dashboard.export import images, ranking_maps

    made = {}
    monkeypatch.setattr(images, "figure_image", lambda fig, fmt, size, scale=1: made.update(fig=fig, fmt=fmt) or b"x")
    weights = presets.preset_weights("arrival_pressure", 2)
    ranked = composite(store, 2, weights, stability=False).dropna(subset=["rank"])
    assert ranking_maps.region_image(store, ranked, 2, weights, "png", "fr") == b"x"
    fig = made["fig"]
    lines = " ".join(a.text for a in fig.layout.annotations)
    assert fig.layout.title.text.startswith("Score des régions les plus concernées") and made["fmt"] == "png"
    assert "demo_r_gind3" in lines and "EuroGeographics" in lines and "Territorial Migration Atlas" in lines
    assert "2011/833/UE" in lines  # the licence, not only the source, in the image's language (French: UE)


def test_the_pack_s_comparison_table_carries_score_and_rank(store):
    from dashboard.export import pdf

    preset, found = pdf.scores(store, ["RO21", "AT13", "ITC4", "ES703"], (None, {}))
    assert preset == "arrival_pressure" and "RO21" not in found  # half the weight: not ranked, said in the table
    score, rank, tied, count = found["AT13"]
    expected = composite(store, 2, presets.preset_weights("arrival_pressure", 2), stability=False).set_index("geo")
    assert score == pytest.approx(expected.at["AT13", "score"]) and rank == expected.at["AT13", "rank"]
    assert count == expected["rank"].notna().sum() and "ES703" in found  # NUTS 3 on its own level
    preset, found = pdf.scores(store, ["ITC4", "AT13"], ("integration_gaps", {}))
    assert preset == "integration_gaps" and set(found) <= {"ITC4", "AT13"}


@pytest.mark.slow  # a pack of two regions
def test_the_pack_prints_score_and_rank(store, monkeypatch):
    import io

    from PIL import Image
    from pypdf import PdfReader

    from dashboard.export import pdf

    blank = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(blank, "PNG")
    monkeypatch.setattr(pdf, "figure_image", lambda fig, fmt, size=None: blank.getvalue())  # no browser needed
    cover = " ".join(PdfReader(io.BytesIO(pdf.pack(store, ["AT13", "RO21"], "en"))).pages[0].extract_text().split())
    assert "Score (0-100)" in cover and "Rank in EU" in cover and "not ranked" in cover and " of " in cover
