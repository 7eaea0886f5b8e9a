"""Withdrawals: a `withdrawn` history event takes a record, or one attachment (its `file`),
out of everything published, and leaves a notice at the old address."""

from __future__ import annotations

from collections.abc import Iterator

from foilog.records.dates import PartialDate
from foilog.records.model import Attachment, Disclosure, HistoryEvent
from foilog.records.yaml_source import Path_


def withdrawal_problems(
    history: list[HistoryEvent], attachments: list[Attachment], responded: PartialDate | None
) -> Iterator[tuple[Path_, str, str]]:
    """Each problem as (path, expected, found); marks each attachment withdrawn by an event."""
    files = {a.file: a for a in attachments if a.file}
    for index, event in enumerate(history):
        path: Path_ = ("history", index)
        if event.file and event.event != "withdrawn":
            yield (*path, "file"), "file only on a withdrawn event", f"event {event.event}"
        elif event.event == "withdrawn":
            if responded and event.date.earliest() < responded.earliest():
                yield (
                    (*path, "date"),
                    f"a date on or after responded ({responded.iso})",
                    (event.date.iso),
                )
            if event.file and event.file not in files:
                listed = ", ".join(files) or "none"
                yield (
                    (*path, "file"),
                    f"the file of one of the attachments ({listed})",
                    (event.file),
                )
            elif event.file:
                files[event.file].withdrawn = event


def split_withdrawn(disclosures: list[Disclosure]) -> tuple[list[Disclosure], list[Disclosure]]:
    """The records still published, and those withdrawn whole."""
    published = [d for d in disclosures if not d.withdrawn]
    return published, [d for d in disclosures if d.withdrawn]
