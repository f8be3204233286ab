"""The town page and the town briefing in French, German, Italian and Spanish: no English catalogue text left on
screen (a Spanish town with INE figures, an Urban Audit city, a town that is neither), and the briefing's headings
and numbers in Italian and Spanish."""

from __future__ import annotations

import io
import re

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import i18n
from dashboard.pages import ROUTER

TOWNS = {"ES_28079": "Madrid (INE figures and its greater city)", "DE_09162000": "München (Urban Audit city)",
         "AT_32135": "Tulln an der Donau (neither: the nearest cities)"}


@pytest.fixture(autouse=True)
def _fresh_caches(store_env):
    from dashboard import cached

    cached.forget()
    yield


def _town(lau: str, lang: str) -> AppTest:
    at = AppTest.from_file(str(ROUTER), default_timeout=180)
    at.query_params["lau"] = lau
    at.query_params["lang"] = lang
    at.switch_page("views/town.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _visible_texts(at) -> list[str]:
    """Titles, headers, captions, markdown, alerts, and the labels of widgets, buttons, links and expanders."""
    texts = []

    def walk(node):
        proto = getattr(node, "proto", None)
        for field in ("body", "label", "placeholder", "help"):
            value = getattr(proto, field, None) if proto is not None else None
            if isinstance(value, str) and value:
                texts.append(value)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return [t.replace("\\", "") for t in texts]  # Markdown escapes as a reader sees them


def _pattern(english: str) -> re.Pattern:
    """The English catalogue text as a pattern: its ``{fields}`` match anything, whole words only."""
    parts = re.split(r"\{[^}]*\}", english)
    body = ".*?".join(re.escape(p) for p in parts)
    return re.compile(("\\b" if english[0].isalnum() else "") + body + ("\\b" if english[-1].isalnum() else ""))


def _english_left(texts: list[str], lang: str, names: set[str]) -> list[tuple[str, str]]:
    """(English catalogue text, where) for every text whose translation differs and that shows in English."""
    catalogue = i18n.catalogue(lang)
    cleaned = []
    for text in texts:
        for name in names:  # names stay as published: 'Urban Audit' in a city's name is no English left over
            text = text.replace(name, "")
        # credit lines stay as each source words them ("Source: Eurostat (…)", "Fuente: INE", "Fonte: …")
        text = re.sub(r"\b(Source|Fuente|Fonte): [^.·\n]*", "", text)
        cleaned.append(text)
    found = []
    for english, translated in catalogue.items():
        literal = re.sub(r"\{[^}]*\}", "", english).strip()
        # a lone short word ('date', 'note') is often a word of the other language too ('le date di riferimento')
        if len(literal) < 4 or (" " not in literal and len(literal) < 6) or translated == english:
            continue
        pattern = _pattern(english)
        found += [(english, text[:80]) for text in cleaned if pattern.search(text) and translated not in text]
    return found


@pytest.mark.slow
@pytest.mark.parametrize("lau", TOWNS)
@pytest.mark.parametrize("lang", ["fr", "de", "it", "es"])
def test_the_town_page_shows_no_english_catalogue_text(store, lau, lang):
    from indicators.places import local, town_official

    at = _town(lau, lang)
    town = local.municipality(store, lau)
    official = town_official.town_official(store, lau)
    names = {str(town["name"]), str(town["name_latin"]), str(town["nuts_3_name"]), *map(str, official["name"])}
    # the frame's footer (dashboard/frame.py, translated by the frame's own task) is not the town page's text
    texts = [t for t in _visible_texts(at) if i18n.tr("Data as of", lang) not in t]
    assert any(i18n.tr("Key figures: the town beside its region, country and the EU", lang) in t for t in texts)
    left = _english_left(texts, lang, names)
    assert not left, f"{TOWNS[lau]} in {lang}: English left on screen: {left[:6]}"


def test_the_town_page_words_its_sections_and_numbers_in_spanish(store_env):
    at = _town("ES_28079", "es")
    headers = [h.value for h in at.header]
    # the answer first (issue 23): the key figures, then the official ones
    assert headers[:3] == ["Cifras clave: el municipio junto a su región, su país y la UE",
                           "Cifras oficiales: INE, padrón municipal",
                           "Ciudad del Urban Audit: residentes nacidos en el extranjero"]
    ine = next(d.value for d in at.dataframe if "lugar de nacimiento" in d.value.columns)
    assert ine.iloc[0].tolist()[:2] == ["Nacidos en el extranjero", "28,0"]  # 958 437 of 3 422 416 (INE, 2024)
    assert at.selectbox[0].label == "Medida en el mapa" and at.title[0].value == "Madrid"


def _briefing(store, gisco_id: str, lang: str) -> str:
    from pypdf import PdfReader

    from dashboard.export.town_pdf import town_briefing

    reader = PdfReader(io.BytesIO(town_briefing(store, gisco_id, lang)))
    assert len(reader.pages) == 1 and len(reader.pages[0].images) == 1
    return reader.pages[0].extract_text()


@pytest.mark.slow  # a briefing with kaleido images
def test_italian_briefing_of_a_spanish_town_has_italian_headings_and_numbers(store):
    text = _briefing(store, "ES_28079", "it")
    assert "Scheda comunale" in text and "Town briefing" not in text
    # the page's order (issue 23): the answer and the grid, then the official figures
    assert text.index("Intorno al comune: la griglia di 1 km") < text.index("Dati ufficiali: INE")
    assert "Nati all'estero 23,4 24,1 26,2 28,0" in text  # Italian decimal comma
    assert "3.422.416 residenti iscritti al 1° gennaio 2024" in text  # Italian thousands
    assert "Da leggere con cautela" in text and "Read with care" not in text
    assert "% dei residenti" in text and "% of residents" not in text
    assert "Fuente: INE (tabla 68538)" in text  # credits stay as their source words them


@pytest.mark.slow  # a briefing with kaleido images
def test_spanish_briefing_of_a_town_that_is_no_city_lists_the_nearest_cities(store):
    text = _briefing(store, "AT_32135", "es")
    assert "Ficha municipal" in text and "Ciudades del Urban Audit más cercanas" in text
    assert "Bratislava" in text and "80,7" in text  # Spanish decimal comma
    assert "16.230" in text  # the LAU 2020 population, Spanish thousands
    assert "Leer con cautela" in text and "Alrededor del municipio" in text and "página 1" in text
    assert "Nearest Urban Audit cities" not in text and "Read with care" not in text


def test_the_region_pages_1_km_section_speaks_the_language_it_is_given(store):
    """They take the page's language (region.py is to pass ``lang=view.lang``); here they are called directly."""
    from dashboard.maps.region_grid_map import region_grid_map
    from dashboard.screens.region_grid import _figure_line

    line = _figure_line(store, "AT", "it")
    assert line.startswith("Dato nazionale della griglia: ") and "nati all'estero" in line
    assert "20,4\u00a0% nati" in line  # Italian decimal comma, a no-break space before %
    assert _figure_line(store, "FR106", "es").startswith("Cifra regional de la cuadrícula: no calculada")
    fig, _ = region_grid_map(store, "AT126", "Tulln", lang="es")
    assert fig.layout.title.text.startswith("Nacidos en el extranjero (% de los residentes) · Tulln")
    legend = [t.name for t in fig.data if t.type == "scatter" and t.showlegend]
    assert "confidencial / no publicado" in legend and "withheld / not published" not in legend


@pytest.mark.parametrize("lau", ["IT_016024", "AT_32135", "ES_41091"])  # Bergamo, Tulln an der Donau, Sevilla
@pytest.mark.parametrize("lang", ["fr", "it", "es"])
def test_the_answer_never_puts_a_bare_place_name_where_its_language_wants_an_article(store, lau, lang):
    """'più di Lombardia', 'plus que Autriche': region and country names take articles in these languages, which a
    template cannot know, so the comparison names the kind of area and puts the name in brackets."""
    from indicators.places import local, town_answer

    said = i18n.say(town_answer.answer(store, lau, 5, lang), lang)
    names = [area["name"] for area in town_answer.areas(store, local.municipality(store, lau), lang)]
    bare = [f"{word} {name}" for word in ("di", "que", "quanto") for name in names if isinstance(name, str)]
    compared = said.partition(" — ")[2]  # the town's own name ('centro di Bergamo') takes no article
    assert compared and not [b for b in bare if b in compared], said
    assert re.search(r"\((NUTS [23] )?[^()]+, [\d.,]+ %\)", said), said


@pytest.mark.parametrize(("english_of_the_template", "italian"), [
    ("il 8,6 % dei 8.412 residenti", "l'8,6 % degli 8.412 residenti"),
    ("il 11,2 % dei 11.000", "l'11,2 % degli 11.000"),
    ("il 80 % del 18 %", "l'80 % del 18 %"),
    ("il 110 % dei 1.100 al 8 %", "il 110 % dei 1.100 all'8 %"),
    ("il 1,3 % del 1 %", "l'1,3 % dell'1 %"),
])
def test_italian_numbers_said_with_a_vowel_take_the_elided_article(english_of_the_template, italian):
    """'il 8,6 %' reads 'il otto virgola sei': Italian writes l'8,6 %, degli 8.412 (otto, undici, ottanta…)."""
    from indicators.text.wording import elide

    assert elide(english_of_the_template, "it") == italian
    assert elide(english_of_the_template, "fr") == english_of_the_template
