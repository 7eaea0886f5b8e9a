"""Small numbers: a count from 1 to the threshold minus 1 must be suppressed."""

from __future__ import annotations

from foilog.guard.findings import Finding
from foilog.guard.tables import cell_finding, entries, percentage_columns
from foilog.records.model import Disclosure, FigureTable
from foilog.settings import GuardSettings

CHECKED_UNITS = ("count",)


def table_threshold(table: FigureTable, guard: GuardSettings) -> int:
    return table.threshold if table.threshold is not None else guard.threshold


def small_number_findings(
    disclosure: Disclosure, index: int, table: FigureTable, guard: GuardSettings
) -> list[Finding]:
    findings: list[Finding] = []
    threshold = table_threshold(table, guard)
    if table.threshold is not None and table.threshold != guard.threshold:
        findings.append(
            Finding(
                disclosure.source,
                disclosure.line_of(("figures", index, "threshold")),
                f"figures[{index + 1}].threshold",
                "table-threshold",
                f"this table uses a threshold of {table.threshold}, not the site's "
                f"{guard.threshold}",
                "add a review entry that says why this table may differ, or remove threshold",
            )
        )
    if table.unit not in CHECKED_UNITS:
        return findings
    shares = percentage_columns(table)
    for position, cell in entries(table):
        if position[0] == "cell" and position[2] in shares:
            continue  # a percentage, not a count
        if cell.suppressed:
            bound = cell.upper_bound
            if bound is None or bound + 1 >= threshold:
                continue
            found = f'"{cell.raw}" says the count is below {int(bound) + 1}, narrower than '
            found += f"the threshold of {threshold}"
            fix = f'write "<{threshold}" or "*" instead'
        elif cell.number is None or (cell.number == 0 and guard.allow_zero):
            continue
        elif cell.number < threshold:
            found = f"{cell.raw} is below the threshold of {threshold}"
            if cell.number == 0:
                found = "0 is published, and this site does not allow zero"
            fix = f'write "<{threshold}" or "*" instead of {cell.raw}, and suppress enough other '
            fix += "cells that it cannot be worked out from the totals"
        else:
            continue
        findings.append(
            cell_finding(disclosure, index, table, position, "small-number", found, fix)
        )
    return findings
