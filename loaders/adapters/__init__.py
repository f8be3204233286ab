"""One small adapter per upstream format. Each takes (path, source) and returns a table or raises ParseError."""

from loaders.errors import DataError, ParseError
from loaders.adapters.europe_locals import parse_europe_locals
from loaders.adapters.gisco import parse_gisco_geojson, parse_gisco_topojson, parse_urau_points
from loaders.adapters.grid import parse_grid_info, parse_grid_tile
from loaders.adapters.jrc import parse_jrc_converter
from loaders.adapters.lau import parse_lau_rda
from loaders.adapters.national import parse_accoglienza, parse_ine_68538, parse_ine_codes
from loaders.adapters.nuts_workbook import parse_nuts_workbook
from loaders.adapters.sdmx import parse_sdmx_csv, parse_sdmx_csv2, parse_sdmx_csv2_cities, parse_sdmx_csv_labels
from loaders.adapters.unhcr import parse_unhcr
from loaders.adapters.urban_rural import parse_urban_rural
from loaders.adapters.yearbook import parse_yearbook

# name (as written in the manifest) -> parser
ADAPTERS = {
    "sdmx_csv": parse_sdmx_csv,
    "sdmx_csv2": parse_sdmx_csv2,
    "sdmx_csv_labels": parse_sdmx_csv_labels,
    "europe_locals": parse_europe_locals,
    "urban_rural": parse_urban_rural,
    "yearbook_xlsx": parse_yearbook,
    "unhcr_csv": parse_unhcr,
    "jrc_converter": parse_jrc_converter,
    "nuts_workbook": parse_nuts_workbook,
    "gisco_geojson": parse_gisco_geojson,
    "gisco_topojson": parse_gisco_topojson,
    # the local layer and national deep dives: reference tables of their own, not NUTS observations
    "sdmx_csv2_cities": parse_sdmx_csv2_cities,
    "urau_points": parse_urau_points,
    "grid_tile": parse_grid_tile,
    "grid_info": parse_grid_info,
    "lau_rda": parse_lau_rda,
    "ine_68538": parse_ine_68538,
    "ine_codes": parse_ine_codes,
    "accoglienza": parse_accoglienza,
}
# Adapters whose output is observations (the tidy long table); the others give reference tables.
OBSERVATION_ADAPTERS = {"sdmx_csv", "sdmx_csv2", "sdmx_csv_labels", "europe_locals", "urban_rural",
                        "yearbook_xlsx", "unhcr_csv"}


def parse(source, path):
    """Parse ``path`` with the source's adapter. Whatever goes wrong surfaces as one ParseError naming the source."""
    try:
        adapter = ADAPTERS[source.adapter]
    except KeyError:
        raise ParseError(source.id, f"unknown format {source.adapter!r}; known: {', '.join(sorted(ADAPTERS))}") from None
    try:
        return adapter(path, source)
    except DataError:
        raise
    except Exception as exc:  # a library's own error on a broken file (openpyxl, GDAL, pandas): name the source
        raise ParseError(source.id, f"cannot parse {getattr(path, 'name', path)}: {exc.__class__.__name__}: {exc}") from exc
