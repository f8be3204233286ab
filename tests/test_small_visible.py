"""Small things a first-time reader sees: scale bars and the radius on 1 km maps, footnote markers, icons that need
no emoji font, and Compare's country and EU bars."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import i18n
from dashboard.maps import figures
from dashboard.maps.europe_grid import europe_figure
from dashboard.maps.local_map import local_map
from dashboard.pages import ROUTER
from dashboard.maps.region_grid_map import region_grid_map
from indicators.regions import compare
from indicators.places import local
from indicators.registry import REGISTRY

DASHBOARD = Path(__file__).resolve().parents[1] / "dashboard"
# pictographs and the emoji presentation selector: drawn as an empty box without an emoji font (the server's
# fonts, the PDFs' fonts, many readers' machines)
EMOJI = re.compile("[\U0001F000-\U0001FAFF\uFE0F]")


def _scale(fig) -> float:
    """The scale bar's length in km, checked against its label."""
    bars = [s for s in fig.layout.shapes if s.name == "scale" and s.y0 == s.y1]
    assert bars, "no scale bar"
    length = bars[0].x1 - bars[0].x0
    label = next(a.text for a in fig.layout.annotations if a.name == "scale")
    assert label == f"{length:g} km"
    return length


@pytest.mark.parametrize("radius", [2, 5])
def test_the_town_map_has_a_scale_bar_and_states_its_radius(store, radius):
    town = local.municipality(store, "NL_GM0513")
    fig = local_map(store, town, "born_abroad", radius, lang="fr")
    assert 5 <= _scale(fig) <= 10  # of a 40 km window
    assert f"Cercle rouge : {radius} km" in fig.layout.title.text  # in the image, so an export says it


@pytest.mark.parametrize("geo", ["AT126", "ES41"])
def test_region_1_km_maps_and_the_europe_grid_have_a_scale_bar(store, geo):
    fig, _ = region_grid_map(store, geo, geo)
    assert 5 <= _scale(fig) <= 100
    assert _scale(europe_figure(store, "born_abroad")) == 500


def test_no_reader_facing_text_needs_an_emoji_font():
    found = [f"{path.relative_to(DASHBOARD)}: {EMOJI.findall(path.read_text(encoding='utf-8'))}"
             for path in sorted(DASHBOARD.rglob("*")) if path.suffix in (".py", ".json", ".js", ".toml")
             and EMOJI.search(path.read_text(encoding="utf-8"))]
    assert not found, found


@pytest.mark.slow  # a whole-page render of the town page (test_town_page renders it in the fast loop)
def test_the_town_page_footnote_marker_is_not_a_list_bullet(store_env):
    from dashboard import cached

    cached.forget()
    at = AppTest.from_file(str(ROUTER), default_timeout=180)
    at.query_params["lau"] = "NL_GM0513"
    at.switch_page("views/town.py").run()
    assert not at.exception, [e.message for e in at.exception]
    notes = [c.value for c in at.caption if "place of birth is known" in c.value]
    assert notes and all(not re.match(r"\s*[*+-]\s", note) for note in notes), notes  # Markdown: a bullet


def test_compare_bars_carry_the_countries_and_the_eu_or_say_they_are_missing(store):
    ind = REGISTRY["foreign_born_share"]
    values = compare.latest(store, ind, ["ITC4", "AT13", "FR10"])
    refs = compare.references(store, ind, values)
    by = refs.set_index("geo")
    year = int(values["year"].mode().max())
    assert set(by.index) == {"IT", "AT", "FR", "EU"} and (refs["year"] == year).all()
    assert by.loc["EU", "value"] is not None and 5 < by.loc["EU", "value"] < 30  # a real EU figure
    assert by.loc["FR", "value"] is None or by.loc["FR", "value"] != by.loc["FR", "value"]  # partial: not drawn
    assert str(by.loc["EU", "label"]).startswith(("EU27", "EU"))
    named = refs.assign(name=refs["geo"].replace({"EU": "EU27"}), label=refs["label"].map(str))
    fig = figures.grouped_bars(values, ind, "title", references=named)
    drawn = [x for trace in fig.data for x in trace.x]
    assert {"EU27", "IT", "AT"} <= set(drawn) and "FR" not in drawn
    assert f"No reference value for FR in {year}" in fig.layout.title.text


def test_the_scatter_says_its_sources_once_and_its_legend_in_the_readers_language(store):
    """Two credits joined as "Source: A; Source: B" read as a stutter; the legend read "other regions" in French."""
    x, y = (i18n.localised(REGISTRY[i], "fr") for i in ("net_migration_rate", "population"))
    both = compare.side_by_side(store, "net_migration_rate", "population", 2)
    fig = figures.scatter(both, x, y, list(both["geo"][:2]), "titre", "fr")
    title = re.sub("<[^>]+>", " ", fig.layout.title.text.replace("<br>", " "))
    title = re.sub(" +", " ", title)
    assert title.count("Source") == 1 and "Sources : Eurostat (demo_r_gind3)\u00a0; Eurostat (" in title, title
    assert [t.name for t in fig.data] == ["autres régions", "régions choisies"]
