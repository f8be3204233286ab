"""Static embeds: per indicator × level, one small HTML page that draws the map with plotly.js alone.

For what is read far more than it changes: any web server or CDN serves these files, no Python runs per reader.
Each year's figure is the map page's own (``map_ahead.map_view``, one builder), written beside the page as JSON and
fetched when the reader's slider reaches it. plotly.js, the boundary files and the page's script and style are
written once for all pages under content-hashed names (a CDN may keep them a year); the pages and the years'
figures keep stable names and are replaced by the next export.

Layout of ``OUT/``::

    static/plotly.<hash>.min.js, static/embed.<hash>.js, static/embed.<hash>.css
    static/screen_2021_l3.<hash>.geojson, static/background_countries.<hash>.geojson, static/base.<hash>/…json
    <indicator>/nuts<level>.<lang>.html           the page (``?year=2021`` opens that year)
    <indicator>/nuts<level>.<lang>/<year>.json    {"figure", "label", "source"} of each year
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from string import Template

import orjson

from dashboard.maps import map_ahead
from dashboard import links, state
from dashboard.maps.boundaries import BASE_MAPS, EMPTY_TOPOLOGY, MapFiles
from dashboard.export.common import PROJECT, licence_line, source_line
from dashboard.maps.figures import level_text, year_text
from dashboard.maps.plotly_bundle import geo_bundle
from dashboard.i18n import localised, say, tr
from geodata.attribution import boundaries
from indicators.regions import tables
from indicators.regions.mapdata import map_data
from indicators.registry import get
from loaders.store import boundary_files

TEMPLATES = Path(__file__).with_name("embed")
STATIC = "static"
SCHEME = "quantiles"  # the map page's default classes
# written beside the file as .gz for servers that send precompressed files (nginx's gzip_static: deploy/)
COMPRESSED = (".js", ".css", ".json", ".geojson")


def hashed(name: str, data: bytes) -> str:
    """'plotly.min.js' -> 'plotly.3f2a9c01d4e5.min.js': the name changes whenever the bytes do."""
    stem, dot, rest = name.partition(".")
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:12]}{dot}{rest}"


def page_path(indicator: str, level: int, lang: str) -> str:
    """Where the embed of one indicator, level and language lives, relative to the export's folder."""
    return f"{indicator}/nuts{int(level)}.{lang}.html"


@dataclass(frozen=True)
class StaticFiles(MapFiles):
    """The map page's ``MapFiles`` with the boundary files' content-hashed names under ``root`` (a relative URL)."""

    names: tuple[tuple[str, str], ...] = ()  # store file name -> hashed name
    base: str = ""

    def screen(self, version: int, level: int) -> str:
        return f"{self.root}/{dict(self.names)[f'screen_{int(version)}_l{int(level)}.geojson']}"

    @property
    def background(self) -> str:
        return f"{self.root}/{dict(self.names)['background_countries.geojson']}"

    @property
    def base_maps(self) -> str:
        return f"{self.root}/{self.base}/"


def shared_files(store) -> tuple[dict[str, bytes], StaticFiles, dict[str, str]]:
    """The files every page shares (by path under ``OUT/static``), the URLs the figures give the boundary files,
    and the hashed names of plotly.js and the page's script and style."""
    files: dict[str, bytes] = {}
    names = []
    for name, data in sorted(boundary_files(store.path).items()):
        names.append((name, hashed(name, data)))
        files[names[-1][1]] = data
    empty = json.dumps(EMPTY_TOPOLOGY).encode("utf-8")
    base = hashed("base", empty)
    files.update({f"{base}/{name}": empty for name in BASE_MAPS})
    assets = {}
    # plotly.js's geo bundle, as the app's /assets route serves it (1.4 MB where the full plotly.js is 4.8 MB)
    for name, data in (("plotly.min.js", geo_bundle().read_bytes()),  # checked here: other exports need no npm
                       ("embed.js", (TEMPLATES / "embed.js").read_bytes()),
                       ("embed.css", (TEMPLATES / "embed.css").read_bytes())):
        assets[name] = hashed(name, data)
        files[assets[name]] = data
    background = orjson.loads(files[dict(names)["background_countries.geojson"]])
    maps = StaticFiles(build_id=store.info["build_id"], background_ids=tuple(f["id"] for f in background["features"]),
                       root=f"../{STATIC}", names=tuple(names), base=base)
    return files, maps, assets


def live_link(live: str, indicator: str, level: int, year: int, lang: str) -> str:
    """The same view in the live app (``live``: the app's address), through the app's one URL serializer."""
    return links.at(live, state.View(indicator=indicator, level=int(level), year=int(year), lang=lang), "map")


def year_figures(store, maps: StaticFiles, indicator: str, level: int, lang: str) -> dict[int, bytes]:
    """Each year's figure (the map page's builder), its text alternative and source line, as JSON."""
    ind = localised(get(indicator), lang)
    out = {}
    for year in tables.years(store, indicator, level):
        view = map_ahead.map_view(store, maps, indicator, level, year, SCHEME, lang)
        if view is None:
            continue
        versions = map_data(store, indicator, level, year, SCHEME).versions
        label = tr("Map of {label}, {year}, {level}. The values are in the live view, linked below.", lang,
                   label=ind.label, year=year_text(year, lang), level=level_text(level, lang))
        out[year] = orjson.dumps({"figure": orjson.Fragment(view.figure), "label": label,
                                  "source": source_line(store, ind, versions, lang)})
    return out


def page(maps: StaticFiles, static: dict[str, str], indicator: str, level: int, lang: str,
         years: dict[int, bytes], live: str) -> bytes:
    """The embed's HTML page (no script inside it but its data: the code is embed.js)."""
    ind = localised(get(indicator), lang)
    latest = max(years)
    first = orjson.loads(years[latest])
    spec = {"years": sorted(years), "figures": f"nuts{int(level)}.{lang}/", "base": maps.base_maps}
    fields = {
        "lang": lang, "title": f"{ind.short_label} · {level_text(level, lang)}", "static": maps.root,
        "css": static["embed.css"], "js": static["embed.js"], "plotly": static["plotly.min.js"],
        "year_word": tr("Year", lang), "last": len(years) - 1, "year": latest, "label": first["label"],
        "year_hidden": "" if len(years) > 1 else "hidden", "source": first["source"],
        "licence": " · ".join([tr("Licence: {licence}", lang, licence=licence_line(ind, lang)), say(boundaries(), lang),
                               PROJECT]),
        "live": live_link(live, indicator, level, latest, lang),
        "live_word": tr("Open the live view (table, downloads, region profiles)", lang)}
    text = Template((TEMPLATES / "page.html").read_text(encoding="utf-8")).substitute(
        {k: html.escape(str(v)) for k, v in fields.items()},
        spec=json.dumps(spec).replace("</", "<\\/"))  # JSON inside <script>: never a closing tag
    return text.encode("utf-8")


def files(store, langs: list[str], indicators: list[str], live: str = "/") -> Iterator[tuple[str, bytes]]:
    """Every file of the export, by path relative to ``OUT/``, one page's files at a time (each JSON, script,
    style and boundary file followed by its precompressed copy)."""
    shared, maps, assets = shared_files(store)
    yield from _with_gzip((f"{STATIC}/{name}", data) for name, data in shared.items())
    for indicator in indicators:
        for level in tables.levels(store, indicator):
            for lang in langs:
                years = year_figures(store, maps, indicator, level, lang)
                if not years:
                    continue
                folder = page_path(indicator, level, lang).removesuffix(".html")
                yield from _with_gzip((f"{folder}/{year}.json", data) for year, data in years.items())
                yield page_path(indicator, level, lang), page(maps, assets, indicator, level, lang, years, live)


def _with_gzip(pairs) -> Iterator[tuple[str, bytes]]:
    for path, data in pairs:
        yield path, data
        if path.endswith(COMPRESSED):
            yield f"{path}.gz", gzip.compress(data, compresslevel=9, mtime=0)
