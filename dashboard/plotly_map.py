"""The map page's map, drawn by plotly.js in one div that stays across reruns and is updated with ``Plotly.react``.

Streamlit 1.67's ``st.plotly_chart`` derives its element's identity from the figure's JSON even with a ``key``, so
every change of indicator or year mounts a new chart and plotly draws it from scratch (``newPlot``, ~370 ms for
NUTS 3). This v2 component's identity is its key alone: the browser keeps the same node and hands it each new
figure, which ``Plotly.react`` draws in place. The component runs in the page (no iframe) and loads plotly.js
once per page from the app's own route (plotly's bundled copy, never a CDN: the app works offline).
"""

from __future__ import annotations

import gzip
import threading
from pathlib import Path

import orjson
import plotly
import plotly.io as pio
import streamlit as st
from plotly.offline import get_plotlyjs_version

from dashboard.boundaries import route_root

ROUTE = "assets"  # next to /boundaries, under Streamlit's server.baseUrlPath
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
PLOTLY_VERSION = get_plotlyjs_version()
NAME = "atlas_plotly_map"
TEST_ID = "atlasMap"

_HTML = f'<div class="atlas-map" data-testid="{TEST_ID}" role="figure"><div class="atlas-map-plot"></div></div>'
_CSS = ".atlas-map { width: 100%; } .atlas-map-plot { width: 100%; }"
# One state per wrapper node (the node outlives reruns): the figure drawn, the one waiting, and one draw at a time,
# so quick year changes never interleave two Plotly calls on the same div and only the latest figure is drawn.
_JS = """
function plotlyFrom(url) {
  window.__atlasPlotly = window.__atlasPlotly || {};
  if (!window.__atlasPlotly[url]) {
    window.__atlasPlotly[url] = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = url;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => { delete window.__atlasPlotly[url]; script.remove();
                               reject(new Error(`plotly.js did not load from ${url}`)); };
      document.head.appendChild(script);
    });
  }
  return window.__atlasPlotly[url];
}

const widthOf = (state) => Math.round(state.box.getBoundingClientRect().width) || undefined;

async function draw(state) {
  while (true) {
    if (state.next !== null) {
      const text = state.next;
      state.next = null;
      if (text === state.drawn) continue;
      const spec = JSON.parse(text);
      state.box.setAttribute("aria-label", spec.label);
      state.box.style.minHeight = `${spec.figure.layout.height || 450}px`;  // no jump while plotly.js loads
      const Plotly = await plotlyFrom(spec.plotly);
      state.width = widthOf(state);
      await Plotly.react(state.plot, spec.figure.data || [], {...spec.figure.layout, autosize: false,
                                                              width: state.width}, spec.config);
      state.drawn = text;
      if (!state.listening) {
        state.listening = true;
        state.plot.on("plotly_click", (event) => {
          const point = ((event && event.points) || []).find((p) => p.location !== undefined);
          if (point) state.trigger("clicked", point.location);
        });
        new ResizeObserver(() => { if (widthOf(state) !== state.width) kick(state); }).observe(state.box);
      }
    } else if (state.drawn !== null && widthOf(state) !== state.width) {
      state.width = widthOf(state);
      await window.Plotly.relayout(state.plot, {width: state.width});
    } else {
      return;
    }
  }
}

function kick(state) {
  if (state.running) return;
  state.running = draw(state).catch((error) => {
    console.error("atlas map:", error);
    state.box.setAttribute("data-error", String(error));
  }).finally(() => {
    state.running = null;
    if (state.next !== null) kick(state);  // a figure that came in as the loop was returning
  });
}

export default function ({ data, parentElement, setTriggerValue }) {
  const box = parentElement.querySelector(".atlas-map");
  if (!box) return;
  const state = box.__atlas || (box.__atlas = {box, plot: box.querySelector(".atlas-map-plot"), drawn: null,
                                                next: null, width: undefined, running: null, listening: false});
  state.trigger = setTriggerValue;
  state.next = typeof data === "string" ? data : new TextDecoder().decode(data);
  kick(state);
}
"""

_component = st.components.v2.component(NAME, html=_HTML, css=_CSS, js=_JS, isolate_styles=False)


def script_url() -> str:
    """plotly.js on the app's route, named by its version so a browser keeps it for good."""
    return f"{route_root(ROUTE)}/plotly-{PLOTLY_VERSION}.min.js"


def plotly_map(fig, *, key: str, config: dict, label: str) -> str | None:
    """Draw ``fig`` (full width, its layout's height) with ``config``; ``label`` is its text alternative.

    Returns the location (the trace's ``featureidkey`` value) of a region clicked since the last run, else None.
    The figure travels as bytes: Streamlit hashes them for the element, instead of re-serialising a dict twice.
    """
    payload = orjson.dumps({"plotly": script_url(), "label": label, "config": config,
                            "figure": orjson.Fragment(pio.to_json(fig, validate=False))})
    result = _component(key=key, data=payload, on_clicked_change=_no_callback, width="stretch", height="content")
    return result.get("clicked")


def _no_callback() -> None:
    """Registers the 'clicked' event (a v2 component reports only the events it has a callback for)."""


def payload(element_bytes: bytes) -> dict:
    """What ``plotly_map`` sent (figure, config, label, plotly), read back from the element, for tests."""
    return orjson.loads(element_bytes)


_GZIP_LOCK = threading.Lock()
_GZIPPED: list[bytes] = []


def _gzipped() -> bytes:
    with _GZIP_LOCK:
        if not _GZIPPED:  # once per process, on first request: ~4.8 MB → ~1.4 MB
            _GZIPPED.append(gzip.compress(PLOTLY_JS.read_bytes(), compresslevel=6, mtime=0))
        return _GZIPPED[0]


def routes() -> list:
    """The Starlette route serving plotly.js (mounted by app.py next to the boundary files)."""
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import FileResponse, Response
    from starlette.routing import Route

    headers = {"Cache-Control": "public, max-age=31536000, immutable"}  # the name carries the version

    async def endpoint(request):
        # Compressed here once and kept: Streamlit's gzip middleware would compress 4.8 MB again on every request
        # (it leaves a response alone that already has a Content-Encoding).
        if "gzip" in request.headers.get("accept-encoding", ""):
            return Response(await run_in_threadpool(_gzipped), media_type="text/javascript",
                            headers={**headers, "Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
        return FileResponse(PLOTLY_JS, media_type="text/javascript", headers={**headers, "Vary": "Accept-Encoding"})

    return [Route(script_url(), endpoint, methods=["GET"])]
