"""Document properties of an Office file: core (title, author…), extended (manager,
company…) and custom properties, none of which a reader sees on the page."""

from __future__ import annotations

from foilog.guard.attachments.issue import Issue
from foilog.guard.attachments.package import Package, local

_FIX = "clear it (File > Info > Properties, or Inspect Document > Document Properties) and save"
_AUTHORS = {"creator", "lastModifiedBy"}
# Core properties that are dates or counters, and extended ones that name the program or
# count pages: they say nothing about a person.
_NOT_TEXT = {"created", "modified", "lastPrinted", "revision", "language"}
_EXTENDED = {"Manager", "Company", "HyperlinkBase"}
# The template every new document starts from says nothing about anyone.
_ORDINARY_TEMPLATES = {"", "normal", "normal.dotm", "normal.dot"}


def property_issues(package: Package, kind: str) -> list[Issue]:
    """`kind` ("xlsx", "docx") names the rules: xlsx-author, docx-property, …"""
    issues = []
    core = package.xml("docProps/core.xml")
    for element in core if core is not None else []:
        name, value = local(element.tag), (element.text or "").strip()
        if value and name not in _NOT_TEXT:
            rule = f"{kind}-author" if name in _AUTHORS else f"{kind}-property"
            issues.append(
                Issue(f"property {name}", rule, f'the {name} property is "{value}"', _FIX)
            )
    app = package.xml("docProps/app.xml")
    for element in app if app is not None else []:
        name, value = local(element.tag), (element.text or "").strip()
        if name == "Template" and value.casefold() not in _ORDINARY_TEMPLATES:
            issues.append(
                Issue(f"property {name}", f"{kind}-property", f'the template is "{value}"', _FIX)
            )
        elif name in _EXTENDED and value:
            issues.append(
                Issue(f"property {name}", f"{kind}-property", f'the {name} is "{value}"', _FIX)
            )
    custom = package.xml("docProps/custom.xml")
    for element in custom if custom is not None else []:
        name = element.get("name", "")
        value = " ".join(t.strip() for t in element.itertext() if t.strip())
        if value:
            issues.append(
                Issue(
                    f'custom property "{name}"',
                    f"{kind}-property",
                    f'the custom property "{name}" is "{value}"',
                    "delete it (File > Info > Properties > Advanced Properties > Custom) and save",
                )
            )
    return issues
