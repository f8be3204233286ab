"""Every word the region briefing and the roundtable pack print, and numbers written the way each language writes
them. The words are the app's: ``TEXT`` holds the English by key, and French, German, Italian and Spanish come
from the one translation layer (``dashboard.i18n``, catalogues ``dashboard/locales/*.json``), as do the
registry's words (indicator names, units, descriptions, caveats) and the flag legend
(``dashboard.flag_words``). tests/test_translations.py checks every English text here (``texts``) has its
entries."""

from __future__ import annotations

from dashboard import flag_words, i18n
from indicators.ranks import rank_label
from indicators.registry import REGISTRY

LANGUAGES = ("en", "fr", "de", "it", "es")
NARROW_NBSP, NBSP = "\u202f", "\u00a0"
# (decimal mark, thousands separator): French groups with a narrow no-break space; de, it and es with a point.
SEPARATORS = {"en": (".", ","), "fr": (",", NARROW_NBSP), "de": (",", "."), "it": (",", "."), "es": (",", ".")}

# key -> English, which is also the key of its translations in the catalogues: two keys whose words differ in
# another language need different English (hence "the whole EU" beside the column's "EU")
TEXT = {
    "briefing": "Region briefing",
    "pack": "Roundtable pack",
    "page": "page",
    "built": "data store built {date}",
    "generated": "generated {date}",
    "data_years": "Figures from {first}–{last}",
    "data_year": "Figures from {first}",
    "boundaries_version": "boundaries NUTS {version}",
    "locator": "{name} (dark) among the regions of {country} at the same level",
    "locator_country": "Locator map: {name}",
    "headline": "Headline figures",
    "col_figure": "Figure",
    "col_level": "Level",
    "col_value": "Value",
    "col_year": "Year",
    "col_rank_country": "Rank in country",
    "col_rank_eu": "Rank in EU",
    "col_country": "Country",
    "col_eu": "EU",
    "col_notes": "Notes",  # German abbreviates it ("Anm."): the column is narrow
    "badge_national": "national",
    "of": "of",
    "trends": "Trends: the region, its country and the EU",
    "trends_country": "Trends: the country and the EU",
    "eu_name": "EU27",
    "eu_missing": "EU not available",
    "country_missing": "{country} not available",
    "in_short": "In short",
    "sources": "Sources",
    # not plain "Notes", the column's heading: German cannot fit "Anmerkungen" in that column
    "notes": "Notes on the figures",
    "retrieved": "retrieved {date}",
    "licence": "licence",
    "map_boundaries": "locator map",
    "keys": "[n] source of the figure · a, b … note below · – no figure published or computable",
    "pack_regions": "{n} regions: ",
    "pack_vintage": "One data vintage throughout: the data store built {built} from source files retrieved up to "
                    "{retrieved}. Each figure states its own reference year.",
    "pack_comparison": "Comparison",
    "pack_side_by_side": "Main indicators side by side",
    "pack_region": "Region",
    "pack_no_data": "no data",
    "pack_no_year": "n/a",
    "pack_score": "Score (0-100)",
    "pack_rank": "Rank in EU",
    "pack_not_ranked": "not ranked",
    "pack_score_note": "Score and rank: the most-affected score “{ranking}” at each region's own NUTS level, among "
                       "the EU-27 regions of that level (100 and 1 = most affected). '{not_ranked}': too little data "
                       "(values for less than two thirds of the weight), or a level the score does not cover.",
    "pack_vintage_note": "† another vintage: more than {years} years older than the other regions' values.",
    "pack_table_note": "Latest year per region in brackets; values at the region's own level, converted to its "
                       "NUTS version where the source uses another one. '{no_data}' means the source has no "
                       "figure for that region.",
    # notes built from the figure itself (benchmarks, conversions, periods)
    "computed": "Country or EU value computed here from all regions of the figure's level ({weighting}); "
                "not published by the source.",
    "computed_countries": "EU value computed here from the 27 member states ({weighting}); not published by the "
                          "source.",
    # {whole} and {level} carry their article ("the whole EU", "the country"): other languages inflect it
    "partial": "{scope} computed from only {n} {units}{countries}: not {whole}.",
    "partial_countries": " in {k} of 27 countries",
    "scope_country": "Country value",
    "scope_eu": "EU value",
    "whole_country": "the whole country",
    "whole_eu": "the whole EU",
    "weighted": "weighted by {words}",
    "summed": "summed",
    "units_regions": "NUTS {level} regions",
    "units_countries": "member states",
    "converted": "Converted to NUTS {version} with the JRC matrix; not ranked among published values.",
    "other_period": "Ranked among values that mostly cover another period.",
    "from_parent": "Figure for {name} ({geo}), {level} the region belongs to.",
    "level_nuts": "the NUTS {level} region",
    "level_country": "the country",
    # the pack's appendix
    "appendix": "Sources and methods",
    "appendix_computed": "Country and EU values computed here from regional values, rather than published by the "
                         "source, carry a note saying so on each region page (see below for the method).",
}

# a benchmark's weights (indicators.benchmarks) -> the whole phrase, which is the catalogue key: the words alone
# translate only as this phrase needs them (German dative "der Bevölkerung", French "la population"), wrong for
# a bare "population" anywhere else
WEIGHT_WORDS = {
    "population": "weighted by population",
    "LFS population aged 15+": "weighted by LFS population aged 15+",
    "population; the labour force is not in the data": "weighted by population; the labour force is not in the data",
}
# licence lines whose wording is translated; other licences are printed as their holders word them
LICENCES = ("Eurostat: free re-use with acknowledgement (Commission Decision 2011/833/EU)",)


def texts() -> set[str]:
    """Every English text printed here through the catalogues: what they must translate besides the literals."""
    return {*TEXT.values(), *WEIGHT_WORDS.values(), *LICENCES}


def language(lang: str | None) -> str:
    """``lang`` when the briefing speaks it, else English: a link or a script asking for another language
    still gets a whole, readable page rather than an error."""
    return lang if lang in LANGUAGES else "en"


def _said(english: str, lang: str) -> str:
    # i18n.tr takes literals only (its test reads them from the code); these are listed by texts() instead
    return i18n.data_text(english, lang)


def t(key: str, lang: str, **values) -> str:
    """The string ``key`` in ``lang``, filled with ``values``."""
    return _said(TEXT[key], lang).format(**values)


def label(indicator_id: str, lang: str) -> str:
    """The indicator's short label in ``lang``, from the app's catalogues (one translation of the registry)."""
    return i18n.data_text(REGISTRY[indicator_id].short_label, lang)


def unit(short_unit: str, lang: str) -> str:
    return i18n.data_text(short_unit or "", lang)


def caveat(text: str, lang: str) -> str:
    """A registry caveat in ``lang`` (English stays English)."""
    return i18n.data_text(text, lang)


def licence(text: str, lang: str) -> str:
    """A licence line in ``lang``, where its wording is known; other licences are printed as their holders word them."""
    return _said(text, lang) if text in LICENCES else text


def weighting(words: str | None, lang: str) -> str:
    if not words:
        return t("summed", lang)
    if words in WEIGHT_WORDS:
        return _said(WEIGHT_WORDS[words], lang)
    return t("weighted", lang, words=words)


def number(value: float | None, decimals: int, lang: str) -> str:
    """12345.6 as '12,345.6' (en), '12 345,6' with narrow no-break spaces (fr) or '12.345,6' (de, it, es);
    '–' for none."""
    if value is None or value != value:
        return "–"
    decimal, thousands = SEPARATORS.get(lang, SEPARATORS["en"])
    return f"{value:,.{decimals}f}".replace(",", "_").replace(".", decimal).replace("_", thousands)


def plotly_separators(lang: str) -> str:
    """The same marks for a plotly chart (decimal, then thousands; plotly groups French with a plain space)."""
    decimal, thousands = SEPARATORS.get(lang, SEPARATORS["en"])
    return decimal + (" " if thousands == NARROW_NBSP else thousands)


def quantity(value: float | None, decimals: int, short_unit: str, lang: str) -> str:
    """A number with its unit as the language writes it: '3.6%' (en), '3,6 %' (fr, narrow), '3,6 %' (de, it, es)."""
    text = number(value, decimals, lang)
    sign = unit(short_unit, lang)
    if text == "–" or not sign:
        return text
    if lang == "en" and sign == "%":
        return text + sign
    return text + (NARROW_NBSP if lang == "fr" else NBSP) + sign


def rank(position: int | None, n: int | None, tied: int | None, lang: str) -> str:
    """'=9 of 38' / '=9 sur 38' / '=9 von 38' / '=9 su 38' / '=9 de 38' (tie-aware, from indicators.ranks);
    '–' without a rank."""
    text = rank_label(position, n, tied)
    return text.replace(" of ", f" {t('of', lang)} ") if text else "–"


def flags_legend(lang: str) -> str:
    """The flag legend, the same as the app's and the CSV exports' (dashboard.flag_words)."""
    return flag_words.legend(lang)
