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


def _is_streamlit(name: str) -> bool:
    return name == "streamlit" or name.startswith("streamlit.")


def _is_http(name: str) -> bool:
    return name in HTTP or name.split(".")[0] in {"requests", "httpx", "urllib3", "aiohttp"}


def offenders(root: Path, package: str, forbidden) -> list[str]:
    """Modules of ``package`` under ``root`` that import a name ``forbidden`` accepts."""
    return [str(p.relative_to(root)) for p in sorted((root / package).rglob("*.py"))
            if any(forbidden(n) for n in _imports(p))]


def layer_violations(root: Path, package: str) -> list[str]:
    """Modules of ``package`` that import a project package above their own layer."""
    found = []
    for path in sorted((root / package).rglob("*.py")):
        project = {n.split(".")[0] for n in _imports(path)} & set(PACKAGES)
        if not project <= ALLOWED[package]:
            found.append(f"{path.relative_to(root)} imports {sorted(project - ALLOWED[package])}")
    return found


@pytest.mark.parametrize("package", [p for p in PACKAGES if p != "dashboard"])
def test_streamlit_only_in_dashboard(package):
    assert not (found := offenders(REPO, package, _is_streamlit)), f"streamlit imported outside dashboard/: {found}"


@pytest.mark.parametrize("package", [p for p in PACKAGES if p != "loaders"])
def test_http_only_in_loaders(package):
    assert not (found := offenders(REPO, package, _is_http)), f"HTTP library imported outside loaders/: {found}"


@pytest.mark.parametrize("package", PACKAGES)
def test_imports_only_go_down(package):
    assert not (found := layer_violations(REPO, package)), found


def test_each_check_fails_on_a_broken_copy(tmp_path):
    """The checks above can fail: planted imports in a throwaway tree are each caught."""
    for package in PACKAGES:
        (tmp_path / package).mkdir()
        (tmp_path / package / "fine.py").write_text("import json\n")
    (tmp_path / "geodata" / "bad.py").write_text("from streamlit import session_state\n")
    (tmp_path / "indicators" / "bad.py").write_text("import requests\nfrom urllib.request import urlopen\n")
    (tmp_path / "loaders" / "bad.py").write_text("from dashboard import frame\n")
    assert offenders(tmp_path, "geodata", _is_streamlit) == ["geodata/bad.py"]
    assert offenders(tmp_path, "indicators", _is_http) == ["indicators/bad.py"]
    assert layer_violations(tmp_path, "loaders") == ["loaders/bad.py imports ['dashboard']"]
    assert not offenders(tmp_path, "dashboard", _is_streamlit) and not layer_violations(tmp_path, "geodata")


def _module_graph(root: Path) -> dict[str, set[str]]:
    """Project module -> the project modules it imports (anywhere in the file; ``from pkg import mod`` is ``pkg.mod``)."""
    modules = {}
    for package in PACKAGES:
        for path in (root / package).rglob("*.py"):
            name = ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
            modules[name] = path
    graph = {}
    for name, path in modules.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                submodules = {f"{node.module}.{alias.name}" for alias in node.names} & modules.keys()
                found.update(submodules or {node.module})
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def import_circles(root: Path) -> list[list[str]]:
    """Groups of project modules that import each other, directly or round a loop (Tarjan's algorithm)."""
    graph, index, low, stack, circles = _module_graph(root), {}, {}, [], []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in sorted(graph[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = stack[stack.index(module):]
            del stack[stack.index(module):]
            if len(group) > 1:
                circles.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return circles


def test_no_module_imports_itself_round_a_circle():
    assert import_circles(REPO) == []


def test_the_circle_check_can_fail(tmp_path):
    for package in PACKAGES:
        (tmp_path / package).mkdir()
    (tmp_path / "indicators" / "a.py").write_text("from indicators import b\n")
    (tmp_path / "indicators" / "b.py").write_text("def f():\n    from indicators.c import x\n")
    (tmp_path / "indicators" / "c.py").write_text("import indicators.a\n")
    (tmp_path / "loaders" / "d.py").write_text("from loaders import e\n")
    (tmp_path / "loaders" / "e.py").write_text("import json\n")
    assert import_circles(tmp_path) == [["indicators.a", "indicators.b", "indicators.c"]]


def test_the_bench_never_imports_the_tests():
    """The speed targets run from a checkout without the test suite: what both need lives in bench/."""
    found = [f"{path.relative_to(REPO)} imports {name}" for path in sorted((REPO / "bench").rglob("*.py"))
             for name in _imports(path) if name == "tests" or name.startswith("tests.")]
    assert found == []


def test_every_table_writes_a_missing_value_the_atlas_way():
    """Streamlit writes a missing cell as the word "None", which readers took for a raw Python value (the map's
    table, Agder): every st.dataframe passes ``placeholder`` (shown_tables.NONE)."""
    missing = []
    for path in (REPO / "dashboard").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "dataframe"
                    and getattr(node.func.value, "id", "") == "st"
                    and not any(k.arg == "placeholder" for k in node.keywords)):
                missing.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert not missing, missing
