"""The one translation layer of the pages: short labels by key (``t``), any other shown sentence by its English
text (``tr``, gettext's way: the English is the key, so a page reads as English and a missing translation is
found by a test), and numbers in the reader's language (``number``, CLDR rules through Babel).

Text from below the pages goes through the same catalogues: the registry's words (an indicator's label,
unit, description and caveats: ``localised``, ``data_text``), the sentences the analytics build
(``indicators.wording.Phrase``: ``say``) and the words of the PDF exports (``dashboard.export.pdf_text``).

Catalogues: ``dashboard/locales/{fr,de,it,es}.json``, English text -> translation, ``{fields}`` kept.
tests/test_translations.py fails when a ``tr("…")`` or ``phrase("…")`` literal, a registry text or a PDF
text has no entry in a catalogue, or an entry loses a field. Summaries are translated in indicators.summary.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from babel.numbers import format_decimal

from indicators.wording import Phrase

LANGUAGES = {"en": "English", "fr": "Français", "de": "Deutsch", "it": "Italiano", "es": "Español"}
LOCALES = Path(__file__).resolve().with_name("locales")

# the sidebar's and headings' labels by key; their translations are in the catalogues like every other text
_LABELS = {
    "map": "Map",
    "region": "Region profile",
    "compare": "Compare",
    "most_affected": "Most affected",
    "data_gaps": "Data gaps",
    "sources": "Sources and methods",
    "status": "Data status",
    "indicator": "Indicator",
    "level": "NUTS level",
    "year": "Year",
    "language": "Language",
    "classes": "Class breaks",
    "no_data": "No data",
    "not_covered": "Not covered",
    "data_as_of": "Data as of",
    "sources_on_screen": "Sources",
    "find_region": "Find a region by name or code",
    "flagged": "Flagged values",
    "table": "The values on the map",
    "summary": "In short",
    "trends": "Trends",
    "peers": "Similar regions",
    "origins": "Top countries of birth (Census 2021)",
    "missing": "What is missing for this region",
    "headline": "Headline figures",
    "weights": "Weights",
    "countries": "Countries",
    "typology": "Territorial type (NUTS 3)",
    "ranked": "Ranked regions",
    "regions": "Regions (up to 12)",
    "peers_of": "…or the peers of",
    "town": "Town (1 km grid)",
    "x_axis": "Horizontal axis",
    "y_axis": "Vertical axis",
    "download_data": "Download the full tidy data (CSV)",
    "credit": "Source: {credit}",  # with a field: used by credit(), not t()
}


def t(key: str, lang: str) -> str:
    """The label ``key`` in ``lang`` (English when the language is unknown)."""
    return tr(_LABELS[key], lang)


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    """English text -> ``lang`` text (empty for English or an unknown language)."""
    path = LOCALES / f"{lang}.json"
    return json.loads(path.read_text(encoding="utf-8")) if lang != "en" and path.is_file() else {}


def tr(text: str, lang: str, **fields) -> str:
    """``text`` in ``lang`` with ``fields`` filled in. The English is shown where a translation is missing
    (the catalogue test keeps that from shipping). Always call with a literal, so the test can find it."""
    translated = catalogue(lang).get(text, text)
    return translated.format(**fields) if fields else translated


def say(value, lang: str) -> str:
    """A ``Phrase`` from the analytics, or a registry text, in ``lang``; any other value as it is."""
    if isinstance(value, Phrase):
        # English keeps the numbers as the CSV files write them; other languages write them their way
        numbers = None if lang == "en" else (lambda amount, decimals: number(amount, decimals, lang))
        return value.render(lambda template: catalogue(lang).get(template, template), numbers)
    return data_text(value, lang) if isinstance(value, str) else str(value)


def credit(text: str, lang: str) -> str:
    """A credit line ("Source: Eurostat (demo_r_gind3)") as a page, figure or image in ``lang`` shows it: the
    word "Source" in the reader's language, the source's name and dataset codes as published. Data files keep
    the English line."""
    if not text.startswith("Source: "):
        return text
    return tr(_LABELS["credit"], lang, credit=text.removeprefix("Source: "))


def data_text(text: str, lang: str) -> str:
    """A text that comes from the registries or the PDF's table (not a literal of the pages) in ``lang``,
    English when missing. Which texts must have an entry is listed by ``registry_texts`` and
    ``dashboard.export.pdf_text.texts``."""
    return catalogue(lang).get(text, text)


# an indicator's fields that readers see as words; the rest (ids, codes, credit lines) stay as they are
LOCALISED_FIELDS = ("label", "short_label", "unit", "short_unit", "description")


def localised(indicator, lang: str):
    """A copy of a registry entry (of any geography) with its words in ``lang``: pages, figures and files that
    show ``.label`` or ``.description`` then speak the language."""
    if lang == "en" or not catalogue(lang):
        return indicator
    words = {name: data_text(getattr(indicator, name), lang) for name in LOCALISED_FIELDS}
    caveats = tuple(data_text(caveat, lang) for caveat in getattr(indicator, "caveats", ()))
    return replace(indicator, **words, caveats=caveats)


def registry_texts() -> set[str]:
    """Every registry text a page can show: what the catalogues must translate besides the literals."""
    from indicators.registry import THEMES, every

    texts = set(THEMES.values())
    for entry in every():
        texts.update(getattr(entry, name) for name in LOCALISED_FIELDS)
        texts.update(getattr(entry, "caveats", ()))
    return {text for text in texts if text and text.strip()}


def number(value: float, decimals: int, lang: str) -> str:
    """12345.6 as '12,345.6' (en), '12 345,6' (fr, narrow no-break space), '12.345,6' (de, it, es)."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=lang if lang in LANGUAGES else "en")
