"""The project installs every package it has, and exactly one Pelican plugin."""

from __future__ import annotations

import tomllib

from conftest import PROJECT


def test_every_package_under_plugins_is_installed() -> None:
    setuptools = tomllib.loads((PROJECT / "pyproject.toml").read_text())["tool"]["setuptools"]
    found = {
        ".".join(init.parent.relative_to(PROJECT / "plugins").parts)
        for init in (PROJECT / "plugins" / "foilog").rglob("__init__.py")
    } | {"foilog.data"}
    assert set(setuptools["packages"]) == found | {"pelican.plugins.foilog"}
    assert setuptools["package-dir"] == {
        "foilog": "plugins/foilog",
        "pelican.plugins.foilog": "plugins/pelican_plugin",
    }
    assert set((PROJECT / "plugins").glob("*/__init__.py")) == {
        PROJECT / "plugins" / "foilog" / "__init__.py",
        PROJECT / "plugins" / "pelican_plugin" / "__init__.py",
    }
