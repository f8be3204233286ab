"""Eurostat SDMX-CSV in its three layouts: 1.0 with codes, 2.0 with codes and labels, 1.0 with labels only."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from loaders.adapters import labels
from loaders.adapters.common import (dataset_of, normalise_flags, parse_numbers, read_csv_strings,
                                     require_columns, tidy)
from loaders.errors import ParseError
from loaders.manifest import Source

_V1_FIXED = ["DATAFLOW", "LAST UPDATE"]
_V1_TAIL = ["TIME_PERIOD", "OBS_VALUE", "OBS_FLAG"]
_V2_HEAD = ["STRUCTURE", "STRUCTURE_ID", "STRUCTURE_NAME"]
_PERIOD = r"^\d{4}(-\d{2})?$"  # annual or monthly
_NOT_DIMENSIONS = set(_V1_FIXED + _V1_TAIL + ["CONF_STATUS", "geo"])


def parse_sdmx_csv(path: Path, source: Source) -> pd.DataFrame:
    """SDMX-CSV 1.0 with codes: ``DATAFLOW,LAST UPDATE,freq,<dims>,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG``."""
    raw = read_csv_strings(path, source.id)
    require_columns(raw, _V1_FIXED + ["geo"] + _V1_TAIL, source.id, "SDMX-CSV 1.0")
    frame = _observations(raw, raw["DATAFLOW"], source)
    frame.attrs["last_update"] = _last_update(raw)
    return frame


def parse_sdmx_csv2(path: Path, source: Source) -> pd.DataFrame:
    """SDMX-CSV 2.0 with labels=both: ``STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME`` then (code, label) column pairs."""
    return _csv2(read_csv_strings(path, source.id), source)


def parse_sdmx_csv2_cities(path: Path, source: Source) -> pd.DataFrame:
    """Urban Audit SDMX-CSV 2.0 with labels: the geography is the ``cities`` dimension; its label is kept as
    ``name`` (a city, a greater city or a country)."""
    raw = read_csv_strings(path, source.id)
    require_columns(raw, ["cities"], source.id, "Urban Audit SDMX-CSV 2.0")
    position = list(raw.columns).index("cities")
    names = raw.iloc[:, position + 1].str.strip()
    frame = _csv2(raw.rename(columns={"cities": "geo"}), source)
    frame["name"] = names.values
    return frame


def _csv2(raw: pd.DataFrame, source: Source) -> pd.DataFrame:
    require_columns(raw, _V2_HEAD + ["geo"] + _V1_TAIL, source.id, "SDMX-CSV 2.0")
    rest = list(raw.columns[3:])
    if len(rest) % 2:
        raise ParseError(source.id, "SDMX-CSV 2.0 with labels: columns after STRUCTURE_NAME do not come in pairs")
    codes = rest[0::2]  # each code column is followed by its label column; keep the codes
    frame = _observations(raw[codes], raw["STRUCTURE_ID"], source)
    frame.attrs["last_update"] = None  # this layout carries no LAST UPDATE column
    return frame


def parse_sdmx_csv_labels(path: Path, source: Source) -> pd.DataFrame:
    """SDMX-CSV 1.0 with labels in place of codes: country names and dimension labels mapped explicitly."""
    raw = read_csv_strings(path, source.id)
    require_columns(raw, _V1_FIXED + ["geo"] + _V1_TAIL, source.id, "SDMX-CSV 1.0 (labels)")
    raw = raw.copy()
    unmapped_labels = {}
    for dim in _dimensions(raw):
        mapping = labels.DIMENSION_CODES.get(dim, {})
        unknown = sorted(set(raw[dim]) - set(mapping))
        if unknown:
            unmapped_labels[dim] = unknown
        raw[dim] = raw[dim].map(lambda v, m=mapping: m.get(v, v))
    names = raw["geo"]
    raw["geo"] = names.map(labels.COUNTRY_CODES)
    unmatched = sorted(set(names[raw["geo"].isna()]))
    raw = raw[raw["geo"].notna()]
    frame = _observations(raw, raw["DATAFLOW"], source)
    frame.attrs["last_update"] = _last_update(raw)
    frame.attrs["unmatched"] = [{"geo": n, "reason": "country name not in the explicit name-to-code map"} for n in unmatched]
    frame.attrs["unmapped_labels"] = unmapped_labels
    return frame


def _dimensions(raw: pd.DataFrame) -> list[str]:
    return [c for c in raw.columns if c not in _NOT_DIMENSIONS]


def _observations(raw: pd.DataFrame, dataflow: pd.Series, source: Source) -> pd.DataFrame:
    datasets = set(dataflow.map(dataset_of))
    if source.dataset and datasets != {source.dataset}:
        raise ParseError(source.id, f"file holds dataset(s) {sorted(datasets)}, the manifest expects {source.dataset}")
    dims = [c for c in _dimensions(raw) if c not in ("STRUCTURE", "STRUCTURE_ID", "STRUCTURE_NAME")]
    key = source.options.get("key")
    if key and len(dims) + 1 != len(key.split(".")):
        # The query key names every dimension: a file with more or fewer dimension columns is not its answer.
        raise ParseError(source.id, f"expected {len(key.split('.'))} dimensions (query key {key}), "
                                    f"found {len(dims) + 1}: {dims + ['geo']}")
    frame = raw[dims].copy()
    frame["source_id"] = source.id
    frame["dataset"] = source.dataset or next(iter(datasets))
    frame["geo"] = raw["geo"].str.strip()
    if (frame["geo"] == "").any():
        raise ParseError(source.id, "rows with an empty geo code")
    frame["time"] = raw["TIME_PERIOD"].str.strip()
    bad_time = ~frame["time"].str.match(_PERIOD)
    if bad_time.any():
        raise ParseError(source.id, f"unexpected TIME_PERIOD values {frame['time'][bad_time].unique()[:3].tolist()}")
    frame["value"] = parse_numbers(raw["OBS_VALUE"], source.id)
    flags = normalise_flags(raw["OBS_FLAG"], source.id)
    if "CONF_STATUS" in raw:
        # A confidential cell (CONF_STATUS C) is a suppressed value: flag it 'c' so it is never read as missing.
        confidential = raw["CONF_STATUS"].str.strip().str.upper().eq("C") & ~flags.str.contains("c")
        flags = flags.where(~confidential, flags + "c")
    frame["flag"] = flags
    frame["unit"] = _units(raw, source)
    return tidy(frame, dims)


def _units(raw: pd.DataFrame, source: Source) -> pd.Series:
    if "unit" in raw:
        return raw["unit"]
    if "unit_by" in source.options:
        by = source.options["unit_by"]
        return raw["indic_de"].map(lambda v: by.get(v, ""))
    return pd.Series(source.options.get("unit", ""), index=raw.index)


def _last_update(raw: pd.DataFrame) -> str | None:
    values = raw["LAST UPDATE"].dropna().unique() if "LAST UPDATE" in raw else []
    return max(values, key=_date_key) if len(values) else None


def _date_key(text: str):
    # 'dd/mm/yy hh:mm:ss' as published by Eurostat.
    try:
        return pd.to_datetime(text, format="%d/%m/%y %H:%M:%S")
    except ValueError:
        return pd.Timestamp.min
