"""GISCO boundaries: NUTS GeoJSON (one level or all) and the country TopoJSON."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import shapely

from loaders.errors import ParseError
from loaders.manifest import Source

NUTS_COLUMNS = ["version", "geo", "level", "country", "name_latn", "name", "mount_type", "urbn_type", "coast_type", "geometry"]


def parse_gisco_geojson(path: Path, source: Source) -> gpd.GeoDataFrame:
    """NUTS regions with clean names (no trailing non-breaking spaces) and valid geometry."""
    regions = _read(path, source)
    needed = {"NUTS_ID", "LEVL_CODE", "CNTR_CODE", "NAME_LATN", "NUTS_NAME"}
    if not needed <= set(regions.columns):
        raise ParseError(source.id, f"missing properties {sorted(needed - set(regions.columns))}")
    out = gpd.GeoDataFrame({
        "version": source.nuts_version, "geo": regions["NUTS_ID"].astype(str).str.strip(),
        "level": regions["LEVL_CODE"].astype(int), "country": regions["CNTR_CODE"].astype(str),
        # GISCO names sometimes end in U+00A0: strip it, or searches and joins on names fail.
        "name_latn": regions["NAME_LATN"].astype(str).str.replace("\xa0", " ").str.strip(),
        "name": regions["NUTS_NAME"].astype(str).str.replace("\xa0", " ").str.strip(),
        "mount_type": regions.get("MOUNT_TYPE"), "urbn_type": regions.get("URBN_TYPE"),
        "coast_type": regions.get("COAST_TYPE"),
    }, geometry=_repaired(regions.geometry.values), crs="EPSG:4326")
    if out["geo"].duplicated().any():
        raise ParseError(source.id, f"duplicate NUTS_ID {out.loc[out['geo'].duplicated(), 'geo'].tolist()[:3]}")
    out.attrs["last_update"] = None
    return out[NUTS_COLUMNS]


def parse_gisco_topojson(path: Path, source: Source) -> gpd.GeoDataFrame:
    """Countries (``CNTR_ID``, names in English, French, German) with invalid polygons repaired, for the map
    background and the country names of summaries."""
    countries = _read(path, source)
    if "CNTR_ID" not in countries.columns:
        raise ParseError(source.id, "no CNTR_ID property")
    out = gpd.GeoDataFrame({"geo": countries["CNTR_ID"].astype(str), "name": countries.get("NAME_ENGL"),
                            "name_fr": countries.get("NAME_FREN"), "name_de": countries.get("NAME_GERM")},
                           geometry=_repaired(countries.geometry.values), crs="EPSG:4326")
    out.attrs["last_update"] = None
    return out


def _read(path: Path, source: Source) -> gpd.GeoDataFrame:
    try:
        frame = gpd.read_file(path)
    except Exception as exc:  # GDAL raises several unrelated types for a broken file; all mean "unreadable"
        raise ParseError(source.id, f"not a readable GeoJSON/TopoJSON file: {exc}") from exc
    if frame.empty or frame.geometry.isna().all():
        raise ParseError(source.id, "no features with geometry")
    return frame


def _repaired(geometries):
    """make_valid, keeping only the polygonal part (a repair can add stray lines or points)."""
    fixed = shapely.make_valid(geometries)
    return [g if g.geom_type in ("Polygon", "MultiPolygon") else
            shapely.union_all([p for p in shapely.get_parts(g) if p.geom_type in ("Polygon", "MultiPolygon")])
            for g in fixed]


def parse_urau_points(path: Path, source: Source) -> gpd.GeoDataFrame:
    """Urban Audit cities as label points, with the NUTS 3 (2021) region GISCO files each city under."""
    cities = _read(path, source)
    needed = {"URAU_CODE", "URAU_NAME", "CNTR_CODE", "NUTS3_2021", "URAU_CATG"}
    if not needed <= set(cities.columns):
        raise ParseError(source.id, f"missing properties {sorted(needed - set(cities.columns))}")
    if not (cities.geometry.geom_type == "Point").all():
        raise ParseError(source.id, "Urban Audit label points that are not points")
    out = gpd.GeoDataFrame({
        "city": cities["URAU_CODE"].astype(str).str.strip(), "name": cities["URAU_NAME"].astype(str).str.strip(),
        "country": cities["CNTR_CODE"].astype(str), "category": cities["URAU_CATG"].astype(str),
        "nuts3_2021": cities["NUTS3_2021"].astype(str), "fua": cities.get("FUA_CODE"),
        "capital": cities.get("CITY_CPTL"), "area_m2": cities.get("AREA_SQM"),
    }, geometry=cities.geometry.values, crs="EPSG:4326")
    if out["city"].duplicated().any():
        raise ParseError(source.id, f"duplicate URAU_CODE {out.loc[out['city'].duplicated(), 'city'].tolist()[:3]}")
    out.attrs["last_update"] = None
    return out
