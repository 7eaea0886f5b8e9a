"""Parsed record files kept between builds, so that a rebuild parses only the records that
changed.

Parsing the YAML, and checking its structure against the schema, is most of the cost of
reading a record. Each parsed file is kept in the cache folder under a hash of its bytes,
with whether its structure passed. (A record's rules depend on other files and settings
too: the records that passed them are kept by foilog.checks.checked_records.)

Reading and hashing every file is then most of what is left: on a cold disk, seconds for a
large log. So the cache also keeps each file's stat (size, modification and change times,
inode and device) with the hash of the bytes it had, and a file whose stat is the same as
at the last build is not read again. A git checkout rewrites the files it changes, and so
changes their stats; a stat that changed only means the file is read and hashed again,
never that it is taken to be a new record. As in git, a file changed within a few
seconds before the stats were taken is "racily clean": an edit in the same tick of the
file system's clock could leave its stat as it was, so its stat is trusted only once it is
older than that.

Each parsed file is held pickled until the cache is saved: the build checks one record at
a time, and a parsed document takes several times more memory alive than pickled.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TypeGuard

from foilog.core.cache_files import KeptValues, read_pickle, write_pickle
from foilog.core.fingerprint import code_fingerprint
from foilog.records.yaml_source import YamlDocument, parse_yaml

CACHE_FOLDER = "parsed-records"
STATS_FILE = "file-stats.pickle"  # in CACHE_FOLDER, beside the parsed files
# Files changed this soon before the stats were taken are read again: more than any file
# system's timestamp step (FAT's is two seconds) and the lag of the kernel's coarse clock.
RACY_NANOSECONDS = 3_000_000_000

FileStat = tuple[int, int, int, int, int]  # size, mtime_ns, ctime_ns, inode, device


@dataclass
class ParsedRecord:
    content_hash: str  # of the file's bytes
    pickled: bytes  # the document, as kept
    sound: bool = False  # its structure passed the checks before, with the same code
    parsed: YamlDocument | None = None  # the document, once parsed or read from `pickled`

    @property
    def document(self) -> YamlDocument:
        """Unpickled only when asked for: a record kept as checked needs none."""
        if self.parsed is None:
            self.parsed = pickle.loads(self.pickled)
        return self.parsed


class ParsedRecords:
    """Use as a context manager: the records parsed or used in it are kept when it ends,
    with the stats of the files read."""

    def __init__(self, cache_path: Path) -> None:
        self.values = KeptValues(cache_path / CACHE_FOLDER, version=code_fingerprint())
        self.stats_file = cache_path / CACHE_FOLDER / STATS_FILE
        # Taken before any file's stat is, so that a file changed after it is never trusted.
        self.started = time.time_ns()
        kept = read_pickle(self.stats_file)
        taken, self.kept_stats = kept if _are_stats(kept) else (0, {})
        self.trusted_before = taken - RACY_NANOSECONDS  # a file changed since is read again
        self.stats: dict[str, tuple[FileStat, str]] = {}  # path -> stat and content hash

    def unchanged_hash(self, path: Path, status: os.stat_result) -> str | None:
        """The hash of the file's bytes at the last build, when its stat, `status`, says it
        is the same file; then a record checked before need not be read (`keep`)."""
        stat = _file_stat(status)
        kept_stat, content_hash = self.kept_stats.get(str(path), (None, ""))
        changed_at = max(stat[1], stat[2])
        return content_hash if kept_stat == stat and changed_at < self.trusted_before else None

    def keep(self, path: Path, status: os.stat_result, content_hash: str) -> None:
        """Keep the file, of this `unchanged_hash`, parsed for the next build, unread."""
        self.values.keep(content_hash)
        self.stats[str(path)] = (_file_stat(status), content_hash)

    def read(self, path: Path, status: os.stat_result) -> ParsedRecord:
        """The file parsed; `status` is its stat, taken before this. Raises YamlSyntaxError
        and UnicodeDecodeError as `parse_yaml` does."""
        unchanged = self.unchanged_hash(path, status)
        record = self._kept(unchanged) if unchanged else None
        if record is None:  # a new or changed file, or one not parsed by this code
            data = path.read_bytes()
            content_hash = hashlib.sha256(data).hexdigest()
            record = self._kept(content_hash) or self._parse(content_hash, data)
        self.stats[str(path)] = (_file_stat(status), record.content_hash)
        return record

    def _kept(self, content_hash: str) -> ParsedRecord | None:
        kept: tuple[bytes, bool] | None = self.values.get(content_hash)
        return ParsedRecord(content_hash, *kept) if kept else None

    def _parse(self, content_hash: str, data: bytes) -> ParsedRecord:
        document = parse_yaml(data.decode("utf-8"))
        pickled = pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL)
        self.values.put(content_hash, (pickled, False))
        return ParsedRecord(content_hash, pickled, parsed=document)

    def mark_sound(self, record: ParsedRecord) -> None:
        """Remember that the record's structure passed, so that it is not checked again."""
        if not record.sound:
            record.sound = True
            self.values.put(record.content_hash, (record.pickled, True))

    def __enter__(self) -> ParsedRecords:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if exc_info[0] is None:
            self.values.save()
            write_pickle(self.stats_file, (self.started, self.stats))


def _file_stat(status: os.stat_result) -> FileStat:
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev)


def _are_stats(value: object) -> TypeGuard[tuple[int, dict[str, tuple[FileStat, str]]]]:
    return isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], dict)
