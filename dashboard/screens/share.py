"""The share panel under a chart: the link that reopens this exact view, an <iframe> snippet that embeds it
(``embed=1``: the chart, its legend, its source line and the year control, nothing else), and the image sizes
the downloads offer. Everything shown is built from the validated view, never from the raw address bar."""

from __future__ import annotations

import os
from urllib.parse import urljoin

import streamlit as st

from dashboard import links, state
from dashboard.export.embeds import page_path
from dashboard.i18n import tr

# the sizes a newsroom asks for (pixels); print is A5 portrait at 300 dpi
IMAGE_SIZES = {"article": (1200, 900), "social": (1200, 675), "print": (1748, 2480)}
IFRAME_HEIGHT = 720
STATIC_IFRAME_HEIGHT = 820  # the static embed's year control and small print sit outside the figure
# where the static embeds are published (deploy/ sets /embeds/, which its nginx serves beside the app); unset, the
# site publishes none and the panel says so rather than offering a snippet whose address answers with the app
EMBEDS_URL = os.environ.get("MIGRATION_EMBEDS_URL", "")


def iframe(view: state.View, page: str, title: str, base: str | None = None) -> str:
    """An <iframe> snippet of the view in embed mode (the title is for screen readers; quotes escaped)."""
    src = links.absolute(view, page, base, embed="1")
    safe_title = title.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return (f'<iframe src="{src}" title="{safe_title}" width="100%" height="{IFRAME_HEIGHT}" '
            f'style="border:0" loading="lazy"></iframe>')


def static_iframe(view: state.View, title: str, base: str | None = None, published: str | None = None) -> str:
    """An <iframe> snippet of the view's static embed (``python -m dashboard.export embeds``), published at
    ``published`` (by default ``EMBEDS_URL``; resolved against the app's own address when relative)."""
    root = urljoin(base if base is not None else (st.context.url or ""), published or EMBEDS_URL).rstrip("/")
    # the static page reads only the year (its language, indicator and level are in its path)
    src = links.at(f"{root}/{page_path(view.indicator, view.level, view.lang)}", state.View(year=view.year))
    safe_title = title.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return (f'<iframe src="{src}" title="{safe_title}" width="100%" height="{STATIC_IFRAME_HEIGHT}" '
            f'style="border:0" loading="lazy"></iframe>')


def panel(view: state.View, page: str, title: str) -> None:
    """Link, embed snippet and sizes, in a popover under the chart (drawn only when opened)."""
    lang = view.lang
    # A popover, not an expander: an expander's content is drawn even when closed, and st.code's highlighter
    # (a 1.5 MB script) then cost every fresh map tab about a second of the browser's time before the map drew.
    with st.popover(tr("Share and embed", lang)):
        st.caption(tr("Link to this view (it reopens the same indicator, level, year and choices):", lang))
        st.code(links.absolute(view, page), language=None, wrap_lines=True)
        st.caption(tr("Embed in a web page (the chart, its legend, its source line and the year control):", lang))
        st.code(iframe(view, page, title), language="html", wrap_lines=True)
        _static_embed(view, title)
        (aw, ah), (sw, sh), (pw, ph) = IMAGE_SIZES["article"], IMAGE_SIZES["social"], IMAGE_SIZES["print"]
        st.caption(tr("Image sizes: article {aw} × {ah} px, social media {sw} × {sh} px, print A5 at 300 dpi "
                      "({pw} × {ph} px).", lang, aw=aw, ah=ah, sw=sw, sh=sh, pw=pw, ph=ph))


def _static_embed(view: state.View, title: str) -> None:
    """The static embed's snippet beside the live one (only a map of one level and year has one)."""
    if view.level is None or view.year is None:
        return
    if not EMBEDS_URL:
        st.caption(tr("This site publishes no static embeds (plain files that serve many readers); the embed above "
                      "works everywhere.", view.lang))
        return
    st.caption(tr("Static embed for many readers (plotly.js and plain files, no app behind it; the year control, "
                  "the map, its legend and its source line; publish the folder written by "
                  "`python -m dashboard.export embeds`):", view.lang))
    st.code(static_iframe(view, title), language="html", wrap_lines=True)
