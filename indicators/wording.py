"""Sentences built by the analytics, kept translatable: an English template with named fields.

Code below the pages (benchmarks, peers, ranking, plausibility) explains its results in words: "mean of 27
countries weighted by population", "not ranked: fewer than 2 of 3 indicators". It returns a ``Phrase``
instead of a finished string; ``str(phrase)`` is the English sentence (CSV files, logs, tests), and the
pages say it in the reader's language with ``dashboard.i18n.say``, whose catalogues are keyed by the template.
tests/test_translations.py finds every ``phrase("…")`` literal in indicators/ and requires its translations,
so a template must be a literal string, with values passed as fields.

A field may itself be a ``Phrase`` (translated too) or any other value (a region's name, a number already
formatted), which is shown as it is.
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

    def render(self, translate) -> str:
        """The sentence with ``translate(template)`` for this phrase and every phrase among its fields."""
        values = {name: value.render(translate) if isinstance(value, Phrase) else value
                  for name, value in self.fields}
        return translate(self.template).format(**values) if values else translate(self.template)

    def __add__(self, other):  # "label" + str: English, for code that still joins strings
        return str(self) + other

    def __radd__(self, other):
        return other + str(self)


def phrase(template: str, **fields) -> Phrase:
    """A translatable sentence: ``template`` must be a literal (the catalogue test reads it from the source)."""
    missing = {name for _, name, _, _ in string.Formatter().parse(template) if name} - set(fields)
    if missing:
        raise KeyError(f"phrase {template!r} needs the field(s) {sorted(missing)}")
    return Phrase(template, tuple(sorted(fields.items())))

