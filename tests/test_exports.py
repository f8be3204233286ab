"""Exports on the real store: images decode, SVGs and PDFs carry their sources, CSVs round-trip, the CLI."""

import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image
from pypdf import PdfReader

from dashboard import flag_words, i18n
from dashboard.export import csvs, images, pdf
from dashboard.i18n import tr
from geodata.attribution import boundaries
from dashboard.export.common import PROJECT
from indicators.regions import profile
from indicators.registry import REGISTRY

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow  # renders in chromium (kaleido)
def test_map_png_decodes_at_the_expected_size(store):
    data = images.map_image(store, "net_migration_rate", 2, 2021, "png")
    picture = Image.open(io.BytesIO(data))
    assert picture.format == "PNG" and picture.size == images.MAP_SIZE


@pytest.mark.slow  # renders in chromium (kaleido)
def test_map_svg_is_xml_with_the_source_and_boundary_lines(store):
    data = images.map_image(store, "foreign_born_share", 2, 2023, "svg")
    root = ET.fromstring(data)
    text = " ".join(t for t in root.itertext())
    assert "Source: Eurostat (lfst_r_lfsd2pwc), retrieved" in text and "NUTS 2024" in text
    assert "EuroGeographics for the administrative boundaries" in text and PROJECT in text


def _pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.slow  # renders a locator map in chromium (kaleido)
@pytest.mark.parametrize("geo, lang", [("ITC4", "en"), ("AT130", "fr"), ("DE", "de")])
def test_briefing_is_one_page_of_real_text_with_the_registry_values(store, geo, lang):
    pages, text = _pdf_text(pdf.briefing(store, geo, lang))
    assert pages == 1
    flat = " ".join(text.split())
    name = profile.search_options(store).set_index("geo").loc[geo, "name"]
    if len(geo) == 2:  # a country is named in the briefing's language
        name = i18n.country(geo, lang)
    assert name in flat
    for fact in profile.headline(store, geo):
        ind = REGISTRY[fact.indicator]
        assert i18n.number(fact.value, ind.decimals, lang) in text, fact.indicator  # as the language writes it
    sources = flat.split(f" {tr('Sources', lang)} ", 1)[1]
    assert "Eurostat (" in sources and i18n.say(boundaries(), lang) in sources  # GISCO's wording in the briefing's language
    assert flag_words.legend(lang)[:20] in flat


@pytest.mark.slow  # renders in chromium (kaleido)
def test_pack_has_cover_table_pages_per_region_and_appendix(store):
    geos = ["ITC4", "AT13", "NL35"]
    pages, text = _pdf_text(pdf.pack(store, geos))
    assert pages >= 2 + len(geos) + 1
    for name in ("Lombardia", "Wien", "Utrecht"):
        assert name in text
    assert "One data vintage throughout" in text and "Sources and methods" in text


def test_pack_refuses_bad_input_clearly(store):
    with pytest.raises(images.ExportError, match="2 to 20"):
        pdf.pack(store, ["ITC4"])
    with pytest.raises(images.ExportError, match="unknown region"):
        pdf.pack(store, ["ITC4", "ZZ999"])


def test_csv_round_trips_through_pandas(store):
    rows = csvs.indicator_rows(store, "unemployment_foreign_born", 2, 2022)
    back = pd.read_csv(io.BytesIO(csvs.to_csv_bytes(rows)), encoding="utf-8-sig", keep_default_na=False,
                       na_values=[""])
    assert list(back.columns) == csvs.COLUMNS
    assert back["geo"].tolist() == rows["geo"].tolist()
    pd.testing.assert_series_equal(back["value"], rows["value"].astype(float), check_names=False)
    assert back["flag"].fillna("").tolist() == rows["flag"].tolist()  # suppressed values stay empty, flags kept


def test_formula_like_text_is_neutralised():
    rows = pd.DataFrame({"name": ["=HYPERLINK(\"x\")", "+1", "-cmd", "@SUM(A1)", "Wien"], "value": [-1.5, 2.0, -3.0, 4.0, 5.0]})
    back = pd.read_csv(io.BytesIO(csvs.to_csv_bytes(rows)), encoding="utf-8-sig")
    assert back["name"].tolist() == ["'=HYPERLINK(\"x\")", "'+1", "'-cmd", "'@SUM(A1)", "Wien"]
    assert back["value"].tolist() == [-1.5, 2.0, -3.0, 4.0, 5.0]  # numbers are not touched


def test_metadata_sidecar_says_what_and_whence(store):
    meta = json.loads(csvs.metadata_bytes(store, "net_migration_rate", 3, 2020))
    assert meta["source"] == "Source: Eurostat (demo_r_gind3)" and meta["retrieved"]
    assert "Decision 2011/833/EU" in meta["licence"] and "u low reliability" in meta["flags"]


def _cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "dashboard.export", *args], capture_output=True, text=True,
                          cwd=cwd, env=os.environ, timeout=300)


@pytest.mark.slow  # renders in chromium (kaleido)
def test_cli_writes_every_kind_of_file(store_env, tmp_path):
    assert _cli("chart", "--indicator", "net_migration_rate", "--level", "2", "--year", "2021", "--format", "png",
                "--out", str(tmp_path / "m.png"), cwd=tmp_path).returncode == 0
    assert Image.open(tmp_path / "m.png").size == images.MAP_SIZE
    assert _cli("chart", "--indicator", "net_migration_rate", "--level", "2", "--year", "2021", "--format", "csv",
                "--out", str(tmp_path / "m.csv"), cwd=tmp_path).returncode == 0
    assert len(pd.read_csv(tmp_path / "m.csv", encoding="utf-8-sig")) >= 260
    assert json.loads((tmp_path / "m.csv.metadata.json").read_text())["indicator_id"] == "net_migration_rate"
    assert _cli("briefing", "--geo", "ITC4", "--lang", "de", "--out", str(tmp_path / "b.pdf"), cwd=tmp_path).returncode == 0
    assert PdfReader(tmp_path / "b.pdf").pages
    assert _cli("pack", "--geo", "ITC4,AT13", "--out", str(tmp_path / "p.pdf"), cwd=tmp_path).returncode == 0


@pytest.mark.slow  # a subprocess that imports the whole stack
def test_cli_failure_leaves_no_file(store_env, tmp_path):
    out = _cli("briefing", "--geo", "NOPE1", "--out", str(tmp_path / "x.pdf"), cwd=tmp_path)
    assert out.returncode == 1 and "unknown region code" in out.stderr
    out = _cli("chart", "--indicator", "nope", "--level", "2", "--format", "png", "--out", str(tmp_path / "x.png"), cwd=tmp_path)
    assert out.returncode == 1 and "unknown indicator" in out.stderr
    assert not list(tmp_path.iterdir())


def test_export_code_does_not_import_streamlit():
    code = ("import sys; import dashboard.export.__main__, dashboard.export.pdf, dashboard.export.images, "
            "dashboard.export.csvs; print('streamlit' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.slow  # renders in chromium (kaleido)
@pytest.mark.parametrize("name", ["social", "print"])  # article: test_map_png_decodes_at_the_expected_size
def test_map_png_comes_in_each_published_size(store, name):
    data = images.map_image(store, "foreign_born_share", 2, 2023, "png", size=images.MAP_SIZES[name])
    assert Image.open(io.BytesIO(data)).size == images.MAP_SIZES[name]


@pytest.mark.parametrize("name", list(images.MAP_SIZES))
def test_the_exported_map_is_laid_out_to_be_read_at_640_px(store, name):
    """Laid out 640 CSS px wide and scaled up, so 11 px text stays 11 px when the image is shown 640 px wide;
    the source block wraps inside the frame, under the legend, off the edge."""
    fig = images.map_figure(store, "foreign_born_share", 2, 2023, size=images.MAP_SIZES[name])
    assert fig.layout.width == images.DESIGN_WIDTH
    source = fig.layout.annotations[0]
    assert "Source: Eurostat (lfst_r_lfsd2pwc)" in source.text and "EuroGeographics" in source.text
    assert source.font.size >= 11 and fig.layout.legend.font.size >= 11
    assert all(len(line) <= 100 for line in source.text.split("<br>"))  # ~6 px a character at 11 px: < 620 px
    assert source.x == 0 and source.xshift >= 4 and fig.layout.margin.l >= 8  # off the edge
    if name == "social":  # a wide card: the legend beside the insets, right of every framed box
        inset_right = max(shape.x1 for shape in fig.layout.shapes if shape.name == "inset")
        assert fig.layout.legend.orientation == "v" and fig.layout.legend.x >= inset_right
    else:
        assert fig.layout.legend.orientation == "h" and fig.layout.legend.y == 0  # under the map ...
        assert source.yshift < -20  # ... and the source under the legend, not on it
    assert fig.layout.margin.b >= -source.yshift + 17 * len(source.text.split("<br>"))  # inside the frame
