"""Every word the region briefing prints, in English, French and German, and numbers written the way each
language writes them. One table, so a later pass can fold it into the app-wide translation layer."""

from __future__ import annotations

from indicators.ranks import rank_label

LANGUAGES = ("en", "fr", "de")
NARROW_NBSP, NBSP = "\u202f", "\u00a0"

TEXT = {
    "briefing": {"en": "Region briefing", "fr": "Fiche régionale", "de": "Regionalsteckbrief"},
    "pack": {"en": "Roundtable pack", "fr": "Dossier de table ronde", "de": "Mappe für den runden Tisch"},
    "page": {"en": "page", "fr": "page", "de": "Seite"},
    "built": {"en": "data store built {date}", "fr": "base de données constituée le {date}",
              "de": "Datenbestand erstellt am {date}"},
    "generated": {"en": "generated {date}", "fr": "produit le {date}", "de": "erstellt {date}"},
    "data_years": {"en": "Figures from {first}–{last}", "fr": "Chiffres de {first} à {last}",
                   "de": "Werte aus {first}–{last}"},
    "data_year": {"en": "Figures from {first}", "fr": "Chiffres de {first}", "de": "Werte aus {first}"},
    "boundaries_version": {"en": "boundaries NUTS {version}", "fr": "limites NUTS {version}",
                           "de": "Grenzen NUTS {version}"},
    "locator": {"en": "{name} (dark) among the regions of {country} at the same level",
                "fr": "{name} (en foncé) parmi les régions de même niveau de {country}",
                "de": "{name} (dunkel) unter den Regionen gleicher Ebene in {country}"},
    "locator_country": {"en": "Locator map: {name}", "fr": "Carte de situation : {name}", "de": "Lagekarte: {name}"},
    "headline": {"en": "Headline figures", "fr": "Chiffres clés", "de": "Kennzahlen"},
    "col_figure": {"en": "Figure", "fr": "Indicateur", "de": "Kennzahl"},
    "col_level": {"en": "Level", "fr": "Niveau", "de": "Ebene"},
    "col_value": {"en": "Value", "fr": "Valeur", "de": "Wert"},
    "col_year": {"en": "Year", "fr": "Année", "de": "Jahr"},
    "col_rank_country": {"en": "Rank in country", "fr": "Rang dans le pays", "de": "Rang im Land"},
    "col_rank_eu": {"en": "Rank in EU", "fr": "Rang dans l'UE", "de": "Rang in der EU"},
    "col_country": {"en": "Country", "fr": "Pays", "de": "Land"},
    "col_eu": {"en": "EU", "fr": "UE", "de": "EU"},
    "col_notes": {"en": "Notes", "fr": "Notes", "de": "Anm."},
    "badge_national": {"en": "national", "fr": "national", "de": "national"},
    "of": {"en": "of", "fr": "sur", "de": "von"},
    "trends": {"en": "Trends: the region, its country and the EU", "fr": "Évolution : la région, son pays et l'UE",
               "de": "Entwicklung: die Region, ihr Land und die EU"},
    "trends_country": {"en": "Trends: the country and the EU", "fr": "Évolution : le pays et l'UE",
                       "de": "Entwicklung: das Land und die EU"},
    "eu_name": {"en": "EU27", "fr": "UE27", "de": "EU27"},
    "eu_missing": {"en": "EU not available", "fr": "UE non disponible", "de": "EU nicht verfügbar"},
    "country_missing": {"en": "{country} not available", "fr": "{country} non disponible",
                        "de": "{country} nicht verfügbar"},
    "in_short": {"en": "In short", "fr": "En bref", "de": "Kurz gefasst"},
    "sources": {"en": "Sources", "fr": "Sources", "de": "Quellen"},
    "notes": {"en": "Notes", "fr": "Notes", "de": "Anmerkungen"},
    "retrieved": {"en": "retrieved {date}", "fr": "extrait le {date}", "de": "abgerufen am {date}"},
    "licence": {"en": "licence", "fr": "licence", "de": "Lizenz"},
    "map_boundaries": {"en": "locator map", "fr": "carte de situation", "de": "Lagekarte"},
    "keys": {"en": "[n] source of the figure · a, b … note below · – no figure published or computable",
             "fr": "[n] source du chiffre · a, b … note ci-dessous · – aucun chiffre publié ni calculable",
             "de": "[n] Quelle der Kennzahl · a, b … Anmerkung unten · – kein Wert veröffentlicht oder berechenbar"},
    "flags": {"en": "Flags (Eurostat): {letters}. Missing values are left empty, never zero.",
              "fr": "Indicateurs de qualité (Eurostat) : {letters}. Les valeurs manquantes restent vides, jamais zéro.",
              "de": "Kennzeichen (Eurostat): {letters}. Fehlende Werte bleiben leer, nie null."},
    "pack_regions": {"en": "{n} regions: ", "fr": "{n} régions : ", "de": "{n} Regionen: "},
    "pack_vintage": {"en": "One data vintage throughout: the data store built {built} from source files retrieved up to "
                           "{retrieved}. Each figure states its own reference year.",
                     "fr": "Un seul millésime de données : la base constituée le {built} à partir de fichiers sources "
                           "extraits jusqu'au {retrieved}. Chaque chiffre indique sa propre année de référence.",
                     "de": "Ein Datenstand durchgehend: der Datenbestand vom {built} aus Quelldateien, abgerufen bis "
                           "{retrieved}. Jede Kennzahl nennt ihr eigenes Bezugsjahr."},
    "pack_comparison": {"en": "Comparison", "fr": "Comparaison", "de": "Vergleich"},
    "pack_side_by_side": {"en": "Main indicators side by side", "fr": "Principaux indicateurs côte à côte",
                          "de": "Wichtigste Kennzahlen nebeneinander"},
    "pack_region": {"en": "Region", "fr": "Région", "de": "Region"},
    "pack_no_data": {"en": "no data", "fr": "pas de données", "de": "keine Daten"},
    "pack_no_year": {"en": "n/a", "fr": "n.d.", "de": "k. A."},
    "pack_table_note": {"en": "Latest year per region in brackets; values at the region's own level, converted to its "
                              "NUTS version where the source uses another one. '{no_data}' means the source has no "
                              "figure for that region.",
                        "fr": "Dernière année par région entre parenthèses ; valeurs au niveau propre de la région, "
                              "converties dans sa version NUTS si la source en utilise une autre. « {no_data} » : la "
                              "source n'a aucun chiffre pour cette région.",
                        "de": "Letztes Jahr je Region in Klammern; Werte auf der eigenen Ebene der Region, in ihre "
                              "NUTS-Version umgerechnet, wo die Quelle eine andere nutzt. „{no_data}“: Die Quelle hat "
                              "keinen Wert für diese Region."},
    # notes built from the figure itself (benchmarks, conversions, periods)
    "computed": {"en": "Country or EU value computed here from all regions of the figure's level ({weighting}); "
                       "not published by the source.",
                 "fr": "Valeur nationale ou UE : calcul propre à partir de toutes les régions du niveau du chiffre "
                       "({weighting}), non publié par la source.",
                 "de": "Landes- oder EU-Wert hier aus allen Regionen der Ebene der Kennzahl berechnet ({weighting}); "
                       "von der Quelle nicht veröffentlicht."},
    "computed_countries": {"en": "EU value computed here from the 27 member states ({weighting}); not published by the source.",
                           "fr": "Valeur UE : calcul propre à partir des 27 États membres ({weighting}), non publié par la source.",
                           "de": "EU-Wert hier aus den 27 Mitgliedstaaten berechnet ({weighting}); von der Quelle nicht veröffentlicht."},
    "partial": {"en": "{scope} computed from only {n} {units}{countries}: not the whole {whole}.",
                "fr": "{scope} : calcul à partir de {n} {units} seulement{countries}, pas l'ensemble {whole}.",
                "de": "{scope} nur aus {n} {units}{countries} berechnet: nicht {whole} insgesamt."},
    "partial_countries": {"en": " in {k} of 27 countries", "fr": " dans {k} des 27 pays", "de": " in {k} von 27 Ländern"},
    "scope_country": {"en": "Country value", "fr": "Valeur nationale", "de": "Landeswert"},
    "scope_eu": {"en": "EU value", "fr": "Valeur UE", "de": "EU-Wert"},
    "whole_country": {"en": "country", "fr": "du pays", "de": "das Land"},
    "whole_eu": {"en": "EU", "fr": "de l'UE", "de": "die EU"},
    "weighted": {"en": "weighted by {words}", "fr": "pondérée par {words}", "de": "gewichtet mit {words}"},
    "summed": {"en": "summed", "fr": "somme", "de": "summiert"},
    "units_regions": {"en": "NUTS {level} regions", "fr": "régions NUTS {level}", "de": "NUTS-{level}-Regionen"},
    "units_countries": {"en": "member states", "fr": "États membres", "de": "Mitgliedstaaten"},
    "converted": {"en": "Converted to NUTS {version} with the JRC matrix; not ranked among published values.",
                  "fr": "Converti en NUTS {version} avec la matrice du JRC ; non classé parmi les valeurs publiées.",
                  "de": "Mit der JRC-Matrix auf NUTS {version} umgerechnet; nicht unter veröffentlichten Werten eingestuft."},
    "other_period": {"en": "Ranked among values that mostly cover another period.",
                     "fr": "Classé parmi des valeurs qui couvrent surtout une autre période.",
                     "de": "Eingestuft unter Werten, die meist einen anderen Zeitraum abdecken."},
    "from_parent": {"en": "Figure for {name} ({geo}), the {level} the region belongs to.",
                    "fr": "Chiffre de {name} ({geo}), {level} dont la région fait partie.",
                    "de": "Wert für {name} ({geo}), {level}, zu der die Region gehört."},
    "level_nuts": {"en": "NUTS {level} region", "fr": "la région NUTS {level}", "de": "die NUTS-{level}-Region"},
    "level_country": {"en": "country", "fr": "le pays", "de": "das Land"},
}

# The project's own short names of the indicators (Eurostat's dataset titles stay as published).
LABELS = {
    "foreign_born_share": {"en": "Foreign-born", "fr": "Nés à l'étranger", "de": "Im Ausland geboren"},
    "non_citizen_share": {"en": "Non-citizens", "fr": "Étrangers", "de": "Ausländer"},
    "foreign_born_share_change": {"en": "Foreign-born change", "fr": "Évol. nés à l'étranger",
                                  "de": "Änderung im Ausland Geborene"},
    "net_migration_rate": {"en": "Net migration rate", "fr": "Solde migratoire", "de": "Wanderungssaldo"},
    "unemployment_foreign_born": {"en": "Unemployment, foreign-born", "fr": "Chômage, nés à l'étranger",
                                  "de": "Arbeitslosigkeit, im Ausland Geborene"},
    "unemployment_gap_foreign_born": {"en": "Unemployment gap", "fr": "Écart de chômage", "de": "Arbeitslosen-Abstand"},
    "tertiary_gap_foreign_born": {"en": "Tertiary gap", "fr": "Écart diplômés du supérieur", "de": "Abstand Hochschulabschluss"},
    "low_education_gap_foreign_born": {"en": "Low-education gap", "fr": "Écart faible niveau d'études",
                                       "de": "Abstand niedrige Bildung"},
    "employment_rate_20_64": {"en": "Employment rate", "fr": "Taux d'emploi", "de": "Erwerbstätigenquote"},
    "population": {"en": "Population", "fr": "Population", "de": "Bevölkerung"},
    "employment_gap_citizenship": {"en": "Employment gap (citizenship)", "fr": "Écart d'emploi (nationalité)",
                                   "de": "Beschäftigungsabstand (Staatsangeh.)"},
    "asylum_applicants_per_1000": {"en": "Asylum applicants per 1 000", "fr": "Demandeurs d'asile pour 1 000",
                                   "de": "Asylantragsteller je 1 000"},
    "foreign_born_share_national": {"en": "Foreign-born (national)", "fr": "Nés à l'étranger (national)",
                                    "de": "Im Ausland geboren (national)"},
    "tertiary_foreign_born": {"en": "Tertiary, foreign-born", "fr": "Diplômés du supérieur, nés à l'étranger",
                              "de": "Hochschulabschluss, im Ausland Geborene"},
}
UNITS = {"%": {"en": "%", "fr": "%", "de": "%"}, "‰": {"en": "‰", "fr": "‰", "de": "‰"},
         "pp": {"en": "pp", "fr": "pts", "de": "Pp."}, "": {"en": "", "fr": "", "de": ""}}
WEIGHT_WORDS = {
    "population": {"en": "population", "fr": "la population", "de": "der Bevölkerung"},
    "LFS population aged 15+": {"en": "LFS population aged 15+", "fr": "la population de 15 ans et plus (EFT)",
                                "de": "der Bevölkerung ab 15 Jahren (AKE)"},
    "population; the labour force is not in the data": {
        "en": "population; the labour force is not in the data",
        "fr": "la population ; la population active n'est pas dans les données",
        "de": "der Bevölkerung; die Erwerbspersonen sind nicht in den Daten"},
}
FLAGS = {"b": {"en": "break in time series", "fr": "rupture de série", "de": "Zeitreihenbruch"},
         "c": {"en": "confidential", "fr": "confidentiel", "de": "vertraulich"},
         "d": {"en": "definition differs", "fr": "définition différente", "de": "abweichende Definition"},
         "e": {"en": "estimated", "fr": "estimé", "de": "geschätzt"},
         "n": {"en": "not significant", "fr": "non significatif", "de": "nicht signifikant"},
         "p": {"en": "provisional", "fr": "provisoire", "de": "vorläufig"},
         "u": {"en": "low reliability", "fr": "fiabilité faible", "de": "geringe Zuverlässigkeit"}}
# The registry's caveats (English) of the indicators a briefing shows, in French and German.
CAVEATS = {
    "Shares are of the Labour Force Survey population aged 15 and over in private households, not of the total population.": {
        "fr": "Parts de la population de 15 ans et plus des ménages privés (enquête sur les forces de travail), pas de la population totale.",
        "de": "Anteile an der Bevölkerung ab 15 Jahren in Privathaushalten (Arbeitskräfteerhebung), nicht an der Gesamtbevölkerung."},
    "Compiled from the Eurostat API by the Europe-locals project; suppressed values stay missing.": {
        "fr": "Compilé depuis l'API d'Eurostat par le projet Europe-locals ; les valeurs non publiées restent manquantes.",
        "de": "Vom Projekt Europe-locals über die Eurostat-API zusammengestellt; unterdrückte Werte bleiben leer."},
    "The first year differs between regions (2014 for most); each value's period column gives its first and last year.": {
        "fr": "La première année varie selon les régions (2014 pour la plupart) ; la colonne Année donne la première et la dernière.",
        "de": "Das erste Jahr ist je nach Region verschieden (meist 2014); die Spalte Jahr nennt erstes und letztes Jahr."},
    "Includes a statistical adjustment, so census revisions show up as migration: 2021 has outliers such as EL41 (−156.7 ‰).": {
        "fr": "Inclut un ajustement statistique : les révisions du recensement apparaissent comme des migrations (2021 a des valeurs extrêmes, ex. EL41 −156,7 ‰).",
        "de": "Enthält eine statistische Bereinigung: Zensusrevisionen erscheinen als Wanderung (2021 mit Ausreißern, z. B. EL41 −156,7 ‰)."},
    "Latest year: 2021 at NUTS 2, 2020 at NUTS 3.": {
        "fr": "Dernière année : 2021 en NUTS 2, 2020 en NUTS 3.", "de": "Letztes Jahr: 2021 auf NUTS 2, 2020 auf NUTS 3."},
    "Labour Force Survey: many small-sample values are flagged low reliability (u) or not published.": {
        "fr": "Enquête sur les forces de travail : beaucoup de petits échantillons sont signalés peu fiables (u) ou non publiés.",
        "de": "Arbeitskräfteerhebung: viele Werte kleiner Stichproben sind als wenig zuverlässig (u) markiert oder nicht veröffentlicht."},
    "All residents, not by origin. Reference year 2025; a few regions show 2023 or 2024.": {
        "fr": "Tous les résidents, sans distinction d'origine. Année de référence 2025 ; quelques régions 2023 ou 2024.",
        "de": "Alle Einwohner, nicht nach Herkunft. Bezugsjahr 2025; einige Regionen 2023 oder 2024."},
    "National figure: Eurostat publishes it only for whole countries.": {
        "fr": "Chiffre national : Eurostat ne le publie que pour des pays entiers.",
        "de": "Nationaler Wert: Eurostat veröffentlicht ihn nur für ganze Länder."},
    "Compiled from the Eurostat API by the Europe-locals project.": {
        "fr": "Compilé depuis l'API d'Eurostat par le projet Europe-locals.",
        "de": "Vom Projekt Europe-locals über die Eurostat-API zusammengestellt."},
    "Per 1 000 inhabitants on 1 January of the same year (demo_gind).": {
        "fr": "Pour 1 000 habitants au 1er janvier de la même année (demo_gind).",
        "de": "Je 1 000 Einwohner am 1. Januar desselben Jahres (demo_gind)."},
    "No native-born series is published at regional level: the comparison is with all residents.": {
        "fr": "Aucune série des natifs n'est publiée au niveau régional : la comparaison se fait avec tous les résidents.",
        "de": "Auf regionaler Ebene gibt es keine Reihe der im Inland Geborenen: verglichen wird mit allen Einwohnern."},
}
LICENCES = {
    "Eurostat: free re-use with acknowledgement (Commission Decision 2011/833/EU)": {
        "fr": "Eurostat : réutilisation libre avec mention de la source (décision 2011/833/UE de la Commission)",
        "de": "Eurostat: freie Weiterverwendung mit Quellenangabe (Beschluss 2011/833/EU der Kommission)"},
}


def t(key: str, lang: str, **values) -> str:
    """The string ``key`` in ``lang``, filled with ``values``."""
    return TEXT[key][lang].format(**values)


def label(indicator_id: str, lang: str) -> str:
    return LABELS[indicator_id][lang]


def unit(short_unit: str, lang: str) -> str:
    return UNITS.get(short_unit or "", {}).get(lang, short_unit or "")


def caveat(text: str, lang: str) -> str:
    """A registry caveat in ``lang`` (English stays English)."""
    return text if lang == "en" else CAVEATS[text][lang]


def licence(text: str, lang: str) -> str:
    """A licence line in ``lang``, where its wording is known; other licences are printed as their holders word them."""
    return LICENCES.get(text, {}).get(lang, text)


def weighting(words: str | None, lang: str) -> str:
    if not words:
        return t("summed", lang)
    return t("weighted", lang, words=WEIGHT_WORDS.get(words, {}).get(lang, words))


def number(value: float | None, decimals: int, lang: str) -> str:
    """12345.6 as '12,345.6' (en), '12 345,6' with narrow no-break spaces (fr) or '12.345,6' (de); '–' for none."""
    if value is None or value != value:
        return "–"
    text = f"{value:,.{decimals}f}"
    if lang == "fr":
        return text.replace(",", NARROW_NBSP).replace(".", ",")
    if lang == "de":
        return text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def quantity(value: float | None, decimals: int, short_unit: str, lang: str) -> str:
    """A number with its unit as the language writes it: '3.6%' (en), '3,6 %' (fr), '3,6 %' (de)."""
    text = number(value, decimals, lang)
    sign = unit(short_unit, lang)
    if text == "–" or not sign:
        return text
    if lang == "en" and sign == "%":
        return text + sign
    return text + (NARROW_NBSP if lang == "fr" else NBSP) + sign


def rank(position: int | None, n: int | None, tied: int | None, lang: str) -> str:
    """'=9 of 38' / '=9 sur 38' / '=9 von 38' (tie-aware, from indicators.ranks); '–' without a rank."""
    text = rank_label(position, n, tied)
    return text.replace(" of ", f" {TEXT['of'][lang]} ") if text else "–"


def flags_legend(lang: str) -> str:
    return t("flags", lang, letters=" · ".join(f"{letter} {words[lang]}" for letter, words in FLAGS.items()))
