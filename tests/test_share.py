"""The share panel's link and embed snippet: built from the validated view, reopening exactly that view."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from dashboard import state
from dashboard.screens.share import iframe, link


def test_the_link_carries_the_view_and_parses_back_to_it():
    view = state.View(indicator="foreign_born_share", level=2, year=2021, lang="fr", scheme="natural_breaks",
                      layer="regions")
    url = link(view, "map", "https://atlas.example.eu/prefix/map?stale=1")
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "atlas.example.eu", "/prefix/map")
    params = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert "stale" not in params  # the address bar is not copied: only what the view says
    again, warnings = state.parse(params, known_geos=set())
    assert again == view and not warnings


def test_the_embed_snippet_opens_embed_mode_and_escapes_its_title():
    snippet = iframe(state.View(), "map", 'Net "migration" <b>', "http://localhost:8501/")
    assert "embed=1" in snippet and 'title="Net &quot;migration&quot; &lt;b>"' in snippet
    assert "<b>" not in snippet


def test_flag_words_name_the_same_letters_as_the_one_vocabulary():
    from dashboard import flag_words
    from indicators import flags

    assert flag_words.meanings("en") == flags.MEANINGS
    assert set(flag_words.meanings("fr")) == set(flags.MEANINGS)
    assert flag_words.words("pu", "de") == "vorläufig, geringe Zuverlässigkeit"
    assert flag_words.legend("en") == flags.legend()


def test_a_typed_image_title_replaces_the_short_label_escaped_and_keeps_the_subtitle():
    import plotly.graph_objects as go

    from dashboard.export.images import MAX_TITLE, retitle

    fig = go.Figure(layout=dict(title_text="Net migration<br><span>per 1 000 · 2021</span>"))
    retitle(fig, "  Where people <b>moved</b> " + "x" * 200)
    text = fig.layout.title.text
    assert text.startswith("Where people &lt;b&gt;moved&lt;/b&gt;") and "<b>" not in text
    assert text.endswith("<br><span>per 1 000 · 2021</span>")
    assert len(text.split("<br>")[0]) <= MAX_TITLE + 30  # escaped characters grow; the typed text is cut at 100
