"""Every word the region briefing and the roundtable pack print, in English, French, German, Italian and Spanish,
and numbers written the way each language writes them. One table, so a later pass can fold it into the app-wide
translation layer; the registry's words (indicator names, units, descriptions, caveats) already come from it
(``dashboard.i18n``)."""

from __future__ import annotations

from dashboard import i18n
from indicators.ranks import rank_label
from indicators.registry import REGISTRY

LANGUAGES = ("en", "fr", "de", "it", "es")
NARROW_NBSP, NBSP = "\u202f", "\u00a0"
# (decimal mark, thousands separator): French groups with a narrow no-break space; de, it and es with a point.
SEPARATORS = {"en": (".", ","), "fr": (",", NARROW_NBSP), "de": (",", "."), "it": (",", "."), "es": (",", ".")}

TEXT = {
    "briefing": {"en": "Region briefing", "fr": "Fiche régionale", "de": "Regionalsteckbrief",
                 "it": "Scheda regionale", "es": "Ficha regional"},
    "pack": {"en": "Roundtable pack", "fr": "Dossier de table ronde", "de": "Mappe für den runden Tisch",
             "it": "Dossier per la tavola rotonda", "es": "Dosier para la mesa redonda"},
    "page": {"en": "page", "fr": "page", "de": "Seite",
             "it": "pagina", "es": "página"},
    "built": {"en": "data store built {date}", "fr": "base de données constituée le {date}",
              "de": "Datenbestand erstellt am {date}",
              "it": "base dati costruita il {date}", "es": "base de datos creada el {date}"},
    "generated": {"en": "generated {date}", "fr": "produit le {date}", "de": "erstellt {date}",
                  "it": "generato il {date}", "es": "generado el {date}"},
    "data_years": {"en": "Figures from {first}–{last}", "fr": "Chiffres de {first} à {last}",
                   "de": "Werte aus {first}–{last}",
                   "it": "Dati dal {first} al {last}", "es": "Datos de {first} a {last}"},
    "data_year": {"en": "Figures from {first}", "fr": "Chiffres de {first}", "de": "Werte aus {first}",
                  "it": "Dati del {first}", "es": "Datos de {first}"},
    "boundaries_version": {"en": "boundaries NUTS {version}", "fr": "limites NUTS {version}",
                           "de": "Grenzen NUTS {version}",
                           "it": "confini NUTS {version}", "es": "límites NUTS {version}"},
    "locator": {"en": "{name} (dark) among the regions of {country} at the same level",
                "fr": "{name} (en foncé) parmi les régions de même niveau de {country}",
                "de": "{name} (dunkel) unter den Regionen gleicher Ebene in {country}",
                "it": "{name} (in scuro) tra le regioni dello stesso livello in {country}",
                "es": "{name} (en oscuro) entre las regiones del mismo nivel de {country}"},
    "locator_country": {"en": "Locator map: {name}", "fr": "Carte de situation : {name}", "de": "Lagekarte: {name}",
                        "it": "Mappa di localizzazione: {name}", "es": "Mapa de situación: {name}"},
    "headline": {"en": "Headline figures", "fr": "Chiffres clés", "de": "Kennzahlen",
                 "it": "Dati principali", "es": "Cifras clave"},
    "col_figure": {"en": "Figure", "fr": "Indicateur", "de": "Kennzahl",
                   "it": "Indicatore", "es": "Indicador"},
    "col_level": {"en": "Level", "fr": "Niveau", "de": "Ebene",
                  "it": "Livello", "es": "Nivel"},
    "col_value": {"en": "Value", "fr": "Valeur", "de": "Wert",
                  "it": "Valore", "es": "Valor"},
    "col_year": {"en": "Year", "fr": "Année", "de": "Jahr",
                 "it": "Anno", "es": "Año"},
    "col_rank_country": {"en": "Rank in country", "fr": "Rang dans le pays", "de": "Rang im Land",
                         "it": "Posizione nel paese", "es": "Puesto en el país"},
    "col_rank_eu": {"en": "Rank in EU", "fr": "Rang dans l'UE", "de": "Rang in der EU",
                    "it": "Posizione nell'UE", "es": "Puesto en la UE"},
    "col_country": {"en": "Country", "fr": "Pays", "de": "Land",
                    "it": "Paese", "es": "País"},
    "col_eu": {"en": "EU", "fr": "UE", "de": "EU",
               "it": "UE", "es": "UE"},
    "col_notes": {"en": "Notes", "fr": "Notes", "de": "Anm.",
                  "it": "Note", "es": "Notas"},
    "badge_national": {"en": "national", "fr": "national", "de": "national",
                       "it": "nazionale", "es": "nacional"},
    "of": {"en": "of", "fr": "sur", "de": "von",
           "it": "su", "es": "de"},
    "trends": {"en": "Trends: the region, its country and the EU", "fr": "Évolution : la région, son pays et l'UE",
               "de": "Entwicklung: die Region, ihr Land und die EU",
               "it": "Andamento: la regione, il suo paese e l'UE", "es": "Evolución: la región, su país y la UE"},
    "trends_country": {"en": "Trends: the country and the EU", "fr": "Évolution : le pays et l'UE",
                       "de": "Entwicklung: das Land und die EU",
                       "it": "Andamento: il paese e l'UE", "es": "Evolución: el país y la UE"},
    "eu_name": {"en": "EU27", "fr": "UE27", "de": "EU27",
                "it": "UE27", "es": "UE27"},
    "eu_missing": {"en": "EU not available", "fr": "UE non disponible", "de": "EU nicht verfügbar",
                   "it": "UE non disponibile", "es": "UE no disponible"},
    "country_missing": {"en": "{country} not available", "fr": "{country} non disponible",
                        "de": "{country} nicht verfügbar",
                        "it": "{country} non disponibile", "es": "{country} no disponible"},
    "in_short": {"en": "In short", "fr": "En bref", "de": "Kurz gefasst",
                 "it": "In breve", "es": "En resumen"},
    "sources": {"en": "Sources", "fr": "Sources", "de": "Quellen",
                "it": "Fonti", "es": "Fuentes"},
    "notes": {"en": "Notes", "fr": "Notes", "de": "Anmerkungen",
              "it": "Note", "es": "Notas"},
    "retrieved": {"en": "retrieved {date}", "fr": "extrait le {date}", "de": "abgerufen am {date}",
                  "it": "scaricato il {date}", "es": "descargado el {date}"},
    "licence": {"en": "licence", "fr": "licence", "de": "Lizenz",
                "it": "licenza", "es": "licencia"},
    "map_boundaries": {"en": "locator map", "fr": "carte de situation", "de": "Lagekarte",
                       "it": "mappa di localizzazione", "es": "mapa de situación"},
    "keys": {"en": "[n] source of the figure · a, b … note below · – no figure published or computable",
             "fr": "[n] source du chiffre · a, b … note ci-dessous · – aucun chiffre publié ni calculable",
             "de": "[n] Quelle der Kennzahl · a, b … Anmerkung unten · – kein Wert veröffentlicht oder berechenbar",
             "it": "[n] fonte del dato · a, b … nota sotto · – nessun dato pubblicato o calcolabile",
             "es": "[n] fuente de la cifra · a, b … nota abajo · – ninguna cifra publicada ni calculable"},
    "flags": {"en": "Flags (Eurostat): {letters}. Missing values are left empty, never zero.",
              "fr": "Indicateurs de qualité (Eurostat) : {letters}. Les valeurs manquantes restent vides, jamais zéro.",
              "de": "Kennzeichen (Eurostat): {letters}. Fehlende Werte bleiben leer, nie null.",
              "it": "Contrassegni (Eurostat): {letters}. I valori mancanti restano vuoti, mai zero.",
              "es": "Marcas de calidad (Eurostat): {letters}. Los valores que faltan quedan vacíos, nunca cero."},
    "pack_regions": {"en": "{n} regions: ", "fr": "{n} régions : ", "de": "{n} Regionen: ",
                     "it": "{n} regioni: ", "es": "{n} regiones: "},
    "pack_vintage": {"en": "One data vintage throughout: the data store built {built} from source files retrieved up to "
                           "{retrieved}. Each figure states its own reference year.",
                     "fr": "Un seul millésime de données : la base constituée le {built} à partir de fichiers sources "
                           "extraits jusqu'au {retrieved}. Chaque chiffre indique sa propre année de référence.",
                     "de": "Ein Datenstand durchgehend: der Datenbestand vom {built} aus Quelldateien, abgerufen bis "
                           "{retrieved}. Jede Kennzahl nennt ihr eigenes Bezugsjahr.",
                     "it": "Un'unica versione dei dati in tutto il dossier: la base dati costruita il {built} da "
                           "file di origine scaricati fino al {retrieved}. Ogni dato indica il proprio anno di "
                           "riferimento.",
                     "es": "Una sola versión de los datos en todo el dosier: la base de datos creada el {built} a "
                           "partir de archivos fuente descargados hasta el {retrieved}. Cada cifra indica su propio "
                           "año de referencia."},
    "pack_comparison": {"en": "Comparison", "fr": "Comparaison", "de": "Vergleich",
                        "it": "Confronto", "es": "Comparación"},
    "pack_side_by_side": {"en": "Main indicators side by side", "fr": "Principaux indicateurs côte à côte",
                          "de": "Wichtigste Kennzahlen nebeneinander",
                          "it": "Principali indicatori a confronto", "es": "Principales indicadores comparados"},
    "pack_region": {"en": "Region", "fr": "Région", "de": "Region",
                    "it": "Regione", "es": "Región"},
    "pack_no_data": {"en": "no data", "fr": "pas de données", "de": "keine Daten",
                     "it": "nessun dato", "es": "sin datos"},
    "pack_no_year": {"en": "n/a", "fr": "n.d.", "de": "k. A.",
                     "it": "n.d.", "es": "n. d."},
    "pack_vintage_note": {"en": "† another vintage: more than {years} years older than the other regions' values.",
                          "fr": "† autre millésime : plus de {years} ans de plus que les valeurs des autres régions.",
                          "de": "† anderer Datenstand: mehr als {years} Jahre älter als die Werte der anderen Regionen.",
                          "it": "† altra annata: oltre {years} anni più vecchia dei valori delle altre regioni.",
                          "es": "† otra fecha de datos: más de {years} años anterior a los valores de las demás regiones."},
    "pack_table_note": {"en": "Latest year per region in brackets; values at the region's own level, converted to its "
                              "NUTS version where the source uses another one. '{no_data}' means the source has no "
                              "figure for that region.",
                        "fr": "Dernière année par région entre parenthèses ; valeurs au niveau propre de la région, "
                              "converties dans sa version NUTS si la source en utilise une autre. « {no_data} » : la "
                              "source n'a aucun chiffre pour cette région.",
                        "de": "Letztes Jahr je Region in Klammern; Werte auf der eigenen Ebene der Region, in ihre "
                              "NUTS-Version umgerechnet, wo die Quelle eine andere nutzt. „{no_data}“: Die Quelle hat "
                              "keinen Wert für diese Region.",
                        "it": "Tra parentesi l'ultimo anno per regione; valori al livello proprio della regione, "
                              "convertiti nella sua versione NUTS dove la fonte ne usa un'altra. «{no_data}»: la "
                              "fonte non ha dati per quella regione.",
                        "es": "Entre paréntesis, el último año de cada región; valores al nivel propio de la región, "
                              "convertidos a su versión NUTS cuando la fuente usa otra. «{no_data}»: la fuente no "
                              "tiene cifra para esa región."},
    # notes built from the figure itself (benchmarks, conversions, periods)
    "computed": {"en": "Country or EU value computed here from all regions of the figure's level ({weighting}); "
                       "not published by the source.",
                 "fr": "Valeur nationale ou UE : calcul propre à partir de toutes les régions du niveau du chiffre "
                       "({weighting}), non publié par la source.",
                 "de": "Landes- oder EU-Wert hier aus allen Regionen der Ebene der Kennzahl berechnet ({weighting}); "
                       "von der Quelle nicht veröffentlicht.",
                 "it": "Valore nazionale o UE calcolato qui da tutte le regioni del livello del dato ({weighting}); "
                       "non pubblicato dalla fonte.",
                 "es": "Valor nacional o de la UE calculado aquí a partir de todas las regiones del nivel de la "
                       "cifra ({weighting}); no publicado por la fuente."},
    "computed_countries": {"en": "EU value computed here from the 27 member states ({weighting}); not published by the source.",
                           "fr": "Valeur UE : calcul propre à partir des 27 États membres ({weighting}), non publié par la source.",
                           "de": "EU-Wert hier aus den 27 Mitgliedstaaten berechnet ({weighting}); von der Quelle nicht veröffentlicht.",
                           "it": "Valore UE calcolato qui dai 27 Stati membri ({weighting}); non pubblicato dalla "
                                 "fonte.",
                           "es": "Valor de la UE calculado aquí a partir de los 27 Estados miembros ({weighting}); "
                                 "no publicado por la fuente."},
    "partial": {"en": "{scope} computed from only {n} {units}{countries}: not the whole {whole}.",
                "fr": "{scope} : calcul à partir de {n} {units} seulement{countries}, pas l'ensemble {whole}.",
                "de": "{scope} nur aus {n} {units}{countries} berechnet: nicht {whole} insgesamt.",
                "it": "{scope} calcolato solo da {n} {units}{countries}: non copre {whole}.",
                "es": "{scope} calculado solo a partir de {n} {units}{countries}: no abarca {whole}."},
    "partial_countries": {"en": " in {k} of 27 countries", "fr": " dans {k} des 27 pays", "de": " in {k} von 27 Ländern",
                          "it": " in {k} dei 27 paesi", "es": " en {k} de los 27 países"},
    "scope_country": {"en": "Country value", "fr": "Valeur nationale", "de": "Landeswert",
                      "it": "Valore nazionale", "es": "Valor nacional"},
    "scope_eu": {"en": "EU value", "fr": "Valeur UE", "de": "EU-Wert",
                 "it": "Valore UE", "es": "Valor de la UE"},
    "whole_country": {"en": "country", "fr": "du pays", "de": "das Land",
                      "it": "tutto il paese", "es": "todo el país"},
    "whole_eu": {"en": "EU", "fr": "de l'UE", "de": "die EU",
                 "it": "tutta l'UE", "es": "toda la UE"},
    "weighted": {"en": "weighted by {words}", "fr": "pondérée par {words}", "de": "gewichtet mit {words}",
                 "it": "ponderato per {words}", "es": "ponderado por {words}"},
    "summed": {"en": "summed", "fr": "somme", "de": "summiert",
               "it": "somma", "es": "suma"},
    "units_regions": {"en": "NUTS {level} regions", "fr": "régions NUTS {level}", "de": "NUTS-{level}-Regionen",
                      "it": "regioni NUTS {level}", "es": "regiones NUTS {level}"},
    "units_countries": {"en": "member states", "fr": "États membres", "de": "Mitgliedstaaten",
                        "it": "Stati membri", "es": "Estados miembros"},
    "converted": {"en": "Converted to NUTS {version} with the JRC matrix; not ranked among published values.",
                  "fr": "Converti en NUTS {version} avec la matrice du JRC ; non classé parmi les valeurs publiées.",
                  "de": "Mit der JRC-Matrix auf NUTS {version} umgerechnet; nicht unter veröffentlichten Werten eingestuft.",
                  "it": "Convertito in NUTS {version} con la matrice del JRC; non classificato tra i valori "
                        "pubblicati.",
                  "es": "Convertido a NUTS {version} con la matriz del JRC; no clasificado entre los valores "
                        "publicados."},
    "other_period": {"en": "Ranked among values that mostly cover another period.",
                     "fr": "Classé parmi des valeurs qui couvrent surtout une autre période.",
                     "de": "Eingestuft unter Werten, die meist einen anderen Zeitraum abdecken.",
                     "it": "Classificato tra valori che coprono per lo più un altro periodo.",
                     "es": "Clasificado entre valores que cubren sobre todo otro periodo."},
    "from_parent": {"en": "Figure for {name} ({geo}), the {level} the region belongs to.",
                    "fr": "Chiffre de {name} ({geo}), {level} dont la région fait partie.",
                    "de": "Wert für {name} ({geo}), {level}, zu der die Region gehört.",
                    "it": "Dato di {name} ({geo}), {level} a cui appartiene la regione.",
                    "es": "Cifra de {name} ({geo}), {level} que incluye esta región."},
    "level_nuts": {"en": "NUTS {level} region", "fr": "la région NUTS {level}", "de": "die NUTS-{level}-Region",
                   "it": "la regione NUTS {level}", "es": "la región NUTS {level}"},
    "level_country": {"en": "country", "fr": "le pays", "de": "das Land",
                      "it": "il paese", "es": "el país"},
    # the pack's appendix
    "appendix": {"en": "Sources and methods", "fr": "Sources et méthodes", "de": "Quellen und Methoden",
                 "it": "Fonti e metodi", "es": "Fuentes y métodos"},
    "source": {"en": "Source: {credit}", "fr": "Source : {credit}", "de": "Quelle: {credit}", "it": "Fonte: {credit}",
               "es": "Fuente: {credit}"},
    "appendix_computed": {"en": "Country and EU values computed here from regional values, rather than published by "
                                "the source, carry a note saying so on each region page (see below for the method).",
                          "fr": "Les valeurs nationales et UE calculées ici à partir des valeurs régionales, au lieu "
                                "d'être publiées par la source, portent une note qui le dit sur chaque page "
                                "régionale (méthode ci-dessous).",
                          "de": "Landes- und EU-Werte, die hier aus regionalen Werten berechnet und nicht von der "
                                "Quelle veröffentlicht sind, tragen auf jeder Regionsseite eine Anmerkung dazu "
                                "(Methode unten).",
                          "it": "I valori nazionali e UE calcolati qui dai valori regionali, anziché pubblicati dalla "
                                "fonte, portano una nota che lo dice su ogni pagina regionale (metodo più sotto).",
                          "es": "Los valores nacionales y de la UE calculados aquí a partir de los valores "
                                "regionales, en lugar de publicados por la fuente, llevan una nota que lo indica en "
                                "cada página regional (método más abajo)."},
}

WEIGHT_WORDS = {
    "population": {"en": "population", "fr": "la population", "de": "der Bevölkerung",
                   "it": "la popolazione", "es": "la población"},
    "LFS population aged 15+": {"en": "LFS population aged 15+", "fr": "la population de 15 ans et plus (EFT)",
                                "de": "der Bevölkerung ab 15 Jahren (AKE)",
                                "it": "la popolazione di 15 anni e più (RFL)",
                                "es": "la población de 15 años o más (EPA)"},
    "population; the labour force is not in the data": {
        "en": "population; the labour force is not in the data",
        "fr": "la population ; la population active n'est pas dans les données",
        "de": "der Bevölkerung; die Erwerbspersonen sind nicht in den Daten",
                                                        "it": "la popolazione; le forze di lavoro non sono nei dati",
                                                        "es": "la población; la población activa no está en los datos"},
}
FLAGS = {"b": {"en": "break in time series", "fr": "rupture de série", "de": "Zeitreihenbruch",
               "it": "interruzione della serie", "es": "ruptura de serie"},
         "c": {"en": "confidential", "fr": "confidentiel", "de": "vertraulich",
               "it": "riservato", "es": "confidencial"},
         "d": {"en": "definition differs", "fr": "définition différente", "de": "abweichende Definition",
               "it": "definizione diversa", "es": "definición distinta"},
         "e": {"en": "estimated", "fr": "estimé", "de": "geschätzt",
               "it": "stimato", "es": "estimado"},
         "n": {"en": "not significant", "fr": "non significatif", "de": "nicht signifikant",
               "it": "non significativo", "es": "no significativo"},
         "p": {"en": "provisional", "fr": "provisoire", "de": "vorläufig",
               "it": "provvisorio", "es": "provisional"},
         "u": {"en": "low reliability", "fr": "fiabilité faible", "de": "geringe Zuverlässigkeit",
               "it": "affidabilità bassa", "es": "baja fiabilidad"}}
LICENCES = {
    "Eurostat: free re-use with acknowledgement (Commission Decision 2011/833/EU)": {
        "fr": "Eurostat : réutilisation libre avec mention de la source (décision 2011/833/UE de la Commission)",
        "de": "Eurostat: freie Weiterverwendung mit Quellenangabe (Beschluss 2011/833/EU der Kommission)",
        "it": "Eurostat: riutilizzo libero con citazione della fonte (decisione 2011/833/UE della Commissione)",
        "es": "Eurostat: reutilización libre citando la fuente (Decisión 2011/833/UE de la Comisión)"},
}


def language(lang: str | None) -> str:
    """``lang`` when the briefing speaks it, else English: a link or a script asking for another language
    still gets a whole, readable page rather than an error."""
    return lang if lang in LANGUAGES else "en"


def t(key: str, lang: str, **values) -> str:
    """The string ``key`` in ``lang``, filled with ``values``."""
    return TEXT[key][lang].format(**values)


def label(indicator_id: str, lang: str) -> str:
    """The indicator's short label in ``lang``, from the app's catalogues (one translation of the registry)."""
    return i18n.data_text(REGISTRY[indicator_id].short_label, lang)


def unit(short_unit: str, lang: str) -> str:
    return i18n.data_text(short_unit or "", lang)


def caveat(text: str, lang: str) -> str:
    """A registry caveat in ``lang`` (English stays English)."""
    return i18n.data_text(text, lang)


def licence(text: str, lang: str) -> str:
    """A licence line in ``lang``, where its wording is known; other licences are printed as their holders word them."""
    return LICENCES.get(text, {}).get(lang, text)


def weighting(words: str | None, lang: str) -> str:
    if not words:
        return t("summed", lang)
    return t("weighted", lang, words=WEIGHT_WORDS.get(words, {}).get(lang, words))


def number(value: float | None, decimals: int, lang: str) -> str:
    """12345.6 as '12,345.6' (en), '12 345,6' with narrow no-break spaces (fr) or '12.345,6' (de, it, es);
    '–' for none."""
    if value is None or value != value:
        return "–"
    decimal, thousands = SEPARATORS.get(lang, SEPARATORS["en"])
    return f"{value:,.{decimals}f}".replace(",", "_").replace(".", decimal).replace("_", thousands)


def plotly_separators(lang: str) -> str:
    """The same marks for a plotly chart (decimal, then thousands; plotly groups French with a plain space)."""
    decimal, thousands = SEPARATORS.get(lang, SEPARATORS["en"])
    return decimal + (" " if thousands == NARROW_NBSP else thousands)


def quantity(value: float | None, decimals: int, short_unit: str, lang: str) -> str:
    """A number with its unit as the language writes it: '3.6%' (en), '3,6 %' (fr, narrow), '3,6 %' (de, it, es)."""
    text = number(value, decimals, lang)
    sign = unit(short_unit, lang)
    if text == "–" or not sign:
        return text
    if lang == "en" and sign == "%":
        return text + sign
    return text + (NARROW_NBSP if lang == "fr" else NBSP) + sign


def rank(position: int | None, n: int | None, tied: int | None, lang: str) -> str:
    """'=9 of 38' / '=9 sur 38' / '=9 von 38' / '=9 su 38' / '=9 de 38' (tie-aware, from indicators.ranks);
    '–' without a rank."""
    text = rank_label(position, n, tied)
    return text.replace(" of ", f" {TEXT['of'][lang]} ") if text else "–"


def flags_legend(lang: str) -> str:
    return t("flags", lang, letters=" · ".join(f"{letter} {words[lang]}" for letter, words in FLAGS.items()))
