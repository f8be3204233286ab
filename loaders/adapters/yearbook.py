"""Eurostat Regional Yearbook map workbooks: one sheet per map (NUTS, Region name, Value, Flag, Class, Year)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd

from loaders.adapters.common import normalise_flags, parse_numbers, tidy
from loaders.errors import ParseError
from loaders.manifest import Source

_HEADER = ("NUTS", "Region name", "Value", "Flag", "Class", "Year")
_CODE = re.compile(r"^[A-Z]{2}[A-Z0-9]{0,3}$")
_SUBTITLE_YEAR = re.compile(r"(\d{4})\)\s*$")
# Flags that are not Eurostat letters but notes from the yearbook team.
_NOTE_FLAGS = {"National": "national value shown for the region"}


def parse_yearbook(path: Path, source: Source) -> pd.DataFrame:
    """Tidy rows per sheet (``indic`` = sheet id, ``indic_label`` = map title); a Year cell overrides the map year."""
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ParseError(source.id, f"not a readable XLSX workbook: {exc}") from exc
    frames = [_sheet(ws.title, list(ws.iter_rows(values_only=True)), source) for ws in book.worksheets]
    book.close()
    frames = [f for f in frames if f is not None]
    if not frames:
        raise ParseError(source.id, "no map sheet with the header NUTS, Region name, Value, Flag, Class, Year")
    frame = pd.concat(frames, ignore_index=True)
    frame.attrs["last_update"] = None
    return tidy(frame, ["indic", "indic_label", "note"])


def _sheet(name: str, rows: list[tuple], source: Source) -> pd.DataFrame | None:
    if not rows or tuple(rows[0][:6]) != _HEADER:
        return None
    title, subtitle = _titles(rows)
    year_match = _SUBTITLE_YEAR.search(subtitle or "")
    if not year_match:
        raise ParseError(source.id, f"sheet {name}: no reference year in the subtitle {subtitle!r}")
    data = [r for r in rows[1:] if r[0] and _CODE.match(str(r[0]).strip())]
    if not data:
        raise ParseError(source.id, f"sheet {name}: no rows with a region code")
    raw = pd.DataFrame([r[:6] for r in data], columns=list(_HEADER))
    flags = raw["Flag"].fillna("").astype(str).str.strip()
    notes = flags.map(_NOTE_FLAGS)
    year = raw["Year"].map(lambda y: str(int(y)) if isinstance(y, (int, float)) and y == y else year_match.group(1))
    return pd.DataFrame({
        "source_id": source.id, "dataset": source.dataset, "geo": raw["NUTS"].str.strip(), "time": year,
        "value": parse_numbers(raw["Value"].map(lambda v: "" if v is None else str(v)), source.id),
        "flag": normalise_flags(flags.where(notes.isna(), ""), source.id),
        "unit": "PP" if (subtitle or "").startswith("(percentage points") else "PC",
        "indic": name, "indic_label": title, "note": notes,
    })


def _titles(rows: list[tuple]) -> tuple[str, str | None]:
    """The map title and subtitle sit in column I, rows 6 and 7 (after 'Chapter …')."""
    texts = [str(r[8]).strip() for r in rows[:12] if len(r) > 8 and r[8]]
    for i, text in enumerate(texts):
        if text.startswith("(") and i > 0:
            return texts[i - 1], text
    return (texts[-1] if texts else ""), None
