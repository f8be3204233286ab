"""Screen geometry: NUTS regions simplified for the browser without gaps or slivers between neighbours.

GEOS coverage simplification (``shapely.coverage_simplify``) simplifies the shared edges of a polygon coverage
once, so neighbours keep touching; simplifying polygon by polygon would open gaps. Outer rings are then made
clockwise, because plotly's d3-geo reads a counter-clockwise ring as "the globe minus this polygon".
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import orjson
import shapely

# Degrees. Keeps the NUTS-3 layers under 400 KB of GeoJSON while regions stay recognisable at map scale.
TOLERANCE = {0: 0.1, 1: 0.1, 2: 0.1, 3: 0.15}
DECIMALS = 3  # about 100 m: finer than a screen pixel at the map's zoom


def simplify_coverage(regions: gpd.GeoDataFrame, tolerance: float) -> gpd.GeoDataFrame:
    """Simplify one level's regions together (a coverage), round, and orient outer rings clockwise."""
    geometries = shapely.make_valid(regions.geometry.values)
    simplified = shapely.coverage_simplify(geometries, tolerance)
    rounded = shapely.set_precision(simplified, 10 ** -DECIMALS)
    # set_precision can collapse a sliver island to an empty geometry: fall back to the unsimplified shape.
    empty = shapely.is_empty(rounded)
    rounded[empty] = shapely.set_precision(geometries[empty], 10 ** -DECIMALS)
    oriented = shapely.orient_polygons(rounded, exterior_cw=True)
    return regions.set_geometry(list(oriented))


def screen_layers(regions: gpd.GeoDataFrame) -> dict[int, gpd.GeoDataFrame]:
    """The screen layer of each NUTS level present in ``regions`` (columns ``geo``, ``level``, ``geometry``)."""
    return {int(level): simplify_coverage(group.reset_index(drop=True), TOLERANCE[int(level)])
            for level, group in regions.groupby("level")}


def to_geojson_bytes(layer: gpd.GeoDataFrame, properties: tuple[str, ...] = ()) -> bytes:
    """Compact GeoJSON with the NUTS code as each feature's ``id`` (plotly's default ``featureidkey``)."""
    features = []
    for row in layer.itertuples(index=False):
        features.append({"type": "Feature", "id": row.geo,
                         "properties": {p: getattr(row, p) for p in properties},
                         "geometry": _rounded_geojson(row.geometry)})
    return orjson.dumps({"type": "FeatureCollection", "features": features})


def _rounded_geojson(geometry) -> dict:
    def ring(coords):
        return np.round(np.asarray(coords)[:, :2], DECIMALS).tolist()

    def polygon(p):
        return [ring(p.exterior.coords)] + [ring(i.coords) for i in p.interiors]

    if geometry.geom_type == "Polygon":
        return {"type": "Polygon", "coordinates": polygon(geometry)}
    parts = [p for p in shapely.get_parts(geometry) if p.geom_type == "Polygon"]
    return {"type": "MultiPolygon", "coordinates": [polygon(p) for p in parts]}
