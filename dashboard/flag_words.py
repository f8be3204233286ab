"""Eurostat's flag meanings (indicators.regions.flags) in the reader's language."""

from __future__ import annotations

from dashboard.i18n import say, tr
from indicators.regions.flags import MARKED, PHRASES


def meanings(lang: str) -> dict[str, str]:
    """Letter -> meaning in ``lang``: indicators.regions.flags.PHRASES said (their English is flags.MEANINGS)."""
    return {letter: say(meaning, lang) for letter, meaning in PHRASES.items()}


def words(flag: str | None, lang: str) -> str:
    """'bu' -> 'break in time series, low reliability' in ``lang`` (an unknown letter stays as it is)."""
    found = meanings(lang)
    return ", ".join(found.get(letter, letter) for letter in (flag or ""))


def marked(lang: str) -> str:
    """The meanings of the flags a map rings, joined: 'estimated, provisional, low reliability'."""
    return ", ".join(meanings(lang)[letter] for letter in MARKED)


def legend(lang: str) -> str:
    """The flag legend in ``lang``: 'Flags (Eurostat): b break in time series · …' (as indicators.regions.flags.legend)."""
    letters = " · ".join(f"{letter} {meaning}" for letter, meaning in meanings(lang).items() if letter != "m")
    return tr("Flags (Eurostat): {letters}. Missing values are left empty, never zero.", lang, letters=letters)
