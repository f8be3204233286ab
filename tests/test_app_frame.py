"""The app in AppTest: the status page on the real store, and the set-up page when there is no store."""


import pytest
from streamlit.testing.v1 import AppTest

from dashboard.pages import ROUTER
from loaders.manifest import SOURCES

APP = str(ROUTER)


@pytest.fixture(autouse=True)
def _fresh_caches():
    from dashboard import cached

    cached.forget()
    yield
    cached.forget()


def test_status_page_lists_every_source(store_env):
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("views/status.py").run()
    assert not at.exception
    assert at.title[0].value == "Data status"
    table = at.dataframe[0].value
    assert set(table["id"]) == {s.id for s in SOURCES}
    assert table["present"].all()
    assert any("EuroGeographics" in c.value for c in at.caption)


@pytest.mark.slow  # a full fetch and build, as a newcomer's first start does
def test_without_a_store_the_app_offers_to_build_it(own_cache, mirror, monkeypatch):
    monkeypatch.setenv("MIGRATION_DATA_MIRROR", str(mirror))
    at = AppTest.from_file(APP, default_timeout=300).run()
    assert not at.exception
    assert "has not been built" in at.warning[0].value
    at.button[0].click().run()
    assert not at.exception
    assert at.title[0].value == "Net migration rate"  # the map, built (its short title)


def test_the_streamlit_internals_the_failover_fix_reads_are_there():
    """frame._sent_unseen falls back quietly without them (the URL would then override a reader's first change
    after a failover again): an upgrade of Streamlit that drops them must fail here, not in production."""
    from streamlit.runtime.state.common import is_keyed_element_id, user_key_from_element_id  # noqa: F401
    from streamlit.runtime.state.session_state import SessionState

    assert hasattr(SessionState(), "_new_widget_state") and hasattr(SessionState()._new_widget_state, "states")
