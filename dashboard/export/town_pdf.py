"""One-page A4 town briefing (EN/FR/DE): the 1 km map, the circle figures beside region, country and EU."""

from __future__ import annotations

from dashboard.export.common import PROJECT
from dashboard.export.images import ExportError, figure_image
from dashboard.export.pdf import Document
from dashboard.local_map import ATTRIBUTION, GRID_SOURCE, local_map
from indicators import local

TEXT = {
    "title": ("Town briefing", "Fiche commune", "Gemeindeprofil"),
    "figures": ("Who lives around the town (Census 2021)", "Qui vit autour de la commune (recensement 2021)",
                "Wer rund um die Gemeinde lebt (Zensus 2021)"),
    "caveats": ("Read with care", "À lire avec prudence", "Bitte beachten"),
    "population": ("population (LAU 2020 table)", "population (table LAU 2020)", "Einwohner (LAU-2020-Tabelle)"),
    "unknown": ("empty = unknown (withheld, not published or not computed), never 0",
                "vide = inconnu (secret, non publié ou non calculé), jamais 0",
                "leer = unbekannt (geheim, nicht veröffentlicht oder nicht berechnet), nie 0"),
}
FIGURES = {  # the comparison table's figure labels (indicators.local.ROWS) in FR and DE
    "Residents": ("Habitants", "Einwohner"),
    "Born abroad": ("Nés à l'étranger", "Im Ausland geboren"),
    "Born in another EU country": ("Nés dans un autre pays de l'UE", "In einem anderen EU-Land geboren"),
    "Born outside the EU": ("Nés hors de l'UE", "Außerhalb der EU geboren"),
    "Moved in from abroad in the year before": ("Arrivés de l'étranger l'année précédente",
                                                "Im Vorjahr aus dem Ausland zugezogen"),
    "Coverage: place of birth known": ("Couverture : lieu de naissance connu", "Abdeckung: Geburtsort bekannt"),
    "Coverage: residence a year before known": ("Couverture : résidence un an avant connue",
                                                "Abdeckung: Wohnort ein Jahr zuvor bekannt"),
    "Dissimilarity index, born abroad vs native-born": ("Indice de dissimilarité, nés à l'étranger / dans le pays",
                                                        "Dissimilaritätsindex, im Ausland / im Inland Geborene"),
    "Cells the index rests on": ("Cellules de l'indice", "Zellen des Index"),
}
AROUND = ("{r} km around", "{r} km autour", "{r} km um")
CAVEATS = (
    "Circles: 1 km cells whose centre lies within the radius of the town's population-weighted centre.",
    "Shares are over residents whose place of birth is known; coverage says how many that is.",
    "Withheld cells and unpublished variables are unknown, never 0.",
    "A NUTS 3 figure is given only where the 1:20M boundary reproduces the region's population share within 3 %.",
)
_INDEX = {"en": 0, "fr": 1, "de": 2}


def town_briefing(store, gisco_id: str, lang: str = "en", measure: str = "born_abroad", radius: int = 5) -> bytes:
    """The briefing as PDF bytes; ExportError for an unknown municipality."""
    town = local.municipality(store, gisco_id)
    if town is None:
        raise ExportError("unknown municipality id")
    say = lambda key: TEXT[key][_INDEX.get(lang, 0)]  # noqa: E731
    doc = Document(store, say("title"))
    doc.add_page()
    doc.heading(str(town["name"]), 18)
    if town["name_latin"] != town["name"]:
        doc.paragraph(str(town["name_latin"]), 10, "I")
    population = f"{int(town['population']):,}" if town["population"] == town["population"] else "–"
    doc.paragraph(f"{town['country']} · NUTS 3 {town['nuts_3_name']} ({town['nuts_3']}) · NUTS 2 {town['nuts_2']} · "
                  f"{say('population')} {population}", 9)
    fig = local_map(store, town, measure, radius)
    fig.update_layout(height=None)
    doc.image(figure_image(fig, "png", (1000, 760)), x=14, w=150)
    doc.heading(say("figures"))
    table = local.comparison(store, gisco_id)
    areas = list(dict.fromkeys(table["area_label"]))
    heads = [_area(a, code, lang) for a, code in dict(zip(table["area_label"], table["area"])).items()]
    doc.set_font("Sans", "", 6.5)
    with doc.table(col_widths=[44] + [23] * len(areas), text_align="LEFT", line_height=3.2) as grid:
        grid.row(["", *heads])
        for (figure, unit), rows in table.groupby(["figure", "unit"], sort=False):
            values = dict(zip(rows["area_label"], rows["value"]))
            whole = unit in ("persons", "1 km cells")
            shown = figure if lang not in ("fr", "de") else FIGURES.get(figure, (figure, figure))[lang == "de"]
            grid.row([f"{shown} ({unit})", *(_fmt(values.get(a), whole) for a in areas)])
    doc.paragraph(say("unknown"), 7, "I")
    for area, note in dict(zip(table["area_label"], table["note"])).items():
        if note:
            doc.paragraph(f"{area}: {note}", 7)
    doc.heading(say("caveats"), 9)
    for line in CAVEATS:
        doc.paragraph(f"- {line}", 7)
    doc.paragraph(f"{GRID_SOURCE} · {ATTRIBUTION} · municipalities: GISCO LAU 2020, degree of urbanisation LAU 2019 · "
                  f"{PROJECT}", 7)
    return bytes(doc.output())


def _area(label: str, code: str, lang: str) -> str:
    """A column head in the briefing's language (circles only; region and country names stay as published)."""
    if not code.startswith("circle_"):
        return label
    radius = code.removeprefix("circle_").removesuffix("km")
    return AROUND[_INDEX.get(lang, 0)].format(r=radius) + label.split(" around", 1)[-1]


def _fmt(value, whole: bool) -> str:
    if value is None or value != value:
        return ""
    return f"{int(value):,}" if whole else f"{float(value):.1f}"
