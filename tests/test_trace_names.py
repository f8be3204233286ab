"""No chart leaks plotly's default trace names ("trace 0"): every figure the pages and the exports build."""

import io
import re

import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

from dashboard.pages import PAGES, ROUTER
from tests.page_figures import all_figures
from tests.sampling import smoke_first

SCRIPTS = {p.key: p.script for p in PAGES}
_DEFAULT = re.compile(r"^trace \d+$")


@pytest.fixture(scope="module", autouse=True)
def _fresh_caches(store_env):
    from dashboard import cached

    cached.forget()
    yield


def _unnamed(traces) -> list[str]:
    """The traces (as 'type #i') that would show plotly's default name in a legend or hover."""
    return [f"{t.get('type', 'scatter')} #{i}" for i, t in enumerate(traces)
            if not t.get("name") or _DEFAULT.match(str(t["name"]))]


def _specs(page: str) -> list[dict]:
    at = AppTest.from_file(str(ROUTER), default_timeout=120)
    for key, value in dict(geo="ITC4", geos="ITC4,AT13,DE11").items():
        at.query_params[key] = value
    at.run()
    at.switch_page(SCRIPTS[page]).run()
    assert not at.exception, [e.message for e in at.exception]
    return all_figures(at)  # the map page's map (a component) included


@pytest.mark.parametrize("page", smoke_first([p.key for p in PAGES]))
def test_no_chart_on_a_page_has_a_default_trace_name(page):
    for spec in _specs(page):
        assert not _unnamed(spec["data"]), (page, spec["layout"].get("title"))


def test_compare_scatter_defaults_to_a_question_and_labels_only_the_chosen_regions():
    specs = [s for s in _specs("compare") if s["data"] and s["data"][0]["type"] == "scatter" and len(s["data"]) == 2]
    assert specs, "no scatter on Compare"
    others, chosen = specs[0]["data"]
    assert "Foreign-born" in specs[0]["layout"]["xaxis"]["title"]["text"]
    assert "nemployment" in specs[0]["layout"]["yaxis"]["title"]["text"]
    assert others["mode"] == "markers" and others["marker"]["opacity"] < 0.5  # faint, no printed labels
    assert chosen["mode"] == "markers+text" and len(chosen["text"]) == 3  # ITC4, AT13, DE11, each labelled once


@pytest.mark.slow  # kaleido renders of every export
def test_no_exported_figure_has_a_default_trace_name(store, monkeypatch):
    from dashboard.export import images, pdf

    drawn = [images.map_figure(store, "foreign_born_share", 2, 2023)]
    blank = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(blank, "PNG")

    def record(fig, fmt, size=None):  # every figure a PDF would render, without starting a browser
        drawn.append(fig)
        return blank.getvalue()

    monkeypatch.setattr(pdf, "figure_image", record)
    pdf.briefing(store, "ITC4")
    pdf.pack(store, ["ITC4", "AT13", "DE11"])
    assert len(drawn) > 3
    for fig in drawn:
        assert not _unnamed([t.to_plotly_json() for t in fig.data]), fig.layout.title.text
