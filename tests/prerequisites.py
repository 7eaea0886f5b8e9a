"""What `make test` needs from the machine, checked before anything is installed or run.

Prints one line for each missing piece, with the command that installs it on Debian or
Ubuntu, and exits 1 if anything is missing. Python's own packages (Playwright, the Java
runtime for the HTML checker) come from the test extras, so they are not checked here.
Runs with the system's Python, before the virtual environment exists.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"  # the one tests/browser.py drives


def missing() -> list[str]:
    lines = []
    if not importlib.util.find_spec("venv") or not importlib.util.find_spec("ensurepip"):
        lines.append("missing: Python's venv module, to make .venv: apt-get install python3-venv")
    if not Path(CHROMIUM).is_file():
        lines.append(
            f"missing: Chromium at {CHROMIUM}, for the browser tests: apt-get install chromium"
        )
    if not shutil.which("npm"):
        lines.append("missing: npm, for axe-core and the HTML checker: apt-get install npm")
    return lines


if __name__ == "__main__":
    found = missing()
    for line in found:
        print(line, file=sys.stderr)
    if found:
        print("make test stopped before running anything: install those first.", file=sys.stderr)
    sys.exit(1 if found else 0)
