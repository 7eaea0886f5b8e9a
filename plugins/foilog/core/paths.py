"""Which files in the disclosures folder are hidden: never read as records, never published."""

from __future__ import annotations

from pathlib import Path


def is_hidden(relative: Path) -> bool:
    """True when the file or any folder on its way starts with "." (editor and system files)."""
    return any(part.startswith(".") and part not in (".", "..") for part in relative.parts)
