"""Numbers, plurals and marks on the pages as each language writes them (the reviewer's language walk)."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators.text.wording import number

LANGS = ("en", "fr", "de", "it", "es")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("value", [-0.04, -0.05, -0.0, -0.0004])
def test_a_number_that_rounds_to_zero_has_no_minus(value, lang):
    assert not number(value, 1, lang).startswith(("-", "\u2212"))


def test_a_signed_number_says_plus_minus_and_never_minus_zero():
    assert number(2.25, 1, "fr", signed=True) == "+2,2"
    assert number(-2.26, 1, "es", signed=True) == "-2,3"
    assert number(-0.04, 1, "es", signed=True) == "0,0"


def _series():
    # a tiny hand-made series: only the figure's layout is under test
    return pd.DataFrame({"geo": ["X", "X"], "name": ["Saint-Denis", "Saint-Denis"], "year": [2020, 2021],
                         "value": [9.5, 10.5]})


@pytest.mark.parametrize("lang, marks", [("en", ".,"), ("fr", ",\u202f"), ("de", ",."), ("it", ",."), ("es", ",.")])
def test_charts_axes_and_hovers_use_the_pages_decimal_mark(lang, marks):
    from dashboard.maps import figures, local_figures, profile_figures
    from indicators.registry import get

    ind = get("net_migration_rate")
    monthly = pd.DataFrame({"geo": ["X"], "name": ["X"], "date": [pd.Timestamp("2024-01-31")], "value": [1.5]})
    built = [figures.trends(_series(), ind, "t", lang=lang),
             figures.grouped_bars(_series(), ind, "t", lang=lang),
             figures.scatter(_series().assign(x=1.5, y=2.5), ind, ind, ["X"], "t", lang=lang),
             local_figures.reception_trend(monthly, ["X"], "c", lang),
             profile_figures.trend_lines(_series().assign(series="region"), ind, "t", "c", lang),
             profile_figures.dot_strip(_series().assign(group="other"), ind, region_name="X", country_name="Y",
                                       level=2, year=2021, country_value=9.5, eu_value=10.5, lang=lang)]
    assert [fig.layout.separators for fig in built] == [marks] * len(built)
    assert figures._map_layout("t", "s", "c", lang=lang)["separators"] == marks


def test_a_french_table_writes_decimal_commas_and_stays_numeric():
    from dashboard.screens.shown_tables import in_marks

    frame = pd.DataFrame({"name": ["A", "B"], "value": [4.1, -26.4], "population": [12345.0, None],
                          "year": [2020, 2021], "nuts_version": [2021.0, None]})
    styled = in_marks(frame, "fr")
    html = styled.to_html()
    assert "4,1" in html and "-26,4" in html and "12\u202f345" in html and "2021" in html
    assert "4.1" not in html and "2\u202f021" not in html and "2021.0" not in html
    assert styled.data["value"].dtype == float  # sorted as numbers in the browser
    assert in_marks(frame, "en") is frame


@pytest.mark.parametrize("lang", ("fr", "de", "it", "es"))
def test_a_flag_is_not_called_an_indicator_nor_left_in_english(lang):
    import re

    from indicators.text.wording import catalogue

    words = catalogue(lang)
    indicator = words["Indicator"].lower()
    flag_entries = {k: v for k, v in words.items() if re.search(r"\bflag", re.sub(r"\{\w+\}", "", k), re.I)}
    assert flag_entries and words["flag"].lower() != indicator
    assert not [v for v in flag_entries.values() if indicator in v.lower()]
    assert not [v for v in words.values() if re.search(r"\bflag", re.sub(r"\{\w+\}", "", v), re.I)]


@pytest.mark.parametrize("lang, words", [("it", "riutilizzo libero"), ("fr", "réutilisation libre"),
                                         ("de", "freie Weiterverwendung"), ("es", "reutilización libre")])
def test_an_embeds_licence_line_is_in_the_readers_language(lang, words):
    from dashboard.export.common import licence_line
    from indicators.registry import get

    line = licence_line(get("net_migration_rate"), lang)
    assert words in line and "free re-use" not in line


@pytest.mark.parametrize("count, lang, said", [
    (1, "en", "1 source is not fetched: a"), (0, "en", "0 sources are not fetched: a"),
    (0, "fr", "0 source non téléchargée\u00a0: a"), (2, "fr", "2 sources non téléchargées\u00a0: a"),
    (1, "it", "1 fonte non scaricata: a"), (15, "es", "15 fuentes sin descargar: a"),
    (1234, "de", "1.234 Quellen nicht abgerufen: a")])
def test_a_count_chooses_singular_or_plural_words_not_slashes(count, lang, said):
    from dashboard.i18n import tr_count

    assert tr_count(count, "{count} source is not fetched: {ids}", "{count} sources are not fetched: {ids}", lang,
                    ids="a") == said


def test_no_catalogue_writes_a_slash_or_bracket_plural_where_a_count_chooses():
    from dashboard.i18n import catalogue

    for lang in ("fr", "de", "it", "es"):
        words = catalogue(lang)
        assert "(s)" not in words["{count} sources are not fetched: {ids}"]
        assert "/i" not in words["{count} source is not fetched: {ids}"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_flagged_legend_reads_whole_without_its_line_break(lang):
    from dashboard.maps.figures import flagged_name

    flat = flagged_name(lang).replace("<br>", "")
    assert " /" not in flat.replace(" / ", "") and "/ " not in flat.replace(" / ", "")


def test_italian_needs_no_article_before_a_region_nor_says_era_di_a_share():
    from dashboard.i18n import catalogue

    words = catalogue("it")
    assert "di {region}" not in words["Profile of {region} ({code}) →"]
    assert not [v for v in words.values() if "era di {amount}" in v]
