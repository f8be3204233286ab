"""Small helpers for building phrases (indicators.wording) of the local layer, the data gaps and the methods:
lists of phrases joined into one, and numbers written the English way where a page passes no formatter."""

from __future__ import annotations

from indicators.wording import Phrase, phrase


def listed(items: list) -> Phrase | str:
    """Phrases (or names) as one comma-separated phrase: 'a, b, c' ('' for none); each item said in the reader's
    language."""
    if len(items) < 2:
        return items[0] if items else ""
    return phrase("{first}, {rest}", first=items[0], rest=listed(items[1:]))


def english(value: float, decimals: int) -> str:
    """A number as the English tables write it, '12,345.6': the default ``number(value, decimals)`` of the
    functions that take a page's number format."""
    return f"{value:,.{decimals}f}"
