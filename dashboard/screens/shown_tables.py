"""Tables as readers see them: columns named in words in the reader's language, countries by name, no programme
ids. The frames keep their English column names, codes and ids: those are the CSV files' schema."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import flag_words
from dashboard.i18n import country, say, tr
from indicators import flags
from indicators.registry import REGISTRY, THEMES


def shown_table(frame: pd.DataFrame, lang: str) -> None:
    """A data-gap table as readers see it: columns named in words, countries by name, no programme ids (the
    frame keeps its English column names, its codes and ids: the CSV's)."""
    shown = frame.drop(columns=[c for c in ("id",) if c in frame])
    if "country" in shown:
        shown = shown.assign(country=[country(code, lang) for code in shown["country"]])
    st.dataframe(shown, hide_index=True, width="stretch", column_config=headers(shown, lang))


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
        "other_vintage": tr("another vintage", lang),
        **{f"{flags.MEANINGS[letter]} ({letter})": f"{flag_words.meanings(lang)[letter]} ({letter})"
           for letter in flags.MARKED},
        **{theme: say(theme, lang) for theme in THEMES.values()},
    }
    registry = {ind.short_label: say(ind.short_label, lang) for ind in REGISTRY.values()}
    return {column: known.get(column) or registry.get(column, column) for column in frame.columns}
