"""Ten people at once: every browser session loads the map and switches indicators, and all succeed."""

import pytest

from bench.browser_support import AppServer, concurrent_sessions, peak_memory_mb

pytestmark = pytest.mark.browser


def test_ten_concurrent_sessions_all_succeed(store_env, tmp_path):
    server = AppServer(store_env, tmp_path / "streamlit.log")
    try:
        timings, errors = concurrent_sessions(server.url, sessions=10)
        memory = peak_memory_mb(server.process.pid)
    finally:
        server.stop()
    assert errors == []
    assert len(timings) == 30
    assert memory is not None, "could not read the server's peak memory (VmHWM)"
    assert memory < 1500  # the README promises at most 1.5 GB for one app process (measured 0.6 GB with ten sessions)
