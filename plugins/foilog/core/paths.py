"""Paths as staff meet them: which files are hidden (never read as records, never
published), and how a path is shown in a message."""

from __future__ import annotations

from pathlib import Path


def is_hidden(relative: Path) -> bool:
    """True when the file or any folder on its way starts with "." (editor and system files)."""
    return any(part.startswith(".") and part not in (".", "..") for part in relative.parts)


def shown(path: Path) -> str:
    """A path as staff read it: relative to the current folder where possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
