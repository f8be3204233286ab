"""Two app processes behind nginx (deploy/), on one store: a reader whose process stops comes back on the other with
the same view, and neither process writes to the store or disturbs what the other serves."""

from __future__ import annotations

import hashlib
import json
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from deploy.nginx import LEFT_OUT_S, Proxy
from indicators.regions import tables
from indicators.regions.mapdata import map_data
from bench.browser_support import MAP, AppServer, free_port, wait_for_map, wait_idle

pytestmark = [pytest.mark.slow, pytest.mark.browser]

VIEW = {"indicator": "foreign_born_share", "level": "2", "year": "2021"}
STEP_MS = 240_000  # three tabs and two app processes on two shared cores: the suite's budget for one step
QUERY = "&".join(f"{k}={v}" for k, v in VIEW.items())


def _tree(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under ``folder`` by relative path: its sha256 and modification time (what a process could
    have changed)."""
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def replicas(store_env, tmp_path_factory):
    """Two app processes on this session's store and nginx in front of them."""
    tmp = tmp_path_factory.mktemp("replicas")
    store_root = store_env / "store"
    before = _tree(store_root)
    apps = []
    try:
        apps = [AppServer(store_env, tmp / f"app{i}.log") for i in range(2)]
        proxy = Proxy([f"127.0.0.1:{a.port}" for a in apps], free_port(), tmp / "nginx", workers="1",
                      debug_upstream=True)
        try:
            yield apps, proxy, before, store_root
        finally:
            proxy.stop()
    finally:
        for app in apps:
            app.stop()


def _expected_paths(store, indicator: str, level: int, year: int) -> int:
    data = map_data(store, indicator, level, year)
    return len(data.values) + len(data.no_data) + len(json.loads(store.background_geojson())["features"])


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read()


def test_two_processes_on_one_store_serve_the_same_files_and_leave_it_unchanged(replicas, store,
                                                                               chromium_browser):
    apps, proxy, before, store_root = replicas
    # A reader on each process and one through nginx, at the same time: each process builds and holds its figures.
    contexts = [chromium_browser.new_context(viewport={"width": 1280, "height": 900}) for _ in range(3)]
    try:
        pages = [c.new_page() for c in contexts]
        for page, base in zip(pages, [apps[0].url, apps[1].url, proxy.url]):
            page.goto(f"{base}/?{QUERY}")
        for page in pages:
            assert wait_for_map(page, STEP_MS) == _expected_paths(store, "foreign_born_share", 2, 2021)
            assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        for context in contexts:
            context.close()
    build = store.info["build_id"]
    for name in ("screen_2021_l2.geojson", "screen_2024_l2.geojson", "background_countries.geojson"):
        on_disk = (store.path / name).read_bytes()
        assert [_get(f"{app.url}/boundaries/{build}/{name}") for app in apps] == [on_disk, on_disk]
    ahead = f"/mapviews/{build}/foreign_born_share/2/2020/quantiles/en.json"
    first, second = (_get(app.url + ahead) for app in apps)
    assert first == second  # one builder, one store: the same figure from either process
    assert _tree(store_root) == before  # nothing written, nothing removed
    for app in apps:
        log = Path(app._log.name).read_text()
        assert "Traceback" not in log, log[-2000:]


def _fail_over(page, apps: list, proxy, sockets: list, store_env, logs: Path):
    """Kill the process serving ``page`` (a crash, not a polite stop), wait until the page has a new connection
    through nginx to the other one, and start a new process on the killed one's port for the next test.
    Returns the survivor."""
    upstream = "() => fetch('/_stcore/host-config').then(r => r.headers.get('X-Upstream'))"
    served_by = page.evaluate(upstream)  # the route cookie picks it; nginx names it in a test header
    victim = next(a for a in apps if served_by == f"127.0.0.1:{a.port}")
    survivor = next(a for a in apps if a is not victim)
    opened = len(sockets)
    _kill(victim)
    # The page notices and reconnects through nginx, to the only process left.
    _wait_for_a_new_connection(page, sockets, opened)
    # nginx lists every process it tried: the stopped one (refused) and then the one that answered
    assert page.evaluate(upstream).split(", ")[-1] == f"127.0.0.1:{survivor.port}"
    # the killed process comes back only now (this reader is on the survivor), so later tests again have two; and
    # only once nginx takes it back: a reader arriving while it is left out gets its websocket on the other process
    # while its later requests go to this one, and the test would then kill a process the page does not use
    _restart(apps, victim, store_env, logs)
    page.wait_for_timeout((LEFT_OUT_S + 1) * 1000)
    return survivor


def _kill(app: AppServer) -> None:
    app.process.kill()
    app.process.wait(timeout=15)
    app.stop()


def _restart(apps: list, app: AppServer, store_env, logs: Path) -> None:
    """A new process on ``app``'s port, in its place in ``apps`` (the fixture stops it)."""
    apps[apps.index(app)] = AppServer(store_env, logs / f"restarted-{app.port}.log", port=app.port)


def _wait_for_a_new_connection(page, sockets: list, opened: int) -> None:
    waited = 0
    while len(sockets) <= opened and waited < STEP_MS:
        page.wait_for_timeout(250)
        waited += 250
    if len(sockets) <= opened:  # say what the page shows (Streamlit's connection status) and where it is
        status = page.locator('[data-testid="stStatusWidget"]')
        shown = status.inner_text() if status.count() else "no status widget"
        raise AssertionError(f"the page never opened a new connection: at {page.url}, status {shown!r}")


def _watched_tab(browser):
    """A new tab that records its websockets (a failover is seen as a new one)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sockets = []
    page.on("websocket", lambda ws: sockets.append(ws))
    return context, page, sockets


def _query(page) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlparse(page.url).query).items()}


def test_a_reader_whose_process_stops_reconnects_to_the_other_with_the_same_view(replicas, store, store_env,
                                                                                chromium_browser, tmp_path):
    apps, proxy, _, _ = replicas
    context, page, sockets = _watched_tab(chromium_browser)
    try:
        page.goto(f"{proxy.url}/?{QUERY}")
        expected = _expected_paths(store, "foreign_born_share", 2, 2021)
        assert wait_for_map(page, STEP_MS) == expected
        _fail_over(page, apps, proxy, sockets, store_env, tmp_path)
        # Streamlit's page does not rerun by itself on a reconnect: its next run (here the rerun key) is the new
        # process's first, which opens the view the URL holds and draws its map.
        frames = []
        sockets[-1].on("framereceived", lambda frame: frames.append(frame))
        page.keyboard.press("r")
        waited = 0
        while not frames and waited < STEP_MS:
            page.wait_for_timeout(250)
            waited += 250
        assert frames, "the new process never ran the page"  # the new connection's only process: the survivor
        wait_idle(page, STEP_MS)
        assert _query(page) == VIEW
        # a finished run removes what it did not draw: the map left is the survivor's
        assert wait_for_map(page, STEP_MS) == expected
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        context.close()


def _map_title(page) -> str:
    return page.locator(f"{MAP} .gtitle").first.text_content()


def _step_year(page, key: str, year: str) -> None:
    """One keyboard step of the year slider; then the URL must name ``year`` (the server's run wrote it)."""
    slider = page.locator('.st-key-w_year input[type="range"]')
    slider.focus()
    slider.press(key)
    try:
        page.wait_for_function(f"() => new URLSearchParams(location.search).get('year') === '{year}'",
                               timeout=STEP_MS)
    except Exception as error:  # say what the page holds instead: the URL and the map's title
        raise AssertionError(f"the URL did not follow the slider to {year}: at {page.url}, the map shows "
                             f"{_map_title(page)!r}") from error
    wait_for_map(page, STEP_MS)
    assert f" · {year} · NUTS 2" in _map_title(page)


def test_after_a_failover_the_readers_next_choices_are_the_servers_and_the_urls(replicas, store, store_env,
                                                                                chromium_browser, tmp_path):
    """Issue 24: on the other process, a year step redrew the map in the browser, but the server kept the old
    year and so did the URL (and a reload). Every choice after the reconnect must reach the server."""
    apps, proxy, _, _ = replicas
    context, page, sockets = _watched_tab(chromium_browser)
    try:
        page.goto(f"{proxy.url}/?{QUERY}")
        wait_for_map(page, STEP_MS)
        _fail_over(page, apps, proxy, sockets, store_env, tmp_path)
        # no rerun key: the reader's first act on the new process is a step of the year slider, one way then back
        _step_year(page, "ArrowLeft", "2020")
        _step_year(page, "ArrowRight", "2021")
        _step_year(page, "ArrowRight", "2022")
        # another picker: the class breaks
        page.locator(".st-key-w_scheme").click()
        page.get_by_role("option", name="Natural breaks").click()
        page.wait_for_function("() => new URLSearchParams(location.search).get('scheme') === 'natural_breaks'",
                               timeout=STEP_MS)
        wait_idle(page, STEP_MS)
        assert _query(page) == {**VIEW, "year": "2022", "scheme": "natural_breaks"}
        # the server holds that view: a reload (a new session on whichever process) opens it
        page.reload()
        wait_for_map(page, STEP_MS)
        assert _query(page) == {**VIEW, "year": "2022", "scheme": "natural_breaks"}
        assert " · 2022 · NUTS 2" in _map_title(page)
        assert page.locator(".st-key-w_scheme input").input_value() == "Natural breaks"
        # A second failover, and the reader's first act on the new process is a new indicator: it starts at its
        # latest year (frame._follow_indicator), not at the year the browser's slider still holds.
        _step_year(page, "ArrowLeft", "2021")
        _step_year(page, "ArrowLeft", "2020")
        _fail_over(page, apps, proxy, sockets, store_env, tmp_path)
        page.locator('[data-testid="stSelectbox"]').filter(has_text="Indicator").click()
        page.keyboard.type("Unemployment rate of people born abroad, aged 15-64")
        page.keyboard.press("Enter")
        page.wait_for_function("() => new URLSearchParams(location.search).get('indicator') === "
                               "'unemployment_foreign_born'", timeout=STEP_MS)
        wait_for_map(page, STEP_MS)
        latest = str(tables.years(store, "unemployment_foreign_born", 2)[-1])
        assert latest != "2020"
        assert _query(page) == {**VIEW, "indicator": "unemployment_foreign_born", "year": latest,
                                "scheme": "natural_breaks"}
        assert f" · {latest} · NUTS 2" in _map_title(page)
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        context.close()


def test_after_a_restart_of_the_one_process_the_readers_next_step_is_kept(replicas, store_env, chromium_browser,
                                                                          tmp_path):
    """Issue 24 without nginx: the one process restarted on its port (a deploy, a crash and its restart); the page
    reconnects to the new process, and the reader's next year step must reach it and the URL."""
    apps, _, _, _ = replicas
    app = apps[0]
    context, page, sockets = _watched_tab(chromium_browser)
    try:
        page.goto(f"{app.url}/?{QUERY}")
        wait_for_map(page, STEP_MS)
        opened = len(sockets)
        _kill(app)
        _restart(apps, app, store_env, tmp_path)
        _wait_for_a_new_connection(page, sockets, opened)
        _step_year(page, "ArrowLeft", "2020")
        _step_year(page, "ArrowRight", "2021")
        _step_year(page, "ArrowRight", "2022")
        page.reload()
        wait_for_map(page, STEP_MS)
        assert _query(page) == {**VIEW, "year": "2022"}
        assert " · 2022 · NUTS 2" in _map_title(page)
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        context.close()
