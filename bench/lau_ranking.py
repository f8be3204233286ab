"""Issue 23's municipal ranking: the circle figures the build adds (``indicators.derived``), beside a naive search
of every cell per town, and the page's warm server time (AppTest, from bench/lau_timing.py)."""

from __future__ import annotations

import resource
import statistics
import time
from pathlib import Path

import numpy as np

from indicators.places import lau_ranking, local

REPO = Path(__file__).resolve().parents[1]
NAIVE_TOWNS = 20


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def lau_ranking_bench(store, add) -> None:
    cpu, start = _cpu(), time.perf_counter()
    table = lau_ranking.compute_circles(store)
    wall, cpu = time.perf_counter() - start, _cpu() - cpu
    # naive: each town's circle by the distance from its centre to every cell of the grid
    cells, missing = local.grid(store), local.not_published(store)
    cx, cy = cells["x"].to_numpy() + 500.0, cells["y"].to_numpy() + 500.0
    towns = lau_ranking.towns(store).sample(NAIVE_TOWNS, random_state=23)
    naive = time.perf_counter()
    for town in towns.itertuples():
        local.figures(cells[np.hypot(cx - town.x, cy - town.y) <= lau_ranking.RADIUS_KM * 1000], missing)
    naive = (time.perf_counter() - naive) / NAIVE_TOWNS * len(table)
    add(f"municipal ranking: 2 km circles at build time ({len(table)} towns)", wall, "s", 20.0, baseline=naive,
        note=f"CPU {cpu:.1f} s; baseline: every cell's distance per town ({NAIVE_TOWNS} towns, scaled)")

    from bench.lau_timing import lau_page_times

    first, warm, size = lau_page_times(REPO / "dashboard" / "router.py")
    add("most affected, municipalities: page server time (warm)", statistics.median(warm) * 1000, "ms", 250.0,
        baseline=statistics.median(first) * 1000,
        note=f"baseline: a view's first visit (ranking and map built); map spec up to {size / 1000:.0f} KB")
