"""PDF: earlier revisions, embedded files, JavaScript, annotations, metadata and form values."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from foilog.guard.attachments.issue import Issue

_EOF = re.compile(rb"%%EOF")
_SCRIPT = re.compile(rb"/(?:JavaScript|JS)(?![A-Za-z0-9])")
_FIX_SAVE = (
    "print it to a new PDF, or save it with the PDF tool's Sanitise or Remove Hidden Information"
)
# Link annotations are the ordinary kind in a letter; widgets are form fields, checked apart.
_ORDINARY_ANNOTATIONS = {"/Link", "/Widget"}


def check_pdf(path: Path) -> list[Issue]:
    data = path.read_bytes()
    reader = PdfReader(path)
    issues = []
    revisions = _revisions(data)
    if revisions > 1:
        issues.append(
            Issue(
                "revisions",
                "pdf-revisions",
                f"the file holds {revisions} revisions, and earlier ones can be read back",
                _FIX_SAVE,
            )
        )
    for name in sorted(reader.attachments):
        issues.append(
            Issue(
                f'embedded file "{name}"',
                "pdf-embedded-file",
                "a file is embedded in the PDF",
                "remove the embedded file, or publish it as its own checked attachment",
            )
        )
    if _has_javascript(reader, data):
        issues.append(Issue("document", "pdf-javascript", "the PDF contains JavaScript", _FIX_SAVE))
    metadata: Any = reader.metadata or {}
    for key, label in (("/Author", "author"), ("/Producer", "producer")):
        value = metadata.get(key)
        if value and str(value).strip():
            issues.append(
                Issue(
                    f"metadata {key[1:]}",
                    "pdf-metadata",
                    f'the {label} is "{value}"',
                    "remove the document properties (or save with Remove Hidden Information)",
                )
            )
    for number, page in enumerate(reader.pages, 1):
        annotations = [a.get_object() for a in page.get("/Annots") or []]
        counted = [a for a in annotations if a.get("/Subtype") not in _ORDINARY_ANNOTATIONS]
        for index, annotation in enumerate(counted, 1):
            issues.append(
                Issue(
                    f"page {number} annotation {index}",
                    "pdf-annotation",
                    f"a {str(annotation.get('/Subtype', '/annotation'))[1:]} annotation",
                    "delete or flatten the annotations, then save",
                )
            )
    for name, field in (reader.get_fields() or {}).items():
        value = field.get("/V")
        if value is not None and str(value).strip() and str(value) != "/Off":
            issues.append(
                Issue(
                    f'form field "{name}"',
                    "pdf-form-field",
                    "a form field holds a value",
                    "flatten the form or clear the field, then save",
                )
            )
    return issues


def _revisions(data: bytes) -> int:
    """Each incremental update ends with its own %%EOF; a linearised file has one extra."""
    count = len(_EOF.findall(data))
    linearised = b"/Linearized" in data[:1024]
    return max(1, count - 1 if linearised else count)


def _has_javascript(reader: PdfReader, data: bytes) -> bool:
    if _SCRIPT.search(data):  # found directly when not inside a compressed stream
        return True
    root: Any = reader.trailer["/Root"]
    names = root.get("/Names")
    if isinstance(names, DictionaryObject) and "/JavaScript" in names:
        return True
    actions = [root.get("/OpenAction"), root.get("/AA")]
    for page in reader.pages:
        actions.append(page.get("/AA"))
        actions += [a.get_object().get("/A") for a in page.get("/Annots") or []]
    return any("/JavaScript" in str(_resolve(a)) for a in actions if a is not None)


def _resolve(value: Any) -> Any:
    return value.get_object() if hasattr(value, "get_object") else value
