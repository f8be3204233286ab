"""The region briefing page on real data: translated, one page, one keyed source list, named trend lines.

Images are replaced by a blank PNG (the layout does not depend on what a picture shows), so these tests need no
browser; tests/test_exports.py renders real ones."""

import io
import re

import pytest
from PIL import Image
from pypdf import PdfReader

from dashboard import flag_words, i18n
from dashboard.i18n import tr
from dashboard.export import pdf
from dashboard.export import pdf_text as text
from indicators.regions import profile
from indicators.registry import REGISTRY

CASES = [("ITC4", "en"), ("DE300", "fr"), ("ES703", "de"),  # NUTS 2, a NUTS 3 city, an outermost island
         ("ITC4", "it"), ("ES703", "it"), ("ITC4", "es"), ("ES703", "es")]
HEADINGS = ("In short", "Sources", "Notes on the figures", "Trends: the region, its country and the EU", "Figure",
            "Level", "Value", "Rank in country", "Rank in EU", "Region briefing")
KEYS = "[n] source of the figure · a, b … note below · – no figure published or computable"


@pytest.fixture
def no_browser(monkeypatch):
    blank = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(blank, "PNG")
    monkeypatch.setattr(pdf, "figure_image", lambda fig, fmt, size=None: blank.getvalue())


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


@pytest.mark.parametrize("geo, lang", [CASES[0], *(pytest.param(*c, marks=pytest.mark.slow) for c in CASES[1:])])
def test_briefing_is_one_page_fully_in_its_language(store, no_browser, geo, lang):
    pages = _pages(pdf.briefing(store, geo, lang))
    assert len(pages) == 1
    flat = " ".join(pages[0].split())
    for words in HEADINGS:
        assert tr(words, lang) in flat, words
    if lang != "en":
        english = {*HEADINGS, KEYS, "EU27"} - {tr(words, lang) for words in HEADINGS}
        assert not [words for words in english if words in flat]
        assert "Flags (Eurostat)" not in flat and flag_words.legend(lang)[:25] in flat
    share = next(f for f in profile.headline(store, geo) if f.indicator == "foreign_born_share")
    shown = text.quantity(share.value, REGISTRY["foreign_born_share"].decimals, "%", lang)
    # '27,2\u202f%' in French, '23,2 %' in German, Italian and Spanish (a no-break space, which text extraction reads as a space), '14.3%'
    assert shown.replace("\u00a0", " ") in pages[0].replace("\u00a0", " "), shown
    if lang in ("it", "es"):  # thousands with a point, as in German: the population reads '11.560', not '11,560'
        people = next(f for f in profile.headline(store, geo) if f.indicator == "population")
        assert people.value >= 1000 and i18n.number(people.value, 0, lang) in flat
        badge = tr("national", lang)  # fits its cell: never split over two lines
        assert not [k for k in range(1, len(badge)) if f"{badge[:k]}\n{badge[k:]}" in pages[0]]


def test_numbers_are_written_the_way_each_language_writes_them():
    assert text.quantity(3.6, 1, "%", "en") == "3.6%" and i18n.number(12345, 0, "en") == "12,345"
    assert text.quantity(3.6, 1, "%", "fr") == "3,6\u202f%" and i18n.number(12345, 0, "fr") == "12\u202f345"
    assert text.quantity(3.6, 1, "%", "de") == "3,6\u00a0%" and i18n.number(12345, 0, "de") == "12.345"
    for lang in ("it", "es"):  # like German: a comma for decimals, a point for thousands, a no-break space before %
        assert text.quantity(3.6, 1, "%", lang) == "3,6\u00a0%" and i18n.number(12345.6, 1, lang) == "12.345,6"
    assert text.rank(9, 38, 2, "it") == "=9 su 38" and text.rank(9, 38, 1, "es") == "9 de 38"
    assert i18n.number(None, 1, "fr") == "–"  # missing is never 0
    assert text.rank(9, 38, 2, "fr") == "=9 sur 38" and text.rank(9, 38, 1, "de") == "9 von 38"


def test_sources_are_one_list_and_every_figure_key_resolves(store, no_browser):
    page = _pages(pdf.briefing(store, "ITC4", "en"))[0]
    flat = " ".join(page.split())
    assert len(re.findall(r"\bSources?\b", flat)) == 1  # the list's heading, never "Source:" per figure
    body, sources = flat.split(" Sources ", 1)
    listed = [int(n) for n in re.findall(r"\[(\d+)\] (?:Eurostat|©)", sources)]
    assert listed == list(range(1, len(listed) + 1))  # each source once, numbered in order
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", body)}
    assert cited and cited <= set(listed)
    for fact in profile.headline(store, "ITC4"):  # every figure names its dataset in the list
        assert REGISTRY[fact.indicator].credit.removeprefix("Source: ") in sources, fact.indicator


@pytest.mark.slow  # briefings of several regions
def test_every_note_letter_in_the_table_has_its_note(store, no_browser):
    page = _pages(pdf.briefing(store, "DE300", "en"))[0]
    table, notes = page.split("\nTrends")[0], page.split("\nNotes\n")[-1]
    used = set()
    for line in table.splitlines():
        cell = re.search(r" ((?:[a-z]{1,2},)*[a-z]{1,2})$", line)
        if cell and cell.group(1) != "of":  # a rank wrapped in its cell ("=352 of" / "401")
            used |= set(cell.group(1).split(","))
    defined = set(re.findall(r"(?m)^([a-z]{1,2}) +[A-Z]", notes))
    assert used and used <= defined, (used - defined, notes[:300])


@pytest.mark.slow  # a pack of several regions
def test_pack_has_the_same_one_page_per_region(store, no_browser):
    geos = ["ITC4", "DE300", "ES703"]
    pages = _pages(pdf.pack(store, geos, "fr"))
    cover = " ".join(pages[0].split())
    assert tr("Comparison", "fr") in cover and "Comparison" not in cover and "no data" not in cover
    region_pages = [p for p in pages if tr("In short", "fr") in p]
    assert len(region_pages) == len(geos)
    for page, name in zip(region_pages, ("Lombardia", "Berlin", "El Hierro")):
        assert name in page and tr("Sources", "fr") in page and tr("Notes on the figures", "fr") in page


@pytest.mark.parametrize("geo, lang, region, country", [("ITC4", "en", "Lombardia", "Italy"),
                                                        ("DE300", "de", "Berlin", "Deutschland")])
def test_trend_chart_has_named_region_country_and_eu_lines(store, geo, lang, region, country):
    keys = pdf.Keys(store, lang)
    fig = pdf._trend_figure(store, geo, ["foreign_born_share", "net_migration_rate"], keys, lang, 400)
    names = {trace.name for trace in fig.data}
    assert {region, country, tr("EU27", lang)} <= names
    assert all(trace.name and not trace.name.startswith("trace") for trace in fig.data)


def test_a_partial_eu_is_never_drawn_and_the_chart_says_so(store):
    # foreign-born unemployment: only 149 NUTS 2 regions in 23 of 27 countries report, in every year
    fig = pdf._trend_figure(store, "ITC4", ["unemployment_foreign_born"], pdf.Keys(store, "fr"), "fr", 400)
    assert tr("EU27", "fr") not in {trace.name for trace in fig.data}
    assert any(tr("EU not available", "fr") in (a.text or "") for a in fig.layout.annotations)


def test_every_string_the_briefing_can_print_has_every_language():
    from indicators.regions.flags import MEANINGS
    from indicators.text.sources import METHODS

    assert set(i18n.LANGUAGES) == {"en", "fr", "de", "it", "es"}
    # the PDF's own words are tr() literals: tests/test_translations.py checks their entries and fields
    for topic, method in METHODS:  # the appendix's headings and paragraphs: phrases of the app's catalogues
        for phrase in (topic, method):
            assert all(i18n.catalogue(lang).get(phrase.template) for lang in set(i18n.LANGUAGES) - {"en"}), phrase
    shown = set(profile.HEADLINE) | set(pdf.NATIONAL_EXTRA) | set(pdf.TREND_CHARTS) | set(pdf.NATIONAL_TRENDS)
    for indicator_id in shown:  # the registry's words come from the app's catalogues
        ind = REGISTRY[indicator_id]
        for words in (ind.label, ind.short_label, ind.short_unit, ind.description, *ind.caveats):
            assert not words or all(i18n.catalogue(lang).get(words) for lang in i18n.LANGUAGES if lang != "en"), words
    for lang in i18n.LANGUAGES:  # every flag but "m" (missing), which is said in words: left empty, never zero
        legend = flag_words.legend(lang)
        said = {letter: i18n.catalogue(lang).get(meaning, meaning) for letter, meaning in MEANINGS.items()}
        assert all(f"{letter} {said[letter]}" in legend for letter in set(MEANINGS) - {"m"}), legend
        assert f"m {said['m']}" not in legend, legend


def test_a_country_page_has_eu_values_beside_national_figures(store, no_browser):
    page = " ".join(_pages(pdf.briefing(store, "DE", "de"))[0].split())
    assert page.count("Deutschland") >= 2 and "Germany" not in page  # the title and the lines, in German
    assert tr("Trends: the country and the EU", "de") in page
    asylum = next(f for f in profile.headline(store, "DE") if f.indicator == "asylum_applicants_per_1000")
    eu = pdf._eu_of_country_figure(store, asylum)
    assert eu is not None and i18n.number(eu.value, REGISTRY[asylum.indicator].decimals, "de") in page


def test_an_unknown_language_falls_back_to_english_instead_of_failing(store, no_browser):
    flat = " ".join(_pages(pdf.briefing(store, "ITC4", "xx"))[0].split())
    assert tr("Region briefing", "en") in flat and tr("In short", "en") in flat


@pytest.mark.slow  # a pack of several regions
def test_pack_in_spanish_is_one_page_per_region_with_a_spanish_appendix(store, no_browser):
    geos = ["ITC4", "ES703"]
    pages = _pages(pdf.pack(store, geos, "es"))
    cover = " ".join(pages[0].split())
    assert tr("Comparison", "es") in cover and "Comparison" not in cover and "no data" not in cover
    region_pages = [p for p in pages if tr("In short", "es") in p]
    assert len(region_pages) == len(geos)
    for page, name in zip(region_pages, ("Lombardia", "El Hierro")):
        assert name in page and tr("Sources", "es") in page
    first = pages.index(region_pages[0])  # the regions' pages follow each other, one each, then the appendix
    assert pages[first:first + len(geos)] == region_pages
    appendix = " ".join(" ".join(pages[first + len(geos):]).split())
    assert tr("Sources and methods", "es") in appendix and "Sources and methods" not in appendix
    # the descriptions come in Spanish too (the catalogues), so no note announces English text any more
    from dashboard.i18n import localised
    from indicators.registry import REGISTRY
    spanish = " ".join(localised(REGISTRY["foreign_born_share"], "es").description.split())
    assert spanish[:40] in appendix and REGISTRY["foreign_born_share"].description[:40] not in appendix
    assert flag_words.legend("es")[:25] in appendix and ", retrieved " not in appendix


@pytest.mark.slow  # a pack and a briefing through the CLI
def test_cli_makes_italian_and_spanish_pdfs(store, no_browser, monkeypatch, tmp_path):
    from dashboard.export import __main__ as cli

    monkeypatch.setattr(cli, "load_store", lambda: store)  # in process, so the blank images apply
    assert cli.main(["briefing", "--geo", "ES703", "--lang", "es", "--out", str(tmp_path / "b.pdf")]) == 0
    assert tr("In short", "es") in _pages((tmp_path / "b.pdf").read_bytes())[0]
    assert cli.main(["pack", "--geo", "ITC4,ES703", "--lang", "it", "--out", str(tmp_path / "p.pdf")]) == 0
    assert tr("Comparison", "it") in _pages((tmp_path / "p.pdf").read_bytes())[0]
