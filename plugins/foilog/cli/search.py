"""`foilog search`: find earlier responses (precedents) in the records, with the Whoosh index."""

from __future__ import annotations

import argparse
from typing import Any

from rich.console import Console
from rich.text import Text

from foilog.checks.record_log import load_log
from foilog.cli.site import CommandError, load_site
from foilog.core.paths import shown
from foilog.core.progress import progress_bar
from foilog.core.slugs import slugify
from foilog.records.citations import normalise
from foilog.records.model import OUTCOME_LABELS, Disclosure, FigureTable
from foilog.records.outcomes import OUTCOMES
from foilog.records.register import ACT_SHORT, ExemptionRegister
from foilog.search.record_index import QueryError, open_index, search, update_index

CELLS_SHOWN = 3  # cells listed for a table without a grand total


def add_parser(commands: Any) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "search",
        help="search the records for earlier responses on a subject",
        description="Search the titles, questions, answers and response letters of every "
        "record, and show each match with its outcome, response date and the figures "
        "released. Words must all match; use OR, NOT, quotes for a phrase, and * at the "
        'end of a word, such as: foilog search "sex workers" --exemption 40 --year 2024. '
        "The exit code is 1 when nothing matches.",
    )
    parser.add_argument("text", nargs="?", default="", help="the words to look for")
    parser.add_argument("--exemption", help="only records citing this section, such as 40")
    parser.add_argument("--topic", help='only records on this topic, such as "stop and search"')
    parser.add_argument("--year", type=int, help="only records answered in this year")
    parser.add_argument("--outcome", choices=OUTCOMES, help="only records with this outcome")
    parser.add_argument(
        "--limit", type=int, default=20, help="show at most this many (default: 20)"
    )
    return parser


def run(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise CommandError("--limit must be 1 or more")
    site = load_site(args.settings)
    with progress_bar("Reading records") as progress:
        log, problems = load_log(site, progress)
    # The first search indexes every record; later ones only those changed since.
    with progress_bar("Indexing records for search") as progress:
        update_index(site, log, progress)
    try:
        hits = search(
            open_index(site),
            args.text,
            exemption=_exemption_key(site.register, args.exemption),
            topic=slugify(args.topic) if args.topic else None,
            year=str(args.year) if args.year is not None else None,
            outcome=args.outcome,
            limit=args.limit,
        )
    except QueryError as error:
        raise CommandError(f"cannot search for {args.text!r}: {error}") from None
    console = _Console(highlight=False, soft_wrap=True)
    if problems:
        files = len({p.file for p in problems})
        console.print(
            f"Note: {files} record file(s) have problems and are left out of the search; "
            "`foilog check` lists them.",
            style="yellow",
        )
    if not hits:
        console.print("No record matches.")
        return 1
    by_reference = log.by_reference()
    for hit in hits:
        console.print()
        _show(console, by_reference[hit.reference])
    console.print()
    order = "best match first" if args.text.strip() else "newest first"
    console.print(f"{len(hits)} record(s) shown, {order}.")
    return 0


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """Rich would exit with 1, which here means "nothing matched": let the command line
        end as it does for every command whose reader stopped reading."""
        raise BrokenPipeError


def _exemption_key(register: ExemptionRegister, exemption: str | None) -> str | None:
    """The register key the index holds ("40"), so that "40(2)" and "section 40" find it."""
    if not exemption:
        return None
    citation = normalise(exemption)  # "S.40(2)", "s.43 (2)", "Section 40" as the register has them
    keys = {entry.key for act in ACT_SHORT for entry in register.entries(act)}
    if citation in keys:
        return citation
    for act in ACT_SHORT:
        entry = register.resolve(act, citation)
        if entry:
            return entry.key
    return citation  # perhaps a page slug, such as section-40


def _show(console: Console, disclosure: Disclosure) -> None:
    heading = Text(disclosure.reference, style="bold")
    heading.append(f"  {disclosure.title}")
    console.print(heading)
    responded = disclosure.responded.iso if disclosure.responded else "not yet"
    console.print(f"  {OUTCOME_LABELS[disclosure.outcome]}, responded {responded}")
    if disclosure.exemptions:
        cited = ", ".join(dict.fromkeys(e.label for e in disclosure.exemptions))
        console.print(Text(f"  Exemptions: {cited}"))
    for table in disclosure.figures:
        console.print(Text(f"  Figures: {table.caption}"))
        console.print(Text(f"    {_released(table)}"))
    if not disclosure.figures:
        console.print("  No figures released.", style="dim")
    console.print(Text(f"  {shown(disclosure.source_path)}"), style="dim")


def _released(table: FigureTable) -> str:
    """The grand total when published, otherwise the first few cells."""
    if table.total is not None:
        return f"Total: {table.total.raw}"
    cells = [
        (f"{row} / {column}" if table.columns else row, cell.raw)
        for row, cells in zip(table.rows, table.cells, strict=True)
        for column, cell in zip(table.columns or [""], cells, strict=True)
    ]
    listed = "; ".join(f"{label}: {value}" for label, value in cells[:CELLS_SHOWN])
    return listed + ("; …" if len(cells) > CELLS_SHOWN else "")
