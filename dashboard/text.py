"""Text from data or links, as a page shows it: Markdown escaped (HTML is never rendered), and Eurostat's English
qualifiers inside place names said in the reader's language."""

import re

from dashboard.i18n import tr

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")
GREATER_CITY = " (greater city)"  # Eurostat adds it to some Urban Audit names


def plain(text) -> str:
    """Escape Markdown so a region name or label shows exactly as written."""
    return _MARKDOWN.sub(r"\\\1", str(text))


def place(name, lang: str) -> str:
    """A place's name as published, Eurostat's " (greater city)" said in ``lang`` ("Milano (grande città)")."""
    text = str(name)
    return text.replace(GREATER_CITY, tr(" (greater city)", lang)) if GREATER_CITY in text else text


def places(frame, lang: str, column: str = "name"):
    """A copy of ``frame`` with its place names said as ``place`` says them."""
    return frame.assign(**{column: [place(name, lang) for name in frame[column]]})
