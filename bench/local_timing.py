"""Local views' figure sizes and warm re-render timings through AppTest, for the benchmark (bench/ never imports
streamlit)."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest


def local_view_times(app: Path) -> dict:
    """{view: (spec bytes, [warm re-render seconds after a year change])} for the cities and Spanish views."""
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    at = AppTest.from_file(str(app), default_timeout=180)
    at.run()
    out = {}
    for view, key, years in (("Cities", "w_city_year", [2021, 2022, 2023]),
                             ("Municipalities (Spain)", "w_es_year", [2021, 2022, 2023])):
        at.radio(key="w_local_view").set_value(view).run()
        size = len(at.get("plotly_chart")[0].proto.spec)
        for year in years:  # warm every path once
            at.selectbox(key=key).set_value(year).run()
        times = []
        for year in years * 2:
            start = time.perf_counter()
            at.selectbox(key=key).set_value(year).run()
            times.append(time.perf_counter() - start)
        out[view] = (size, times)
    return out


def town_page_times(app: Path, towns: list[str]) -> dict:
    """{gisco id: (first render seconds, [warm re-render seconds])} of the town page through AppTest."""
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    out = {}
    for lau in towns:
        at = AppTest.from_file(str(app), default_timeout=180)
        at.query_params["lau"] = lau
        start = time.perf_counter()
        at.switch_page("views/town.py").run()
        first = time.perf_counter() - start
        assert not at.exception, [e.message for e in at.exception]
        warm = []
        for _ in range(3):
            start = time.perf_counter()
            at.run()
            warm.append(time.perf_counter() - start)
        out[lau] = (first, warm)
    return out
