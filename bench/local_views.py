"""Issue 14's targets measured on the figure functions the pages call (``dashboard/export/local.py`` over
``dashboard/maps/local_figures.py`` and ``indicators/places/local_maps.py``): the JSON a browser receives and the server time
of a warm rebuild, for every year the view offers. The AppTest rows (``_local_pages``) time the whole rerun."""

from __future__ import annotations

import statistics
import time

SPANISH_YEARS = [2024, 2023, 2022, 2021]  # the Spanish view's year choices


def _build_seconds(make) -> tuple[float, int, float]:
    """(seconds to build the figure and serialise it, as Streamlit does on every rerun; JSON bytes; CPU seconds).
    CPU beside wall: on the shared machine the wall time also counts the other processes."""
    start, cpu = time.perf_counter(), time.process_time()
    size = len(make().to_json())
    return time.perf_counter() - start, size, time.process_time() - cpu


def local_views_bench(store, add) -> None:
    from dashboard.export import local as local_export
    from indicators.places import cities

    shown = cities.city_shares(store).dropna(subset=["value"])["year"].unique()
    city_years = [None, *sorted((int(y) for y in shown), reverse=True)[:3]]  # latest-of-each plus 3 recent years
    province_url = f"/boundaries/{store.info['build_id']}/screen_2021_l3.geojson"  # geometry by URL, as on the page
    views = {
        "Cities": (city_years, lambda y: local_export.city_map(store, "city_foreign_born_share", y)[0]),
        "Spanish municipalities": (SPANISH_YEARS, lambda y: local_export.spain_map(
            store, "es_born_abroad_share", y, provinces_geojson=province_url)[0]),
    }
    for view, (years, make) in views.items():
        cold = _build_seconds(lambda: make(years[0]))[0]
        for year in years[1:]:  # the first visit of each year fills the indicator tables' memo
            _build_seconds(lambda: make(year))
        warm = [_build_seconds(lambda: make(year)) for year in years * 2]
        times, sizes, cpu = [w[0] * 1000 for w in warm], [w[1] for w in warm], [w[2] * 1000 for w in warm]
        labels = ", ".join("latest" if y is None else str(y) for y in years)
        add(f"{view}: figure JSON, largest year (figure function)", max(sizes) / 1000, "KB", 300.0,
            note=f"years {labels}; smallest {min(sizes) / 1000:.0f} KB")
        add(f"{view}: figure build + JSON, warm (figure function)", statistics.median(times), "ms", 150.0,
            baseline=cold * 1000, note=f"CPU {statistics.median(cpu):.0f} ms; worst {max(times):.0f} ms; baseline: the first build (cold memo)")
