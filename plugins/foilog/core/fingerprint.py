"""Fingerprints of the code and files that shape what a build makes, for its caches."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import yaml

PACKAGE = Path(__file__).parent.parent  # the whole foilog package


def files_fingerprint(folder: Path) -> str:
    """A hash of every file's name and bytes under `folder`, leaving out Python's caches."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(f"\0{path.relative_to(folder)}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@cache
def code_fingerprint() -> str:
    """Changes whenever this package, its data or the YAML parser changes."""
    return hashlib.sha256(f"{files_fingerprint(PACKAGE)}:{yaml.__version__}".encode()).hexdigest()
