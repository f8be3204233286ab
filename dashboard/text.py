"""Text from data or links is shown as plain text: Markdown characters are escaped, HTML is never rendered."""

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def plain(text) -> str:
    """Escape Markdown so a region name or label shows exactly as written."""
    return _MARKDOWN.sub(r"\\\1", str(text))
