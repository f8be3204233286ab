"""Sentences built by the analytics, kept translatable: an English template with named fields.

Code below the pages (benchmarks, peers, ranking, plausibility) explains its results in words: "mean of 27
countries weighted by population", "not ranked: fewer than 2 of 3 indicators". It returns a ``Phrase``
instead of a finished string; ``str(phrase)`` is the English sentence (CSV files, logs, tests), and the
pages say it in the reader's language with ``dashboard.i18n.say``, whose catalogues are keyed by the template.
tests/test_translations.py finds every ``phrase("…")`` literal in indicators/ and requires its translations,
so a template must be a literal string, with values passed as fields.

A field may itself be a ``Phrase`` (translated too), a ``Number`` (written the reader's way: 3,6 in French and
German), or any other value (a region's name), which is shown as it is.
"""

from __future__ import annotations

import string
from dataclasses import dataclass


@dataclass(frozen=True)
class Phrase:
    template: str
    fields: tuple[tuple[str, object], ...] = ()

    def __str__(self) -> str:
        return self.render(lambda template: template)

    def render(self, translate, number=None) -> str:
        """The sentence with ``translate(template)`` for this phrase and every phrase among its fields, and
        ``number(value, decimals)`` for its numbers (None: as ``str(Number)``, the English of the CSV files)."""
        values = {name: _field(value, translate, number) for name, value in self.fields}
        return translate(self.template).format(**values) if values else translate(self.template)

    # No ``+``: joining a phrase to a string made English text in the middle of a translated page (Italy's map
    # hover did). Join the said text (``i18n.say``), or ``str(phrase)`` where English is meant (CSV files).
    def __add__(self, other):
        raise TypeError(f"a Phrase is not a string: say it in a language, or str() it for English ({self.template!r})")

    __radd__ = __add__


@dataclass(frozen=True)
class Number:
    """A number inside a phrase, with its decimals: ``str`` is the plain English form (no grouping)."""

    value: float
    decimals: int

    def __str__(self) -> str:
        return f"{self.value:.{self.decimals}f}"


def _field(value, translate, number):
    if isinstance(value, Phrase):
        return value.render(translate, number)
    if isinstance(value, Number) and number is not None:
        return number(value.value, value.decimals)
    return value


def phrase(template: str, **fields) -> Phrase:
    """A translatable sentence: ``template`` must be a literal (the catalogue test reads it from the source)."""
    missing = {name for _, name, _, _ in string.Formatter().parse(template) if name} - set(fields)
    if missing:
        raise KeyError(f"phrase {template!r} needs the field(s) {sorted(missing)}")
    return Phrase(template, tuple(sorted(fields.items())))

