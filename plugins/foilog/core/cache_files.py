"""Reading and writing the build's cache files in Pelican's cache folder."""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path
from typing import Any


def read_pickle(file: Path) -> object:
    """The value in `file`, or None when there is no file or it cannot be read (the cache
    is then made again)."""
    try:
        with file.open("rb") as stream:
            return pickle.load(stream)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
        return None


def write_pickle(file: Path, value: object) -> None:
    """Write `value` whole or not at all: a build that stops leaves the old file."""
    file.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=file.parent, prefix=f".{file.stem}-")
    try:
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        Path(name).replace(file)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


class KeptValues:
    """Values kept between builds under keys that are hex hashes, in sixteen files by the
    key's first digit: a build that changes a few values rewrites only the files holding
    them, not everything. A file is read when a value in it is first asked for, so a build
    that needs only a few of them reads only a few. Values read, put or `keep`-ed in this
    build are kept; the rest are dropped from each file written again (a file that nothing
    was put into, nor read from, is left as it is).
    """

    def __init__(self, folder: Path, version: str = "") -> None:
        """`version`: values kept under another version are not read (the code changed)."""
        self.folder = folder
        self.version = version
        self._files: dict[str, dict[str, Any]] = {}  # digit -> the values read from its file
        self.used: dict[str, Any] = {}
        self.kept_unread: set[str] = set()  # keys kept without their values being read
        self.dirty: set[str] = set()  # digits whose file must be written again

    def _file(self, digit: str) -> dict[str, Any]:
        values = self._files.get(digit)
        if values is None:
            kept = read_pickle(self.folder / f"{digit}.pickle")
            values = {}
            if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == self.version:
                values = kept[1] if isinstance(kept[1], dict) else {}
            self._files[digit] = values
        return values

    def get(self, key: str) -> Any:
        """The kept value, or None."""
        value = self._file(key[0]).get(key)
        if value is not None:
            self.used[key] = value
        return value

    def peek(self, key: str) -> Any:
        """The value the last build kept, or None, without keeping it for the next."""
        return self._file(key[0]).get(key)

    def keep(self, key: str) -> None:
        """Keep the value the last build kept under `key`, if any, for the next build, as
        `get` does, without reading it."""
        self.kept_unread.add(key)

    def put(self, key: str, value: Any) -> None:
        self.used[key] = value
        self.dirty.add(key[0])

    def save(self) -> None:
        dirty = set(self.dirty)
        for digit, values in self._files.items():
            if values.keys() - self.used.keys() - self.kept_unread:  # values to drop
                dirty.add(digit)
        # One pass shares the values out: a pass for each file costs as much again per file.
        shares: dict[str, dict[str, Any]] = {}
        for digit in dirty:
            values = self._file(digit)
            shares[digit] = {key: values[key] for key in self.kept_unread & values.keys()}
        for key, value in self.used.items():
            share = shares.get(key[0])
            if share is not None:
                share[key] = value
        for digit in sorted(dirty):
            write_pickle(self.folder / f"{digit}.pickle", (self.version, shares[digit]))
