"""Word documents (docx, docm): what every story says, names and small numbers in its
tables, and comments, tracked changes, formatting changes, hidden and invisible text;
with the package's parts (office_parts.py) and document properties
(office_properties.py)."""

from __future__ import annotations

from lxml import etree

from foilog.guard.attachments.count_tables import Cell, small_number_issues
from foilog.guard.attachments.docx_story import W, alt_texts, paragraph_text, paragraphs, tables
from foilog.guard.attachments.docx_styles import Styles
from foilog.guard.attachments.issue import Issue
from foilog.guard.attachments.name_columns import name_issues
from foilog.guard.attachments.office_parts import package_issues
from foilog.guard.attachments.office_properties import property_issues
from foilog.guard.attachments.package import Package
from foilog.guard.attachments.text_scan import text_issues
from foilog.settings import GuardSettings

_TRACKED = {
    f"{W}ins": "a tracked insertion",
    f"{W}del": "a tracked deletion",
    f"{W}moveFrom": "a tracked move",
    f"{W}moveTo": "a tracked move",
}
_FORMATTING = tuple(
    f"{W}{name}Change"
    for name in ("rPr", "pPr", "sectPr", "tblPr", "trPr", "tcPr", "tblGridChange", "numbering")
)


def check_docx(data: bytes, guard: GuardSettings, depth: int = 0) -> list[Issue]:
    package = Package(data)
    issues = package_issues(package, guard, depth) + property_issues(package, "docx")
    issues += _comments(package)
    styles = Styles(package)
    pieces = []
    for paragraph in paragraphs(package):
        element = paragraph.element
        issues += _changes(paragraph.place, element)
        issues += _unseen_text(paragraph.place, element, styles)
        pieces.append((paragraph.place, paragraph_text(element)))
    issues += text_issues([*pieces, *alt_texts(package)], guard)
    for place, rows in tables(package):
        cells = [
            [Cell(f"{place} row {r} column {c}", text) for c, text in enumerate(row, 1)]
            for r, row in enumerate(rows, 1)
        ]
        issues += name_issues(cells) + small_number_issues(cells, guard)
    return issues


def _authors(elements: list[etree._Element]) -> str:
    names = sorted({a for e in elements if (a := e.get(f"{W}author"))})
    return f" by {', '.join(repr(n) for n in names)}" if names else ""


def _changes(place: str, paragraph: etree._Element) -> list[Issue]:
    issues = []
    tracked = [e for e in paragraph.iter(*_TRACKED) if _own(e, paragraph)]
    if tracked:
        kinds = " and ".join(sorted({_TRACKED[e.tag] for e in tracked}))
        issues.append(
            Issue(
                place,
                "docx-tracked-change",
                kinds + _authors(tracked),
                "accept or reject every tracked change (Review > Accept All) and save",
            )
        )
    formatting = [e for e in paragraph.iter(*_FORMATTING) if _own(e, paragraph)]
    if formatting:
        issues.append(
            Issue(
                place,
                "docx-formatting-change",
                "a tracked formatting change" + _authors(formatting),
                "accept every tracked change, formatting too (Review > Accept All) and save",
            )
        )
    return issues


def _own(element: etree._Element, paragraph: etree._Element) -> bool:
    """In this paragraph, not in a text box inside it (read as its own paragraph)."""
    return next(element.iterancestors(f"{W}p"), None) is paragraph


def _unseen_text(place: str, paragraph: etree._Element, styles: Styles) -> list[Issue]:
    looks = [
        styles.look(run, paragraph)
        for run in paragraph.iter(f"{W}r")
        if _own(run, paragraph) and any((t.text or "").strip() for t in run.iter(f"{W}t"))
    ]
    issues = []
    if any(look.hidden for look in looks):
        issues.append(
            Issue(
                place,
                "docx-hidden-text",
                "text formatted as hidden, directly or by its style",
                "delete the hidden text (Inspect Document finds it) and save",
            )
        )
    if any(look.invisible for look in looks if not look.hidden):
        issues.append(
            Issue(
                place,
                "docx-invisible-text",
                "text coloured like the page or its shading, so it cannot be seen",
                "delete the text, or give it an ordinary colour, and save",
            )
        )
    return issues


def _comments(package: Package) -> list[Issue]:
    """Each comment, wherever the comments part is; what comments say is read with the
    other stories."""
    issues = []
    for name in package.parts_of_type("wordprocessingml.comments+xml"):
        root = package.xml(name)
        for number, comment in enumerate(root.iter(f"{W}comment") if root is not None else [], 1):
            issues.append(
                Issue(
                    f"comment {number}",
                    "docx-comment",
                    "a comment" + _authors([comment]),
                    "delete every comment (Review > Delete All Comments) and save",
                )
            )
    return issues
