"""Shared fixtures: the real-data mirror, and one store built from it per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _mirror() -> Path:
    configured = os.environ.get("MIGRATION_DATA_MIRROR")
    path = Path(configured) if configured else REPO.parent / "shared" / "data"
    path = (path if path.is_absolute() else Path.cwd() / path).resolve()
    if not (path / "SHA256SUMS").is_file():
        pytest.exit(f"The real-data mirror is missing at {path}: set MIGRATION_DATA_MIRROR (see README).", returncode=3)
    return path


@pytest.fixture(scope="session")
def mirror() -> Path:
    """The offline mirror of the real upstream files (never skipped: without it the suite stops)."""
    return _mirror()


@pytest.fixture(scope="session")
def store_env(tmp_path_factory, mirror):
    """A cache directory holding everything fetched from the mirror and one built store."""
    from loaders.fetch import fetch_all
    from loaders.store import build

    cache_dir = tmp_path_factory.mktemp("cache")
    previous = os.environ.get("MIGRATION_CACHE_DIR")
    os.environ["MIGRATION_CACHE_DIR"] = str(cache_dir)
    failed = [r for r in fetch_all(mirror=mirror) if r.status == "failed"]
    assert not failed, failed
    build()
    yield cache_dir
    if previous is None:
        os.environ.pop("MIGRATION_CACHE_DIR", None)
    else:
        os.environ["MIGRATION_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def store(store_env):
    """The store built from the real mirror, loaded."""
    from loaders.store import load_store

    return load_store()


@pytest.fixture()
def own_cache(tmp_path, monkeypatch):
    """An empty cache of the test's own (for tests that break things)."""
    monkeypatch.setenv("MIGRATION_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"
