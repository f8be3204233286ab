"""The municipal ranking page's server time through AppTest, for the benchmark (bench/ never imports streamlit)."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

VIEWS = (["AT"], ["DE", "FR"], [])  # countries: a small, a large and the whole EU selection


def lau_page_times(app: Path) -> tuple[list[float], list[float], int]:
    """(first-visit seconds per view, warm re-render seconds, largest map spec bytes) of the municipal ranking."""
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    at = AppTest.from_file(str(app), default_timeout=600)
    at.run()
    at.query_params.update(level="lau")
    at.switch_page("views/most_affected.py").run()  # the circles are read (or computed) here, once per process
    first, warm, size = [], [], 0
    for countries in VIEWS:
        start = time.perf_counter()
        at.multiselect(key="w_countries").set_value(countries).run()
        first.append(time.perf_counter() - start)
        size = max(size, len(at.get("plotly_chart")[0].proto.spec))
    for countries in VIEWS * 2:
        start = time.perf_counter()
        at.multiselect(key="w_countries").set_value(countries).run()
        warm.append(time.perf_counter() - start)
    assert not at.exception, [e.message for e in at.exception]
    return first, warm, size
