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
import shapely.geometry

# Per level: (tolerance in degrees, decimals kept). GISCO's 1:20M shapes are already generalised, so few
# vertices go below 0.05 degrees; the NUTS-3 layer needs 0.1 and two decimals (about 1 km, about a pixel
# when a whole country fills the map) (0.11) to stay under 400 KB of GeoJSON. Small city regions lose shape detail
# at that level, as on Eurostat's own 1:20M maps; the full shapes stay in the store.
SETTINGS = {0: (0.05, 3), 1: (0.05, 3), 2: (0.05, 3), 3: (0.11, 2)}


def simplify_coverage(regions: gpd.GeoDataFrame, tolerance: float, decimals: int) -> gpd.GeoDataFrame:
    """Simplify one level's regions together (a coverage) and orient outer rings clockwise.

    Coordinates are rounded later, point by point, when the GeoJSON is written: shared vertices round to the
    same point on both sides, so neighbours stay edge-matched (GEOS set_precision would re-node each polygon
    on its own and open gaps between small regions).
    """
    geometries = shapely.make_valid(regions.geometry.values)
    simplified = shapely.coverage_simplify(geometries, tolerance)
    # A region that touches no other (an island such as Gozo) can be simplified on its own without opening
    # gaps; so can one that collapsed to nothing. Both get a gentler simplification and one more decimal,
    # so that coarse rounding cannot make an island touch the shore across a narrow strait.
    own = shapely.is_empty(simplified) | _isolated(geometries, 0.005)
    simplified[own] = shapely.simplify(geometries[own], tolerance / 10, preserve_topology=True)
    oriented = shapely.orient_polygons(simplified, exterior_cw=True)
    out = regions.copy()
    out["decimals"] = np.where(own, decimals + 1, decimals)
    return out.set_geometry(list(oriented))


def _isolated(geometries: np.ndarray, distance: float) -> np.ndarray:
    """True where no other geometry of the array comes within ``distance`` (source borders are not always exact)."""
    tree = shapely.STRtree(geometries)
    pairs = tree.query(geometries, predicate="dwithin", distance=distance)
    others = pairs[:, pairs[0] != pairs[1]]
    isolated = np.ones(len(geometries), dtype=bool)
    isolated[others[0]] = False
    return isolated


def screen_layers(regions: gpd.GeoDataFrame) -> dict[int, gpd.GeoDataFrame]:
    """The screen layer of each NUTS level present in ``regions`` (columns ``geo``, ``level``, ``geometry``)."""
    return {int(level): simplify_coverage(group.reset_index(drop=True), *SETTINGS[int(level)])
            for level, group in regions.groupby("level")}


def to_geojson_bytes(layer: gpd.GeoDataFrame, properties: tuple[str, ...] = ()) -> bytes:
    """Compact GeoJSON with the NUTS code as each feature's ``id`` (plotly's default ``featureidkey``)."""
    features = []
    for row in layer.itertuples(index=False):
        geometry = _rounded_geojson(row.geometry, int(row.decimals))
        if not shapely.geometry.shape(geometry).is_valid:
            # Rounding bent a thin part across itself (two regions of 1 500): keep one more decimal there.
            geometry = _rounded_geojson(row.geometry, int(row.decimals) + 1)
        features.append({"type": "Feature", "id": row.geo,
                         "properties": {p: getattr(row, p) for p in properties}, "geometry": geometry})
    return orjson.dumps({"type": "FeatureCollection", "features": features})


def _rounded_geojson(geometry, decimals: int) -> dict:
    def ring(coords, clockwise: bool):
        points = np.round(np.asarray(coords)[:, :2], decimals)
        keep = np.ones(len(points), dtype=bool)
        keep[1:] = np.any(points[1:] != points[:-1], axis=1)  # rounding merges neighbours: drop the repeats
        points = points[keep]
        x, y = points[:, 0], points[:, 1]
        signed_area = np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1])  # negative when clockwise
        if (signed_area > 0) == clockwise:  # rounding can flip a tiny ring
            points = points[::-1]
        return points.tolist()

    def polygon(p):
        rings = [ring(p.exterior.coords, True)] + [ring(i.coords, False) for i in p.interiors]
        return [r for r in rings if len(r) >= 4]  # a ring rounded down to a line is no ring

    parts = [polygon(p) for p in shapely.get_parts(geometry) if p.geom_type == "Polygon"]
    parts = [p for p in parts if p and len(p[0]) >= 4]
    if len(parts) == 1:
        return {"type": "Polygon", "coordinates": parts[0]}
    return {"type": "MultiPolygon", "coordinates": parts}


def label_points(geojson: bytes) -> dict[str, tuple[float, float]]:
    """A point inside each feature (for markers on a map), by feature id."""
    doc = orjson.loads(geojson)
    points = {}
    for feature in doc["features"]:
        point = shapely.geometry.shape(feature["geometry"]).representative_point()
        points[feature["id"]] = (round(point.x, 3), round(point.y, 3))
    return points
