"""Column names in words, in the reader's language: for tables on pages and for CSV files made for people
(``python -m dashboard.export chart --format csv --lang fr``). The frames keep their English names and codes: those
are the data files' schema."""

from __future__ import annotations

import pandas as pd

from dashboard import flag_words
from dashboard.i18n import say, tr
from indicators.regions import flags
from indicators.registry import REGISTRY, THEMES


def headers(frame: pd.DataFrame, lang: str) -> dict[str, str]:
    """The table's column names in words, in ``lang`` (English too: the frame's names are the CSV's schema)."""
    known = {
        "geo": tr("code", lang), "name": tr("name", lang), "country": tr("country", lang),
        "nuts_version": tr("NUTS version", lang), "available": tr("available", lang), "of": tr("of", lang),
        "missing": tr("missing", lang), "level": tr("level", lang), "year": tr("year", lang),
        "with value": tr("with value", lang), "suppressed": tr("suppressed", lang),
        "latest year reported": tr("latest year reported", lang), "indicator": tr("indicator", lang),
        "theme": tr("theme", lang), "status": tr("status", lang),
        "level used": tr("level used", lang), "flag": tr("flag", lang),
        "residents": tr("residents", lang), "birth_coverage_pct": tr("place of birth known (%)", lang),
        "residence_coverage_pct": tr("residence a year before known (%)", lang),
        "not_published": tr("not published", lang),
        "nuts2_not_computed": tr("NUTS 2 not computed", lang), "nuts2_regions": tr("NUTS 2 regions", lang),
        "nuts3_not_computed": tr("NUTS 3 not computed", lang), "nuts3_regions": tr("NUTS 3 regions", lang),
        "variable": tr("variable", lang), "value": tr("value", lang), "rule": tr("rule", lang),
        "detail": tr("detail", lang), "source": tr("source", lang), "source_id": tr("source", lang),
        "reason": tr("reason", lang), "unit": tr("unit", lang), "note": tr("note", lang),
        "period": tr("period", lang), "meaning": tr("meaning", lang),
        "chosen": tr("chosen", lang), "date": tr("date", lang), "total": tr("total", lang),
        "population": tr("population", lang), "population_year": tr("population year", lang),
        "hotspot": tr("hotspots", lang), "reception_centres": tr("reception centres", lang),
        "siproimi": "SIPROIMI", "sai": "SAI",  # the Italian reception networks' own names
        "series": tr("series", lang), "label": tr("label", lang),
        "other_vintage": tr("another vintage", lang),
        **{f"{flags.MEANINGS[letter]} ({letter})": f"{flag_words.meanings(lang)[letter]} ({letter})"
           for letter in flags.MARKED},
        **{theme: say(theme, lang) for theme in THEMES.values()},
    }
    registry = {ind.short_label: say(ind.short_label, lang) for ind in REGISTRY.values()}
    return {column: known.get(column) or registry.get(column, column) for column in frame.columns}


def for_people(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A copy of ``frame`` to be read in ``lang``: column names in words, units, credits and notes said; codes,
    numbers and flag letters as they are."""
    said = frame.assign(**{column: [say(value, lang) for value in frame[column]]
                           for column in ("unit", "source", "note") if column in frame})
    return said.rename(columns=headers(frame, lang))
