"""Writing files into the output folder.

A build writes into a folder of its own, which replaces the output folder only when the
build succeeds (the atomic_output plugin, which starts and ends each `Build`). A page that
did not change is not written again: the build keeps the output folder's file instead, and
lists it in `Build.kept`.
"""

from __future__ import annotations

import contextlib
import filecmp
import os
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Build:
    folder: Path  # where this build writes
    replaces: Path  # the output folder it replaces when it succeeds
    kept: set[str] = field(default_factory=set)  # files of `replaces` kept as they are
    finished: list[Callable[[Path], None]] = field(default_factory=list)

    def keep(self, relative: str) -> None:
        self.kept.add(relative)

    def when_finished(self, callback: Callable[[Path], None]) -> None:
        """Call `callback(output folder)` once the build has replaced the output folder."""
        self.finished.append(callback)


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
    files = {
        Path(parent, name).relative_to(folder).as_posix()
        for parent, _, names in os.walk(folder)
        for name in names
    }
    build = build_in(folder)
    return files | build.kept if build else files


def output_file(output_path: str | Path, url: str) -> Path:
    """The file behind a pretty address: 'disclosures/x/' is 'disclosures/x/index.html'."""
    relative = url + "index.html" if url == "" or url.endswith("/") else url
    return Path(output_path) / relative


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_pieces(path: Path, pieces: Iterable[str]) -> None:
    """The same file as write_text("".join(pieces)), without the joined text in memory."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as stream:
        stream.writelines(pieces)


def copy_file(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def bring_in_changes(built: Path, output: Path, kept: set[str]) -> set[str]:
    """Make `output` hold what `built` holds, and its `kept` files (paths relative to it),
    touching only what differs. Gives the files changed, added or removed."""
    wanted = set(kept)
    changed: set[str] = set()
    for parent, _, names in os.walk(built):
        for name in names:
            source = Path(parent, name)
            relative = source.relative_to(built)
            wanted.add(relative.as_posix())
            target = output / relative
            if target.is_file() and (
                source.samefile(target) or filecmp.cmp(source, target, shallow=False)
            ):
                continue  # a kept file linked into the build, or the same bytes
            if target.is_dir():
                shutil.rmtree(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            source.replace(target)
            changed.add(relative.as_posix())
    emptied: set[Path] = set()  # folders that lost a file or folder, so may now be empty
    for parent, folders, names in os.walk(output, topdown=False):  # children first
        folder = Path(parent)
        prefix = folder.relative_to(output).as_posix() + "/"
        for name in names:
            if (removed := prefix.removeprefix("./") + name) not in wanted:
                (folder / name).unlink()
                changed.add(removed)
                emptied.add(folder)
        if folder != output and (folder in emptied or not (names or folders)):
            with contextlib.suppress(OSError):  # only an empty folder can be removed
                folder.rmdir()
                emptied.add(folder.parent)
    return changed
