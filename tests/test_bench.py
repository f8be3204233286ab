"""The benchmark's own helpers on small inputs (what they return and serve, never how fast)."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request

import pytest

from bench.bare_plotly import BarePage, BareStreamlit
from bench.build import copy_mirror_seconds, timed_command


def test_timed_command_reports_wall_and_cpu_of_a_child(tmp_path):
    # the child sleeps 0.3 s, then spins until it has used 0.3 s of CPU: both are lower bounds the timer must see
    spin = "import time; time.sleep(0.3)\nwhile time.process_time() < 0.3: pass"
    wall, cpu = timed_command([sys.executable, "-c", spin], env={})
    assert cpu >= 0.3 and wall >= 0.6 and wall >= cpu
    with pytest.raises(subprocess.CalledProcessError):
        timed_command([sys.executable, "-c", "raise SystemExit(3)"], env={})
    (tmp_path / "mirror").mkdir()
    (tmp_path / "mirror" / "a.csv").write_text("x\n1\n")
    assert copy_mirror_seconds(tmp_path / "mirror") >= 0 and (tmp_path / "mirror" / "a.csv").exists()


def test_bare_page_serves_the_map_figure_with_everything_it_fetches(store):
    page = BarePage(store, "net_migration_rate", 3, (2020, 2019), (900, 700))
    try:
        get = lambda path: urllib.request.urlopen(page.url.rstrip("/") + path, timeout=10).read()  # noqa: E731
        assert b"/plotly.min.js" in get("/") and b"cdn" not in get("/").lower()
        assert len(get("/plotly.min.js")) > 1_000_000  # plotly's bundle, served locally
        figure = json.loads(get("/figure_a.json"))
        titles = [json.dumps(json.loads(get(f"/figure_{n}.json"))["layout"]["title"]) for n in "ab"]
        assert "2020" in titles[0] and "2019" in titles[1]  # the two years the app's year key moves between
        urls = {t["geojson"] for t in figure["data"] if isinstance(t.get("geojson"), str)}
        assert urls, "the map's geometry goes by URL, as on the app's page"
        for url in urls:
            assert json.loads(get(url))["type"] == "FeatureCollection"
        assert json.loads(get("/boundaries/base/world_110m.json"))["type"] == "Topology"
    finally:
        page.stop()


@pytest.mark.slow
def test_bare_streamlit_page_serves_the_same_map_from_its_static_folder(store):
    """Issue 22 item 10's floor: a one-chart Streamlit app whose figure's boundary URLs it serves itself."""
    bare = BareStreamlit(store, "net_migration_rate", 3, 2020)
    try:
        figure = json.loads((bare.folder / "figure.json").read_text())
        urls = {t["geojson"] for t in figure["data"] if isinstance(t.get("geojson"), str)}
        assert urls and all(u.startswith("/app/static/") for u in urls)
        for url in urls:
            assert json.loads(urllib.request.urlopen(bare.url.rstrip("/") + url, timeout=10).read())["features"]
        assert bare.paths > 1000  # every NUTS-3 region and the background countries
    finally:
        bare.stop()
