"""A record's attachments: the files next to it, links elsewhere, and files released but
not published here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from foilog.core.paths import is_hidden
from foilog.records.model import Attachment
from foilog.records.yaml_source import Path_

ATTACHMENT_KINDS = {
    ".csv": "CSV spreadsheet",
    ".xlsx": "Excel spreadsheet",
    ".xlsm": "Excel spreadsheet",
    ".ods": "OpenDocument spreadsheet",
    ".pdf": "PDF document",
    ".docx": "Word document",
    ".odt": "OpenDocument text",
    ".txt": "Plain text",
    ".png": "PNG image",
    ".jpg": "JPEG image",
    ".jpeg": "JPEG image",
    ".zip": "ZIP archive",
}


def build_attachment(
    source: Path, path: Path_, raw: dict[str, Any], problem: Callable[[Path_, str, str], None]
) -> Attachment:
    """The attachment, telling `problem` of a file that is missing, hidden or outside the folder."""
    name = raw.get("file") or raw.get("url", "")
    suffix = Path(name.split("?")[0]).suffix.lower()
    kind = ATTACHMENT_KINDS.get(suffix, f"{suffix[1:].upper()} file" if suffix else "Web page")
    size = None
    if "file" in raw:
        file_path = (source.parent / raw["file"]).resolve()
        if not file_path.is_relative_to(source.parent.resolve()):
            problem((*path, "file"), "a file in the record's folder", raw["file"])
        elif is_hidden(Path(raw["file"])):
            problem(
                (*path, "file"),
                'a file whose name and folders do not start with "." (hidden files are '
                "never published)",
                raw["file"],
            )
        elif not file_path.is_file():
            problem(
                (*path, "file"), "an existing file next to the record", f"no file {raw['file']}"
            )
        else:
            size = file_path.stat().st_size
    return Attachment(
        raw["title"],
        raw.get("file"),
        raw.get("url"),
        kind if name else "Not published here",
        size,
        published=raw.get("published", True),
        reason=raw.get("reason"),
    )
