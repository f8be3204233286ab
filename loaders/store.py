"""The tidy store: every observation with its provenance, flag and NUTS version, plus screen-ready geometry.

Stored as Parquet (GeoParquet for shapes) in one folder per build, published by rewriting a CURRENT pointer,
so a reader sees the old store or the new one and an interrupted build leaves no half-written store.
Parquet because the app reads whole columns at start-up (~0.2 s for the full table), keeps types and
categories, needs no server, and pandas/geopandas read it natively.
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Sequence

import geopandas as gpd
from shapely.geometry import box
import pandas as pd

from geodata import codes as nuts_codes
from geodata.screen import screen_layers, simplify_coverage, to_geojson_bytes
from loaders import adapters, cache, city_tables, local_tables
from loaders.errors import DataError, StoreMissingError
from loaders.manifest import SOURCES, Source
from loaders.memo import Memo

NUTS_VERSIONS = (2016, 2021, 2024)
GEOMETRY_VERSIONS = (2021, 2024)
CORE = ["source_id", "dataset", "geo", "geo_kind", "level", "country", "nuts_version", "time", "year",
        "value", "flag", "unit"]
EUROPE_EXTENT = (-32.0, 26.0, 52.0, 72.0)  # lon/lat box around every NUTS region but the outermost ones
BACKGROUND_SETTINGS = (0.1, 2)  # countries outside the data: a grey backdrop, coarse is fine


@dataclass
class Store:
    """A built store, loaded: the tables the indicators read."""

    path: Path
    info: dict
    observations: pd.DataFrame
    regions: pd.DataFrame
    typologies: pd.DataFrame
    unmatched: pd.DataFrame
    converters: pd.DataFrame
    countries: pd.DataFrame  # every country of the world (GISCO code, names in en/fr/de), for origins and summaries
    _screen_cache: dict = field(default_factory=dict, repr=False)
    memo: Memo = field(default_factory=Memo, repr=False)  # derived tables of the indicators layer, bounded

    def screen_geojson(self, version: int, level: int) -> bytes:
        """The screen GeoJSON of one NUTS version and level (bytes, as stored)."""
        key = (version, level)
        if key not in self._screen_cache:
            self._screen_cache[key] = (self.path / f"screen_{version}_l{level}.geojson").read_bytes()
        return self._screen_cache[key]

    def background_geojson(self) -> bytes:
        """Countries (simplified) for the grey background outside the mapped regions."""
        return (self.path / "background_countries.geojson").read_bytes()

    def local(self, table: str) -> pd.DataFrame:
        """A local-layer table (grid_cells, municipalities, …), read on first use: see loaders/local_tables.py."""
        return local_tables.read(self, table)

    def derived(self, name: str) -> pd.DataFrame | None:
        """A table a layer above derived from this store when it was built (``build(derive=…)``), or None."""
        path = self.path / f"derived_{name}.parquet"
        return self.memo.cached(("derived", name), lambda: pd.read_parquet(path) if path.is_file() else None)

    def regions_geometry(self, version: int) -> gpd.GeoDataFrame:
        """Full-resolution (repaired) regions of one NUTS version, all levels."""
        return gpd.read_parquet(self.path / f"regions_{version}.parquet")


Derivation = Callable[["Store"], dict[str, pd.DataFrame]]


def build(progress: Callable[[str], None] | None = None, derive: Sequence[Derivation] = ()) -> Path:
    """Turn the fetched files into a new store and publish it; the previous store stays until the switch.

    ``derive``: functions of the built (not yet published) store returning tables to keep with it, read back with
    ``Store.derived``. The layers above hand them in (this layer cannot import them), so a table they derive is
    written once, into the build folder, before the store is published and never changes after.
    """
    say = progress or (lambda message: None)
    started = time.perf_counter()
    parsed = _parse_all(say)
    say("code lists and typologies")
    code_lists = _code_lists(parsed)
    typologies = pd.concat([parsed[s]["typologies"] for s in ("nuts_2021_workbook", "nuts_2024_workbook")],
                           ignore_index=True)
    geometry = {2021: pd.concat([parsed[f"gisco_nuts2021_l{lvl}"] for lvl in range(4)], ignore_index=True),
                2024: parsed["gisco_nuts2024"]}
    regions = _regions_table(code_lists, geometry, parsed["gisco_countries"])
    say("observations: NUTS versions")
    observations, unmatched = _observations(parsed, code_lists, geometry)
    converters = pd.concat([parsed[s.id] for s in SOURCES if s.adapter == "jrc_converter"], ignore_index=True)
    local = city_tables.build_tables(parsed)  # cities, Spain's municipalities, Italy's reception

    build_id = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    root = cache.store_root()
    target = root / build_id
    staging = root / f".{build_id}.building"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        say("writing tables")
        observations.to_parquet(staging / "observations.parquet", index=False)
        regions.to_parquet(staging / "regions.parquet", index=False)
        typologies.astype({"capital": "object"}).to_parquet(staging / "typologies.parquet", index=False)
        unmatched.to_parquet(staging / "unmatched.parquet", index=False)
        converters.to_parquet(staging / "converters.parquet", index=False)
        city_tables.write(local, staging)
        countries = parsed["gisco_countries"][["geo", "name", "name_fr", "name_de"]].dropna(subset=["geo", "name"])
        pd.DataFrame(countries).to_parquet(staging / "countries.parquet", index=False)
        say("writing geometry (screen layers simplified as coverages)")
        for version, layer in geometry.items():
            layer.to_parquet(staging / f"regions_{version}.parquet", index=False)
            for level, screen in screen_layers(layer[["geo", "level", "geometry"]]).items():
                (staging / f"screen_{version}_l{level}.geojson").write_bytes(to_geojson_bytes(screen))
        world = parsed["gisco_countries"][["geo", "geometry"]]
        nearby = world[world.intersects(box(*EUROPE_EXTENT))].reset_index(drop=True)  # the map never shows the rest
        background = simplify_coverage(nearby, *BACKGROUND_SETTINGS)
        (staging / "background_countries.geojson").write_bytes(to_geojson_bytes(background))
        local_tables.write(parsed, geometry[2021], staging, say)
        info = _build_info(build_id, observations, unmatched, time.perf_counter() - started, parsed)
        if derive:
            staged = _open(staging, info)
            for make in derive:
                say(f"derived tables: {make.__module__}")
                for name, table in make(staged).items():
                    table.to_parquet(staging / f"derived_{name}.parquet", index=False)
            info["seconds_derived"] = round(time.perf_counter() - started - info["seconds"], 2)
        (staging / "build.json").write_text(json.dumps(info, indent=2, default=str), encoding="utf-8")
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    previous = current_store_path()
    cache.write_text_atomic(root / "CURRENT", build_id)
    # The previous build stays one more round: an app that loaded it may still be reading its geometry.
    _remove_old_builds(root, keep={build_id, previous.name if previous else build_id})
    say(f"store {build_id} published in {time.perf_counter() - started:.1f} s")
    return target


def current_store_path() -> Path | None:
    """The folder of the store in use, or None when none has been built."""
    pointer = cache.store_root() / "CURRENT"
    try:
        path = cache.store_root() / pointer.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return path if (path / "build.json").is_file() else None


def load_store() -> Store:
    """Load the current store (observations, regions, typologies, unmatched codes, converters)."""
    path = current_store_path()
    if path is None:
        raise StoreMissingError("No data store yet: run `python -m loaders fetch && python -m indicators build`.")
    return _open(path, json.loads((path / "build.json").read_text(encoding="utf-8")))


def _open(path: Path, info: dict) -> Store:
    return Store(
        path=path, info=info,
        observations=pd.read_parquet(path / "observations.parquet"),
        regions=pd.read_parquet(path / "regions.parquet"),
        typologies=pd.read_parquet(path / "typologies.parquet"),
        unmatched=pd.read_parquet(path / "unmatched.parquet"),
        converters=pd.read_parquet(path / "converters.parquet"),
        countries=pd.read_parquet(path / "countries.parquet"),
    )


# --- stages ---------------------------------------------------------------------------------------------


def _parse_all(say) -> dict:
    parsed = {}
    for source in SOURCES:
        path = cache.raw_path(source)
        if not path.is_file() or cache.read_sidecar(source) is None:
            raise DataError(source.id, f"not fetched yet (no {path.name} in {path.parent}); run `python -m loaders fetch`")
        say(f"parse {source.id}")
        parsed[source.id] = adapters.parse(source, path)
    return parsed


def _code_lists(parsed: dict) -> pd.DataFrame:
    """Every code valid in each NUTS version (workbooks, plus GISCO ids for the versions with geometry)."""
    lists = [parsed["nuts_2021_workbook"]["codes"], parsed["nuts_2024_workbook"]["codes"]]
    for source_id, version in [("gisco_nuts2024", 2024)] + [(f"gisco_nuts2021_l{i}", 2021) for i in range(4)]:
        g = parsed[source_id]
        lists.append(pd.DataFrame({"version": version, "geo": g["geo"], "name": g["name_latn"],
                                   "level": g["level"], "country": g["country"]}))
    return pd.concat(lists, ignore_index=True).drop_duplicates(["version", "geo"])


def _regions_table(code_lists: pd.DataFrame, geometry: dict, countries: pd.DataFrame) -> pd.DataFrame:
    """One row per (version, code): name (GISCO Latin name first; countries in English), level, country,
    has_geometry."""
    table = code_lists.copy()
    table["has_geometry"] = False
    for version, layer in geometry.items():
        names = layer.set_index("geo")["name_latn"]
        here = table["version"].eq(version)
        table.loc[here, "has_geometry"] = table.loc[here, "geo"].isin(names.index)
        gisco = table.loc[here, "geo"].map(names)
        table.loc[here, "name"] = gisco.fillna(table.loc[here, "name"])
    english = countries.dropna(subset=["name"]).set_index("geo")["name"]
    national = table["level"].eq(0)
    table.loc[national, "name"] = table.loc[national, "geo"].map(english).fillna(table.loc[national, "name"])
    table["name"] = table["name"].fillna(table["geo"]).astype(str).str.replace("\xa0", " ").str.strip()
    return table.reset_index(drop=True)


def _observations(parsed: dict, code_lists: pd.DataFrame, geometry: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    frames, unmatched = [], []
    valid = code_lists.groupby("geo")["version"].apply(lambda v: sorted(set(v))).to_dict()  # once, not per source
    for source in SOURCES:
        if source.adapter not in adapters.OBSERVATION_ADAPTERS:
            continue
        frame = parsed[source.id]
        for item in frame.attrs.get("unmatched", []):
            unmatched.append({"source_id": source.id, **item})
        frames.append(_with_versions(frame, source, valid))
    observations = pd.concat(frames, ignore_index=True)
    unmatched.extend(_unmatched_codes(observations, geometry))
    observations = _tidy_types(observations)
    return observations, pd.DataFrame(unmatched, columns=["source_id", "geo", "reason"]).astype(str)


def _with_versions(frame: pd.DataFrame, source: Source, valid: dict[str, list[int]]) -> pd.DataFrame:
    """Add geo kind, level, country and the NUTS version chosen from the code lists.

    A code valid in several versions takes the version the publisher used (the manifest's), else the newest
    one not newer than it, else the newest; a code in no list gets no version and is reported as unmatched.
    ``valid``: each code's versions in the code lists. Every rule runs once per distinct code, not per row.
    """
    frame = frame.copy()
    geos = pd.Series(frame["geo"].unique())
    kinds = geos.map(nuts_codes.geo_kind)
    declared = source.nuts_version or max(NUTS_VERSIONS)

    def choose(code: str):
        versions = valid.get(code)
        if not versions:
            return None
        if declared in versions:
            return declared
        older = [v for v in versions if v <= declared]
        return max(older) if older else max(versions)

    version = {g: (choose(g) if k in ("region", "country", "extra_regio") else None) for g, k in zip(geos, kinds)}
    frame["geo_kind"] = frame["geo"].map(dict(zip(geos, kinds)))
    frame["level"] = frame["geo"].map({g: nuts_codes.level_of(g) for g in geos})
    frame["country"] = frame["geo"].map({g: nuts_codes.country_of(g) for g in geos})
    frame["nuts_version"] = frame["geo"].map(version)
    frame["year"] = pd.to_numeric(frame["time"].str[:4], errors="coerce")
    return frame


def _unmatched_codes(observations: pd.DataFrame, geometry: dict) -> list[dict]:
    """Regional codes that match no code list, or whose version has no geometry for them."""
    rows = []
    regional = observations[observations["geo_kind"].isin(["region", "country"])]
    pairs = regional[["source_id", "geo", "nuts_version"]].drop_duplicates()
    shapes = {v: set(layer["geo"]) for v, layer in geometry.items()}
    for source_id, geo, version in pairs.itertuples(index=False):
        if pd.isna(version):
            rows.append({"source_id": source_id, "geo": geo, "reason": "code in no NUTS code list (2016, 2021, 2024)"})
        elif int(version) not in shapes:
            rows.append({"source_id": source_id, "geo": geo,
                         "reason": f"NUTS {int(version)} code: no geometry of that version (convertible with the JRC matrix)"})
        elif geo not in shapes[int(version)]:
            rows.append({"source_id": source_id, "geo": geo, "reason": f"not in the GISCO NUTS {int(version)} boundaries"})
    return rows


def _tidy_types(observations: pd.DataFrame) -> pd.DataFrame:
    dims = [c for c in observations.columns if c not in CORE]
    out = observations[CORE + dims].copy()
    out["level"] = out["level"].astype("Int8")
    out["nuts_version"] = out["nuts_version"].astype("Int16")
    out["year"] = out["year"].astype("Int16")
    out["value"] = out["value"].astype("float64")
    for column in ["source_id", "dataset", "geo", "geo_kind", "country", "time", "flag", "unit", *dims]:
        out[column] = out[column].astype("category")
    return out


def _build_info(build_id: str, observations: pd.DataFrame, unmatched: pd.DataFrame, seconds: float,
                parsed: dict) -> dict:
    sources = {}
    for source in SOURCES:
        side = cache.read_sidecar(source) or {}
        sources[source.id] = {k: side.get(k) for k in ("origin", "location", "retrieved_at", "sha256")}
        # rows and the upstream date as this build parsed them (fetch skips the parse of a file whose
        # checksum is the pinned one, so its sidecar may not have them)
        table = parsed[source.id]
        sources[source.id]["rows"] = sum(len(t) for t in table.values()) if isinstance(table, dict) else len(table)
        sources[source.id]["upstream_last_update"] = getattr(table, "attrs", {}).get("last_update")
    return {"build_id": build_id, "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "seconds": round(seconds, 2), "observations": len(observations),
            "unmatched": len(unmatched), "sources": sources}


def _remove_old_builds(root: Path, keep: set[str]) -> None:
    for folder in root.iterdir():
        if folder.is_dir() and folder.name not in keep:
            shutil.rmtree(folder, ignore_errors=True)


BOUNDARY_FILES = tuple(f"screen_{v}_l{lv}.geojson" for v in GEOMETRY_VERSIONS for lv in range(4)) \
    + ("background_countries.geojson",)


def boundary_files(path: Path) -> dict[str, bytes]:
    """The screen boundary files of one store build, by name: what the app serves to browsers."""
    return {name: (path / name).read_bytes() for name in BOUNDARY_FILES}
