"""Every adapter against mutated copies of its real mirror file (hypothesis): the result is a correct table or
one typed error naming the source; never an unhandled exception, a hang, or a silently wrong table."""

from __future__ import annotations

import csv
import io
import os

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.adapters import ADAPTERS, parse
from loaders.errors import DataError, ParseError
from loaders.manifest import get_source

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300"))
# The smallest real file of each format keeps 300 examples per adapter within CI's time.
SAMPLES = {"sdmx_csv": "ilc_li41", "sdmx_csv2": "edat_lfs_9911", "sdmx_csv_labels": "tps00170",
           "europe_locals": "europe_locals_country", "urban_rural": "ure_gdp", "yearbook_xlsx": "ryb2026_labour",
           "unhcr_csv": "unhcr_ukraine_total", "jrc_converter": "jrc_n1_2021_2024",
           "nuts_workbook": "nuts_2021_workbook", "gisco_geojson": "gisco_nuts2021_l0",
           "gisco_topojson": "gisco_countries", "grid_tile": "census_grid_6_6", "grid_info": "census_grid_info",
           "urau_points": "urau_cities_2021", "accoglienza": "it_accoglienza", "ine_codes": "ine_mun_codes",
           "sdmx_csv2_cities": "urb_cpopcb", "lau_rda": "lau_2019", "ine_68538": "ine_68538"}
CSV_ADAPTERS = {"sdmx_csv", "sdmx_csv2", "sdmx_csv_labels", "urban_rural", "unhcr_csv", "jrc_converter",
                "accoglienza", "ine_codes", "sdmx_csv2_cities"}
# Formats whose smallest real file takes a second or more to parse get fewer examples, to stay within CI's time.
FEWER = {"sdmx_csv2_cities": 40, "lau_rda": 12, "ine_68538": 8}


def test_every_adapter_is_fuzzed():
    assert set(SAMPLES) == set(ADAPTERS)


@pytest.fixture(scope="module")
def originals(mirror):
    out = {}
    for adapter, source_id in SAMPLES.items():
        source = get_source(source_id)
        raw = (mirror / source.mirror_path).read_bytes()
        out[adapter] = (source, raw, parse(source, mirror / source.mirror_path))
    return out


def _mutations(csv_like: bool):
    cut = st.tuples(st.just("cut"), st.floats(0, 1))
    flip = st.tuples(st.just("flip"), st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=8))
    options = [cut, flip]
    if csv_like:
        options += [st.tuples(st.just("shuffle"), st.randoms(use_true_random=False)),
                    st.tuples(st.just("drop"), st.floats(0, 1)),
                    st.tuples(st.just("text"), st.floats(0, 1)),
                    st.tuples(st.just("huge"), st.sampled_from(["1e400", "9" * 400, "-1e999", "nan", "inf"]))]
    return st.one_of(options)


def _mutate(raw: bytes, mutation) -> bytes:
    kind, arg = mutation
    if kind == "cut":
        return raw[: int(len(raw) * arg)]
    if kind == "flip":
        data = bytearray(raw)
        for where, value in arg:
            data[min(int(where * len(data)), len(data) - 1)] = value
        return bytes(data)
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    if kind == "shuffle":
        order = list(range(len(header)))
        arg.shuffle(order)
        rows = [[row[i] for i in order] for row in rows]
    elif kind == "drop":
        gone = int(arg * (len(header) - 1))
        rows = [[cell for i, cell in enumerate(row) if i != gone] for row in rows]
    else:
        numeric = [(r, c) for r, row in enumerate(body, start=1) for c, cell in enumerate(row)
                   if cell.replace(".", "", 1).replace("-", "", 1).isdigit()]
        if numeric:
            r, c = numeric[int((arg if kind == "text" else 0.5) * (len(numeric) - 1))]
            rows[r][c] = "twelve" if kind == "text" else arg
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def _tidy_equal(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    columns = sorted(a.columns)
    if sorted(b.columns) != columns:
        return False
    left = a[columns].astype(str).sort_values(columns).reset_index(drop=True)
    right = b[columns].astype(str).sort_values(columns).reset_index(drop=True)
    return left.equals(right)


def _check(adapter, originals, tmp_path_factory, mutation):
    source, raw, original = originals[adapter]
    mutated = _mutate(raw, mutation)
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / f"sample{os.path.splitext(source.mirror_path)[1]}"
    if source.mirror_path.endswith(".topojson.json"):
        path = folder / "sample.topojson.json"
    path.write_bytes(mutated)
    try:
        result = parse(source, path)
    except DataError as exc:
        assert isinstance(exc, ParseError) and exc.source_id == source.id
        return
    # A table came back: it must be a sound table, and the same as the original when nothing meaningful changed.
    tables = result.values() if isinstance(result, dict) else [result]
    for table in tables:
        if "value" in table.columns:
            values = table["value"].to_numpy(dtype=float)
            assert not np.isinf(values).any()
    kind = mutation[0]
    if kind == "shuffle" and isinstance(original, pd.DataFrame):
        assert _tidy_equal(result, original), "reordering columns changed the table"
    if kind in ("text", "huge", "drop") and isinstance(original, pd.DataFrame):
        # accepted only when the changed cell or column is one the adapter does not keep
        assert _tidy_equal(result, original), f"a {kind} mutation changed the table silently"
    if kind == "cut" and isinstance(original, pd.DataFrame) and isinstance(result, pd.DataFrame) and "value" in original:
        keys = [c for c in original.columns if c not in ("value", "flag")]
        merged = result.merge(original, on=keys, how="left", suffixes=("", "_orig"), indicator=True)
        assert (merged["_merge"] == "both").all(), "a cut file produced rows the original does not have"
        same = (merged["value"] == merged["value_orig"]) | (merged["value"].isna() & merged["value_orig"].isna())
        assert same.all(), "a cut file produced different values"


@pytest.mark.fuzz
@pytest.mark.parametrize("adapter", sorted(SAMPLES))
def test_adapter_survives_mutations(adapter, originals, tmp_path_factory):
    @settings(max_examples=min(EXAMPLES, FEWER.get(adapter, EXAMPLES)), deadline=None, derandomize=True, print_blob=False, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(mutation=_mutations(adapter in CSV_ADAPTERS))
    def run(mutation):
        _check(adapter, originals, tmp_path_factory, mutation)

    run()
