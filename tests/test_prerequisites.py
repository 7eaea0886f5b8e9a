"""`make test` checks the machine first and names what is missing, one line each."""

from __future__ import annotations

import subprocess
import sys

from conftest import PROJECT


def test_a_missing_tool_is_named_with_its_install_command() -> None:
    # No PATH: npm cannot be found, as on a machine without it.
    result = subprocess.run(
        [sys.executable, str(PROJECT / "tests" / "prerequisites.py")],
        capture_output=True,
        text=True,
        env={"PATH": ""},
        check=False,
    )
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "missing: npm, for axe-core and the HTML checker: apt-get install npm" in lines
    assert lines[-1].startswith("make test stopped before running anything")


def test_this_machine_has_everything() -> None:
    result = subprocess.run(
        [sys.executable, str(PROJECT / "tests" / "prerequisites.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")


def test_make_test_checks_before_it_installs_or_runs_anything() -> None:
    plan = subprocess.run(
        ["make", "-n", "-C", str(PROJECT), "test"], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    commands = [line for line in plan if not line.startswith("make")]
    assert commands[0].endswith("tests/prerequisites.py")
