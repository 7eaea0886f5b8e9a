"""Build real sites from real records with the `pelican` command, as staff do."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

PROJECT = Path(__file__).resolve().parent.parent
PELICAN = [sys.executable, "-m", "pelican"]


@dataclass
class Build:
    root: Path
    output: Path
    result: subprocess.CompletedProcess[str]

    @property
    def ok(self) -> bool:
        return self.result.returncode == 0

    def page(self, url: str) -> BeautifulSoup:
        path = (
            self.output / url.strip("/") / "index.html"
            if not url.endswith(".html")
            else self.output / url
        )
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def error_lines(self) -> list[str]:
        return [line for line in self.result.stderr.splitlines() if line.strip()]


def write_site(root: Path, records: dict[str, Any], settings: str = "") -> None:
    """A site folder whose settings extend the project's development settings: the example
    site's own pages (content/) and theme (theme/, its page template only). The log's code,
    templates and static files come from the installed package, as on any site."""
    disclosures = root / "disclosures"
    disclosures.mkdir(parents=True, exist_ok=True)
    for name, record in records.items():
        path = disclosures / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = record if isinstance(record, str) else yaml.safe_dump(record, sort_keys=False)
        path.write_text(text, encoding="utf-8")
    (root / "settings.py").write_text(
        f"""
import sys
sys.path.insert(0, {str(PROJECT)!r})
from pelicanconf import *
PATH = {str(PROJECT / "content")!r}
THEME = {str(PROJECT / "theme")!r}

FOILOG_DISCLOSURES_PATH = {str(disclosures)!r}
CACHE_PATH = {str(root / "cache")!r}
# The example case register is for the example log only (see the example_site fixture).
FOILOG_CASE_REGISTER = FOILOG_CASE_REGISTER_MAPPING = None
{settings}
""",
        encoding="utf-8",
    )


def build(root: Path) -> Build:
    output = root / "output"
    result = subprocess.run(
        [*PELICAN, "-s", str(root / "settings.py"), "-o", str(output), "-q"],
        capture_output=True,
        text=True,
        cwd=root,
        check=False,
    )
    return Build(root, output, result)


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Build]:
    """Write records (dicts or YAML text, by file name) and build them."""

    def make(records: dict[str, Any], settings: str = "") -> Build:
        write_site(tmp_path, records, settings)
        return build(tmp_path)

    return make


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The project's own example log, built once for the session."""
    root = tmp_path_factory.mktemp("example")
    shutil.copytree(PROJECT / "disclosures", root / "disclosures")
    register = PROJECT / "case-register"
    write_site(
        root,
        {},
        f"FOILOG_CASE_REGISTER = {str(register / 'requests.csv')!r}\n"
        f"FOILOG_CASE_REGISTER_MAPPING = {str(register / 'mapping.yaml')!r}",
    )
    result = build(root)
    assert result.ok, result.result.stderr
    return result


@pytest.fixture(scope="session")
def example_records() -> list[dict[str, Any]]:
    return [
        yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((PROJECT / "disclosures").rglob("*.yaml"))
    ]


def good_record(**changes: Any) -> dict[str, Any]:
    """A small valid record; tests change one thing to break one rule."""
    record: dict[str, Any] = {
        "reference": "000001-25",
        "title": "Number of police dogs",
        "received": "2025-03-03",
        "responded": "2025-03-20",
        "topics": ["police dogs"],
        "questions": [{"text": "How many police dogs do you have?", "outcome": "disclosed"}],
        "figures": [
            {
                "caption": "Police dogs by role",
                "unit": "count",
                "rows": ["General purpose", "Search"],
                "values": [12, 8],
                "total": 20,
            }
        ],
    }
    record.update(changes)
    return record


@pytest.fixture(scope="session")
def browser() -> Any:
    """One headless Chromium for the session (Debian's /usr/bin/chromium, never downloaded)."""
    from browser import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def example_server(example_site: Build) -> Any:
    """The example site served on 127.0.0.1; yields its base address."""
    from browser import serve

    with serve(example_site.output) as address:
        yield address


Expected = list[tuple[str, str, str]]  # (rule, place, words in the message) per finding


def build_cases(root: Path, cases: dict[str, dict[str, Any]]) -> Build:
    """One record per case, by name, changing `good_record` by the case's fields, built
    once. A period each: cases share captions and labels, which the cross-record check
    would otherwise compare between them."""
    records = {
        f"2025/{name}.yaml": good_record(
            reference=f"{n:06d}-25",
            periods=[{"kind": "calendar-year", "year": 1990 + n, "label": str(1990 + n)}],
            **fields,
        )
        for n, (name, fields) in enumerate(cases.items())
    }
    write_site(root, records)
    result = build(root)
    assert result.ok, result.result.stderr
    return result


def assert_case_findings(site: Build, name: str, expected: Expected) -> None:
    """The case's record gave exactly the expected findings, each at its place."""
    lines = [
        line
        for line in site.error_lines()
        if line.startswith(f"warning: disclosures/2025/{name}.yaml:")
    ]
    assert len(lines) == len(expected), lines
    for rule, place, words in expected:
        found = [line for line in lines if f": {rule}: {place}: " in line and words in line]
        assert found, (rule, place, words, lines)
