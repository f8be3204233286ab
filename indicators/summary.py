"""Plain-language region summaries in English, French and German, from templates; every number comes from
the indicator tables, with its year."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from geodata.codes import level_of
from indicators import caveats, lookup, tables
from indicators.ranks import ranks
from indicators.registry import get

LANGUAGES = ("en", "fr", "de", "it", "es")
SUMMARY_INDICATORS = {
    0: ("foreign_born_share_national", "employment_gap_citizenship", "asylum_applicants_per_1000"),
    1: ("tertiary_gap_foreign_born", "low_education_gap_foreign_born"),
    2: ("foreign_born_share", "foreign_born_share_change", "net_migration_rate", "unemployment_gap_foreign_born"),
    3: ("net_migration_rate", "net_migration_avg", "population", "foreign_born_share"),  # the last from NUTS 2, said so
}
LABELS = {
    "foreign_born_share_national": {"en": "the foreign-born share of the population", "fr": "la part de personnes nées à l'étranger",
                                    "de": "der Anteil der im Ausland Geborenen",
                                    "it": "la quota di popolazione nata all'estero", "es": "el porcentaje de población nacida en el extranjero"},
    "employment_gap_citizenship": {"en": "the employment gap between foreign citizens and nationals",
                                   "fr": "l'écart d'emploi entre étrangers et nationaux",
                                   "de": "der Beschäftigungsabstand zwischen Ausländern und Inländern",
                                   "it": "il divario di occupazione tra cittadini stranieri e nazionali", "es": "la brecha de empleo entre extranjeros y nacionales"},
    "asylum_applicants_per_1000": {"en": "the number of asylum applicants", "fr": "le nombre de demandeurs d'asile",
                                   "de": "die Zahl der Asylantragsteller",
                                   "it": "il numero di richiedenti asilo", "es": "el número de solicitantes de asilo"},
    "tertiary_gap_foreign_born": {"en": "the tertiary-education gap of the foreign-born", "fr": "l'écart de diplômés du supérieur des personnes nées à l'étranger",
                                  "de": "der Abstand bei Hochschulabschlüssen der im Ausland Geborenen",
                                  "it": "il divario di istruzione terziaria delle persone nate all'estero", "es": "la brecha de educación superior de las personas nacidas en el extranjero"},
    "low_education_gap_foreign_born": {"en": "the low-education gap of the foreign-born", "fr": "l'écart de faible niveau d'études des personnes nées à l'étranger",
                                       "de": "der Abstand bei niedriger Bildung der im Ausland Geborenen",
                                       "it": "il divario di bassa istruzione delle persone nate all'estero", "es": "la brecha de bajo nivel educativo de las personas nacidas en el extranjero"},
    "foreign_born_share": {"en": "the foreign-born share of adults (15+)", "fr": "la part d'adultes (15 ans et plus) nés à l'étranger",
                           "de": "der Anteil der im Ausland geborenen Erwachsenen (15+)",
                           "it": "la quota di adulti (15+) nati all'estero", "es": "el porcentaje de adultos (15+) nacidos en el extranjero"},
    "foreign_born_share_change": {"en": "the change in that share", "fr": "l'évolution de cette part",
                                  "de": "die Veränderung dieses Anteils",
                                  "it": "la variazione di tale quota", "es": "la variación de ese porcentaje"},
    "net_migration_rate": {"en": "net migration", "fr": "le solde migratoire", "de": "der Wanderungssaldo",
    "it": "il saldo migratorio", "es": "el saldo migratorio"},
    "net_migration_avg": {"en": "average net migration over recent years", "fr": "le solde migratoire moyen des dernières années",
                          "de": "der durchschnittliche Wanderungssaldo der letzten Jahre",
                          "it": "il saldo migratorio medio degli ultimi anni", "es": "el saldo migratorio medio de los últimos años"},
    "unemployment_gap_foreign_born": {"en": "the unemployment gap of the foreign-born", "fr": "l'écart de chômage des personnes nées à l'étranger",
                                      "de": "der Arbeitslosigkeitsabstand der im Ausland Geborenen",
                                      "it": "il divario di disoccupazione delle persone nate all'estero", "es": "la brecha de desempleo de las personas nacidas en el extranjero"},
    "population": {"en": "the population", "fr": "la population", "de": "die Bevölkerung",
    "it": "la popolazione", "es": "la población"},
}
UNITS = {"‰": {"en": "per 1 000 inhabitants", "fr": "pour 1 000 habitants", "de": "je 1 000 Einwohner",
               "it": "per 1 000 abitanti", "es": "por cada 1 000 habitantes"},
         "%": {"en": "%", "fr": "%", "de": "%", "it": "%", "es": "%"},
         "pp": {"en": "percentage points", "fr": "points de pourcentage", "de": "Prozentpunkten",
                "it": "punti percentuali", "es": "puntos porcentuales"},
         "": {"en": "", "fr": "", "de": "", "it": "", "es": ""}}
TEXT = {
    "intro": {"en": "{name} ({geo}) is a {level_name} of {country}.",
              "fr": "{name} ({geo}) est une {level_name} {of_country}.",
              "de": "{name} ({geo}) ist eine {level_name} in {country}.",
              "it": "{name} ({geo}) è una {level_name} {of_country}.", "es": "{name} ({geo}) es una {level_name} {of_country}."},
    "intro_country": {"en": "{name} ({geo}): national figures.", "fr": "{name} ({geo}) : chiffres nationaux.",
                      "de": "{name} ({geo}): nationale Werte.",
                      "it": "{name} ({geo}): dati nazionali.", "es": "{name} ({geo}): cifras nacionales."},
    "level_name": {"en": {0: "country", 1: "NUTS 1 region", 2: "NUTS 2 region", 3: "NUTS 3 region"},
                   "fr": {0: "entité nationale", 1: "région NUTS 1", 2: "région NUTS 2", 3: "région NUTS 3"},
                   "de": {0: "nationale Einheit", 1: "NUTS-1-Region", 2: "NUTS-2-Region", 3: "NUTS-3-Region"},
                   "it": {0: "entità nazionale", 1: "regione NUTS 1", 2: "regione NUTS 2", 3: "regione NUTS 3"},
                   "es": {0: "entidad nacional", 1: "región NUTS 1", 2: "región NUTS 2", 3: "región NUTS 3"}},
    "fact": {"en": "In {year}, {label} was {value} {unit}{rank}{where}.",
             "fr": "En {year}, {label} était de {value} {unit}{rank}{where}.",
             "de": "{year} lag {label} bei {value} {unit}{rank}{where}.",
             "it": "Nel {year}, {label} era di {value} {unit}{rank}{where}.", "es": "En {year}, {label} era de {value} {unit}{rank}{where}."},
    "fact_undated": {"en": "{label_cap} was {value} {unit}{rank}{where} (period not stated by the source).",
                     "fr": "{label_cap} était de {value} {unit}{rank}{where} (période non précisée par la source).",
                     "de": "{label_cap} lag bei {value} {unit}{rank}{where} (Zeitraum von der Quelle nicht angegeben).",
                     "it": "{label_cap} era di {value} {unit}{rank}{where} (periodo non indicato dalla fonte).", "es": "{label_cap} era de {value} {unit}{rank}{where} (periodo no indicado por la fuente)."},
    "period": {"en": " ({period})", "fr": " ({period})", "de": " ({period})",
    "it": " ({period})", "es": " ({period})"},
    "rank": {"en": ", ranking {rank} of {n} in {country}", "fr": ", au rang {rank} sur {n} {in_country}",
             "de": ", Rang {rank} von {n} in {country}",
             "it": ", al {rank}º posto su {n} {in_country}", "es": ", en el puesto {rank} de {n} {in_country}"},
    "joint": {"en": ", ranking joint {rank} of {n} in {country}", "fr": ", au rang {rank} ex aequo sur {n} {in_country}",
              "de": ", geteilter Rang {rank} von {n} in {country}",
              "it": ", al {rank}º posto a pari merito su {n} {in_country}", "es": ", en el puesto {rank} (empate) de {n} {in_country}"},
    "caveat": {"en": " ({text})", "fr": " ({text})", "de": " ({text})",
    "it": " ({text})", "es": " ({text})"},
    "where": {"en": " (figure for {name}, NUTS {level})", "fr": " (chiffre de {name}, NUTS {level})",
              "de": " (Wert für {name}, NUTS {level})",
              "it": " (dato di {name}, NUTS {level})", "es": " (cifra de {name}, NUTS {level})"},
    "missing": {"en": "No figure is available for {label}.", "fr": "{label_cap} : aucun chiffre disponible.",
                "de": "{label_cap}: kein Wert verfügbar.",
                "it": "{label_cap}: nessun dato disponibile.", "es": "{label_cap}: no hay cifra disponible."},
    "converted": {"en": " (converted to NUTS {version})", "fr": " (converti en NUTS {version})",
                  "de": " (auf NUTS {version} umgerechnet)",
                  "it": " (convertito in NUTS {version})", "es": " (convertido a NUTS {version})"},
}


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


def country_name(store, code: str, lang: str) -> str:
    """The country's name in ``lang``: GISCO's English, French or German name; CLDR's (Babel) for Italian and
    Spanish, which GISCO does not publish; else its NUTS name."""
    if lang in ("it", "es"):
        from babel import Locale

        territory = {"EL": "GR", "UK": "GB"}.get(code, code)
        names = Locale.parse(lang).territories
        if territory in names:
            return names[territory]
    countries = store.countries.set_index("geo")
    column = {"fr": "name_fr", "de": "name_de"}.get(lang, "name")
    for key in (code, {"EL": "GR", "UK": "GB"}.get(code, code)):
        if key in countries.index and column in countries and pd.notna(countries.at[key, column]):
            return str(countries.at[key, column])
    return tables.named(store, pd.DataFrame({"geo": [code], "nuts_version": [float("nan")]}))["name"].iloc[0]


# French needs the article or elision a country's name takes: "d'Espagne", "du Portugal", "aux Pays-Bas"
_FR_MASCULINE = {"Portugal", "Danemark", "Luxembourg", "Liechtenstein", "Monténégro"}
_FR_PLURAL = {"Pays-Bas"}
_FR_ISLAND = {"Chypre", "Malte", "Islande"}  # no article: "de Malte", "à Malte"


def french_of_in(country: str) -> tuple[str, str]:
    """("d'Espagne", "en Espagne"), ("du Portugal", "au Portugal"), ("des Pays-Bas", "aux Pays-Bas")."""
    if country in _FR_PLURAL:
        return f"des {country}", f"aux {country}"
    if country in _FR_MASCULINE:
        return f"du {country}", f"au {country}"
    if country in _FR_ISLAND:
        return (f"d'{country}" if country[0] in "AEIOUÉ" else f"de {country}"), f"à {country}"
    if country[:1] in "AEIOUÉÎH":
        return f"d'{country}", f"en {country}"
    return f"de {country}", f"en {country}"


# Italian: "in Spagna", "nei Paesi Bassi", "a Malta"; Spanish: "de España", "de los Países Bajos"
_IT_IN = {"Paesi Bassi": "nei Paesi Bassi", "Cipro": "a Cipro", "Malta": "a Malta"}
_ES_PLURAL = {"Países Bajos"}


def of_in(country: str, lang: str) -> tuple[str, str]:
    """The country with the preposition (and article) the summary's sentences need in ``lang``."""
    if lang == "fr":
        return french_of_in(country)
    if lang == "it":
        where = _IT_IN.get(country, f"in {country}")
        return where, where  # "è una regione NUTS 2 in Spagna" reads naturally; no article to agree
    if lang == "es":
        article = "los " if country in _ES_PLURAL else ""
        return f"de {article}{country}", f"en {article}{country}"
    return f"of {country}", f"in {country}"


def format_number(value: float, decimals: int, lang: str) -> str:
    """1234.5 as '1,234.5' (en), '1 234,5' (fr) or '1.234,5' (de, it, es)."""
    text = f"{value:,.{decimals}f}"
    if lang == "fr":
        return text.replace(",", " ").replace(".", ",")
    if lang in ("de", "it", "es"):
        return text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def summary(store, geo: str, lang: str = "en") -> str:
    """A short paragraph about the region in ``lang`` (en, fr, de)."""
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}")
    level = level_of(geo)
    name = tables.named(store, pd.DataFrame({"geo": [geo], "nuts_version": [float("nan")]}))["name"].iloc[0]
    country = country_name(store, geo[:2], lang)
    if level == 0:
        name = country
    intro = TEXT["intro_country"] if level == 0 else TEXT["intro"]
    of_country, in_country = of_in(country, lang)
    sentences = [intro[lang].format(name=name, geo=geo, level_name=TEXT["level_name"][lang][level], country=country,
                                    of_country=of_country)]
    for fact in facts(store, geo):
        ind = get(fact.indicator)
        label = LABELS[fact.indicator][lang]
        if fact.value is None:
            sentences.append(TEXT["missing"][lang].format(label=label, label_cap=label[:1].upper() + label[1:]))
            continue
        wording = TEXT["joint"] if (fact.tied_country or 1) > 1 else TEXT["rank"]
        rank = (wording[lang].format(rank=fact.rank_country, n=fact.n_country, country=country, in_country=in_country)
                if fact.rank_country and fact.n_country and fact.n_country > 1 else "")
        where = ""
        if fact.geo != geo:
            parent_name = tables.named(store, pd.DataFrame({"geo": [fact.geo], "nuts_version": [float("nan")]}))["name"].iloc[0]
            where = TEXT["where"][lang].format(name=parent_name, level=fact.level)
        unit = UNITS.get(ind.short_unit, {lang: ind.short_unit})[lang]
        value = format_number(fact.value, ind.decimals, lang)
        period = TEXT["period"][lang].format(period=fact.period) if fact.period and "–" in fact.period else ""
        if fact.converted_to:
            period += TEXT["converted"][lang].format(version=fact.converted_to)
        notes = caveats.notes(ind, fact.year, fact.flag, lang, lfs=False)  # the label already says 15+
        if notes:
            period += TEXT["caveat"][lang].format(text="; ".join(notes))
        if fact.year is None:
            sentences.append(TEXT["fact_undated"][lang].format(label_cap=label[:1].upper() + label[1:], value=value,
                                                                unit=unit, rank=rank, where=where).replace("  ", " "))
        else:
            sentences.append(TEXT["fact"][lang].format(year=fact.year, label=label, value=value, unit=unit,
                                                       rank=rank + period, where=where).replace("  ", " ").replace(" ,", ","))
    return " ".join(sentences)
