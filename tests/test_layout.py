"""The library is grouped by stage, and a stage uses only the stages before it, so the data
flow can be read from the folder names (see the README's layout table)."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import PROJECT

LIBRARY = PROJECT / "plugins" / "foilog"
# In the order data flows through a build: each may import only from itself and earlier ones.
STAGES = ["core", "records", "settings", "guard", "search", "statistics", "checks", "site", "cli"]


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "foilog" and len(parts) > 1 and parts[1] in STAGES else None


def imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return found


def test_every_module_is_in_a_stage() -> None:
    loose = [
        p.relative_to(LIBRARY).as_posix() for p in LIBRARY.glob("*.py") if p.name != "__init__.py"
    ]
    assert loose == []
    folders = {p.name for p in LIBRARY.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == {*STAGES, "data", "locale"}  # locale: the catalogues (.po files)


def test_no_stage_imports_a_later_stage() -> None:
    wrong = []
    for path in sorted(LIBRARY.rglob("*.py")):
        if path == LIBRARY / "__init__.py":
            continue
        own = STAGES.index(path.relative_to(LIBRARY).parts[0])
        for line, module in imports(path):
            used = stage_of(module)
            if used is not None and STAGES.index(used) > own:
                wrong.append(f"{path.relative_to(PROJECT)}:{line}: imports {module}")
    assert wrong == []


def test_no_relative_imports() -> None:
    """Absolute imports name the stage they come from."""
    relative = [
        f"{path.relative_to(PROJECT)}:{node.lineno}"
        for path in sorted(LIBRARY.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.level > 0
    ]
    assert relative == []


def test_the_layering_check_sees_a_later_import(tmp_path: Path) -> None:
    module = tmp_path / "example.py"
    module.write_text("from foilog.site.output import write_text\nimport foilog.cli\n")
    assert [stage_of(m) for _, m in imports(module)] == ["site", "cli"]


def test_no_module_is_too_long() -> None:
    long = {
        path.relative_to(PROJECT).as_posix(): lines
        for path in LIBRARY.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 420
    }
    assert long == {}
