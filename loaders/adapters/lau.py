"""Municipalities (LAU) from R data files: the LAU 2020 list with NUTS 2021 codes and centres, and the LAU 2019
correspondence with the degree of urbanisation."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyreadr

from loaders.errors import ParseError
from loaders.manifest import Source


def parse_lau_rda(path: Path, source: Source) -> pd.DataFrame:
    """The one data frame an .rda file holds, checked for the columns the manifest names."""
    # pyreadr (librdata, C) reads both files in ~4 s; the pure-Python rdata package took 76 s.
    frames = pyreadr.read_r(str(path))
    name = source.options["object"]
    if name not in frames:
        raise ParseError(source.id, f"R file holds {sorted(frames)}, not {name!r}")
    frame = frames[name]
    missing = [c for c in source.options["columns"] if c not in frame.columns]
    if missing:
        raise ParseError(source.id, f"missing column(s) {missing}")
    if frame.empty or frame["gisco_id"].isna().any():
        raise ParseError(source.id, "no rows, or rows without a gisco_id")
    frame = frame.reset_index(drop=True)
    frame.attrs["last_update"] = None
    return frame
