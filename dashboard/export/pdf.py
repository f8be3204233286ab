"""One-page A4 region briefings and multi-region roundtable packs, as real-text PDFs (fpdf2).

fpdf2 because it is pure Python, embeds TrueType fonts so every character of a region's name prints and
stays selectable, lays out tables natively, and embeds the PNG charts kaleido makes.
"""

from __future__ import annotations

from pathlib import Path

import orjson
import plotly.graph_objects as go
from fpdf import FPDF, FontFace

from dashboard import figures
from dashboard.export.common import FLAG_LEGEND, PROJECT, generated, retrieved
from dashboard.export.images import ExportError, figure_image
from geodata.codes import level_of
from geodata.attribution import boundaries
from indicators import caveats, lookup, profile
from indicators.ranks import rank_label
from indicators.sources import METHODS
from indicators.compare import latest
from indicators.registry import REGISTRY
from indicators.summary import summary

FONT_DIRS = [Path("/usr/share/fonts/truetype/liberation"), Path("/usr/share/fonts/truetype/liberation2")]
PACK_INDICATORS = ("foreign_born_share", "net_migration_rate", "unemployment_gap_foreign_born", "tertiary_gap_foreign_born")
INK, GREY = (34, 34, 34), (95, 95, 95)


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
        self.cell(0, 4, f"{boundaries(self.lang)} · data store built {self.store.info['built_at'][:10]} · generated {generated()} · "
                        f"page {self.page_no()}", align="C")
        self.set_text_color(*INK)

    def heading(self, text: str, size: int = 11):
        self.set_font("Sans", "B", size)
        self.cell(0, size * 0.55, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def paragraph(self, text: str, size: float = 9, style: str = ""):
        self.set_font("Sans", style, size)
        self.multi_cell(0, size * 0.45, text, new_x="LMARGIN", new_y="NEXT")


def briefing(store, geo: str, lang: str = "en") -> bytes:
    """One A4 page about a region at any level; ExportError when the region is unknown."""
    doc = Document(store, "Region briefing", lang)
    _region_page(doc, store, geo, lang)
    return bytes(doc.output())


def pack(store, geos: list[str], lang: str = "en") -> bytes:
    """Cover, comparison table, small multiples, one page per region, sources appendix (2-20 regions)."""
    if not 2 <= len(geos) <= 20:
        raise ExportError("a roundtable pack takes 2 to 20 regions")
    names = _names(store)
    unknown = [g for g in geos if g not in names]
    if unknown:
        raise ExportError(f"unknown region code(s): {', '.join(unknown[:5])}")
    doc = Document(store, "Roundtable pack", lang)
    doc.add_page()
    doc.heading("Roundtable pack", 20)
    doc.paragraph(f"{len(geos)} regions: " + ", ".join(f"{names[g]} ({g})" for g in geos), 10)
    doc.ln(2)
    doc.paragraph(f"One data vintage throughout: the data store built {store.info['built_at'][:10]} from source files "
                  f"retrieved up to {max(s['retrieved_at'] for s in store.info['sources'].values() if s.get('retrieved_at'))[:10]}. "
                  "Each figure states its own reference year.", 9, "I")
    doc.ln(3)
    doc.heading("Comparison")
    _comparison_table(doc, store, geos, names)
    doc.add_page()
    doc.heading("Main indicators side by side")
    for i, indicator_id in enumerate(PACK_INDICATORS):
        values = latest(store, indicator_id, geos)
        if values.empty:
            continue
        ind = REGISTRY[indicator_id]
        fig = figures.grouped_bars(values, ind, f"{ind.short_label} ({ind.short_unit or ind.unit})")
        fig.update_layout(annotations=[], margin=dict(b=90))
        x, y = 14 + (i % 2) * 92, 24 + (i // 2) * 62
        doc.image(figure_image(fig, "png", (900, 600)), x=x, y=y, w=90)
    for geo in geos:
        _region_page(doc, store, geo, lang)
    _appendix(doc, store, geos)
    return bytes(doc.output())


def _names(store) -> dict:
    options = profile.search_options(store)
    return dict(zip(options["geo"], options["name"]))


def _region_page(doc: Document, store, geo: str, lang: str) -> None:
    names = _names(store)
    if geo not in names:
        raise ExportError(f"unknown region code {geo!r}")
    level = level_of(geo)
    doc.add_page()
    doc.set_font("Sans", "B", 18)
    doc.multi_cell(0, 8, names[geo], new_x="LMARGIN", new_y="NEXT")
    doc.set_font("Sans", "", 9)
    doc.set_text_color(*GREY)
    doc.cell(0, 5, f"{geo} · {profile.badge(level)} · {names.get(geo[:2], geo[:2])}", new_x="LMARGIN", new_y="NEXT")
    doc.set_text_color(*INK)
    top = doc.get_y() + 1
    doc.image(figure_image(_locator(store, geo), "png", (420, 364)), x=14, y=top, w=58)
    facts = profile.headline(store, geo)
    doc.set_xy(76, top)
    _headline_table(doc, facts, lang)
    doc.set_y(max(doc.get_y(), top + 52) + 2)
    charts = [c for c in ("foreign_born_share", "net_migration_rate", "unemployment_foreign_born")
              if not profile.trend(store, c, geo).empty][:2]
    if charts:
        # Both trends in one image: one render instead of two (a pack makes dozens of these).
        y = doc.get_y()
        doc.image(figure_image(_trend_pair(store, geo, charts), "png", (1400, 340)), x=14, y=y, w=182)
        doc.set_y(y + 45)
    doc.heading("In short")
    doc.paragraph(summary(store, geo, lang), 9)
    doc.ln(1)
    shown = {f.indicator for f in facts} | set(charts)
    credits = sorted({REGISTRY[i].credit for i in shown})
    caveats = sorted({c for i in shown for c in REGISTRY[i].caveats})[:4]
    doc.paragraph("Sources: " + "; ".join(credits) + f" (retrieved {max(retrieved(store, REGISTRY[i]) for i in shown)}). "
                  f"{boundaries(lang)}.", 7)
    if caveats:
        doc.paragraph("Caveats: " + " ".join(caveats), 7, "I")
    doc.paragraph(FLAG_LEGEND, 7)


def _headline_table(doc: Document, facts, lang: str = "en") -> None:
    doc.set_font("Sans", "", 7.5)
    head = FontFace(emphasis="BOLD", fill_color=(235, 235, 235))
    with doc.table(width=120, col_widths=(30, 18, 13, 9, 16, 17, 17), text_align="LEFT", line_height=3.6,
                   headings_style=head, padding=0.6, first_row_as_headings=True) as table:
        table.row(["Indicator", "Value", "Level", "Period", "Rank in country", "Country", "EU"])
        for f in facts:
            ind = REGISTRY[f.indicator]
            unit = ind.short_unit or ""
            notes = caveats.notes(ind, f.year, f.flag, lang, short=True)
            table.row([ind.short_label, f"{figures.format_value(f.value, ind.decimals)} {unit}".strip() + (f" ({f.flag})" if f.flag else "")
                       + (f" – {'; '.join(notes)}" if notes else ""),
                       f.badge.replace("National context", "national"), f.period or "–",
                       rank_label(f.rank_country, f.n_country, f.tied_country) or "–",
                       _bench(f.country, ind), _bench(f.eu, ind)])


def _trend_pair(store, geo: str, charts: list[str]) -> go.Figure:
    from plotly.subplots import make_subplots

    titles = []
    for indicator_id in charts:
        series = profile.trend(store, indicator_id, geo)
        ind = REGISTRY[indicator_id]
        titles.append(f"{ind.short_label} ({ind.short_unit or ind.unit}), {series['name'].iloc[0]}")
    fig = make_subplots(rows=1, cols=len(charts), subplot_titles=titles, horizontal_spacing=0.08)
    for i, indicator_id in enumerate(charts, start=1):
        series = profile.trend(store, indicator_id, geo).sort_values("year")
        fig.add_trace(go.Scatter(x=series["year"], y=series["value"], mode="lines+markers",
                                 line=dict(width=2.5, color="#225ea8"), showlegend=False,
                                 name=REGISTRY[indicator_id].short_label), row=1, col=i)
    fig.update_layout(template="plotly_white", font=figures.FONT, margin=dict(l=40, r=10, t=30, b=25), height=340)
    fig.update_annotations(font_size=13)
    return fig


def _bench(bench, ind) -> str:
    if bench is None or bench.value is None:
        return "–"
    text = figures.format_value(bench.value, ind.decimals) + ("*" if bench.computed else "")
    return text + (f" ({bench.regions} regions only)" if bench.partial else "")


def _locator(store, geo: str) -> go.Figure:
    """The region in its country, at its own level (a country is shown among its neighbours)."""
    level = level_of(geo)
    version = lookup.drawn_version(store, geo) or 2024
    layer = store.memo.cached(("parsed_layer", version, level), lambda: orjson.loads(store.screen_geojson(version, level)))
    same_country = [f for f in layer["features"] if f["id"].startswith(geo[:2])]
    ids = [f["id"] for f in same_country]
    fig = go.Figure(go.Choropleth(
        geojson={"type": "FeatureCollection", "features": same_country}, locations=ids,
        z=[1 if i == geo else 0 for i in ids], colorscale=[[0, "#dddddd"], [1, "#225ea8"]], showscale=False,
        marker_line_color="#ffffff", marker_line_width=0.6, name=geo, showlegend=False))
    fig.update_geos(visible=False, fitbounds="locations", projection_type="mercator")
    fig.update_layout(margin=dict(l=0, r=0, t=0, b=0), paper_bgcolor="white")
    return fig


def _comparison_table(doc: Document, store, geos, names) -> None:
    columns = ("foreign_born_share", "non_citizen_share", "net_migration_rate", "unemployment_foreign_born",
               "unemployment_gap_foreign_born", "tertiary_gap_foreign_born")
    values = {c: latest(store, c, geos).set_index("geo") for c in columns}
    doc.set_font("Sans", "", 7.5)
    head = FontFace(emphasis="BOLD", fill_color=(235, 235, 235))
    with doc.table(col_widths=(40,) + (24,) * len(columns), text_align="LEFT", line_height=3.8, headings_style=head,
                   padding=0.6) as table:
        table.row(["Region"] + [f"{REGISTRY[c].short_label} ({REGISTRY[c].short_unit})" for c in columns])
        for geo in geos:
            cells = [f"{names[geo]} ({geo})"]
            for c in columns:
                frame = values[c]
                if geo in frame.index:
                    row = frame.loc[geo]
                    cells.append(f"{figures.format_value(row['value'], REGISTRY[c].decimals)} ({int(row['year']) if row['year'] == row['year'] else 'n/a'})")
                else:
                    cells.append("no data")
            table.row(cells)
    doc.ln(2)
    doc.paragraph("Latest year per region in brackets; values at the region's own level, converted to its NUTS version "
                  "where the source uses another one. 'no data' means the source has no figure for that region.", 7, "I")


def _appendix(doc: Document, store, geos) -> None:
    doc.add_page()
    doc.heading("Sources and methods", 14)
    used = set(PACK_INDICATORS) | set(profile.HEADLINE)
    for indicator_id in sorted(used):
        ind = REGISTRY[indicator_id]
        doc.paragraph(f"{ind.label}. {ind.description} {ind.credit}, retrieved {retrieved(store, ind)}. "
                      + " ".join(ind.caveats), 7.5)
        doc.ln(0.5)
    doc.paragraph("* computed here from regional values (see below); other benchmarks are published by the source.",
                  7.5, "I")
    for topic, text in METHODS:
        doc.paragraph(f"{topic}. {text}", 7.5)
    doc.paragraph(FLAG_LEGEND + f" {boundaries(doc.lang)}.", 7.5)
