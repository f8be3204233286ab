"""Plain-language region summaries from whole-sentence phrases (indicators.text.wording): every number comes from the
indicator tables, with its year; the pages, the briefing and the CLI say them in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from geodata.codes import level_of
from indicators.text import caveats
from indicators.regions import lookup, tables
from indicators.text.phrasing import joined, together
from indicators.regions.ranks import ranks
from indicators.registry import get
from indicators.text.wording import Country, Number, Phrase, phrase, sentence

SUMMARY_INDICATORS = {
    0: ("foreign_born_share_national", "employment_gap_citizenship", "asylum_applicants_per_1000"),
    1: ("tertiary_gap_foreign_born", "low_education_gap_foreign_born"),
    2: ("foreign_born_share", "foreign_born_share_change", "net_migration_rate", "unemployment_gap_foreign_born"),
    3: ("net_migration_rate", "net_migration_avg", "population", "foreign_born_share"),  # the last from NUTS 2, said so
}
# what each figure is called inside a sentence (its article and case are the sentence's, in every language)
LABELS = {
    "foreign_born_share_national": phrase("the foreign-born share of the population"),
    "employment_gap_citizenship": phrase("the employment gap between foreign citizens and nationals"),
    "asylum_applicants_per_1000": phrase("the number of asylum applicants"),
    "tertiary_gap_foreign_born": phrase("the tertiary-education gap of the foreign-born"),
    "low_education_gap_foreign_born": phrase("the low-education gap of the foreign-born"),
    "foreign_born_share": phrase("the foreign-born share of adults (15+)"),
    "foreign_born_share_change": phrase("the change in that share"),
    "net_migration_rate": phrase("net migration"),
    "net_migration_avg": phrase("average net migration over recent years"),
    "unemployment_gap_foreign_born": phrase("the unemployment gap of the foreign-born"),
    "population": phrase("the population"),
}
UNITS = {"‰": phrase("per 1 000 inhabitants"), "pp": phrase("percentage points")}


@dataclass(frozen=True)
class Fact:
    """One number of a summary, with where it comes from."""

    indicator: str
    geo: str  # the region (or parent) the number is for
    level: int
    value: float | None
    year: int | None
    period: str
    rank_country: int | None
    n_country: int | None
    converted_to: int | None = None  # set when the value was converted to the region's NUTS version
    tied_country: int | None = None  # regions sharing the rank
    flag: str = ""


def facts(store, geo: str) -> list[Fact]:
    """The numbers a summary speaks of: at the region's own level, else its nearest parent that has them."""
    return [_fact(store, get(i), geo) for i in SUMMARY_INDICATORS.get(level_of(geo), ())]


def _fact(store, ind, geo: str) -> Fact:
    found = lookup.nearest(store, ind, geo)
    if found is None:
        return Fact(ind.id, geo, level_of(geo), None, None, "", None, None)
    row, year = found.row, found.year
    rank = n = tied = None
    if found.level > 0 and not found.converted:
        ranked = ranks(store, ind, found.level, year)
        mine = ranked[ranked["geo"] == found.geo]
        if len(mine) and pd.notna(mine["rank_country"].iloc[0]):
            rank, n, tied = (int(mine[c].iloc[0]) for c in ("rank_country", "n_country", "tied_country"))
    version = row.get("nuts_version")
    return Fact(ind.id, found.geo, found.level, float(row["value"]), year, str(row.get("period", "") or ""),
                rank, n, int(version) if found.converted and pd.notna(version) else None, tied, str(row["flag"] or ""))


def _intro(name: str, geo: str, level: int) -> Phrase:
    # one whole sentence per level: the level's noun and its gender are the translation's
    country = Country(geo[:2])
    if level == 1:
        return phrase("{name} ({geo}) is a NUTS 1 region of {country}.", name=name, geo=geo, country=country)
    if level == 2:
        return phrase("{name} ({geo}) is a NUTS 2 region of {country}.", name=name, geo=geo, country=country)
    return phrase("{name} ({geo}) is a NUTS 3 region of {country}.", name=name, geo=geo, country=country)


def _amount(value: float, ind) -> Phrase | Number:
    """The value with its unit in words ('12.3 %', '4.1 per 1 000 inhabitants')."""
    amount = Number(value, ind.decimals)
    unit = UNITS.get(ind.short_unit, ind.short_unit)
    return phrase("{value} {unit}", value=amount, unit=unit) if unit else amount


def _rank(fact: Fact) -> Phrase | str:
    if not (fact.rank_country and fact.n_country and fact.n_country > 1):
        return ""
    country = Country(fact.geo[:2])
    if (fact.tied_country or 1) > 1:
        return phrase(", ranking joint {rank} of {n} in {country}", rank=fact.rank_country, n=fact.n_country,
                      country=country)
    return phrase(", ranking {rank} of {n} in {country}", rank=fact.rank_country, n=fact.n_country, country=country)


def _fact_sentence(store, geo: str, fact: Fact) -> Phrase:
    ind = get(fact.indicator)
    label = LABELS[fact.indicator]
    if fact.value is None:
        return sentence(phrase("No figure is available for {label}.", label=label))
    where = ""
    if fact.geo != geo:
        where = phrase(" (figure for {name}, NUTS {level})", name=tables.region_name(store, fact.geo), level=fact.level)
    rank, amount = _rank(fact), _amount(fact.value, ind)
    if fact.year is None:
        return sentence(phrase("{label} was {amount}{rank}{where} (period not stated by the source).", label=label,
                               amount=amount, rank=rank, where=where))
    notes = [phrase(" ({period})", period=fact.period) if fact.period and "–" in fact.period else "",
             phrase(" (converted to NUTS {version})", version=fact.converted_to) if fact.converted_to else ""]
    said = joined(caveats.notes(ind, fact.year, fact.flag, lfs=False))  # the label already says 15+
    notes.append(phrase(" ({caveats})", caveats=said) if said else "")
    return phrase("In {year}, {label} was {amount}{rank}{where}.", year=fact.year, label=label, amount=amount,
                  rank=together([rank, *notes]), where=where)


def summary(store, geo: str) -> Phrase:
    """A short paragraph about the region: one phrase of whole sentences (``i18n.say`` writes it in a language,
    ``str`` in English)."""
    level = level_of(geo)
    if level == 0:
        sentences = [phrase("{name} ({geo}): national figures.", name=Country(geo), geo=geo)]
    else:
        sentences = [_intro(tables.region_name(store, geo), geo, level)]
    sentences += [_fact_sentence(store, geo, fact) for fact in facts(store, geo)]
    return together([sentences[0], *(phrase(" {sentence}", sentence=s) for s in sentences[1:])])
