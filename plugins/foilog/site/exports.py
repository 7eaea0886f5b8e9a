"""The log as open data: rows for disclosures.csv and figures.csv, records for
disclosures.json. The fields are documented in schema/open-data.md; the column lists here
are the single source the files and the /data/ page are made from.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from foilog.records.model import Cell, Disclosure, FigureTable

# Bump when a field is removed or changes meaning; adding a field keeps the version.
OPEN_DATA_VERSION = 1
LIST_SEPARATOR = ";"  # joins lists in a CSV cell; never part of a slug or a citation

DISCLOSURE_COLUMNS: dict[str, str] = {
    "reference": "The authority's reference, unique in the log.",
    "title": "A short plain-English title.",
    "url": "The address of the disclosure's page.",
    "act": "The law the request was handled under: foia, eir or foisa.",
    "received": "When the request was received: YYYY-MM-DD, YYYY-MM, or empty.",
    "responded": "When the response was sent: YYYY-MM-DD, YYYY-MM, or empty.",
    "outcome": "The overall outcome: disclosed, partially-disclosed, refused, not-held or "
    "neither-confirm-nor-deny.",
    "outcomes_present": "Every outcome given to any question or part, and the overall one, "
    "separated by ';'.",
    "questions": "How many questions the request had.",
    "topics": "The topic slugs, separated by ';'.",
    "exemptions": "Each exemption as cited, such as 40(2), separated by ';'.",
    "exemption_sections": "The register section each citation belongs to, such as 40, "
    "separated by ';'.",
    "figure_tables": "How many tables of figures were released (see figures.csv).",
    "attachments": "How many files were released with the response.",
    "related": "References of related requests named in the record, separated by ';'.",
    "sensitive": "true when the page shows the quick-exit button, otherwise false.",
}

FIGURE_COLUMNS: dict[str, str] = {
    "reference": "The disclosure the figure belongs to.",
    "table": "The table's number within the disclosure, from 1.",
    "caption": "The table's caption.",
    "unit": "count, money (GBP), percentage or text.",
    "row": "The row label, or 'Total' for a column total.",
    "column": "The column label; empty for a one-dimensional table; 'Total' for a row total.",
    "value": "The figure as published: a number, or a suppressed marker such as <5 or *.",
    "suppressed": "true when the value is a suppressed marker, otherwise false.",
    "total": "true when the cell is a published total, otherwise false.",
    "outside_act": "true when the table was released outside the Act, otherwise false.",
}


def _join(values: list[str]) -> str:
    return LIST_SEPARATOR.join(values)


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _facts(d: Disclosure, page_url: str) -> dict[str, Any]:
    """The fields the CSV row and the JSON record share; dates are None when not recorded."""
    return {
        "reference": d.reference,
        "title": d.title,
        "url": page_url,
        "act": d.act,
        "received": d.received.iso if d.received else None,
        "responded": d.responded.iso if d.responded else None,
        "outcome": d.outcome,
    }


def disclosure_row(disclosure: Disclosure, page_url: str) -> dict[str, str]:
    d = disclosure
    facts = {name: value or "" for name, value in _facts(d, page_url).items()}
    return {
        **facts,
        "outcomes_present": _join(sorted(d.outcomes_present)),
        "questions": str(len(d.questions)),
        "topics": _join(d.topic_slugs),
        "exemptions": _join([e.citation for e in d.exemptions]),
        "exemption_sections": _join([e.entry.key for e in d.exemptions]),
        "figure_tables": str(len(d.figures)),
        "attachments": str(len(d.published_attachments)),
        "related": _join(d.related),
        "sensitive": _flag(d.sensitive),
    }


def figure_rows(disclosure: Disclosure) -> Iterator[dict[str, str]]:
    """Every cell of every table, totals included, in long form."""
    for number, table in enumerate(disclosure.figures, 1):
        for label, column, cell, total in _cells(table):
            yield {
                "reference": disclosure.reference,
                "table": str(number),
                "caption": table.caption,
                "unit": table.unit,
                "row": label,
                "column": column,
                "value": str(cell.raw).strip(),
                "suppressed": _flag(cell.suppressed),
                "total": _flag(total),
                "outside_act": _flag(table.outside_act),
            }


def _cells(table: FigureTable) -> Iterator[tuple[str, str, Cell, bool]]:
    """(row label, column label, cell, is a total) for every cell of the table."""
    columns = table.columns or [""]
    for label, cells in zip(table.rows, table.cells, strict=True):
        for column, cell in zip(columns, cells, strict=True):
            yield label, column, cell, False
    for label, cell in zip(table.rows, table.row_totals or [], strict=False):
        yield label, "Total", cell, True
    for column, cell in zip(columns, table.column_totals or [], strict=False):
        yield "Total", column, cell, True
    if table.total is not None:
        yield "Total", "Total" if table.columns else "", table.total, True


def disclosure_record(disclosure: Disclosure, page_url: str) -> dict[str, Any]:
    """The full record, as published in disclosures.json (see its JSON Schema)."""
    d = disclosure
    return {
        **_facts(d, page_url),
        "outcomes_present": sorted(d.outcomes_present),
        "topics": [
            {"name": name, "slug": slug} for name, slug in zip(d.topics, d.topic_slugs, strict=True)
        ],
        "periods": [
            {
                "kind": p.kind,
                "label": p.label,
                "start": p.start.iso if p.start else None,
                "end": p.end.iso if p.end else None,
            }
            for p in d.periods
        ],
        "questions": [
            {
                "number": q.number,
                "text": q.text,
                "outcome": q.outcome,
                "answer": q.answer,
                "parts": [
                    {"number": p.number, "text": p.text, "outcome": p.outcome, "answer": p.answer}
                    for p in q.parts
                ],
            }
            for q in d.questions
        ],
        "exemptions": [
            {
                "citation": e.citation,
                "label": e.label,
                "section": e.entry.key,
                "title": e.entry.title,
                "kind": e.entry.kind,
                "legislation": e.entry.url,
                "questions": e.questions,
                "reason": e.reason,
                "public_interest": e.public_interest,
                "ncnd": e.ncnd,
            }
            for e in d.exemptions
        ],
        "figures": [_table(t) for t in d.figures],
        "redirections": [
            {"body": r.body, "about": r.about, "url": r.url, "questions": r.questions}
            for r in d.redirections
        ],
        "response": d.response,
        "attachments": [
            {
                "title": a.title,
                "url": f"{page_url}{a.file.split('/')[-1]}" if a.file else a.url,
                "kind": a.kind,
                "size": a.size,
            }
            for a in d.published_attachments
        ],
        "history": [
            {
                "date": h.date.iso,
                "event": h.event,
                "note": h.note,
                "references": h.references,
                "result": h.result,
            }
            for h in d.history
        ],
        "related": d.related,
        "sensitive": d.sensitive,
    }


def _table(table: FigureTable) -> dict[str, Any]:
    def cells(values: list[Cell] | None) -> list[Any] | None:
        return None if values is None else [_value(c) for c in values]

    return {
        "caption": table.caption,
        "unit": table.unit,
        "rows": table.rows,
        "columns": table.columns,
        "values": [cells(row) for row in table.cells],
        "row_totals": cells(table.row_totals),
        "column_totals": cells(table.column_totals),
        "total": None if table.total is None else _value(table.total),
        "questions": table.questions,
        "outside_act": table.outside_act,
        "note": table.note,
    }


def _value(cell: Cell) -> Any:
    """A number stays a number; markers and text stay as written."""
    if cell.suppressed or cell.number is None:
        return str(cell.raw).strip()
    return cell.raw
