"""Issue 24, side by side in one run: the server CPU one fresh reader of the NUTS-3 map costs in the live app against
the same map as a static embed served by nginx, and the map page for ten readers at once through nginx with two
processes against one process alone. ``python -m bench.readers`` runs these rows alone on the current store.

Every load targets 127.0.0.1, is bounded in requests and time, and stops by itself.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

INDICATOR, LEVEL, YEAR = "net_migration_rate", 3, 2020
LIVE_PATH = f"/?indicator={INDICATOR}&level={LEVEL}&year={YEAR}"
READERS = 5  # fresh readers measured on a warm process (the first reader of the process is left out)
AB_REQUESTS, AB_SECONDS, AB_CONCURRENCY = 400, 20, 4  # per file a static reader fetches
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its waited-for children, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(f) for f in fields[11:15]) / TICKS


def resident_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def live_reader_cpu(cache_dir: Path, browser) -> tuple[list[float], float, float]:
    """CPU seconds of the app process per fresh reader of the live map page (figures fetched ahead included),
    and the process's resident and peak memory (MB) afterwards."""
    from bench.browser_support import AppServer, peak_memory_mb, wait_for_map

    server = AppServer(cache_dir, Path(tempfile.mkdtemp()) / "streamlit.log")
    try:
        costs = []
        for reader in range(READERS + 1):
            context = browser.new_context(viewport={"width": 1400, "height": 1000})  # fresh: no cache, no cookie
            before = cpu_seconds(server.process.pid)
            page = context.new_page()
            page.goto(server.url + LIVE_PATH)
            wait_for_map(page, 240_000)
            page.wait_for_timeout(1500)  # the years beside are fetched once the map is drawn
            context.close()
            if reader:  # the process's first reader also fills its memo: not a fresh reader of a warm server
                costs.append(cpu_seconds(server.process.pid) - before)
        return costs, resident_mb(server.process.pid), peak_memory_mb(server.process.pid) or float("nan")
    finally:
        server.stop()


def static_reader_cpu(store, browser) -> tuple[float, dict[str, float]]:
    """nginx's CPU seconds per fresh reader of the same map as a static embed: the files a browser fetches for it
    (recorded in chromium), each fetched with ``ab`` (gzip, a new connection per request), summed."""
    from dashboard.export import embeds
    from deploy.nginx import Proxy
    from bench.browser_support import free_port

    out = Path(tempfile.mkdtemp(prefix="bench-embeds-"))
    for path, data in embeds.files(store, ["en"], [INDICATOR]):
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(data)
    # nginx needs an upstream to start; no app runs behind it and nothing here asks for one
    proxy = Proxy([f"127.0.0.1:{free_port()}"], free_port(), Path(tempfile.mkdtemp(prefix="bench-nginx-")), out,
                  workers="1")
    try:
        page_url = f"{proxy.url}/embeds/{embeds.page_path(INDICATOR, LEVEL, 'en')}?year={YEAR}"
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        fetched = []
        page.on("requestfinished", lambda r: fetched.append(r.url.split("?")[0]) if r.url.startswith(proxy.url)
                else None)
        page.goto(page_url)
        page.wait_for_function(f"() => document.querySelector('#atlas-map').dataset.year === '{YEAR}'",
                               timeout=120_000)
        page.wait_for_timeout(1500)  # the years beside, fetched ahead
        context.close()
        workers = proxy.worker_pids()
        per_file = {}
        for url in dict.fromkeys(fetched):
            before = sum(cpu_seconds(w) for w in workers)
            done = _ab(url)
            per_file[url.removeprefix(proxy.url)] = (sum(cpu_seconds(w) for w in workers) - before) / done
        return sum(per_file.values()), per_file
    finally:
        proxy.stop()
        shutil.rmtree(out, ignore_errors=True)


def _ab(url: str) -> int:
    """Fetch ``url`` with ApacheBench, bounded in count and time; the number of requests completed."""
    result = subprocess.run(["ab", "-q", "-t", str(AB_SECONDS), "-n", str(AB_REQUESTS), "-c", str(AB_CONCURRENCY),
                             "-H", "Accept-Encoding: gzip", url], capture_output=True, text=True,
                            timeout=AB_SECONDS + 30, check=True)
    line = next(l for l in result.stdout.splitlines() if l.startswith("Complete requests:"))
    failed = next(l for l in result.stdout.splitlines() if l.startswith("Failed requests:"))
    assert int(failed.split()[-1]) == 0, result.stdout
    return int(line.split()[-1])


def ten_readers(cache_dir: Path) -> tuple[tuple[float, float, int], tuple[float, float, int]]:
    """Map page load (p50, p95, failures) for ten concurrent readers: through nginx with two processes, then one
    process without nginx."""
    from deploy.nginx import Proxy
    from bench.browser_support import AppServer, concurrent_sessions, free_port

    def percentiles(timings, errors):
        ordered = sorted(timings) or [float("nan")]
        return ordered[len(ordered) // 2], ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], len(errors)

    logs = Path(tempfile.mkdtemp(prefix="bench-replicas-"))
    apps = [AppServer(cache_dir, logs / f"app{i}.log") for i in range(2)]
    try:
        proxy = Proxy([f"127.0.0.1:{a.port}" for a in apps], free_port(), logs / "nginx", workers="1")
        try:
            through_nginx = percentiles(*concurrent_sessions(proxy.url, sessions=10))
        finally:
            proxy.stop()
    finally:
        for app in apps:
            app.stop()
    alone = AppServer(cache_dir, logs / "alone.log")
    try:
        one_process = percentiles(*concurrent_sessions(alone.url, sessions=10))
    finally:
        alone.stop()
    return through_nginx, one_process


def readers_bench(store, cache_dir: Path, add) -> None:
    from playwright.sync_api import sync_playwright

    from bench.browser_support import launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            live, rss, peak = live_reader_cpu(cache_dir, browser)
            static, per_file = static_reader_cpu(store, browser)
        finally:
            browser.close()
    live_ms, static_ms = statistics.median(live) * 1000, static * 1000
    add("live map page: server CPU per fresh reader", live_ms, "ms", None,
        note=f"NUTS 3 {INDICATOR} {YEAR}, {READERS} readers on a warm process: "
             f"{', '.join(f'{c * 1000:.0f}' for c in live)} ms; {1000 / live_ms:.1f} readers/s per core")
    # the goal as a target: the static reader costs at most 1/100 of the live one (the baseline)
    add("static embed via nginx: server CPU per fresh reader", static_ms, "ms", live_ms / 100, baseline=live_ms,
        note=f"{len(per_file)} files (ab, gzip, new connection each); {1000 / static_ms:.0f} readers/s per core; "
             f"target: 1/100 of the live page's (baseline)")
    add("readers per core: static embed / live page", live_ms / static_ms, "×", None,
        note="goal: at least 100 times the readers per core")
    add("one app process: resident memory after the readers", rss, "MB", None, note=f"peak {peak:.0f} MB")
    (nginx_p50, nginx_p95, nginx_failed), (one_p50, one_p95, one_failed) = ten_readers(cache_dir)
    add("10 readers, nginx + 2 processes: map page p50", nginx_p50, "s", None, baseline=one_p50,
        note=f"baseline: one process without nginx, same run; failed {nginx_failed} / {one_failed}")
    add("10 readers, nginx + 2 processes: map page p95", nginx_p95, "s", None, baseline=one_p95,
        note="baseline: one process without nginx, same run")


def main() -> int:
    """These rows alone, on the store in MIGRATION_CACHE_DIR (the bench's own run builds a fresh one)."""
    from loaders.store import load_store

    rows = []

    def add(name, value, unit, target, baseline=None, note=""):
        rows.append((name, value, unit, target, baseline, note))
        print(f"{name:58} {value:>10.3f} {unit:5} target {target} baseline {baseline}  {note}", flush=True)

    cache = os.environ.get("MIGRATION_CACHE_DIR")
    if not cache:
        print("set MIGRATION_CACHE_DIR to a cache with a built store", file=sys.stderr)
        return 2
    readers_bench(load_store(), Path(cache), add)
    return 0


if __name__ == "__main__":
    sys.exit(main())
