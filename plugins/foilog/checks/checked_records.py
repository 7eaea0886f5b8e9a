"""Records that passed every check, kept between builds, so that a rebuild checks again only
the records that changed.

What checking a record finds, and the Disclosure it builds, depend on the file's bytes, on
where the file is (attachments are found beside it, and problems name it), on the
exemption register, on the attachment files it names, and on the day (no date in a record
may be after it); its timeliness, worked out with it, on the authority's jurisdiction and
the bank holidays of the `holidays` package. So a record that passed is kept under a hash
of its bytes, its place, the register and the jurisdiction (and the package's version),
with the place, size and modification time of each attachment file it names and the day
it passed. It is used again only when those files are as they were and
the day is the same or later: a record that passed on one day passes on every later day.
A record with a problem is never kept; it is checked, and its problem shown, every time.

A rebuild reads every kept record back, but the passes over the whole log (lists, counts,
related requests, the guard's comparisons) read only a record's short fields. So a record
is kept in two parts: its longest fields (`LEFT_OUT`: questions, figures, letter text) are
read back only when first asked for (`Disclosure.kept_body`), which for most records is
never, and with them the outcomes they give.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import pickle
from pathlib import Path
from typing import Any

import holidays

from foilog.core.cache_files import KeptValues
from foilog.core.fingerprint import code_fingerprint
from foilog.records.model import Disclosure
from foilog.records.register import ExemptionEntry, ExemptionRegister

CACHE_FOLDER = "checked-records"

FileState = tuple[str, str, int, int, int]  # as named, resolved, size, mtime (ns), inode


_SOURCE = "source"  # the persistent id of the record's own path
# The fields that only a record's own page, its feed entry and its checks read.
LEFT_OUT = (
    "questions",
    "figures",
    "periods",
    "redirections",
    "response",
    "field_lines",
    "migration_notes",
    "translations",
)
READ_BACK = tuple(
    name for name in Disclosure.__slots__ if name not in LEFT_OUT and name != "kept_body"
)


class CheckedRecords:
    """Use as a context manager: the records kept or used in it are kept when it ends well."""

    def __init__(self, cache_path: Path, register: ExemptionRegister, jurisdiction: str) -> None:
        version = f"{code_fingerprint()}:{holidays.__version__}"
        self.values = KeptValues(cache_path / CACHE_FOLDER, version=version)
        self.register = register
        text = f"{register.fingerprint()}\0{jurisdiction}"
        self._settings_key = hashlib.sha256(text.encode()).hexdigest()

    def get(
        self, content_hash: str, path: Path, shown_as: str, today: dt.date
    ) -> Disclosure | None:
        """The Disclosure an earlier build made of this record, if it still stands."""
        kept: tuple[bytes, bytes, frozenset[str], str, list[FileState]] | None = self.values.get(
            self._key(content_hash, path, shown_as)
        )
        if kept is None:
            return None
        head, body, outcomes, day, files = kept
        if dt.date.fromisoformat(day) > today or files != _file_states(path, [f[0] for f in files]):
            return None
        disclosure = Disclosure.__new__(Disclosure)
        values = _EntryUnpickler(io.BytesIO(head), self.register, path).load()
        for name, value in zip(READ_BACK, values, strict=True):
            setattr(disclosure, name, value)
        disclosure.kept_body = _KeptBody(body, outcomes, self.register, path)
        return disclosure

    def put(
        self, content_hash: str, path: Path, shown_as: str, today: dt.date, disclosure: Disclosure
    ) -> None:
        """Keep a record that passed every check on `today`, with its timeliness."""
        head, body = (
            _pickled(disclosure, [getattr(disclosure, name) for name in names])
            for names in (READ_BACK, LEFT_OUT)
        )
        outcomes = frozenset(disclosure.outcomes_present)
        named = [a.file for a in disclosure.attachments if a.file]
        self.values.put(
            self._key(content_hash, path, shown_as),
            (head, body, outcomes, today.isoformat(), _file_states(path, named)),
        )

    def _key(self, content_hash: str, path: Path, shown_as: str) -> str:
        text = f"{content_hash}\0{path}\0{shown_as}\0{self._settings_key}"
        return hashlib.sha256(text.encode()).hexdigest()

    def __enter__(self) -> CheckedRecords:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if exc_info[0] is None:
            self.values.save()


class _KeptBody:
    """A kept record's fields left out, read in when one is first asked for."""

    fields = LEFT_OUT
    __slots__ = ("outcomes_present", "pickled", "register", "source_path")

    def __init__(
        self,
        pickled: bytes,
        outcomes_present: frozenset[str],
        register: ExemptionRegister,
        source_path: Path,
    ) -> None:
        self.pickled = pickled
        self.outcomes_present = outcomes_present
        self.register = register
        self.source_path = source_path

    def load(self, disclosure: Disclosure) -> None:
        values = _EntryUnpickler(io.BytesIO(self.pickled), self.register, self.source_path).load()
        for name, value in zip(LEFT_OUT, values, strict=True):
            setattr(disclosure, name, value)


def _pickled(disclosure: Disclosure, values: list[Any]) -> bytes:
    buffer = io.BytesIO()
    _EntryPickler(buffer, disclosure.source_path).dump(values)
    return buffer.getvalue()


def _file_states(record: Path, names: list[str]) -> list[FileState]:
    """The state now of the attachment files a record names."""
    states = []
    for named in names:
        resolved = (record.parent / named).resolve()
        try:
            found = resolved.stat()
        except OSError:
            states.append((named, str(resolved), -1, -1, -1))
            continue
        states.append((named, str(resolved), found.st_size, found.st_mtime_ns, found.st_ino))
    return states


class _EntryPickler(pickle.Pickler):
    """Register entries are kept by their act and key, and found in the register again; the
    record's own path is the one it is asked for by (a Path costs more to unpickle)."""

    def __init__(self, buffer: io.BytesIO, source_path: Path) -> None:
        super().__init__(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        self.source_path = source_path

    def persistent_id(self, obj: Any) -> Any:
        if isinstance(obj, ExemptionEntry):
            return (obj.act, obj.key)
        if obj is self.source_path:
            return _SOURCE
        return None


class _EntryUnpickler(pickle.Unpickler):
    def __init__(self, buffer: io.BytesIO, register: ExemptionRegister, source_path: Path) -> None:
        super().__init__(buffer)
        self.register = register
        self.source_path = source_path

    def persistent_load(self, pid: Any) -> Any:
        if pid == _SOURCE:
            return self.source_path
        act, key = pid
        return self.register.entry(act, key)
