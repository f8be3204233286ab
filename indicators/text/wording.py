"""Sentences built by the analytics, kept translatable: an English template with named fields.

Code below the pages (benchmarks, peers, ranking, plausibility) explains its results in words: "mean of 27
countries weighted by population", "not ranked: fewer than 2 of 3 indicators". It returns a ``Phrase``
instead of a finished string; ``str(phrase)`` is the English sentence (CSV files, logs, tests), and the
pages say it in the reader's language with ``dashboard.i18n.say``, whose catalogues are keyed by the template.
tests/test_translations.py finds every ``phrase("…")`` literal in indicators/ and requires its translations,
so a template must be a literal string, with values passed as fields.

A field may itself be a ``Phrase`` (translated too), a ``Number`` (written the reader's way: 3,6 in French and
German), a ``Country`` (named in the reader's language), or any other value (a region's name), shown as it is.

The languages, the catalogues, the number formatter and the country names live here, once, for every layer:
pages (through dashboard.i18n), exports and CLIs all say a phrase with ``said``, write a number with ``number``
(Babel, CLDR rules) and a country with ``country_name``. The catalogues are the app's
(``indicators/text/locales/{fr,de,it,es}.json``: English text -> translation); this layer only reads them.
"""

from __future__ import annotations

import json
import re
import string
from dataclasses import dataclass, replace
from pathlib import Path

from babel import Locale
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol

from loaders.memo import Memo

# the one list of languages the atlas speaks (code -> its own name, as the language picker shows it)
LANGUAGES = {"en": "English", "fr": "Français", "de": "Deutsch", "it": "Italiano", "es": "Español"}
LOCALES = Path(__file__).resolve().with_name("locales")  # one catalogue per language, beside the phrases
KOSOVO_NOTE = ("*This designation is without prejudice to positions on status, and is in line with UNSCR 1244/1999 "
               "and the ICJ Opinion on the Kosovo declaration of independence.")


@dataclass(frozen=True)
class Phrase:
    template: str
    fields: tuple[tuple[str, object], ...] = ()
    sentence: bool = False  # begins a sentence: its first letter is written as a capital in every language

    def __str__(self) -> str:
        return self.render(lambda template: template)

    def render(self, translate, lang: str | None = None) -> str:
        """The sentence with ``translate(template)`` for this phrase and every phrase among its fields; numbers
        and countries written the ``lang`` way (None: the plain English of the CSV files, '1234.5')."""
        values = {name: _field(value, translate, lang) for name, value in self.fields}
        text = translate(self.template).format(**values) if values else translate(self.template)
        return text[:1].upper() + text[1:] if self.sentence else text

    # No ``+``: joining a phrase to a string made English text in the middle of a translated page (Italy's map
    # hover did). Join the said text (``i18n.say``), or ``str(phrase)`` where English is meant (CSV files).
    def __add__(self, other):
        raise TypeError(f"a Phrase is not a string: say it in a language, or str() it for English ({self.template!r})")

    __radd__ = __add__


@dataclass(frozen=True)
class Number:
    """A number inside a phrase, with its decimals: ``str`` is the plain English form (no grouping)."""

    value: float
    decimals: int

    def __str__(self) -> str:
        return f"{self.value:.{self.decimals}f}"


@dataclass(frozen=True)
class Country:
    """A country inside a phrase, by its code: ``str`` is its English name; a page names it in its language."""

    code: str

    def __str__(self) -> str:
        return country_name(self.code, "en")


def _field(value, translate, lang):
    if isinstance(value, Phrase):
        return value.render(translate, lang)
    if isinstance(value, Number) and lang is not None:
        return number(value.value, value.decimals, lang)
    if isinstance(value, Country):
        return country_name(value.code, lang or "en")
    return value


# Italian's articles before a number spoken with a vowel (uno, otto, ottanta, ottocento…, undici): "l'8,6 %", "l'1,3 %",
# "degli 8 412"
_ELIDED = {"il": "l'", "dei": "degli", "del": "dell'", "al": "all'", "dal": "dall'", "nel": "nell'", "sul": "sull'"}
_BEFORE_VOWEL = re.compile(r"\b(il|dei|del|al|dal|nel|sul) (?=8|11(?!\d)|1(?![\d.]))")  # 1.100: millecento


def elide(text: str, lang: str) -> str:
    """``text`` with Italian's elided articles where a template's "il {share} %" met a number said with a vowel."""
    if lang != "it":
        return text
    return _BEFORE_VOWEL.sub(lambda m: _ELIDED[m[1]] + ("" if _ELIDED[m[1]].endswith("'") else " "), text)


def phrase(template: str, **fields) -> Phrase:
    """A translatable sentence: ``template`` must be a literal (the catalogue test reads it from the source)."""
    missing = {name for _, name, _, _ in string.Formatter().parse(template) if name} - set(fields)
    if missing:
        raise KeyError(f"phrase {template!r} needs the field(s) {sorted(missing)}")
    return Phrase(template, tuple(sorted(fields.items())))


def sentence(said: Phrase) -> Phrase:
    """The phrase as the start of a sentence: 'the population' -> 'The population' / 'La population'."""
    return replace(said, sentence=True)



def number(value: float | None, decimals: int, lang: str = "en", trim: bool = False, signed: bool = False) -> str:
    """12345.6 as '12,345.6' (en), '12 345,6' (fr, narrow no-break space), '12.345,6' (de, it, es);
    '–' for none; ``trim``: without padding zeros ('5', '12,5'); ``signed``: a change, '+2,3' or '-2,3'. Never
    '-0,0': a value that rounds to zero has no sign. The one number formatter of the atlas (Babel)."""
    if value is None or value != value:
        return "–"
    pattern = "#,##0" + ("." + ("#" if trim else "0") * decimals if decimals > 0 else "")
    text = format_decimal(value, format=pattern, locale=lang if lang in LANGUAGES else "en")
    if not any(digit in text for digit in "123456789"):
        return text.lstrip("-\u2212")  # -0.04 rounds to zero: a reader reads '-0,0' as a fall
    return "+" + text if signed and value > 0 else text


def counted(count: int, one: str, other: str, lang: str) -> str:
    """``one`` where ``lang`` says ``count`` as one thing (CLDR: 1 in English, 0 and 1 in French), else ``other``:
    a count-aware text's template, instead of slash plurals ('1 valore/i', '15 región(es)')."""
    form = Locale.parse(lang if lang in LANGUAGES else "en").plural_form(abs(count))
    return one if form == "one" else other


def marks(lang: str) -> tuple[str, str]:
    """The decimal and group marks ``number`` writes in ``lang`` (CLDR): for charts that format numbers
    themselves (plotly's ``separators``) and for loops over thousands of cells."""
    locale = lang if lang in LANGUAGES else "en"
    return get_decimal_symbol(locale), get_group_symbol(locale)


# Eurostat's codes that are not ISO 3166 codes
_ISO = {"EL": "GR", "UK": "GB"}


_READ = Memo(16)  # the catalogues and CLDR's territory names, read once per language (the one bounded memo)


def country_name(code: str, lang: str = "en") -> str:
    """A country's name in ``lang`` from CLDR (Babel): 'DE' -> 'Allemagne' (fr); Kosovo as the EU writes it,
    'Kosovo*' (show ``KOSOVO_NOTE`` with it). A code CLDR does not know stays as it is."""
    if code == "XK":
        return "Kosovo*"
    lang = lang if lang in LANGUAGES else "en"
    names = _READ.cached(("territories", lang), lambda: dict(Locale.parse(lang).territories))
    return names.get(_ISO.get(code, code), code)


def catalogue(lang: str) -> dict[str, str]:
    """English text -> ``lang`` text (empty for English or an unknown language)."""
    path = LOCALES / f"{lang}.json"
    if lang == "en" or lang not in LANGUAGES or not path.is_file():
        return {}
    return _READ.cached(("catalogue", lang), lambda: json.loads(path.read_text(encoding="utf-8")))


def _credits(values: tuple, lang: str) -> str:
    """Registry credit lines said together: one "Source: …", or "Sources: A; B" when they differ."""
    distinct = list(dict.fromkeys(values))
    words = catalogue(lang)
    template = words.get("{first}; {rest}", "{first}; {rest}")  # the language's "; " (French " ; ")

    def joined(items: list[str]) -> str:
        return items[0] if len(items) == 1 else template.format(first=items[0], rest=joined(items[1:]))

    if len(distinct) == 1 or not all(v.startswith("Source: ") for v in distinct):
        return joined([said(v, lang) for v in distinct])
    named = joined([v.removeprefix("Source: ") for v in distinct])
    return words.get("Sources: {credits}", "Sources: {credits}").format(credits=named)


def said(value, lang: str) -> str:
    """A ``Phrase``, or a registry text (a credit line too: "Source: …" says "Source" in ``lang``, the source's
    name and dataset codes as published), or a tuple of credit lines (said as one), in ``lang``; any other value
    as it is."""
    if isinstance(value, tuple):
        return _credits(value, lang)
    words = catalogue(lang)
    if isinstance(value, Phrase):
        return elide(value.render(lambda template: words.get(template, template), lang), lang)
    if not isinstance(value, str):
        return str(value)
    if value.startswith("Source: "):
        return words.get("Source: {credit}", "Source: {credit}").format(credit=value.removeprefix("Source: "))
    return words.get(value, value)
