"""The map page's map, drawn by plotly.js in one div that stays across reruns and is updated with ``Plotly.react``.

Streamlit 1.67's ``st.plotly_chart`` derives its element's identity from the figure's JSON even with a ``key``, so
every change of indicator or year mounts a new chart and plotly draws it from scratch (``newPlot``, ~370 ms for
NUTS 3). This v2 component's identity is its key alone: the browser keeps the same node and hands it each new
figure, which ``Plotly.react`` draws in place. The component runs in the page (no iframe) and loads plotly.js
once per page from the app's own route (never a CDN: the app works offline): plotly.js's official geo bundle,
the npm package ``plotly.js-geo-dist-min`` at plotly.py's plotly.js version (README's set-up), since the map
draws only choropleth and scattergeo traces (1.4 MB to compile instead of 4.8 MB, in a fresh tab).

It also watches the year slider: once a figure is drawn it fetches the figures of the years beside it
(map_ahead.py) and draws one as soon as the slider shows that year, before Streamlit's rerun, which then sends the
same bytes and leaves the map alone. Any other change (indicator, level, a year further away) waits for the rerun.
"""

from __future__ import annotations

import gzip
import threading
from pathlib import Path

import orjson
import streamlit as st

from dashboard.maps import map_insets
from dashboard.maps.boundaries import route_root
from dashboard.maps.map_ahead import MapView
from dashboard.maps.plotly_bundle import PLOTLY_VERSION, geo_bundle

ROUTE = "assets"  # next to /boundaries, under Streamlit's server.baseUrlPath
PLOTLY_JS = geo_bundle()  # checked as the app starts: without it the map page cannot draw
NAME = "atlas_plotly_map"
TEST_ID = "atlasMap"

_HTML = f'<div class="atlas-map" data-testid="{TEST_ID}" role="figure"><div class="atlas-map-plot"></div></div>'
_CSS = ".atlas-map { width: 100%; } .atlas-map-plot { width: 100%; }"
_JS = (Path(__file__).parent / "plotly_map.js").read_text(encoding="utf-8")  # the component's module

_component = st.components.v2.component(NAME, html=_HTML, css=_CSS, js=_JS, isolate_styles=False)
PRELOAD_KEY = "atlas_plotly_preload"
# The same module, told only to load plotly.js; its element takes no room (not even the gap between elements).
_preload = st.components.v2.component(f"{NAME}_preload", css=f".st-key-{PRELOAD_KEY}{{display:none}}", js=_JS,
                                      isolate_styles=False)


def script_url() -> str:
    """plotly.js's geo bundle on the app's route, named by its version so a browser keeps it for good."""
    return f"{route_root(ROUTE)}/plotly-geo-{PLOTLY_VERSION}.min.js"


def preload() -> None:
    """Start loading plotly.js in the browser now, as the page's first element.

    Why: the map's own element reaches the browser only once the server has run the page down to it (about
    2 s into a fresh tab), and plotly.js (to fetch, then to compile) waited for it; a bare Streamlit page
    fetches its plotly while its script runs. Half of the first map's time over such a page went there."""
    _preload(key=PRELOAD_KEY, data=orjson.dumps({"plotly": script_url(), "preload": True}))


def plotly_map(view: MapView, *, key: str, config: dict, year=None, years: int = 0, ahead: dict | None = None,
               follow: str | None = None, fit: bool = False) -> str | None:
    """Draw ``view`` (full width, its layout's height) with ``config``.

    ``ahead`` maps the years beside the shown ``year`` (as the year slider shows them) to their figures' URLs
    (map_ahead.py), and ``follow`` is the CSS selector of that slider's container, which offers ``years``
    years: when the reader moves it to one of those years, the browser draws its figure at once instead of
    waiting for the rerun.
    ``fit`` (the embed): the map's height is what the window has left for it above what follows it on the page,
    and in a narrow frame the outermost regions' boxes go under the map (``narrow_layout``).
    Returns the location (the trace's ``featureidkey`` value) of a region clicked since the last run, else None.
    """
    payload = orjson.dumps({"plotly": script_url(), "label": view.label, "config": config,
                            "figure": orjson.Fragment(view.figure),
                            "year": None if year is None else str(year), "years": years, "ahead": ahead or {},
                            "follow": follow, "fit": fit, "narrow": narrow_layout(view.figure) if fit else None})
    result = _component(key=key, data=payload, on_clicked_change=_no_callback, width="stretch", height="content")
    return result.get("clicked")


def narrow_layout(figure: str) -> dict:
    """The layout entries that put a map's inset boxes in rows under it (``map_insets``' portrait placement), for
    a frame too narrow for the column beside it: there a box is 45 px wide and 'Guadeloupe' spilled out of it."""
    fig = orjson.loads(figure)
    layout = fig["layout"]
    placed = map_insets.placement(fig["data"], layout, "portrait")
    return {key: {**layout.get(key, {}), **value} if key in ("geo", "legend") else value
            for key, value in placed.items()}


def _no_callback() -> None:
    """Registers the 'clicked' event (a v2 component reports only the events it has a callback for)."""


def payload(element_bytes: bytes) -> dict:
    """What ``plotly_map`` sent, read back from the element, for tests."""
    return orjson.loads(element_bytes)


_GZIP_LOCK = threading.Lock()
_GZIPPED: list[bytes] = []


def _gzipped() -> bytes:
    with _GZIP_LOCK:
        if not _GZIPPED:  # once per process, on first request: ~1.4 MB → ~0.4 MB
            _GZIPPED.append(gzip.compress(PLOTLY_JS.read_bytes(), compresslevel=6, mtime=0))
        return _GZIPPED[0]


def routes() -> list:
    """The Starlette route serving plotly.js (mounted by app.py next to the boundary files)."""
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import FileResponse, Response
    from starlette.routing import Route

    headers = {"Cache-Control": "public, max-age=31536000, immutable"}  # the name carries the version

    async def endpoint(request):
        # Compressed here once and kept: Streamlit's gzip middleware would compress 1.4 MB again on every request
        # (it leaves a response alone that already has a Content-Encoding).
        if "gzip" in request.headers.get("accept-encoding", ""):
            return Response(await run_in_threadpool(_gzipped), media_type="text/javascript",
                            headers={**headers, "Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
        return FileResponse(PLOTLY_JS, media_type="text/javascript", headers={**headers, "Vary": "Accept-Encoding"})

    return [Route(script_url(), endpoint, methods=["GET"])]
