"""Speed targets of the local layer (grid load, town search, circle figures, local map), each beside a naive way."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

QUERIES = ["Gouda", "Tulln", "Saint-Denis", "Ioannina", "sa", "x" * 10_000, "<b>Wien</b>", "münchen"]
TOWNS = ["NL_GM0513", "AT_32135", "FR_93066", "FR_75056", "DE_11000000", "PL_1007141286501"]


def _median_ms(fn, items) -> float:
    times = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times), 1000 * max(times)


def local_bench(store, add) -> None:
    """Add the local layer's rows to the bench table."""
    from dashboard.maps.local_map import local_map
    from indicators.places import local
    from indicators.places.town_search import find_towns, normalise

    # wall and CPU time: on a shared machine the wall time mostly measures the other processes
    code = ("import time, geopandas, pandas; from loaders.store import load_store; t=time.perf_counter(); "
            "c=time.process_time(); s=load_store(); s.local('grid_cells'); "
            "print(time.perf_counter()-t, time.process_time()-c)")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env=os.environ).stdout.split() for _ in range(3)]
    loads, cpu = [float(r[0]) for r in runs], [float(r[1]) for r in runs]
    mirror = Path(os.environ["MIGRATION_DATA_MIRROR"]) / "census2021-grid/pub/v2/parquet/1000"
    start = time.perf_counter()
    _ = [pd.read_parquet(p) for p in mirror.rglob("*.parquet")]
    raw_s = time.perf_counter() - start
    add("load the store with the 1 km grid (fresh process)", statistics.median(loads), "s", 1.5, baseline=raw_s,
        note=f"CPU {statistics.median(cpu):.2f} s; baseline: read the 149 raw tiles")

    find_towns(store, "warm-up")  # builds the search index once per store
    median, worst = _median_ms(lambda q: find_towns(store, q, 10), QUERIES)
    towns = store.local("municipalities")
    naive = lambda q: [n for n in towns["name"].astype(str) if normalise(q) in normalise(n)]  # noqa: E731
    naive_ms, _ = _median_ms(naive, QUERIES[:2])
    add("town search (worst of 8 queries)", worst, "ms", 50.0, baseline=naive_ms,
        note=f"median {median:.1f} ms; baseline: normalise every name per query")

    local.town_circle(store, TOWNS[0], 5)  # builds the row keys once per store
    median, worst = _median_ms(lambda gid: [local.town_circle(store, gid, r) for r in (2, 5, 10)], TOWNS)
    cells = local.grid(store)

    def brute(gid):
        town = local.municipality(store, gid)
        dx = cells["x"].to_numpy() + 500 - town["x"]
        dy = cells["y"].to_numpy() + 500 - town["y"]
        return local.figures(cells[(dx * dx + dy * dy) <= 25e6], local.not_published(store))

    brute_ms, _ = _median_ms(brute, TOWNS[:2])
    add("a town's circle figures (2, 5 and 10 km; worst town)", worst / 3, "ms per circle", 50.0,
        baseline=brute_ms, note="baseline: distance to every cell of Europe")

    town = local.municipality(store, "FR_75056")
    local_map(store, town, "born_abroad", 5)
    start = time.perf_counter()
    fig = local_map(store, town, "born_abroad", 5)
    map_ms = 1000 * (time.perf_counter() - start)
    size = len(fig.to_json()) / 1000
    add("local 1 km map figure, Paris (JSON)", size, "KB", 150.0, note=f"made in {map_ms:.0f} ms warm (target 250)")
    add("local 1 km map figure, server time warm", map_ms, "ms", 250.0)

    _similar_towns(store, add)
    from dashboard.maps.europe_grid import europe_figure

    start = time.perf_counter()
    europe_figure(store, "born_abroad")
    cold_s = time.perf_counter() - start
    start = time.perf_counter()
    size = len(europe_figure(store, "born_abroad").to_json()) / 1000
    warm_ms = 1000 * (time.perf_counter() - start)
    add("5 km Europe view (JSON)", size, "KB", 600.0, note=f"built once per store in {cold_s:.1f} s")
    add("5 km Europe view, server time warm (figure + JSON)", warm_ms, "ms", 600.0)


def _similar_towns(store, add) -> None:
    """Towns like yours per town (features built once per store), beside a row-by-row pandas distance."""
    import numpy as np

    from indicators.places import similar_towns

    start = time.perf_counter()
    table = similar_towns.features(store)
    similar_towns.similar_towns(store, TOWNS[0])
    cold_s = time.perf_counter() - start
    median, worst = _median_ms(lambda gid: similar_towns.similar_towns(store, gid), TOWNS * 2)
    scale = similar_towns.scales(store)

    def naive(gid):  # every municipality's distance in a Python loop over rows, then a full sort
        town = table.set_index("gisco_id").loc[gid]
        distances = table.apply(lambda row: sum(w * ((row[c] - town[c]) / scale[c]) ** 2
                                                for c, w in similar_towns.FEATURES), axis=1)
        return distances[table["country"] != town["country"]].sort_values().head(10)

    naive_ms, _ = _median_ms(naive, TOWNS[:1])
    add("towns like yours, per town (worst of 6, warm)", worst, "ms", 100.0, baseline=naive_ms,
        note=f"median {median:.0f} ms; features of {len(table)} towns built once per store in {cold_s:.1f} s; "
             f"baseline: pandas row by row; {int(np.isfinite(table['born_abroad_pct']).sum())} towns comparable")


def town_page_bench(add) -> None:
    """The town page's server time through AppTest: first render, then warm re-renders (issue 23's target)."""
    from bench.local_timing import town_page_times

    router = Path(__file__).resolve().parents[1] / "dashboard" / "router.py"
    times = town_page_times(router, ["AT_32135", "NL_GM0513", "FR_93066"])
    warm = [w for _, runs in times.values() for w in runs]
    first = statistics.median(f for f, _ in times.values())
    add("town page server time, warm re-render (AppTest)", 1000 * statistics.median(warm), "ms", 250.0,
        baseline=1000 * first, note=f"worst {1000 * max(warm):.0f} ms; baseline: the page's first render")
