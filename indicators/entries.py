"""Every indicator of every geography, and the one lookup by id across them: the NUTS entries
(``indicators.registry``), the city, municipal and reception entries (``indicators.places.deep_dives``) and the grid
measures (``indicators.places.local``). It sits above the three, so none of them imports another round a circle (the
local entries read NUTS tables, which read the registry)."""

from __future__ import annotations

from indicators.places import deep_dives, local
from indicators.registry import ENTRIES, REGISTRY, Entry


def every() -> tuple[Entry, ...]:
    """Every entry of every geography: the NUTS indicators, then the local ones, then the grid measures."""
    return (*ENTRIES, *deep_dives.ENTRIES, *local.MEASURES.values())


def of_geography(geography: str) -> list[Entry]:
    """The entries measured on one geography ("nuts", "city", "lau", "nuts2_report", "grid")."""
    return [entry for entry in every() if entry.geography == geography]


def get(indicator_id: "str | Entry", geography: str | None = None) -> Entry:
    """The entry with this id, of any geography, or only of ``geography`` when given (an entry passes through);
    KeyError names the id."""
    if isinstance(indicator_id, Entry):
        found = indicator_id
    else:
        found = REGISTRY.get(indicator_id) or next((e for e in every() if e.id == indicator_id), None)
    if found is None or (geography is not None and found.geography != geography):
        wanted = f" {geography}" if geography else ""
        raise KeyError(f"unknown{wanted} indicator {indicator_id!r}")
    return found
