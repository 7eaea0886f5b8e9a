"""Reading and writing the build's cache files in Pelican's cache folder."""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path


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
