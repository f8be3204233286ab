"""Plausibility rules for published city counts: which values are impossible or implausible, and why.

Published values are never changed: a value a rule catches keeps its number in the store, is marked
"implausible: not shown", and stays out of maps, ranks and charts; ``findings`` lists each with its rule.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.text.phrasing import listed
from indicators.text.wording import Number, Phrase, phrase

JUMP_FACTOR = 2.0  # a city's count that halves or doubles in one step while the other count does not
STEP_LIMIT = 0.15  # a city population may move this much (relative) in one year; more needs a break flag ("b")
NEIGHBOUR_YEARS = 2  # a published value at most this many years away counts as a neighbour (gaps happen)
VARIABLES = ("foreign_born", "population")
VERDICT = phrase("implausible: not shown")  # what a caught value shows instead of its number
NOT_SHOWN = str(VERDICT)  # as the tables and CSV files hold it
# a rule's wording, as the data-gap and sources pages list it (i18n.say); ``rule`` columns hold the keys
RULES = {
    "share_over_100": phrase("more foreign-born residents than residents in the same city and year (share above "
                             "100 %)"),
    "jump": phrase("differs by more than a factor {factor} from every neighbouring value published up to {years} "
                   "years away (before and after; the one neighbour at either end of the series, once values already "
                   "caught are set aside) while the city's other count that year does not (or is not published)",
                   factor=f"{JUMP_FACTOR:g}", years=NEIGHBOUR_YEARS),
    "population_step": phrase("a population that moves more than {limit} % from the year before without a break "
                              "flag (b): not used as a denominator", limit=f"{100 * STEP_LIMIT:g}"),
}
# a rule's short name, as tables and pages name it (every rule has one: a page never shows a rule's key)
RULE_NAMES = {"share_over_100": phrase("share above 100 %"), "jump": phrase("jump"),
              "population_step": phrase("population step")}
assert RULE_NAMES.keys() == RULES.keys(), "every plausibility rule needs a short name"
FINDING_COLUMNS = ["geo", "name", "year", "variable", "value", "flag", "rule", "detail"]


def findings(series: pd.DataFrame, words=str) -> pd.DataFrame:
    """Every (value, rule) caught in a city series table (columns as the store's ``city_series``). ``detail``
    is ``words(phrase)``: plain English by default (the CSV's), a page says it in its language."""
    rows = []
    over = series[series["foreign_born"] > series["population"]]
    for r in over.itertuples(index=False):
        rows.append({"geo": r.geo, "name": r.name, "year": int(r.year), "variable": "foreign_born",
                     "value": r.foreign_born, "flag": r.foreign_born_flag, "rule": "share_over_100",
                     "detail": words(phrase("{foreign_born} foreign-born of {population} residents ({share} %)",
                                            foreign_born=Number(r.foreign_born, 0),
                                            population=Number(r.population, 0),
                                            share=Number(100 * r.foreign_born / r.population, 0)))})
    # Pass 1: values between two neighbours, and shares above 100 %. Pass 2: the same test with those set
    # aside, so a value next to an error is compared with sound values (and series ends get tested).
    interior = {v: _jumps(series, v, need_both=True) for v in VARIABLES}
    interior["foreign_born"] |= series["foreign_born"] > series["population"]
    aside = series.copy()
    for v in VARIABLES:
        aside.loc[interior[v], v] = np.nan
    jumps = {v: (interior[v] & _jumps(series, v, need_both=True)) | (series[v].notna() & _jumps(aside, v))
             for v in VARIABLES}
    for variable, other in (VARIABLES, VARIABLES[::-1]):
        caught = jumps[variable] & ~jumps[other]
        for r in series[caught].itertuples(index=False):
            value = getattr(r, variable)
            rows.append({"geo": r.geo, "name": r.name, "year": int(r.year), "variable": variable, "value": value,
                         "flag": getattr(r, f"{variable}_flag"), "rule": "jump",
                         "detail": words(_jump_detail(series, r.geo, r.year, variable))})
    for r in series[_population_steps(series)].itertuples(index=False):
        rows.append({"geo": r.geo, "name": r.name, "year": int(r.year), "variable": "population",
                     "value": r.population, "flag": r.population_flag, "rule": "population_step",
                     "detail": words(_jump_detail(series, r.geo, r.year, "population"))})
    return pd.DataFrame(rows, columns=FINDING_COLUMNS).sort_values(["geo", "year", "variable"]).reset_index(drop=True)


def _population_steps(series: pd.DataFrame) -> pd.Series:
    """Populations more than ``STEP_LIMIT`` away from the year before, without a break flag. Each is compared with
    the last value not caught, one year earlier: after a caught value the series starts afresh (52 German and other
    cities moved by a factor 1.2-2 from 2023 to 2024, below the jump rule: Paderborn 154 755 -> 80 725)."""
    caught = pd.Series(False, index=series.index)
    present = series[series["population"].notna()].sort_values(["geo", "year"])
    for _, city in present.groupby("geo", sort=False):
        last_year, last_value = None, None
        for index, year, value, flag in zip(city.index, city["year"], city["population"], city["population_flag"]):
            step = last_year is not None and year - last_year == 1 and abs(value / last_value - 1) > STEP_LIMIT
            if step and "b" not in str(flag or ""):
                caught[index] = True
                continue
            last_year, last_value = year, value
    return caught


def verdicts(series: pd.DataFrame, found: pd.DataFrame | None = None) -> pd.DataFrame:
    """The series with ``<variable>_verdict`` ('' or NOT_SHOWN) and ``<variable>_rules`` for both counts."""
    found = findings(series) if found is None else found
    out = series.copy()
    for variable in VARIABLES:
        caught = found[found["variable"] == variable].groupby(["geo", "year"])["rule"].agg(", ".join)
        keys = pd.MultiIndex.from_arrays([out["geo"], out["year"]])
        rules = pd.Series(caught.reindex(keys).values, index=out.index).fillna("")
        out[f"{variable}_rules"] = rules
        out[f"{variable}_verdict"] = np.where(rules.ne(""), NOT_SHOWN, "")
    return out


def _neighbour_ratios(series: pd.DataFrame, variable: str) -> tuple[pd.Series, pd.Series]:
    """For each row, the ratio (≥ 1) to the previous and the next published value of the same city (NaN if none)."""
    present = series.loc[series[variable].notna(), ["geo", "year", variable]].sort_values(["geo", "year"])
    values, years = present[variable], present["year"].astype(float)
    by_city, year_by_city = values.groupby(present["geo"]), years.groupby(present["geo"])
    previous = by_city.shift(1).where(years - year_by_city.shift(1) <= NEIGHBOUR_YEARS)
    following = by_city.shift(-1).where(year_by_city.shift(-1) - years <= NEIGHBOUR_YEARS)
    with np.errstate(divide="ignore", invalid="ignore"):
        before = np.maximum(values / previous, previous / values)
        after = np.maximum(values / following, following / values)
    return before.reindex(series.index), after.reindex(series.index)


def _jumps(series: pd.DataFrame, variable: str, need_both: bool = False) -> pd.Series:
    before, after = _neighbour_ratios(series, variable)
    has_neighbour = (before.notna() & after.notna()) if need_both else (before.notna() | after.notna())
    big = (before.isna() | (before > JUMP_FACTOR)) & (after.isna() | (after > JUMP_FACTOR))
    return (has_neighbour & big).fillna(False).astype(bool)


def _jump_detail(series: pd.DataFrame, geo: str, year: int, variable: str) -> Phrase | str:
    """The value and its neighbours: '2018: 1,234, 2019: 5,678, 2020: 1,301'."""
    city = series[(series["geo"] == geo) & series[variable].notna()].sort_values("year")
    years = list(city["year"])
    at = years.index(year)
    around = city.iloc[max(0, at - 1):at + 2]
    return listed([phrase("{year}: {value}", year=int(y), value=Number(v, 0))
                   for y, v in zip(around["year"], around[variable])])
