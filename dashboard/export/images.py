"""Charts and maps as PNG or SVG, rendered by kaleido in Debian's chromium, kept warm between images."""

from __future__ import annotations

import atexit
import html
import json
import textwrap
import threading
from dataclasses import replace

import orjson
import plotly.graph_objects as go
import plotly.io as pio

from dashboard.maps import figures, map_insets
from dashboard import i18n
from dashboard.export.common import PROJECT, source_line
from dashboard.maps.boundaries import BASE_MAPS, EMPTY_TOPOLOGY
from indicators.regions.mapdata import map_data
from indicators.registry import get
from loaders import cache

MAP_SIZE = (1200, 900)
MAX_TITLE = 100  # characters of a title typed for an image (two lines at most)
TITLE_CHAR_PX = 9.5  # the 17 px title's mean character width (a 1200 px article image ran off at ~95 characters)
# Pixel sizes of a map image: an article, a social card, and A5 portrait printed at 300 dpi (148 x 210 mm).
MAP_SIZES = {"article": MAP_SIZE, "social": (1200, 675), "print": (1748, 2480)}
# Maps are laid out at this width in CSS pixels and scaled up to the image's size, so 11 px text stays 11 px
# when the image is shown 640 px wide in an article (and 7 pt on an A5 print).
DESIGN_WIDTH = 640
CHART_SIZE = (1000, 560)
FORMATS = ("png", "svg")
_lock = threading.Lock()
_started = False


class ExportError(Exception):
    """An image could not be made; the message says why (no broken file is ever returned)."""


def _assets_dir():
    """Local stand-ins for plotly's base-map files and MathJax, so no request leaves the machine."""
    folder = cache.cache_dir() / "export-assets"
    folder.mkdir(parents=True, exist_ok=True)
    for name in BASE_MAPS:
        path = folder / name
        if not path.exists():
            path.write_text(json.dumps(EMPTY_TOPOLOGY), encoding="utf-8")
    return folder


def _ensure_server() -> None:
    """Start one kaleido browser for the process (about 2 s once; then 0.1-0.3 s per image)."""
    global _started
    with _lock:
        if _started:
            return
        import kaleido

        pio.defaults.topojson = _assets_dir().as_uri() + "/"
        pio.defaults.mathjax = None  # the default loads MathJax from a CDN and stalls offline
        pio.json.config.default_engine = "orjson"  # ~1.6x faster than json for the large map figures
        kaleido.start_sync_server(silence_warnings=True)
        atexit.register(kaleido.stop_sync_server, silence_warnings=True)
        _started = True


def figure_image(fig: go.Figure, fmt: str, size: tuple[int, int] = CHART_SIZE, scale: float = 1) -> bytes:
    """The figure as PNG or SVG bytes (``size`` in CSS pixels, times ``scale`` in the PNG); ExportError on failure."""
    if fmt not in FORMATS:
        raise ExportError(f"format must be one of {FORMATS}, not {fmt!r}")
    _ensure_server()
    try:
        data = fig.to_image(format=fmt, width=size[0], height=size[1], scale=scale)
    except Exception as exc:  # kaleido surfaces browser failures under several types
        raise ExportError(f"the image could not be rendered: {exc.__class__.__name__}: {exc}") from exc
    if not data:
        raise ExportError("the renderer returned an empty image")
    return data


def design_size(size: tuple[int, int]) -> tuple[int, float]:
    """The CSS-pixel size a map of ``size`` image pixels is laid out at (``DESIGN_WIDTH`` wide, same shape;
    the height unrounded, so that scaled back it gives the exact pixels: A5's 2480 is 908.006 x 2.73125)."""
    return DESIGN_WIDTH, DESIGN_WIDTH * size[1] / size[0]


def map_figure(store, indicator, level: int, year, scheme: str = "quantiles",
               size: tuple[int, int] = MAP_SIZE, title: str | None = None, lang: str = "en") -> go.Figure:
    """The map as the dashboard draws it, laid out for ``size``, boundaries inlined and source lines burned in;
    ``title`` (a journalist's own, plain text) replaces the short label, the source's full label stays under it.
    The indicator's words are in ``lang``."""
    data = map_data(store, indicator, level, year, scheme)
    if data.values.empty:
        raise ExportError(f"no values for {get(indicator).label} at level {level} in {year}")
    data = replace(data, indicator=i18n.localised(data.indicator, lang))  # a copy: the memoised data stay English
    ind = data.indicator
    geojson = {v: orjson.loads(store.screen_geojson(v, level)) for v in (2021, 2024)}
    background = orjson.loads(store.background_geojson())
    width, height = design_size(size)
    layout = "portrait" if height > width else "wide" if width >= 1.5 * height else "landscape"
    fig = figures.indicator_map(data, lambda v: geojson[int(v)],
                                background=(background, [f["id"] for f in background["features"]]),
                                layout=layout, height=height, lang=lang)
    fig.update_layout(width=width, geo_lonaxis_range=list(figures.IMAGE_LON))
    if layout == "wide":
        fig.update_layout(legend_orientation="v")  # beside the insets (map_insets.frame places it)
    if title and title.strip():  # before the frame: a second title line takes room from the map
        retitle(fig, title, width)
    figures.burn_in(fig, source_line(store, ind, data.versions, lang), boundaries=True, project=PROJECT, width=width,
                    lang=lang)
    map_insets.frame(fig, layout, map_insets.IMAGE_ASPECT)  # again: the source block took room from the map
    return fig


def retitle(fig: go.Figure, title: str, width: float = DESIGN_WIDTH) -> None:
    """Put ``title`` (escaped: plotly reads tags in titles, and a title is typed by a user; quotes stay, plotly
    has no &quot;) in place of the figure's main title, in lines that fit ``width`` CSS pixels, keeping the
    subtitle lines under it; the map moves down by the lines added."""
    text = fig.layout.title.text or ""
    rest = text[text.index("<br>"):] if "<br>" in text else ""
    lines = textwrap.wrap(title.strip()[:MAX_TITLE], max(20, int((width - 16) / TITLE_CHAR_PX)))
    fig.update_layout(title_text="<br>".join(html.escape(line, quote=False) for line in lines) + rest,
                      margin_t=(fig.layout.margin.t or 0) + figures.SUBTITLE_PX * (len(lines) - 1))


def map_image(store, indicator, level: int, year, fmt: str, scheme: str = "quantiles",
              size: tuple[int, int] = MAP_SIZE, title: str | None = None, lang: str = "en") -> bytes:
    """The map as PNG or SVG, ``size`` pixels (one of ``MAP_SIZES``' values, or any other)."""
    fig = map_figure(store, indicator, level, year, scheme, size, title, lang)
    return figure_image(fig, fmt, design_size(size), scale=size[0] / DESIGN_WIDTH)
