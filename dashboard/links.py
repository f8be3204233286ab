"""Every link the app shows: page links, page switches, and the absolute address of the share panel and the
embed code. Each carries the reader's language and the choices the target page reads, built by
``state.to_params`` from the one table of URL parameters; the default page's link is ``/``."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import streamlit as st

from dashboard import state


def page_link(pages: dict, page: str, view: state.View, label: str, icon: str | None = None) -> None:
    """A link to ``page`` (a key of dashboard.pages) that opens it with ``view``'s choices."""
    st.page_link(pages[page], label=label, query_params=state.to_params(view, page), icon=icon)


def switch(pages: dict, page: str, view: state.View) -> None:
    """Open ``page`` now with ``view``'s choices (a click on a map)."""
    st.switch_page(pages[page], query_params=state.to_params(view, page))


def absolute(view: state.View, page: str, base: str | None = None, **extra: str) -> str:
    """The full address of ``page`` with the view (``base``: the address the app is read at, by default the
    browser's; the app may live under a path prefix, which is kept)."""
    scheme, netloc, path, _, _ = urlsplit(st.context.url or "" if base is None else base)
    root = path.rsplit("/", 1)[0] if path.count("/") > 1 else ""
    return urlunsplit((scheme, netloc, "", "", "")) + state.href(view, page, root, **extra)


def menu(pages: dict, view: state.View) -> None:
    """The pages, one link each, titled in the reader's language (the titles the router gave the pages)."""
    for key, page in pages.items():
        page_link(pages, key, view, page.title)
    st.divider()
