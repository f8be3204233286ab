"""One-page A4 region briefings and multi-region roundtable packs, as real-text PDFs (fpdf2).

fpdf2 because it is pure Python, embeds TrueType fonts so every character of a region's name prints and
stays selectable, lays out tables natively, and embeds the PNG charts kaleido makes.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import orjson
import pandas as pd
import plotly.graph_objects as go
from fpdf import FPDF, FontFace

from dashboard.maps import figures, map_insets
from dashboard import flag_words, i18n
from dashboard.export import pdf_text as text
from dashboard.export.common import FLAG_LEGEND, PROJECT, generated, licence_line, retrieved, source_line
from dashboard.export.images import ExportError, figure_image
from dashboard.i18n import say, tr
from geodata.codes import level_of
from geodata.attribution import boundaries
from indicators.text import caveats
from indicators.regions import context, lookup, presets, profile
from indicators.regions.composite import composite
from indicators.text.sources import METHODS
from indicators.regions.compare import OLD_BY, latest
from indicators.registry import REGISTRY
from indicators.text.summary import summary

FONT_DIRS = [Path("/usr/share/fonts/truetype/liberation"), Path("/usr/share/fonts/truetype/liberation2")]
PACK_INDICATORS = ("foreign_born_share", "net_migration_rate", "unemployment_gap_foreign_born", "tertiary_gap_foreign_born")
TREND_CHARTS = ("foreign_born_share", "net_migration_rate", "unemployment_foreign_born")
# A country's page: its own foreign-born share (the regional one is of adults only) and national series.
NATIONAL_EXTRA = ("foreign_born_share_national",)
NATIONAL_TRENDS = ("foreign_born_share_national", "asylum_applicants_per_1000", "employment_gap_citizenship")
INK, GREY = (34, 34, 34), (95, 95, 95)
ACCENT, ACCENT_HEX = (34, 94, 168), "#225ea8"
# Level badges: darker for the finer level, so a figure borrowed from a larger area reads as such at a glance.
BADGES = {3: FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=(12, 44, 132)),
          2: FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=(34, 94, 168)),
          1: FontFace(emphasis="BOLD", color=(20, 20, 20), fill_color=(127, 205, 187)),
          0: FontFace(emphasis="BOLD", color=(20, 20, 20), fill_color=(217, 217, 217))}
BOUNDARIES_KEY = "boundaries"


class Document(FPDF):
    """A4 portrait with the project's fonts, a running header and the credit footer on every page."""

    def __init__(self, store, subtitle: str, lang: str = "en"):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.store, self.subtitle, self.lang = store, subtitle, lang
        folder = next((d for d in FONT_DIRS if (d / "LiberationSans-Regular.ttf").exists()), None)
        if folder is None:
            raise ExportError("the Liberation Sans fonts are missing: apt-get install fonts-liberation")
        self.add_font("Sans", "", str(folder / "LiberationSans-Regular.ttf"))
        self.add_font("Sans", "B", str(folder / "LiberationSans-Bold.ttf"))
        self.add_font("Sans", "I", str(folder / "LiberationSans-Italic.ttf"))
        fallback = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
        if fallback.exists():  # Liberation has no narrow no-break space, which French puts in 12 345 and 3,6 %
            self.add_font("Fallback", "", str(fallback))
            self.set_fallback_fonts(["Fallback"], exact_match=False)
        self.set_margins(14, 12, 14)
        self.set_auto_page_break(True, margin=16)
        self.set_title(f"{PROJECT}: {subtitle}")
        self.set_author(PROJECT)

    def header(self):
        self.set_font("Sans", "", 8)
        self.set_text_color(*GREY)
        self.cell(0, 5, f"{PROJECT} · {self.subtitle}", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(*INK)

    def footer(self):
        self.set_y(-12)
        self.set_font("Sans", "", 7)
        self.set_text_color(*GREY)
        lang = self.lang
        self.cell(0, 4, f"{PROJECT} · {tr('data store built {date}', lang, date=self.store.info['built_at'][:10])} · "
                        f"{tr('generated {date}', lang, date=generated())} · {tr('page', lang)} {self.page_no()}", align="C")
        self.set_text_color(*INK)

    def heading(self, words: str, size: int = 11):
        self.set_font("Sans", "B", size)
        self.cell(0, size * 0.55, words, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def paragraph(self, words: str, size: float = 9, style: str = ""):
        self.set_font("Sans", style, size)
        self.multi_cell(0, size * 0.45, words, new_x="LMARGIN", new_y="NEXT")


def briefing(store, geo: str, lang: str = "en") -> bytes:
    """One A4 page about a region at any level, in ``lang`` (English for a language it does not speak);
    ExportError when the region is unknown."""
    lang = i18n.language(lang)
    doc = Document(store, tr("Region briefing", lang), lang)
    _region_page(doc, store, geo, lang)
    return bytes(doc.output())


def pack(store, geos: list[str], lang: str = "en", why: str = "",
         ranking: tuple[str | None, dict[str, float]] = (None, {})) -> bytes:
    """Cover, comparison table, small multiples, one page per region, sources appendix (2-20 regions), in ``lang``
    (English for a language it does not speak); ``why`` says on the cover how these regions were chosen, and
    ``ranking`` (preset, weights, as a link carries them) which most-affected score the table carries."""
    lang = i18n.language(lang)
    if not 2 <= len(geos) <= 20:
        raise ExportError("a roundtable pack takes 2 to 20 regions")
    names = _names(store)
    unknown = [g for g in geos if g not in names]
    if unknown:
        raise ExportError(f"unknown region code(s): {', '.join(unknown[:5])}")
    doc = Document(store, tr("Roundtable pack", lang), lang)
    doc.add_page()
    doc.heading(tr("Roundtable pack", lang), 20)
    doc.paragraph(tr("{n} regions: ", lang, n=len(geos)) + ", ".join(f"{names[g]} ({g})" for g in geos), 10)
    if why:
        doc.ln(1)
        doc.paragraph(why, 10)
    doc.ln(2)
    newest = max(s["retrieved_at"] for s in store.info["sources"].values() if s.get("retrieved_at"))[:10]
    doc.paragraph(tr("One data vintage throughout: the data store built {built} from source files retrieved up to {retrieved}. Each figure states its own reference year.", lang, built=store.info["built_at"][:10], retrieved=newest), 9, "I")
    doc.ln(3)
    doc.heading(tr("Comparison", lang))
    _comparison_table(doc, store, geos, names, lang, ranking)
    doc.add_page()
    doc.heading(tr("Main indicators side by side", lang))
    for i, indicator_id in enumerate(PACK_INDICATORS):
        values = latest(store, indicator_id, geos)
        if values.empty:
            continue
        ind = REGISTRY[indicator_id]
        sign = say(ind.short_unit or ind.unit, lang)
        fig = figures.grouped_bars(values, ind, f"{say(REGISTRY[indicator_id].short_label, lang)} ({sign})", lang)
        if lang != "en":  # the chart's own words and numbers, in the pack's language
            fig.update_layout(separators=text.plotly_separators(lang))
            fig.update_yaxes(title_text=sign)
            fig.update_traces(name=say(REGISTRY[indicator_id].short_label, lang),
                              text=[i18n.number(v, ind.decimals, lang) for v in fig.data[0].y])
        fig.update_layout(annotations=[], margin=dict(b=90))
        x, y = 14 + (i % 2) * 92, 24 + (i // 2) * 62
        doc.image(figure_image(fig, "png", (900, 600)), x=x, y=y, w=90)
    for geo in geos:
        _region_page(doc, store, geo, lang)
    _appendix(doc, store, lang)
    return bytes(doc.output())


def _names(store) -> dict:
    options = profile.search_options(store)
    return dict(zip(options["geo"], options["name"]))


def _region_page(doc: Document, store, geo: str, lang: str) -> None:
    """One designed A4 page: title block, locator beside the headline table, trends, summary, sources, notes."""
    names = _names(store)
    if geo not in names:
        raise ExportError(f"unknown region code {geo!r}")
    level = level_of(geo)
    facts = profile.headline(store, geo, profile.HEADLINE + (NATIONAL_EXTRA if level == 0 else ()))
    facts = [replace(f, eu=_eu_of_country_figure(store, f)) if f.level == 0 and f.eu is None else f for f in facts]
    charts = [c for c in (NATIONAL_TRENDS if level == 0 else TREND_CHARTS) if not profile.trend(store, c, geo).empty]
    keys = Keys(store, lang)
    doc.add_page()
    _title_block(doc, store, geo, level, names, facts, lang)
    top = doc.get_y() + 1
    locator_width = 44
    doc.image(figure_image(_locator(store, geo), "png", (420, 364)), x=doc.l_margin, y=top, w=locator_width)
    doc.set_xy(doc.l_margin, top + locator_width * 364 / 420 + 1)
    doc.set_font("Sans", "I", 6.5)
    doc.set_text_color(*GREY)
    country = i18n.country(geo[:2], lang)
    caption = (tr("Locator map: {name}", lang, name=country) if level == 0 else
               # the island alone tells a reader nothing of where it lies: say it
               tr("{name} (dark) in its own frame: an outermost region of {country}, far from the European "
                  "mainland", lang, name=names[geo], country=country) if _in_own_frame(store, geo) else
               tr("{name} (dark) among the regions of {country} at the same level", lang, name=names[geo],
                  country=country))
    doc.multi_cell(locator_width, 3, f"{caption} [{keys.source_of_boundaries()}]", new_x="LMARGIN", new_y="NEXT")
    doc.ln(2)
    doc.set_font("Sans", "", 6.3)
    doc.multi_cell(locator_width, 2.8, tr("[n] source of the figure · a, b … note below · – no figure published or computable", lang) + ".", new_x="LMARGIN", new_y="NEXT")
    doc.ln(1)
    doc.multi_cell(locator_width, 2.8, flag_words.legend(lang), new_x="LMARGIN", new_y="NEXT")
    doc.set_text_color(*INK)
    below_locator = doc.get_y()
    doc.set_xy(doc.l_margin + locator_width + 3, top)
    _headline_table(doc, facts, geo, names, keys, lang, width=doc.epw - locator_width - 3)
    doc.set_y(max(doc.get_y(), below_locator) + 3)
    for indicator_id in charts:  # trend sources get their numbers before the chart titles print them
        keys.source(REGISTRY[indicator_id])
    size, height = _fit(doc, store, geo, keys, lang, bool(charts))
    if charts:
        doc.heading(tr("Trends: the country and the EU", lang) if level == 0 else
                    tr("Trends: the region, its country and the EU", lang), 10)
        y = doc.get_y()
        pixels = (1500, int(1500 * height / doc.epw))
        doc.image(figure_image(_trend_figure(store, geo, charts, keys, lang, pixels[1]), "png", pixels),
                  x=doc.l_margin, y=y, w=doc.epw, h=height)
        doc.set_y(y + height + 2)
    _closing_blocks(doc, store, geo, keys, lang, size)


def _fit(doc: Document, store, geo: str, keys: "Keys", lang: str, charts: bool) -> tuple[float, float]:
    """The small print's size and the trends' height that fill the rest of the page without spilling over:
    the trends take what the summary, sources and notes leave (between 36 and 85 mm); long notes get smaller."""
    trends = 9 if charts else 0  # the heading and the gap under the chart
    # A scratch document of the same make: fpdf's offset_rendering deep-copies the whole document (~4 s a try).
    scratch = Document(doc.store, doc.subtitle, lang)
    for size in (6.5, 6.1, 5.7, 5.3):
        scratch.add_page()
        first = scratch.page
        scratch.set_y(doc.get_y())
        _closing_blocks(scratch, store, geo, keys, lang, size)
        needed = scratch.get_y() - doc.get_y() + (scratch.page - first) * doc.eph
        room = doc.h - doc.b_margin - doc.get_y() - needed - trends - 1
        if room >= (36 if charts else 0):
            return size, min(room, 85.0)
    return size, 36.0


def _title_block(doc: Document, store, geo: str, level: int, names: dict, facts, lang: str) -> None:
    doc.set_font("Sans", "B", 20)
    doc.multi_cell(0, 9, i18n.country(geo, lang) if level == 0 else names[geo], new_x="LMARGIN", new_y="NEXT")
    years = sorted({f.year for f in facts if f.year})
    when = ("" if not years else tr("Figures from {first}", lang, first=years[0]) if len(years) == 1 else
            tr("Figures from {first}–{last}", lang, first=years[0], last=years[-1]))
    version = lookup.drawn_version(store, geo)
    badge = tr("national", lang) if level == 0 else f"NUTS {level}"
    parts = [geo, badge, i18n.country(geo[:2], lang), when,
             tr("boundaries NUTS {version}", lang, version=version) if version else "",
             tr("data store built {date}", lang, date=store.info["built_at"][:10])]
    doc.set_font("Sans", "", 9)
    doc.set_text_color(*GREY)
    doc.cell(0, 5, " · ".join(p for p in parts if p), new_x="LMARGIN", new_y="NEXT")
    doc.set_text_color(*INK)
    doc.set_draw_color(*ACCENT)
    doc.set_line_width(0.6)
    doc.line(doc.l_margin, doc.get_y() + 1, doc.w - doc.r_margin, doc.get_y() + 1)
    doc.set_line_width(0.2)
    doc.ln(2)


def _closing_blocks(doc, store, geo: str, keys: "Keys", lang: str, size: float = 6.5) -> None:
    """The summary, the one source list and the notes; measured before the trends are sized."""
    doc.heading(tr("In short", lang), 10)
    doc.paragraph(say(summary(store, geo), lang), 8.5)
    doc.ln(1.5)
    doc.heading(tr("Sources", lang), 8.5)
    _two_columns(doc, [f"[{n}] {line}" for n, line in enumerate(keys.source_lines(), start=1)] + keys.licence_lines(), size)
    if keys.notes:
        doc.ln(1)
        doc.heading(tr("Notes on the figures", lang), 8.5)
        _two_columns(doc, [f"{letter}  {line}" for letter, line in keys.note_lines()], size)


def _two_columns(doc, lines: list[str], size: float = 6.5) -> None:
    """Short entries in two balanced columns, each entry kept whole."""
    doc.set_font("Sans", "", size)
    half = (doc.epw - 5) / 2
    heights = [len(doc.multi_cell(half, 1, line, dry_run=True, output="LINES", align="L")) for line in lines]
    split, total, running = len(lines), sum(heights), 0
    for i, h in enumerate(heights):
        if running + h / 2 > total / 2:
            split = i
            break
        running += h
    top, bottom = doc.get_y(), doc.get_y()
    for column, chunk in enumerate((lines[:split], lines[split:])):
        doc.set_xy(doc.l_margin + column * (half + 5), top)
        for line in chunk:
            doc.multi_cell(half, size * 0.42, line, new_x="LEFT", new_y="NEXT", align="L")
        bottom = max(bottom, doc.get_y())
    doc.set_xy(doc.l_margin, bottom)


class Keys:
    """The page's one numbered source list and one lettered note list, each entry printed once."""

    def __init__(self, store, lang: str):
        self.store, self.lang = store, lang
        self.sources: dict[str, dict] = {}  # credit -> {"ind": first indicator, "versions": set}
        self.notes: dict[str, str] = {}  # note text -> letter

    def source(self, ind, nuts_version: int | None = None) -> int:
        entry = self.sources.setdefault(ind.credit, {"ind": ind, "versions": set()})
        if nuts_version:
            entry["versions"].add(nuts_version)
        return list(self.sources).index(ind.credit) + 1

    def source_of_boundaries(self) -> int:
        self.sources.setdefault(BOUNDARIES_KEY, {"ind": None, "versions": set()})
        return list(self.sources).index(BOUNDARIES_KEY) + 1

    def note(self, line: str) -> str:
        if line not in self.notes:
            self.notes[line] = _letter(len(self.notes))
        return self.notes[line]

    def source_lines(self) -> list[str]:
        lines = []
        for credit, entry in self.sources.items():
            if entry["ind"] is None:
                lines.append(f"{say(boundaries(), self.lang)} ({tr('locator map', self.lang)}, GISCO)")
                continue
            ind = entry["ind"]
            versions = "/".join(str(v) for v in sorted(entry["versions"]))
            parts = [credit.removeprefix("Source: "), tr("retrieved {date}", self.lang, date=retrieved(self.store, ind))]
            if versions:
                parts.append(f"NUTS {versions}")
            lines.append(" · ".join(parts))
        return lines

    def licence_lines(self) -> list[str]:
        """Each licence once, with the numbers of the sources it covers."""
        by_licence: dict[str, list[int]] = {}
        for number, entry in enumerate(self.sources.values(), start=1):
            if entry["ind"] is not None:
                by_licence.setdefault(licence_line(entry["ind"], self.lang), []).append(number)
        return [f"{tr('licence', self.lang).capitalize()} [{', '.join(map(str, numbers))}]: {words}"
                for words, numbers in by_licence.items()]

    def note_lines(self) -> list[tuple[str, str]]:
        return [(letter, line) for line, letter in self.notes.items()]


def _letter(i: int) -> str:
    return chr(ord("a") + i) if i < 26 else _letter(i // 26 - 1) + chr(ord("a") + i % 26)


def _headline_table(doc: Document, facts, geo: str, names: dict, keys: Keys, lang: str, width: float) -> None:
    doc.set_font("Sans", "", 6.8)
    head = FontFace(emphasis="BOLD", fill_color=(228, 234, 242))
    # the level column fits the longest badge, Italian "nazionale"; the year column still fits "2014–2023"
    # German abbreviates "Notes" ("Anm."): the column is narrow
    columns = ((tr("Figure", lang), 27), (tr("Level", lang), 12.5), (tr("Value", lang), 15), (tr("Year", lang), 13.5),
               (tr("Rank in country", lang), 13), (tr("Rank in EU", lang), 14), (tr("Country", lang), 15),
               (tr("EU", lang), 15), (tr("Notes", lang), 10))
    left = doc.l_margin
    doc.set_left_margin(doc.get_x())  # the table starts beside the locator, not under it
    with doc.table(width=width, col_widths=tuple(w for _, w in columns), text_align="LEFT", line_height=3.3,
                   headings_style=head, padding=0.7, first_row_as_headings=True, align="LEFT",
                   borders_layout="HORIZONTAL_LINES") as table:
        heading = table.row()
        for words, _ in columns:
            heading.cell(words)
        for f in facts:
            ind = REGISTRY[f.indicator]
            number = keys.source(ind, f.nuts_version)
            value = text.quantity(f.value, ind.decimals, ind.short_unit or "", lang) + (f" ({f.flag})" if f.flag else "")
            row = table.row()
            row.cell(f"{say(REGISTRY[f.indicator].short_label, lang)} [{number}]")
            row.cell(tr("national", lang) if f.level == 0 else f.badge, style=BADGES.get(f.level))
            row.cell(value, align="RIGHT")
            row.cell(f.period or "–")
            row.cell(text.rank(f.rank_country, f.n_country, f.tied_country, lang))
            row.cell(text.rank(f.rank_eu, f.n_eu, f.tied_eu, lang))
            row.cell(_bench(f.country, ind, lang), align="RIGHT")
            row.cell(_bench(f.eu, ind, lang), align="RIGHT")
            row.cell(",".join(_figure_notes(f, ind, geo, names, keys, lang)) or "")
    doc.set_left_margin(left)


def _eu_of_country_figure(store, f):
    """The EU value beside a national figure (the profile gives benchmarks to regional figures only)."""
    bench = _benchmark(store, REGISTRY[f.indicator], 0, f.year, "EU")
    return bench if bench.value is not None else None


def _figure_notes(f, ind, geo: str, names: dict, keys: Keys, lang: str) -> list[str]:
    """The letters of the notes that belong to this figure (and to its country and EU values)."""
    lines = [say(c, lang) for c in ind.caveats]
    lines += [say(note, lang) for note in caveats.notes(ind, f.year, "", lfs=False)]  # the census note; flags print beside the value
    if f.geo != geo and f.level > 0:  # a national figure says so in its badge and its caveat
        where = tr("the country", lang) if f.level == 0 else tr("the NUTS {level} region", lang, level=f.level)
        lines.append(tr("Figure for {name} ({geo}), {level} the region belongs to.", lang, name=names.get(f.geo, f.name), geo=f.geo, level=where))
    if f.converted and f.nuts_version:
        lines.append(tr("Converted to NUTS {version} with the JRC matrix; not ranked among published values.", lang, version=f.nuts_version))
    if f.other_period:
        lines.append(tr("Ranked among values that mostly cover another period.", lang))
    for bench in (f.country, f.eu):
        if bench is not None and bench.computed:
            lines.append(_bench_note(bench, "eu" if bench.scope == "EU" else "country", lang))
    return sorted({keys.note(line) for line in lines}, key=lambda letter: (len(letter), letter))


def _bench_note(bench, scope: str, lang: str) -> str:
    level = bench.level or 0
    units = tr("NUTS {level} regions", lang, level=level) if level else tr("member states", lang)
    if not level and scope == "eu" and not bench.partial:
        return tr("EU value computed here from the 27 member states ({weighting}); not published by the source.", lang, weighting=text.weighting(bench.weighted_by, lang))
    if bench.partial:
        countries = tr(" in {k} of 27 countries", lang, k=bench.countries) if scope == "eu" and bench.countries else ""
        # "the whole EU" / "the whole country" carry their article: other languages inflect it
        if scope == "eu":
            scope_words, whole = tr("EU value", lang), tr("the whole EU", lang)
        else:
            scope_words, whole = tr("Country value", lang), tr("the whole country", lang)
        return tr("{scope} computed from only {n} {units}{countries}: not {whole}.", lang, scope=scope_words,
                  n=bench.regions, units=units, countries=countries, whole=whole)
    # one note per way of computing, whichever scope and level it is for: fewer notes to read
    return tr("Country or EU value computed here from all regions of the figure's level ({weighting}); not published by the source.", lang, weighting=text.weighting(bench.weighted_by, lang))


def _trend_figure(store, geo: str, charts: list[str], keys: Keys, lang: str, height: int) -> go.Figure:
    """Small multiples: the region (or the parent the data are for), its country and the EU27, each named.

    A country or EU line is drawn only from published values or values computed from every region;
    where that is not possible the chart says so instead of drawing a partial line."""
    from plotly.subplots import make_subplots

    country = i18n.country(geo[:2], lang)
    series = {c: profile.trend(store, c, geo).sort_values("year") for c in charts}
    titles = []
    for c in charts:
        ind, own = REGISTRY[c], series[c]["geo"].iloc[0]
        tag = f"NUTS {len(own) - 2}" if len(own) > 2 else tr("national", lang)
        sign = say(ind.short_unit or "", lang)
        titles.append(f"{say(REGISTRY[c].short_label, lang)}{f' ({sign})' if sign else ''} · {tag} [{keys.source(ind)}]")
    fig = make_subplots(rows=1, cols=len(charts), subplot_titles=titles, horizontal_spacing=0.06)
    shown = set()
    for i, c in enumerate(charts, start=1):
        rows, ind = series[c], REGISTRY[c]
        own = str(rows["geo"].iloc[0])
        region = country if own == geo[:2] else str(rows["name"].iloc[0])  # a country in the page's language
        lines = [(region, rows["year"], rows["value"], dict(width=2.6, color=ACCENT_HEX))]
        missing = []
        for scope, name, style in ((geo[:2], country, dict(width=1.6, color="#d95f02")),
                                   ("EU", tr("EU27", lang), dict(width=1.6, color="#555555", dash="dash"))):
            if scope == own:
                continue  # a country's own line is the region line
            years, values = context.benchmark_series(store, ind, len(own) - 2, rows["year"], scope)
            if len(values) >= 2:
                lines.append((name, years, values, style))
            else:
                missing.append(tr("EU not available", lang) if scope == "EU" else
                               tr("{country} not available", lang, country=country))
        for name, years, values, style in lines:
            fig.add_trace(go.Scatter(x=list(years), y=list(values), mode="lines", name=name, line=style,
                                     legendgroup=name, showlegend=name not in shown), row=1, col=i)
            shown.add(name)
        if missing:
            fig.add_annotation(text=" · ".join(missing), xref=f"x{i if i > 1 else ''} domain",
                               yref=f"y{i if i > 1 else ''} domain", x=1, y=0.02, xanchor="right", yanchor="bottom",
                               showarrow=False, font=dict(size=14, color="#555555"), bgcolor="rgba(255,255,255,0.8)")
    fig.update_layout(template="plotly_white", font=dict(figures.FONT, size=15), height=height, width=1500,
                      margin=dict(l=45, r=15, t=40, b=30),
                      legend=dict(orientation="h", x=0.5, xanchor="center", y=-0.08, yanchor="top"))
    fig.update_layout(margin_b=75)
    fig.update_annotations(selector=dict(showarrow=False, yref="paper"), font_size=16)
    fig.update_xaxes(tickformat="d")
    for i, c in enumerate(charts, start=1):  # whole years only: left to plotly, a short span got half-year ticks
        years = series[c]["year"].dropna()
        if len(years):  # about six ticks at most on a chart a third of the page wide
            fig.update_xaxes(tick0=int(years.min()), dtick=max(1, -(-int(years.max() - years.min()) // 6)),
                             row=1, col=i)
    fig.update_yaxes(separatethousands=True)
    fig.update_layout(separators=text.plotly_separators(lang))
    return fig


def _benchmark(store, ind, level: int, year: int, scope: str):
    """One benchmark, memoised per scope (shared with the profile's trends)."""
    return context.one_benchmark(store, ind, level, year, scope)


def _bench(bench, ind, lang: str) -> str:
    if bench is None or bench.value is None:
        return "–"
    return i18n.number(bench.value, ind.decimals, lang)


def _locator(store, geo: str) -> go.Figure:
    """The region in its country, at its own level (a country is shown among its neighbours): the country's
    European part, or an outermost region in its own frame (fitted to the whole country, France's mainland was
    a speck between the Caribbean and the Indian Ocean)."""
    level = level_of(geo)
    same_country, mine = _country_layer(store, geo)
    shown = _frame_of(same_country, mine)
    ids = [f["id"] for f in shown]
    fig = go.Figure(go.Choropleth(
        geojson={"type": "FeatureCollection", "features": shown}, locations=ids,
        z=[1 if i == geo else 0 for i in ids], zmin=0, zmax=1, colorscale=[[0, "#dddddd"], [1, ACCENT_HEX]], showscale=False,
        marker_line_color="#ffffff", marker_line_width=0.6, name=geo, showlegend=False))
    drawn = next((f for f in shown if f["id"] == geo), None)
    if drawn is not None and (level == 3 or _tiny(drawn, shown)):  # a ring: an island, a city, Melilla found at a glance
        lon, lat = _centre(drawn["geometry"])
        fig.add_trace(go.Scattergeo(lon=[lon], lat=[lat], mode="markers", name=geo, showlegend=False,
                                    marker=dict(size=16, color="rgba(0,0,0,0)", line=dict(width=2.5, color="#d95f02"))))
    fig.update_geos(visible=False, fitbounds="locations", projection_type="mercator")
    fig.update_layout(margin=dict(l=0, r=0, t=0, b=0), paper_bgcolor="white")
    return fig


def _country_layer(store, geo: str) -> tuple[list[dict], dict | None]:
    """The boundaries of ``geo``'s country at its level and version, and ``geo``'s own (None if not drawn)."""
    level, version = level_of(geo), lookup.drawn_version(store, geo) or 2024
    layer = store.memo.cached(("parsed_layer", version, level), lambda: orjson.loads(store.screen_geojson(version, level)))
    same_country = [f for f in layer["features"] if f["id"].startswith(geo[:2])]
    return same_country, next((f for f in same_country if f["id"] == geo), None)


def _in_own_frame(store, geo: str) -> bool:
    """Whether the locator shows ``geo`` away from its country: an outermost region with no part in Europe."""
    mine = _country_layer(store, geo)[1]
    return mine is not None and _european_part(mine) is None


def _frame_of(features: list[dict], mine: dict | None) -> list[dict]:
    """The features a locator draws: their parts in Europe (figures.MAINLAND_LON/LAT) when the region has one;
    else the region with the regions of its own outermost frame (map_insets)."""
    european = [f for f in (_european_part(f) for f in features) if f is not None]
    if mine is None or any(f["id"] == mine["id"] for f in european):
        return european
    inset = map_insets.inset_of(mine["id"])
    return [f for f in features if f is mine or (inset is not None and map_insets.inset_of(f["id"]) == inset)]


def _european_part(feature: dict) -> dict | None:
    """The feature with only its polygons whose middle lies in Europe's frame; None when it has none."""
    geometry = feature["geometry"]
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    kept = [p for p in polygons if _in_europe(*_centre({"coordinates": p}))]
    if not kept:
        return None
    return {**feature, "geometry": {"type": "MultiPolygon", "coordinates": kept}}


def _in_europe(lon: float, lat: float) -> bool:
    return (figures.MAINLAND_LON[0] <= lon <= figures.MAINLAND_LON[1]
            and figures.MAINLAND_LAT[0] <= lat <= figures.MAINLAND_LAT[1])


def _tiny(feature: dict, features: list[dict]) -> bool:
    """Whether a region is under 1/25 of its frame's extent both ways (Melilla's 12 km² vanish in Spain)."""
    mine = _bounds(feature["geometry"])
    every = [_bounds(f["geometry"]) for f in features]
    frame = (min(b[0] for b in every), min(b[1] for b in every), max(b[2] for b in every), max(b[3] for b in every))
    return all((mine[i + 2] - mine[i]) * 25 < frame[i + 2] - frame[i] for i in (0, 1))


def _centre(geometry: dict) -> tuple[float, float]:
    """The middle of a GeoJSON geometry's bounding box."""
    west, south, east, north = _bounds(geometry)
    return (west + east) / 2, (south + north) / 2


def _bounds(geometry: dict) -> tuple[float, float, float, float]:
    """A GeoJSON geometry's bounding box: west, south, east, north."""
    points = []

    def walk(part):
        if part and isinstance(part[0], (int, float)):
            points.append(part)
        else:
            for item in part:
                walk(item)

    walk(geometry["coordinates"])
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return min(lons), min(lats), max(lons), max(lats)


def scores(store, geos, ranking: tuple[str | None, dict[str, float]]) -> tuple[str, dict[str, tuple]]:
    """The most-affected preset the pack reports and, per region of NUTS 2 or 3, (score, rank, tied, ranked
    regions) among the EU-27 regions of its level; a region the score cannot rank is left out."""
    preset_id, weights = ranking
    found, chosen = {}, preset_id or presets.DEFAULT_PRESET
    for level in sorted({level_of(g) for g in geos} & set(presets.LEVELS)):
        chosen, level_weights, _ = presets.resolve(preset_id, weights, level)
        if not any(level_weights.values()):
            continue
        result = composite(store, level, level_weights, stability=False).set_index("geo")
        count = int(result["rank"].notna().sum())
        for geo in geos:
            if geo in result.index and pd.notna(result.at[geo, "rank"]):
                found[geo] = (float(result.at[geo, "score"]), int(result.at[geo, "rank"]), int(result.at[geo, "tied"]),
                              count)
    return chosen, found


def _comparison_table(doc: Document, store, geos, names, lang: str = "en",
                      ranking: tuple[str | None, dict[str, float]] = (None, {})) -> None:
    columns = ("foreign_born_share", "non_citizen_share", "net_migration_rate", "unemployment_foreign_born",
               "unemployment_gap_foreign_born", "tertiary_gap_foreign_born")
    values = {c: latest(store, c, geos).set_index("geo") for c in columns}
    preset_id, ranked = scores(store, geos, ranking)
    headings = [tr("Region", lang), tr("Score (0-100)", lang), tr("Rank in EU", lang)] + [
        f"{say(REGISTRY[c].short_label, lang)} ({say(REGISTRY[c].short_unit, lang)})" for c in columns]
    head = FontFace(emphasis="BOLD", fill_color=(235, 235, 235))
    widths = _word_widths(doc, headings, (34, 13, 17) + (20,) * len(columns), padding=0.6)
    doc.set_font("Sans", "", 7.5)
    with doc.table(col_widths=widths, text_align="LEFT", line_height=3.8, headings_style=head,
                   padding=0.6) as table:
        table.row(headings)
        for geo in geos:
            cells = [f"{names[geo]} ({geo})"]
            if geo in ranked:  # the most-affected score and its rank, beside the figures it is made of
                score, position, tied, count = ranked[geo]
                cells += [i18n.number(score, 1, lang), text.rank(position, count, tied, lang)]
            else:
                cells += [tr("not ranked", lang)] * 2
            for c in columns:
                frame = values[c]
                if geo in frame.index:
                    row = frame.loc[geo]
                    year = int(row["year"]) if row["year"] == row["year"] else tr("n/a", lang)
                    mark = " †" if bool(row.get("other_vintage", False)) else ""  # one vintage, or said
                    cells.append(f"{i18n.number(row['value'], REGISTRY[c].decimals, lang)} ({year}){mark}")
                else:
                    cells.append(tr("no data", lang))
            table.row(cells)
    doc.ln(2)
    doc.paragraph(tr("Latest year per region in brackets; values at the region's own level, converted to its NUTS version where the source uses another one. '{no_data}' means the source has no figure for that region.", lang, no_data=tr("no data", lang)), 7, "I")
    doc.paragraph(tr("Score and rank: the most-affected score “{ranking}” at each region's own NUTS level, among "
                     "the EU-27 regions of that level (100 and 1 = most affected). '{not_ranked}': too little data "
                     "(values for less than two thirds of the weight), or a level the score does not cover.", lang,
                     ranking=say(presets.label(preset_id), lang), not_ranked=tr("not ranked", lang)), 7, "I")
    if any(frame["other_vintage"].any() for frame in values.values() if "other_vintage" in frame):
        doc.paragraph(tr("† another vintage: more than {years} years older than the other regions' values.", lang, years=OLD_BY), 7, "I")


def _word_widths(doc: Document, headings: list[str], wanted: tuple[float, ...], padding: float) -> list[float]:
    """Column widths (mm, the page's width in all) as near ``wanted``'s proportions as lets every heading's
    longest word fit its column: fpdf2 splits a word that does not fit ('Unemploymen|t')."""
    doc.set_font("Sans", "B", 7.5)
    need = [max(doc.get_string_width(word) for word in heading.split()) + 2 * padding + 0.8 for heading in headings]
    widths = [max(w * doc.epw / sum(wanted), n) for w, n in zip(wanted, need)]
    room = [w - n for w, n in zip(widths, need)]
    # what the widened columns took, given back by the others in proportion to what they have to spare
    excess = sum(widths) - doc.epw
    return [w - excess * r / sum(room) for w, r in zip(widths, room)] if sum(room) >= excess else widths


def _appendix(doc: Document, store, lang: str) -> None:
    """Each indicator's description and source, then the methods, all in the pack's language (labels,
    descriptions and caveats from the catalogues, method paragraphs as phrases)."""
    doc.add_page()
    doc.heading(tr("Sources and methods", lang), 14)
    used = set(PACK_INDICATORS) | set(profile.HEADLINE)
    for indicator_id in sorted(used):
        ind = REGISTRY[indicator_id]
        words = i18n.localised(ind, lang)
        doc.paragraph(f"{words.label}. {words.description} {source_line(store, ind, lang=lang)}. "
                      + " ".join(words.caveats), 7.5)
        doc.ln(0.5)
    doc.paragraph(tr("Country and EU values computed here from regional values, rather than published by the source, carry a note saying so on each region page (see below for the method).", lang), 7.5, "I")
    for topic, method in METHODS:
        doc.paragraph(f"{say(topic, lang)}. {say(method, lang)}", 7.5)
    legend = FLAG_LEGEND if lang == "en" else flag_words.legend(lang)
    doc.paragraph(f"{legend} {say(boundaries(), lang)}.", 7.5)
