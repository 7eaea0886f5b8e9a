"""The project installs every package it has, and exactly one Pelican plugin."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from conftest import PROJECT

WHEEL = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w"]


def test_every_package_under_plugins_is_installed() -> None:
    setuptools = tomllib.loads((PROJECT / "pyproject.toml").read_text())["tool"]["setuptools"]
    # Every folder of code (with an __init__.py) and of data files (templates, static files).
    found = {
        ".".join(folder.relative_to(PROJECT / "plugins").parts)
        for folder in (PROJECT / "plugins" / "foilog").rglob("*")
        if folder.is_dir()
        and folder.name != "__pycache__"
        and any(f.is_file() for f in folder.iterdir())
    }
    assert set(setuptools["packages"]) == found | {"foilog", "pelican.plugins.foilog"}
    assert setuptools["package-dir"] == {
        "foilog": "plugins/foilog",
        "pelican.plugins.foilog": "plugins/pelican_plugin",
    }
    assert set((PROJECT / "plugins").glob("*/__init__.py")) == {
        PROJECT / "plugins" / "foilog" / "__init__.py",
        PROJECT / "plugins" / "pelican_plugin" / "__init__.py",
    }


def test_the_package_builds_without_a_warning(tmp_path: Path) -> None:
    """Every folder of data is declared, so setuptools has nothing to warn about."""
    result = subprocess.run(
        [*WHEEL, str(tmp_path / "wheel"), str(PROJECT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "warning" not in (result.stdout + result.stderr).lower()
