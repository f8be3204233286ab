"""Exported maps and charts keep every text inside the figure and in its frame (measured as plotly.js lays them
out in chromium, as the image renderer does), and show whole countries."""

from __future__ import annotations

import orjson
import pytest
from playwright.sync_api import sync_playwright

from dashboard.maps import figures
from dashboard.export import images
from indicators.regions import compare
from indicators.registry import REGISTRY
from indicators.regions.tables import latest_year
from tests.figure_geometry import text_boxes

SLACK = 1  # px: anti-aliasing


def _map(store, size):
    return images.map_figure(store, "net_migration_rate", 3, latest_year(store, "net_migration_rate", 3), size=size)


def _screen_map(store):
    """The map page's figure (boundaries inlined, so nothing is fetched)."""
    from indicators.regions.mapdata import map_data

    data = map_data(store, "net_migration_rate", 3, latest_year(store, "net_migration_rate", 3))
    geojson = {v: orjson.loads(store.screen_geojson(v, 3)) for v in (2021, 2024)}
    background = orjson.loads(store.background_geojson())
    return figures.indicator_map(data, lambda v: geojson[int(v)],
                                 (background, [f["id"] for f in background["features"]]), layout="screen")


def test_an_exported_map_shows_turkey_whole(store):
    """Turkey (in the background) was cut by the image's east edge."""
    background = orjson.loads(store.background_geojson())
    turkey = next(f for f in background["features"] if f["id"] == "TR")
    lons = [p[0] for poly in turkey["geometry"]["coordinates"] for ring in poly for p in ring] if (
        turkey["geometry"]["type"] == "MultiPolygon") else [p[0] for ring in turkey["geometry"]["coordinates"] for p in ring]
    fig = _map(store, images.MAP_SIZES["article"])
    west, east = fig.layout.geo.lonaxis.range
    assert west <= min(lons) and max(lons) <= east


def test_a_map_subtitle_is_set_in_lines_a_phone_shows(store):
    fig = _map(store, images.MAP_SIZES["article"])
    for line in fig.layout.title.text.split("<br>")[1:]:
        text = line.split(">", 1)[1].rsplit("<", 1)[0]
        assert len(text) <= figures.SUBTITLE_CHARS, text


@pytest.mark.browser  # lays the figures out in chromium
def test_exported_maps_and_the_compare_chart_keep_their_texts_inside(store):
    cases = [(name, _map(store, size), *images.design_size(size)) for name, size in images.MAP_SIZES.items()]
    cases.append(("phone", _screen_map(store), 358, 700))  # the map page on a 390 px phone, less the padding
    ind = REGISTRY["foreign_born_share"]
    values = compare.latest(store, ind, ["ITC4", "AT13", "DE11", "FR10", "ES30", "NL32"])
    refs = compare.references(store, ind, values).assign(name=lambda f: f["geo"], label=lambda f: f["label"].map(str))
    bars = figures.grouped_bars(values, ind, f"{ind.label} (latest year per region)", references=refs)
    cases += [("bars", bars, *images.CHART_SIZE), ("bars_phone", bars, 358, 500)]  # 390 px less the page's padding
    with sync_playwright() as playwright:
        boxes = text_boxes(playwright, [(fig.to_json(), int(w), int(h)) for _, fig, w, h in cases])
    for (name, fig, width, height), box in zip(cases, boxes):
        title = box["title"][0]
        assert title["top"] >= 8, f"{name}: the title touches the top edge ({title['top']:.0f} px)"
        assert title["right"] <= width + SLACK, f"{name}: the title runs off the right edge"
        for text in box["annotations"]:
            assert 0 <= text["top"] and text["bottom"] <= height + SLACK, f"{name}: {text['text'][:30]} is cut"
            assert text["right"] <= width + SLACK, f"{name}: {text['text'][:30]} runs off the right edge"
        frames = box["frames"]
        insets = {n for _, n in images.map_insets.OUTERMOST} if name != "phone" else set()  # screen: over the sea
        for label in (a for a in box["annotations"] if a["text"] in insets):
            frame = min(frames, key=lambda f: abs(f["left"] - label["left"]) + abs(f["top"] - label["top"]))
            assert frame["left"] <= label["left"] and label["right"] <= frame["right"] + SLACK, (
                f"{name}: {label['text']} overflows its inset")
        if box["legend"]:
            assert max(i["bottom"] for i in box["legend_items"]) <= box["legend"][0]["bottom"] + SLACK, (
                f"{name}: the legend is cut")
