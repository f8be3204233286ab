"""The one table of URL parameters (dashboard.state.PARAMS): every page's views survive the trip through a link,
the warnings speak the reader's language, and the lists that repeat it elsewhere are derived from it."""

from __future__ import annotations

from dataclasses import fields, replace
from urllib.parse import parse_qsl, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard import state
from dashboard.pages import PAGES

REGIONS = ("ITC4", "AT13", "DE11", "FR106", "BE100", "ES4", "ITH10", "NL33C")
COUNTRIES = ("IT", "AT", "DE", "FR", "BE", "ES", "NL", "NO")
KNOWN = frozenset(REGIONS + COUNTRIES)
TOWNS = ("FR_93066", "NL_GM0513", "IT_016024", "ES_28079")


def _strategy(kind):
    """Valid URL values of one parameter type (a new type without a strategy here fails the test below)."""
    if isinstance(kind, state.Choice):
        return st.sampled_from(list(kind.values.values()))
    if isinstance(kind, state.Year):
        return st.integers(1900, 2099)
    if isinstance(kind, state.Region):
        return st.sampled_from(REGIONS + COUNTRIES)
    if isinstance(kind, state.Regions):
        codes = [c for c in REGIONS + COUNTRIES if kind.pattern.fullmatch(c)]
        return st.lists(st.sampled_from(codes), unique=True, max_size=min(kind.most or len(codes), len(codes)))
    if isinstance(kind, state.Weights):
        steps = int((state.WEIGHTS.high - state.WEIGHTS.low) / state.WEIGHTS.step)
        return st.dictionaries(st.sampled_from(sorted(state._WEIGHTED)),
                               st.integers(0, steps).map(lambda i: state.WEIGHTS.low + i * state.WEIGHTS.step))
    if isinstance(kind, state.Typology):
        values = st.lists(st.from_regex(state._TYPE_VALUE, fullmatch=True), min_size=1, max_size=2, unique=True)
        return st.dictionaries(st.sampled_from(state.TYPOLOGIES), values, max_size=2)
    if isinstance(kind, state.Town):
        return st.sampled_from(TOWNS)
    raise AssertionError(f"no strategy for {type(kind).__name__}: add one so its links are tested")


@st.composite
def _page_and_view(draw):
    """A page and a random valid view of it: every parameter the page reads drawn, the others at their default."""
    page = draw(st.sampled_from([p.key for p in PAGES]))
    chosen = {p.name: draw(_strategy(p.kind)) for p in state.PARAMS if page in p.pages}
    return page, state.View(**chosen)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(_page_and_view())
def test_every_view_of_every_page_survives_its_link(page_and_view):
    page, view = page_and_view
    link = state.href(view, page)
    query = dict(parse_qsl(urlsplit(link).query, keep_blank_values=True))
    again, warnings = state.parse(query, KNOWN, lambda gisco_id: gisco_id in TOWNS)
    assert (again, warnings) == (view, [])
    assert urlsplit(link).path == state.path(page)


def test_every_parameter_type_has_a_strategy_and_every_page_reads_the_language():
    for param in state.PARAMS:
        _strategy(param.kind)
        assert param.pages <= state.ALL, param.name
    assert all(page.key in state.BY_NAME["lang"].pages for page in PAGES)
    # the View is the table: one field per parameter, and embed (Streamlit's, never written into links)
    assert [f.name for f in fields(state.View)] == [p.name for p in state.PARAMS] + ["embed"]


def test_a_link_carries_only_what_its_page_reads_and_the_default_page_is_the_root():
    view = state.View(indicator="foreign_born_share", level=3, year=2021, geo="ITC4", lau="FR_93066", lang="fr")
    assert state.to_params(view, "town") == {"lau": "FR_93066", "lang": "fr"}
    assert state.to_params(view, "region") == {"geo": "ITC4", "lang": "fr"}
    assert state.href(view, "map") == "/?indicator=foreign_born_share&level=3&year=2021&lang=fr"
    assert state.href(state.View(), "map", "/atlas/") == "/atlas/"
    assert state.href(view, "most_affected", "/atlas") == "/atlas/most-affected?level=3&geo=ITC4&lang=fr"


@pytest.mark.parametrize("lang", ["fr", "de", "it", "es"])
def test_every_warning_is_said_in_the_links_language(lang):
    """Issue 21: a link's warnings were English whatever its lang. Each parameter's warning, in a link whose lang
    is ``lang``, is the catalogue's text (read before the other parameters)."""
    for param in state.PARAMS:
        if param.name == "lang":
            continue
        bad = "Z" * 3 if param.name not in ("geos", "countries", "weights", "typology") else "Z,zz:1"
        _, warnings = state.parse({param.name: bad, "lang": lang}, KNOWN)
        assert warnings == [param.warning(lang)], param.name
        assert warnings[0] != param.warning("en"), f"{param.name}: the warning has no {lang} text"
    _, warnings = state.parse({"lang": lang, "geo": "x" * (state.MAX_PARAM + 1)}, KNOWN)
    assert warnings and warnings[0] != state.parse({"geo": "x" * 501}, KNOWN)[1][0]


def test_the_lists_that_repeat_the_table_derive_from_it():
    from dashboard.screens.local_views import LAYER_OF
    from indicators.regions import classes

    assert set(LAYER_OF.values()) | {"grid"} == set(state.LAYERS)
    assert state.SCHEMES == tuple(classes.SCHEMES)
    assert state.BY_NAME["scheme"].kind.values.keys() == set(state.SCHEMES)


def test_a_basket_sent_to_compare_keeps_the_ranking_and_its_own_weights():
    """The pack's table scored the ticked regions on the default weights: the Compare link carried preset=own
    without the weights the officer had set (pack: 83.5, 70.5, 53.2 where the ranking showed 96.0, 89.6, 88.9)."""
    view = replace(state.View(), preset="own", weights={"net_migration_rate": 1.0}, geos=["FRM0", "DE93", "FRY1"])
    params = state.to_params(view, state.COMPARE)
    assert params["preset"] == "own" and "net_migration_rate" in params["weights"]
    assert state.parse(params, known_geos=frozenset(view.geos))[0].weights == view.weights


def test_a_linked_year_outside_the_data_is_a_year_the_page_says_has_no_data():
    """'?year=1800' said 'The link's year is not a year': it is a year; the map page says it has no data for it."""
    view, warnings = state.parse({"year": "1800"})
    assert view.year == 1800 and not warnings
    assert state.parse({"year": "18000"})[1] and state.parse({"year": "x1"})[1]
