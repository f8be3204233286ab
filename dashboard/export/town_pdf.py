"""One-page A4 town briefing (EN/FR/DE): official local figures, the 1 km map, the circle figures beside region,
country and EU. Every heading, unit and caveat is in the briefing's language; credits stay as their sources word them.
"""

from __future__ import annotations

from pathlib import Path

from dashboard.export.common import PROJECT, generated
from dashboard.export.images import ExportError, figure_image
from dashboard.export.pdf import Document
from dashboard.local_map import ATTRIBUTION, GRID_SOURCE, local_map
from geodata.attribution import boundaries
from indicators import local, municipal, town_official
from indicators.plausibility import NOT_SHOWN

LANGS = ("en", "fr", "de")
NNBSP, NBSP = "\u202f", "\u00a0"  # narrow no-break space (French thousands), no-break space (before %)
# Liberation Sans has no narrow no-break space: DejaVu Sans supplies that one glyph where it is installed;
# without it a plain no-break space stands in (the number never breaks across lines either way).
FALLBACK_FONTS = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")]
FALLBACK = next((p for p in FALLBACK_FONTS if p.exists()), None)
FR_THOUSANDS = NNBSP if FALLBACK else NBSP

# The briefing's strings: key -> (en, fr, de). A later task moves them into one translation layer.
TEXT = {
    "title": ("Town briefing", "Fiche commune", "Gemeindeprofil"),
    "population": ("population (LAU 2020 table)", "population (table LAU 2020)", "Einwohner (LAU-2020-Tabelle)"),
    "ine": ("Official figures: INE, municipal register (1 January)",
            "Chiffres officiels : INE, registre municipal (1er janvier)",
            "Amtliche Zahlen: INE, Melderegister der Gemeinde (1. Januar)"),
    "birth": ("Place of birth (% of residents)", "Lieu de naissance (% des habitants)", "Geburtsort (% der Einwohner)"),
    "ine_note": ("{n} registered residents on 1 January {year}. Born abroad sums every group abroad; a group not "
                 "published leaves the share empty, never 0.",
                 "{n} habitants inscrits au 1er janvier {year}. « Nés à l'étranger » additionne tous les groupes ; "
                 "un groupe non publié laisse la part vide, jamais 0.",
                 "{n} gemeldete Einwohner am 1. Januar {year}. „Im Ausland geboren“ summiert alle Gruppen; eine "
                 "nicht veröffentlichte Gruppe lässt den Anteil leer, nie 0."),
    "differ": (town_official.HOW_THEY_DIFFER,
               "Les chiffres de l'INE comptent toutes les personnes inscrites dans la commune (padrón) au 1er janvier "
               "de chaque année ; le cercle de la grille compte les résidents du recensement 2021 (date de référence "
               "1er janvier 2021) des cellules de 1 km situées dans le rayon, qui dépasse les limites communales.",
               "Die INE-Zahlen zählen alle in der Gemeinde Gemeldeten (padrón) am 1. Januar jedes Jahres; der Kreis "
               "des Rasters zählt die Einwohner des Zensus 2021 (Stichtag 1. Januar 2021) in den 1-km-Zellen im "
               "Radius, der über die Gemeindegrenze hinausreicht."),
    "city": ("Urban Audit city: foreign-born residents", "Ville de l'Urban Audit : habitants nés à l'étranger",
             "Urban-Audit-Stadt: im Ausland geborene Einwohner"),
    "city_is": ("{town} is the Urban Audit city {city} ({code}); matched by {rule}.",
                "{town} est la ville {city} ({code}) de l'Urban Audit ; rapprochement : {rule}.",
                "{town} ist die Urban-Audit-Stadt {city} ({code}); zugeordnet nach: {rule}."),
    "city_none": ("Eurostat publishes no foreign-born count for {city}: nothing to show.",
                  "Eurostat ne publie aucun effectif de personnes nées à l'étranger pour {city} : rien à montrer.",
                  "Eurostat veröffentlicht für {city} keine Zahl im Ausland Geborener: nichts zu zeigen."),
    "share": ("Foreign-born (% of residents)", "Nés à l'étranger (% des habitants)",
              "Im Ausland geboren (% der Einwohner)"),
    "year": ("year", "année", "Jahr"),
    "flag": ("flag", "indicateur", "Kennzeichen"),
    "definition": ("definition", "définition", "Abgrenzung"),
    "distance": ("distance (km)", "distance (km)", "Entfernung (km)"),
    "city_name": ("city", "ville", "Stadt"),
    "nearest": ("Nearest Urban Audit cities", "Villes de l'Urban Audit les plus proches",
                "Nächste Urban-Audit-Städte"),
    "not_city": ("{town} is not an Urban Audit city. The nearest cities with a foreign-born share (distance between "
                 "centres, great circle):",
                 "{town} n'est pas une ville de l'Urban Audit. Les villes les plus proches ayant une part de personnes "
                 "nées à l'étranger (distance entre centres, orthodromique) :",
                 "{town} ist keine Urban-Audit-Stadt. Die nächsten Städte mit einem Anteil im Ausland Geborener "
                 "(Entfernung zwischen den Zentren, Großkreis):"),
    "match_rule": (town_official.MATCH_RULE,
                   "Une commune (LAU 2020) est prise pour une ville de l'Urban Audit quand le point de la ville porte "
                   "le code NUTS 3 de la commune et le même nom (sans accents ni casse ; comparé avant une virgule ou "
                   "une seconde langue, comme « Koblenz, Stadt » ou « Gent / Gand ») ; sinon quand c'est la plus grande "
                   "commune dont le centre est à moins de {km} km du point, avec au moins la moitié des habitants de "
                   "la ville ({city_min} quand Eurostat n'en publie pas). Une commune de moins de {town_min} habitants "
                   "n'est jamais prise pour une ville.",
                   "Eine Gemeinde (LAU 2020) gilt als Urban-Audit-Stadt, wenn der Punkt der Stadt den NUTS-3-Code der "
                   "Gemeinde und denselben Namen trägt (ohne Akzente und Groß-/Kleinschreibung; verglichen vor einem "
                   "Komma oder einer zweiten Sprache, wie „Koblenz, Stadt“ oder „Gent / Gand“); sonst, wenn sie die "
                   "größte Gemeinde ist, deren Zentrum weniger als {km} km vom Punkt entfernt liegt und die mindestens "
                   "die Hälfte der Einwohner der Stadt hat ({city_min}, wo Eurostat keine veröffentlicht). Eine "
                   "Gemeinde mit weniger als {town_min} Einwohnern gilt nie als Stadt."),
    "grid": ("Around the town: the 1 km grid (Census 2021)", "Autour de la commune : la grille de 1 km (recensement 2021)",
             "Rund um die Gemeinde: das 1-km-Raster (Zensus 2021)"),
    "caveats": ("Read with care", "À lire avec prudence", "Bitte beachten"),
    "unknown": ("* of residents whose place of birth is known · ** of residents whose residence a year before is "
                "known · empty = unknown (withheld, not published or not computed), never 0",
                "* des habitants dont le lieu de naissance est connu · ** des habitants dont la résidence un an avant "
                "est connue · vide = inconnu (secret, non publié ou non calculé), jamais 0",
                "* der Einwohner mit bekanntem Geburtsort · ** der Einwohner mit bekanntem Wohnort ein Jahr zuvor · "
                "leer = unbekannt (geheim, nicht veröffentlicht oder nicht berechnet), nie 0"),
    "around": ("{r} km around", "{r} km autour", "{r} km um"),
    "country": ("Country {c}", "Pays {c}", "Land {c}"),
    "eu": ("EU27", "UE27", "EU27"),
    "not_computed": ("not computed: boundary too coarse at this scale (share deviation {d})",
                     "non calculé : limite trop grossière à cette échelle (écart de part {d})",
                     "nicht berechnet: Grenze in diesem Maßstab zu grob (Abweichung des Anteils {d})"),
    "no_cells": (local.NO_CELLS, "aucune cellule de 1 km habitée dans le rayon : la grille couvre l'Europe (UE et "
                 "AELE), pas les régions ultrapériphériques",
                 "keine bewohnte 1-km-Zelle im Radius: das Raster deckt Europa ab (EU und EFTA), nicht die Gebiete in "
                 "äußerster Randlage"),
    "municipalities": ("municipalities: GISCO LAU 2020, degree of urbanisation LAU 2019",
                       "communes : GISCO LAU 2020, degré d'urbanisation LAU 2019",
                       "Gemeinden: GISCO LAU 2020, Verstädterungsgrad LAU 2019"),
    "footer": ("data store built {built} · generated {gen} · page {page}",
               "données compilées le {built} · généré le {gen} · page {page}",
               "Datenbestand erstellt am {built} · erzeugt am {gen} · Seite {page}"),
    "map_title": ("{measure} · 1 km cells around {town}", "{measure} · cellules de 1 km autour de {town}",
                  "{measure} · 1-km-Zellen um {town}"),
    "few": ("few residents (< {n})", "peu d'habitants (< {n})", "wenige Einwohner (< {n})"),
    "withheld": ("withheld / not published", "secret / non publié", "geheim / nicht veröffentlicht"),
}
CAVEATS = (
    ("Circles: 1 km cells whose centre lies within the radius of the town's population-weighted centre.",
     "Cercles : cellules de 1 km dont le centre est dans le rayon autour du centre de la commune pondéré par la "
     "population.",
     "Kreise: 1-km-Zellen, deren Mittelpunkt im Radius um das bevölkerungsgewichtete Zentrum der Gemeinde liegt."),
    ("Shares are over residents whose place of birth is known; coverage says how many that is.",
     "Les parts portent sur les habitants dont le lieu de naissance est connu ; la couverture dit combien.",
     "Anteile beziehen sich auf Einwohner mit bekanntem Geburtsort; die Abdeckung sagt, wie viele das sind."),
    ("Withheld cells and unpublished variables are unknown, never 0.",
     "Les cellules secrètes et les variables non publiées sont inconnues, jamais 0.",
     "Geheime Zellen und nicht veröffentlichte Variablen sind unbekannt, nie 0."),
    ("A NUTS 3 figure is given only where the 1:20M boundary reproduces the region's population share within 3 %.",
     "Un chiffre NUTS 3 n'est donné que si la limite au 1:20M reproduit la part de population de la région à 3 % près.",
     "Ein NUTS-3-Wert wird nur angegeben, wenn die Grenze 1:20 Mio. den Bevölkerungsanteil der Region auf 3 % genau "
     "wiedergibt."),
)
WORDS = {  # labels from the indicators and the store, in FR and DE (English is the key)
    # the comparison table's figures (indicators.local.ROWS) and units
    "Residents": ("Habitants", "Einwohner"),
    "Born abroad": ("Nés à l'étranger", "Im Ausland geboren"),
    "Born in another EU country": ("Nés dans un autre pays de l'UE", "In einem anderen EU-Land geboren"),
    "Born outside the EU": ("Nés hors de l'UE", "Außerhalb der EU geboren"),
    "Moved in from abroad in the year before": ("Arrivés de l'étranger l'année précédente",
                                                "Im Vorjahr aus dem Ausland zugezogen"),
    "Moved in from abroad in the year before the census": ("Arrivés de l'étranger l'année avant le recensement",
                                                           "Im Jahr vor dem Zensus aus dem Ausland zugezogen"),
    "Coverage: place of birth known": ("Couverture : lieu de naissance connu", "Abdeckung: Geburtsort bekannt"),
    "Coverage: residence a year before known": ("Couverture : résidence un an avant connue",
                                                "Abdeckung: Wohnort ein Jahr zuvor bekannt"),
    "Dissimilarity index, born abroad vs native-born": ("Indice de dissimilarité, nés à l'étranger / dans le pays",
                                                        "Dissimilaritätsindex, im Ausland / im Inland Geborene"),
    "Cells the index rests on": ("Cellules de l'indice", "Zellen des Index"),
    "persons": ("personnes", "Personen"),
    "% of residents*": ("% des habitants*", "% der Einwohner*"),
    "% of residents": ("% des habitants", "% der Einwohner"),
    "per 1 000 residents**": ("pour 1{s}000 habitants**", "je 1.000 Einwohner**"),
    "per 1 000 residents": ("pour 1{s}000 habitants", "je 1.000 Einwohner"),
    "0-100": ("0-100", "0-100"),
    "1 km cells": ("cellules de 1 km", "1-km-Zellen"),
    # INE's place-of-birth groups (indicators.municipal.GROUPS)
    "Born in the rest of Europe (outside the EU)": ("Nés dans le reste de l'Europe (hors UE)",
                                                    "Im übrigen Europa (außerhalb der EU) geboren"),
    "Born in Africa": ("Nés en Afrique", "In Afrika geboren"),
    "Born in the Americas": ("Nés dans les Amériques", "In Amerika geboren"),
    "Born in Asia": ("Nés en Asie", "In Asien geboren"),
    "Born in Oceania": ("Nés en Océanie", "In Ozeanien geboren"),
    # the city series' statuses, definitions and matching rules
    NOT_SHOWN: ("invraisemblable : non affiché", "unplausibel: nicht gezeigt"),
    town_official.NOT_PUBLISHED: ("non publié", "nicht veröffentlicht"),
    "city (C code)": ("ville (code C)", "Stadt (C-Code)"),
    "greater city (K code)": ("agglomération (code K)", "Großstadtregion (K-Code)"),
    "greater city (C code labelled greater city by Eurostat)": (
        "agglomération (code C désigné « greater city » par Eurostat)",
        "Großstadtregion (C-Code, von Eurostat als „greater city“ bezeichnet)"),
    "name and NUTS 3": ("nom et NUTS 3", "Name und NUTS 3"),
    f"largest centre within {town_official.MATCH_KM:g} km": (
        f"plus grande commune à moins de {town_official.MATCH_KM:g} km",
        f"größte Gemeinde im Umkreis von {town_official.MATCH_KM:g} km"),
}
COUNTRY_NOTES = {  # indicators.local.COUNTRY_NOTES in FR and DE
    "FR": ("La grille ne couvre que la France métropolitaine (aucune cellule dans les départements d'outre-mer "
           "FRY1–FRY5) ; rapportée à la population officielle sans eux, elle est à 2 % près.",
           "Das Raster deckt nur das europäische Frankreich ab (keine Zelle in den Überseedepartements FRY1–FRY5); "
           "gegenüber der amtlichen Bevölkerung ohne sie liegt es innerhalb von 2 %."),
    "BG": ("Le recensement de 2021 a compté moins d'habitants que l'estimation au 1er janvier 2021 reportée depuis 2011.",
           "Der Zensus 2021 zählte weniger Einwohner als die seit 2011 fortgeschriebene Schätzung zum 1. Januar 2021."),
    "HR": ("Le recensement de 2021 a compté moins d'habitants que l'estimation au 1er janvier 2021 reportée depuis 2011.",
           "Der Zensus 2021 zählte weniger Einwohner als die seit 2011 fortgeschriebene Schätzung zum 1. Januar 2021."),
    "EL": ("La grille est le comptage du recensement de 2021, inférieur à l'estimation au 1er janvier 2021.",
           "Das Raster ist die Zählung des Zensus 2021, die unter der Schätzung zum 1. Januar 2021 liegt."),
    "CY": ("La grille est le comptage du recensement de 2021, supérieur à l'estimation au 1er janvier 2021.",
           "Das Raster ist die Zählung des Zensus 2021, die über der Schätzung zum 1. Januar 2021 liegt."),
    "LU": ("Non expliqué par les données ici : la grille compte moins d'habitants que l'estimation au 1er janvier 2021.",
           "Mit den Daten hier nicht erklärt: das Raster zählt weniger Einwohner als die Schätzung zum 1. Januar 2021."),
    "PL": ("Non expliqué par les données ici : la grille compte moins d'habitants que l'estimation au 1er janvier 2021 "
           "(les résidents non géoréférencés à une cellule manquent à toute grille).",
           "Mit den Daten hier nicht erklärt: das Raster zählt weniger Einwohner als die Schätzung zum 1. Januar 2021 "
           "(Einwohner ohne Zuordnung zu einer Zelle fehlen in jedem Raster)."),
    "IE": ("Le recensement irlandais a eu lieu le 3 avril 2022 (reporté par la pandémie), pas en 2021.",
           "Irlands Zensus fand am 3. April 2022 statt (wegen der Pandemie verschoben), nicht 2021."),
    "EE": ("L'Estonie a tenu secret le total de nombreuses cellules (T_CI) ; ces résidents sont inconnus, pas 0, et "
           "non additionnés.",
           "Estland hat die Summe vieler Zellen geheim gehalten (T_CI); diese Einwohner sind unbekannt, nicht 0, und "
           "nicht summiert."),
}
FIT_WIDTHS = (150, 128, 108, 92)  # map widths (mm) tried in turn until the briefing fits one page


def number(value, decimals: int, lang: str) -> str:
    """12345.6 as '12,345.6' (en), '12 345,6' with a narrow no-break space (fr) or '12.345,6' (de)."""
    text = f"{float(value):,.{decimals}f}"
    thousands, point = {"fr": (FR_THOUSANDS, ","), "de": (".", ",")}.get(lang, (",", "."))
    return text.replace(",", "\0").replace(".", point).replace("\0", thousands)


def percent(value, lang: str, decimals: int = 1) -> str:
    """A share with its sign: '3.6 %' (en), '3,6 %' (fr, de); the space never breaks."""
    return f"{number(value, decimals, lang)}{NBSP}%"


class TownDocument(Document):
    """The project's A4 document with the footer in the briefing's language and a glyph for French numbers."""

    def __init__(self, store, subtitle: str, lang: str):
        super().__init__(store, subtitle, lang)
        if FALLBACK:
            self.add_font("Fallback", "", str(FALLBACK))
            self.set_fallback_fonts(["Fallback"], exact_match=False)

    def footer(self):
        self.set_y(-12)
        self.set_font("Sans", "", 7)
        self.set_text_color(95, 95, 95)
        say = _say(self.lang)
        self.cell(0, 4, f"{boundaries(self.lang)} · " + say("footer").format(
            built=self.store.info["built_at"][:10], gen=generated(), page=self.page_no()), align="C")
        self.set_text_color(34, 34, 34)


def town_briefing(store, gisco_id: str, lang: str = "en", measure: str = "born_abroad", radius: int = 5) -> bytes:
    """The briefing as PDF bytes, on one page (the map shrinks to make room); ExportError for an unknown town."""
    town = local.municipality(store, gisco_id)
    if town is None:
        raise ExportError("unknown municipality id")
    lang = lang if lang in LANGS else "en"
    fig = _map(store, town, measure, radius, lang)
    image = figure_image(fig, "png", (1000, 760))
    official = town_official.town_official(store, gisco_id)
    table = local.comparison(store, gisco_id)
    for width in FIT_WIDTHS:
        doc = _build(store, town, lang, image, width, official, table)
        if doc.page_no() == 1:
            break
    return bytes(doc.output())


def _say(lang: str):
    index = LANGS.index(lang) if lang in LANGS else 0
    return lambda key: TEXT[key][index]


def _word(text: str, lang: str) -> str:
    """A label from the data in the briefing's language (as published when no wording is known)."""
    if lang == "en" or text not in WORDS:
        return text
    return WORDS[text][lang == "de"].replace("{s}", FR_THOUSANDS)


def _map(store, town, measure: str, radius: int, lang: str):
    """The town's 1 km map with its title and legend words in ``lang`` (source lines as published)."""
    fig = local_map(store, town, measure, radius)
    fig.update_layout(height=None)
    if lang == "en":
        return fig
    say = _say(lang)
    label, *_, unit, _ = local.MEASURES[measure]
    fig.update_layout(title_text=say("map_title").format(measure=_word(label, lang), town=town["name"]))
    bar = fig.data[0].colorbar
    ticks = list(bar.ticktext)
    ticks[-2:] = [say("few").format(n=local.FEW_RESIDENTS), say("withheld")]
    bar.ticktext = ticks
    bar.title.text = _word(unit, lang)
    return fig


def _build(store, town, lang, image, width, official, table) -> TownDocument:
    say = _say(lang)
    doc = TownDocument(store, say("title"), lang)
    doc.add_page()
    doc.heading(str(town["name"]), 18)
    if town["name_latin"] != town["name"]:
        doc.paragraph(str(town["name_latin"]), 10, "I")
    population = number(town["population"], 0, lang) if town["population"] == town["population"] else "–"
    doc.paragraph(f"{town['country']} · NUTS 3 {town['nuts_3_name']} ({town['nuts_3']}) · NUTS 2 {town['nuts_2']} · "
                  f"{say('population')} {population}", 9)
    _official(doc, town, official, lang)
    doc.heading(say("grid"))
    if official["section"].eq("ine").any():
        doc.paragraph(say("differ"), 7)
    doc.image(image, x=14, w=width)
    _grid(doc, table, lang)
    doc.heading(say("caveats"), 9)
    for line in CAVEATS:
        doc.paragraph(f"- {line[LANGS.index(lang)]}", 7)
    doc.paragraph(f"{GRID_SOURCE} · {ATTRIBUTION} · {say('municipalities')} · {PROJECT}", 7)
    return doc


def _official(doc, town, official, lang: str) -> None:
    """INE's figures for a Spanish municipality, then its Urban Audit city or the nearest cities."""
    say = _say(lang)
    ine, city, nearest = (official[official["section"].eq(s)] for s in ("ine", "city", "nearest"))
    doc.set_font("Sans", "", 6.5)
    if not ine.empty:
        doc.heading(say("ine"))
        years = sorted(int(y) for y in ine["year"].unique())
        with doc.table(col_widths=[60] + [18] * len(years), text_align="LEFT", line_height=3.2) as grid:
            grid.row([say("birth"), *(str(y) for y in years)])
            for label, rows in ine.groupby("label", sort=False):
                by_year = dict(zip(rows["year"], zip(rows["value"], rows["status"])))
                grid.row([_word(label, lang), *(_share(*by_year.get(y, (None, town_official.NOT_PUBLISHED)), lang)
                                                 for y in years)])
        latest = ine[ine["year"].eq(years[-1])]
        residents = latest["population"].iloc[0]
        doc.paragraph(say("ine_note").format(n=number(residents, 0, lang) if residents == residents else "–",
                                             year=years[-1]), 7)
        doc.paragraph(municipal.CREDIT, 7)
    if not city.empty:
        name, code = city["name"].iloc[0], city["geo"].iloc[0]
        doc.heading(say("city"))
        doc.paragraph(say("city_is").format(town=town["name"], city=name, code=code,
                                            rule=_word(city["match"].iloc[0], lang)), 7)
        if city["year"].isna().all():
            doc.paragraph(say("city_none").format(city=name), 7)
        else:
            doc.set_font("Sans", "", 6.5)
            years = [int(y) for y in city["year"]]
            with doc.table(col_widths=[34] + [148 / len(years)] * len(years), text_align="LEFT",
                           line_height=3.2) as grid:
                grid.row([say("year"), *(str(y) for y in years)])
                grid.row([say("share"), *(_share(v, s, lang) for v, s in zip(city["value"], city["status"]))])
                grid.row([say("flag"), *city["flag"]])
            doc.paragraph(f"{say('definition')}{_colon(lang)}{_definitions(city['note'], lang)}", 7)
        doc.paragraph(f"{city['source'].iloc[0]} · {_rule(lang)}", 6.5)
    if not nearest.empty:
        doc.heading(say("nearest"))
        doc.paragraph(say("not_city").format(town=town["name"]), 7)
        doc.set_font("Sans", "", 6.5)
        with doc.table(col_widths=[48, 20, 28, 12, 20, 54], text_align="LEFT", line_height=3.2) as grid:
            grid.row([say("city_name"), say("distance"), say("share"), say("year"), say("flag"), say("definition")])
            for row in nearest.itertuples():
                grid.row([f"{row.name} ({row.geo})", number(row.km, 1, lang), _share(row.value, row.status, lang),
                          str(int(row.year)), row.flag, _word(row.note, lang)])
        doc.paragraph(f"{nearest['source'].iloc[0]} · {_rule(lang)}", 6.5)


def _colon(lang: str) -> str:
    """': ' or, in French, ' : ' (a no-break space before the colon)."""
    return f"{NBSP}: " if lang == "fr" else ": "


def _share(value, status: str, lang: str) -> str:
    """A share as printed: the number, or what stands in its place (never 0 for a missing value)."""
    if status == "shown" and value == value and value is not None:
        return number(value, 1, lang)
    return _word(status, lang)


def _definitions(notes, lang: str) -> str:
    """The series' area definitions, once each (a rule note such as ' · rule: jump' stays with its code)."""
    kinds = dict.fromkeys(str(n).split(" · ", 1)[0] for n in notes)
    return "; ".join(_word(k, lang) for k in kinds)


def _rule(lang: str) -> str:
    """The LAU-to-city matching rule in ``lang``, its numbers formatted for the language."""
    if lang == "en":
        return town_official.MATCH_RULE
    return _say(lang)("match_rule").format(km=number(town_official.MATCH_KM, 0, lang),
                                           city_min=number(town_official.CITY_MINIMUM, 0, lang),
                                           town_min=number(town_official.TOWN_MINIMUM, 0, lang))


def _grid(doc, table, lang: str) -> None:
    """The circle figures beside region, country and EU, in ``lang``."""
    say = _say(lang)
    areas = list(dict.fromkeys(table["area"]))
    labels = dict(zip(table["area"], table["area_label"]))
    doc.set_font("Sans", "", 6.5)
    with doc.table(col_widths=[44] + [23] * len(areas), text_align="LEFT", line_height=3.2) as grid:
        grid.row(["", *(_area(a, labels[a], lang) for a in areas)])
        for (figure, unit), rows in table.groupby(["figure", "unit"], sort=False):
            values = dict(zip(rows["area"], rows["value"]))
            decimals = 0 if unit in ("persons", "1 km cells") else 1
            grid.row([f"{_word(figure, lang)} ({_word(unit, lang)})",
                      *("" if values.get(a) is None or values.get(a) != values.get(a) else number(values[a], decimals, lang)
                        for a in areas)])
    doc.paragraph(say("unknown"), 7, "I")
    notes = table.drop_duplicates("area")
    for area, note in zip(notes["area"], notes["note"]):
        if note:
            doc.paragraph(f"{_area(area, labels[area], lang)}{_colon(lang)}{_note(area, note, table, lang)}", 7)


def _area(code: str, label: str, lang: str) -> str:
    """A column head in the briefing's language (region names stay as published)."""
    say = _say(lang)
    if code.startswith("circle_"):
        radius = code.removeprefix("circle_").removesuffix("km")
        return say("around").format(r=radius) + label.split(" around", 1)[-1]
    if code == "EU":
        return say("eu")
    if len(code) == 2:
        return say("country").format(c=code)
    return label


def _note(area: str, note: str, table, lang: str) -> str:
    """An area's note in ``lang``: the region gate's verdict, an empty circle, or the country's explanation."""
    if lang == "en":
        return note
    if note.startswith(local.NOT_COMPUTED):
        deviation = note.rsplit("deviation ", 1)[-1].removesuffix(" %)").strip()
        try:
            shown = percent(float(deviation), lang, 2)
        except ValueError:  # 'n/a' when the region has no official population
            shown = deviation
        return _say(lang)("not_computed").format(d=shown)
    if note == local.NO_CELLS:
        return _say(lang)("no_cells")
    if area in COUNTRY_NOTES:
        return COUNTRY_NOTES[area][lang == "de"]
    return note
