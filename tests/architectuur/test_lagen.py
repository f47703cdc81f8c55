"""The dependency order: praktijken (the tenant) at the bottom, overzicht at the top.

Only imports between the project's own apps count."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = [
    "praktijken",
    "begrippen",
    "netwerk",
    "experimenten",
    "condities",
    "mantelzorg",
    "relaties",
    # The programme's pages read every app below; overzicht (the start page, the demo) links to
    # them, so programma sits just under the top.
    "programma",
    "overzicht",
    "bibliotheek",
]


def imported_apps(app: str) -> dict[str, set[str]]:
    """For each module of `app` (migrations aside): the other project apps it imports."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(), filename=str(path))
        modules = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules.add(node.module.split(".")[0])
            elif isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
        found[str(path.relative_to(ROOT))] = {m for m in modules if m in APPS and m != app}
    return found


def test_praktijken_imports_no_other_app():
    modules = imported_apps("praktijken")
    assert "praktijken/models.py" in modules and "praktijken/access.py" in modules
    assert {path: apps for path, apps in modules.items() if apps} == {}


def test_no_app_imports_overzicht_the_top_of_the_order():
    for app in APPS[: APPS.index("overzicht")]:
        modules = imported_apps(app)
        assert modules, app
        assert [path for path, apps in modules.items() if "overzicht" in apps] == [], app


def test_no_app_below_programma_imports_it():
    for app in APPS[: APPS.index("programma")]:
        modules = imported_apps(app)
        assert [path for path, apps in modules.items() if "programma" in apps] == [], app


def test_no_app_imports_bibliotheek_the_library_above_them_all():
    for app in APPS[:-1]:
        modules = imported_apps(app)
        assert modules, app
        assert [path for path, apps in modules.items() if "bibliotheek" in apps] == [], app


def test_mantelzorg_uses_condities_only_for_the_conditions_and_the_disclosure_rules():
    names = set()
    for path in sorted((ROOT / "mantelzorg").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("condities"):
                names.update((node.module, alias.name) for alias in node.names)
            elif isinstance(node, ast.Import):
                assert not any(a.name.startswith("condities") for a in node.names), path
    assert names == {
        ("condities.models", "Conditie"),
        ("condities.disclosure", "perioden_vrijgeven"),  # the one place that releases figures
    }


def view_modules(app: str) -> list[Path]:
    folder = ROOT / app
    return sorted([*folder.glob("views*.py"), *folder.glob("views/*.py")])


@pytest.mark.parametrize(
    "app",
    [
        "praktijken",
        "netwerk",
        "experimenten",
        "mantelzorg",
        "relaties",
        "overzicht",
        "programma",
        "bibliotheek",
    ],
)
def test_no_view_module_queries_the_database_itself(app):
    modules = view_modules(app)
    assert modules, app
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in modules
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if ".objects." in line or "get_object_or_404" in line
    ]
    assert offenders == []


def module_graph() -> dict[str, set[str]]:
    """Every project module (migrations aside) and the project modules it imports at load time."""
    modules: dict[str, Path] = {}
    for app in ["config", *APPS]:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        deps = set()
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                deps.update(
                    m
                    for m in [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
                    if m in modules
                )
            elif isinstance(node, ast.Import):
                deps.update(a.name for a in node.names if a.name in modules)
        graph[name] = deps - {name}
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles in a module graph, each as the path that closes it."""
    cycles: list[list[str]] = []
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        for dep in sorted(graph.get(name, ())):
            if dep in path:
                cycles.append([*path[path.index(dep) :], dep])
            elif dep not in done:
                visit(dep, [*path, dep])
        done.add(name)

    for name in sorted(graph):
        if name not in done:
            visit(name, [name])
    return cycles


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert find_cycles({"a": {"b"}, "b": set()}) == []


def test_no_two_modules_import_each_other():
    graph = module_graph()
    assert "praktijken.access" in graph and "overzicht.views" in graph
    assert find_cycles(graph) == []
