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
    them, not everything. Values read or put in this build are kept; the rest are dropped.
    """

    DIGITS = "0123456789abcdef"

    def __init__(self, folder: Path, version: str = "") -> None:
        """`version`: values kept under another version are not read (the code changed)."""
        self.folder = folder
        self.version = version
        self.kept: dict[str, Any] = {}
        for digit in self.DIGITS:
            shard = read_pickle(folder / f"{digit}.pickle")
            if isinstance(shard, tuple) and len(shard) == 2 and shard[0] == version:
                self.kept.update(shard[1])
        self.used: dict[str, Any] = {}
        self.dirty: set[str] = set()  # digits whose file must be written again

    def get(self, key: str) -> Any:
        """The kept value, or None."""
        value = self.kept.get(key)
        if value is not None:
            self.used[key] = value
        return value

    def peek(self, key: str) -> Any:
        """The value the last build kept, or None, without keeping it for the next."""
        return self.kept.get(key)

    def put(self, key: str, value: Any) -> None:
        self.used[key] = value
        self.dirty.add(key[0])

    def save(self) -> None:
        dirty = self.dirty | {key[0] for key in self.kept.keys() - self.used.keys()}
        # One pass shares the values out: a pass for each file costs as much again per file.
        shards: dict[str, dict[str, Any]] = {digit: {} for digit in dirty}
        for key, value in self.used.items():
            shard = shards.get(key[0])
            if shard is not None:
                shard[key] = value
        for digit in sorted(dirty):
            write_pickle(self.folder / f"{digit}.pickle", (self.version, shards[digit]))
