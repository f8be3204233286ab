"""The most-affected score as a map: regions (choropleth) and municipalities (points), for the page (geometry by
URL) and as PNG/SVG with the title, sources, licences, boundary credit and project name burned in."""

from __future__ import annotations

from dataclasses import dataclass

import orjson
import pandas as pd

from dashboard.maps import figures, local_figures, map_insets
from dashboard.export import images
from dashboard.export.common import PROJECT, licence_line, source_line
from dashboard.i18n import number, say, tr
from indicators.places import lau_ranking
from indicators.regions.classes import classify
from indicators.regions.composite import not_ranked, with_geometry_version
from indicators.registry import get
from loaders.manifest import BY_ID


@dataclass(frozen=True)
class ScoreWords:
    """What a points map reads of an indicator, for the score."""

    unit: str
    decimals: int = 1
    short_unit: str = ""
    diverging: bool = False


def region_map(store, result: pd.DataFrame, level: int, lang: str, geojson=None, background=None,
               layout: str = "screen", height: float = figures.MAP_HEIGHT):
    """The regions' score (``result``: composite's frame, the not-ranked regions included); ``geojson(version)``
    gives each NUTS version's boundaries (a URL on the page; None: inlined, for an image) and ``background`` the
    grey countries outside the data."""
    if geojson is None:
        layers = {v: orjson.loads(store.screen_geojson(v, level)) for v in (2021, 2024)}
        geojson = lambda version: layers[int(version)]  # noqa: E731 - the same signature as the page's URLs
        world = orjson.loads(store.background_geojson())
        background = (world, [f["id"] for f in world["features"]])
    ranked = result[result["rank"].notna()]
    rows = with_geometry_version(store, ranked, level).assign(value=lambda f: f["score"], flag="", year=None)
    # in the ranking's countries but too thin to score: mid grey with its own entry, never the light "Not covered"
    thin = not_ranked(result) if "min_coverage" in result.attrs else pd.DataFrame(columns=["geo", "name", "reason"])
    thin = thin.merge(result[["geo", "nuts_version"]], on="geo").assign(
        reason=lambda f: [say(r, lang) for r in f["reason"]])
    # no unit after every class: _score_title says it once
    score = figures.Legend(decimals=1, unit="", credit=tr("Sources: see the weighted indicators", lang))
    fig = figures.choropleth(rows, score, classify(rows["value"], "quantiles", 5), geojson,
                             title=tr("Most-affected score", lang),
                             subtitle=tr("NUTS {level} · scaled over the EU-27", lang, level=level),
                             no_data=with_geometry_version(store, thin, level), background=background,
                             layout=layout, height=height, lang=lang,
                             no_data_name=tr("Not ranked: too little data", lang))
    _score_title(fig, lang)
    return fig


def region_image(store, result: pd.DataFrame, level: int, weights: dict[str, float], fmt: str, lang: str) -> bytes:
    """The regions' score map as PNG or SVG: each weighted indicator's source line and licence under it."""
    width, height = images.design_size(images.MAP_SIZE)
    fig = region_map(store, result, level, lang, layout="landscape", height=height)
    indicators = [get(i) for i in weights]
    sources = " · ".join(source_line(store, ind, lang=lang) for ind in indicators)
    licences = "; ".join(sorted({licence_line(ind, lang) for ind in indicators}))
    return _image(fig, f"{sources} · {licences}", fmt, boundaries=True)


def town_map(ranked: pd.DataFrame, subtitle: str, lang: str):
    """The municipalities' score as points sized by residents (LAU 2020), coloured by quintile."""
    rows = ranked.assign(value=ranked["score"], year=2021, flag="", reason="")
    words = ScoreWords(unit="")  # _score_title says the unit once
    fig = local_figures.points_map(rows, words, classify(rows["value"], "quantiles", 5),
                                   title=tr("Most-affected score: municipalities", lang), subtitle=subtitle,
                                   credit=tr("Source: Eurostat (Census 2021, 1 km grid); municipalities: Eurostat "
                                             "GISCO (LAU 2020)", lang), lang=lang)
    _score_title(fig, lang)
    return fig


def _score_title(fig, lang: str) -> None:
    """The unit said once, as the legend's title, not after every class; above the entries, so a phone keeps its
    width for them."""
    fig.update_layout(legend_title=dict(text=tr("Score (0-100)", lang), side="top"))


def town_subtitle(count: int, lang: str) -> str:
    return tr("{count} municipalities · the 1 km cells within {radius} km of each centre (Census 2021) · scaled over "
              "every EU-27 municipality of {population}+ residents", lang, count=number(count, 0, lang),
              radius=number(lau_ranking.RADIUS_KM, 0, lang), population=number(lau_ranking.MIN_POPULATION, 0, lang))


def town_image(ranked: pd.DataFrame, fmt: str, lang: str) -> bytes:
    """The municipalities' score map as PNG or SVG, with the grid's and the LAU table's sources and licences."""
    fig = town_map(ranked, town_subtitle(len(ranked), lang), lang)
    licences = "; ".join(sorted({BY_ID["census_grid_info"].licence, BY_ID["lau_2020"].licence}))
    return _image(fig, f"{figures.credit_text(fig)} · {licences}", fmt, boundaries=False)


def _image(fig, source: str, fmt: str, boundaries: bool) -> bytes:
    """Laid out at the article size, like every map image (``images.MAP_SIZE``), the lines under the legend."""
    width, height = images.design_size(images.MAP_SIZE)
    fig.update_layout(width=width, height=height)
    figures.burn_in(fig, source, boundaries=boundaries, project=PROJECT, width=width)
    if boundaries:
        map_insets.frame(fig, "landscape")  # again: the source block took room from the map
    return images.figure_image(fig, fmt, (width, height), scale=images.MAP_SIZE[0] / width)
