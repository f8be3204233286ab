"""Download buttons: cheap files directly, images and PDFs on request (made once, with a clear message when
making them fails; never a broken file)."""

from __future__ import annotations

import streamlit as st

from dashboard import context
from dashboard.export.images import ExportError
from dashboard.i18n import tr

MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf", "csv": "text/csv",
        "json": "application/json"}


def direct(label: str, make, file_name: str, key: str) -> None:
    """A download whose bytes are made only when it is clicked (``make`` is a no-argument callable)."""
    ext = file_name.rsplit(".", 1)[-1]
    st.download_button(label, make, file_name=file_name, mime=MIME.get(ext), key=key, on_click="ignore")


def on_request(label: str, make, file_name: str, key: str) -> None:
    """A 'Prepare …' button; once made, the file's download button (kept for the session)."""
    ext = file_name.rsplit(".", 1)[-1]
    ready = st.session_state.get(f"_file_{key}")
    if ready and ready[0] == file_name:
        st.download_button(f"⬇ {label}", ready[1], file_name=file_name, mime=MIME.get(ext), key=f"dl_{key}")
        return
    lang = _lang()
    if st.button(tr("Prepare {what}", lang, what=label), key=f"prep_{key}"):
        with st.spinner(tr("Making {what}…", lang, what=label)):
            try:
                data = make()
            except ExportError as exc:
                st.error(tr("{what} could not be made: {reason}", lang, what=label, reason=exc))
                return
            except Exception as exc:  # renderer or font trouble: say so, never hand out a broken file
                st.error(tr("{what} could not be made ({reason}). Please try again or use the CSV.", lang, what=label,
                            reason=exc.__class__.__name__))
                return
        st.session_state[f"_file_{key}"] = (file_name, data)
        st.download_button(f"⬇ {label}", data, file_name=file_name, mime=MIME.get(ext), key=f"dl_{key}")


def _lang() -> str:
    """The page's language, from the context the router hands over (English outside a page run)."""
    try:
        return context.current().view.lang
    except (KeyError, AttributeError):
        return "en"


def figure_images(fig, stem: str, key: str) -> None:
    """PNG and SVG of a chart, made server-side with the source lines the chart already carries."""
    from dashboard.export.images import figure_image

    left, right = st.columns(2)
    with left:
        on_request("PNG", lambda: figure_image(fig, "png"), f"{stem}.png", f"png_{key}")
    with right:
        on_request("SVG", lambda: figure_image(fig, "svg"), f"{stem}.svg", f"svg_{key}")
