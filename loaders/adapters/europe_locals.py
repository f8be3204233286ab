"""The Europe-locals JSON compilation: LFS stocks and shares by country of birth and citizenship, and origins."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from loaders.adapters.common import tidy
from loaders.errors import ParseError
from loaders.manifest import Source

# field -> (Eurostat dataset, dimension, dimension value, unit). Shares are over the LFS population aged 15+
# in private households, not the total population (the compiler's own methodology note says so).
_REGION_FIELDS = {
    "totalPopulation": ("demo_r_pjanaggr3", None, None, "NR"),
    "foreignBornPopulation": ("lfst_r_lfsd2pwc", "c_birth", "FOR", "PER"),
    "foreignBornShare": ("lfst_r_lfsd2pwc", "c_birth", "FOR", "PC"),
    "localBornPopulation": ("lfst_r_lfsd2pwc", "c_birth", "NAT", "PER"),
    "localBornShare": ("lfst_r_lfsd2pwc", "c_birth", "NAT", "PC"),
    "nonCitizenPopulation": ("lfst_r_lfsd2pwn", "citizen", "FOR", "PER"),
    "nonCitizenShare": ("lfst_r_lfsd2pwn", "citizen", "FOR", "PC"),
}
_COUNTRY_FIELDS = {
    "totalPopulation": ("migr_pop3ctb", "c_birth", "TOTAL", "NR"),
    "foreignBornPopulation": ("migr_pop3ctb", "c_birth", "FOR", "NR"),
    "foreignBornShare": ("migr_pop3ctb", "c_birth", "FOR", "PC"),
    "localBornPopulation": ("migr_pop3ctb", "c_birth", "NAT", "NR"),
    "localBornShare": ("migr_pop3ctb", "c_birth", "NAT", "PC"),
    "nonCitizenPopulation": ("migr_pop1ctz", "citizen", "FOR", "NR"),
    "nonCitizenShare": ("migr_pop1ctz", "citizen", "FOR", "PC"),
    "unknownBirthPopulation": ("migr_pop3ctb", "c_birth", "UNK", "NR"),
    "irregularPresenceDetections": ("migr_eipre", None, None, "PER"),
}
# In the regional trend, totalPopulation is the LFS 15+ population (the 2023 headline total is all ages).
_TREND_FIELDS = {
    "totalPopulation": ("lfst_r_lfsd2pwc", "c_birth", "TOTAL", "PER"),
    "foreignBornPopulation": ("lfst_r_lfsd2pwc", "c_birth", "FOR", "PER"),
    "foreignBornShare": ("lfst_r_lfsd2pwc", "c_birth", "FOR", "PC"),
    "localBornPopulation": ("lfst_r_lfsd2pwc", "c_birth", "NAT", "PER"),
    "localBornShare": ("lfst_r_lfsd2pwc", "c_birth", "NAT", "PC"),
}
_COUNTRY_TREND_FIELDS = {name: ("migr_pop3ctb", dim, code, "PC" if unit == "PC" else "NR")
                         for name, (_, dim, code, unit) in _TREND_FIELDS.items()}
CENSUS_YEAR = "2021"  # origins come from Census 2021 (cens_21cob_r3), whatever the record's year
# The compiler sets a suppressed value to null; Eurostat's flag for suppressed (confidential) is 'c'.
SUPPRESSED = "c"


def parse_europe_locals(path: Path, source: Source) -> pd.DataFrame:
    """One tidy row per region (or country), year and measure; nulls stay missing, flagged suppressed."""
    try:
        doc = json.loads(Path(path).read_bytes())
        records = doc["records"]
        generated = doc.get("generatedAt")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ParseError(source.id, f"not a Europe-locals document: {exc}") from exc
    if not isinstance(records, list) or not records:
        raise ParseError(source.id, "no records")
    rows = []
    for record in records:
        try:
            rows.extend(_record_rows(record, source))
        except (KeyError, TypeError, ValueError) as exc:
            raise ParseError(source.id, f"record {record.get('geoId') if isinstance(record, dict) else '?'}: {exc}") from exc
    frame = pd.DataFrame(rows)
    frame["source_id"] = source.id
    frame = frame.drop_duplicates(["dataset", "geo", "time", "unit", "c_birth", "citizen"], keep="first")
    frame.attrs["last_update"] = generated
    return tidy(frame, ["c_birth", "citizen"])


def _record_rows(record: dict, source: Source):
    geo = str(record["geoId"]).strip()
    year = int(record["year"])
    is_country = record["granularity"] == "country"
    fields = _COUNTRY_FIELDS if is_country else _REGION_FIELDS
    for name, spec in fields.items():
        if name in record:
            yield _row(geo, str(year), record[name], *spec)
    trend_fields = _COUNTRY_TREND_FIELDS if is_country else _TREND_FIELDS
    for point in record.get("migrationTrend") or []:
        # Where a trend year repeats the headline year, the headline row (yielded first) is kept.
        for name, spec in trend_fields.items():
            if name in point:
                yield _row(geo, str(int(point["year"])), point[name], *spec)
    origin_dataset, origin_dim, origin_year = (("migr_pop1ctz", "citizen", str(year)) if is_country
                                               else ("cens_21cob_r3", "c_birth", CENSUS_YEAR))
    for origin in record.get("origins") or []:
        # The compiler's origin shares divide Census 2021 counts by a 2023 population: keep the counts only.
        yield _row(geo, origin_year, origin["population"], origin_dataset, origin_dim, str(origin["originId"]), "NR")


def _row(geo, time, value, dataset, dim, code, unit):
    if value is not None and not isinstance(value, (int, float)):
        raise ValueError(f"{dataset} value {value!r} is not a number")
    row = {"dataset": dataset, "geo": geo, "time": time, "unit": unit, "c_birth": None, "citizen": None,
           "value": float(value) if value is not None else float("nan"),
           "flag": "" if value is not None else SUPPRESSED}
    if dim:
        row[dim] = code
    return row
