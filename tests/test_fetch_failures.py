"""Bad input never replaces good data: each failure names its source, exits non-zero and leaves cache and store."""

import dataclasses
import hashlib
import io
import os
import shutil
import subprocess
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from loaders import cache, fetch
from loaders.errors import ChecksumError, FetchError, ParseError
from loaders.manifest import get_source
from loaders.store import build, current_store_path

SOURCE = "demo_r_gind3_nuts2"  # a Eurostat API source: no fixed checksum, so parsing is the guard
STATIC = "ure_netmig"  # a pinned file: the manifest's sha256 is the guard


def _snapshot(folder: Path) -> dict:
    return {p.relative_to(folder): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _bad_mirror(tmp_path, mirror, source_id, mutate) -> Path:
    """A mirror holding one mutated copy of a real file (and no SHA256SUMS, like a mirror someone edited)."""
    source = get_source(source_id)
    target = tmp_path / "mirror" / source.mirror_path
    target.parent.mkdir(parents=True)
    target.write_bytes(mutate((mirror / source.mirror_path).read_bytes()))
    return tmp_path / "mirror"


@pytest.fixture()
def good_cache(own_cache, mirror):
    """A cache holding a good copy of the two sources these tests break."""
    results = fetch.fetch_all([get_source(SOURCE), get_source(STATIC)], mirror=mirror)
    assert all(r.status == "fetched" for r in results)
    return own_cache


def _cli(*args, env_cache) -> subprocess.CompletedProcess:
    """``python -m loaders ARGS`` run in this process: the same main(), exit code and output, without paying
    pandas' imports again for every call (test_store runs the real subprocess)."""
    from loaders.__main__ import main

    saved = {name: os.environ.get(name) for name in ("MIGRATION_CACHE_DIR", "MIGRATION_DATA_MIRROR")}
    os.environ["MIGRATION_CACHE_DIR"] = str(env_cache)
    os.environ.pop("MIGRATION_DATA_MIRROR", None)
    out, err = io.StringIO(), io.StringIO()
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exit_:  # argparse refusing the arguments
                code = exit_.code
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return subprocess.CompletedProcess(["python", "-m", "loaders", *args], code, out.getvalue(), err.getvalue())


@pytest.mark.parametrize("name, mutate", [
    ("truncated", lambda data: data[: len(data) // 2]),
    ("corrupt", lambda data: data[:2000] + b"\x00\xff\xfe garbage \x00" + data[2100:]),
    ("text in numbers", lambda data: data.replace(b",-15.9,", b",minus fifteen,")),
    ("empty", lambda data: b""),
])
def test_a_broken_download_leaves_the_cache_untouched(good_cache, mirror, tmp_path, name, mutate):
    before = _snapshot(good_cache)
    bad = _bad_mirror(tmp_path, mirror, SOURCE, mutate)
    out = _cli("fetch", "--mirror", str(bad), "--only", SOURCE, "--refresh", env_cache=good_cache)
    assert out.returncode != 0
    assert SOURCE in out.stderr
    assert _snapshot(good_cache) == before


def test_a_checksum_mismatch_is_refused(good_cache, mirror, tmp_path):
    before = _snapshot(good_cache)
    bad = _bad_mirror(tmp_path, mirror, STATIC, lambda data: data.replace(b"BE100,0.8", b"BE100,0.9"))
    with pytest.raises(ChecksumError, match=STATIC):
        fetch.fetch_one(get_source(STATIC), bad)
    out = _cli("fetch", "--mirror", str(bad), "--only", STATIC, "--refresh", env_cache=good_cache)
    assert out.returncode != 0 and STATIC in out.stderr and "sha256" in out.stderr
    assert _snapshot(good_cache) == before


def test_the_mirror_checksum_list_is_checked_too(good_cache, mirror, tmp_path):
    bad = _bad_mirror(tmp_path, mirror, SOURCE, lambda data: data.replace(b",-15.9,", b",-15.8,"))
    listed = hashlib.sha256((mirror / get_source(SOURCE).mirror_path).read_bytes()).hexdigest()
    (bad / "SHA256SUMS").write_text(f"{listed}  ./{get_source(SOURCE).mirror_path}\n")
    with pytest.raises(ChecksumError, match="SHA256SUMS"):
        fetch.fetch_one(get_source(SOURCE), bad)


def test_an_unknown_format_is_named(good_cache, mirror):
    odd = dataclasses.replace(get_source(SOURCE), adapter="shapefile_zip")
    before = _snapshot(good_cache)
    with pytest.raises(ParseError, match=r"\[demo_r_gind3_nuts2\] unknown format 'shapefile_zip'"):
        fetch.fetch_one(odd, mirror)
    assert _snapshot(good_cache) == before


def test_a_missing_mirror_file_is_named(good_cache, tmp_path):
    (tmp_path / "empty-mirror").mkdir()
    out = _cli("fetch", "--mirror", str(tmp_path / "empty-mirror"), "--only", SOURCE, "--refresh", env_cache=good_cache)
    assert out.returncode != 0
    assert f"[{SOURCE}] mirror file missing" in out.stderr


def test_an_unreachable_url_is_named(good_cache, monkeypatch):
    monkeypatch.setattr(fetch, "RETRIES", 1)
    # Port 9 (discard) on loopback: nothing listens, the connection is refused at once, nothing leaves the machine.
    offline = dataclasses.replace(get_source(SOURCE), url="http://127.0.0.1:9/eurostat/demo_r_gind3.csv")
    before = _snapshot(good_cache)
    with pytest.raises(FetchError, match=r"\[demo_r_gind3_nuts2\] cannot download http://127\.0\.0\.1:9/"):
        fetch.fetch_one(offline, None)
    assert _snapshot(good_cache) == before


def test_an_unknown_source_id_exits_non_zero(good_cache):
    out = _cli("fetch", "--only", "no_such_source", env_cache=good_cache)
    assert out.returncode == 2 and "unknown source 'no_such_source'" in out.stderr


@pytest.mark.slow  # parses every source up to the broken one
def test_a_failed_build_leaves_the_published_store(store_env, tmp_path, monkeypatch):
    """A cached file that went bad makes the build fail by name; the store in use stays as it was."""
    copy = tmp_path / "cache-copy"
    shutil.copytree(store_env, copy)
    monkeypatch.setenv("MIGRATION_CACHE_DIR", str(copy))
    published = current_store_path()
    before = _snapshot(copy / "store")
    cached = cache.raw_path(get_source(SOURCE))
    cached.write_bytes(cached.read_bytes()[:5000])
    with pytest.raises(ParseError, match=SOURCE):
        build()
    assert current_store_path() == published
    assert _snapshot(copy / "store") == before


def test_an_interrupted_fetch_leaves_no_partial_file(good_cache, mirror, monkeypatch):
    """Dying mid-write (simulated) leaves only a temp file, which the next run removes."""
    source = get_source(SOURCE)
    before = _snapshot(good_cache)

    def die(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(fetch.adapters, "parse", die)
    with pytest.raises(KeyboardInterrupt):
        fetch.fetch_one(source, mirror)
    assert _snapshot(good_cache) == before
    monkeypatch.undo()
    (cache.raw_dir() / f".{source.id}.leftover.part.csv").write_text("half")
    fetch.fetch_all([source], mirror=mirror)
    assert not list(cache.raw_dir().glob(".*.part*"))
