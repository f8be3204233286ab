"""Every link the app shows: page links, page switches, links in tables, and the absolute address of the share
panel, the embed code and the static embeds. Each carries the reader's language and the choices the target page
reads, built by ``state.to_params`` from the one table of URL parameters; the default page's link is ``/``.
No other module writes a query string."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

from dashboard import state

# streamlit is imported where a link is drawn, not here: the exports (static embeds) build their links with this
# module and run without streamlit (tests/test_exports.py)


def page_link(pages: dict, page: str, view: state.View, label: str, icon: str | None = None) -> None:
    """A link to ``page`` (a key of dashboard.pages) that opens it with ``view``'s choices."""
    import streamlit as st

    st.page_link(pages[page], label=label, query_params=state.to_params(view, page), icon=icon)


def switch(pages: dict, page: str, view: state.View) -> None:
    """Open ``page`` now with ``view``'s choices (a click on a map)."""
    import streamlit as st

    st.switch_page(pages[page], query_params=state.to_params(view, page))


def absolute(view: state.View, page: str, base: str | None = None, **extra: str) -> str:
    """The full address of ``page`` with the view (``base``: the address the app is read at, by default the
    browser's; the app may live under a path prefix, which is kept)."""
    import streamlit as st

    scheme, netloc, path, _, _ = urlsplit(st.context.url or "" if base is None else base)
    root = path.rsplit("/", 1)[0] if path.count("/") > 1 else ""
    return urlunsplit((scheme, netloc, "", "", "")) + state.href(view, page, root, **extra)


def relative(view: state.View, page: str) -> str:
    """``page``'s link relative to the page it is shown on ('town?lau=NL_GM0513&lang=fr'): a table's link
    column resolves it against the app's own address, a path prefix included."""
    return state.href(view, page).removeprefix("/")


def at(address: str, view: state.View, page: str | None = None) -> str:
    """``address`` (the live app, a static embed) with the view's parameters (those ``page`` reads, when given)."""
    query = urlencode(state.to_params(view, page))
    return f"{address}{'&' if '?' in address else '?'}{query}" if query else address


def menu(pages: dict, view: state.View) -> None:
    """The pages, one link each, titled in the reader's language (the titles the router gave the pages)."""
    import streamlit as st

    for key, page in pages.items():
        page_link(pages, key, view, page.title)
    st.divider()
