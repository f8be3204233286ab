"""National deep dives: Spain's municipalities by place of birth (INE 68538) and Italy's reception system."""

from __future__ import annotations

import lzma
import re
from io import StringIO
from pathlib import Path

import pandas as pd

from loaders.adapters.common import parse_numbers, require_columns
from loaders.errors import ParseError
from loaders.manifest import Source

INE_SEX = {"Total": "T", "Hombres": "M", "Mujeres": "F"}
INE_BIRTHPLACE = {  # INE's labels, as published, to short codes
    "Total": "TOTAL", "España": "ES", "Unión Europea (sin España)": "EU_OTH", "Resto de Europa": "EUR_OTH",
    "África": "AFR", "América del Norte": "AM_N", "Centro América y Caribe": "AM_C", "Sudamérica": "AM_S",
    "Asia": "ASI", "Oceanía": "OCE",
}
_CODED = re.compile(r"^(\d+) (.+)$")  # "01001 Alegría-Dulantzi"
ACCOGLIENZA_COUNTS = {"Migranti presenti negli hot spot": "hotspot",
                      "Migranti presenti nei centri di accoglienza": "reception_centres",
                      "Migranti presenti nei centri SIPROIMI": "siproimi", "Migranti presenti nei centri SAI": "sai"}


def _read_text_table(path: Path, source: Source, sep: str, compressed: bool) -> pd.DataFrame:
    try:
        raw = lzma.open(path, "rb").read() if compressed else Path(path).read_bytes()
        text = raw.decode("utf-8-sig")
    except (OSError, lzma.LZMAError, UnicodeDecodeError) as exc:
        raise ParseError(source.id, f"cannot read {Path(path).name}: {exc}") from exc
    if not text.endswith("\n"):
        raise ParseError(source.id, f"{Path(path).name} does not end with a newline (truncated?)")
    return pd.read_csv(StringIO(text), sep=sep, dtype=str, keep_default_na=False, na_filter=False)


def _split_coded(labels: pd.Series, digits: int, source: Source, what: str) -> tuple[pd.Series, pd.Series]:
    """'01001 Alegría-Dulantzi' -> ('01001', 'Alegría-Dulantzi'). Each distinct label is read once: INE repeats
    every municipality's label on ~120 rows (sex x place of birth x year), and the regex was most of the parse."""
    codes, uniques = pd.factorize(labels)
    distinct = pd.Series(uniques, dtype=str)
    parts = distinct.str.extract(_CODED)
    bad = distinct.ne("") & (parts[0].isna() | parts[0].str.len().ne(digits))
    if bad.any():
        raise ParseError(source.id, f"{what} labels without a {digits}-digit code, e.g. {distinct[bad].iloc[:3].tolist()}")
    code, name = (pd.Series(parts[i].fillna("").to_numpy(dtype=object)[codes], index=labels.index, dtype=str)
                  for i in (0, 1))
    return code, name


def parse_ine_68538(path: Path, source: Source) -> pd.DataFrame:
    """INE 68538 as published (';', '.' thousands, BOM): one row per area, sex, place of birth and year."""
    raw = _read_text_table(path, source, ";", compressed=True)
    require_columns(raw, ["Provincias", "Municipios", "Sexo", "Lugar de nacimiento", "Periodo", "Total"],
                    source.id, "INE 68538")
    for column, known in (("Sexo", INE_SEX), ("Lugar de nacimiento", INE_BIRTHPLACE)):
        unknown = sorted(set(raw[column].unique()) - set(known))  # distinct labels: iterating 1 M rows took 3 s
        if unknown:
            raise ParseError(source.id, f"unknown {column} label(s) {unknown[:5]}")
    province, province_name = _split_coded(raw["Provincias"], 2, source, "province")
    municipality, municipality_name = _split_coded(raw["Municipios"], 5, source, "municipality")
    if not pd.Series(raw["Periodo"].unique(), dtype=str).str.fullmatch(r"\d{4}").all():
        raise ParseError(source.id, "Periodo values that are not years")
    number = raw["Total"].str.strip().str.strip('"')
    malformed = ~number.str.fullmatch(r"(\d{1,3}(\.\d{3})*)?")
    if malformed.any():
        raise ParseError(source.id, f"counts not written as INE writes them, e.g. {number[malformed].iloc[:3].tolist()}")
    frame = pd.DataFrame({
        "area": municipality.where(municipality.ne(""), province.where(province.ne(""), "ES")),
        "kind": municipality.ne("").map({True: "municipality", False: "province"}).where(
            municipality.ne("") | province.ne(""), "country"),
        "name": municipality_name.where(municipality.ne(""), province_name.where(province.ne(""), "España")),
        "province": province.where(province.ne(""), municipality.str[:2]),
        "sex": raw["Sexo"].map(INE_SEX), "birthplace": raw["Lugar de nacimiento"].map(INE_BIRTHPLACE),
        "year": raw["Periodo"].astype(int),
        "value": parse_numbers(number.str.replace(".", "", regex=False), source.id),  # '' = not published: NaN
    })
    if frame.duplicated(["area", "sex", "birthplace", "year"]).any():
        raise ParseError(source.id, "the same area, sex, place of birth and year appear twice")
    frame.attrs["last_update"] = None
    return frame


def parse_ine_codes(path: Path, source: Source) -> pd.DataFrame:
    """INE's municipality code list: the 5-digit code is province + municipality order."""
    raw = _read_text_table(path, source, ",", compressed=False)
    require_columns(raw, ["reg_code", "prov_code", "mun_order", "mun_name"], source.id, "INE code list")
    if not (raw["prov_code"].str.fullmatch(r"\d{2}") & raw["mun_order"].str.fullmatch(r"\d{3}")).all():
        raise ParseError(source.id, "province or municipality codes of unexpected width")
    # reg_code is not kept: the province gives the NUTS 3 region, and one published row reads "<02" (Cimballa).
    frame = pd.DataFrame({"code": raw["prov_code"] + raw["mun_order"], "name": raw["mun_name"],
                          "province": raw["prov_code"]})
    frame.attrs["last_update"] = None
    return frame


def parse_accoglienza(path: Path, source: Source) -> pd.DataFrame:
    """People in Italy's reception system by region and report date (empty = not reported that day)."""
    raw = _read_text_table(path, source, ",", compressed=False)
    require_columns(raw, ["Regione", "Data_Report", "CodiceRegione", *ACCOGLIENZA_COUNTS], source.id, "accoglienza")
    dates = pd.to_datetime(raw["Data_Report"], format="%Y-%m-%d", errors="coerce")
    if dates.isna().any():
        raise ParseError(source.id, f"report dates not in YYYY-MM-DD, e.g. {raw.loc[dates.isna(), 'Data_Report'].iloc[:3].tolist()}")
    if not raw["CodiceRegione"].str.fullmatch(r"\d{2}").all():
        raise ParseError(source.id, "ISTAT region codes that are not two digits")
    frame = pd.DataFrame({"region_code": raw["CodiceRegione"], "region": raw["Regione"], "date": dates})
    for column, short in ACCOGLIENZA_COUNTS.items():
        frame[short] = parse_numbers(raw[column], source.id)
        if (frame[short] < 0).any():
            raise ParseError(source.id, f"negative counts in {column!r}")
    if frame.duplicated(["region_code", "date"]).any():
        raise ParseError(source.id, "a region reported twice on the same date")
    frame.attrs["last_update"] = str(dates.max().date())
    return frame
