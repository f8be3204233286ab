"""Eurostat NUTS classification workbooks: code lists with names and levels, version changes, NUTS-3 typologies."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd
from python_calamine import CalamineError

from loaders.errors import ParseError
from loaders.manifest import Source

CODE_COLUMNS = ["version", "geo", "name", "level", "country"]
TYPOLOGY_COLUMNS = ["version", "geo", "urban_rural", "coastal", "metro", "border", "island", "mountain", "capital"]
_URBAN_RURAL_2021 = {1: "predominantly urban", 2: "intermediate", 3: "predominantly rural"}
_COASTAL_2021 = {0: "non-coastal", 1: "coastal", 2: "coastal"}  # 1 on the coast, 2 most people within 50 km of it


def parse_nuts_workbook(path: Path, source: Source) -> dict[str, pd.DataFrame]:
    """``{"codes": …, "typologies": …}`` for the workbook's version (and the 2016 codes the 2021 book lists)."""
    try:
        sheets = pd.read_excel(path, sheet_name=None, dtype=object, engine="calamine")
    except (OSError, zipfile.BadZipFile, ValueError, KeyError, CalamineError) as exc:
        raise ParseError(source.id, f"not a readable XLSX workbook: {exc}") from exc
    try:
        parsed = _parse_2024(sheets) if source.nuts_version == 2024 else _parse_2021(sheets)
    except KeyError as exc:
        raise ParseError(source.id, f"expected sheet or column {exc} is missing") from exc
    codes = parsed["codes"]
    if codes.empty or codes["geo"].duplicated().any() and source.nuts_version == 2024:
        raise ParseError(source.id, "code list is empty or has duplicate codes")
    for frame in parsed.values():
        frame.attrs["last_update"] = None
    return parsed


def _code_list(version: int, codes: pd.Series, names: pd.Series, levels: pd.Series) -> pd.DataFrame:
    frame = pd.DataFrame({"version": version, "geo": codes.astype(str).str.strip(),
                          "name": names.astype(str).str.replace("\xa0", " ").str.strip(),
                          "level": pd.to_numeric(levels, errors="coerce")})
    frame = frame[frame["geo"].str.match(r"^[A-Z]{2}[A-Z0-9]{0,3}$") & frame["level"].notna()]
    frame["level"] = frame["level"].astype(int)
    frame["country"] = frame["geo"].str[:2]
    return frame[CODE_COLUMNS].drop_duplicates("geo").reset_index(drop=True)


def _parse_2024(sheets) -> dict[str, pd.DataFrame]:
    nuts, stat = sheets["NUTS2024"], sheets["Statistical Regions"]
    codes = pd.concat([
        _code_list(2024, nuts["NUTS Code"], nuts["NUTS label"], nuts["NUTS level"]),
        _code_list(2024, stat["SR Code"], stat["SR label"], stat["SR level"]),
    ], ignore_index=True)
    # Level 0 is not a row of the NUTS 2024 sheet: add each country from its level-1 rows.
    countries = codes.loc[codes["level"] == 1, "country"].unique()
    codes = pd.concat([codes, pd.DataFrame({"version": 2024, "geo": countries, "name": None, "level": 0,
                                            "country": countries})], ignore_index=True)
    codes = codes.drop_duplicates("geo")
    t = sheets["NUTS-3 Typologies"]
    typologies = pd.DataFrame({
        "version": 2024, "geo": t["NUTS-3 Code"].astype(str).str.strip(),
        "urban_rural": t["Urban-Rural typology"], "coastal": t["Coastal regions"],
        "metro": t["Metropolitan regions"], "border": t["Border"], "island": t["Island regions"],
        "mountain": t["Mountanious regions"], "capital": t["Capital regions"].notna(),
    })
    return {"codes": codes.reset_index(drop=True), "typologies": typologies[TYPOLOGY_COLUMNS]}


def _parse_2021(sheets) -> dict[str, pd.DataFrame]:
    book = sheets["NUTS & SR 2021"]
    names = book["NUTS level 3"].fillna(book["NUTS level 2"]).fillna(book["NUTS level 1"]).fillna(book["Country"])
    codes2021 = _code_list(2021, book["Code 2021"], names, book["NUTS level"])
    changes = sheets["Changes detailed NUTS 2016-2021"]
    names16 = changes.iloc[:, 5].fillna(changes.iloc[:, 4]).fillna(changes.iloc[:, 3]).fillna(changes["Country"])
    old = changes["Code 2016"].notna()
    codes2016 = _code_list(2016, changes.loc[old, "Code 2016"], names16[old], changes.loc[old, "NUTS level"])
    ur, metro, coast = sheets["Urban-rural"], sheets["Metropolitan"], sheets["Coastal"]
    typologies = pd.DataFrame({"version": 2021, "geo": ur["NUTS_ID"].astype(str).str.strip(),
                               "urban_rural": pd.to_numeric(ur["URBRUR_2021"], errors="coerce").map(_URBAN_RURAL_2021)})
    typologies = typologies.merge(pd.DataFrame({
        "geo": metro["NUTS_ID"].astype(str).str.strip(),
        "metro": metro["METRO"].map({"Y": "metropolitan region", "N": "non-metropolitan region"})}), how="left", on="geo")
    typologies = typologies.merge(pd.DataFrame({
        "geo": coast["NUTS_ID"].astype(str).str.strip(),
        "coastal": pd.to_numeric(coast["COASTAL"], errors="coerce").map(_COASTAL_2021)}), how="left", on="geo")
    # The 2021 workbook has no border, island, mountain or capital typology: they stay missing for 2021.
    for column in ("border", "island", "mountain", "capital"):
        typologies[column] = None
    typologies = typologies[typologies["geo"].str.match(r"^[A-Z]{2}[A-Z0-9]{3}$")]
    return {"codes": pd.concat([codes2021, codes2016], ignore_index=True), "typologies": typologies[TYPOLOGY_COLUMNS]}
