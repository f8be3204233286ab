"""Where fetched files and the built store live, and how they are written without ever being half-written."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import platformdirs

APP_NAME = "territorial-migration-atlas"


def cache_dir() -> Path:
    """The cache root: ``MIGRATION_CACHE_DIR`` if set, else the per-user cache directory."""
    override = os.environ.get("MIGRATION_CACHE_DIR")
    return Path(override).expanduser().resolve() if override else Path(platformdirs.user_cache_dir(APP_NAME))


def raw_dir() -> Path:
    """Fetched upstream files, byte for byte, each with a provenance sidecar."""
    return cache_dir() / "raw"


def store_root() -> Path:
    """Built stores, one folder per build, and the CURRENT pointer to the one in use."""
    return cache_dir() / "store"


def raw_path(source) -> Path:
    """The cached copy of ``source`` (its id plus the upstream file's extension)."""
    suffix = "".join(Path(source.mirror_path).suffixes[-2:]) if source.mirror_path.endswith(".topojson.json") \
        else Path(source.mirror_path).suffix
    return raw_dir() / f"{source.id}{suffix}"


def sidecar_path(source) -> Path:
    """The provenance record of the cached copy of ``source``."""
    return raw_dir() / f"{source.id}.provenance.json"


def read_sidecar(source) -> dict | None:
    """The provenance of the cached copy, or None when there is none (or it is unreadable)."""
    try:
        return json.loads(sidecar_path(source).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def temp_path_beside(final: Path) -> Path:
    """A fresh temporary file in the same folder as ``final`` (so os.replace is atomic)."""
    final.parent.mkdir(parents=True, exist_ok=True)
    # Keep the real extension last: some readers (openpyxl, GDAL) choose their format by it.
    handle, name = tempfile.mkstemp(prefix=f".{final.stem}.", suffix=f".part{final.suffix}", dir=final.parent)
    os.close(handle)
    return Path(name)


def publish(temp: Path, final: Path) -> None:
    """Flush ``temp`` to disk and move it over ``final`` in one atomic step."""
    with open(temp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(temp, final)


def write_json_atomic(path: Path, payload: dict) -> None:
    """Write JSON so that a reader sees the old file or the new one, never a mix."""
    temp = temp_path_beside(path)
    try:
        temp.write_text(json.dumps(payload, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
        publish(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def remove_leftovers(folder: Path) -> int:
    """Delete the ``.*.part*`` files an interrupted run left behind; returns how many."""
    count = 0
    for leftover in folder.glob(".*.part*") if folder.exists() else []:
        leftover.unlink(missing_ok=True)
        count += 1
    return count


CACHE_FOLDERS = ("raw", "store", "export-assets")  # everything this project writes into the cache root


def clear_cache() -> list[Path]:
    """Delete every fetched file, built store and export asset; the folders removed.

    Only the project's own folders go, never the root itself: MIGRATION_CACHE_DIR may point at a shared place.
    """
    removed = [cache_dir() / name for name in CACHE_FOLDERS if (cache_dir() / name).exists()]
    for folder in removed:
        shutil.rmtree(folder)
    return removed


def write_text_atomic(path: Path, text: str) -> None:
    """Write a small text file atomically (the store's CURRENT pointer)."""
    temp = temp_path_beside(path)
    try:
        temp.write_text(text, encoding="utf-8")
        publish(temp, path)
    finally:
        temp.unlink(missing_ok=True)
