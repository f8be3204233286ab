"""The registry's entries for cities, municipalities and regions at a report date (``LocalIndicator``, with
the countries each covers); ``indicators.registry.get`` finds them beside the NUTS and grid entries.

Adding another country's municipal table = one adapter (loaders) + one entry here. ``countries`` is None when
the source covers every country it publishes (Urban Audit); the map frames an entry on its countries.
"""

from __future__ import annotations

from functools import partial

from indicators.places import cities, municipal, reception
from indicators.registry import LocalIndicator, only
from indicators.text.wording import Country, Phrase, phrase

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
    LocalIndicator(id="city_foreign_born_share", label="Foreign-born share of the city's residents",
                   short_label="Foreign-born (city)", unit="% of residents", short_unit="%",
                   description="People born abroad as a share of everyone living in the city on 1 January.",
                   geography="city", countries=None, decimals=1, credit=cities.CREDIT,
                   sources=("urb_cpopcb", "urb_cpop1", "urau_cities_2021"), rows=cities.city_shares,
                   caveats=_CITY_CAVEATS, map_attribution=_CITY_POINTS),
    LocalIndicator(id="city_foreign_born_share_change", label="Change in the foreign-born share of the city's residents",
                   short_label="Foreign-born change (city)", unit="percentage points", short_unit="pp",
                   description="The share in the city's latest shown year minus the share in its first shown year.",
                   geography="city", countries=None, decimals=1, credit=cities.CREDIT,
                   sources=("urb_cpopcb", "urb_cpop1"), rows=cities.city_share_change, caveats=_CITY_CAVEATS,
                   diverging=True, map_attribution=_CITY_POINTS),
    *(LocalIndicator(id=f"es_{g}_share", label=f"{label}: share of the municipality's residents", short_label=label,
                     unit="% of residents", short_unit="%",
                     description=f"{label}, as a share of everyone registered in the municipality on 1 January.",
                     geography="lau", countries=("ES",), decimals=1, credit=municipal.CREDIT,
                     sources=("ine_68538", "lau_2020"), rows=partial(municipal.shares, group=g), caveats=_INE,
                     map_attribution=_LAU_POINTS)
      for g, label in ((g, str(words)) for g, (words, _) in municipal.GROUPS.items())),
    LocalIndicator(id="es_born_abroad_share_change", label="Change in the share born abroad, 2021-2024",
                   short_label="Born abroad, change", unit="percentage points", short_unit="pp",
                   description="The share born abroad in 2024 minus the share in 2021.", geography="lau",
                   countries=("ES",), decimals=1, credit=municipal.CREDIT, sources=("ine_68538", "lau_2020"),
                   rows=municipal.trend, caveats=_INE, diverging=True, map_attribution=_LAU_POINTS),
    LocalIndicator(id="it_reception_per_1000", label="People in the reception system per 1 000 residents",
                   short_label="In reception per 1 000", unit="per 1 000 residents", short_unit="‰",
                   description="People hosted in Italy's reception system (hotspots, reception centres, SIPROIMI/SAI) "
                   "in the region on the report date, per 1 000 residents.", geography="nuts2_report",
                   countries=("IT",), decimals=2, credit=reception.CREDIT,
                   sources=("it_accoglienza", "demo_r_pjanaggr3_nuts2"), rows=reception.per_thousand,
                   caveats=_ITALY),
)


def coverage_lines() -> list[Phrase]:
    """Where each deep dive has data, for the data-gap page ("municipal data: Spain only; ...")."""
    seen = {}
    for e in ENTRIES:
        if e.geography in ("lau", "nuts2_report") and e.countries:
            seen[e.geography] = only([Country(c) for c in e.countries])
    lines = {"lau": lambda where: phrase("municipal data: {where}", where=where),
             "nuts2_report": lambda where: phrase("reception data: {where}", where=where)}
    return [lines[level](where) for level, where in seen.items()]
