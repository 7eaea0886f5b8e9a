"""Office package parts that hold people or data a reader does not see, for xlsx and docx.

Parts are found by their content type, wherever the file keeps them, and by a few
folders for files written without one.
"""

from __future__ import annotations

from typing import NamedTuple

from foilog.guard.attachments.data_mashup import query_sources
from foilog.guard.attachments.issue import Issue
from foilog.guard.attachments.kinds import DESCRIBED, MAX_DEPTH, kind_of
from foilog.guard.attachments.package import Package, local
from foilog.guard.attachments.text_scan import link_issues, text_issues
from foilog.settings import GuardSettings

_COPY_VALUES = "paste the visible results as values into a new file and publish that"


class PartRule(NamedTuple):
    types: tuple[str, ...]  # fragments of content types
    folders: tuple[str, ...]  # or part names starting with one of these
    rule: str
    found: str
    fix: str


PART_RULES = [
    PartRule(
        ("spreadsheetml.pivotCacheDefinition", "spreadsheetml.pivotCacheRecords"),
        ("xl/pivotCache/",),
        "xlsx-pivot-cache",
        "a pivot cache, which keeps a full copy of the pivot table's source data",
        "paste the pivot table as values into a new workbook and publish that",
    ),
    PartRule(
        ("spreadsheetml.pivotTable",),
        ("xl/pivotTables/",),
        "xlsx-pivot-table",
        "a pivot table, whose source data travels with it",
        "paste the pivot table as values into a new workbook and publish that",
    ),
    PartRule(
        ("spreadsheetml.externalLink",),
        ("xl/externalLinks/",),
        "xlsx-external-link",
        "a link to another workbook, with cached values from it",
        "break the links (Data > Edit Links > Break Link) and save again",
    ),
    PartRule(
        ("spreadsheetml.connections",),
        ("xl/connections.xml",),
        "xlsx-external-link",
        "data connections to outside sources",
        "remove the connections (Data > Queries & Connections) and save again",
    ),
    PartRule(
        ("officedocument.model+data",),
        ("xl/model/",),
        "xlsx-data-model",
        "a data model (Power Pivot), which can hold whole tables of source data",
        _COPY_VALUES,
    ),
    PartRule(
        ("ms-excel.threadedcomments", "ms-excel.threadedComments"),
        ("xl/threadedComments/",),
        "xlsx-comment",
        "threaded comments",
        "delete the comments and save again",
    ),
    PartRule(
        ("ms-excel.person",),
        ("xl/persons/",),
        "xlsx-persons",
        "a list of the people who wrote comments, with their accounts",
        "delete every threaded comment, then save as a new workbook",
    ),
    PartRule(
        ("wordprocessingml.people",),
        ("word/people.xml",),
        "docx-people",
        "a list of the people who commented or tracked changes, with their accounts",
        "accept all changes, delete all comments, then save as a new document",
    ),
    PartRule(
        ("ms-office.vbaProject",),
        (),
        "office-macros",
        "a VBA macro project",
        "save it as a macro-free .xlsx or .docx (File > Save As) and publish that",
    ),
]
# Files inside the file: OLE objects, and documents embedded as packages (an xlsx inside a
# docx), which are also checked as what their content says they are.
_EMBEDDED_TYPES = (
    "officedocument.oleObject",
    "officedocument.package",
    ".macroEnabled.12",
    "officedocument.spreadsheetml.sheet",
    "officedocument.wordprocessingml.document",
)
_CHECKED_AS = {"xlsx": ".xlsx", "docx": ".docx", "pdf": ".pdf"}
_MACRO_MAIN = ("macroEnabled.main+xml", "macroEnabledTemplate.main+xml")
_SHAREPOINT = "http://schemas.microsoft.com/office/2006/metadata/properties"


def package_issues(package: Package, guard: GuardSettings, depth: int = 0) -> list[Issue]:
    issues = []
    for rule in PART_RULES:
        by_type = set(package.parts_of_type(*rule.types)) if rule.types else set()
        by_folder = {n for n in package.names if n.startswith(rule.folders) and rule.folders}
        for name in sorted((by_type | by_folder) - {n for n in by_folder if n.endswith(".rels")}):
            sources = _sources(package, name)
            found = f"{rule.found} ({'; '.join(sources)})" if sources else rule.found
            issues.append(Issue(f"part {name}", rule.rule, found, rule.fix))
    main = package.parts_of_type(*_MACRO_MAIN)
    if main and not package.parts_of_type("ms-office.vbaProject"):
        issues.append(
            Issue(
                f"part {main[0]}",
                "office-macros",
                "the file is saved as a macro-enabled document",
                "save it as a macro-free .xlsx or .docx (File > Save As) and publish that",
            )
        )
    issues += _drawn_text(package, guard)
    issues += _embedded(package, guard, depth)
    issues += _custom_xml(package, guard)
    issues += _links(package, guard)
    return issues


# Parts whose words are shown in shapes, text boxes and charts (and their cached values),
# or in threaded comments: read by the text rules, one line per run of text.
_TEXT_PARTS = ("drawing+xml", "drawingml.chart+xml", "threadedcomments+xml", "diagramData+xml")


def _drawn_text(package: Package, guard: GuardSettings) -> list[Issue]:
    pieces = []
    for name in package.parts_of_type(*_TEXT_PARTS):
        root = package.xml(name)
        if root is not None:
            texts = (e.text.strip() for e in root.iter() if isinstance(e.text, str))
            pieces.append((f"part {name}", "\n".join(t for t in texts if t)))
    return text_issues(pieces, guard)


def _sources(package: Package, name: str) -> list[str]:
    """Where a connection or link reads from: paths and addresses name servers and people."""
    root = package.xml(name) if name.endswith(".xml") else None
    if root is None:
        return []
    names = ("connection", "url", "sourceFile", "odcFile")
    return sorted({v for e in root.iter() for k in names if (v := e.get(k))})


def _embedded(package: Package, guard: GuardSettings, depth: int) -> list[Issue]:
    # Imported here: the dispatcher imports the checkers, which import this module.
    from foilog.guard.attachments import check_bytes

    issues = []
    typed = {
        n
        for n in package.parts_of_type(*_EMBEDDED_TYPES)
        if not package.content_types[n].endswith("+xml")  # the file's own parts
    }
    for name in sorted(typed | {n for n in package.names if "/embeddings/" in n}):
        data = package.read(name)
        kind = kind_of(data)
        issues.append(
            Issue(
                f"part {name}",
                "office-embedded-object",
                f"an embedded file ({DESCRIBED[kind]}), which readers can open",
                "delete the embedded object, or publish its file as its own checked attachment",
            )
        )
        if kind in _CHECKED_AS and depth < MAX_DEPTH:
            for inner in check_bytes(data, _CHECKED_AS[kind], guard, depth + 1):
                issues.append(inner._replace(place=f"embedded {name} {inner.place}".rstrip()))
    return issues


def _custom_xml(package: Package, guard: GuardSettings) -> list[Issue]:
    """Power Query, SharePoint fields, and what any other custom XML part says."""
    issues = []
    for name in package.names:
        if not name.lower().startswith("customxml/item") or "props" in name.lower():
            continue
        root = package.xml(name)
        if root is None:
            continue
        place = f"part {name}"
        if local(root.tag) == "DataMashup":
            sources = query_sources(root.text or "")
            shown = "; ".join(sources or []) or "no source could be read"
            issues.append(
                Issue(
                    place,
                    "xlsx-power-query",
                    f"Power Query queries and their sources ({shown})",
                    "remove the queries (Data > Queries & Connections > Delete), or copy the "
                    "results as values into a new workbook",
                )
            )
            continue
        if root.tag == f"{{{_SHAREPOINT}}}properties":
            fields = sorted(
                {local(e.tag) for e in root.iter() if (e.text or "").strip() and len(e) == 0}
            )
            if fields:
                issues.append(
                    Issue(
                        place,
                        "office-sharepoint-metadata",
                        f"document-library fields from SharePoint ({', '.join(fields)})",
                        "save a copy outside the document library (File > Save As > This PC) "
                        "and publish that",
                    )
                )
        texts = [e.text.strip() for e in root.iter() if isinstance(e.text, str) and e.text.strip()]
        issues += text_issues([(place, "\n".join(texts))], guard)
    return issues


def _links(package: Package, guard: GuardSettings) -> list[Issue]:
    """External relationships: templates, links to files and web addresses (mailto:)."""
    issues = []
    numbers: dict[str, int] = {}  # links are counted in each part
    for rel in (r for r in package.relationships if r.external):
        numbers[rel.source] = numbers.get(rel.source, 0) + 1
        place = f"link {numbers[rel.source]} in {rel.source or 'the package'}"
        if rel.kind == "attachedTemplate":
            issues.append(
                Issue(
                    place,
                    "docx-attached-template",
                    f"the document names its template at {rel.target}",
                    "attach the Normal template (Developer > Document Template) and save",
                )
            )
            issues += text_issues([(place, rel.target)], guard)
        else:
            issues += link_issues(place, rel.target, guard)
    return issues
