"""Writing files into the output folder.

A build writes into a folder of its own, which replaces the output folder only when the
build succeeds (the atomic_output plugin, which starts and ends each `Build`). A page that
did not change is not written again: the build keeps the output folder's file instead, and
lists it in `Build.kept`. A build's pages are written by a thread of its own
(`Build.write`), so that the system's work of making each file runs beside the rendering
of the next page; `Build.finish_writes` waits for them, before anything reads the folder.
Other work that needs only some of the build's files, such as the search index of the
response pages, can run beside the rest of the build too (`Build.run_beside`); a build that
stops stops that work and waits for it before its folder is removed.

Bringing a build into the output folder removes the files no longer built. The cache
folder keeps the list of files the last build left there, so that a rebuild looks only at
those, not at every file of a large site; without the list (a first build, a deleted
cache, a build that stopped while bringing in its files, or another output folder, or one
made anew) every file in the output folder is looked at. So a file put into the output
folder by hand stays there while the list is kept, as the build never made it.
"""

from __future__ import annotations

import contextlib
import filecmp
import os
import posixpath
import queue
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from foilog.core.cache_files import read_pickle, write_pickle

FILES_LEFT = "output-files.pickle"  # in the cache folder


@dataclass
class Build:
    folder: Path  # where this build writes
    replaces: Path  # the output folder it replaces when it succeeds
    kept: set[str] = field(default_factory=set)  # files of `replaces` kept as they are
    finished: list[Callable[[Path], None]] = field(default_factory=list)

    writer: FileWriter | None = None
    beside: list[Beside[Any]] = field(default_factory=list)

    def keep(self, relative: str) -> None:
        self.kept.add(relative)

    def write(self, path: Path, text: str) -> None:
        """Write `text` to `path` (in `folder`) soon, in the writer's thread."""
        if self.writer is None:
            self.writer = FileWriter()
        self.writer.write(path, text)

    def finish_writes(self) -> None:
        """Wait until every file given to `write` is written; raise the first error."""
        if self.writer is not None:
            writer, self.writer = self.writer, None
            writer.finish()

    def abandon(self) -> None:
        """Stop writing and the work beside: the build stopped, and its folder is about to
        go."""
        if self.writer is not None:
            writer, self.writer = self.writer, None
            writer.abandon()
        while self.beside:
            self.beside.pop().stop()

    def run_beside(self, work: Callable[[threading.Event], Result]) -> Beside[Result]:
        """Start `work(stop)` in a thread of its own; `work` should return soon once `stop`
        is set."""
        started = Beside(work)
        self.beside.append(started)
        return started

    def when_finished(self, callback: Callable[[Path], None]) -> None:
        """Call `callback(output folder)` once the build has replaced the output folder."""
        self.finished.append(callback)


WRITES_WAITING = 64  # texts held for the writer at most: beyond, `write` waits for it


class FileWriter:
    """Writes files, in the order given, in a thread of its own. The first error stops the
    writing, and the next `write` or `finish` raises it."""

    def __init__(self) -> None:
        self._waiting: queue.Queue[tuple[Path, str] | None] = queue.Queue(WRITES_WAITING)
        self._error: BaseException | None = None
        self._abandoned = False
        self._thread = threading.Thread(target=self._run, name="foilog-writer", daemon=True)
        self._thread.start()

    def write(self, path: Path, text: str) -> None:
        self._raise_error()
        self._waiting.put((path, text))

    def finish(self) -> None:
        self._waiting.put(None)
        self._thread.join()
        self._raise_error()

    def abandon(self) -> None:
        self._abandoned = True
        self._waiting.put(None)
        self._thread.join()

    def _run(self) -> None:
        while (item := self._waiting.get()) is not None:
            if self._error is None and not self._abandoned:
                try:
                    write_text(*item)
                except BaseException as error:  # raised again in the build's own thread
                    self._error = error

    def _raise_error(self) -> None:
        if self._error is not None:
            raise self._error


Result = TypeVar("Result")


class Beside(Generic[Result]):
    """Work running in a thread of its own beside the build."""

    def __init__(self, work: Callable[[threading.Event], Result]) -> None:
        self._stop = threading.Event()
        self._result: Result | None = None
        self._error: BaseException | None = None

        def run() -> None:
            try:
                self._result = work(self._stop)
            except BaseException as error:  # raised again in the build's own thread
                self._error = error

        self._thread = threading.Thread(target=run, name="foilog-beside", daemon=True)
        self._thread.start()

    def result(self) -> Result:
        """Wait for the work to end; give what it returned, or raise what it raised."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._result  # type: ignore[return-value]

    def stop(self) -> None:
        """Ask the work to stop, and wait for it; what it gives or raises is dropped."""
        self._stop.set()
        self._thread.join()


_builds: dict[Path, Build] = {}


def start_build(folder: Path, replaces: Path) -> Build:
    build = _builds[folder] = Build(folder, replaces)
    return build


def end_build(folder: Path) -> Build:
    return _builds.pop(folder)


def build_in(folder: str | Path) -> Build | None:
    """The build writing into `folder`, if it will replace an output folder."""
    return _builds.get(Path(folder))


def site_files(folder: str | Path) -> set[str]:
    """Every file of the site being built in `folder`: those written there and those kept
    from the output folder, as paths relative to it with "/" between folders."""
    build = build_in(folder)
    return files_in(folder) | build.kept if build else files_in(folder)


def files_in(folder: str | Path) -> set[str]:
    """Every file under `folder`, as a path relative to it with "/" between folders."""
    return {
        Path(parent, name).relative_to(folder).as_posix()
        for parent, _, names in os.walk(folder)
        for name in names
    }


def output_file(output_path: str | Path, url: str) -> Path:
    """The file behind a pretty address: 'disclosures/x/' is 'disclosures/x/index.html'."""
    return Path(output_path) / output_relative(url)


def output_relative(url: str) -> str:
    """The same file's path from the output folder, with "/" between folders; a string,
    as a Path for each of a log's many pages costs more than the rest of keeping it."""
    return posixpath.normpath(url + "index.html" if url == "" or url.endswith("/") else url)


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def copy_file(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def bring_in_changes(
    built: Path, output: Path, written: set[str], site: set[str], left_before: set[str] | None
) -> set[str]:
    """Make `output` hold the `site`'s files (paths relative to it), touching only what
    differs: those `written` in `built` are moved in where their bytes are new, and the
    rest are kept as `output` has them. The files no longer in the site are removed: of
    `left_before`, the files the last build left in `output`, or when that is not known
    of every file in `output`. Gives the files changed, added or removed."""
    changed: set[str] = set()
    for relative in written:
        source, target = built / relative, output / relative
        if target.is_file() and (
            source.samefile(target) or filecmp.cmp(source, target, shallow=False)
        ):
            continue  # hard-linked from the same content file (STATIC_CREATE_LINKS), or equal
        if target.is_dir():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        source.replace(target)
        changed.add(relative)
    if left_before is None:
        return changed | _remove_all_but(output, site)
    gone = left_before - site
    for relative in gone:
        # Already gone by hand, or with a folder that a file of the same name replaced.
        with contextlib.suppress(FileNotFoundError, NotADirectoryError):
            (output / relative).unlink()
        _remove_emptied((output / relative).parent, output)
    return changed | gone


def _remove_all_but(output: Path, site: set[str]) -> set[str]:
    """Remove every file in `output` that is not in `site`, and every empty folder; gives
    the files removed."""
    removed: set[str] = set()
    emptied: set[Path] = set()  # folders that lost a file or folder, so may now be empty
    for parent, folders, names in os.walk(output, topdown=False):  # children first
        folder = Path(parent)
        prefix = folder.relative_to(output).as_posix() + "/"
        for name in names:
            if (relative := prefix.removeprefix("./") + name) not in site:
                (folder / name).unlink()
                removed.add(relative)
                emptied.add(folder)
        if folder != output and (folder in emptied or not (names or folders)):
            with contextlib.suppress(OSError):  # only an empty folder can be removed
                folder.rmdir()
                emptied.add(folder.parent)
    return removed


def _remove_emptied(folder: Path, output: Path) -> None:
    """Remove `folder` and then each folder above it, up to `output`, while it is empty."""
    while folder != output:
        try:
            folder.rmdir()
        except FileNotFoundError:
            pass  # gone with a folder above it
        except OSError:
            return  # not empty
        folder = folder.parent


def files_left_before(cache_path: Path, output: Path) -> set[str] | None:
    """The files the last build left in `output`, as noted by `note_files_left`; None when
    none were noted there, or `output` is not the folder they were left in."""
    noted = read_pickle(cache_path / FILES_LEFT)
    if isinstance(noted, tuple) and len(noted) == 2 and isinstance(noted[1], set):
        return noted[1] if noted[0] == _folder_identity(output) else None
    return None


def note_files_left(cache_path: Path, output: Path, files: set[str] | None) -> None:
    """Note the files a build left in `output`, once it is done with it; None forgets them,
    before the output folder changes."""
    if files is None:
        (cache_path / FILES_LEFT).unlink(missing_ok=True)
    else:
        write_pickle(cache_path / FILES_LEFT, (_folder_identity(output), files))


def _folder_identity(folder: Path) -> tuple[str, int, int]:
    """The folder's path, device and inode: a folder made anew at the same path is another."""
    status = folder.stat()
    return str(folder), status.st_dev, status.st_ino
