"""Bring each source into the cache: from the mirror or the live URL, verified and parsed before it may replace
the cached copy. A failed or corrupt download never replaces a good cached file."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from loaders import adapters, cache
from loaders.errors import ChecksumError, DataError, FetchError
from loaders.manifest import SOURCES, Source

CONNECT_TIMEOUT_S = 10
READ_TIMEOUT_S = 60
RETRIES = 3  # after the first try; backoff 1 s, 2 s, 4 s; honours Retry-After
BACKOFF_S = 1.0
CHUNK = 1 << 16


@dataclass
class FetchResult:
    """What happened to one source."""

    source_id: str
    status: str  # "fetched", "cached" or "failed"
    detail: str = ""


def mirror_dir(explicit: str | os.PathLike | None = None) -> Path | None:
    """The mirror folder: the explicit argument, else ``MIGRATION_DATA_MIRROR``, else None (go live)."""
    chosen = explicit or os.environ.get("MIGRATION_DATA_MIRROR")
    return Path(chosen).expanduser().resolve() if chosen else None


def fetch_all(sources: Iterable[Source] = SOURCES, mirror: str | os.PathLike | None = None, refresh: bool = False,
              progress: Callable[[int, int, FetchResult], None] | None = None) -> list[FetchResult]:
    """Fetch every source (skipping good cached copies unless ``refresh``); never raises for one bad source."""
    sources = list(sources)
    root = mirror_dir(mirror)
    cache.remove_leftovers(cache.raw_dir())
    results = []
    for done, source in enumerate(sources, start=1):
        try:
            if not refresh and _cached_and_intact(source):
                result = FetchResult(source.id, "cached", cache.read_sidecar(source)["retrieved_at"])
            else:
                result = FetchResult(source.id, "fetched", fetch_one(source, root))
        except DataError as exc:
            result = FetchResult(source.id, "failed", str(exc))
        results.append(result)
        if progress:
            progress(done, len(sources), result)
    return results


def fetch_one(source: Source, mirror: Path | None) -> str:
    """Fetch, verify, parse and publish one source; returns a one-line summary or raises a DataError."""
    final = cache.raw_path(source)
    temp = cache.temp_path_beside(final)
    try:
        if mirror is not None:
            origin, location = "mirror", str(mirror / source.mirror_path)
            _copy_from_mirror(source, mirror, temp)
        else:
            origin, location = "live", source.url
            _download(source, temp)
        digest = _sha256(temp)
        _verify(source, digest, mirror)
        # A file that does not parse never reaches the cache. A file whose bytes equal the manifest's pinned
        # sha256 is the very file the adapters' tests parse, and the build parses it again (and refuses it,
        # keeping the last good store): parsing it here too doubled fetch + build (INE and the grid alone ~20 s).
        pinned = bool(source.sha256) and digest == source.sha256
        table = None if pinned else adapters.parse(source, temp)
        provenance = {
            "source_id": source.id, "origin": origin, "location": location,
            "retrieved_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "sha256": digest, "bytes": temp.stat().st_size,
            "upstream_last_update": getattr(table, "attrs", {}).get("last_update"),
            "rows": None if table is None else _rows(table), "adapter": source.adapter, "licence": source.licence, "credit": source.credit,
        }
        cache.publish(temp, final)
        cache.write_json_atomic(cache.sidecar_path(source), provenance)
        rows = "checksum as pinned, parsed at build" if table is None else f"{provenance['rows']:,} rows"
        return f"{origin}: {provenance['bytes']:,} bytes, {rows}"
    finally:
        temp.unlink(missing_ok=True)


def _cached_and_intact(source: Source) -> bool:
    side = cache.read_sidecar(source)
    path = cache.raw_path(source)
    return bool(side) and path.exists() and path.stat().st_size == side.get("bytes")


def _copy_from_mirror(source: Source, mirror: Path, temp: Path) -> None:
    path = mirror / source.mirror_path
    if not path.is_file():
        raise FetchError(source.id, f"mirror file missing: {path}")
    try:
        shutil.copyfile(path, temp)
    except OSError as exc:
        raise FetchError(source.id, f"cannot read mirror file {path}: {exc}") from exc


def _session() -> requests.Session:
    retry = Retry(total=RETRIES, connect=RETRIES, read=RETRIES, status=RETRIES, backoff_factor=1,
                  status_forcelist=(429, 500, 502, 503, 504), allowed_methods=("GET",),
                  respect_retry_after_header=True, raise_on_status=False)
    session = requests.Session()
    session.mount("http://", HTTPAdapter(max_retries=retry))
    session.mount("https://", HTTPAdapter(max_retries=retry))
    session.headers["User-Agent"] = "territorial-migration-atlas (+open-source dashboard)"
    return session


class _Transient(Exception):
    """A body that broke off mid-way (timeout, reset, short read): worth another try."""


def _download(source: Source, temp: Path) -> None:
    """GET the live URL into ``temp``. urllib3 retries failures before the headers arrive; failures while the
    body streams (a stall past the read timeout, a reset, a short body) are retried here, with backoff."""
    for attempt in range(RETRIES + 1):
        try:
            _download_once(source, temp)
            break
        except _Transient as exc:
            if attempt == RETRIES:
                raise FetchError(source.id, f"{exc} (after {RETRIES + 1} tries)") from exc
            time.sleep(BACKOFF_S * 2 ** attempt)
    if source.archive_member:
        _extract_member(source, temp)


def _download_once(source: Source, temp: Path) -> None:
    try:
        with _session() as session, session.get(source.url, stream=True,
                                                 timeout=(CONNECT_TIMEOUT_S, READ_TIMEOUT_S)) as response:
            if response.status_code != 200:
                raise FetchError(source.id, f"HTTP {response.status_code} from {source.url}")
            expected = response.headers.get("Content-Length")
            received = 0
            with open(temp, "wb") as out:
                for chunk in response.iter_content(CHUNK):
                    out.write(chunk)
                    received += len(chunk)
            if expected is not None and received != int(expected):
                raise _Transient(f"truncated download: {received} of {expected} bytes from {source.url}")
    except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ReadTimeout,
            requests.exceptions.ConnectionError) as exc:
        if isinstance(exc, requests.exceptions.ConnectionError) and not _mid_body(exc):
            raise FetchError(source.id, f"cannot download {source.url}: {exc.__class__.__name__}: {exc}") from exc
        raise _Transient(f"download of {source.url} broke off: {exc.__class__.__name__}") from exc
    except requests.RequestException as exc:
        raise FetchError(source.id, f"cannot download {source.url}: {exc.__class__.__name__}: {exc}") from exc


def _mid_body(exc: Exception) -> bool:
    """A ConnectionError raised while reading the body (urllib3 already retried the connection itself)."""
    text = str(exc)
    return "Read timed out" in text or "IncompleteRead" in text or "Connection broken" in text


def _extract_member(source: Source, temp: Path) -> None:
    """The live URL is a zip: keep only the member whose name ends with ``archive_member``."""
    try:
        with zipfile.ZipFile(temp) as archive:
            names = [n for n in archive.namelist() if n.endswith(source.archive_member)]
            if len(names) != 1:
                raise FetchError(source.id, f"archive holds {len(names)} files named {source.archive_member}")
            data = archive.read(names[0])
    except zipfile.BadZipFile as exc:
        raise FetchError(source.id, f"download is not a zip archive: {exc}") from exc
    temp.write_bytes(data)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def _verify(source: Source, digest: str, mirror: Path | None) -> None:
    if source.sha256 and digest != source.sha256:
        raise ChecksumError(source.id, f"sha256 {digest[:12]}… differs from the manifest's {source.sha256[:12]}…")
    if mirror is not None:
        listed = _mirror_checksums(mirror).get(source.mirror_path)
        if listed and digest != listed:
            raise ChecksumError(source.id, f"sha256 {digest[:12]}… differs from the mirror's SHA256SUMS {listed[:12]}…")


def _mirror_checksums(mirror: Path) -> dict[str, str]:
    sums = mirror / "SHA256SUMS"
    if not sums.is_file():
        return {}
    pairs = (line.split(None, 1) for line in sums.read_text(encoding="utf-8").splitlines() if line.strip())
    return {name.strip().removeprefix("./"): digest for digest, name in pairs}


def _rows(table) -> int:
    if isinstance(table, dict):
        return sum(len(t) for t in table.values())
    return len(table)
