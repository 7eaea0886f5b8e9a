"""The project installs every package it has: pyproject.toml lists them by hand."""

from __future__ import annotations

import tomllib

from conftest import PROJECT


def test_every_package_under_plugins_is_installed() -> None:
    setuptools = tomllib.loads((PROJECT / "pyproject.toml").read_text())["tool"]["setuptools"]
    found = set()
    for init in (PROJECT / "plugins").rglob("__init__.py"):
        parts = init.parent.relative_to(PROJECT / "plugins").parts
        found.add(".".join(parts) if parts[0] == "foilog" else f"pelican.plugins.{parts[0]}")
    assert set(setuptools["packages"]) == found
    for package in found:
        if package.startswith("pelican.plugins."):
            name = package.removeprefix("pelican.plugins.")
            assert setuptools["package-dir"][package] == f"plugins/{name}"
