"""The log as open data: rows for disclosures.csv and figures.csv, records for
disclosures.json. The fields are documented in schema/open-data.md; the column lists here
are the single source the files and the /data/ page are made from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from foilog.core.translation import N_
from foilog.records.attachment_files import published_name
from foilog.records.model import Cell, Disclosure, FigureTable, Period

# Bump when a field is removed or changes meaning; adding a field keeps the version.
OPEN_DATA_VERSION = 1
LIST_SEPARATOR = ";"  # joins lists in a CSV cell; never part of a slug or a citation
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[-+]?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$")

DISCLOSURE_COLUMNS: dict[str, str] = {
    "reference": N_("The authority's reference, unique in the log."),
    "title": N_("A short plain-English title."),
    "url": N_("The address of the disclosure's page."),
    "act": N_("The law the request was handled under: foia, eir or foisa."),
    "received": N_("When the request was received: YYYY-MM-DD, YYYY-MM, or empty."),
    "responded": N_("When the response was sent: YYYY-MM-DD, YYYY-MM, or empty."),
    "outcome": N_(
        "The overall outcome: disclosed, partially-disclosed, refused, not-held or "
        "neither-confirm-nor-deny."
    ),
    "outcomes_present": N_(
        "Every outcome given to any question or part, and the overall one, separated by ';'."
    ),
    "questions": N_("How many questions the request had."),
    "topics": N_("The topic slugs, separated by ';'."),
    "exemptions": N_("Each exemption as cited, such as 40(2), separated by ';'."),
    "exemption_sections": N_(
        "The register section each citation belongs to, such as 40, separated by ';'."
    ),
    "figure_tables": N_("How many tables of figures were released (see figures.csv)."),
    "attachments": N_("How many files were released with the response."),
    "related": N_("References of related requests named in the record, separated by ';'."),
    "sensitive": N_("true when the page shows the quick-exit button, otherwise false."),
}

FIGURE_COLUMNS: dict[str, str] = {
    "reference": N_("The disclosure the figure belongs to."),
    "table": N_("The table's number within the disclosure, from 1."),
    "caption": N_("The table's caption."),
    "unit": N_("count, money (GBP), percentage or text."),
    "row": N_("The row label, or 'Total' for a column total."),
    "column": N_("The column label; empty for a one-dimensional table; 'Total' for a row total."),
    "value": N_(
        "The figure as published: a number, a suppressed marker such as <5 or *, a "
        "bounded value such as 'more than 20500', or empty for no figure."
    ),
    "suppressed": N_("true when the value is a suppressed marker, otherwise false."),
    "period": N_("The time the table's figures cover, in words; empty when the table gives none."),
    "period_start": N_(
        "The first day of that period (YYYY-MM-DD, or YYYY-MM); empty when unknown."
    ),
    "period_end": N_(
        "The last day of that period (YYYY-MM-DD, or YYYY-MM); empty when open or unknown."
    ),
    "total": N_("true when the cell is a published total, otherwise false."),
    "outside_act": N_("true when the table was released outside the Act, otherwise false."),
}


# A log published in Welsh too adds the Welsh of what the authority wrote beside the
# English; field names stay English, as in every log.
WELSH_DISCLOSURE_COLUMNS: dict[str, str] = {
    "title_cy": N_("The title in Welsh, as on the Welsh page (in logs published in Welsh)."),
    "url_cy": N_("The address of the disclosure's Welsh page (in logs published in Welsh)."),
}
WELSH_FIGURE_COLUMNS: dict[str, str] = {
    "caption_cy": N_("The caption in Welsh (in logs published in Welsh)."),
    "row_cy": N_("The row label in Welsh (in logs published in Welsh)."),
    "column_cy": N_("The column label in Welsh (in logs published in Welsh)."),
    "period_cy": N_("The period in Welsh words (in logs published in Welsh)."),
}
WELSH = "cy"


def disclosure_columns(languages: tuple[str, ...]) -> dict[str, str]:
    """The columns of disclosures.csv in a log published in `languages`."""
    return {**DISCLOSURE_COLUMNS, **(WELSH_DISCLOSURE_COLUMNS if WELSH in languages else {})}


def figure_columns(languages: tuple[str, ...]) -> dict[str, str]:
    return {**FIGURE_COLUMNS, **(WELSH_FIGURE_COLUMNS if WELSH in languages else {})}


def spreadsheet_safe(cell: str) -> str:
    """A CSV cell that a spreadsheet shows as written rather than running it: the OWASP rule,
    a single quote before a cell that starts like a formula. A plain number such as -12.5
    is left as it is: spreadsheets read it as a number, never as a formula."""
    if cell.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.match(cell):
        return "'" + cell
    return cell


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
        period = table.period
        for label, column, cell, total in _cells(table):
            yield {
                "reference": disclosure.reference,
                "table": str(number),
                "caption": table.caption,
                "unit": table.unit,
                "row": label,
                "column": column,
                "value": _csv_value(cell),
                "suppressed": _flag(cell.suppressed),
                "period": period.label if period else "",
                "period_start": period.start.iso if period and period.start else "",
                "period_end": period.end.iso if period and period.end else "",
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
        "legacy": d.legacy,
        "periods": [_period(p) for p in d.periods],
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
                "ncnd_scope": e.ncnd_scope,
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
                "url": f"{page_url}{published_name(a.file)}" if a.file else a.url,
                "kind": a.kind,
                "size": a.size,
                "published": a.published,
                "reason": a.reason,
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
                "text": h.text,
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
        "period": _period(table.period) if table.period else None,
    }


def _period(period: Period) -> dict[str, Any]:
    return {
        "kind": period.kind,
        "label": period.label,
        "start": period.start.iso if period.start else None,
        "end": period.end.iso if period.end else None,
    }


def _csv_value(cell: Cell) -> str:
    """As published; a bounded value in words, a blank empty."""
    if cell.blank:
        return ""
    if isinstance(cell.raw, dict):
        ((key, value),) = cell.raw.items()
        return f"{key.replace('_', ' ')} {value}"
    return str(cell.raw).strip()


def _value(cell: Cell) -> Any:
    """A number stays a number; markers and text stay as written."""
    if cell.blank or isinstance(cell.raw, dict):
        return cell.raw
    if cell.suppressed or cell.number is None:
        return str(cell.raw).strip()
    return cell.raw
