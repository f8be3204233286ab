"""The one translation layer: every text a reader sees is said here, once, at the edge, in the reader's language.

Five verbs, no others:
- ``tr("English …", lang, **fields)``: a literal of the pages (gettext's way: the English is the key, so a page
  reads as English and a missing translation is found by a test). Always a literal, so the test can read it.
  ``tr_count(n, "{count} source …", "{count} sources …", lang)`` is its form for a text that agrees with a count.
- ``say(value, lang)``: anything from below the pages: a ``Phrase`` the analytics built
  (``indicators.text.wording.phrase``), a registry text (an indicator's label, a page's title), a credit line.
- ``localised(indicator, lang)``: a registry entry with its words in ``lang`` (label, unit, description, caveats).
- ``number(value, decimals, lang)``: a number the language's way (Babel, CLDR; ``indicators.text.wording.number``).
- ``country(code, lang)``: a country's name in the language (CLDR; "Kosovo*" as the EU writes it).

Catalogues: ``indicators/text/locales/{fr,de,it,es}.json``, English text -> translation, ``{fields}`` kept.
tests/test_translations.py fails when a ``tr("…")`` or ``phrase("…")`` literal or a registry text has no entry in
a catalogue, when an entry loses a field, and when an entry is no longer used.
"""

from __future__ import annotations

from dataclasses import replace

from geodata.attribution import boundaries
from indicators.text.wording import KOSOVO_NOTE, LANGUAGES, LOCALES, catalogue, counted, country_name, number, said

__all__ = ["LANGUAGES", "LOCALES", "KOSOVO_NOTE", "tr", "tr_count", "say", "localised", "number", "country", "language",
           "catalogue"]



def language(lang: str | None) -> str:
    """``lang`` when the atlas speaks it, else English: a link or a script asking for another language still gets
    a whole, readable text rather than an error."""
    return lang if lang in LANGUAGES else "en"


def tr(text: str, lang: str, **fields) -> str:
    """``text`` in ``lang`` with ``fields`` filled in. The English is shown where a translation is missing
    (the catalogue test keeps that from shipping). Always call with a literal, so the test can find it."""
    translated = catalogue(lang).get(text, text)
    return translated.format(**fields) if fields else translated


def tr_count(count: int, one: str, other: str, lang: str, **fields) -> str:
    """``tr`` for a text that agrees with ``count``: ``one`` or ``other`` as ``lang`` counts it
    (``indicators.text.wording.counted``), ``{count}`` written the language's way. Both always literals."""
    return tr(counted(count, one, other, language(lang)), lang, count=number(count, 0, lang), **fields)


say = said  # the analytics' phrases and the registries' texts: indicators.text.wording.said, the edge's one reader


def country(code: str, lang: str) -> str:
    """The country ``code`` names, in ``lang`` (CLDR); Kosovo as "Kosovo*" (``KOSOVO_NOTE`` says why)."""
    return country_name(code, language(lang))


# an indicator's fields that readers see as words; the rest (ids, codes, credit lines) stay as they are
LOCALISED_FIELDS = ("label", "short_label", "unit", "short_unit", "description")


def localised(indicator, lang: str):
    """A copy of a registry entry (of any geography) with its words in ``lang``: pages, figures and files that
    show ``.label`` or ``.description`` then speak the language."""
    if lang == "en" or not catalogue(lang):
        return indicator
    words = {name: say(getattr(indicator, name), lang) for name in LOCALISED_FIELDS}
    caveats = tuple(say(caveat, lang) for caveat in getattr(indicator, "caveats", ()))
    return replace(indicator, **words, caveats=caveats)


def registry_texts() -> set[str]:
    """Every text from a registry a page can show (indicators' words of every geography, themes, page titles, the
    boundary attribution, the Kosovo note): what the catalogues must translate besides the literals."""
    from dashboard.pages import PAGES
    from indicators.entries import every
    from indicators.registry import THEMES
    from loaders.manifest import BY_ID

    # the sources' licences too: embeds, files and pages print them beside the numbers
    texts = {*THEMES.values(), *(page.label for page in PAGES), boundaries(), KOSOVO_NOTE,
             *(source.licence for source in BY_ID.values())}
    for entry in every():
        texts.update(getattr(entry, name) for name in LOCALISED_FIELDS)
        texts.update(getattr(entry, "caveats", ()))
        texts.add(getattr(entry, "map_attribution", ""))
    return {text for text in texts if text and text.strip()}
