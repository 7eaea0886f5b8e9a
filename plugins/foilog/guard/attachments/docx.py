"""Word documents (docx): comments, tracked changes, hidden text and author properties."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from foilog.guard.attachments.issue import Issue

_TRACKED = {
    qn("w:ins"): "a tracked insertion",
    qn("w:del"): "a tracked deletion",
    qn("w:moveFrom"): "a tracked move",
    qn("w:moveTo"): "a tracked move",
}


def check_docx(path: Path) -> list[Issue]:
    document = Document(str(path))
    issues = []
    core = document.core_properties
    for name, value in (("author", core.author), ("last_modified_by", core.last_modified_by)):
        if value and value.strip():
            issues.append(
                Issue(
                    f"property {name}",
                    "docx-author",
                    f'the {name.replace("_", " ")} property is "{value}"',
                    "clear it (File > Info > Inspect Document > Document Properties) and save",
                )
            )
    issues += _comments(path)
    for number, paragraph in enumerate(document.element.body.iter(qn("w:p")), 1):
        kinds = sorted({_TRACKED[e.tag] for e in paragraph.iter(*_TRACKED)})
        if kinds:
            issues.append(
                Issue(
                    f"paragraph {number}",
                    "docx-tracked-change",
                    " and ".join(kinds),
                    "accept or reject every tracked change (Review > Accept All) and save",
                )
            )
        if any(_hidden_text(run) for run in paragraph.iter(qn("w:r"))):
            issues.append(
                Issue(
                    f"paragraph {number}",
                    "docx-hidden-text",
                    "text formatted as hidden",
                    "delete the hidden text (Inspect Document finds it) and save",
                )
            )
    return issues


def _hidden_text(run: etree._Element) -> bool:
    properties = run.find(qn("w:rPr"))
    if properties is None:
        return False
    vanish = properties.find(qn("w:vanish"))
    if vanish is None or vanish.get(qn("w:val")) in ("0", "false", "off"):
        return False
    return any((t.text or "").strip() for t in run.iter(qn("w:t")))


def _comments(path: Path) -> list[Issue]:
    with zipfile.ZipFile(path) as archive:
        if "word/comments.xml" not in archive.namelist():
            return []
        root = etree.fromstring(archive.read("word/comments.xml"))
    return [
        Issue(
            f"comment {number}",
            "docx-comment",
            "a comment" + (f' by "{c.get(qn("w:author"))}"' if c.get(qn("w:author")) else ""),
            "delete every comment (Review > Delete All Comments) and save",
        )
        for number, c in enumerate(root.iter(qn("w:comment")), 1)
    ]
