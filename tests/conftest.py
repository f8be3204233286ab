"""Shared fixtures: the real-data mirror, and one store built from it, reused while its inputs are unchanged."""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
from importlib import metadata
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# What a build depends on: the mirror's checksums, the code that fetches and builds, the libraries that parse
# and write. A change to any of them gives a new key, hence a fresh build.
BUILD_CODE = ("loaders", "geodata")
BUILD_LIBRARIES = ("pandas", "geopandas", "shapely", "pyarrow", "openpyxl", "python-calamine", "pyogrio",
                   "topojson", "pyreadr")


def _mirror() -> Path:
    configured = os.environ.get("MIGRATION_DATA_MIRROR")
    path = Path(configured) if configured else REPO.parent / "shared" / "data"
    path = (path if path.is_absolute() else Path.cwd() / path).resolve()
    if not (path / "SHA256SUMS").is_file():
        pytest.exit(f"The real-data mirror is missing at {path}: set MIGRATION_DATA_MIRROR (see README).", returncode=3)
    return path


def build_key(mirror: Path) -> str:
    """A hash of everything a store build reads: SHA256SUMS, the loaders' and geodata's code, library versions."""
    digest = hashlib.sha256((mirror / "SHA256SUMS").read_bytes())
    for package in BUILD_CODE:
        for path in sorted((REPO / package).rglob("*.py")):
            digest.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes())
    for library in BUILD_LIBRARIES:
        try:
            digest.update(f"{library}=={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library} absent".encode())
    return digest.hexdigest()[:20]


def copy_of_built_cache(mirror: Path, into: Path) -> Path:
    """Copy the cache (raw files + one store) built for this build key into ``into``; build it first if needed.

    Builds are kept in ``MIGRATION_TEST_STORES`` (default: the checkout's .pytest_cache) so later sessions
    reuse them; sessions only ever copy a build, under the lock, so it stays exactly as built.
    """
    # the full build, with the indicators' derived tables; they carry a stamp of the code that made them and are
    # recomputed on first use when that code has changed since, so indicators/ need not be in the key
    from indicators.derived import build
    from loaders.fetch import fetch_all

    root = Path(os.environ.get("MIGRATION_TEST_STORES", REPO / ".pytest_cache" / "atlas-stores"))
    root.mkdir(parents=True, exist_ok=True)
    key = build_key(mirror)
    done = root / key
    with open(root / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # sessions starting together build once, and never copy a half build
        if not (done / "BUILT").is_file():
            work = root / f".{key}.building"
            shutil.rmtree(work, ignore_errors=True)
            previous = os.environ.get("MIGRATION_CACHE_DIR")
            os.environ["MIGRATION_CACHE_DIR"] = str(work)
            try:
                failed = [r for r in fetch_all(mirror=mirror) if r.status == "failed"]
                assert not failed, failed
                build()
            finally:
                _restore("MIGRATION_CACHE_DIR", previous)
            (work / "BUILT").write_text(key, encoding="utf-8")
            shutil.rmtree(done, ignore_errors=True)
            work.rename(done)
            others = sorted((p for p in root.iterdir() if p.is_dir() and p != done), key=lambda p: p.stat().st_mtime)
            for old in others[:-1]:  # other keys are older code or data: keep the newest one besides this
                shutil.rmtree(old, ignore_errors=True)
        shutil.copytree(done, into)
    (into / "BUILT").unlink()
    return into


def _restore(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


@pytest.fixture(scope="session")
def mirror() -> Path:
    """The offline mirror of the real upstream files (never skipped: without it the suite stops)."""
    return _mirror()


@pytest.fixture(scope="session")
def store_env(tmp_path_factory, mirror):
    """This session's own copy of the built cache (fetched files and one store), as MIGRATION_CACHE_DIR."""
    cache_dir = copy_of_built_cache(mirror, tmp_path_factory.mktemp("cache") / "cache")
    previous = os.environ.get("MIGRATION_CACHE_DIR")
    os.environ["MIGRATION_CACHE_DIR"] = str(cache_dir)
    yield cache_dir
    _restore("MIGRATION_CACHE_DIR", previous)


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


@pytest.fixture(scope="module")
def app(store_env, tmp_path_factory):
    """The app on a free loopback port, for one test module of the browser suite (bench/browser_support.py)."""
    from bench.browser_support import AppServer

    server = AppServer(store_env, tmp_path_factory.mktemp("app") / "streamlit.log")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def chromium_browser():
    """Debian's chromium driven by Playwright, for one test module (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    from bench.browser_support import launch

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
