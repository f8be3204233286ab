"""One-page A4 town briefing (EN/FR/DE/IT/ES) in the town page's order: the answer sentence, the 1 km map, the
circle figures beside region, country and EU, official local figures, towns like yours, then context. Every heading, unit and caveat is in the briefing's language, through the pages' one
translation layer (dashboard.i18n), so the page and the briefing word a figure alike; credits stay as their
sources word them.
"""

from __future__ import annotations

from pathlib import Path

from dashboard import i18n
from dashboard.export.common import PROJECT, generated
from dashboard.export.images import ExportError, figure_image
from dashboard.export.pdf import Document
from dashboard.i18n import tr
from dashboard.maps.local_map import ATTRIBUTION, GRID_SOURCE, local_map
from geodata.attribution import boundaries
from indicators.places import (local, municipal, similar_towns, town_answer, town_names, town_official,
                               urbanisation)
from indicators.text.phrasing import joined

NNBSP, NBSP = "\u202f", "\u00a0"  # narrow no-break space (French thousands), no-break space (before %)
# Liberation Sans has no narrow no-break space: DejaVu Sans supplies that one glyph where it is installed;
# without it a plain no-break space stands in (the number never breaks across lines either way).
FALLBACK_FONTS = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")]
FALLBACK = next((p for p in FALLBACK_FONTS if p.exists()), None)
FR_THOUSANDS = NNBSP if FALLBACK else NBSP
FIT_WIDTHS = (150, 128, 108, 92, 80, 70, 60, 50)  # map widths (mm) tried in turn until the briefing fits one page
COLUMN_MM = 19  # each comparison column: 3 circles, NUTS 3, NUTS 2, country and EU fit the page's 182 mm
SIMILAR_SHOWN = 5  # towns like yours in the briefing (the page lists 10, the CSV as many)


def _printable(text: str) -> str:
    """Text as the fonts can print it (a no-break space for the narrow one where no font has that glyph)."""
    return str(text).replace(NNBSP, FR_THOUSANDS)


def number(value, decimals: int, lang: str) -> str:
    """12345.6 as '12,345.6' (en), '12 345,6' with a narrow no-break space (fr), '12.345,6' (de, it, es)."""
    return _printable(i18n.number(float(value), decimals, lang))


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
        self.cell(0, 4, f"{i18n.say(boundaries(), self.lang)} · " + _printable(tr(
            "data store built {built} · generated {generated} · page {page}", self.lang,
            built=self.store.info["built_at"][:10], generated=generated(), page=self.page_no())), align="C")
        self.set_text_color(34, 34, 34)

    def heading(self, text: str, size: int = 11):
        super().heading(_printable(text), size)

    def paragraph(self, text: str, size: float = 9, style: str = ""):
        super().paragraph(_printable(text), size, style)


def town_briefing(store, gisco_id: str, lang: str = "en", measure: str = "born_abroad", radius: int = 5) -> bytes:
    """The briefing as PDF bytes, on one page (the map shrinks to make room); ExportError for an unknown town."""
    town = local.municipality(store, gisco_id)
    if town is None:
        raise ExportError("unknown municipality id")
    lang = i18n.language(lang)
    image = None  # no map where the grid has no cell (the outermost regions): the briefing says so instead
    if local.grid_covers(store, town):
        fig = local_map(store, town, measure, radius, lang=lang)
        fig.update_layout(height=None)
        image = figure_image(fig, "png", (1000, 760))
    official = town_official.town_official(store, gisco_id)
    table = town_answer.comparison(store, gisco_id)
    sentence = _said(town_answer.answer(store, gisco_id, radius, lang), lang)
    matches = similar_towns.similar_towns(store, gisco_id, SIMILAR_SHOWN)
    # the map shrinks first; then fewer towns like yours, without the method (the page and the CSV keep both)
    for width, shown in [*((w, SIMILAR_SHOWN) for w in FIT_WIDTHS), *((w, n) for n in (3, 2) for w in FIT_WIDTHS[-3:])]:
        doc = _build(store, town, lang, image, width, official, table, sentence,
                     None if matches is None else matches.head(shown))
        if doc.page_no() == 1:
            break
    return bytes(doc.output())


def _said(value, lang: str) -> str:
    """A phrase in ``lang``, as the fonts print it."""
    return _printable(i18n.say(value, lang))


def _similar(doc, store, town, matches, lang: str) -> None:
    """Towns like yours: other countries first, each with its reasons (the page and the CSV list more)."""
    if matches is None or matches.empty:
        return
    doc.heading(tr("Towns like yours", lang))
    for row in matches.itertuples(index=False):
        reasons = _said(joined(list(row.reasons)), lang)  # the language's "; " (French: a space before it)
        name = town_names.display_name(row.name, row.name_latin)
        doc.paragraph(f"{name} ({row.country}, {row.nuts_3_name}){_colon(lang)}{reasons}", 7)
    if len(matches) == SIMILAR_SHOWN:
        doc.paragraph(" · ".join(_said(p, lang) for p in similar_towns.method(store)), 6)


def _build(store, town, lang, image, width, official, table, sentence, matches) -> TownDocument:
    doc = TownDocument(store, tr("Town briefing", lang), lang)
    doc.add_page()
    doc.heading(town_names.display_name(town["name"], town["name_latin"]), 18)
    population = number(town["population"], 0, lang) if town["population"] == town["population"] else "–"
    kind = tr("degree of urbanisation: {urbanisation}", lang, urbanisation=_said(urbanisation.of_town(town), lang))
    doc.paragraph(f"{i18n.country(str(town['country']), lang)} · NUTS 3 {town['nuts_3_name']} ({town['nuts_3']}) · "
                  f"NUTS 2 {town['nuts_2']} · " + tr("population (LAU 2020 table)", lang) + f" {population} · {kind}", 9)
    doc.paragraph(sentence, 10.5, "B")
    doc.heading(tr("Around the town: the 1 km grid (Census 2021)", lang))
    if image is None:
        doc.paragraph(tr("The 1 km grid does not cover the outermost regions: there is no map around this town.",
                         lang), 9)
    else:
        doc.image(image, x=14, w=width)
    _grid(doc, table, lang)
    _official(doc, town, official[official["section"].isin(["ine", "city"])], lang)
    if official["section"].eq("ine").any():
        doc.paragraph(_said(town_official.HOW_THEY_DIFFER, lang), 7)
    _similar(doc, store, town, matches, lang)
    _official(doc, town, official[official["section"].eq("nearest")], lang)
    if not official["section"].eq("city").any() and not town_official.country_publishes(store, str(town["country"])):
        doc.paragraph(_said(town_official.no_city_series(i18n.country(str(town["country"]), lang)), lang), 7)
    # the page's list, run on as one paragraph under a run-in title: a heading and a line each pushed a Madrid
    # briefing onto a second page
    doc.paragraph(f"{tr('Read with care', lang)}{_colon(lang)}"
                  + " · ".join(_said(line, lang) for line in town_answer.caveats()), 6.5)
    doc.paragraph(f"{i18n.say(GRID_SOURCE, lang)} · {ATTRIBUTION} · "
                  + tr("municipalities: GISCO LAU 2020, degree of urbanisation LAU 2019", lang) + f" · {PROJECT}", 7)
    return doc


def _official(doc, town, official, lang: str) -> None:
    """INE's figures for a Spanish municipality, then its Urban Audit city or the nearest cities."""
    ine, city, nearest = (official[official["section"].eq(s)] for s in ("ine", "city", "nearest"))
    if not ine.empty:
        doc.heading(tr("Official figures: INE, municipal register (1 January)", lang))
        doc.set_font("Sans", "", 6.5)  # after the heading: the table took the heading's bold 11 pt
        years = sorted(int(y) for y in ine["year"].unique())
        with doc.table(col_widths=[60] + [18] * len(years), text_align="LEFT", line_height=3) as grid:
            grid.row([_printable(tr("Place of birth (% of residents)", lang)), *(str(y) for y in years)])
            for label, rows in ine.groupby("label", sort=False):
                by_year = dict(zip(rows["year"], zip(rows["value"], rows["status"])))
                grid.row([_printable(i18n.say(label, lang)),
                          *(_share(*by_year.get(y, (None, town_official.NOT_PUBLISHED)), lang) for y in years)])
        latest = ine[ine["year"].eq(years[-1])]
        residents = latest["population"].iloc[0]
        doc.paragraph(tr("{n} registered residents on 1 January {year}. Born abroad sums every group abroad; a group "
                         "not published leaves the share empty, never 0.", lang,
                         n=number(residents, 0, lang) if residents == residents else "–", year=years[-1]), 7)
        doc.paragraph(i18n.say(municipal.CREDIT, lang), 7)
    if not city.empty:
        name, code = city["name"].iloc[0], city["geo"].iloc[0]
        doc.heading(tr("Urban Audit city: foreign-born residents", lang))
        doc.paragraph(tr("{town} is the Urban Audit city {city} ({code}), matched by {match}.", lang,
                         town=town["name"], city=name, code=code, match=i18n.say(city["match"].iloc[0], lang)), 7)
        if city["year"].isna().all():
            doc.paragraph(tr("Eurostat publishes no foreign-born count for {city}: nothing to show.", lang,
                             city=name), 7)
        else:
            doc.set_font("Sans", "", 6.5)
            years = [int(y) for y in city["year"]]
            with doc.table(col_widths=[34] + [148 / len(years)] * len(years), text_align="LEFT",
                           line_height=3) as grid:
                grid.row([tr("year", lang), *(str(y) for y in years)])
                grid.row([_printable(tr("Foreign-born (% of residents)", lang)),
                          *(_share(v, s, lang) for v, s in zip(city["value"], city["status"]))])
                grid.row([tr("flag", lang), *city["flag"]])
            doc.paragraph(f"{tr('definition', lang)}{_colon(lang)}{_definitions(city['note'], lang)}", 7)
        doc.paragraph(f"{i18n.say(city['source'].iloc[0], lang)} · {i18n.say(town_official.MATCH_RULE, lang)}", 6.5)
    if not nearest.empty:
        doc.heading(tr("Nearest Urban Audit cities", lang))
        doc.paragraph(tr("{town} is not an Urban Audit city. The nearest cities with a foreign-born share (distance "
                         "between centres, great circle):", lang, town=town["name"]), 7)
        doc.set_font("Sans", "", 6.5)
        with doc.table(col_widths=[48, 20, 28, 12, 20, 54], text_align="LEFT", line_height=3) as grid:
            grid.row([tr("city", lang), tr("distance (km)", lang),
                      _printable(tr("Foreign-born (% of residents)", lang)), tr("year", lang), tr("flag", lang),
                      tr("definition", lang)])
            for row in nearest.itertuples():
                grid.row([f"{row.name} ({row.geo})", number(row.km, 1, lang), _share(row.value, row.status, lang),
                          str(int(row.year)), row.flag, _printable(i18n.say(row.note, lang))])
        doc.paragraph(f"{i18n.say(nearest['source'].iloc[0], lang)} · {i18n.say(town_official.MATCH_RULE, lang)}",
                      6.5)


def _colon(lang: str) -> str:
    """': ' or, in French, ' : ' (a no-break space before the colon)."""
    return f"{NBSP}: " if lang == "fr" else ": "


def _share(value, status: str, lang: str) -> str:
    """A share as printed: the number, or what stands in its place (never 0 for a missing value)."""
    if status == "shown" and value == value and value is not None:
        return number(value, 1, lang)
    return _printable(i18n.say(status, lang))


def _definitions(notes, lang: str) -> str:
    """The series' area definitions, once each (a rule note such as ' · rule: jump', after them, left out)."""
    return "; ".join(dict.fromkeys(i18n.say(n, lang).split(" · ", 1)[0] for n in notes))


def _grid(doc, table, lang: str) -> None:
    """The circle figures beside region, country and EU, in ``lang``."""
    areas = list(dict.fromkeys(table["area"]))
    heads = {a: _printable(i18n.say(label, lang)) for a, label in zip(table["area"], table["area_label"])}
    doc.set_font("Sans", "", 6.5)
    with doc.table(col_widths=[46] + [COLUMN_MM] * len(areas), text_align="LEFT", line_height=3) as grid:
        grid.row(["", *(heads[a] for a in areas)])
        for (figure, unit), rows in table.groupby(["figure", "unit"], sort=False):
            values = dict(zip(rows["area"], rows["value"]))
            decimals = 0 if rows["count"].iloc[0] else 1  # a count is whole, a share has a decimal
            grid.row([_printable(f"{i18n.say(figure, lang)} ({i18n.say(unit, lang)})"),
                      *("" if values.get(a) is None or values.get(a) != values.get(a) else number(values[a], decimals, lang)
                        for a in areas)])
    doc.paragraph(tr("* of residents whose place of birth is known · ** of residents whose residence a year before is "
                     "known · empty = unknown (withheld, not published or not computed), never 0", lang), 6.5, "I")
    notes = table.drop_duplicates("area")
    for area, note in zip(notes["area"], notes["note"]):
        if note:
            doc.paragraph(f"{heads[area]}{_colon(lang)}{_printable(i18n.say(note, lang))}", 7)
