"""Every word the region briefing and the roundtable pack print, in English, French, German, Italian and Spanish,
and numbers written the way each language writes them. One table, so a later pass can fold it into the app-wide
translation layer."""

from __future__ import annotations

from indicators.ranks import rank_label

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
    "appendix_english": {"en": "",
                         "fr": "Les descriptions des indicateurs restent en anglais, telles que le registre du projet "
                               "les rédige.",
                         "de": "Die Beschreibungen der Kennzahlen stehen auf Englisch, wie sie im Register des "
                               "Projekts formuliert sind.",
                         "it": "Le descrizioni degli indicatori restano in inglese, come le redige il registro del "
                               "progetto.",
                         "es": "Las descripciones de los indicadores siguen en inglés, tal como las redacta el "
                               "registro del proyecto."},
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

# The project's own short names of the indicators (Eurostat's dataset titles stay as published).
LABELS = {
    "foreign_born_share": {"en": "Foreign-born", "fr": "Nés à l'étranger", "de": "Im Ausland geboren",
                           "it": "Nati all'estero", "es": "Nacidos en el extranjero"},
    "non_citizen_share": {"en": "Non-citizens", "fr": "Étrangers", "de": "Ausländer",
                          "it": "Stranieri", "es": "Extranjeros"},
    "foreign_born_share_change": {"en": "Foreign-born change", "fr": "Évol. nés à l'étranger",
                                  "de": "Änderung im Ausland Geborene",
                                  "it": "Variaz. nati all'estero", "es": "Var. nacidos en el extranjero"},
    "net_migration_rate": {"en": "Net migration rate", "fr": "Solde migratoire", "de": "Wanderungssaldo",
                           "it": "Saldo migratorio", "es": "Saldo migratorio"},
    "unemployment_foreign_born": {"en": "Unemployment, foreign-born", "fr": "Chômage, nés à l'étranger",
                                  "de": "Arbeitslosigkeit, im Ausland Geborene",
                                  "it": "Disoccupazione, nati all'estero", "es": "Desempleo, nacidos en el extranjero"},
    "unemployment_gap_foreign_born": {"en": "Unemployment gap", "fr": "Écart de chômage", "de": "Arbeitslosen-Abstand",
                                      "it": "Divario di disoccupazione", "es": "Brecha de desempleo"},
    "tertiary_gap_foreign_born": {"en": "Tertiary gap", "fr": "Écart diplômés du supérieur", "de": "Abstand Hochschulabschluss",
                                  "it": "Divario istruzione terziaria", "es": "Brecha de estudios superiores"},
    "low_education_gap_foreign_born": {"en": "Low-education gap", "fr": "Écart faible niveau d'études",
                                       "de": "Abstand niedrige Bildung",
                                       "it": "Divario bassa istruzione", "es": "Brecha de bajo nivel educativo"},
    "employment_rate_20_64": {"en": "Employment rate", "fr": "Taux d'emploi", "de": "Erwerbstätigenquote",
                              "it": "Tasso di occupazione", "es": "Tasa de empleo"},
    "population": {"en": "Population", "fr": "Population", "de": "Bevölkerung",
                   "it": "Popolazione", "es": "Población"},
    "employment_gap_citizenship": {"en": "Employment gap (citizenship)", "fr": "Écart d'emploi (nationalité)",
                                   "de": "Beschäftigungsabstand (Staatsangeh.)",
                                   "it": "Divario occupazionale (cittadinanza)",
                                   "es": "Brecha de empleo (nacionalidad)"},
    "asylum_applicants_per_1000": {"en": "Asylum applicants per 1 000", "fr": "Demandeurs d'asile pour 1 000",
                                   "de": "Asylantragsteller je 1 000",
                                   "it": "Richiedenti asilo per 1.000", "es": "Solicitantes de asilo por 1.000"},
    "foreign_born_share_national": {"en": "Foreign-born (national)", "fr": "Nés à l'étranger (national)",
                                    "de": "Im Ausland geboren (national)",
                                    "it": "Nati all'estero (nazionale)", "es": "Nacidos en el extranjero (nacional)"},
    "tertiary_foreign_born": {"en": "Tertiary, foreign-born", "fr": "Diplômés du supérieur, nés à l'étranger",
                              "de": "Hochschulabschluss, im Ausland Geborene",
                              "it": "Istruzione terziaria, nati all'estero",
                              "es": "Estudios superiores, nacidos en el extranjero"},
}
UNITS = {"%": {"en": "%", "fr": "%", "de": "%",
               "it": "%", "es": "%"}, "‰": {"en": "‰", "fr": "‰", "de": "‰",
                                                       "it": "‰", "es": "‰"},
         "pp": {"en": "pp", "fr": "pts", "de": "Pp.",
                "it": "p.p.", "es": "p. p."}, "": {"en": "", "fr": "", "de": "",
                                                            "it": "", "es": ""}}
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
# The registry's caveats (English) of the indicators a briefing shows, in French, German, Italian and Spanish.
CAVEATS = {
    "Shares are of the Labour Force Survey population aged 15 and over in private households, not of the total population.": {
        "fr": "Parts de la population de 15 ans et plus des ménages privés (enquête sur les forces de travail), pas de la population totale.",
        "de": "Anteile an der Bevölkerung ab 15 Jahren in Privathaushalten (Arbeitskräfteerhebung), nicht an der Gesamtbevölkerung.",
        "it": "Quote della popolazione di 15 anni e più nelle famiglie private (Rilevazione sulle forze di lavoro), non della popolazione totale.",
        "es": "Porcentajes de la población de 15 años o más en hogares privados (Encuesta de Población Activa), no de la población total."},
    "Compiled from the Eurostat API by the Europe-locals project; suppressed values stay missing.": {
        "fr": "Compilé depuis l'API d'Eurostat par le projet Europe-locals ; les valeurs non publiées restent manquantes.",
        "de": "Vom Projekt Europe-locals über die Eurostat-API zusammengestellt; unterdrückte Werte bleiben leer.",
        "it": "Compilato dall'API di Eurostat dal progetto Europe-locals; i valori non pubblicati restano mancanti.",
        "es": "Compilado a partir de la API de Eurostat por el proyecto Europe-locals; los valores no publicados quedan vacíos."},
    "The first year differs between regions (2014 for most); each value's period column gives its first and last year.": {
        "fr": "La première année varie selon les régions (2014 pour la plupart) ; la colonne Année donne la première et la dernière.",
        "de": "Das erste Jahr ist je nach Region verschieden (meist 2014); die Spalte Jahr nennt erstes und letztes Jahr.",
        "it": "Il primo anno varia tra le regioni (2014 per la maggior parte); la colonna Anno indica il primo e l'ultimo.",
        "es": "El primer año varía según la región (2014 en la mayoría); la columna Año indica el primero y el último."},
    "Includes a statistical adjustment, so census revisions show up as migration: 2021 has outliers such as EL41 (−156.7 ‰).": {
        "fr": "Inclut un ajustement statistique : les révisions du recensement apparaissent comme des migrations (2021 a des valeurs extrêmes, ex. EL41 −156,7 ‰).",
        "de": "Enthält eine statistische Bereinigung: Zensusrevisionen erscheinen als Wanderung (2021 mit Ausreißern, z. B. EL41 −156,7 ‰).",
        "it": "Include un aggiustamento statistico: le revisioni del censimento appaiono come migrazione (il 2021 ha valori anomali, ad es. EL41 −156,7 ‰).",
        "es": "Incluye un ajuste estadístico: las revisiones del censo aparecen como migración (2021 tiene valores atípicos, p. ej. EL41 −156,7 ‰)."},
    "Latest year: 2021 at NUTS 2, 2020 at NUTS 3.": {
        "fr": "Dernière année : 2021 en NUTS 2, 2020 en NUTS 3.",
        "de": "Letztes Jahr: 2021 auf NUTS 2, 2020 auf NUTS 3.",
        "it": "Ultimo anno: 2021 a livello NUTS 2, 2020 a livello NUTS 3.",
        "es": "Último año: 2021 en NUTS 2, 2020 en NUTS 3."},
    "Labour Force Survey: many small-sample values are flagged low reliability (u) or not published.": {
        "fr": "Enquête sur les forces de travail : beaucoup de petits échantillons sont signalés peu fiables (u) ou non publiés.",
        "de": "Arbeitskräfteerhebung: viele Werte kleiner Stichproben sind als wenig zuverlässig (u) markiert oder nicht veröffentlicht.",
        "it": "Rilevazione sulle forze di lavoro: molti valori da piccoli campioni sono segnalati come poco affidabili (u) o non pubblicati.",
        "es": "Encuesta de Población Activa: muchos valores de muestras pequeñas están marcados como poco fiables (u) o no se publican."},
    "All residents, not by origin. Reference year 2025; a few regions show 2023 or 2024.": {
        "fr": "Tous les résidents, sans distinction d'origine. Année de référence 2025 ; quelques régions 2023 ou 2024.",
        "de": "Alle Einwohner, nicht nach Herkunft. Bezugsjahr 2025; einige Regionen 2023 oder 2024.",
        "it": "Tutti i residenti, senza distinzione di origine. Anno di riferimento 2025; alcune regioni 2023 o 2024.",
        "es": "Todos los residentes, sin distinción de origen. Año de referencia 2025; algunas regiones, 2023 o 2024."},
    "National figure: Eurostat publishes it only for whole countries.": {
        "fr": "Chiffre national : Eurostat ne le publie que pour des pays entiers.",
        "de": "Nationaler Wert: Eurostat veröffentlicht ihn nur für ganze Länder.",
        "it": "Dato nazionale: Eurostat lo pubblica solo per interi paesi.",
        "es": "Cifra nacional: Eurostat solo la publica para países enteros."},
    "Compiled from the Eurostat API by the Europe-locals project.": {
        "fr": "Compilé depuis l'API d'Eurostat par le projet Europe-locals.",
        "de": "Vom Projekt Europe-locals über die Eurostat-API zusammengestellt.",
        "it": "Compilato dall'API di Eurostat dal progetto Europe-locals.",
        "es": "Compilado a partir de la API de Eurostat por el proyecto Europe-locals."},
    "Per 1 000 inhabitants on 1 January of the same year (demo_gind).": {
        "fr": "Pour 1 000 habitants au 1er janvier de la même année (demo_gind).",
        "de": "Je 1 000 Einwohner am 1. Januar desselben Jahres (demo_gind).",
        "it": "Per 1.000 abitanti al 1° gennaio dello stesso anno (demo_gind).",
        "es": "Por 1.000 habitantes a 1 de enero del mismo año (demo_gind)."},
    "No native-born series is published at regional level: the comparison is with all residents.": {
        "fr": "Aucune série des natifs n'est publiée au niveau régional : la comparaison se fait avec tous les résidents.",
        "de": "Auf regionaler Ebene gibt es keine Reihe der im Inland Geborenen: verglichen wird mit allen Einwohnern.",
        "it": "A livello regionale non è pubblicata alcuna serie dei nati nel paese: il confronto è con tutti i residenti.",
        "es": "No se publica ninguna serie de nacidos en el país a nivel regional: la comparación es con todos los residentes."},
}
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
