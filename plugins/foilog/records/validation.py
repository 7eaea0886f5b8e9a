"""Check one record against the JSON Schema and the format's rules, and build its Disclosure."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from foilog.core.paths import is_hidden
from foilog.core.slugs import slugify
from foilog.records import outcomes
from foilog.records.dates import PartialDate
from foilog.records.figures import SUPPRESSED_HELP, parse_cell, totals_problems
from foilog.records.model import (
    Attachment,
    CitedExemption,
    Disclosure,
    FigureTable,
    HistoryEvent,
    Part,
    Period,
    Question,
    Redirection,
    ReviewEntry,
)
from foilog.records.problems import Problem, field_name
from foilog.records.register import ExemptionRegister
from foilog.records.structure import describe, structure_problems
from foilog.records.withdrawals import withdrawal_problems
from foilog.records.yaml_source import Path_, YamlDocument

CLOCK_EVENTS = ("clarification-requested", "clarification-received", "extension")
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


class RecordChecker:
    """Collects every problem in one record; `build()` gives the Disclosure when there are none."""

    def __init__(
        self, document: YamlDocument, source: Path, shown_as: str, register: ExemptionRegister
    ) -> None:
        self.doc = document
        self.source = source
        self.shown_as = shown_as
        self.register = register
        self.problems: list[Problem] = []
        self.structure_passed = False

    def problem(self, path: Path_, expected: str, found: str) -> None:
        self.problems.append(
            Problem(self.shown_as, self.doc.line_of(path), field_name(path), expected, found)
        )

    def check(self, structure_passed: bool = False) -> Disclosure | None:
        """`structure_passed`: the same document passed the structural checks (duplicate
        keys, placeholders and the schema) before, so only the rules are checked."""
        data = self.doc.data
        if not structure_passed:
            self.problems += structure_problems(self.doc, self.shown_as)
            if self.problems:
                return None
        self.structure_passed = True
        disclosure = self._build(data)
        return None if self.problems else disclosure

    # -- rules and model --------------------------------------------------------------------

    def _date(self, path: Path_, raw: str | None) -> PartialDate | None:
        if raw is None:
            return None
        try:
            return PartialDate.parse(raw)
        except ValueError:
            self.problem(path, "a real calendar date", repr(raw))
            return None

    def _build(self, data: dict[str, Any]) -> Disclosure:
        reference = str(data["reference"]).strip()
        act = data.get("act", "foia")
        received = self._date(("received",), data["received"])
        responded = self._date(("responded",), data["responded"])
        if received and responded and received.earliest() > responded.latest():
            self.problem(
                ("received",),
                f"received on or before responded ({responded.iso})",
                f"received {received.iso}",
            )
        questions = self._questions(data["questions"])
        numbers = {q.number for q in questions} | {p.number for q in questions for p in q.parts}
        overall = outcomes.derive([q.outcome for q in questions])
        if "outcome" in data:
            if not outcomes.consistent(data["outcome"], [q.outcome for q in questions]):
                self.problem(
                    ("outcome",),
                    f"an outcome that fits the questions' outcomes (for example {overall})",
                    f"{data['outcome']} with questions "
                    + ", ".join(f"{q.number} {q.outcome}" for q in questions),
                )
            overall = data["outcome"]
        history = [self._event(i, e) for i, e in enumerate(data.get("history", []))]
        self._clock_events(history, act, received, responded)
        attachments = [self._attachment(i, a) for i, a in enumerate(data.get("attachments", []))]
        for path, expected, found in withdrawal_problems(history, attachments, responded):
            self.problem(path, expected, found)
        topics = [str(t).strip() for t in data.get("topics", [])]
        slug = slugify(reference)
        date = responded or received
        year = str(date.year) if date else "undated"
        return Disclosure(
            reference=reference,
            title=data["title"].strip(),
            act=act,
            received=received,
            responded=responded,
            outcome=overall,
            questions=questions,
            topics=topics,
            topic_slugs=[slugify(t) for t in topics],
            periods=[self._period(i, p) for i, p in enumerate(data.get("periods", []))],
            exemptions=[
                self._exemption(i, e, act, numbers)
                for i, e in enumerate(data.get("exemptions", []))
            ],
            figures=[self._figure(i, f, numbers) for i, f in enumerate(data.get("figures", []))],
            redirections=[
                Redirection(
                    r["body"],
                    r["about"],
                    r.get("url"),
                    self._question_refs(
                        ("redirections", i, "questions"), r.get("questions"), numbers
                    ),
                )
                for i, r in enumerate(data.get("redirections", []))
            ],
            response=data.get("response"),
            attachments=attachments,
            history=history,
            related=[str(r) for r in data.get("related", [])],
            sensitive=bool(data.get("sensitive", False)),
            review=[
                ReviewEntry(
                    r["rule"], r["place"], r["by"], PartialDate.parse(r["date"]), r["reason"]
                )
                for r in data.get("review", [])
            ],
            source=self.shown_as,
            source_path=self.source,
            reference_line=self.doc.line_of(("reference",)),
            slug=slug,
            url=f"disclosures/{year}/{slug}/",
            field_lines=self.doc.lines,
        )

    def _questions(self, raw: list[dict[str, Any]]) -> list[Question]:
        questions = []
        for index, item in enumerate(raw):
            number = str(index + 1)
            parts = [
                Part(
                    number=f"{number}{chr(ord('a') + p_index)}",
                    text=part["text"],
                    outcome=part.get("outcome", item["outcome"]),
                    answer=part.get("answer"),
                )
                for p_index, part in enumerate(item.get("parts", []))
            ]
            questions.append(
                Question(number, item["text"], item["outcome"], item.get("answer"), parts)
            )
        return questions

    def _question_refs(self, path: Path_, raw: list[Any] | None, numbers: set[str]) -> list[str]:
        if raw is None:
            return []
        refs = [str(r) for r in raw]
        for index, ref in enumerate(refs):
            if ref not in numbers:
                self.problem(
                    (*path, index),
                    "a question of this record "
                    f"({', '.join(sorted(numbers, key=_question_order))})",
                    ref,
                )
        return refs

    def _period(self, index: int, raw: dict[str, Any]) -> Period:
        path: Path_ = ("periods", index)
        kind = raw["kind"]
        start = end = None
        if kind == "calendar-year":
            start, end = PartialDate(raw["year"], 1, 1), PartialDate(raw["year"], 12, 31)
        elif kind == "financial-year":
            year = raw["start_year"]
            start, end = PartialDate(year, 4, 1), PartialDate(year + 1, 3, 31)
        elif kind == "range":
            start, end = (
                self._date((*path, "start"), raw["start"]),
                self._date((*path, "end"), raw["end"]),
            )
            if start and end and start > end:
                self.problem((*path, "end"), f"an end on or after the start ({start.iso})", end.iso)
        elif kind == "to-date":
            start = self._date((*path, "start"), raw["start"])
        elif kind == "point-in-time":
            start = end = self._date((*path, "date"), raw["date"])
        return Period(kind, raw["label"], start, end)

    def _exemption(
        self, index: int, raw: dict[str, Any], act: str, numbers: set[str]
    ) -> CitedExemption:
        path: Path_ = ("exemptions", index)
        citation = str(raw["section"]).replace(" ", "")
        entry = self.register.resolve(act, citation)
        if entry is None:
            self.problem(
                (*path, "section"),
                f"an exemption in the {act.upper()} register",
                repr(citation),
            )
        else:
            if entry.kind == "qualified" and not raw.get("public_interest"):
                self.problem(
                    (*path, "public_interest"),
                    f"a public interest test, because {entry.label} is qualified",
                    "nothing",
                )
            if raw.get("ncnd") and not entry.ncnd:
                self.problem(
                    (*path, "ncnd"),
                    f"ncnd only where the exemption allows it; {entry.label} has no such provision",
                    "ncnd: true",
                )
        return CitedExemption(
            citation=citation,
            entry=entry,  # type: ignore[arg-type]  # None only when a problem was recorded
            questions=self._question_refs((*path, "questions"), raw.get("questions"), numbers),
            reason=raw["reason"],
            public_interest=raw.get("public_interest"),
            ncnd=bool(raw.get("ncnd", False)),
        )

    def _figure(self, index: int, raw: dict[str, Any], numbers: set[str]) -> FigureTable:
        path: Path_ = ("figures", index)
        unit = raw["unit"]
        rows, columns = raw["rows"], raw.get("columns", [])
        width = len(columns) or 1

        def cell(cell_path: Path_, value: Any) -> Any:
            parsed = parse_cell(value, unit)
            if parsed is None:
                self.problem(
                    cell_path, "text" if unit == "text" else SUPPRESSED_HELP, describe(value)
                )
            return parsed

        values = raw["values"]
        if len(values) != len(rows):
            self.problem((*path, "values"), f"{len(rows)} values, one per row", f"{len(values)}")
        cells = []
        for r_index, row in enumerate(values):
            row_values = row if columns else [row]
            if columns and not isinstance(row, list):
                self.problem(
                    (*path, "values", r_index),
                    f"a list of {width} values, one per column",
                    describe(row),
                )
                continue
            if not columns and isinstance(row, list):
                self.problem(
                    (*path, "values", r_index), "one value, as the table has no columns", "a list"
                )
                continue
            if len(row_values) != width:
                self.problem(
                    (*path, "values", r_index),
                    f"{width} values, one per column",
                    str(len(row_values)),
                )
            cells.append([cell((*path, "values", r_index, c), v) for c, v in enumerate(row_values)])

        def totals(name: str, expected_count: int) -> Any:
            if name not in raw:
                return None
            if unit == "text":
                self.problem((*path, name), "no totals in a text table", name)
                return None
            if name == "row_totals" and not columns:
                self.problem((*path, name), "row_totals only in a table with columns", name)
                return None
            if len(raw[name]) != expected_count:
                self.problem((*path, name), f"{expected_count} totals", str(len(raw[name])))
                return None
            return [cell((*path, name, i), v) for i, v in enumerate(raw[name])]

        table = FigureTable(
            caption=raw["caption"],
            unit=unit,
            rows=rows,
            columns=columns,
            cells=cells,
            row_totals=totals("row_totals", len(rows)),
            column_totals=totals("column_totals", width),
            total=cell((*path, "total"), raw["total"]) if "total" in raw else None,
            questions=self._question_refs((*path, "questions"), raw.get("questions"), numbers),
            outside_act=bool(raw.get("outside_act", False)),
            note=raw.get("note"),
            threshold=raw.get("threshold"),
        )
        if unit == "text" and table.total is not None:
            self.problem((*path, "total"), "no totals in a text table", "total")
        complete = not any(
            c is None
            for group in (*cells, table.row_totals or [], table.column_totals or [])
            for c in group
        )
        if complete and len(cells) == len(rows):
            for name, position, why in totals_problems(table):
                field_path = (*path, name) if position is None else (*path, name, position)
                found = raw[name] if position is None else raw[name][position]
                self.problem(field_path, f"a total that adds up ({why})", repr(found))
        return table

    def _attachment(self, index: int, raw: dict[str, Any]) -> Attachment:
        path: Path_ = ("attachments", index)
        name = raw.get("file") or raw.get("url", "")
        suffix = Path(name.split("?")[0]).suffix.lower()
        kind = ATTACHMENT_KINDS.get(suffix, f"{suffix[1:].upper()} file" if suffix else "Web page")
        size = None
        if "file" in raw:
            file_path = (self.source.parent / raw["file"]).resolve()
            if not file_path.is_relative_to(self.source.parent.resolve()):
                self.problem((*path, "file"), "a file in the record's folder", raw["file"])
            elif is_hidden(Path(raw["file"])):
                self.problem(
                    (*path, "file"),
                    'a file whose name and folders do not start with "." (hidden files are '
                    "never published)",
                    raw["file"],
                )
            elif not file_path.is_file():
                self.problem(
                    (*path, "file"), "an existing file next to the record", f"no file {raw['file']}"
                )
            else:
                size = file_path.stat().st_size
        return Attachment(raw["title"], raw.get("file"), raw.get("url"), kind, size)

    def _event(self, index: int, raw: dict[str, Any]) -> HistoryEvent:
        date = self._date(("history", index, "date"), raw["date"])
        return HistoryEvent(
            date=date or PartialDate(1900, 1, 1),
            event=raw["event"],
            note=raw["note"],
            references=[str(r) for r in raw.get("references", [])],
            result=raw.get("result"),
            file=raw.get("file"),
        )

    def _clock_events(
        self,
        history: list[HistoryEvent],
        act: str,
        received: PartialDate | None,
        responded: PartialDate | None,
    ) -> None:
        """Events that stop or extend the clock belong between receipt and response."""
        for index, event in enumerate(history):
            if event.event == "extension" and act == "foisa":
                self.problem(
                    ("history", index, "event"),
                    "no extension: FOISA has no extension of the time limit",
                    "extension",
                )
            if event.event not in CLOCK_EVENTS or not (received and responded):
                continue
            if not received.earliest() <= event.date.earliest() <= responded.latest():
                self.problem(
                    ("history", index, "date"),
                    f"a date from received ({received.iso}) to responded ({responded.iso})",
                    event.date.iso,
                )


def _question_order(number: str) -> tuple[int, str]:
    digits = re.match(r"\d+", number)
    return (int(digits.group()) if digits else 0, number)
