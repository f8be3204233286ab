"""The page list, declared once: the router builds its navigation from it and the tests walk it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROUTER = Path(__file__).resolve().with_name("router.py")  # the script AppTest and st.App run


@dataclass(frozen=True)
class PageSpec:
    """One page: its key (what screens link to), script, title (English; said in the reader's language) and URL path."""

    key: str
    script: str
    label: str
    url_path: str
    default: bool = False
    # the sidebar pickers this page reads (language is always there): a picker that changes nothing is not shown
    controls: tuple[str, ...] = ()


MAP_CONTROLS = ("indicator", "level", "year", "scheme")


PAGES = (
    PageSpec("map", "views/map_explorer.py", "Map", "map", default=True, controls=MAP_CONTROLS),
    PageSpec("region", "views/region.py", "Region profile", "region"),
    PageSpec("town", "views/town.py", "Town (1 km grid)", "town"),
    PageSpec("compare", "views/compare.py", "Compare", "compare", controls=("indicator",)),
    PageSpec("most_affected", "views/most_affected.py", "Most affected", "most-affected"),
    PageSpec("data_gaps", "views/data_gaps.py", "Data gaps", "data-gaps"),
    PageSpec("sources", "views/sources.py", "Sources and methods", "sources"),
    PageSpec("status", "views/status.py", "Data status", "status"),
)
