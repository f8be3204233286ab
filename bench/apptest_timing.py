"""Server-side re-render timings through Streamlit's AppTest, for the benchmark (bench/ never imports streamlit)."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest


def rerender_times(app: Path) -> tuple[int, list[float], list[float]]:
    """(NUTS-3 map spec bytes, warm year-change times, warm indicator-change times), in seconds."""
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    at = AppTest.from_file(str(app), default_timeout=120)
    at.query_params.update({"indicator": "net_migration_rate", "level": "3", "year": "2020"})
    at.run()
    spec_bytes = len(at.get("bidi_component")[0].proto.bytes)  # the map component's figure, config and label
    years = [2016, 2017, 2018, 2019, 2020]
    for year in years:  # warm every path once
        at.select_slider(key="w_year").set_value(year).run()
    year_times = []
    for year in years * 2:
        start = time.perf_counter()
        at.select_slider(key="w_year").set_value(year).run()
        year_times.append(time.perf_counter() - start)
    indicator_times = []
    for indicator in ["foreign_born_share", "net_migration_rate"] * 3:
        start = time.perf_counter()
        at.selectbox(key="w_indicator").set_value(indicator).run()
        indicator_times.append(time.perf_counter() - start)
    return spec_bytes, year_times, indicator_times
