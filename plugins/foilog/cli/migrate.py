"""`foilog migrate`: an existing disclosure log's pages and letters into draft records.

One draft per input file, named after the file, in a folder outside the disclosures
folder: each is marked `legacy: true` and `draft: true`, lists what was guessed in
`migration_notes`, and is refused by the build until a person has reviewed it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import yaml

from foilog.cli.migration.extract import draft_record
from foilog.cli.migration.reading import READABLE, LetterError, read_letter
from foilog.cli.record_files import record_problems, write_atomically
from foilog.cli.site import CommandError, load_site
from foilog.core.paths import is_hidden, shown
from foilog.core.progress import progress_bar
from foilog.settings import SiteSettings


def add_parser(commands: Any) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "migrate",
        help="make draft records from an existing log's pages and letters",
        description="Read saved disclosure-log pages and response letters (.html, .htm, .txt, "
        ".docx, .pdf; one response per file, or folders of them) and write one draft record "
        "per file into FOLDER, named after the file. Drafts are marked legacy and draft, list "
        "every guessed field in migration_notes, and are refused by the build until a person "
        "deletes `draft: true`. Existing files are never replaced (see docs/command-line.md).",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to read")
    parser.add_argument("--out", required=True, metavar="FOLDER", help="where to write drafts")
    return parser


def input_files(paths: list[str]) -> list[Path]:
    """The files named, and the readable files in the folders named, in order."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in READABLE
                and not is_hidden(p.relative_to(path))
            )
        else:
            found.append(path)
    return found


def migrate(site: SiteSettings, files: list[Path], out: Path) -> tuple[list[str], int, int]:
    """(a line per file, drafts written, files not drafted)."""
    lines: list[str] = []
    written = failed = 0
    taken: set[Path] = set()
    with progress_bar("Reading letters") as progress:
        for done, path in enumerate(files, 1):
            progress(done, len(files))
            target = out / f"{path.stem}.yaml"
            if target.exists() or target in taken:
                lines.append(
                    f"{shown(path)}: not drafted: {shown(target)} already exists "
                    "(drafts are never replaced)"
                )
                failed += 1
                continue
            try:
                letter = read_letter(path)
            except LetterError as error:
                lines.append(f"{shown(path)}: not drafted: the file {error}")
                failed += 1
                continue
            record = draft_record(letter, path.stem, site.register)
            text = f"# Draft made by `foilog migrate` from {path.name}.\n"
            text += "# Check each field against migration_notes, then delete `draft: true`.\n"
            text += yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=100)
            problems = record_problems(site, target, text)
            if problems:
                lines += [f"{shown(path)}: not drafted: {message}" for _, message in problems]
                failed += 1
                continue
            write_atomically(target, text)
            taken.add(target)
            written += 1
            lines.append(f"Drafted {shown(target)} from {shown(path)}: {_summary(record)}")
    return lines, written, failed


def _summary(record: dict[str, Any]) -> str:
    parts = [f"reference {record['reference']}", f"{len(record['questions'])} question(s)"]
    if record.get("exemptions"):
        parts.append("exemptions " + ", ".join(e["section"] for e in record["exemptions"]))
    if record.get("figures"):
        parts.append(f"{len(record['figures'])} table(s)")
    parts.append(f"{len(record['migration_notes'])} note(s) to check")
    return "; ".join(parts)


def run(args: argparse.Namespace) -> int:
    site = load_site(args.settings)
    out = Path(args.out)
    disclosures = site.disclosures_path.resolve()
    if out.resolve() == disclosures or out.resolve().is_relative_to(disclosures):
        raise CommandError(
            f"--out {args.out} is inside the disclosures folder; drafts go elsewhere until a "
            "person has reviewed them"
        )
    if out.exists() and not out.is_dir():
        raise CommandError(f"--out {args.out} is a file, not a folder")
    files = input_files(args.paths)
    if not files:
        raise CommandError("no files to read in " + ", ".join(args.paths))
    lines, written, failed = migrate(site, files, out)
    for line in lines:
        print(line)
    print(f"Drafted {written} record(s) in {shown(out)}; {failed} file(s) not drafted.")
    if written:
        print("Review each draft, delete `draft: true`, and move it into the disclosures folder.")
    return 1 if failed else 0
