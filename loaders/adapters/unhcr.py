"""UNHCR Refugee Data Finder extracts: one row per year and country of asylum, one column per population type."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from loaders.adapters import labels
from loaders.adapters.common import parse_numbers, read_csv_strings, require_columns, tidy
from loaders.errors import ParseError
from loaders.manifest import Source

POPULATION_TYPES = {"Refugees": "REF", "Asylum Seekers": "ASY", "Returned Refugees": "RET", "IDPs": "IDP",
                    "Returned IDPs": "RDP", "Stateless": "STA", "HST": "HST", "OOC": "OOC"}
WORLD = "WORLD"
_YEAR = r"(19|20)\d\d"  # UNHCR writes '-' for "all countries of asylum"


def parse_unhcr(path: Path, source: Source) -> pd.DataFrame:
    """Tidy rows with ``pop_type`` and ``origin`` (ISO3 or TOTAL); ISO3 asylum countries become Eurostat codes."""
    raw = read_csv_strings(path, source.id)
    require_columns(raw, ["Year", "Country of Asylum ISO", "Country of Origin ISO", *POPULATION_TYPES],
                    source.id, "UNHCR CSV")
    years = raw["Year"].str.strip()
    bad_years = ~years.str.fullmatch(_YEAR)
    if bad_years.any():
        raise ParseError(source.id, f"unexpected Year values {years[bad_years].unique()[:3].tolist()}")
    iso = raw["Country of Asylum ISO"].str.strip()
    geo = iso.map(lambda c: WORLD if c == "-" else labels.ISO3_TO_EUROSTAT.get(c))
    unmatched = sorted(set(iso[geo.isna()]))
    keep = geo.notna()
    frames = []
    for column, code in POPULATION_TYPES.items():
        frames.append(pd.DataFrame({
            "source_id": source.id, "dataset": source.dataset, "geo": geo[keep], "time": raw["Year"][keep].str.strip(),
            "value": parse_numbers(raw[column][keep], source.id), "flag": "", "unit": "PER", "pop_type": code,
            "origin": raw["Country of Origin ISO"][keep].str.strip().replace({"-": "TOTAL"}),
        }))
    frame = pd.concat(frames, ignore_index=True)
    frame.attrs["last_update"] = None
    frame.attrs["unmatched"] = [{"geo": c, "reason": "ISO3 code not in the explicit ISO3-to-Eurostat map"} for c in unmatched]
    return tidy(frame, ["pop_type", "origin"])
