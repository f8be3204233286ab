"""Every upstream fault against a loopback server: retried where it makes sense, a clear error naming the
source, and the cache and the store exactly as they were."""

import dataclasses
import hashlib
import shutil

import pytest

from loaders import fetch
from loaders.errors import ChecksumError, DataError, FetchError, ParseError
from loaders.manifest import get_source
from loaders.store import build, current_store_path, load_store
from tests.upstream import Upstream

SOURCE = "ilc_li41"  # an API source: parsing is the guard
STATIC = "ure_gdp"  # a pinned file: the checksum is the guard


def _snapshot(folder):
    return {p.relative_to(folder): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def upstream(mirror):
    server = Upstream(mirror)
    yield server
    server.close()


@pytest.fixture()
def live_cache(store_env, tmp_path, monkeypatch, upstream):
    """A copy of the session's cache and store, fetched 'live' from the loopback upstream."""
    copy = tmp_path / "cache"
    shutil.copytree(store_env, copy)
    monkeypatch.setenv("MIGRATION_CACHE_DIR", str(copy))
    monkeypatch.delenv("MIGRATION_DATA_MIRROR", raising=False)
    monkeypatch.setattr(fetch, "READ_TIMEOUT_S", 1)
    monkeypatch.setattr(fetch, "CONNECT_TIMEOUT_S", 1)
    monkeypatch.setattr(fetch, "RETRIES", 2)
    monkeypatch.setattr(fetch, "BACKOFF_S", 0.1)
    upstream.requests.clear()
    upstream.fault = None
    return copy


def _live(source_id, upstream):
    source = get_source(source_id)
    return dataclasses.replace(source, url=upstream.url_for(source))


def test_a_healthy_upstream_is_fetched_live(live_cache, upstream):
    detail = fetch.fetch_one(_live(SOURCE, upstream), None)
    assert detail.startswith("live:")


@pytest.mark.parametrize("fault, error, retried", [
    ("500", FetchError, True), ("503", FetchError, True), ("404", FetchError, False), ("413", FetchError, False),
    pytest.param("slow", FetchError, True, marks=pytest.mark.slow),  # waits out the read timeout
    ("truncated", FetchError, True), ("html", ParseError, False),
    ("reset", FetchError, True),
])
def test_each_fault_names_the_source_and_leaves_everything_as_it_was(live_cache, upstream, fault, error, retried):
    before = _snapshot(live_cache)
    store_before = current_store_path()
    upstream.fault = fault
    with pytest.raises(error, match=rf"\[{SOURCE}\]"):
        fetch.fetch_one(_live(SOURCE, upstream), None)
    assert (len(upstream.requests) > 1) == retried, upstream.requests
    assert _snapshot(live_cache) == before
    assert current_store_path() == store_before
    assert load_store().info["build_id"] == store_before.name  # the app keeps serving the last good data


def test_a_checksum_mismatch_from_upstream_is_refused(live_cache, upstream, tmp_path):
    before = _snapshot(live_cache)
    source = get_source(STATIC)
    wrong = dataclasses.replace(source, url=upstream.url_for(source), sha256="0" * 64)
    with pytest.raises(ChecksumError, match=STATIC):
        fetch.fetch_one(wrong, None)
    assert _snapshot(live_cache) == before


def test_a_passing_503_is_retried_after_retry_after(live_cache, upstream):
    upstream.fault = "flaky503"
    assert fetch.fetch_one(_live(SOURCE, upstream), None).startswith("live:")
    assert len(upstream.requests) == 2


def test_fetch_all_reports_failures_without_raising(live_cache, upstream):
    upstream.fault = "500"
    results = fetch.fetch_all([_live(SOURCE, upstream)], refresh=True)
    assert results[0].status == "failed" and SOURCE in results[0].detail


@pytest.mark.slow  # two store builds (one interrupted)
def test_an_interrupted_build_leaves_the_published_store_and_recovers(live_cache, monkeypatch):
    published = current_store_path()
    before = _snapshot(live_cache / "store")
    from loaders import store as store_module

    real = store_module.to_geojson_bytes
    calls = {"n": 0}

    def dies_midway(layer, *args):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt("simulated crash while writing the store")
        return real(layer, *args)

    monkeypatch.setattr(store_module, "to_geojson_bytes", dies_midway)
    with pytest.raises(KeyboardInterrupt):
        build()
    assert current_store_path() == published and _snapshot(live_cache / "store") == before
    assert not [p for p in (live_cache / "store").iterdir() if p.name.endswith(".building")]
    monkeypatch.setattr(store_module, "to_geojson_bytes", real)
    assert build() != published  # the next run simply builds again
    assert load_store().observations.shape[0] > 0


def test_errors_are_data_errors():
    assert issubclass(FetchError, DataError) and issubclass(ParseError, DataError)
