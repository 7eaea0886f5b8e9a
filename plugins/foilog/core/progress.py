"""A progress bar for long work, shown only on a terminal."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

ProgressCallback = Callable[[int, int], None]  # (done so far, in all)
SHOWN_STEPS = 1000


@contextmanager
def progress_bar(description: str, console: Console | None = None) -> Iterator[ProgressCallback]:
    """Yields a (done, total) callback. Nothing is shown when output goes to a file, and the
    bar goes once the work is done. The build passes Pelican's own console, so the bar
    shows beneath Pelican's "Generating..." line."""
    console = console or Console(stderr=True)
    with Progress(
        TextColumn(description),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as progress:
        task = progress.add_task(description)
        shown = -1  # the count the bar last showed

        def advance(done: int, total: int) -> None:
            # Each update costs more than a record kept from the last build: the bar moves
            # in thousandths, which is all it can show.
            nonlocal shown
            if progress.disable or (done < total and done - shown < total // SHOWN_STEPS):
                return
            shown = done
            progress.update(task, completed=done, total=total)

        yield advance
