"""Eurostat's flag letters and their meanings: the one vocabulary of maps, tables, exports and gap counts."""

from __future__ import annotations

from indicators.text.phrasing import listed
from indicators.text.wording import Phrase, phrase

# each letter's meaning as the pages say it (dashboard.flag_words, i18n.say); MEANINGS is its English
PHRASES = {"b": phrase("break in time series"), "c": phrase("confidential"), "d": phrase("definition differs"),
           "e": phrase("estimated"), "m": phrase("missing"), "n": phrase("not significant"),
           "p": phrase("provisional"), "u": phrase("low reliability")}
MEANINGS = {letter: str(meaning) for letter, meaning in PHRASES.items()}
MARKED = "uep"  # the flags a map rings and the data-gaps page counts: a reader should doubt these values


def words(flag: str | None) -> str:
    """'bu' -> 'break in time series, low reliability' ('' for no flag; an unknown letter stays as it is)."""
    return ", ".join(MEANINGS.get(letter, letter) for letter in (flag or ""))


def said(flag: str | None) -> Phrase | str:
    """``words`` as a phrase: 'bu' -> 'break in time series, low reliability' in the reader's language."""
    return listed([PHRASES.get(letter, letter) for letter in (flag or "")])


def is_marked(flag: str | None) -> bool:
    """True when the flag holds a letter maps ring."""
    return bool(set(flag or "") & set(MARKED))


def legend() -> str:
    """The flag legend printed with every export: 'Flags (Eurostat): b break in time series · …'."""
    letters = " · ".join(f"{letter} {meaning}" for letter, meaning in MEANINGS.items() if letter != "m")
    return f"Flags (Eurostat): {letters}. Missing values are left empty, never zero."
