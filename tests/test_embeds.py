"""Static embeds (dashboard/export/embeds.py): the map page's own figures, shared files written once under hashed
names, a page in the reader's language with its source line, licence and a link back, and no code in the page."""

from __future__ import annotations

import gzip
import hashlib
import json
import re

import orjson
import pytest

from dashboard.maps import map_ahead
from dashboard import state
from dashboard.maps.boundaries import MapFiles
from dashboard.export import embeds
from dashboard.export.__main__ import main
from dashboard.screens.share import static_iframe

INDICATOR, LEVEL, LANG = "foreign_born_share", 2, "fr"


@pytest.fixture(scope="module")
def written(store):
    return dict(embeds.files(store, [LANG], [INDICATOR], live="https://atlas.example.org/"))


def _page(written) -> str:
    return written[embeds.page_path(INDICATOR, LEVEL, LANG)].decode("utf-8")


def test_each_year_is_the_map_pages_own_figure_with_the_boundaries_under_hashed_names(store, written):
    _, maps, _ = embeds.shared_files(store)
    app_maps = MapFiles(store.info["build_id"], maps.background_ids, "/boundaries")
    year = 2021
    embedded = orjson.loads(written[f"{INDICATOR}/nuts{LEVEL}.{LANG}/{year}.json"])["figure"]
    on_the_page = orjson.loads(map_ahead.map_view(store, app_maps, INDICATOR, LEVEL, year, "quantiles", LANG).figure)
    # the same builder: the two figures differ only in where the boundary files are
    renamed = {maps.screen(v, LEVEL): app_maps.screen(v, LEVEL) for v in (2021, 2024)}
    renamed[maps.background] = app_maps.background
    for trace in embedded["data"]:
        trace["geojson"] = renamed[trace["geojson"]]
    assert embedded == on_the_page


def test_shared_files_are_written_once_under_names_that_carry_their_content(written):
    shared = {path: data for path, data in written.items() if path.startswith("static/") and not path.endswith(".gz")}
    assert any(re.fullmatch(r"static/plotly\.[0-9a-f]{12}\.min\.js", p) for p in shared)
    for path, data in shared.items():
        digest = hashlib.sha256(data).hexdigest()[:12]
        assert digest in path, path  # a file's name changes whenever its bytes do (the base maps: by their folder)
    for path, data in written.items():
        if path.endswith(".gz"):
            assert gzip.decompress(data) == written[path.removesuffix(".gz")]
    # every file a figure or the page names is in the export
    page = _page(written)
    names = set(re.findall(r'(?:src|href)="\.\./(static/[^"]+)"', page))
    figure = orjson.loads(written[f"{INDICATOR}/nuts{LEVEL}.{LANG}/2021.json"])["figure"]
    names |= {trace["geojson"].removeprefix("../") for trace in figure["data"]}
    assert len(names) >= 5 and names <= set(written)


def test_the_page_speaks_the_readers_language_and_carries_its_source_licence_and_link_back(written):
    page = _page(written)
    assert '<html lang="fr">' in page
    assert "Source : Eurostat" in page and "Licence : " in page and "© EuroGeographics" in page
    assert 'href="https://atlas.example.org/?indicator=foreign_born_share&amp;level=2&amp;year=2023&amp;lang=fr"' in page
    assert "Ouvrir la vue interactive" in page
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.S)
    # code lives in embed.js: a script element either loads a file or holds the page's data
    assert all(('src="' in attrs and not body) or 'type="application/json"' in attrs for attrs, body in scripts)
    spec = json.loads(re.search(r'id="atlas-embed">(.*?)</script>', page, flags=re.S).group(1))
    years = sorted(int(p.rsplit("/", 1)[1][:4]) for p in written if p.startswith(f"{INDICATOR}/nuts{LEVEL}.{LANG}/")
                   and p.endswith(".json"))
    assert spec["years"] == years and spec["figures"] == f"nuts{LEVEL}.{LANG}/"


def test_the_command_writes_the_embeds_and_refuses_an_unknown_indicator(store_env, tmp_path, capsys):
    assert main(["embeds", str(tmp_path), "--indicator", "no_such_thing"]) == 1
    assert "unknown indicator" in capsys.readouterr().err
    assert main(["embeds", str(tmp_path), "--indicator", INDICATOR, "--lang", "de"]) == 0
    assert (tmp_path / embeds.page_path(INDICATOR, LEVEL, "de")).is_file()
    assert not list(tmp_path.rglob(".*.part"))


def test_the_share_panel_offers_the_static_embed_of_the_view():
    view = state.View(indicator=INDICATOR, level=LEVEL, year=2021, lang="fr")
    snippet = static_iframe(view, 'Nés "à" <l>', "https://atlas.example.org/", "/embeds/")
    assert 'src="https://atlas.example.org/embeds/foreign_born_share/nuts2.fr.html?year=2021"' in snippet
    assert 'title="Nés &quot;à&quot; &lt;l>"' in snippet
