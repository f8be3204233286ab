"""Every page, every export (map PNG/SVG, CSV headers, PDF) and the CLI's text in French, German, Italian and
Spanish: no English catalogue text, no snake_case identifier, no bare country code standing as a label, and
numbers written the language's way. One case of each kind runs in the fast loop; the sweeps are ``slow``."""

from __future__ import annotations

import io
import json
import re

import pytest
from pypdf import PdfReader

from dashboard import i18n
from tests.test_translations import _english_patterns, _shown_texts

LANGS = ("fr", "de", "it", "es")
# page -> the link it is opened with (each draws its translated sections)
OPENED = {"map": {"indicator": "foreign_born_share", "level": "2"}, "region": {"geo": "ITC4"},
          "town": {"lau": "ES_28079"}, "compare": {"geos": "ITC4,AT13,DE11", "indicator": "foreign_born_share"},
          "most_affected": {"level": "3", "preset": "arrival_pressure", "countries": "BE", "geo": "BE100"},
          "data_gaps": {"geo": "ITC4", "indicator": "foreign_born_share"}, "sources": {}, "status": {}}
SNAKE = re.compile(r"(?<![\w./=-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w/])")
# a number with a point for its one or two decimals ("0.1"), where French, German, Italian and Spanish write a comma
# (German, Italian and Spanish group thousands with a point: "365.689"; a licence's version "CC BY 4.0" is a name)
DOT_DECIMAL = re.compile(r"(?<![\w.,/])(?<!CC BY )\d+\.\d{1,2}(?![\w.])")
COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
NAMES = {"Territorial Migration Atlas"}  # the project's name, as it is published, in every language


def _cases(kinds, first_fast=True):
    """(kind, lang) for each kind and language; the first case fast, the rest ``slow``."""
    cases = [(kind, lang) for kind in kinds for lang in LANGS]
    return [cases[0] if first_fast else pytest.param(*cases[0], marks=pytest.mark.slow),
            *(pytest.param(*c, marks=pytest.mark.slow) for c in cases[1:])]


def _codes() -> set[str]:
    """snake_case words a reader may meet on purpose: Eurostat's dataset codes, which the credit lines and the
    catalogues' own sentences quote as published."""
    from indicators.places import deep_dives
    from indicators.registry import ENTRIES
    from loaders.manifest import BY_ID

    texts = [*(e.credit for e in [*ENTRIES, *deep_dives.ENTRIES]), *(str(getattr(e, "dataset", "")) for e in ENTRIES),
             *BY_ID, *(value for lang in LANGS for value in i18n.catalogue(lang).values())]
    return {word for text in texts for word in SNAKE.findall(str(text))}


def _pattern(text: str) -> re.Pattern:
    return re.compile(".+?".join(re.escape(part) for part in re.split(r"\{\w+\}", text)))


def _problems(texts: list[str], lang: str) -> list[tuple[str, str]]:
    """What a reader of ``lang`` should not meet in ``texts``: English catalogue text, snake_case ids, dot decimals."""
    allowed = _codes()
    translated = {english: _pattern(said) for english, said in i18n.catalogue(lang).items()}
    # each pattern's literal parts, all of which a text must hold before the regex is worth running (a PDF's
    # thousand lines against a thousand patterns took minutes)
    patterns = [(english, pattern, [part for part in re.split(r"\{\w+\}", english) if part])
                for english, pattern in _english_patterns(lang) if english not in NAMES]
    # an English pattern that the translation matches too ("{indicator}: points", French "{indicator} : points")
    found = [("english", f"{english!r} in {text[:80]!r}") for text in texts for english, pattern, parts in patterns
             if all(part in text for part in parts) and pattern.search(text) and not translated[english].search(text)]
    found += [("snake_case", f"{word!r} in {text[:80]!r}") for text in texts for word in SNAKE.findall(text)
              if word not in allowed]
    found += [("dot decimal", f"{number!r} in {text[:80]!r}") for text in texts for number in DOT_DECIMAL.findall(text)]
    return found


# --- pages ----------------------------------------------------------------------------------------------------

def _page(key: str, lang: str):
    from streamlit.testing.v1 import AppTest

    from dashboard.pages import PAGES, ROUTER

    at = AppTest.from_file(str(ROUTER), default_timeout=180)
    for name, value in {**OPENED[key], "lang": lang}.items():
        at.query_params[name] = value
    at.run()
    at.switch_page(next(p.script for p in PAGES if p.key == key)).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _table_texts(at, lang: str) -> list[str]:
    """What the page's tables show: their headings (as the column settings name them) and their text cells."""
    texts = []
    for table in at.dataframe:
        config = json.loads(table.proto.columns or "{}")
        names = {column: (config.get(column) or {}).get("label") or column for column in table.value.columns}
        texts += [str(name) for name in names.values()]
        for column in table.value.columns:
            if table.value[column].dtype == object:
                texts += [str(v) for v in table.value[column].dropna().unique()[:200]]
    return texts


@pytest.mark.parametrize("page,lang", _cases(list(OPENED)))
def test_a_page_says_everything_in_its_language(store_env, page, lang):
    at = _page(page, lang)
    texts = _shown_texts(at) + _table_texts(at, lang)
    assert len(texts) > 10, texts  # the page drew
    problems = _problems(texts, lang)
    assert not problems, f"{page} in {lang}: {problems[:8]}"
    # no bare country code stands as a label: a picker's options and a table's country column are names
    for picker in [*at.multiselect, *at.selectbox]:
        bare = [o for o in picker.options if COUNTRY_CODE.match(str(o))]
        assert not bare, (picker.label, bare[:5])
    for table in at.dataframe:
        for column in table.value.columns:
            values = table.value[column].dropna().astype(str)
            assert not (len(values) and values.map(COUNTRY_CODE.match).map(bool).all()
                        and values.isin(["AT", "BE", "DE", "FR", "IT", "ES"]).any()), (column, list(values[:5]))


def test_most_affected_in_french_names_countries_and_says_its_placeholders(store_env):
    """The Countries filter lists names in the reader's language (typing 'Allemagne' finds DE), never codes
    alone; no widget keeps Streamlit's English 'Choose options'."""
    at = _page("most_affected", "fr")
    countries = next(m for m in at.multiselect if m.label == "Pays")
    assert "Allemagne (DE)" in countries.options and "DE" not in countries.options
    assert all(m.proto.placeholder and m.proto.placeholder != "Choose options" for m in at.multiselect)


# --- exports --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["fr", *(pytest.param(lang, marks=pytest.mark.slow) for lang in LANGS[1:])])
def test_a_map_image_writes_its_legend_and_credit_the_languages_way(store, lang):
    """What the PNG/SVG draws (the figure handed to kaleido): classes '0,1 – 4 %', credit and attribution said."""
    from dashboard.export import images

    fig = images.map_figure(store, "foreign_born_share", 2, None, "quantiles", lang=lang)
    legend = [t.name for t in fig.data if t.showlegend is not False and t.name]
    classes = [name for name in legend if " – " in name]
    assert len(classes) >= 3 and all(re.fullmatch(r"[\d\u202f.]+(,\d+)? – [\d\u202f.]+(,\d+)? %", c) for c in classes)
    credit = " ".join(a.text for a in fig.layout.annotations if a.name == "credit").replace("<br>", " ")
    assert i18n.say("© EuroGeographics for the administrative boundaries", lang) in credit
    texts = [*legend, fig.layout.title.text, credit]
    assert not _problems(texts, lang), _problems(texts, lang)


def test_the_french_map_image_writes_0_1_to_4_percent(store):
    """Issue 21: the French map PNG kept dot decimals ('0.1 – 4 %') and the English attribution."""
    from dashboard.export import images

    fig = images.map_figure(store, "foreign_born_share", 2, None, "quantiles", lang="fr")
    first = next(t.name for t in fig.data if t.name and " – " in t.name)
    assert first.startswith("0,1 – ") and "." not in first
    credit = " ".join(a.text for a in fig.layout.annotations)
    assert "pour les limites administratives" in credit and "for the administrative boundaries" not in credit


@pytest.mark.slow  # renders in chromium (kaleido)
@pytest.mark.parametrize("lang", LANGS)
def test_a_map_svg_has_no_english_words(store, lang):
    from dashboard.export import images

    svg = images.map_image(store, "foreign_born_share", 2, None, "svg", lang=lang).decode("utf-8")
    texts = [re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<text[^>]*>.*?</text>", svg)]
    assert len(texts) > 5 and not _problems(texts, lang), _problems(texts, lang)[:8]


@pytest.mark.parametrize("lang", ["fr", *(pytest.param(lang, marks=pytest.mark.slow) for lang in LANGS[1:])])
def test_the_export_cli_writes_a_chart_csv_for_people_in_the_language(store_env, tmp_path, capsys, lang):
    from dashboard.export.__main__ import main

    out = tmp_path / "chart.csv"
    assert main(["chart", "--indicator", "foreign_born_share", "--level", "2", "--format", "csv", "--out", str(out),
                 "--lang", lang]) == 0
    header = out.read_bytes().decode("utf-8-sig").splitlines()[0].split(",")
    said = capsys.readouterr().out
    assert not _problems([*header, said], lang), _problems([*header, said], lang)
    assert i18n.tr("code", lang) in header and "geo" not in header and "nuts_version" not in header
    assert "wrote" not in said and str(out) in said


@pytest.mark.parametrize("lang", ["de", *(pytest.param(lang, marks=pytest.mark.slow) for lang in ("fr", "it", "es"))])
def test_the_export_cli_takes_the_language_for_a_map_image(store_env, tmp_path, monkeypatch, lang):
    """``python -m dashboard.export chart … --lang``: the figure handed to the image writer speaks it."""
    from dashboard.export import images
    from dashboard.export.__main__ import main

    seen = {}
    monkeypatch.setattr(images, "figure_image", lambda fig, fmt, size=None, scale=1: seen.setdefault("fig", fig) and b"x")
    assert main(["chart", "--indicator", "foreign_born_share", "--level", "2", "--format", "png",
                 "--out", str(tmp_path / "map.png"), "--lang", lang]) == 0
    credit = " ".join(a.text for a in seen["fig"].layout.annotations)
    assert i18n.tr("Source: {credit}", lang, credit="") .strip()[:6] in credit


@pytest.fixture
def no_browser(monkeypatch):
    from PIL import Image

    from dashboard.export import pdf

    blank = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(blank, "PNG")
    monkeypatch.setattr(pdf, "figure_image", lambda fig, fmt, size=None: blank.getvalue())


@pytest.mark.parametrize("lang", ["it", *(pytest.param(lang, marks=pytest.mark.slow) for lang in ("fr", "de", "es"))])
def test_a_briefing_pdf_says_everything_in_its_language(store, no_browser, lang):
    from dashboard.export import pdf

    for data in (pdf.briefing(store, "ITC4", lang), pdf.pack(store, ["ITC4", "AT13", "DE11"], lang)):
        lines = [line for page in PdfReader(io.BytesIO(data)).pages for line in page.extract_text().splitlines()]
        problems = _problems(lines, lang)
        assert not problems, problems[:8]


# --- the command line -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["es", *(pytest.param(lang, marks=pytest.mark.slow) for lang in ("fr", "de", "it"))])
def test_the_indicators_list_says_its_text_in_the_language(store_env, capsys, lang):
    from indicators.__main__ import main

    assert main(["list", "--lang", lang]) == 0
    lines = capsys.readouterr().out.splitlines()
    shown = [line.split(None, 1)[1] for line in lines]  # the first column is the id a command takes
    assert len(lines) > 20 and not _problems(shown, lang), _problems(shown, lang)[:8]


def test_a_profile_summary_from_the_cli_is_in_the_language(store_env, capsys):
    from indicators.__main__ import main

    assert main(["profile", "ITC4", "--lang", "it", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert summary.startswith("Lombardia (ITC4), Italia, è una regione NUTS 2.") and not _problems([summary], "it")
