"""The town page's words that come from the indicators (figure names, units, statuses, area labels and notes,
the city-matching rule) in the page's language. The indicators' tables hold the English of their phrases (so the
CSV reads the same in every language); this finds the phrase behind an English text and says it in ``lang``
(dashboard.i18n.say). Names and codes stay as published.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dashboard.i18n import number, say
from indicators import cities, local, municipal, plausibility, town_official
from indicators.wording import Phrase


@lru_cache(maxsize=1)
def _phrases() -> dict[str, Phrase]:
    """English text the indicators' tables hold -> the phrase it is the English of."""
    found = [*(words for _, words, unit in local.ROWS for words in (words, unit)),
             *(label for label, _ in municipal.GROUPS.values()), *cities.NOTES.values(),
             town_official.NOT_PUBLISHED, plausibility.VERDICT, town_official.BY_NAME, town_official.BY_DISTANCE,
             local.NOT_COMPUTED, local.NO_CELLS, local.ONLY_NUTS_2_AND_3, local.NO_POPULATION]
    return {str(p): p for p in found if isinstance(p, Phrase)}


def word(text, lang: str) -> str:
    """A label from the indicators in ``lang``; anything else (a name, a code, a flag) as published."""
    if isinstance(text, Phrase) or lang == "en":
        return say(text, lang) if isinstance(text, Phrase) else str(text)
    found = _phrases().get(str(text))
    return say(found, lang) if found is not None else str(text)


def definition(note, lang: str) -> str:
    """A city series' definition in ``lang``; a plausibility rule's name after ' · rule: ' stays as coded."""
    kind, _, rule = str(note).partition(" · rule: ")
    return word(kind, lang) + (say(town_official.rule_note(rule), lang) if rule else "")


def measure_label(measure: str, lang: str) -> str:
    """The name of a map measure (indicators.local.MEASURES) in ``lang``."""
    return say(local.MEASURES[measure].label, lang)


def area_label(area: str, label: str, town_name: str, lang: str) -> str:
    """A column of the comparison table (indicators.local.comparison) in ``lang``; names stay as published."""
    return say(local.area_label(area, town_name, label.removeprefix("NUTS 3 ")), lang)


_REGION_NOTE = re.compile(r"^(?P<reason>.+) \(share deviation (?P<deviation>\S+) %\)$")


def area_note(area: str, note: str, lang: str) -> str:
    """An area's note in ``lang``: the region gate's verdict, an empty circle, or the country's explanation."""
    if not note or lang == "en":
        return note
    region = _REGION_NOTE.match(note)
    if region and region["reason"] in _phrases():
        try:
            deviation = float(region["deviation"])
        except ValueError:  # 'n/a' when the region has no official population
            deviation = None
        figures = {"reason": _phrases()[region["reason"]], "deviation_pct": deviation}
        return say(local.region_note(figures, lambda value, decimals: number(value, decimals, lang)), lang)
    return country_note(area, lang) or word(note, lang)


def country_note(country: str, lang: str) -> str:
    """Why a country's grid total differs from its official population (indicators.local.COUNTRY_NOTES)."""
    return say(local.COUNTRY_NOTES.get(country, ""), lang)


def match_rule(lang: str) -> str:
    """How a municipality is taken to be an Urban Audit city (indicators.town_official.match_rule) in ``lang``."""
    return say(town_official.match_rule(lambda value, decimals: number(value, decimals, lang)), lang)


def how_they_differ(lang: str) -> str:
    """Why INE's figure and the grid circle differ (indicators.town_official.HOW_THEY_DIFFER) in ``lang``."""
    return say(town_official.HOW_THEY_DIFFER, lang)
