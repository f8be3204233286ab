"""Eurostat's flag letters and their meanings: the one vocabulary of maps, tables, exports and gap counts."""

from __future__ import annotations

MEANINGS = {"b": "break in time series", "c": "confidential", "d": "definition differs", "e": "estimated",
            "m": "missing", "n": "not significant", "p": "provisional", "u": "low reliability"}
MARKED = "uep"  # the flags a map rings and the data-gaps page counts: a reader should doubt these values


def words(flag: str | None) -> str:
    """'bu' -> 'break in time series, low reliability' ('' for no flag; an unknown letter stays as it is)."""
    return ", ".join(MEANINGS.get(letter, letter) for letter in (flag or ""))


def marked_words(joiner: str = " or ") -> str:
    """'low reliability, estimated or provisional' (the flags maps ring)."""
    names = [MEANINGS[letter] for letter in MARKED]
    return ", ".join(names[:-1]) + joiner + names[-1]


def is_marked(flag: str | None) -> bool:
    """True when the flag holds a letter maps ring."""
    return bool(set(flag or "") & set(MARKED))


def legend() -> str:
    """The flag legend printed with every export: 'Flags (Eurostat): b break in time series · …'."""
    letters = " · ".join(f"{letter} {meaning}" for letter, meaning in MEANINGS.items() if letter != "m")
    return f"Flags (Eurostat): {letters}. Missing values are left empty, never zero."
