"""Pelican plugin: build into a temporary folder and bring it into the output folder only
when the build succeeds.

A failed build leaves the previous output folder untouched. A successful one moves in
only the files whose bytes changed and removes the files no longer built, so an unchanged
rebuild writes nothing to the output folder (file dates stay as they were, and a sync to
the web host sends nothing). List this plugin last in PLUGINS, so that every other
plugin's `finalized` work (such as the search index) is done in the temporary folder first.
"""

from __future__ import annotations

import atexit
import contextlib
import filecmp
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from foilog.settings import read_settings
from foilog.site import output
from foilog.site.purge_list import write_purge_list

_pending: dict[int, tuple[Path, Path]] = {}  # id(pelican) -> (temporary folder, real output)


def _discard(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def start_build(pelican: Any) -> None:
    """Point this run at a fresh temporary folder beside the real output folder."""
    real = Path(_pending.pop(id(pelican), (None, pelican.output_path))[1]).resolve()
    real.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{real.name}-building-", dir=real.parent))
    atexit.register(_discard, building)  # a build that stops leaves nothing half-written
    _pending[id(pelican)] = (building, real)
    output.start_build(building, real)
    pelican.output_path = str(building)


def finish_build(pelican: Any) -> None:
    building, real = _pending[id(pelican)]
    build = output.end_build(building)
    if real.is_dir():
        changed = bring_in_changes(building, real, build.kept)
        _discard(building)
    else:
        changed = set(output.site_files(building))
        building.replace(real)
    site = read_settings(pelican.settings)
    write_purge_list(site.cache_path, site.absolute_url, changed)
    pelican.output_path = str(real)
    for callback in build.finished:
        callback(real)


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
