"""Files the browser fetches from the app's own static route, so maps draw with no request leaving the machine.

Plotly's geo traces fetch a base-map TopoJSON even when the base map is hidden: empty topologies under
plotly's file names answer that request locally. The screen GeoJSON of each NUTS version and level is
served the same way, named after the store's build so a browser never keeps an old boundary file.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"
URL = "/app/static/"
BASE_MAPS = ("world_110m.json", "world_50m.json", "europe_110m.json", "europe_50m.json")
EMPTY_TOPOLOGY = {"type": "Topology", "arcs": [], "objects": {
    name: {"type": "GeometryCollection", "geometries": []}
    for name in ("land", "ocean", "coastlines", "lakes", "rivers", "countries", "subunits")}}


_LOCK = threading.Lock()  # sessions starting together must not write the same file at once


def publish(store) -> dict:
    """Write the static files for ``store`` (once per build) and return their URLs."""
    with _LOCK:
        return _publish(store)


def _publish(store) -> dict:
    STATIC.mkdir(exist_ok=True)
    for name in BASE_MAPS:
        _write_once(STATIC / name, lambda: json.dumps(EMPTY_TOPOLOGY).encode("utf-8"))
    build = store.info["build_id"]
    urls = {"screen": {}, "background": f"{URL}{build}_background.geojson"}
    for version in (2021, 2024):
        for level in range(4):
            name = f"{build}_screen_{version}_l{level}.geojson"
            _write_once(STATIC / name, lambda v=version, lv=level: store.screen_geojson(v, lv))
            urls["screen"][(version, level)] = URL + name
    _write_once(STATIC / f"{build}_background.geojson", store.background_geojson)
    for old in STATIC.glob("*.geojson"):
        if not old.name.startswith(build):
            old.unlink(missing_ok=True)
    return urls


def _write_once(path: Path, content) -> None:
    if path.exists():
        return
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    with os.fdopen(handle, "wb") as out:
        out.write(content())
    os.replace(name, path)  # readers (the browser) see the whole file or none
