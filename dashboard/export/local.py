"""Maps of the local layer (cities, Spain's municipalities, Italy's reception), for the page and the image
exports; their CSV files and sidecars are dashboard.export.csvs', as for every geography."""

from __future__ import annotations

import orjson
import pandas as pd
from babel.dates import format_date

from dashboard.maps import figures, local_figures
from dashboard.export import images
from dashboard.export.common import PROJECT
from dashboard.i18n import localised, number, say, tr
from indicators.places import local_maps
from indicators.regions.classes import classify
from indicators.entries import get

# one builder per map, used by the page (geometry by URL) and by the image export (geometry inlined)


def _words(lang: str):
    """The indicators' phrases (and registry words) in ``lang``, for the ``words`` of their tables."""
    return lambda text: say(text, lang)


def city_map(store, indicator_id: str, year: int | None, scheme: str = "quantiles", lang: str = "en"):
    """The cities map and its data (points need no boundary file), words in ``lang`` (credits as published)."""
    data = local_maps.city_points(store, indicator_id, year, scheme, _words(lang))
    ind = localised(data.indicator, lang)
    fig = local_figures.points_map(data.rows, ind, data.classes, title=ind.label,
                                   subtitle=tr("{unit} · {years} · Urban Audit cities (size: residents)", lang,
                                               unit=ind.unit, years=say(data.year_text, lang)),
                                   credit=map_credit(ind, lang), lang=lang)
    return fig, data


def spain_map(store, indicator_id: str, year: int | None, scheme: str = "quantiles", provinces_geojson=None,
              lang: str = "en"):
    """Spain's municipalities over the provinces; ``provinces_geojson`` a URL (page) or None (inlined, export);
    words in ``lang``."""
    data = local_maps.municipal_points(store, indicator_id, year, scheme, _words(lang))
    ind = localised(data.indicator, lang)
    provinces = sorted(data.rows["nuts3_2021"].dropna().unique())
    if provinces_geojson is None:
        layer = orjson.loads(store.screen_geojson(2021, 3))
        provinces_geojson = {"type": "FeatureCollection",
                             "features": [f for f in layer["features"] if f["id"] in set(provinces)]}
    fig = local_figures.points_map(data.rows, ind, data.classes, title=ind.label,
                                   subtitle=tr("{unit} · {years} · {count} municipalities (size: residents) · provinces "
                                               "(NUTS 3) for context", lang, unit=ind.unit,
                                               years=say(data.year_text, lang), count=number(len(data.rows), 0, lang)),
                                   credit=map_credit(ind, lang), frame="ES", context=(provinces_geojson, provinces), lang=lang)
    return fig, data


def italy_map(store, date=None, scheme: str = "quantiles", regions_geojson=None, lang: str = "en"):
    """Italy's regions at a report date, framed on Italy; ``regions_geojson`` a URL (page) or None (inlined);
    words in ``lang``."""
    ind = localised(get("it_reception_per_1000", "nuts2_report"), lang)
    drawn, date = local_maps.reception_map_rows(store, date, _words(lang))
    if regions_geojson is None:
        regions_geojson = orjson.loads(store.screen_geojson(2021, 2))
    classes = classify(drawn["value"], scheme)
    fig = figures.choropleth(drawn, ind, classes, lambda v: regions_geojson, title=ind.label,
                             subtitle=tr("{unit} · {date} · NUTS 2 (Italy only)", lang, unit=ind.unit,
                                         date=date_text(date, lang)), lang=lang)
    local_figures.frame_on(fig, "IT")  # framed on Italy: the only country this source covers
    figures.set_credit(fig, map_credit(ind, lang), lang)
    return fig, date


def map_credit(ind, lang: str) -> str:
    """The credit line of a local map (the data's, then the geometry's: ``LocalIndicator.map_credit``) in ``lang``."""
    return f"{say(ind.credit, lang)} · {say(ind.map_attribution, lang)}"


def date_text(value, lang: str) -> str:
    """A report date as '05 Nov 2024' in the reader's language (CLDR month names)."""
    return format_date(pd.Timestamp(value).date(), "dd MMM y", locale=lang)


def map_image(fig, fmt: str) -> bytes:
    """PNG or SVG of a local map, with its credit line and the project's name burned in."""
    # the credit moves from above the map to the source block under the legend, wrapped for the image's width
    figures.burn_in(fig, figures.credit_text(fig), boundaries=False, project=PROJECT, width=images.MAP_SIZE[0])
    return images.figure_image(fig, fmt, images.MAP_SIZE)
