"""The rules for a record's attachments: each file is in the record's folder, is not hidden,
exists, and has a published address of its own; an attachment released but not published
here (`published: false`) has no file or address.

An attached file is published on the disclosure's page address under its own name, so two
files with the same name in different folders would publish at one address (the second
replacing the first), and a file named like the page itself would replace the page.
"""

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
PAGE_FILE = "index.html"  # the disclosure's own page, at the same address
ProblemAt = Callable[[Path_, str, str], None]


def published_name(file: str) -> str:
    """The name an attached file is published under, on the disclosure's page address."""
    return file.split("/")[-1]


def check_attachment(
    index: int, raw: dict[str, Any], record: Path, taken: dict[str, str], problem: ProblemAt
) -> Attachment:
    """`taken`: the published names (case-folded, as some hosts ignore case) of the
    attachments before this one, each with its file; this one's is added."""
    path: Path_ = ("attachments", index, "file")
    name = raw.get("file") or raw.get("url", "")
    suffix = Path(name.split("?")[0]).suffix.lower()
    kind = ATTACHMENT_KINDS.get(suffix, f"{suffix[1:].upper()} file" if suffix else "Web page")
    size = None
    if "file" in raw:
        file = raw["file"]
        folder = record.parent.resolve()
        file_path = (record.parent / file).resolve()
        if not file_path.is_relative_to(folder):
            if _through_link(record.parent, file):
                problem(
                    path,
                    "a file in the record's folder (links outside the record's folder are "
                    "not published)",
                    f"{file}, a link to a place outside it",
                )
            else:
                problem(path, "a file in the record's folder", file)
        elif is_hidden(Path(file)):
            problem(
                path,
                'a file whose name and folders do not start with "." (hidden files are '
                "never published)",
                file,
            )
        elif not file_path.is_file():
            problem(path, "an existing file next to the record", f"no file {file}")
        else:
            size = file_path.stat().st_size
        published = published_name(file)
        other = taken.setdefault(published.casefold(), file)
        if published.casefold() == PAGE_FILE:
            problem(path, f"a file not named {PAGE_FILE} (the page's own name)", file)
        elif other != file:
            problem(
                path,
                "a file name used by no other attachment of this record (each is published "
                "under its own name, on the page's address)",
                f"{file}, whose name is also {other}",
            )
    return Attachment(
        raw["title"],
        raw.get("file"),
        raw.get("url"),
        kind if name else "Not published here",
        size,
        published=raw.get("published", True),
        reason=raw.get("reason"),
    )


def _through_link(folder: Path, file: str) -> bool:
    """Whether the path to `file` from `folder` passes through a symbolic link."""
    current = folder
    for part in Path(file).parts:
        current = current / part
        if current.is_symlink():
            return True
    return False
