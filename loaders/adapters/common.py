"""Shared parsing helpers: every adapter reports problems as a ParseError naming its source."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import numpy as np
import pandas as pd

from loaders.errors import ParseError

# The columns every observation adapter returns, before the build adds level, kind and NUTS version.
TIDY_COLUMNS = ["source_id", "dataset", "geo", "time", "value", "flag", "unit"]

_NUMBER = re.compile(r"^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$")
_FLAG = re.compile(r"^[a-z]*$")


def read_csv_strings(path: Path, source_id: str) -> pd.DataFrame:
    """Read a CSV with every cell as text (empty stays empty), or raise ParseError."""
    try:
        raw = Path(path).read_bytes()
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ParseError(source_id, f"cannot read {Path(path).name} as UTF-8 text: {exc}") from exc
    if not text.strip():
        raise ParseError(source_id, f"{Path(path).name} is empty")
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_filter=False)
    except (pd.errors.ParserError, csv.Error, ValueError) as exc:
        raise ParseError(source_id, f"{Path(path).name} is not a well-formed CSV: {exc}") from exc
    if frame.empty:
        raise ParseError(source_id, f"{Path(path).name} has a header but no rows")
    if not text.endswith("\n"):
        # Every mirrored and published CSV ends with a newline: a missing one means a cut-off download.
        raise ParseError(source_id, f"{Path(path).name} does not end with a newline (truncated?)")
    return frame


def require_columns(frame: pd.DataFrame, columns, source_id: str, what: str) -> None:
    """Raise ParseError naming the missing columns."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ParseError(source_id, f"{what}: missing column(s) {missing}; found {list(frame.columns)[:12]}")


def parse_numbers(values: pd.Series, source_id: str, missing=("", ":")) -> pd.Series:
    """Text to float; the missing markers become NaN, anything else that is not a number is an error."""
    text = values.astype(str).str.strip()
    is_missing = text.isin(missing)
    bad = ~is_missing & ~text.str.match(_NUMBER)
    if bad.any():
        examples = text[bad].unique()[:3].tolist()
        raise ParseError(source_id, f"{int(bad.sum())} value(s) are not numbers, e.g. {examples}")
    out = pd.to_numeric(text.where(~is_missing, None), errors="raise").astype("float64")
    if not np.isfinite(out.dropna()).all():
        raise ParseError(source_id, "values include infinities")
    return out


def normalise_flags(flags: pd.Series, source_id: str) -> pd.Series:
    """Flags as Eurostat letters ('' for none); 'd; u' becomes 'du'. Unknown shapes are an error."""
    text = flags.fillna("").astype(str).str.replace(r"[;,\s]+", "", regex=True)
    bad = ~text.str.match(_FLAG)
    if bad.any():
        raise ParseError(source_id, f"unexpected flag(s) {text[bad].unique()[:5].tolist()}")
    return text


def dataset_of(dataflow: str) -> str:
    """'ESTAT:MIGR_IMM1CTZ$DEFAULTVIEW(1.0)' -> 'migr_imm1ctz'."""
    core = dataflow.split(":")[-1].split("(")[0].split("$")[0]
    return core.lower()


def tidy(frame: pd.DataFrame, dims: list[str]) -> pd.DataFrame:
    """Order the columns: the tidy core first, then the dataset's own dimensions."""
    return frame[TIDY_COLUMNS + [d for d in dims if d not in TIDY_COLUMNS]].reset_index(drop=True)
