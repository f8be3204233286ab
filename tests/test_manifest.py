"""The manifest covers every data file of the mirror, declaratively and with its licence."""

import re

from loaders.fetch import _mirror_checksums
from loaders.manifest import LICENCE_GISCO, SOURCES

DOCUMENTS = {"README.md", "SHA256SUMS", "nuts/jrc_nuts_converter_2025.08/ReadMe_JRC_2022.txt",  # prose, not data
             "census2021-grid/LICENSE", "census2021-grid/README.md", "national/it/LICENSE.md", "national/it/README.md"}


def test_every_mirror_data_file_has_one_entry(mirror):
    files = {str(p.relative_to(mirror)) for p in mirror.rglob("*") if p.is_file()} - DOCUMENTS
    covered = [s.mirror_path for s in SOURCES]
    assert len(covered) == len(set(covered)), "two entries point at the same file"
    assert files == set(covered)


def test_entries_are_complete_and_ids_url_safe():
    for s in SOURCES:
        assert re.fullmatch(r"[a-z0-9_]+", s.id), s.id
        assert s.url.startswith("https://"), s.id
        assert s.licence and s.credit, s.id
        if s.licence == LICENCE_GISCO:
            assert "EuroGeographics" in s.credit


def test_eurostat_entries_query_the_dissemination_api_without_time_limit():
    for s in SOURCES:
        if s.adapter.startswith("sdmx"):
            assert "/eurostat/api/dissemination/sdmx/" in s.url, s.id
            assert "startPeriod" not in s.url and "endPeriod" not in s.url and "lastTimePeriod" not in s.url
            assert s.dataset and s.dataset in s.url, s.id


def test_static_checksums_match_the_mirror(mirror):
    listed = _mirror_checksums(mirror)
    for s in SOURCES:
        if s.sha256:
            assert listed[s.mirror_path] == s.sha256, s.id
