"""A record's table of figures by person: "Complaints by officer" whose rows are officers'
names. Each name is a person's, and their figures are about them."""

from __future__ import annotations

import re

from foilog.guard.attachments.name_columns import names_a_person
from foilog.guard.findings import Finding
from foilog.records.model import Disclosure

# A caption whose rows or columns are people: "by officer", "per member of staff",
# "for each employee", "names of officers".
_BY_PERSON = re.compile(
    r"\b(?:(?:by|per|for\s+each|of\s+each)\s+(?:named\s+|individual\s+)?(?:officer|member\s+of"
    r"\s+staff|staff\s+member|employee|person|individual|councillor|driver|pupil|student|"
    r"patient|suspect|victim|offender|complainant|applicant|tenant|name)s?|names?\s+of)\b",
    re.IGNORECASE,
)


def name_label_findings(disclosure: Disclosure) -> list[Finding]:
    findings = []
    for index, table in enumerate(disclosure.figures):
        if not _BY_PERSON.search(table.caption):
            continue
        for axis in ("rows", "columns"):
            labels: list[str] = getattr(table, axis)
            named = [n for n, label in enumerate(labels) if names_a_person("Name", label)]
            if not named:
                continue
            findings.append(
                Finding(
                    disclosure.source,
                    disclosure.line_of(("figures", index, axis)),
                    f"figures[{index + 1}].{axis}[{named[0] + 1}]",
                    "name-label",
                    f'the table "{table.caption}" is by person, and {len(named)} of its '
                    "labels are shaped like people's names",
                    'write the role or a number ("Officer A") instead of each name; if the '
                    "names are published already, add a review entry",
                )
            )
    return findings
