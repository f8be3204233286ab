"""Local and national deep-dive indicators: one declarative entry each, with the countries it covers.

Adding another country's municipal table = one adapter (loaders) + one entry here. ``countries`` is None when
the source covers every country it publishes (Urban Audit); the map frames an entry on its countries.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Callable

import pandas as pd

from indicators import cities, municipal, reception
from indicators.phrasing import listed
from indicators.wording import Phrase, phrase


@dataclass(frozen=True)
class LocalIndicator:
    """One indicator below (or beside) the NUTS levels: what it is, where it comes from, what it covers."""

    id: str
    label: str
    short_label: str
    unit: str
    short_unit: str
    description: str
    level: str  # "city" (Urban Audit code), "lau" (municipality), "nuts2_report" (region at a report date)
    countries: tuple[str, ...] | None
    decimals: int
    credit: str
    sources: tuple[str, ...]
    rows: Callable[[object], pd.DataFrame]  # store -> rows: geo, name, level, country, year, value, flag, unit, source, note
    caveats: tuple[str, ...] = ()
    diverging: bool = False
    map_attribution: str = "© EuroGeographics for the administrative boundaries"  # points or boundaries drawn

    @property
    def map_credit(self) -> str:
        """The credit line for a map of this indicator: the data's, then the geometry's."""
        return f"{self.credit} · {self.map_attribution}"

    @property
    def coverage(self) -> Phrase:
        """Where the entry has data: 'all countries published', 'ES only' (a phrase; ``str`` is the English)."""
        return phrase("all countries published") if self.countries is None else only(list(self.countries))


_CITY_CAVEATS = (
    "Both counts are of the same year. City (C) and greater city (K) codes are different areas; each row says which.",
    "Values caught by a plausibility rule (share above 100 %, a jump between years) are kept in the data but not "
    "shown; the data-gap page lists them with the rule.",
)
_CITY_POINTS = "city points: GISCO Urban Audit 2021, © EuroGeographics"
_LAU_POINTS = "municipal centres: GISCO LAU 2020 (EDJNet), © EuroGeographics"
_INE = ("1 January of each year; INE's Estadística Continua de Población. Municipal data exist here for Spain only.",)
_ITALY = (reception.JOINT_NOTE + ".", "Counts of the types reported that day (hotspots, reception centres, "
          "SIPROIMI or SAI); a type not reported is left out, never read as 0.",
          "Reception data exist here for Italy only.")

ENTRIES: tuple[LocalIndicator, ...] = (
    LocalIndicator("city_foreign_born_share", "Foreign-born share of the city's residents", "Foreign-born (city)",
                   "% of residents", "%", "People born abroad as a share of everyone living in the city on 1 January.",
                   "city", None, 1, cities.CREDIT, ("urb_cpopcb", "urb_cpop1", "urau_cities_2021"),
                   cities.city_shares, _CITY_CAVEATS, map_attribution=_CITY_POINTS),
    LocalIndicator("city_foreign_born_share_change", "Change in the foreign-born share of the city's residents",
                   "Foreign-born change (city)", "percentage points", "pp",
                   "The share in the city's latest shown year minus the share in its first shown year.",
                   "city", None, 1, cities.CREDIT, ("urb_cpopcb", "urb_cpop1"), cities.city_share_change,
                   _CITY_CAVEATS, diverging=True, map_attribution=_CITY_POINTS),
    *(LocalIndicator(f"es_{g}_share", f"{label}: share of the municipality's residents", label, "% of residents",
                     "%", f"{label}, as a share of everyone registered in the municipality on 1 January.", "lau",
                     ("ES",), 1, municipal.CREDIT, ("ine_68538", "lau_2020"), partial(municipal.shares, group=g), _INE,
                     map_attribution=_LAU_POINTS)
      for g, label in ((g, str(words)) for g, (words, _) in municipal.GROUPS.items())),
    LocalIndicator("es_born_abroad_share_change", "Change in the share born abroad, 2021-2024", "Born abroad, change",
                   "percentage points", "pp", "The share born abroad in 2024 minus the share in 2021.", "lau",
                   ("ES",), 1, municipal.CREDIT, ("ine_68538", "lau_2020"), municipal.trend, _INE, diverging=True,
                   map_attribution=_LAU_POINTS),
    LocalIndicator("it_reception_per_1000", "People in the reception system per 1 000 residents",
                   "In reception per 1 000", "per 1 000 residents", "‰",
                   "People hosted in Italy's reception system (hotspots, reception centres, SIPROIMI/SAI) in the "
                   "region on the report date, per 1 000 residents.", "nuts2_report", ("IT",), 2, reception.CREDIT,
                   ("it_accoglienza", "demo_r_pjanaggr3_nuts2"), reception.per_thousand, _ITALY),
)
LEVELS = {"city": phrase("Urban Audit city"), "lau": phrase("municipality (LAU)"),
          "nuts2_report": phrase("NUTS 2 region at a report date")}
_COUNTRY_NAMES = {"ES": phrase("Spain"), "IT": phrase("Italy")}


def get(indicator_id: str) -> LocalIndicator:
    """The entry with this id (KeyError names the known ids)."""
    for entry in ENTRIES:
        if entry.id == indicator_id:
            return entry
    raise KeyError(f"unknown local indicator {indicator_id!r}; known: {', '.join(e.id for e in ENTRIES)}")


def for_level(level: str) -> list[LocalIndicator]:
    """Entries at one local level."""
    return [e for e in ENTRIES if e.level == level]


def only(countries: list) -> Phrase:
    """'ES, IT only' ('Spain only' with names)."""
    return phrase("{countries} only", countries=listed(countries))


def coverage_lines() -> list[Phrase]:
    """Where each deep dive has data, for the data-gap page ("municipal data: Spain only; ...")."""
    seen = {}
    for e in ENTRIES:
        if e.level in ("lau", "nuts2_report") and e.countries:
            seen[e.level] = only([_COUNTRY_NAMES.get(c, c) for c in e.countries])
    lines = {"lau": lambda where: phrase("municipal data: {where}", where=where),
             "nuts2_report": lambda where: phrase("reception data: {where}", where=where)}
    return [lines[level](where) for level, where in seen.items()]
