"""Pelican plugin: build into a temporary folder and bring it into the output folder only
when the build succeeds.

A failed build leaves the previous output folder untouched. A successful one moves in
only the files whose bytes changed and removes the files no longer built, so an unchanged
rebuild leaves the pages, feeds and data files as they were (file dates stay, and a sync to
the web host sends only what changed; see `foilog.site.output.bring_in_changes`). The
files it leaves there are noted in the cache folder, so that the next build looks only at
those for files to remove. The plugin runs this last, once every other part's `finalized`
work (such as the search index) is done in the temporary folder.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import Any

from foilog.settings import DEVELOPMENT_SITEURL, read_settings
from foilog.site import output
from foilog.site.output import bring_in_changes, files_in, files_left_before, note_files_left
from foilog.site.purge_list import write_purge_list

_pending: dict[int, tuple[Path, Path]] = {}  # id(pelican) -> (temporary folder, real output)


def _discard(folder: Path) -> None:
    build = output.build_in(folder)
    if build:  # stopped before it finished: nothing may write into the folder gone
        build.abandon()
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


def finish_writes(pelican: Any) -> None:
    """Wait for the build's pages to be written, before anything reads its folder."""
    build = output.build_in(_pending[id(pelican)][0])
    if build:
        build.finish_writes()


def finish_build(pelican: Any) -> None:
    building, real = _pending[id(pelican)]
    build = output.end_build(building)
    build.finish_writes()
    written = files_in(building)
    made = written | build.kept
    site = read_settings(pelican.settings)
    if real.is_dir():
        left_before = files_left_before(site.cache_path, real)
        if left_before is None or not made <= left_before:
            # Forgotten until the build is in: should it stop half way, the output folder
            # may hold files that no list names, and the next build looks at every file.
            note_files_left(site.cache_path, real, None)
        changed = bring_in_changes(building, real, written, made, left_before)
        _discard(building)
    else:
        left_before = None
        changed = made
        building.replace(real)
    if made != left_before:
        note_files_left(site.cache_path, real, made)
    # Paths are from the output folder's root, the site's root whatever FOILOG_URL_PREFIX.
    write_purge_list(site.cache_path, site.siteurl or DEVELOPMENT_SITEURL, changed)
    pelican.output_path = str(real)
    for callback in build.finished:
        callback(real)
