"""Urban-rural Europe map CSVs: ``NUTS,<rate|perc|ratio>,urt,class``; ':' is missing; no reference period."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pandas as pd

from loaders.adapters.common import parse_numbers, read_csv_strings, tidy
from loaders.errors import ParseError
from loaders.manifest import Source

log = logging.getLogger(__name__)

# 2023 or earlier: a spreadsheet turned Saarland's NUTS-3 codes DEC01..DEC06 into the dates 'Dec-01'..'Dec-06'.
_SAARLAND_DATES = re.compile(r"^Dec-0([1-6])$")
_VALUE_COLUMNS = ("rate", "perc", "ratio")


def parse_urban_rural(path: Path, source: Source) -> pd.DataFrame:
    """Tidy rows with the urban-rural type kept as a dimension (``urt``: 1 urban, 2 intermediate, 3 rural)."""
    raw = read_csv_strings(path, source.id)
    value_columns = [c for c in _VALUE_COLUMNS if c in raw.columns]
    if "NUTS" not in raw.columns or len(value_columns) != 1 or "urt" not in raw.columns:
        raise ParseError(source.id, f"expected columns NUTS, one of {_VALUE_COLUMNS}, urt; found {list(raw.columns)}")
    geo = raw["NUTS"].str.strip()
    mangled = geo.str.match(_SAARLAND_DATES)
    if mangled.any():
        log.warning("%s: %d Saarland codes mangled into dates (%s); restored as DEC01..DEC06",
                    source.id, int(mangled.sum()), ", ".join(geo[mangled]))
        geo = geo.str.replace(_SAARLAND_DATES, r"DEC0\1", regex=True)
    if not geo.str.match(r"^[A-Z]{2}[A-Z0-9]{0,3}$").all():
        raise ParseError(source.id, f"unexpected region codes {geo[~geo.str.match(r'^[A-Z]{2}[A-Z0-9]{0,3}$')].tolist()[:5]}")
    urt = raw["urt"].str.strip()
    if not urt.isin(["1", "2", "3", ":"]).all():
        raise ParseError(source.id, f"urban-rural type must be 1, 2, 3 or ':'; found {urt[~urt.isin(['1', '2', '3', ':'])].unique()[:3].tolist()}")
    frame = pd.DataFrame({
        "source_id": source.id, "dataset": source.dataset, "geo": geo,
        # The file states no reference period: the time stays empty rather than guessed.
        "time": "", "value": parse_numbers(raw[value_columns[0]], source.id), "flag": "",
        "unit": source.options.get("unit", ""), "urt": raw["urt"].str.strip().replace({":": None}),
    })
    frame.attrs["last_update"] = None
    frame.attrs["fixes"] = [f"{int(mangled.sum())} Saarland codes restored from dates"] if mangled.any() else []
    return tidy(frame, ["urt"])
