"""Two app processes on two different stores from one checkout both keep serving their boundary files."""

import json
import shutil
import urllib.error
import urllib.request

import pytest

from bench.browser_support import REPO, AppServer


def _second_store(store_env, into):
    """A copy of the session's cache whose current store is another build (same data, its own build id)."""
    shutil.copytree(store_env, into)
    root = into / "store"
    first = (root / "CURRENT").read_text().strip()
    second = first[:-1] + ("1" if first[-2] != "1" else "2") + "Z"
    shutil.copytree(root / first, root / second)
    info = json.loads((root / second / "build.json").read_text())
    (root / second / "build.json").write_text(json.dumps({**info, "build_id": second}))
    (root / "CURRENT").write_text(second)
    return second


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


@pytest.mark.slow  # starts two streamlit servers
def test_two_apps_on_two_stores_both_keep_serving_their_maps(store_env, tmp_path):
    first = (store_env / "store" / "CURRENT").read_text().strip()
    other_cache = tmp_path / "other-cache"
    second = _second_store(store_env, other_cache)
    a = AppServer(store_env, tmp_path / "a.log")
    try:
        b = AppServer(other_cache, tmp_path / "b.log")
        try:
            for server, build, foreign in ((a, first, second), (b, second, first)):
                status, body = _get(f"{server.url}/boundaries/{build}/screen_2021_l3.geojson")
                assert status == 200 and json.loads(body)["type"] == "FeatureCollection"
                assert _get(f"{server.url}/boundaries/{foreign}/screen_2021_l3.geojson")[0] == 404
                assert _get(f"{server.url}/boundaries/base/world_110m.json")[0] == 200
            # The other build's folder goes away (two rebuilds later): the process that loaded it still serves.
            shutil.rmtree(other_cache / "store" / second)
            assert _get(f"{b.url}/boundaries/{second}/background_countries.geojson")[0] == 200
            assert _get(f"{a.url}/boundaries/{first}/screen_2024_l2.geojson")[0] == 200
        finally:
            b.stop()
    finally:
        a.stop()
    assert not (REPO / "dashboard" / "static").exists()  # nothing is written into the source tree


def test_the_route_follows_the_base_url_path():
    from streamlit import config

    from dashboard.maps import boundaries

    before = config.get_option("server.baseUrlPath")
    config.set_option("server.baseUrlPath", "/atlas/")
    try:
        assert boundaries.route_root() == "/atlas/boundaries"
        assert boundaries.MapFiles("B", (), boundaries.route_root()).screen(2021, 3) == "/atlas/boundaries/B/screen_2021_l3.geojson"
    finally:
        config.set_option("server.baseUrlPath", before)


def test_plotly_js_comes_from_the_app_named_by_its_version_compressed_once_and_kept_by_browsers():
    import asyncio
    import gzip

    from starlette.requests import Request
    from streamlit import config

    from dashboard.maps import plotly_map

    url = plotly_map.script_url()
    assert url == f"/assets/plotly-geo-{plotly_map.PLOTLY_VERSION}.min.js"  # a new plotly.js, a new name
    (route,) = plotly_map.routes()
    assert route.path == url

    def get(encoding: str):
        scope = {"type": "http", "method": "GET", "path": url, "headers": [(b"accept-encoding", encoding.encode())]}
        return asyncio.run(route.endpoint(Request(scope)))

    bundle = plotly_map.PLOTLY_JS.read_bytes()
    zipped = get("gzip, deflate")
    assert zipped.headers["content-encoding"] == "gzip" and len(zipped.body) < len(bundle) / 2
    assert gzip.decompress(zipped.body) == bundle
    assert "immutable" in zipped.headers["cache-control"] and "max-age=31536000" in zipped.headers["cache-control"]
    plain = get("identity")  # a client without gzip gets the file as it is
    assert "content-encoding" not in plain.headers and plain.path == plotly_map.PLOTLY_JS
    before = config.get_option("server.baseUrlPath")
    config.set_option("server.baseUrlPath", "/atlas/")
    try:
        assert plotly_map.script_url().startswith("/atlas/assets/plotly-geo-")
    finally:
        config.set_option("server.baseUrlPath", before)
