"""`foilog withdraw REFERENCE [--file NAME] --reason TEXT`: record a withdrawal in the
record's history, so that the next build takes the record, or one attachment, out of
everything published and leaves a notice at the old address. See docs/publish-guard.md."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from foilog.cli.record_files import write_atomically
from foilog.cli.site import CommandError, load_site, record_file
from foilog.core.paths import shown
from foilog.records.dates import PartialDate
from foilog.records.problems import Problem
from foilog.records.validation import RecordChecker
from foilog.records.yaml_source import YamlSyntaxError, parse_yaml
from foilog.site.purge_list import PURGE_FILE

_TOP_LEVEL = re.compile(r"^[^\s#-]")  # a line that starts the next field of the record
_HISTORY = re.compile(r"^history:\s*(\[\s*\])?\s*(#.*)?$")


def add_parser(commands: Any) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "withdraw",
        help="withdraw a published record, or one of its attachments",
        description="Add a withdrawn event to the record's history. The next build leaves "
        "the record (or the attachment) out of every page, list, feed, search index, "
        "open-data file and the sitemap, leaves a notice at its old address that the host "
        "answers with 410 Gone, and lists the changed addresses for a CDN purge.",
    )
    parser.add_argument("reference", help="the record's reference, such as 000123-25")
    parser.add_argument("--file", help="withdraw only this attachment (its file name)")
    parser.add_argument(
        "--reason", required=True, help="why, in words that may be published on the notice"
    )
    parser.add_argument("--date", help="the date of the withdrawal (default: today)")
    return parser


def run(args: argparse.Namespace) -> int:
    site = load_site(args.settings)
    path = record_file(site, args.reference)
    date = _date(args.date)
    text = path.read_text(encoding="utf-8")
    data = _data(path, text)
    file = _attachment_file(data, args.file) if args.file else None
    _not_withdrawn_already(data, file)
    event = {"date": date, "event": "withdrawn", "note": args.reason.strip()}
    if file:
        event["file"] = file
    updated = with_history_event(text, event)
    problems = _problems(site, path, updated)
    if problems:
        raise CommandError(
            "\n".join(f"{p.field}: expected {p.expected}; found {p.found}" for p in problems)
            + f"\n{shown(path)} was left as it was"
        )
    write_atomically(path, updated)
    what = f"the attachment {file} of {args.reference}" if file else args.reference
    print(f"Recorded the withdrawal of {what} in the history of {shown(path)}.")
    print(
        "Build and publish the site now (make publish). The build leaves it out of every "
        "page, feed, search index and open-data file, and lists the addresses it changed "
        f"for a CDN purge in {shown(site.cache_path / PURGE_FILE)}."
    )
    return 0


def with_history_event(text: str, event: dict[str, str]) -> str:
    """The record's text with `event` as the last entry of its history, the rest untouched."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if _HISTORY.match(line)), None)
    if start is not None and "[" in lines[start]:
        del lines[start]  # "history: []" gives way to a block list
        start = None
    if start is None:
        end = _before_blank_lines(lines, len(lines), 0)
        lines.insert(end, "history:")
        end, indent = end + 1, "  "
    else:
        after = (i for i in range(start + 1, len(lines)) if _TOP_LEVEL.match(lines[i]))
        end = _before_blank_lines(lines, next(after, len(lines)), start + 1)
        items = [line for line in lines[start + 1 : end] if line.lstrip().startswith("- ")]
        indent = items[0][: len(items[0]) - len(items[0].lstrip())] if items else "  "
    lines[end:end] = [
        f"{indent}{'  ' if n else '- '}{key}: {json.dumps(value, ensure_ascii=False)}"
        for n, (key, value) in enumerate(event.items())
    ]
    return "\n".join(lines) + "\n"


def _before_blank_lines(lines: list[str], end: int, start: int) -> int:
    while end > start and not lines[end - 1].strip():
        end -= 1
    return end


def _date(given: str | None) -> str:
    if given is None:
        return dt.date.today().isoformat()
    try:
        if PartialDate.parse(given).day is not None:
            return given
    except ValueError:
        pass
    raise CommandError(f"--date: expected a date such as 2025-04-03; found {given!r}")


def _data(path: Path, text: str) -> dict[str, Any]:
    try:
        data = parse_yaml(text).data
    except YamlSyntaxError as error:
        raise CommandError(f"{shown(path)}:{error.line}: {error}") from None
    if not isinstance(data, dict):
        raise CommandError(f"{shown(path)}: expected a mapping of record fields")
    return data


def _attachment_file(data: dict[str, Any], name: str) -> str:
    """The attachment's `file` as the record writes it, found by it or by its last part."""
    files = [
        a["file"] for a in data.get("attachments") or [] if isinstance(a, dict) and "file" in a
    ]
    for file in files:
        if name in (file, Path(file).name):
            return str(file)
    listed = ", ".join(files) or "none"
    raise CommandError(f"--file: expected one of the record's attachments ({listed}); found {name}")


def _not_withdrawn_already(data: dict[str, Any], file: str | None) -> None:
    for event in data.get("history") or []:
        if not isinstance(event, dict) or event.get("event") != "withdrawn":
            continue
        if event.get("file") in (None, file):
            what = f"the attachment {file}" if event.get("file") else "the record"
            raise CommandError(f"{what} was already withdrawn on {event.get('date')}")


def _problems(site: Any, path: Path, text: str) -> list[Problem]:
    checker = RecordChecker(parse_yaml(text), path, shown(path), site.register)
    checker.check()
    return checker.problems
