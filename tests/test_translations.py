"""The translation layer: every text a page shows through ``tr`` has its French, German, Italian and Spanish
entry with the same fields, and the pages in another language show none of the English texts."""

from __future__ import annotations

import ast
import json
import re
import string
from pathlib import Path

import pytest

from dashboard import i18n

DASHBOARD = Path(i18n.__file__).resolve().parent
TRANSLATED = ("fr", "de", "it", "es")


INDICATORS = DASHBOARD.parent / "indicators"


def _tr_literals() -> dict[str, list[str]]:
    """English text -> where it is used: every ``tr(...)`` call in dashboard/, every ``phrase(...)`` in
    indicators/ (sentences the analytics build), and the registries' words (``i18n.registry_texts``)."""
    # how say() writes credit lines: one, and several together
    found: dict[str, list[str]] = {"Source: {credit}": ["i18n.say"], "Sources: {credits}": ["i18n.say"]}
    for text in i18n.registry_texts():
        found.setdefault(text, []).append("registry")
    calls = [(path, "tr") for path in DASHBOARD.rglob("*.py") if path.name != "i18n.py"]
    calls += [(path, "phrase") for path in INDICATORS.rglob("*.py") if path.name != "wording.py"]
    for path, function in calls:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(node.func, "id", getattr(node.func, "attr", None)) if isinstance(node, ast.Call) else None
            # tr_count(count, one, other, lang): its two templates
            for first in (node.args[1:3] if name == "tr_count" and function == "tr" else ()):
                found.setdefault(first.value, []).append(f"{path.relative_to(DASHBOARD.parent)}:{node.lineno}")
            if name == function:
                first = node.args[0] if node.args else None
                where = f"{path.relative_to(DASHBOARD.parent)}:{node.lineno}"
                assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                    f"{where}: {function}() needs a literal string (fill values in with fields), or the test "
                    "cannot see it")
                # tr(text, lang, **fields): a field named like a parameter fails only when the line runs
                assert not _fields(first.value) & {"text", "lang"}, f"{where}: rename the field (text, lang are tr's)"
                found.setdefault(first.value, []).append(where)
    return found


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_shown_text_has_its_translation_with_the_same_fields(lang):
    catalogue = json.loads((i18n.LOCALES / f"{lang}.json").read_text(encoding="utf-8"))
    missing = {text: where[:2] for text, where in _tr_literals().items() if not catalogue.get(text)}
    assert not missing, f"{len(missing)} texts without a {lang} entry, e.g. {list(missing.items())[:5]}"
    changed = [text for text in _tr_literals() if _fields(catalogue[text]) != _fields(text)]
    assert not changed, f"{lang} entries whose {{fields}} differ from the English: {changed[:5]}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_catalogue_entry_is_left_over(lang):
    """An entry no page uses any more is dead weight that hides what is really translated."""
    catalogue = json.loads((i18n.LOCALES / f"{lang}.json").read_text(encoding="utf-8"))
    unused = set(catalogue) - set(_tr_literals())
    assert not unused, sorted(unused)[:10]


def test_a_missing_translation_shows_the_english_and_fields_are_filled():
    assert i18n.tr("Map", "xx") == "Map"
    assert i18n.tr("Map", "fr") == "Carte" and i18n.say("Map", "it") == "Mappa" and i18n.say("Map", "es") == "Mapa"


def test_numbers_follow_the_language():
    assert i18n.number(12345.67, 1, "en") == "12,345.7"
    assert i18n.number(12345.67, 1, "fr") == "12\u202f345,7"
    assert i18n.number(12345.67, 1, "de") == "12.345,7"
    assert i18n.number(3.6, 1, "it") == "3,6"
    assert i18n.number(12345.67, 1, "es") == "12.345,7"


# --- the pages in another language show none of the English texts (issue 15 item 7) ------------------------------

# page -> the link it is opened with: every section that has a translated text is drawn
_OPENED = {"data_gaps": {"geo": "ITC4"}, "sources": {}, "status": {},
           "compare": {"geos": "ITC4,AT13,DE11", "indicator": "foreign_born_share"}, "region": {"geo": "ITC4"},
           # NUTS 3 in Belgium: the territorial types, the indicators found only elsewhere, regions not ranked
           "most_affected": {"level": "3", "preset": "arrival_pressure", "countries": "BE", "geo": "BE100"}}
_CASES = [(page, lang) for page in _OPENED for lang in ("fr", "de")] + [
    (page, lang) for page in ("region", "most_affected") for lang in ("it", "es")]
# what a page shows as text: headings, text, notes, and the labels of widgets, buttons, expanders and links
_TEXT_KINDS = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success")
_LABELLED_KINDS = ("button", "download_button", "checkbox", "toggle", "radio", "selectbox", "multiselect",
                   "select_slider", "slider", "text_input", "number_input", "expander", "page_link", "metric")


def _english_patterns(lang: str) -> list[tuple[str, re.Pattern]]:
    """One pattern per English catalogue text whose ``lang`` text differs. Short texts (one or two words, which
    data such as an indicator's registered label may contain) count only as a whole text; longer ones anywhere
    in a text; ``{fields}`` match any value."""
    patterns = []
    for english, translated in i18n.catalogue(lang).items():
        literal = re.sub(r"\{\w+\}", "", english).strip()
        if translated == english or len(literal) < 4:
            continue
        regex = ".+?".join(re.escape(part) for part in re.split(r"\{\w+\}", english))
        whole = len(literal.split()) < 3
        patterns.append((english, re.compile(f"^{regex}$" if whole else regex)))
    return patterns


def _shown_texts(at) -> list[str]:
    texts = [element.value for kind in _TEXT_KINDS for element in getattr(at, kind)]
    for kind in _LABELLED_KINDS:
        for element in getattr(at, kind):
            proto = getattr(element, "proto", None)
            texts += [getattr(element, "label", ""), getattr(proto, "placeholder", "") if proto else ""]
    texts += [option for radio in at.radio for option in radio.options]
    texts = [text.replace("\\", "") for text in texts if isinstance(text, str)]  # plain() escapes with backslashes
    # each line too: a card's caption joins several, and a short text counts only as a whole line
    return [line.strip() for text in texts for line in dict.fromkeys([text, *text.splitlines()]) if line.strip()]


@pytest.mark.slow  # 12 page runs in AppTest, about a minute on the 2-core machine
@pytest.mark.parametrize("page,lang", _CASES)
def test_a_page_in_another_language_shows_no_english_text(store_env, page, lang):
    from streamlit.testing.v1 import AppTest

    from dashboard.pages import PAGES, ROUTER

    at = AppTest.from_file(str(ROUTER), default_timeout=120)
    for key, value in {**_OPENED[page], "lang": lang}.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(next(p.script for p in PAGES if p.key == page)).run()
    assert not at.exception, [e.message for e in at.exception]
    texts = _shown_texts(at)
    assert len(texts) > 10, texts  # the page drew (an empty page would pass anything)
    english = [(english, text[:80]) for text in texts for english, pattern in _english_patterns(lang)
               if pattern.search(text)]
    assert not english, f"{page} in {lang} shows English: {english[:8]}"


# --- the registries' words: one entry each in the catalogues, picked up once where a page takes an indicator -----

def test_localised_gives_an_indicators_words_from_the_catalogues_and_english_unchanged():
    from indicators.registry import REGISTRY

    ind = REGISTRY["foreign_born_share"]
    assert i18n.localised(ind, "en") is ind  # English pages and files are exactly as before
    for lang in ("fr", "de"):
        words = i18n.localised(ind, lang)
        assert (words.short_label, words.label, words.unit) == tuple(
            i18n.catalogue(lang)[text] for text in (ind.short_label, ind.label, ind.unit))
        assert words.caveats == tuple(i18n.catalogue(lang)[c] for c in ind.caveats)
        assert (words.id, words.credit, words.decimals, words.filter) == (ind.id, ind.credit, ind.decimals, ind.filter)
    assert i18n.localised(ind, "fr").short_label == "Nés à l'étranger"
    assert i18n.localised(ind, "de").short_label == "Im Ausland geboren"


def test_the_map_page_in_german_names_its_indicator_in_german(store_env):
    from streamlit.testing.v1 import AppTest

    from dashboard.pages import ROUTER
    from dashboard.text import plain
    from indicators.registry import REGISTRY
    from tests.page_figures import map_figure

    words = i18n.localised(REGISTRY["foreign_born_share"], "de")
    at = AppTest.from_file(str(ROUTER), default_timeout=120)
    for key, value in {"indicator": "foreign_born_share", "level": "2", "lang": "de"}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.title[0].value == plain(words.short_label) == "Im Ausland geboren"
    assert any(m.value == plain(words.label) for m in at.markdown)
    assert any(c.value == plain(words.description) for c in at.caption)
    title = map_figure(at)["layout"]["title"]["text"]
    said = " ".join(re.sub(r"<[^>]+>", " ", title).split())  # the subtitle is wrapped in lines for phones
    assert title.startswith(words.short_label + "<br>") and words.label in said and "% der Bevölkerung" in title


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_text_hedges_its_plural_with_a_slash_or_brackets(lang):
    """'1 valore/i segnalato/i', '15 región(es)', 'région(s)': a count picks its form (i18n.tr_count)."""
    catalogue = json.loads((i18n.LOCALES / f"{lang}.json").read_text(encoding="utf-8"))
    hedged = re.compile(r"\w\((s|es|e|en|n|i)\)|\w/(i|e|es|s)\b")
    found = [text for pair in catalogue.items() for text in pair if hedged.search(text)]
    assert not found, found[:5]
