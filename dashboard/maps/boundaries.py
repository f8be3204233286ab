"""Boundary files for the browser, served by the app's own route from the memory of the process that loaded them.

Plotly's geo traces fetch a base-map TopoJSON even when the base map is hidden: empty topologies under
plotly's file names answer that request locally. The screen GeoJSON of each NUTS version and level comes
from the store build the process loaded (immutable, named by its build id), so nothing is written into the
source tree and no process can delete what another one serves.
"""

from __future__ import annotations

import json
import threading
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import orjson

from loaders.store import boundary_files, current_store_path

ROUTE = "boundaries"  # under Streamlit's server.baseUrlPath, like Streamlit's own routes
BASE_MAPS = ("world_110m.json", "world_50m.json", "europe_110m.json", "europe_50m.json")
EMPTY_TOPOLOGY = {"type": "Topology", "arcs": [], "objects": {
    name: {"type": "GeometryCollection", "geometries": []}
    for name in ("land", "ocean", "coastlines", "lakes", "rivers", "countries", "subunits")}}
KEEP_BUILDS = 2  # the build in use and the one before it ("Fetch and build" in a running app)

_LOCK = threading.Lock()
_SERVED: dict[str, dict[str, bytes]] = {}  # build id -> file name -> bytes; filled by publish


@dataclass(frozen=True)
class MapFiles:
    """The URLs a map figure needs: screen boundaries per (version, level), the background, plotly's base maps."""

    build_id: str
    background_ids: tuple[str, ...] = field(repr=False)
    root: str = f"/{ROUTE}"  # the route's absolute path, base URL path included

    def screen(self, version: int, level: int) -> str:
        return f"{self.root}/{self.build_id}/screen_{int(version)}_l{int(level)}.geojson"

    @property
    def background(self) -> str:
        return f"{self.root}/{self.build_id}/background_countries.geojson"

    @property
    def base_maps(self) -> str:
        """plotly's ``topojsonURL`` (a folder: plotly appends the file name)."""
        return f"{self.root}/base/"


def route_root(route: str = ROUTE) -> str:
    """'/boundaries' (or another of the app's routes), '/<base>/boundaries' under ``server.baseUrlPath``."""
    from streamlit import config  # read when called: the CLI sets the option after importing this module

    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}/{route}" if base else f"/{route}"


def publish(store) -> MapFiles:
    """Hold the boundary files of ``store`` in this process for the route; their URLs."""
    build = store.info["build_id"]
    _hold(build, store.path)
    background = orjson.loads(_SERVED[build]["background_countries.geojson"])
    return MapFiles(build, tuple(f["id"] for f in background["features"]), route_root())


def _hold(build: str, path) -> None:
    with _LOCK:
        if build not in _SERVED:
            _SERVED[build] = boundary_files(path)  # read once: a later clean-up of the folder cannot blank a map
            for old in list(_SERVED)[:-KEEP_BUILDS]:  # only this process's own older builds
                del _SERVED[old]


@asynccontextmanager
async def lifespan(app):
    """At server start, hold the current build's files, so the route answers before any session has run."""
    path = current_store_path()
    if path is not None:
        _hold(path.name, path)
    yield None


def served(key: str, name: str) -> bytes | None:
    """The bytes behind ``/boundaries/<key>/<name>``, or None (unknown build or name)."""
    if key == "base":
        return json.dumps(EMPTY_TOPOLOGY).encode("utf-8") if name in BASE_MAPS else None
    return _SERVED.get(key, {}).get(name)


def routes() -> list:
    """The Starlette route that serves the files (mounted by app.py next to Streamlit's own)."""
    from starlette.responses import Response
    from starlette.routing import Route

    async def endpoint(request):
        body = served(request.path_params["key"], request.path_params["name"])
        if body is None:
            return Response("not found", status_code=404, media_type="text/plain")
        # Names carry the build id, so a browser may keep a file as long as it likes.
        return Response(body, media_type="application/json",
                        headers={"Cache-Control": "public, max-age=31536000, immutable"})

    return [Route(route_root() + "/{key}/{name}", endpoint, methods=["GET"])]
