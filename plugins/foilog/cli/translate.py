"""`foilog translate REFERENCE`: write a spreadsheet of the fields of a record that the
authority wrote, the English beside the Welsh, to send to translators; and, with
`--read FILE`, write the Welsh of the returned spreadsheet into the record, each text with
the hash of the English it translates. See docs/command-line.md."""

from __future__ import annotations

import argparse
import io
import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from foilog.cli.record_files import record_problems, write_atomically
from foilog.cli.site import CommandError, load_site, record_file
from foilog.cli.translation_sheet import (
    CHANGED,
    CURRENT,
    TO_DO,
    SheetError,
    SheetRow,
    read_sheet,
    write_sheet,
)
from foilog.core.paths import shown
from foilog.core.slugs import slugify
from foilog.records.model import Disclosure
from foilog.records.problems import field_name
from foilog.records.translated_fields import (
    TRANSLATION_LANGUAGES,
    authority_fields,
    english_hash,
)
from foilog.records.validation import RecordChecker
from foilog.records.yaml_source import Path_, YamlSyntaxError, parse_yaml

_STEP = re.compile(r"([A-Za-z_]+)|\[(\d+)\]")


def add_parser(commands: Any) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "translate",
        help="send a record's text to translators, and read their Welsh back",
        description="Write a spreadsheet of every field of the record that the authority "
        "wrote (not the requester's questions), the English beside a column for the Welsh. "
        "With --read, write the Welsh of the returned spreadsheet into the record, each text "
        "with the hash of the English it translates; the rest of the record is left as it was.",
    )
    parser.add_argument("reference", help="the record's reference, such as 000123-25")
    parser.add_argument(
        "--out", help="the spreadsheet to write (default: REFERENCE.cy.xlsx in this folder)"
    )
    parser.add_argument("--read", metavar="FILE", help="the translated spreadsheet to read back")
    parser.add_argument(
        "--language", default="cy", choices=TRANSLATION_LANGUAGES, help="default: cy (Welsh)"
    )
    return parser


def run(args: argparse.Namespace) -> int:
    site = load_site(args.settings)
    path = record_file(site, args.reference)
    text = path.read_text(encoding="utf-8")
    record = _checked(site, path, text)
    if args.read:
        return _read_back(site, path, text, record, Path(args.read), args.language)
    out = Path(args.out or f"{slugify(record.reference)}.{args.language}.xlsx")
    rows = sheet_rows(record, args.language)
    write_sheet(out, record.reference, rows)
    to_do = sum(1 for r in rows if r.status == TO_DO)
    changed = sum(1 for r in rows if r.status == CHANGED)
    print(
        f"Wrote {len(rows)} row(s) of {args.reference} to {out}: {to_do} to translate, "
        f"{changed} whose English changed. Send it to the translators, then run "
        f"foilog translate {args.reference} --read {out}"
    )
    return 0


def sheet_rows(record: Disclosure, language: str) -> list[SheetRow]:
    """One row per field the authority wrote, and one per label of a figure's rows and
    columns, with the Welsh the record already holds."""
    rows = []
    for item in authority_fields(record):
        translated = item.translated(language)
        digest = english_hash(item.english)
        status = TO_DO if translated is None else CURRENT
        if translated is not None and translated.hash != digest:
            status = CHANGED
        welsh = translated.text if translated else None
        place = field_name(item.path)
        if isinstance(item.english, list):
            labels = welsh if isinstance(welsh, list) else []
            for index, label in enumerate(item.english):
                given = labels[index] if index < len(labels) else ""
                rows.append(SheetRow(f"{place}[{index + 1}]", label, given, status, digest))
        else:
            rows.append(SheetRow(place, item.english, str(welsh or ""), status, digest))
    return rows


def _read_back(
    site: Any, path: Path, text: str, record: Disclosure, sheet: Path, language: str
) -> int:
    try:
        written_for, rows = read_sheet(sheet)
    except SheetError as error:
        raise CommandError(str(error)) from None
    if written_for not in (None, record.reference):
        raise CommandError(
            f"{sheet}: expected the spreadsheet of {record.reference}; found that of {written_for}"
        )
    fields = {item.path: item for item in authority_fields(record)}
    welsh: dict[Path_, tuple[str | list[str], str]] = {}
    labels: dict[Path_, dict[int, str]] = {}
    hashes: dict[Path_, str] = {}
    for row in rows:
        steps = _path(row.field)
        base = steps[:-1] if steps and isinstance(steps[-1], int) else steps
        item = fields.get(base)
        if item is None:
            raise CommandError(
                f"{sheet}: row {row.row}: expected a field of {record.reference} to translate; "
                f"found {row.field!r}"
            )
        if not row.welsh:
            continue
        hashes[base] = row.hash or english_hash(item.english)
        if isinstance(item.english, list):
            labels.setdefault(base, {})[int(steps[-1])] = row.welsh
        else:
            welsh[base] = (row.welsh, hashes[base])
    for base, given in labels.items():
        item = fields[base]
        if len(given) != len(item.english):
            raise CommandError(
                f"{sheet}: {field_name(base)}: expected Welsh for all {len(item.english)} "
                f"labels; found {len(given)}"
            )
        welsh[base] = ([given[i] for i in range(len(item.english))], hashes[base])
    updated = with_translations(text, welsh, language)
    problems = record_problems(site, path, updated)
    if problems:
        lines = "\n".join(problem for _, problem in problems)
        raise CommandError(f"{lines}\n{shown(path)} was left as it was")
    write_atomically(path, updated)
    untranslated = len(fields) - len(welsh)
    print(f"Wrote the Welsh of {len(welsh)} field(s) into {shown(path)}.")
    for base, (_, digest) in welsh.items():
        if digest != english_hash(fields[base].english):
            print(f"{field_name(base)}: the English changed after the spreadsheet was written")
    if untranslated:
        print(f"{untranslated} field(s) still have no Welsh.")
    return 0


def with_translations(
    text: str, welsh: dict[Path_, tuple[str | list[str], str]], language: str
) -> str:
    """The record's text with each Welsh text (and its English's hash) in the `cy:` mapping
    beside its English field; the rest of the file as it was, comments and all."""
    yaml = _round_trip(text)
    data = yaml.load(text)
    owners: dict[Path_, list[str]] = {}
    for field in welsh:
        owners.setdefault(field[:-1], []).append(str(field[-1]))
    for place, names in owners.items():
        owner: Any = data
        for step in place:
            owner = owner[step]
        translations = owner.get(language)
        if translations is None:  # the record's after its title; the others' at their end
            translations = CommentedMap()
            after = max(list(owner).index(name) for name in names) if not place else len(owner)
            owner.insert(after + 1, language, translations)
        for name in names:
            value, digest = welsh[(*place, name)]
            entry = CommentedMap()
            entry["text"] = _scalar(value)
            entry["hash"] = DoubleQuotedScalarString(digest)
            translations[name] = entry
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _round_trip(text: str) -> YAML:
    """A YAML writer set to the record's own indentation: the first of the usual styles
    that writes the record back exactly as it is, or the style ruamel guesses."""
    _, indent, offset = load_yaml_guess_indent(text)
    styles = [(2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (indent or 2, indent or 2, offset or 0)]
    for mapping, sequence, dash in styles:
        yaml = YAML()
        yaml.preserve_quotes = True
        yaml.width = 4096  # never re-wrap a line
        yaml.indent(mapping=mapping, sequence=sequence, offset=dash)
        out = io.StringIO()
        yaml.dump(yaml.load(text), out)
        if out.getvalue() == text:
            return yaml
    return yaml


def _scalar(value: str | list[str]) -> Any:
    if isinstance(value, list):
        return CommentedSeq([_scalar(item) for item in value])
    value = value.replace("\r\n", "\n").strip()
    return LiteralScalarString(value + "\n") if "\n" in value else value


def _path(place: str) -> Path_:
    """'questions[2].parts[1].answer' -> ('questions', 1, 'parts', 0, 'answer')."""
    steps: list[str | int] = []
    for name, number in _STEP.findall(place):
        steps.append(name if name else int(number) - 1)
    return tuple(steps)


def _checked(site: Any, path: Path, text: str) -> Disclosure:
    try:
        document = parse_yaml(text)
    except YamlSyntaxError as error:
        raise CommandError(f"{shown(path)}:{error.line}: {error}") from None
    checker = RecordChecker(document, path, shown(path), site.register)
    record = checker.check()
    if record is None:
        problems = "\n".join(str(p) for p in checker.problems)
        raise CommandError(f"{problems}\nfix the record first: it cannot be translated as it is")
    return record
