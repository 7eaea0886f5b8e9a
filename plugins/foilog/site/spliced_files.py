"""Files made of one text a record, such as the open data, written again from the file the
last build left in the output folder.

A publish of one record in a log of 100,000 would otherwise make, or read back from the
cache, every record's text: hundreds of megabytes. Instead the cache folder keeps, for
each such file, where each record's text is in it (`SPLICES_FILE`), with the records' keys
(`foilog.site.page_cache.record_key`), the site fingerprint and the file's stat once the
build had replaced the output folder. A rebuild copies the bytes of each record whose key
is there from that file, a run of records in the same order at a time, and makes only the
texts of the others; when every record is as it was, in the same order, the file is kept
as it is (`Build.keep`). A file changed since (by hand, or by another build), or made for
another site fingerprint, is made whole, so the bytes are always those a clean build
writes.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from array import array
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from foilog.core.cache_files import read_pickle, write_pickle
from foilog.site.output import Build

SPLICES_FILE = "spliced-files.pickle"  # in the cache folder
_FORMAT = 1
OLD_TEXTS_FOLDER = "record-texts"  # each record's texts, kept by earlier versions
COPY_CHUNK = 1 << 20  # bytes read from the previous file at a time


@dataclass(frozen=True)
class RecordTexts:
    """A file's text: `head`, each record's text with `separator` between, then `tail`."""

    head: str
    separator: str
    tail: str
    keys: list[str]  # each record's key, in the file's order
    make: Callable[[int], str]  # the text of the record at this place, when not copied


@dataclass(frozen=True)
class _Layout:
    """Where each record's text is in a file written for the site fingerprint `site`."""

    site: str
    frame: tuple[str, str, str]  # head, separator, tail
    keys: list[str]
    starts: array[int]  # the byte where each record's text starts
    ends: array[int]  # and the byte after it
    stat: tuple[int, int, int] | None = None  # size, mtime_ns, inode in the output folder

    def kept(self) -> tuple[object, ...]:
        return (self.site, self.frame, self.keys, self.starts, self.ends, self.stat)

    @classmethod
    def of_kept(cls, value: object) -> _Layout | None:
        """None unless `value` is a layout as `kept` gives it, whose parts fit together."""
        if not (isinstance(value, tuple) and len(value) == 6):
            return None
        site, frame, keys, starts, ends, stat = value
        if not (
            isinstance(site, str)
            and isinstance(frame, tuple)
            and isinstance(keys, list)
            and isinstance(starts, array)
            and isinstance(ends, array)
            and len(keys) == len(starts) == len(ends)
            and isinstance(stat, tuple)
        ):
            return None
        return cls(site, frame, keys, starts, ends, stat)


class SplicedFiles:
    """The files of one build. `site` is the site fingerprint; `build` is None when no
    output folder is being replaced, so every file is made whole."""

    def __init__(self, cache_path: Path, site: str, build: Build | None) -> None:
        self.file = cache_path / SPLICES_FILE
        self.site = site
        self.build = build
        kept = read_pickle(self.file)
        layouts = kept[1] if isinstance(kept, tuple) and kept[:1] == (_FORMAT,) else {}
        self.kept: dict[str, _Layout] = {}
        for relative, value in layouts.items() if isinstance(layouts, dict) else ():
            if (layout := _Layout.of_kept(value)) is not None:
                self.kept[relative] = layout
        self.written: dict[str, _Layout] = {}
        shutil.rmtree(cache_path / OLD_TEXTS_FOLDER, ignore_errors=True)
        if build is not None:
            build.when_finished(self.save)

    def write(self, relative: str, target: Path, texts: RecordTexts) -> None:
        """Write `texts` at `target`, the file at `relative` in the output folder."""
        frame = (texts.head, texts.separator, texts.tail)
        previous = self._previous(relative, texts.separator)
        if previous is not None and previous.frame == frame and previous.keys == texts.keys:
            assert self.build is not None  # there is no previous file without a build
            self.build.keep(relative)
            self.written[relative] = previous
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.ExitStack() as files:
            out = files.enter_context(target.open("wb"))
            old = None
            if previous is not None and self.build is not None:
                old = files.enter_context((self.build.replaces / relative).open("rb"))
            starts, ends = _write(out, old, previous, texts)
        self.written[relative] = _Layout(self.site, frame, texts.keys, starts, ends)

    def _previous(self, relative: str, separator: str) -> _Layout | None:
        """The layout of the output folder's file at `relative`, if it is still that file
        and was written for this site with the same separator between records."""
        layout = self.kept.get(relative)
        if layout is None or self.build is None or layout.site != self.site:
            return None
        if layout.frame[1] != separator:
            return None
        try:
            found = (self.build.replaces / relative).stat()
        except OSError:
            return None
        return layout if _stat(found) == layout.stat else None

    def save(self, output: Path) -> None:
        """Once the build is in `output`: note where each file's records are."""
        layouts = {}
        for relative, layout in self.written.items():
            stat = _stat((output / relative).stat())
            layouts[relative] = replace(layout, stat=stat).kept()
        if layouts != {relative: layout.kept() for relative, layout in self.kept.items()}:
            write_pickle(self.file, (_FORMAT, layouts))


def _write(
    out: BinaryIO, old: BinaryIO | None, previous: _Layout | None, texts: RecordTexts
) -> tuple[array[int], array[int]]:
    """Write the file, copying from `old` (laid out as `previous`) each record it has;
    gives where each record's text starts and ends."""
    where = {key: n for n, key in enumerate(previous.keys)} if previous and old else {}
    separator = texts.separator.encode()
    starts, ends = array("q"), array("q")
    head = texts.head.encode()
    out.write(head)
    position = len(head)  # of the new file, with the bytes of the run not yet copied
    run: list[int] = []  # the bytes of `old` to copy next: [start, end, last record in it]
    for n, key in enumerate(texts.keys):
        found = where.get(key, -1)
        if run and found == run[2] + 1:
            # The next record of the old file too: the bytes between are the separator.
            assert previous is not None
            start, end = previous.starts[found], previous.ends[found]
            starts.append(position + start - run[1])
            position += end - run[1]
            ends.append(position)
            run[1:] = [end, found]
            continue
        if run:
            _copy(old, out, run[0], run[1])
            run = []
        if n:
            out.write(separator)
            position += len(separator)
        starts.append(position)
        if found >= 0:
            assert previous is not None
            run = [previous.starts[found], previous.ends[found], found]
            position += run[1] - run[0]
        else:
            text = texts.make(n).encode()
            out.write(text)
            position += len(text)
        ends.append(position)
    if run:
        _copy(old, out, run[0], run[1])
    out.write(texts.tail.encode())
    return starts, ends


def _copy(old: BinaryIO | None, out: BinaryIO, start: int, end: int) -> None:
    assert old is not None  # a run is only of the old file's records
    old.seek(start)
    left = end - start
    while left > 0:
        chunk = old.read(min(left, COPY_CHUNK))
        if not chunk:
            raise OSError(f"{old.name} ended before byte {end}")  # changed while being read
        out.write(chunk)
        left -= len(chunk)


def _stat(found: os.stat_result) -> tuple[int, int, int]:
    return found.st_size, found.st_mtime_ns, found.st_ino
