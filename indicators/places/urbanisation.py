"""Eurostat's degree of urbanisation (DEGURBA, 1-3): the one vocabulary, a town's class and a group's, by code."""

from __future__ import annotations

import pandas as pd

from indicators.text.wording import Phrase, phrase

CODES = (1, 2, 3)
ONE = {1: phrase("city"), 2: phrase("town or suburb"), 3: phrase("rural area")}  # a town's class
MANY = {1: phrase("cities"), 2: phrase("towns and suburbs"), 3: phrase("rural areas")}  # a filter's group of towns
assert set(ONE) == set(MANY) == set(CODES)


def of_town(town: pd.Series) -> Phrase:
    """A municipality's class as the town page and its briefing state it: 'town or suburb (LAU 2019)'."""
    if pd.isna(town["degurba"]) or int(town["degurba"]) not in ONE:
        return phrase("not known (not classified, or not in the LAU 2019 table)")
    return phrase("{degurba} (LAU {year})", degurba=ONE[int(town["degurba"])], year=int(town["degurba_year"]))


def scale() -> Phrase:
    """The classes as one scale, for a method note: '1 city, 2 town or suburb, 3 rural area'."""
    return phrase("1 {one}, 2 {two}, 3 {three}", one=ONE[1], two=ONE[2], three=ONE[3])
