"""The translation layer: every text a page shows through ``tr`` has its French, German, Italian and Spanish
entry with the same fields, and the pages in another language show none of the English texts."""

from __future__ import annotations

import ast
import json
import string
from pathlib import Path

import pytest

from dashboard import i18n

DASHBOARD = Path(i18n.__file__).resolve().parent
TRANSLATED = ("fr", "de", "it", "es")


def _tr_literals() -> dict[str, list[str]]:
    """English text -> where it is used, for every ``tr(...)`` call in dashboard/ (and the ``t`` labels)."""
    found: dict[str, list[str]] = {text: ["i18n._LABELS"] for text in i18n._LABELS.values()}
    for path in DASHBOARD.rglob("*.py"):
        if path.name == "i18n.py":  # t() passes its labels through tr(); they are listed above
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "tr":
                first = node.args[0] if node.args else None
                where = f"{path.relative_to(DASHBOARD)}:{node.lineno}"
                assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                    f"{where}: tr() needs a literal string (fill values in with fields), or the test cannot see it")
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
    assert i18n.t("map", "fr") == "Carte" and i18n.t("map", "it") == "Mappa" and i18n.t("map", "es") == "Mapa"


def test_numbers_follow_the_language():
    assert i18n.number(12345.67, 1, "en") == "12,345.7"
    assert i18n.number(12345.67, 1, "fr") == "12\u202f345,7"
    assert i18n.number(12345.67, 1, "de") == "12.345,7"
    assert i18n.number(3.6, 1, "it") == "3,6"
    assert i18n.number(12345.67, 1, "es") == "12.345,7"
