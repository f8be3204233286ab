"""Issue 15's floor: the map page's figure drawn by plotly.js alone on a bare HTML page, served from this process
(plotly's bundled plotly.min.js and the store's boundary files, nothing from a CDN)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import plotly

from bench.browser_support import healthy, stop
from dashboard.maps import map_ahead
from dashboard.maps.boundaries import BASE_MAPS, EMPTY_TOPOLOGY, MapFiles
from loaders.store import boundary_files

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
ROOT = "/boundaries"  # the app's route, so the figures carry the same URLs as on the map page
CONFIG = {"topojsonURL": f"{ROOT}/base/", "displaylogo": False, "scrollZoom": False}

# Installed in the app's page and in the bare page alike, so both redraws end on the same condition: a plot whose
# title text differs from the one before and whose regions are drawn, checked at every animation frame.
# ``start`` is the year key's press on the app, the ``Plotly.react`` call on the bare page.
WATCH_JS = """
() => {
  const signature = (gd) => Array.from(gd.querySelectorAll('.infolayer text')).map(e => e.textContent).join('|');
  const drawn = () => Array.from(document.querySelectorAll('.js-plotly-plot'))
      .filter(gd => gd.querySelectorAll('.choroplethlayer path').length > 0).map(signature);
  const before = new Set(drawn());
  window.__redraw = {start: null, end: null};
  document.addEventListener('keydown', () => { if (window.__redraw.start === null) window.__redraw.start = performance.now(); },
                            {capture: true, once: true});
  const tick = () => {
    if (window.__redraw.start !== null && drawn().some(s => !before.has(s))) { window.__redraw.end = performance.now(); return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
"""

PAGE = """<!doctype html><html><head><meta charset="utf-8"><script src="/plotly.min.js"></script></head>
<body style="margin:0"><div id="map" style="width:%(width)dpx;height:%(height)dpx"></div><script>
const config = %(config)s;
window.figures = Promise.all([fetch('/figure_a.json').then(r => r.json()), fetch('/figure_b.json').then(r => r.json())]);
window.firstDraw = async () => { const [a] = await figures; const t = performance.now();
  await Plotly.newPlot('map', a.data, a.layout, config); return performance.now() - t; };
window.redraw = async (name) => { const all = await figures; const f = name === 'b' ? all[1] : all[0];
  window.__redraw.start = performance.now(); await Plotly.react('map', f.data, f.layout, config); };
</script></body></html>"""


def map_figure_json(store, maps: MapFiles, indicator: str, level: int, year: int) -> str:
    """The map page's figure for one view, exactly as the page sends it (geometry by URL)."""
    return map_ahead.map_view(store, maps, indicator, level, year, "quantiles", "en").figure


class BarePage:
    """A loopback HTTP server with the bare page, plotly.min.js, two figures and the boundary files."""

    def __init__(self, store, indicator: str, level: int, years: tuple[int, int], size: tuple[int, int]):
        files = boundary_files(store.path)
        background = json.loads(files["background_countries.geojson"])
        maps = MapFiles(store.info["build_id"], tuple(f["id"] for f in background["features"]), ROOT)
        served = {f"{ROOT}/{maps.build_id}/{name}": body for name, body in files.items()}
        served.update({f"{ROOT}/base/{name}": json.dumps(EMPTY_TOPOLOGY).encode() for name in BASE_MAPS})
        served["/plotly.min.js"] = PLOTLY_JS.read_bytes()
        for name, year in zip("ab", years):
            served[f"/figure_{name}.json"] = map_figure_json(store, maps, indicator, level, year).encode()
        served["/"] = (PAGE % {"width": size[0], "height": size[1], "config": json.dumps(CONFIG)}).encode()
        self.figure_bytes = len(served["/figure_a.json"])
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(served))
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def _handler(served: dict[str, bytes]):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = served.get(self.path.split("?")[0])
            self.send_response(200 if body is not None else 404)
            kind = "text/html" if self.path == "/" else "text/javascript" if self.path.endswith(".js") else "application/json"
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args):  # quiet: the bench prints its own table
            pass

    return Handler


def bare_redraws(browser, page_server: BarePage, repeat: int = 4) -> tuple[float, list[float]]:
    """(first draw ms, [redraw ms]) of plotly.js alone, alternating the two figures like the app's year keys."""
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.goto(page_server.url)
    first = page.evaluate("firstDraw()")
    redraws = []
    for name in ["b", "a"] * (repeat // 2):
        page.evaluate(WATCH_JS)
        page.evaluate(f"redraw('{name}')")
        page.wait_for_function("window.__redraw.end !== null", timeout=60_000)
        redraws.append(page.evaluate("window.__redraw.end - window.__redraw.start"))
    page.context.close()
    return first, redraws


# Issue 22 item 10's floor: the same figure drawn by a bare Streamlit page (one st.plotly_chart, nothing else),
# its boundary files from Streamlit's static folder.
BARE_APP = """import json, pathlib, streamlit as st
st.set_page_config(layout="wide")
here = pathlib.Path(__file__).parent
st.plotly_chart(json.loads((here / "figure.json").read_text()), config=json.loads((here / "config.json").read_text()))
"""

# Installed before a page's own scripts: the moment (ms after navigation start, on the page's performance
# timeline) at which ``selector`` holds ``count`` drawn region paths, checked at every animation frame.
DRAWN_JS = """
([selector, count]) => {
  const tick = () => {
    if (document.querySelectorAll(selector).length >= count) { window.__drawn = performance.now(); return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
"""


class BareStreamlit:
    """``streamlit run`` of a one-chart script in a temporary folder, on a free loopback port; ``stop`` ends it."""

    def __init__(self, store, indicator: str, level: int, year: int):
        self.folder = folder = Path(tempfile.mkdtemp(prefix="bare-streamlit-"))
        (folder / "static").mkdir()
        (folder / ".streamlit").mkdir()
        (folder / ".streamlit" / "config.toml").write_text("[server]\nenableStaticServing = true\n")
        files = boundary_files(store.path)
        for name, body in files.items():
            (folder / "static" / name).write_bytes(body)
        for name in BASE_MAPS:
            (folder / "static" / name).write_text(json.dumps(EMPTY_TOPOLOGY))
        background = json.loads(files["background_countries.geojson"])
        maps = MapFiles(store.info["build_id"], tuple(f["id"] for f in background["features"]), ROOT)
        figure = json.loads(map_figure_json(store, maps, indicator, level, year))
        for trace in figure["data"]:  # the same files, from Streamlit's static folder
            if isinstance(trace.get("geojson"), str):
                trace["geojson"] = "/app/static/" + trace["geojson"].rsplit("/", 1)[1]
        # one path per location of every choropleth trace: the count that says the whole map is drawn
        self.paths = sum(len(t.get("locations") or ()) for t in figure["data"] if t.get("type") == "choropleth")
        (folder / "figure.json").write_text(json.dumps(figure))
        (folder / "config.json").write_text(json.dumps({**CONFIG, "topojsonURL": "/app/static/"}))
        (folder / "bare_app.py").write_text(BARE_APP)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}/"
        self._log = open(folder / "streamlit.log", "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "bare_app.py", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=folder, stdout=self._log, stderr=subprocess.STDOUT)
        if not healthy(self.url):
            self.stop()
            raise RuntimeError(f"the bare Streamlit page did not start; see {folder / 'streamlit.log'}")

    def stop(self) -> None:
        stop(self.process)
        self._log.close()


def first_map_ms(browser, url: str, selector: str, count: int) -> tuple[float, float]:
    """Milliseconds from navigation start to ``count`` drawn paths under ``selector`` in a fresh tab (a new
    context: an empty cache), as the page's own performance timeline reads them; and the milliseconds the tab's
    main thread spent in tasks by then (Chrome's TaskDuration), which another engineer's load on the shared
    cores stretches far less than the wall time."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")
        page.add_init_script(f"({DRAWN_JS})({json.dumps([selector, count])})")
        page.goto(url)
        page.wait_for_function("window.__drawn !== undefined", timeout=180_000, polling=100)
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        return page.evaluate("window.__drawn"), metrics["TaskDuration"] * 1000
    finally:
        context.close()
