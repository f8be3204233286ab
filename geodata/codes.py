"""What a geo code is: its level, country, parents, and whether it is a region at all."""

from __future__ import annotations

import re

# Eurostat aggregates are not regions: they must never be ranked or mapped as one. No country code
# starts with EU or EA, so those prefixes are safe; the rest are named.
_AGGREGATE_PREFIXES = ("EU", "EA")
_AGGREGATE_NAMES = {"EFTA", "EEA", "EEA30", "EEA31", "WORLD"}
_NUTS = re.compile(r"^[A-Z]{2}[A-Z0-9]{0,3}$")



def is_aggregate(code: str) -> bool:
    """True for Eurostat aggregates such as EU27_2020, EA20 or EFTA."""
    return "_" in code or code[:2] in _AGGREGATE_PREFIXES or code in _AGGREGATE_NAMES


def is_extra_regio(code: str) -> bool:
    """True for the extra-regio codes (``..Z``, ``..ZZ``, ``..ZZZ``): territory outside any region."""
    return bool(_NUTS.match(code)) and len(code) > 2 and code[2:].strip("Z") == ""


def is_not_regionalised(code: str) -> bool:
    """True for Eurostat's "not regionalised" codes (``..X``, ``..XX``, ``..XXX``): a residual, not a place."""
    return bool(_NUTS.match(code)) and len(code) > 2 and code[2:].strip("X") == ""


def geo_kind(code: str) -> str:
    """One of ``aggregate``, ``extra_regio``, ``not_regionalised``, ``country``, ``region`` or ``unknown``."""
    if is_aggregate(code):
        return "aggregate"
    if not _NUTS.match(code):
        return "unknown"
    if is_extra_regio(code):
        return "extra_regio"
    if is_not_regionalised(code):
        return "not_regionalised"
    return "country" if len(code) == 2 else "region"


def level_of(code: str) -> int | None:
    """NUTS level implied by a code's length (AT=0, AT1=1, AT11=2, AT111=3); None for aggregates."""
    if not _NUTS.match(code) or is_aggregate(code):
        return None
    return len(code) - 2


def country_of(code: str) -> str | None:
    """The two-letter Eurostat country code of a NUTS code; None for aggregates."""
    return code[:2] if level_of(code) is not None else None


def parent(code: str, level: int) -> str:
    """The code's ancestor at ``level`` (0-3); the code itself at its own level."""
    own = level_of(code)
    if own is None:
        raise ValueError(f"{code!r} is not a NUTS code")
    if not 0 <= level <= own:
        raise ValueError(f"{code!r} (level {own}) has no parent at level {level}")
    return code[: 2 + level]


# Member states since 1 February 2020, in Eurostat's codes (Greece is EL).
EU27 = frozenset("AT BE BG CY CZ DE DK EE EL ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split())
