"""Small helpers for building phrases (indicators.text.wording): lists of phrases joined into one."""

from __future__ import annotations

from indicators.text.wording import Phrase, phrase


def listed(items: list) -> Phrase | str:
    """Phrases (or names) as one comma-separated phrase: 'a, b, c' ('' for none); each item said in the reader's
    language."""
    if len(items) < 2:
        return items[0] if items else ""
    return phrase("{first}, {rest}", first=items[0], rest=listed(items[1:]))


def joined(items: list) -> Phrase | str:
    """Caveats as one phrase: 'a; b' ('' for none)."""
    if len(items) < 2:
        return items[0] if items else ""
    return phrase("{first}; {rest}", first=items[0], rest=joined(items[1:]))


def together(items: list) -> Phrase | str:
    """Pieces of one sentence written one after the other ('' pieces left out)."""
    items = [item for item in items if item != ""]
    if len(items) < 2:
        return items[0] if items else ""
    return phrase("{first}{rest}", first=items[0], rest=together(items[1:]))
