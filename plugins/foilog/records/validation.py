"""Check one record against the JSON Schema and the format's rules, and build its Disclosure."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from foilog.core.slugs import slugify
from foilog.records import outcomes
from foilog.records.attachment_files import check_attachment
from foilog.records.dates import PartialDate
from foilog.records.figures import SUPPRESSED_HELP, parse_cell, totals_problems
from foilog.records.legacy import nullable_fields
from foilog.records.model import (
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
from foilog.records.register import ExemptionRegister
from foilog.records.rule_runner import RuleRunner, question_order
from foilog.records.structure import describe, structure_problems
from foilog.records.translated_fields import attach_translations
from foilog.records.withdrawals import withdrawal_problems
from foilog.records.yaml_source import Path_, YamlDocument, pack_lines

CLOCK_EVENTS = ("clarification-requested", "clarification-received", "extension")


class RecordChecker(RuleRunner):
    """Collects every problem in one record; `build()` gives the Disclosure when there are none."""

    def __init__(
        self,
        document: YamlDocument,
        source: Path,
        shown_as: str,
        register: ExemptionRegister,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(document, shown_as)
        self.source = source
        self.register = register
        self.today = today or dt.date.today()  # no date in a record may be after it
        self.structure_passed = False

    def check(self, structure_passed: bool = False) -> Disclosure | None:
        """`structure_passed`: the same document passed the structural checks (duplicate
        keys, placeholders and the schema) before, so only the rules are checked."""
        data = self.doc.data
        if not structure_passed:
            structural = structure_problems(self.doc, self.shown_as)
            if structural:
                self.check_sound_parts(self._build, structural)
                return None
        self.structure_passed = True
        disclosure = self._build(data)
        self.add_problems(attach_translations(disclosure, data))
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
        act = data.get("act", "foia")
        legacy = bool(data.get("legacy", False))
        if not legacy:
            for path in nullable_fields(data):
                self.problem(path, "a value (null only in a record marked legacy: true)", "null")
        received = self.part(self._date, ("received",), data.get("received"))
        responded = self.part(self._date, ("responded",), data.get("responded"))
        for name, date in (("received", received), ("responded", responded)):
            if date and date.earliest() > self.today:
                self.problem(
                    (name,),
                    f"a date no later than today ({self.today.isoformat()})",
                    f"{date.iso}, in the future",
                )
        if received and responded and received.earliest() > responded.latest():
            self.problem(
                ("received",),
                f"received on or before responded ({responded.iso})",
                f"received {received.iso}",
            )
        questions = self.each(data, "questions", self._question)
        numbers = {str(n) for n in range(1, len(data.get("questions", [])) + 1)}
        numbers |= {p.number for q in questions for p in q.parts}
        overall = self.part(self._overall, data, questions)
        history = self.each(data, "history", self._event)
        self._clock_events(history, act, received, responded)
        periods = self.each(data, "periods", self._period)
        exemptions = self.each(data, "exemptions", self._exemption, act, numbers)
        figures = self.each(data, "figures", self._figure, numbers)
        redirections = self.each(data, "redirections", self._redirection, numbers)
        attachments: dict[str, str] = {}  # published name -> file, for clashes
        attached = self.each(
            data, "attachments", check_attachment, self.source, attachments, self.problem
        )
        self.add_problems(withdrawal_problems(history, attached, responded))
        review = self.each(data, "review", self._review)
        reference = str(data["reference"]).strip()
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
            outcome=overall or "",
            questions=questions,
            topics=topics,
            topic_slugs=[slugify(t) for t in topics],
            periods=periods,
            exemptions=exemptions,
            figures=figures,
            redirections=redirections,
            response=data.get("response"),
            attachments=attached,
            history=history,
            related=[str(r) for r in data.get("related", [])],
            sensitive=bool(data.get("sensitive", False)),
            legacy=legacy,
            draft=bool(data.get("draft", False)),
            migration_notes=list(data.get("migration_notes", [])),
            review=review,
            source=self.shown_as,
            source_path=self.source,
            reference_line=self.doc.line_of(("reference",)),
            slug=slug,
            url=f"disclosures/{year}/{slug}/",
            field_lines=pack_lines(self.doc.lines),
        )

    def _overall(self, data: dict[str, Any], questions: list[Question]) -> str:
        """The record's outcome: as given, when it fits the questions' outcomes, or derived."""
        given = [q.outcome for q in questions]
        overall = outcomes.derive(given)
        if data.get("outcome") is None:
            return overall
        if all(o in outcomes.OUTCOMES for o in given) and not outcomes.consistent(
            data["outcome"], given
        ):
            self.problem(
                ("outcome",),
                f"an outcome that fits the questions' outcomes (for example {overall})",
                f"{data['outcome']} with questions "
                + ", ".join(f"{q.number} {q.outcome}" for q in questions),
            )
        return str(data["outcome"])

    def _question(self, index: int, item: dict[str, Any]) -> Question:
        number = str(index + 1)
        parts = [
            Part(
                number=f"{number}{chr(ord('a') + p_index)}",
                text=part["text"],
                outcome=part.get("outcome", item["outcome"]) or outcomes.NOT_RECORDED,
                answer=part.get("answer"),
                answer_recorded=not _null(part, "answer"),
            )
            for p_index, part in enumerate(item.get("parts", []))
        ]
        return Question(
            number,
            item["text"],
            item["outcome"] or outcomes.NOT_RECORDED,
            item.get("answer"),
            parts,
            answer_recorded=not _null(item, "answer"),
        )

    def _redirection(self, index: int, raw: dict[str, Any], numbers: set[str]) -> Redirection:
        return Redirection(
            raw["body"],
            raw["about"],
            raw.get("url"),
            self._question_refs(
                ("redirections", index, "questions"), raw.get("questions"), numbers
            ),
        )

    def _review(self, index: int, raw: dict[str, Any]) -> ReviewEntry:
        date = PartialDate.parse(raw["date"])
        return ReviewEntry(raw["rule"], raw["place"], raw["by"], date, raw["reason"])

    def _question_refs(self, path: Path_, raw: list[Any] | None, numbers: set[str]) -> list[str]:
        if raw is None:
            return []
        refs = [str(r) for r in raw]
        if not numbers:  # the questions are missing, and a structural problem says so
            return refs
        for index, ref in enumerate(refs):
            if ref not in numbers:
                self.problem(
                    (*path, index),
                    f"a question of this record ({', '.join(sorted(numbers, key=question_order))})",
                    ref,
                )
        return refs

    def _period(self, index: int, raw: dict[str, Any], path: Path_ | None = None) -> Period:
        path = path or ("periods", index)
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
        elif unknown := self.register.unknown_subsection(entry, citation):
            cited, valid = unknown
            self.problem(
                (*path, "section"),
                f"a subsection of {entry.label} in the register ({', '.join(valid)})",
                repr(cited),
            )
        if entry is not None:
            if (
                entry.kind == "qualified"
                and not raw.get("public_interest")
                and not _null(raw, "public_interest")
            ):
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
        if raw.get("ncnd_scope") and not raw.get("ncnd"):
            self.problem(
                (*path, "ncnd_scope"), "ncnd_scope only with ncnd: true", repr(raw["ncnd_scope"])
            )
        return CitedExemption(
            citation=citation,
            entry=entry,  # type: ignore[arg-type]  # None only when a problem was recorded
            questions=self._question_refs((*path, "questions"), raw.get("questions"), numbers),
            reason=raw["reason"],
            public_interest=raw.get("public_interest"),
            ncnd=bool(raw.get("ncnd", False)),
            ncnd_scope=raw.get("ncnd_scope"),
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
            period=self._period(index, raw["period"], (*path, "period"))
            if "period" in raw
            else None,
        )
        if unit == "text" and table.total is not None:
            self.problem((*path, "total"), "no totals in a text table", "total")
        complete = not any(
            c is None
            for group in (*cells, table.row_totals or [], table.column_totals or [])
            for c in group
        )
        if complete and len(cells) == len(rows) and all(len(row) == width for row in cells):
            for name, position, why in totals_problems(table):
                field_path = (*path, name) if position is None else (*path, name, position)
                found = raw[name] if position is None else raw[name][position]
                self.problem(field_path, f"a total that adds up ({why})", repr(found))
        return table

    def _event(self, index: int, raw: dict[str, Any]) -> HistoryEvent:
        date = self._date(("history", index, "date"), raw["date"])
        return HistoryEvent(
            date=date or PartialDate(1900, 1, 1),
            event=raw["event"],
            note=raw["note"],
            references=[str(r) for r in raw.get("references", [])],
            result=raw.get("result"),
            file=raw.get("file"),
            text=raw.get("text"),
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


def _null(item: dict[str, Any], name: str) -> bool:
    """Written as null: in a legacy record, not recorded in the original response."""
    return name in item and item[name] is None
