"""The town page's CSV files, display names, outermost regions and French spacing (review of the town page)."""

import io
import json

import pandas as pd
import pytest

from indicators.places import town_names, lau_ranking, local, similar_towns, town_answer, town_official

TULLN, SAINT_DENIS_REUNION = "AT_32135", "FR_97411"


def _read(data: bytes) -> tuple[str, pd.DataFrame]:
    text = data.decode("utf-8-sig")
    return text, pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def test_display_name_puts_the_latin_name_first_and_the_original_after_a_slash():
    from indicators.places.town_names import display_name

    assert display_name("Ψευδοδημοτική Κοινότητα Ιλίου", "Psevdodimotiki Koinotita Iliou") == \
        "Psevdodimotiki Koinotita Iliou / Ψευδοδημοτική Κοινότητα Ιλίου"
    assert display_name("Tulln an der Donau", "Tulln an der Donau") == "Tulln an der Donau"
    assert display_name("Gouda", None) == "Gouda"


def test_town_figures_csv_has_whole_counts_rounded_shares_and_a_licence(store):
    from dashboard.export import town_csvs

    text, table = _read(town_csvs.figures(town_answer.comparison(store, TULLN)))
    assert "count" not in table.columns and {"source", "licence"} <= set(table.columns)
    residents = table.loc[table["figure"].eq("Residents"), "value"]
    assert residents.str.fullmatch(r"\d*").all() and residents.ne("").any(), residents.tolist()
    shares = table.loc[table["unit"].str.startswith("%"), "value"]
    assert shares.str.fullmatch(r"(\d+(\.\d)?)?").all(), shares.tolist()
    assert table["licence"].str.contains("Eurostat").all()


def test_town_official_and_similar_csvs_have_whole_counts_rounded_shares_and_degurba_words(store):
    from dashboard.export import town_csvs

    _, official = _read(town_csvs.official(town_official.town_official(store, TULLN)))
    assert official["count"].str.fullmatch(r"\d*").all() and official["population"].str.fullmatch(r"\d*").all()
    assert official["value"].str.fullmatch(r"-?(\d+(\.\d)?)?").all(), official["value"].tolist()
    assert official["licence"].ne("").all()
    _, similar = _read(town_csvs.similar(similar_towns.similar_towns(store, TULLN, 10)))
    assert similar["population"].str.fullmatch(r"\d+").all()
    assert similar["born_abroad_pct"].str.fullmatch(r"\d+(\.\d)?").all()
    assert set(similar["degurba_class"]) <= {"city", "town or suburb", "rural area"}
    assert similar["licence"].ne("").all()


def test_greek_towns_are_shown_by_their_latin_name_in_towns_like_yours_and_the_ranking(store):
    towns = store.local("municipalities")
    greek = towns[towns["country"].eq("EL") & towns["name"].ne(towns["name_latin"])]
    matches = similar_towns.similar_towns(store, str(greek.nlargest(1, "population")["gisco_id"].iloc[0]), 10,
                                          same_country=True)
    shown = town_names.display_names(matches)
    greek_rows = matches["name"].ne(matches["name_latin"])
    assert greek_rows.any() and shown[greek_rows].str.fullmatch(r"[A-Za-z][^/]* / .+").all(), shown.tolist()
    ranked = lau_ranking.ranking(store, countries=["CY"])
    in_table = town_names.display_names(ranked)
    assert in_table[ranked["name"].ne(ranked["name_latin"])].str.contains(" / ").all()


def test_the_grid_does_not_cover_the_outermost_regions(store):
    assert local.grid_covers(store, local.municipality(store, TULLN))
    assert not local.grid_covers(store, local.municipality(store, SAINT_DENIS_REUNION))


def test_the_briefing_of_an_outermost_town_says_the_grid_does_not_cover_it_and_has_no_map(store):
    from pypdf import PdfReader

    from dashboard.export.town_pdf import town_briefing

    reader = PdfReader(io.BytesIO(town_briefing(store, SAINT_DENIS_REUNION, "en")))
    text = " ".join(reader.pages[0].extract_text().split())
    assert "does not cover the outermost regions" in text
    assert len(reader.pages[0].images) == 0


def _town_page(lang: str, lau: str):
    from streamlit.testing.v1 import AppTest

    from dashboard import cached
    from dashboard.pages import ROUTER

    cached.forget()
    at = AppTest.from_file(str(ROUTER), default_timeout=180)
    at.query_params["lau"], at.query_params["lang"] = lau, lang
    at.switch_page("views/town.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_the_town_page_of_an_outermost_town_says_so_instead_of_an_empty_map(store_env):
    at = _town_page("fr", SAINT_DENIS_REUNION)
    assert not [c for c in at.get("plotly_chart") if json.loads(c.proto.spec)["data"][0]["type"] == "heatmap"]
    assert any("régions ultrapériphériques" in i.value for i in at.info), [i.value for i in at.info]


def test_french_key_figures_put_a_space_before_the_colon_and_greek_towns_are_headed_in_latin(store_env):
    at = _town_page("fr", TULLN)
    boxes = "\n".join(m.value for m in at.markdown if "km" in m.value)
    # a no-break space before the colon and the semicolon, as the catalogues' other French entries
    assert "2 km\xa0: " in boxes and "2 km: " not in boxes
    assert "Autriche\xa0: " in boxes
    similar = [c.value for c in at.caption if "habitants" in c.value and "·" in c.value and "%" in c.value]
    assert similar and all("\xa0; " in c and not any(c[i - 1] not in "\xa0 " for i in _at(c, "; ")) for c in similar)


def _at(text: str, part: str) -> list[int]:
    return [i for i in range(1, len(text)) if text.startswith(part, i)]


def test_a_greek_town_page_is_headed_latin_name_first(store):
    towns = store.local("municipalities")
    greek = towns[towns["country"].eq("EL") & towns["name"].ne(towns["name_latin"])].nlargest(1, "population")
    at = _town_page("it", str(greek["gisco_id"].iloc[0]))
    title = at.title[0].value.replace("\\", "")  # Markdown escapes
    assert title == f"{greek['name_latin'].iloc[0]} / {greek['name'].iloc[0]}", title


@pytest.mark.parametrize("lau", ["IT_016024", "NL_GM0513"])
def test_the_town_maps_labels_stay_inside_and_off_the_scale_bar_and_its_source_line_wraps(store, lau):
    from dashboard.maps import local_map as module

    fig = module.local_map(store, local.municipality(store, lau), "born_abroad", 5, lang="it")
    source = next(a for a in fig.layout.annotations if a.name == "source")
    assert all(len(line) <= module.SOURCE_CHARS for line in source.text.split("<br>")), source.text
    left, right = fig.layout.xaxis.range
    bottom, top = fig.layout.yaxis.range
    bar_right = max(max(s.x0, s.x1) for s in fig.layout.shapes if s.name == "scale")
    bar_top = max(a.y for a in fig.layout.annotations if a.name == "scale")
    labels = next(t for t in fig.data if t.type == "scatter" and t.mode == "markers+text")
    shown = 0
    for x, y, text, position in zip(labels.x, labels.y, labels.text, labels.textposition):
        if not text:
            continue
        shown += 1
        width = len(text) * module.LABEL_KM_PER_CHAR
        vertical, horizontal = position.split()
        x_lo = {"right": x, "left": x - width, "center": x - width / 2}[horizontal]
        y_lo = y - module.LABEL_KM_HIGH if vertical == "bottom" else y
        assert left <= x_lo and x_lo + width <= right and bottom <= y_lo and y_lo + module.LABEL_KM_HIGH <= top, text
        assert not (x_lo < bar_right and y_lo < bar_top + module.LABEL_KM_HIGH), text
    assert shown >= 5
