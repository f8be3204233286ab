"""The frame around every page: URL state, the sidebar pickers, warnings, footer."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import streamlit as st

from dashboard import cached, state
from dashboard.i18n import LANGUAGES, say, tr
from geodata.attribution import boundaries
from indicators.places import local
from indicators.regions import tables
from indicators.registry import ENTRIES, REGISTRY, THEMES

# Captions and other secondary text: Streamlit fades them (opacity 0.6: #828180 or lighter, contrast 3.88 or
# less on white, WCAG AA needs 4.5); #595959 at full opacity gives 7.0 on white and 6.2 on the sidebar's #f0f2f6.
SECONDARY_TEXT = "#595959"  # written literally in readable_text's CSS too (a test checks they agree)

# Widget keys seeded from the URL; a page's own widgets register theirs through ``seed``.
_SIDEBAR = ("w_indicator", "w_level", "w_year", "w_lang", "w_scheme")


def url_view(store) -> tuple[state.View, list[str]]:
    """Parse the URL; when it changed from outside (a new link), seed the widgets from it."""
    params = {k: st.query_params.get(k) for k in st.query_params.keys()}
    known = cached.known_geos(store.info["build_id"])
    view, warnings = state.parse(params, known, lambda gisco_id: local.municipality(store, gisco_id) is not None)
    view = replace(view, embed=_embedded())
    if st.session_state.get("_params") != params:
        moved = "_params" not in st.session_state and bool(_sent_unseen())  # see _from_browser
        st.session_state["_seed"] = view
        for key in _SIDEBAR + ("_year_for",) + tuple(k for k in st.session_state.keys() if str(k).startswith("w_")):
            st.session_state.pop(key, None)
        if moved:  # the pickers showed this URL's view before the reader's change: a new indicator still moves on
            st.session_state["_year_for"] = (view.indicator, view.level)
    return view, warnings


def _embedded() -> bool:
    """``embed=1`` (ours) or ``embed=true`` (Streamlit's own).

    Workaround (streamlit 1.67, 2026-11): Streamlit keeps ``embed`` out of st.query_params and exposes only
    ``st.context.is_embedded`` (true for embed=true), so embed=1 is read from the raw parameters it keeps.
    """
    if st.context.is_embedded:
        return True
    try:
        from streamlit.runtime.state.session_state_proxy import get_session_state

        with get_session_state().query_params() as raw_params:
            raw = raw_params._query_params.get("embed")
    except (ImportError, AttributeError):  # a Streamlit without these internals: embed=true still works
        return False
    raw = raw[-1] if isinstance(raw, list) and raw else raw
    return str(raw).lower() in ("1", "true")


def seed(key: str, value):
    """Give a widget its value from the URL the first time it is drawn after the URL changed, unless the browser
    holds a newer one (``_from_browser``)."""
    if key not in st.session_state and not _from_browser(key):
        st.session_state[key] = value
    return key


def _from_browser(key: str) -> bool:
    """The browser sent a value for widget ``key`` that this session has not drawn yet: the reader's page moved to
    a new process (a failover to another replica, a restart) and its first run there carries the reader's last
    change, while the URL still holds the view before it. That value must win: a value written into
    ``st.session_state`` before the widget is drawn overrides the browser's, so the change was lost (issue 24)."""
    return key in _sent_unseen()


def _sent_unseen() -> set[str]:
    """The keys of the widgets whose values the browser sent in this run and that this session has not drawn.

    Workaround (streamlit 1.67, 2026-12): ``st.session_state`` shows a value the browser sent only once its
    widget is drawn in the session (until then it sits under the widget's id, ``$$ID-<hash>-<key>``, with no
    deserializer: Streamlit's own "reconnecting browser" case), so the ids are read from the session's state.
    """
    try:
        from streamlit.runtime.state.common import is_keyed_element_id, user_key_from_element_id
        from streamlit.runtime.state.session_state_proxy import get_session_state

        sent = list(get_session_state()._state._new_widget_state.states)
    except (ImportError, AttributeError):  # a Streamlit without these internals: the URL decides, as before
        return set()
    keys = {user_key_from_element_id(i) for i in sent if is_keyed_element_id(i)}
    return {k for k in keys if k is not None and k not in st.session_state}


PICKERS = ("w_indicator", "w_level", "w_year", "w_scheme")


def sidebar(store, view: state.View, controls=("indicator", "level", "year", "scheme")) -> state.View:
    """The language picker, and the indicator, level, year and class pickers on the pages that read them
    (``controls``); returns the view they choose."""
    seeded = st.session_state.get("_seed", view)
    for key in PICKERS:  # kept for the page that shows them (Streamlit drops the state of unshown widgets)
        if key.removeprefix("w_") not in controls and key in st.session_state:
            st.session_state[key] = st.session_state[key]
    with st.sidebar:
        lang = st.radio(tr("Language", seeded.lang), list(LANGUAGES), format_func=LANGUAGES.get, horizontal=True,
                        key=seed("w_lang", seeded.lang))
        if "indicator" not in controls:
            return replace(view, lang=lang)
        options = [e.id for e in sorted(ENTRIES, key=lambda e: (list(THEMES).index(e.theme),
                                                                _alphabetical(say(e.label, lang))))]
        indicator = st.selectbox(tr("Indicator", lang), options, key=seed("w_indicator", seeded.indicator),
                                 format_func=lambda i: f"{say(REGISTRY[i].theme_label, lang)} · "
                                                       f"{say(REGISTRY[i].label, lang)}",
                                 help=tr("Type to search. Grouped by theme.", lang))
        if "level" not in controls:  # Compare: the level in its link is the basket's ranking's, not the map's
            return replace(view, indicator=indicator, lang=lang)
        ind = REGISTRY[indicator]
        levels = tables.levels(store, ind) or list(ind.levels)
        _coerce("w_level", levels, seeded.level if seeded.level in levels else max(levels))
        level = st.selectbox(tr("NUTS level", lang), levels, key="w_level",
                             format_func=lambda lv: tr("National (NUTS 0)", lang) if lv == 0 else f"NUTS {lv}")
        years = tables.years(store, ind, level)
        year = None
        if years:
            _follow_indicator(indicator, level, years)
        if len(years) > 1:
            _coerce("w_year", years, seeded.year if seeded.year in years else years[-1])
            year = st.select_slider(tr("Year", lang), years, key="w_year")
        elif years:
            year = years[0]
            st.caption(tr("{label}: {content}", lang, label=tr("Year", lang), content=year))
        else:
            st.caption(tr("The source states no reference period for this indicator.", lang))
        if _link_year_missing(seeded, indicator, level, years, year):
            st.caption(tr("The link asks for {asked}, which has no data for this indicator at this level: {shown} is "
                          "shown.", lang, asked=seeded.year, shown=year or "–"))
        if "scheme" not in controls:
            return replace(view, indicator=indicator, level=level, year=year, lang=lang)
        scheme = st.selectbox(tr("Class breaks", lang), state.SCHEMES, key=seed("w_scheme", seeded.scheme),
                              format_func=lambda s: scheme_label(s, lang))
    return replace(view, indicator=indicator, level=level, year=year, lang=lang, scheme=scheme)


def _alphabetical(text: str) -> str:
    """The order a reader expects: 'Écart' among the e's, not after the z's."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def scheme_label(scheme: str, lang: str) -> str:
    """'natural_breaks' as 'Natural breaks', in ``lang``."""
    return {"quantiles": tr("Quantiles", lang), "natural_breaks": tr("Natural breaks", lang),
            "equal_interval": tr("Equal interval", lang)}.get(scheme, scheme.replace("_", " ").capitalize())


def _follow_indicator(indicator: str, level: int, years: list[int]) -> None:
    """A new indicator or level starts at its latest year; a year named by a just-opened link is kept.

    Why: a year kept from the previous indicator silently showed old data (2020 while 2023 exists).
    ``url_view`` forgets ``_year_for`` when a link is opened, so then the URL decides.
    """
    shown = (indicator, level)
    if st.session_state.get("_year_for") not in (None, shown):
        st.session_state["w_year"] = years[-1]
    st.session_state["_year_for"] = shown


def _link_year_missing(seeded: state.View, indicator: str, level: int, years: list[int], year) -> bool:
    """The opened link named a year this indicator and level do not have, and the latest year stands in for it."""
    return (seeded.year is not None and seeded.year not in years and seeded.indicator == indicator
            and seeded.level == level and bool(years) and year == years[-1])


def _coerce(key: str, options: list, default) -> None:
    if not _from_browser(key) and st.session_state.get(key) not in options:
        st.session_state[key] = default


def write_url(view: state.View) -> None:
    """Put the view in the URL (so a copied link reopens it) and remember what was written."""
    params = state.to_params(view)
    # Written also when the server's copy already matches but the view changed since this session last wrote it:
    # a link to the same page (a town opened from the town page) sets the server's query params, not the
    # browser's address, which then kept the old town.
    shown = {k: st.query_params.get(k) for k in st.query_params.keys()}
    if shown != params or st.session_state.get("_params") != params:
        st.query_params.from_dict(params)
    st.session_state["_params"] = params


def show_warnings(warnings: list[str]) -> None:
    for message in dict.fromkeys(warnings):
        st.warning(message, icon=":material/warning:")


def footer(store, view: state.View, controls=("indicator",)) -> None:
    """Sources of what is on screen, the boundary attribution, and how recent the data are. The sidebar
    indicator's credit only where the page shows that indicator: elsewhere each figure carries its own."""
    lang = view.lang
    # the source's name alone: the line's own label already says "Sources"
    credit = (REGISTRY[view.indicator].credit.removeprefix("Source: ") if "indicator" in controls
              else tr("each figure's own source line", lang))
    retrieved = sorted(s["retrieved_at"] for s in store.info["sources"].values() if s.get("retrieved_at"))
    as_of = retrieved[-1][:10] if retrieved else tr("unknown", lang)
    st.divider()
    built = tr("(store built {date})", lang, date=store.info["built_at"][:10])
    # "{label}: {content}": French puts a space before the colon
    st.caption(tr("{label}: {content}", lang, label=tr("Sources", lang),
                  content=f"{credit} · {say(boundaries(), lang)} · {tr('Data as of', lang)} {as_of} {built}"))


def readable_text() -> None:
    """Secondary text (captions, widget help) dark enough for WCAG AA. Static CSS only, no user text."""
    # A literal (not an f-string): unsafe_allow_html only ever gets constant text (tests/test_hostile_input.py).
    st.markdown("<style>[data-testid='stCaptionContainer'],[data-testid='stCaptionContainer'] *,"
                "[data-testid='stWidgetLabel'] small,[data-testid='stMarkdownContainer'] small"
                "{color:#595959 !important;opacity:1 !important}</style>", unsafe_allow_html=True)


def hide_chrome() -> None:
    """embed=1: no sidebar, no header, no footer (for iframes). Static CSS only, no user text."""
    # The page's padding (6rem above, 10rem below) is room for the header and toolbar hidden here: in an iframe it
    # was a blank band above the year slider and pushed the legend and source line out of the frame. The
    # element holding this style, and the other style-only ones, take no row (each cost a 1rem gap).
    st.markdown("<style>[data-testid='stSidebar'],[data-testid='stSidebarCollapsedControl'],"
                "header[data-testid='stHeader'],[data-testid='stToolbar']{display:none !important}"
                "[data-testid='stMainBlockContainer']{padding:0.5rem 1rem 0.25rem !important}"
                ".stElementContainer:has(> .stMarkdown style:only-child){display:none !important}</style>",
                unsafe_allow_html=True)

