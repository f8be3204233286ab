"""How the region briefing and the roundtable pack write a value, a rank and a weighting in the
reader's language. Their words are the app's (``dashboard.i18n``, catalogues ``indicators/text/locales/*.json``), their
numbers ``i18n.number`` (Babel)."""

from __future__ import annotations

from dashboard.i18n import number, say, tr
from indicators.regions.ranks import rank_label
from indicators.text.wording import marks

NARROW_NBSP, NBSP = "\u202f", "\u00a0"


def weighting(words: str | None, lang: str) -> str:
    """A benchmark's weights (indicators.regions.benchmarks) as a whole phrase: the words alone would translate only as
    this phrase needs them (German dative "der Bevölkerung"), wrong for a bare "population" anywhere else."""
    if not words:
        return tr("summed", lang)
    if words == "population":
        return tr("weighted by population", lang)
    if words == "LFS population aged 15+":
        return tr("weighted by LFS population aged 15+", lang)
    if words == "population; the labour force is not in the data":
        return tr("weighted by population; the labour force is not in the data", lang)
    return tr("weighted by {words}", lang, words=words)


def plotly_separators(lang: str) -> str:
    """The language's decimal and group marks (CLDR) for a plotly chart; plotly groups French with a plain space
    (the PDF's font has no narrow no-break space)."""
    decimal, group = marks(lang)
    return decimal + (" " if group in (NARROW_NBSP, NBSP) else group)


def quantity(value: float | None, decimals: int, short_unit: str, lang: str) -> str:
    """A number with its unit as the language writes it: '3.6%' (en), '3,6 %' (fr, narrow), '3,6 %' (de, it, es)."""
    text = number(value, decimals, lang)
    sign = say(short_unit or "", lang)
    if text == "–" or not sign:
        return text
    if lang == "en" and sign == "%":
        return text + sign
    return text + (NARROW_NBSP if lang == "fr" else NBSP) + sign


def rank(position: int | None, n: int | None, tied: int | None, lang: str) -> str:
    """'=9 of 38' / '=9 sur 38' / '=9 von 38' / '=9 su 38' / '=9 de 38' (tie-aware, from indicators.regions.ranks);
    '–' without a rank."""
    text = rank_label(position, n, tied)
    return text.replace(" of ", f" {tr('of', lang)} ") if text else "–"
