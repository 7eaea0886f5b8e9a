"""Long work shows a progress bar on a terminal, and nothing when output goes to a file."""

from __future__ import annotations

import os
import pty
import subprocess
from pathlib import Path

from conftest import PELICAN, build, good_record, write_site

STEPS = ("Checking records", "Writing disclosure pages")


def test_a_build_on_a_terminal_shows_its_progress(tmp_path: Path) -> None:
    write_site(tmp_path, {"2025/a.yaml": good_record()})
    terminal, child_end = pty.openpty()
    command = [*PELICAN, "-s", str(tmp_path / "settings.py"), "-o", str(tmp_path / "output")]
    process = subprocess.Popen(command, cwd=tmp_path, stdout=child_end, stderr=child_end)
    os.close(child_end)
    shown = b""
    while True:
        try:
            chunk = os.read(terminal, 65536)
        except OSError:  # the build finished and closed its end
            break
        if not chunk:
            break
        shown += chunk
    os.close(terminal)
    assert process.wait() == 0, shown.decode(errors="replace")
    text = shown.decode(errors="replace")
    for step in STEPS:
        assert step in text


def test_a_build_into_a_file_shows_no_progress_bar(tmp_path: Path) -> None:
    write_site(tmp_path, {"2025/a.yaml": good_record()})
    result = build(tmp_path)
    assert result.ok, result.result.stderr
    for step in STEPS:
        assert step not in result.result.stdout + result.result.stderr
