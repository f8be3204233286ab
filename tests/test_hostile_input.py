"""Hostile links through AppTest: random, very long, markup, script, path-like values and unknown ids never
raise, and nothing a user typed reaches the page as HTML."""

import ast
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from dashboard import state
from dashboard.pages import PAGES as ALL_PAGES, ROUTER

REPO = Path(__file__).resolve().parents[1]
APP = str(ROUTER)
# every parameter of the one table (a new one is fuzzed as soon as it is declared), and Streamlit's embed
PARAMS = [p.name for p in state.PARAMS] + ["embed"]
NASTY = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "../../../../etc/passwd", "javascript:alert(1)",
         "' OR 1=1 --", "%3Cscript%3E", "{{7*7}}", "\u202e\u0000", "ITC4,<b>x</b>", "net_migration_rate:1e309",
         "A" * 5000, "urban_rural:<script>", "[link](http://example.com)", "**bold**", "$$x$$"]
SCRIPTS = {p.key: p.script for p in ALL_PAGES}
# Every page that reads the URL (the default page is None: no switch); status reads nothing from it.
PAGES = [None] + [p.key for p in ALL_PAGES if not p.default and p.key != "status"]


@pytest.fixture(scope="module", autouse=True)
def _store(store_env):
    yield


def _rendered_text(at) -> str:
    parts = []
    for kind in ("markdown", "caption", "warning", "info", "error", "title", "header", "subheader"):
        parts += [str(e.value) for e in getattr(at, kind)]
    return "\n".join(parts)


def _run(params: dict, page=None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(SCRIPTS[page]).run()
    return at


@pytest.mark.fuzz
@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("value", NASTY)
def test_known_nasty_values_in_every_parameter(page, value):
    params = {name: value for name in PARAMS}
    at = _run(params, page)
    assert not at.exception, [e.message for e in at.exception]
    text = _rendered_text(at)
    if len(value) > 3 and value not in ("**bold**",):
        assert value not in text  # nothing from the link is shown back


@pytest.mark.fuzz
@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(params=st.dictionaries(st.sampled_from(PARAMS),
                              st.text(alphabet=string.printable + "äöüßéèçøå€‰–—<>&\"'", max_size=300), max_size=6))
def test_random_links_never_raise(params):
    at = _run(params)
    assert not at.exception, [e.message for e in at.exception]
    assert at.title  # a view is always shown


def test_the_fuzzed_parameters_are_the_tables():
    """Issue 21: the fuzz listed its parameters by hand and missed layer, lau, radius and measure."""
    assert {"layer", "lau", "radius", "measure"} <= set(PARAMS)
    assert set(PARAMS) == set(state.BY_NAME) | {"embed"}


def test_no_unsafe_html_with_user_or_data_text():
    """unsafe_allow_html appears only with a constant string (the embed CSS), never with data or link text."""
    offenders = []
    for path in (REPO / "dashboard").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and any(k.arg == "unsafe_allow_html" for k in node.keywords):
                if not (node.args and isinstance(node.args[0], ast.Constant)):
                    offenders.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert not offenders, offenders
