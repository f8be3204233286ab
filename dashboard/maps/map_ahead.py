"""The map page's figure for one view, built once and shared by the page and a route that hands figures ahead.

Why: a year change waited for Streamlit's whole round trip before plotly drew anything: the year slider's
200 ms debounce, the rerun, the figure's build, then a new chart. The map component (plotly_map.py) now
fetches the figures of the years on either side of the shown one from this module's route once it has drawn,
and draws one the moment the year slider shows that year. The rerun that follows builds the same view through
the same memo, sends the same bytes, and the component leaves the map as it is; the rest of the page (table,
downloads, link) follows with the rerun, as before.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import orjson
import plotly.io as pio

from dashboard.maps import figures
from dashboard import i18n, state
from dashboard.maps.boundaries import MapFiles, route_root
from dashboard.i18n import say, tr
from indicators.regions import tables
from indicators.regions.mapdata import map_data
from loaders.memo import Memo

ROUTE = "mapviews"  # next to /boundaries, under Streamlit's server.baseUrlPath
KEEP_VIEWS = 64  # figures of about 100 KB each: a few megabytes, shared by every session of the process
KEEP_BUILDS = 2  # the build in use and the one before it ("Fetch and build" in a running app)


@dataclass(frozen=True)
class MapView:
    """What the map component draws for one view: the figure's JSON, exactly as sent, and its text alternative."""

    figure: str
    label: str


_HELD = Memo(KEEP_BUILDS)  # build id -> (store, map files), for the route
_VIEWS = Memo(KEEP_VIEWS)  # (build, files, indicator, level, year, scheme, lang) -> MapView, or None: no values


def in_language(data, lang: str):
    """Map data with its indicator's words in ``lang`` (a copy: the memoised data stay English)."""
    return replace(data, indicator=i18n.localised(data.indicator, lang))


def map_view(store, maps: MapFiles, indicator: str, level: int, year, scheme: str, lang: str) -> MapView | None:
    """The map of one view, or None when it has no values (the page says so instead of drawing a map)."""
    build = store.info["build_id"]
    _hold(build, store, maps)
    key = (build, maps.root, indicator, int(level), year, scheme, lang)
    return _VIEWS.cached(key, lambda: _build(store, maps, indicator, level, year, scheme, lang))


def _build(store, maps: MapFiles, indicator: str, level: int, year, scheme: str, lang: str) -> MapView | None:
    data = in_language(map_data(store, indicator, level, year, scheme), lang)
    if data.values.empty:
        return None
    data = replace(data, no_data=data.no_data.assign(reason=[say(r, lang) for r in data.no_data["reason"]]))
    fig = figures.indicator_map(data, lambda v: maps.screen(v, level),
                                background=(maps.background, maps.background_ids), lang=lang)
    return MapView(pio.to_json(fig, validate=False),
                   tr("Map of {label}, {year}, {level}. The same values are in the table below.", lang,
                      label=data.indicator.label, year=figures.year_text(year, lang),
                      level=figures.level_text(level, lang)))


def forget() -> None:
    """Drop every kept figure (after a fetch and build; the builds held for the route go as new ones come)."""
    _VIEWS.clear()


def ahead(maps: MapFiles, indicator: str, level: int, year, scheme: str, lang: str, years: list[int]) -> dict:
    """The route's URL of the years on either side of ``year``, keyed by the year as the slider shows it."""
    if year not in years:
        return {}
    at = years.index(year)
    beside = years[max(at - 1, 0):at] + years[at + 1:at + 2]
    return {str(y): f"{route_root(ROUTE)}/{maps.build_id}/{indicator}/{int(level)}/{y}/{scheme}/{lang}.json"
            for y in beside}


def _hold(build: str, store, maps: MapFiles) -> None:
    _HELD.put(build, (store, maps))


def requested(build: str, indicator: str, level: str, year: str, scheme: str, lang: str) -> MapView | None:
    """The view a route URL names, or None when any part is unknown (only views the page itself could show)."""
    held = _HELD.get(build)
    # read through the one table of URL parameters, as the page reads its own link
    view, refused = state.parse({"indicator": indicator, "level": level, "year": year, "scheme": scheme, "lang": lang})
    if held is None or refused:
        return None
    store, maps = held
    if view.year not in tables.years(store, view.indicator, view.level):
        return None
    return map_view(store, maps, view.indicator, view.level, view.year, view.scheme, view.lang)


def routes() -> list:
    """The Starlette route that hands a view's figure to the map component (mounted by app.py)."""
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import Response
    from starlette.routing import Route

    async def endpoint(request):
        p = request.path_params
        view = await run_in_threadpool(requested, p["build"], p["indicator"], p["level"], p["year"], p["scheme"],
                                       p["lang"])
        if view is None:
            return Response("not found", status_code=404, media_type="text/plain")
        # private: a session's browser may keep it a while; the build id in the URL changes with the data
        return Response(orjson.dumps({"figure": orjson.Fragment(view.figure), "label": view.label}), media_type="application/json",
                        headers={"Cache-Control": "private, max-age=600"})

    return [Route(route_root(ROUTE) + "/{build}/{indicator}/{level}/{year}/{scheme}/{lang}.json", endpoint,
                  methods=["GET"])]
