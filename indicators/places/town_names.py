"""A town's display name: its Latin-script name, then the original after a slash when that differs."""

from __future__ import annotations

import pandas as pd


def display_name(name, latin) -> str:
    """'Ilion / Ψευδοδημοτική Κοινότητα Ιλίου' for a town written in another script; the name alone otherwise."""
    name = str(name)
    if latin is None or pd.isna(latin) or not str(latin).strip() or str(latin) == name:
        return name
    return f"{latin} / {name}"


def display_names(towns: pd.DataFrame) -> pd.Series:
    """``display_name`` of each row of a table with ``name`` and ``name_latin``."""
    return pd.Series([display_name(n, l) for n, l in zip(towns["name"], towns["name_latin"])], index=towns.index,
                     dtype=object)
