"""Writing files into the output folder."""

from __future__ import annotations

import shutil
from pathlib import Path


def output_file(output_path: str | Path, url: str) -> Path:
    """The file behind a pretty address: 'disclosures/x/' is 'disclosures/x/index.html'."""
    relative = url + "index.html" if url == "" or url.endswith("/") else url
    return Path(output_path) / relative


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def copy_file(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
