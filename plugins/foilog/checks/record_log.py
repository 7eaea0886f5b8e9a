"""Load every record under the disclosures folder into one checked DisclosureLog."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from foilog.checks.checked_records import CheckedRecords
from foilog.core.garbage_collection import LongLived
from foilog.core.paths import is_hidden
from foilog.core.progress import ProgressCallback as Progress
from foilog.records.model import Disclosure, DisclosureLog
from foilog.records.parsed_records import ParsedRecord, ParsedRecords
from foilog.records.problems import Problem
from foilog.records.timeliness import assess
from foilog.records.validation import RecordChecker
from foilog.records.withdrawals import split_withdrawn
from foilog.records.working_days import calendar_for
from foilog.records.yaml_source import YamlSyntaxError
from foilog.settings import SiteSettings


def record_files(folder: Path) -> list[Path]:
    """Every record file, skipping hidden files and folders (editor and system leftovers),
    in the order of their paths' parts. Made from strings: a log has many thousands."""
    found: list[str] = []
    for parent, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if not _hidden(name)]
        found += [
            os.path.join(parent, name)  # noqa: PTH118
            for name in names
            if name.endswith((".yaml", ".yml")) and not _hidden(name)
        ]
    found.sort(key=lambda path: path.split(os.sep))  # noqa: PTH206
    return [Path(path) for path in found]


def _hidden(name: str) -> bool:
    return is_hidden(Path(name)) if name.startswith(".") else False


def load_log(
    settings: SiteSettings, progress: Progress | None = None
) -> tuple[DisclosureLog, list[Problem]]:
    """All records, newest first, with every problem found in any of them. Parsed files,
    and records that passed every check, are kept in the cache folder, so a rebuild parses
    and checks only the records that changed (foilog.checks.checked_records)."""
    folder = settings.disclosures_path
    problems: list[Problem] = []
    disclosures: list[Disclosure] = []
    paths = record_files(folder)
    today = dt.date.today()
    # Strings, not Paths, for what is done to every record file: a Path costs more.
    shown_from = "" if folder.parent == Path() else os.path.join(folder.parent, "")  # noqa: PTH118
    long_lived = LongLived()  # the records read back from the cache last the build
    with (
        ParsedRecords(settings.cache_path) as parsed,
        CheckedRecords(settings.cache_path, settings.register, settings.jurisdiction) as checked,
    ):
        for done, path in enumerate(paths, 1):
            if progress:
                progress(done, len(paths))
            name = str(path)
            shown_as = name.removeprefix(shown_from)
            status = os.stat(name)  # noqa: PTH116
            size = status.st_size
            if size > settings.max_record_bytes:
                problems.append(
                    Problem(
                        shown_as,
                        1,
                        "",
                        f"a record of at most {settings.max_record_bytes:,} bytes "
                        "(FOILOG_MAX_RECORD_BYTES)",
                        f"{size:,} bytes",
                    )
                )
                continue
            # A file as it was, checked before: its parsed document need not be read.
            content_hash = parsed.unchanged_hash(path, status)
            disclosure = checked.get(content_hash, path, shown_as, today) if content_hash else None
            if disclosure is not None and content_hash is not None:
                parsed.keep(path, status, content_hash)
                long_lived.keep()
            else:
                try:
                    record = parsed.read(path, status)
                except YamlSyntaxError as error:
                    long_lived.made_garbage()
                    problems.append(Problem(shown_as, error.line, "", error.expected, error.found))
                    continue
                except UnicodeDecodeError:
                    long_lived.made_garbage()
                    problems.append(Problem(shown_as, 1, "", "UTF-8 text", "other bytes"))
                    continue
                if record.content_hash != content_hash:  # other bytes than asked for above
                    disclosure = checked.get(record.content_hash, path, shown_as, today)
                content_hash = record.content_hash
                if disclosure is not None:
                    long_lived.keep()
                else:
                    long_lived.made_garbage()
                    disclosure = _checked(record, parsed, path, shown_as, settings, today, problems)
                    if disclosure is not None:
                        checked.put(content_hash, path, shown_as, today, disclosure)
            if disclosure is not None and disclosure.draft:
                problems.append(draft_problem(disclosure))
            elif disclosure is not None:
                disclosure.content_hash = content_hash
                disclosures.append(disclosure)
    problems.extend(_cross_record_problems(disclosures))
    disclosures.sort(key=Disclosure.sort_key, reverse=True)
    # A withdrawn record keeps its reference and address (checked above), and nothing else.
    return DisclosureLog(*split_withdrawn(disclosures)), problems


def _checked(
    record: ParsedRecord,
    parsed: ParsedRecords,
    path: Path,
    shown_as: str,
    settings: SiteSettings,
    today: dt.date,
    problems: list[Problem],
) -> Disclosure | None:
    """Check a record as of `today`, adding what is wrong with it to `problems`: the
    Disclosure, with its timeliness, when it passed."""
    checker = RecordChecker(record.document, path, shown_as, settings.register, today)
    disclosure = checker.check(structure_passed=record.sound)
    problems.extend(checker.problems)
    if checker.structure_passed:
        parsed.mark_sound(record)
    if disclosure is not None:
        calendar = calendar_for(disclosure.act, settings.jurisdiction)
        disclosure.timeliness = assess(disclosure, calendar)
    return disclosure


def draft_problem(disclosure: Disclosure) -> Problem:
    """A draft is never published: one line says so, and what to do."""
    return Problem(
        disclosure.source,
        disclosure.line_of(("draft",)),
        "draft",
        "review it against migration_notes, then delete the line `draft: true`",
        "a draft record, not yet reviewed, so not published",
        draft=True,
    )


def _cross_record_problems(disclosures: list[Disclosure]) -> list[Problem]:
    """References must be unique, and so must the page addresses made from them."""
    problems = []
    by_reference: dict[str, Disclosure] = {}
    by_url: dict[str, Disclosure] = {}
    for disclosure in disclosures:
        first = by_reference.setdefault(disclosure.reference, disclosure)
        clash = by_url.setdefault(disclosure.url, disclosure)
        if first is not disclosure:
            expected = "a reference used by no other record"
            found = f"already used by {first.source}"
        elif clash is not disclosure:
            expected = "a reference that makes its own page address"
            found = f"whose address /{disclosure.url} is also {clash.reference!r} in {clash.source}"
        else:
            continue
        problems.append(
            Problem(
                disclosure.source,
                disclosure.reference_line,
                "reference",
                expected,
                f"{disclosure.reference!r}, {found}",
            )
        )
    return problems
