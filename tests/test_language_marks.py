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
