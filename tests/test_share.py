"""The share panel's link and embed snippet: built from the validated view, reopening exactly that view."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from dashboard import state
from dashboard.links import absolute
from dashboard.screens.share import iframe


def test_the_link_carries_the_view_and_parses_back_to_it():
    view = state.View(indicator="foreign_born_share", level=2, year=2021, lang="fr", scheme="natural_breaks",
                      layer="regions")
    url = absolute(view, "compare", "https://atlas.example.eu/prefix/map?stale=1")
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "atlas.example.eu", "/prefix/compare")
    params = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert "stale" not in params  # the address bar is not copied: only what the view says
    again, warnings = state.parse(params, known_geos=set())
    assert again == state.View(indicator="foreign_born_share", level=2, lang="fr") and not warnings


@pytest.mark.parametrize("read_at", ["http://127.0.0.1:8501/", "http://127.0.0.1:8501/compare?geos=AT13",
                                     "https://atlas.example.eu/prefix/", "https://atlas.example.eu/prefix/town"])
def test_the_map_is_shared_and_embedded_at_the_root_never_at_its_page_path(read_at):
    """Issue 21: the share link and the embed code pointed to /map?…, which Streamlit answers with 'Page not found'
    (the default page lives at / only); under a path prefix the root is the prefix."""
    view = state.View(indicator="foreign_born_share", level=2, year=2023, lang="fr")
    root = read_at.rsplit("/", 1)[0] + "/"
    assert absolute(view, "map", read_at) == f"{root}?indicator=foreign_born_share&level=2&year=2023&lang=fr"
    assert f'src="{root}?indicator=foreign_born_share&level=2&year=2023&lang=fr&embed=1"' in iframe(
        view, "map", "t", read_at)


def test_the_embed_snippet_opens_embed_mode_and_escapes_its_title():
    snippet = iframe(state.View(), "map", 'Net "migration" <b>', "http://localhost:8501/")
    assert "embed=1" in snippet and 'title="Net &quot;migration&quot; &lt;b>"' in snippet
    assert "<b>" not in snippet


def test_flag_words_name_the_same_letters_as_the_one_vocabulary():
    from dashboard import flag_words
    from indicators.regions import flags

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


def test_a_typed_image_title_keeps_its_quotes_and_wraps_inside_the_image():
    """'"guillemets"' printed as &quot;guillemets&quot; (plotly reads no &quot;), and a 100-character title ran off
    the image's right edge."""
    import plotly.graph_objects as go

    from dashboard.export.images import retitle
    from dashboard.maps.figures import SUBTITLE_PX

    fig = go.Figure(layout=dict(title_text="Net migration<br><span>per 1 000</span>", margin_t=100))
    retitle(fig, 'Mon titre & "guillemets" ' + "très long " * 9, width=640)
    lines = fig.layout.title.text.split("<br>")[:-1]
    assert "&quot;" not in lines[0] and '"guillemets"' in lines[0] and "&amp;" in lines[0]
    assert len(lines) == 2 and all(len(line) <= 70 for line in lines), lines
    assert fig.layout.margin.t == 100 + SUBTITLE_PX  # the map moves down by the title's second line


def test_the_share_panel_offers_a_static_embed_only_where_the_site_publishes_them(store_env, monkeypatch):
    """The static snippet pointed at /embeds/… on a server that publishes none: the address answered with the app."""
    from streamlit.testing.v1 import AppTest

    from dashboard.pages import ROUTER
    from dashboard.screens import share

    def codes(published: str) -> list[str]:
        monkeypatch.setattr(share, "EMBEDS_URL", published)
        at = AppTest.from_file(str(ROUTER), default_timeout=180)
        at.query_params.update({"indicator": "net_migration_rate", "level": "2", "year": "2019"})
        at.run()
        assert not at.exception
        return [c.value for c in at.code]

    assert not [c for c in codes("") if "nuts2.en.html" in c]
    assert [c for c in codes("/embeds/") if "/embeds/net_migration_rate/nuts2.en.html?year=2019" in c]
