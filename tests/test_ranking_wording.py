"""The Most affected page's method sentences: where the outside-EU checkbox is, and the agreement of the
coverage rule with the feminine 'région'/'commune' (French) and a wording that fits regions and municipalities
(Italian, Spanish)."""

from __future__ import annotations

import ast
from pathlib import Path

from dashboard import i18n
from dashboard.screens import most_affected, rank_breakdown

SCREEN = Path(most_affected.__file__)


def _method_caption() -> str:
    """The English method caption of the regional ranking (the tr() literal naming the EU-27 scale)."""
    for node in ast.walk(ast.parse(SCREEN.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and node.args \
                and isinstance(node.args[0], ast.Constant) and "EU-27 scale" in str(node.args[0].value):
            return node.args[0].value
    raise AssertionError("method caption not found")


def test_the_method_points_up_to_the_checkbox_it_follows():
    source = SCREEN.read_text(encoding="utf-8")
    # the checkbox is drawn by _filters, called before the caption: the caption must point up
    assert source.index("countries, outside_eu, typology = _filters(") < source.index("EU-27 scale.\", lang)")
    text = _method_caption()
    assert "ticked above" in text and "below" not in text
    assert "ci-dessus" in i18n.tr(text, "fr")
    assert "oben" in i18n.tr(text, "de")
    assert "qui sopra" in i18n.tr(text, "it")
    assert "arriba" in i18n.tr(text, "es")


def test_french_coverage_rule_agrees_with_feminine_regions_and_communes():
    text = rank_breakdown.coverage_rule("fr")
    assert text.startswith("Classée seulement")
    assert "les autres sont listées" in text and "ce qu'elles ont" in text
    assert "listés" not in text and "ce qu'ils ont" not in text


def test_italian_and_spanish_coverage_rule_fit_regions_and_municipalities():
    # Italian 'regione' is feminine and 'comune' masculine, Spanish 'región' and 'municipio' likewise:
    # the rule, shown beside both tables, carries no participle agreeing with either
    it = rank_breakdown.coverage_rule("it")
    es = rank_breakdown.coverage_rule("es")
    assert not it.startswith("Classificato") and "gli altri sono" not in it
    assert "Solo se clasifica cuando" not in es and "los demás" not in es
