"""Tables as readers see them: columns named in words in the reader's language, countries by name, no programme
ids. The frames keep their English column names, codes and ids: those are the CSV files' schema."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.column_words import headers
from dashboard.i18n import country, say
from indicators.text.wording import Phrase


def shown_table(frame: pd.DataFrame, lang: str) -> None:
    """A table as readers see it: columns named in words, phrases said, countries by name, no programme ids (the
    frame keeps its English column names, its codes and ids: the CSV's)."""
    shown = frame.drop(columns=[c for c in ("id",) if c in frame])
    # phrases in a column (a note, a status) said in the reader's language
    shown = shown.assign(**{column: [say(v, lang) if isinstance(v, Phrase) else v for v in shown[column]]
                            for column in shown.columns if shown[column].dtype == object})
    if "country" in shown:
        shown = shown.assign(country=[country(code, lang) for code in shown["country"]])
    st.dataframe(shown, hide_index=True, width="stretch", column_config=headers(shown, lang))
