"""One owner for every word, link and list of the town layer: a second copy coming back fails here."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from indicators.places import similar_towns, urbanisation
from indicators.text.wording import LANGUAGES, said

REPO = Path(__file__).resolve().parent.parent
CODE = [p for package in ("dashboard", "indicators") for p in (REPO / package).rglob("*.py")]


def _literals(path: Path) -> list[tuple[int, str]]:
    """Every string literal of a module, with its line (an f-string's constant parts included)."""
    return [(node.lineno, node.value) for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def test_the_degree_of_urbanisation_is_worded_only_by_its_vocabulary():
    """Four vocabularies (similar towns, the municipal ranking, the town page, its briefing) said the same class
    in different words: French 'ville ou banlieue' in one place, 'petite ville ou banlieue' in another."""
    # the classes of more than one word ('city' and 'cities' are also the Urban Audit's words and identifiers)
    words = {str(p) for p in (*urbanisation.ONE.values(), *urbanisation.MANY.values())} - {"city", "cities"}
    found = [f"{path.relative_to(REPO)}:{line}" for path in CODE if path.name != "urbanisation.py"
             for line, text in _literals(path) if any(word in text for word in words)]
    assert not found, f"degree-of-urbanisation words typed outside indicators/places/urbanisation.py: {found}"


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_similar_towns_method_names_the_classes_as_the_town_page_does(lang, monkeypatch):
    monkeypatch.setattr(similar_towns, "scales", lambda store: {c: 1.0 for c, _ in similar_towns.FEATURES})
    method = said(similar_towns.method(None)[1], lang)
    for code, kind in urbanisation.ONE.items():
        assert f"{code} {said(kind, lang)}" in method, (lang, method)


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of a module's docstring nodes (they may show a link as an example)."""
    return {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}


def test_no_module_but_links_writes_a_query_string():
    """The municipal ranking wrote 'town?lau=…&lang=…', the share panel '?year=…' and the static embeds their
    live link by hand, beside dashboard/links.py."""
    from dashboard.state import PARAMS

    query = re.compile(r"[?&](?:%s)=" % "|".join(re.escape(p.name) for p in PARAMS))
    found = []
    for path in CODE:
        if path.relative_to(REPO).as_posix() in ("dashboard/links.py", "dashboard/state.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        found += [f"{path.relative_to(REPO)}:{node.lineno}" for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
                  and query.search(node.value)]
    assert not found, f"query strings built outside dashboard/links.py: {found}"


def test_table_and_embed_links_come_from_the_one_serializer():
    from dashboard import links, state

    assert links.relative(state.View(lau="NL_GM0513", lang="fr", radius=10), "town") == \
        "town?lang=fr&lau=NL_GM0513&radius=10"
    assert links.relative(state.View(lau="NL_GM0513"), "town") == "town?lau=NL_GM0513"  # English is the default
    assert links.at("https://x.org/e/a/nuts2.fr.html", state.View(year=2021)) == \
        "https://x.org/e/a/nuts2.fr.html?year=2021"
    assert links.at("https://x.org/app/?embed=1", state.View(level=2, lang="de"), "map") == \
        "https://x.org/app/?embed=1&level=2&lang=de"


def test_the_municipal_ranking_weighs_the_registrys_grid_entries():
    """lau_ranking kept its own table of labels, units and decimals beside the registry's grid entries."""
    from indicators.entries import get
    from indicators.places import lau_ranking, local

    for measure, entry in lau_ranking.MEASURES.items():
        assert entry is get(measure, "grid")
        assert local.figure_key(entry) in lau_ranking.KEPT


def test_numbers_in_the_text_follow_their_constants(monkeypatch):
    """'80 %', '3 %', '20 residents', '5 000 residents', '2 km' and '5 km' were typed into the texts: changing the
    rule left the words saying the old one."""
    from dashboard.export import ranking_maps
    from dashboard.screens import most_affected_towns
    from indicators.places import lau_ranking, local, town_answer

    monkeypatch.setattr(local, "COVERAGE_MIN_PCT", 75.0)
    monkeypatch.setattr(local, "REGION_GATE", 0.04)
    monkeypatch.setattr(lau_ranking, "RADIUS_KM", 3)
    monkeypatch.setattr(lau_ranking, "MIN_POPULATION", 10_000)
    monkeypatch.setattr(similar_towns, "RADIUS_KM", 7)
    monkeypatch.setattr(similar_towns, "scales", lambda store: {c: 1.0 for c, _ in similar_towns.FEATURES})
    caveats = " ".join(said(c, "de") for c in town_answer.caveats())
    assert "mindestens 75 %" in caveats and "auf 4 % genau" in caveats
    assert "höchstens 3 km" in most_affected_towns.circle_text("de")
    assert "3 km" in ranking_maps.town_subtitle(12, "de") and "10.000" in ranking_maps.town_subtitle(12, "de")
    assert "7-km-Umkreis" in said(similar_towns.method(None)[2], "de")
