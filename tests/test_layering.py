"""Imports only go down (dashboard → indicators → loaders → geodata); streamlit and HTTP stay in their layer."""

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ["dashboard", "indicators", "loaders", "geodata"]
HTTP = {"requests", "httpx", "urllib3", "aiohttp", "urllib.request", "http.client"}
# What each package may import from the project.
ALLOWED = {"dashboard": {"dashboard", "indicators", "loaders", "geodata"}, "indicators": {"indicators", "loaders", "geodata"},
           "loaders": {"loaders", "geodata"}, "geodata": {"geodata"}}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(package: str):
    return sorted((REPO / package).rglob("*.py"))


@pytest.mark.parametrize("package", PACKAGES)
def test_streamlit_only_in_dashboard(package):
    if package == "dashboard":
        return
    offenders = [str(p.relative_to(REPO)) for p in _modules(package)
                 if any(n == "streamlit" or n.startswith("streamlit.") for n in _imports(p))]
    assert not offenders, f"streamlit imported outside dashboard/: {offenders}"


@pytest.mark.parametrize("package", PACKAGES)
def test_http_only_in_loaders(package):
    if package == "loaders":
        return
    offenders = [str(p.relative_to(REPO)) for p in _modules(package)
                 if any(n in HTTP or n.split(".")[0] in {"requests", "httpx", "urllib3", "aiohttp"} for n in _imports(p))]
    assert not offenders, f"HTTP library imported outside loaders/: {offenders}"


@pytest.mark.parametrize("package", PACKAGES)
def test_imports_only_go_down(package):
    for path in _modules(package):
        project = {n.split(".")[0] for n in _imports(path)} & set(PACKAGES)
        assert project <= ALLOWED[package], f"{path.relative_to(REPO)} imports {project - ALLOWED[package]}"
