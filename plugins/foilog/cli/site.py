"""What every command needs: the site's checked settings, its records and a progress bar."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from pelican.settings import read_settings as read_pelican_settings

from foilog.checks.record_log import record_files
from foilog.settings import SettingsError, SiteSettings, read_settings

_REFERENCE_LINE = re.compile(r"""^reference:\s*["']?([^"'#\n]+?)["']?\s*(?:#.*)?$""", re.M)


class CommandError(Exception):
    """Stops a command with a message for staff (exit code 2)."""


def load_site(settings_file: str) -> SiteSettings:
    path = Path(settings_file)
    if not path.is_file():
        raise CommandError(
            f"no settings file {settings_file}: run this in the site's folder, "
            "or name the file with --settings"
        )
    # Pelican's advice about feeds and time zones is for builds, not for these commands.
    logging.getLogger("pelican").setLevel(logging.ERROR)
    try:
        return read_settings(read_pelican_settings(str(path)))
    except SettingsError as error:
        raise CommandError(f"{settings_file}: {error}") from None


def references_in_use(site: SiteSettings) -> dict[str, Path]:
    """Every record's reference and file, read from the text so that broken records count too."""
    found: dict[str, Path] = {}
    for path in record_files(site.disclosures_path):
        match = _REFERENCE_LINE.search(path.read_text(encoding="utf-8", errors="replace"))
        if match:
            found.setdefault(match.group(1).strip(), path)
    return found


def record_file(site: SiteSettings, reference: str) -> Path:
    """The file of the record with this reference, for a command that changes one record."""
    path = references_in_use(site).get(reference)
    if path is None:
        raise CommandError(f"no record has the reference {reference}")
    return path
