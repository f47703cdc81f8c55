"""The dependency order: praktijken (the tenant) at the bottom, overzicht at the top.

Only imports between the project's own apps count."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["praktijken", "netwerk", "experimenten", "condities", "mantelzorg", "overzicht"]


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
    for app in APPS[:-1]:
        modules = imported_apps(app)
        assert modules, app
        assert [path for path, apps in modules.items() if "overzicht" in apps] == [], app


def test_mantelzorg_uses_condities_only_for_the_conditions():
    names = set()
    for path in sorted((ROOT / "mantelzorg").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("condities"):
                names.update((node.module, alias.name) for alias in node.names)
            elif isinstance(node, ast.Import):
                assert not any(a.name.startswith("condities") for a in node.names), path
    assert names == {("condities.models", "Conditie")}


def view_modules(app: str) -> list[Path]:
    folder = ROOT / app
    return sorted([*folder.glob("views*.py"), *folder.glob("views/*.py")])


@pytest.mark.parametrize(
    "app", ["praktijken", "netwerk", "experimenten", "mantelzorg", "overzicht"]
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
