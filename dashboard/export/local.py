"""Exports of the local layer: CSV rows with the credit line in every row, the metadata sidecar, and the maps."""

from __future__ import annotations

import json

import orjson
import pandas as pd
from babel.dates import format_date

from dashboard import figures, local_figures
from dashboard.export import images
from dashboard.export.common import FLAG_LEGEND, PROJECT, generated
from dashboard.export.csvs import to_csv_bytes
from dashboard.i18n import localised, number, say, tr
from indicators import deep_dives, local_maps
from indicators.classes import classify
from loaders.manifest import SOURCES

COLUMNS = ["geo", "name", "level", "country", "year", "value", "flag", "unit", "source", "note"]
_LICENCES = {s.id: s.licence for s in SOURCES}


def rows(store, indicator_id: str, year: int | None = None) -> pd.DataFrame:
    """The indicator's rows as exported: values not shown stay empty, and ``source`` is the credit line."""
    ind = deep_dives.get(indicator_id)
    out = ind.rows(store)
    if year is not None:
        out = out[out["year"].eq(year)]
    extra = [c for c in ("date", "verdict", "rules") if c in out]
    out = out[COLUMNS + extra].copy()
    out["source"] = ind.credit
    return out


def csv_bytes(store, indicator_id: str, year: int | None = None) -> bytes:
    """Spreadsheet-safe CSV (UTF-8 with BOM) of the rows."""
    return to_csv_bytes(rows(store, indicator_id, year))


def metadata(store, indicator_id: str, year: int | None = None) -> dict:
    """The sidecar: definition, coverage, credit, licences, caveats."""
    ind = deep_dives.get(indicator_id)
    retrieved = {s: (store.info.get("sources", {}).get(s) or {}).get("retrieved_at") for s in ind.sources}
    return {"title": ind.label, "indicator_id": ind.id, "definition": ind.description, "unit": ind.unit,
            "level": deep_dives.LEVELS[ind.level], "coverage": ind.coverage, "year": year, "source": ind.credit,
            "map_credit": ind.map_credit, "sources": list(ind.sources), "retrieved": retrieved,
            "licences": {s: _LICENCES.get(s, "") for s in ind.sources}, "caveats": list(ind.caveats),
            "flags": FLAG_LEGEND, "generated": generated(), "generated_by": PROJECT}


def metadata_bytes(store, indicator_id: str, year: int | None = None) -> bytes:
    return json.dumps(metadata(store, indicator_id, year), indent=2, ensure_ascii=False, default=str).encode("utf-8")


# --- maps: one builder each, used by the page (geometry by URL) and by the image export (geometry inlined) ---


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
    ind = localised(deep_dives.get("it_reception_per_1000"), lang)
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
