"""Parsed record files kept between builds, so that a rebuild parses only the records that
changed.

Parsing the YAML, and checking its structure against the schema, is most of the cost of
reading a record. Each parsed file is kept in the cache folder under a hash of its bytes,
with whether its structure passed. (A record's rules depend on other files and settings
too: the records that passed them are kept by foilog.checks.checked_records.) File dates
are not used: a git checkout resets them, and they would then say that every file changed.

Each parsed file is held pickled until the cache is saved: the build checks one record at
a time, and a parsed document takes several times more memory alive than pickled.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass
from pathlib import Path

from foilog.core.cache_files import KeptValues
from foilog.core.fingerprint import code_fingerprint
from foilog.records.yaml_source import YamlDocument, parse_yaml

CACHE_FOLDER = "parsed-records"


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
    """Use as a context manager: the records parsed or used in it are kept when it ends."""

    def __init__(self, cache_path: Path) -> None:
        self.values = KeptValues(cache_path / CACHE_FOLDER, version=code_fingerprint())

    def read(self, path: Path) -> ParsedRecord:
        """The file parsed. Raises YamlSyntaxError and UnicodeDecodeError as `parse_yaml` does."""
        data = path.read_bytes()
        content_hash = hashlib.sha256(data).hexdigest()
        kept: tuple[bytes, bool] | None = self.values.get(content_hash)
        if kept is not None:
            return ParsedRecord(content_hash, *kept)
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
