"""The map page's and the static embeds' plotly.js (dashboard/maps/plotly_bundle.py): the official geo bundle, at
plotly.py's version, with
every trace type the map's figures use, and a plain stop when it is missing or of another version."""

import json
import re
from pathlib import Path

import orjson
import pytest
from plotly.offline import get_plotlyjs_version

from dashboard.maps import map_ahead, plotly_bundle, plotly_map
from dashboard.maps.boundaries import MapFiles
from indicators.regions import tables
from loaders.store import boundary_files

REPO = Path(__file__).resolve().parents[1]


def test_the_geo_bundle_is_plotly_pys_own_plotly_js_version():
    # an upgrade of plotly.py without the README's npm line (or the other way round) fails here, not on a map
    installed = json.loads((plotly_bundle.BUNDLE_DIR / "package.json").read_text())["version"]
    assert installed == get_plotlyjs_version() == plotly_bundle.PLOTLY_VERSION
    assert plotly_map.PLOTLY_JS == plotly_bundle.geo_bundle()
    assert f"plotly.js (geo - minified) v{get_plotlyjs_version()}" in plotly_map.PLOTLY_JS.read_text()[:200]


@pytest.mark.parametrize("installer", ["README.md", ".ci/run", "deploy/container/Containerfile"])
def test_every_set_up_installs_the_bundle_at_plotly_pys_version(installer):
    # a fresh machine, CI and the container get the bundle from these lines: a stale pin would stop the app there
    pins = re.findall(r"plotly\.js-geo-dist-min@([\w.]+)", (REPO / installer).read_text())
    assert pins and set(pins) == {get_plotlyjs_version()}, pins


def test_a_missing_or_other_version_bundle_stops_with_the_command_that_installs_it(tmp_path):
    with pytest.raises(RuntimeError, match=re.escape(plotly_bundle.INSTALL)):
        plotly_bundle.geo_bundle(tmp_path / "absent")
    (tmp_path / "package.json").write_text('{"version": "3.0.0"}')
    with pytest.raises(RuntimeError, match=r"3\.0\.0 does not match .*" + re.escape(plotly_bundle.INSTALL)):
        plotly_bundle.geo_bundle(tmp_path)


@pytest.mark.parametrize("level", [2, 3])
def test_every_trace_of_the_map_page_is_a_type_the_geo_bundle_draws(store, level):
    # the latest year has flagged values (rings: scattergeo) and every figure has the outermost regions' insets
    bundle = plotly_map.PLOTLY_JS.read_text()
    drawn = set(re.findall(r'moduleType:"trace",name:"(\w+)"', bundle))
    background = json.loads(boundary_files(store.path)["background_countries.geojson"])
    maps = MapFiles(store.info["build_id"], tuple(f["id"] for f in background["features"]), "/boundaries")
    years = tables.years(store, "net_migration_rate", level)
    used = set()
    for year in (years[0], years[-1]):
        figure = orjson.loads(map_ahead.map_view(store, maps, "net_migration_rate", level, year, "quantiles",
                                                 "en").figure)
        assert len([k for k in figure["layout"] if k.startswith("geo")]) > 1  # the insets are there
        used |= {trace.get("type", "scatter") for trace in figure["data"]}
    assert {"choropleth", "scattergeo"} <= used <= drawn, (used, drawn)


def test_the_exports_but_the_static_embeds_need_no_bundle():
    """The bundle was read as dashboard.export imported embeds: on a machine without npm's package even a CSV or
    a PDF export stopped. Only the map page and the static embeds check it, when they need it."""
    code = ("import dashboard.maps.plotly_bundle as b\n"
            "def missing(*args): raise RuntimeError('no bundle')\n"
            "b.geo_bundle = missing\n"
            "import dashboard.export.__main__, dashboard.export.embeds\n")
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr[-500:]
