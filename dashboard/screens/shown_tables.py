"""Tables as readers see them: columns named in words in the reader's language, countries by name, no programme
ids. The frames keep their English column names, codes and ids: those are the CSV files' schema."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from dashboard.column_words import headers
from dashboard.i18n import country, say
from indicators.text.wording import Phrase, marks

# numbers that are names of things (a year, a NUTS version, a level): written as they are, never '2 021'
NOT_QUANTITIES = {"year", "nuts_version", "population_year", "level", "latest year reported"}


def shown_table(frame: pd.DataFrame, lang: str) -> None:
    """A table as readers see it: columns named in words, phrases said, countries by name, no programme ids (the
    frame keeps its English column names, its codes and ids: the CSV's)."""
    shown = frame.drop(columns=[c for c in ("id",) if c in frame])
    # phrases in a column (a note, a status) said in the reader's language
    shown = shown.assign(**{column: [say(v, lang) if isinstance(v, Phrase) else v for v in shown[column]]
                            for column in shown.columns if shown[column].dtype == object})
    if "country" in shown:
        shown = shown.assign(country=[country(code, lang) for code in shown["country"]])
    st.dataframe(in_marks(shown, lang), hide_index=True, width="stretch", column_config=headers(shown, lang),
                 placeholder=NONE)


NONE = "–"  # a missing cell, as the atlas writes no value everywhere (Streamlit's own is the word "None")


def in_marks(frame: pd.DataFrame, lang: str, decimals: dict[str, int] | None = None):
    """``frame`` for ``st.dataframe`` with its decimal numbers written in ``lang``'s marks ('4,1', '12 345,6'): a
    pandas Styler, so the cells stay numbers and sort as numbers (Streamlit's column formats are printf-style and
    cannot change the decimal mark). ``decimals``: a column's decimals, else the fewest that write its values."""
    floats = [c for c in frame.columns if pd.api.types.is_float_dtype(frame[c])]
    if lang == "en" or not floats:
        return frame
    decimal, group = marks(lang)
    styler = frame.style
    for column in floats:
        if column in NOT_QUANTITIES:  # a Styler writes every float cell: '2021', not '2021.000000'
            styler = styler.format(subset=[column], precision=0, na_rep=NONE)
            continue
        places = (decimals or {}).get(column, _places(frame[column]))
        styler = styler.format(subset=[column], decimal=decimal, thousands=group, precision=places, na_rep=NONE)
    return styler


def _places(values: pd.Series) -> int:
    """The fewest decimals (at most 3) that write every value of ``values`` as it is stored."""
    known = values.dropna().to_numpy(dtype=float)
    return next((d for d in range(3) if np.allclose(known, np.round(known, d), rtol=0, atol=1e-9)), 3)
