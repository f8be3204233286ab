"""Start the real app on a free loopback port and drive Debian's chromium with Playwright (never a
downloaded browser)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic"]
SCREENSHOTS = REPO / "artifacts" / "screenshots"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppServer:
    """``streamlit run dashboard/app.py`` on 127.0.0.1, its output in a log file, stopped on exit."""

    def __init__(self, cache_dir: Path, log: Path, port: int | None = None):
        self.port = port or free_port()  # a given port: a restart where the stopped process was
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "MIGRATION_CACHE_DIR": str(cache_dir)}
        self._log = open(log, "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(REPO / "dashboard" / "app.py"), "--server.port",
             str(self.port), "--server.address", "127.0.0.1", "--server.headless", "true",
             "--browser.gatherUsageStats", "false"], stdout=self._log, stderr=subprocess.STDOUT, env=env, cwd=REPO)
        if not healthy(self.url):
            self.stop()
            raise RuntimeError(f"the app did not become healthy; see {log}")

    def stop(self) -> None:
        stop(self.process)
        self._log.close()


def healthy(url: str, seconds: float = 60) -> bool:
    """Whether a Streamlit server at ``url`` answers its health check within ``seconds``."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(f"{url.rstrip('/')}/_stcore/health", timeout=2).status == 200:
                return True
        except OSError:
            time.sleep(0.3)
    return False


def stop(process: subprocess.Popen) -> None:
    """End a server process: politely, then for good after 15 s."""
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


def launch(playwright):
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        raise RuntimeError("Debian's chromium is missing: apt-get install -y chromium")
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


def wait_idle(page, timeout: float = 60_000) -> None:
    """Wait until Streamlit has finished the current run (the 'running' status widget is gone)."""
    page.wait_for_timeout(300)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=timeout)
    page.wait_for_timeout(300)


MAP = '[data-testid="atlasMap"]'  # the map page's map (dashboard/maps/plotly_map.py); other charts are stPlotlyChart
MAP_PATHS = f"{MAP} .choroplethlayer path"


def wait_for_map(page, timeout: float = 60_000) -> int:
    page.wait_for_selector(MAP_PATHS, timeout=timeout)
    wait_idle(page, timeout)
    count, stable = -1, 0
    while stable < 3:  # old and new charts coexist briefly after a rerun: wait for the count to settle
        now = page.locator(MAP_PATHS).count()
        stable = stable + 1 if now == count else 0
        count = now
        page.wait_for_timeout(250)
    return count


SESSION_STEP_TIMEOUT_MS = 240_000


async def _one_session(browser, base: str, indicators: list[str], timings: list, errors: list) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    # One generous budget for every step, navigation included: Playwright's default 30 s for page.goto was
    # the flaky part when ten tabs and the server share two busy cores.
    context.set_default_timeout(SESSION_STEP_TIMEOUT_MS)
    context.set_default_navigation_timeout(SESSION_STEP_TIMEOUT_MS)
    page = await context.new_page()
    try:
        for indicator in indicators:
            start = time.perf_counter()
            await page.goto(f"{base}/?indicator={indicator}&level=2", wait_until="commit")
            await page.wait_for_selector(MAP_PATHS)
            await page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached")
            timings.append(time.perf_counter() - start)
    except Exception as exc:  # a failed session is counted, not raised, so the others finish
        errors.append(await _what_the_page_shows(page) + f" {exc.__class__.__name__}: {exc}"[:300])
    finally:
        await context.close()


async def _what_the_page_shows(page) -> str:
    """The URL, any Streamlit exception and the start of the visible text: enough to tell a stall from an error."""
    try:
        text = (await page.inner_text("body", timeout=5_000))[:300].replace("\n", " | ")
        failed = await page.locator('[data-testid="stException"]').count()
        charts = await page.locator(f'[data-testid="stPlotlyChart"], {MAP}').count()
        drawn = await page.evaluate(f"""() => {{ const m = document.querySelector('{MAP}');
            return m ? `map: ${{m.dataset.draws || 0}} draw(s), error ${{m.dataset.error || 'none'}}` : 'no map'; }}""")
        return f" [at {page.url}; {charts} chart(s), {drawn}, {failed} exception(s); page: {text}]"
    except Exception as exc:  # diagnostics must never hide the original error
        return f" [page unreadable: {exc.__class__.__name__}]"


def concurrent_sessions(base: str, sessions: int = 10,
                        indicators=("net_migration_rate", "foreign_born_share", "unemployment_foreign_born")):
    """``sessions`` browser contexts at once, each loading the map and switching indicators; (timings, errors)."""
    import asyncio

    from playwright.async_api import async_playwright

    async def main():
        timings, errors = [], []
        async with async_playwright() as playwright:
            executable = shutil.which("chromium") or shutil.which("chromium-browser")
            browser = await playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            await asyncio.gather(*[_one_session(browser, base, list(indicators), timings, errors)
                                   for _ in range(sessions)])
            await browser.close()
        return timings, errors

    return asyncio.run(main())


def peak_memory_mb(pid: int) -> float | None:
    """The process's peak resident memory (VmHWM) in MB, on Linux."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None
