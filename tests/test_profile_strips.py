"""The profile's dot strips: regions of one level on the axis, a total never (issue 22 item 5)."""

from __future__ import annotations

import pandas as pd

from dashboard.maps.profile_figures import dot_strip
from indicators.registry import get


def _rows():  # a tiny hand-made strip: the edge case is the indicator's kind, not the data
    return pd.DataFrame({"geo": ["AT126", "AT127", "DE111"], "name": ["a", "b", "c"], "country": ["AT", "AT", "DE"],
                         "value": [300_000.0, 200_000.0, 600_000.0], "flag": "", "group": ["region", "country", "other"]})


def test_a_count_strip_carries_no_country_or_eu_total():
    fig = dot_strip(_rows(), get("population"), region_name="a", country_name="Austria", level=3, year=2023,
                    country_value=9_100_000.0, eu_value=449_000_000.0)
    assert [t.mode for t in fig.data] == ["markers"] * 3


def test_a_share_strip_keeps_its_ticks_and_a_legend_line_each():
    fig = dot_strip(_rows().assign(value=[10.0, 12.0, 20.0]), get("foreign_born_share"), region_name="a",
                    country_name="Austria", level=2, year=2023, country_value=14.0, eu_value=12.0)
    assert [t.mode for t in fig.data] == ["markers"] * 3 + ["lines"] * 2
    assert fig.layout.legend.orientation == "v" and fig.layout.margin.b >= 20 * len(fig.data)
