"""The town page's words that come from the indicators (figure names, units, statuses, area labels and notes,
the city-matching rule) in the page's language, through ``tr``. The indicators keep English labels so the CSV
reads the same in every language; the page translates them when it shows them. Names and codes stay as published.
"""

from __future__ import annotations

from dashboard.i18n import number, tr
from indicators import local, town_official


def _known(lang: str) -> dict[str, str]:
    """English label from the indicators -> its wording in ``lang`` (literals, so the catalogue test sees them)."""
    return {
        # indicators.local.ROWS and MEASURES: figure names and units
        "Residents": tr("Residents", lang),
        "Born abroad": tr("Born abroad", lang),
        "Born in another EU country": tr("Born in another EU country", lang),
        "Born outside the EU": tr("Born outside the EU", lang),
        "Moved in from abroad in the year before": tr("Moved in from abroad in the year before", lang),
        "Moved in from abroad in the year before the census": tr(
            "Moved in from abroad in the year before the census", lang),
        "Coverage: place of birth known": tr("Coverage: place of birth known", lang),
        "Coverage: residence a year before known": tr("Coverage: residence a year before known", lang),
        "Dissimilarity index, born abroad vs native-born": tr("Dissimilarity index, born abroad vs native-born", lang),
        "Cells the index rests on": tr("Cells the index rests on", lang),
        "persons": tr("persons", lang),
        "% of residents*": tr("% of residents*", lang),
        "% of residents": tr("% of residents", lang),
        "per 1 000 residents**": tr("per 1 000 residents**", lang),
        "per 1 000 residents": tr("per 1 000 residents", lang),
        "1 km cells": tr("1 km cells", lang),
        # INE's place-of-birth groups (indicators.municipal.GROUPS)
        "Born in the rest of Europe (outside the EU)": tr("Born in the rest of Europe (outside the EU)", lang),
        "Born in Africa": tr("Born in Africa", lang),
        "Born in the Americas": tr("Born in the Americas", lang),
        "Born in Asia": tr("Born in Asia", lang),
        "Born in Oceania": tr("Born in Oceania", lang),
        # statuses, city definitions and how a town was matched to its city
        town_official.NOT_PUBLISHED: tr("not published", lang),
        "implausible: not shown": tr("implausible: not shown", lang),
        "shown": tr("shown", lang),
        "city (C code)": tr("city (C code)", lang),
        "greater city (K code)": tr("greater city (K code)", lang),
        "greater city (C code labelled greater city by Eurostat)": tr(
            "greater city (C code labelled greater city by Eurostat)", lang),
        "country total (benchmark)": tr("country total (benchmark)", lang),
        "name and NUTS 3": tr("name and NUTS 3", lang),
        f"largest centre within {town_official.MATCH_KM:g} km": tr(
            "largest centre within {km} km", lang, km=number(town_official.MATCH_KM, 0, lang)),
    }


def word(text, lang: str) -> str:
    """A label from the indicators in ``lang``; anything else (a name, a code, a flag) as published."""
    if lang == "en":
        return str(text)
    return _known(lang).get(str(text), str(text))


def definition(note, lang: str) -> str:
    """A city series' definition in ``lang``; a plausibility rule's name after ' · rule: ' stays as coded."""
    kind, _, rule = str(note).partition(" · rule: ")
    return word(kind, lang) + (tr(" · rule: {rule}", lang, rule=rule) if rule else "")


def measure_label(measure: str, lang: str) -> str:
    """The name of a map measure (indicators.local.MEASURES) in ``lang``."""
    return word(local.MEASURES[measure][0], lang)


def area_label(area: str, label: str, town_name: str, lang: str) -> str:
    """A column of the comparison table (indicators.local.comparison) in ``lang``; names stay as published."""
    if area.startswith("circle_"):
        radius = area.removeprefix("circle_").removesuffix("km")
        return tr("{radius} km around {town}", lang, radius=radius, town=town_name)
    if area == "EU":
        return tr("EU27", lang)
    if len(area) == 2:
        return tr("Country {code}", lang, code=area)
    return tr("NUTS 3 {name}", lang, name=label.removeprefix("NUTS 3 "))


def area_note(area: str, note: str, lang: str) -> str:
    """An area's note in ``lang``: the region gate's verdict, an empty circle, or the country's explanation."""
    if not note or lang == "en":
        return note
    if note.startswith(local.NOT_COMPUTED):
        deviation = note.rsplit("deviation ", 1)[-1].removesuffix(" %)").strip()
        try:
            deviation = number(float(deviation), 2, lang)
        except ValueError:  # 'n/a' when the region has no official population
            pass
        return tr("not computed: boundary too coarse at this scale (share deviation {deviation} %)", lang,
                  deviation=deviation)
    if note == local.NO_CELLS:
        return tr("no populated 1 km cell within the radius: the grid covers Europe (EU and EFTA), not the "
                  "outermost regions", lang)
    return country_note(area, lang) or note


def country_note(country: str, lang: str) -> str:
    """Why a country's grid total differs from its official population (indicators.local.COUNTRY_NOTES)."""
    fewer = tr("The 2021 census counted fewer residents than the 1 January 2021 estimate carried forward from 2011.",
               lang)
    notes = {
        "FR": tr("The grid covers metropolitan France only (no cell lies in the overseas departments FRY1–FRY5); "
                 "against the official population without them it is within 2 %.", lang),
        "BG": fewer, "HR": fewer,
        "EL": tr("The grid is the 2021 census count, which is lower than the 1 January 2021 estimate.", lang),
        "CY": tr("The grid is the 2021 census count, which is higher than the 1 January 2021 estimate.", lang),
        "LU": tr("Not explained by the data here: the grid holds fewer residents than the 1 January 2021 estimate.",
                 lang),
        "PL": tr("Not explained by the data here: the grid holds fewer residents than the 1 January 2021 estimate "
                 "(residents not georeferenced to a cell are missing from any grid).", lang),
        "IE": tr("Ireland's census was held on 3 April 2022 (postponed by the pandemic), not in 2021.", lang),
        "EE": tr("Estonia withheld the total in many cells (T_CI); those residents are unknown, not 0, and not "
                 "summed.", lang),
    }
    assert set(notes) == set(local.COUNTRY_NOTES), "a country note without its translation"
    return notes.get(country, "")


def match_rule(lang: str) -> str:
    """How a municipality is taken to be an Urban Audit city (indicators.town_official.MATCH_RULE) in ``lang``."""
    return tr("A municipality is taken to be an Urban Audit city when the city point carries the municipality's "
              "NUTS 3 code and the same name (accents and case ignored; compared before a comma or a second "
              "language, as in 'Koblenz, Stadt' or 'Gent / Gand'); or else when it is the largest municipality "
              "whose centre lies within {km} km of the city point, holding at least half the city's residents "
              "({city_minimum} where Eurostat publishes none). A municipality of fewer than {town_minimum} "
              "residents is never taken for a city.", lang,
              km=number(town_official.MATCH_KM, 0, lang), city_minimum=number(town_official.CITY_MINIMUM, 0, lang),
              town_minimum=number(town_official.TOWN_MINIMUM, 0, lang))


def how_they_differ(lang: str) -> str:
    """Why INE's figure and the grid circle differ (indicators.town_official.HOW_THEY_DIFFER) in ``lang``."""
    return tr("The INE figures count everyone registered in the municipality (padrón) on 1 January of each year; "
              "the grid circle counts the Census 2021 residents (reference date 1 January 2021) of the 1 km "
              "cells within the radius, which crosses the municipal boundary.", lang)
