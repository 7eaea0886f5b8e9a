"""Parsed record files kept between builds, so that a rebuild parses only the records that
changed.

Parsing the YAML, and checking its structure against the schema, is most of the cost of
reading a record. Each parsed file is kept in the cache folder under a hash of its bytes,
with whether its structure passed; the record's rules are still checked on every build,
because they depend on other files (attachments) and settings (the register). File dates
are not used: a git checkout resets them, and they would then say that every file changed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .cache_files import read_pickle, write_pickle
from .fingerprint import code_fingerprint
from .yaml_source import YamlDocument, parse_yaml

CACHE_FILE = "parsed-records.pickle"


@dataclass
class ParsedRecord:
    content_hash: str  # of the file's bytes
    document: YamlDocument
    sound: bool = False  # its structure passed the checks before, with the same code


class ParsedRecords:
    """Use as a context manager: the records parsed or used in it are kept when it ends."""

    def __init__(self, cache_path: Path) -> None:
        self.file = cache_path / CACHE_FILE
        self.version = code_fingerprint()
        self.kept = self._load()
        self.used: dict[str, ParsedRecord] = {}
        self.changed = False

    def _load(self) -> dict[str, ParsedRecord]:
        """The records kept by the last build, if it ran the same code."""
        kept = read_pickle(self.file)
        if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == self.version:
            return dict(kept[1])
        return {}

    def read(self, path: Path) -> ParsedRecord:
        """The file parsed. Raises YamlSyntaxError and UnicodeDecodeError as `parse_yaml` does."""
        data = path.read_bytes()
        content_hash = hashlib.sha256(data).hexdigest()
        record = self.kept.get(content_hash)
        if record is None:
            record = ParsedRecord(content_hash, parse_yaml(data.decode("utf-8")))
            self.changed = True
        self.used[content_hash] = record
        return record

    def mark_sound(self, record: ParsedRecord) -> None:
        """Remember that the record's structure passed, so that it is not checked again."""
        if not record.sound:
            record.sound = self.changed = True

    def __enter__(self) -> ParsedRecords:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if exc_info[0] is None and (self.changed or self.used.keys() != self.kept.keys()):
            self._save()

    def _save(self) -> None:
        """Keep only the files read in this build."""
        write_pickle(self.file, (self.version, self.used))
