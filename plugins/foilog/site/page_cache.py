"""Pages kept between builds: a page whose inputs did not change is not rendered again.

A page's fingerprint is a hash of what it is made from: the site (this package, the
theme, the settings, the standing pages and the topic labels), the template's name, and
the values passed to the template. Inside those values each record stands for the hash
of its file, the sizes of its attachments, and the same for the records its page lists as
related, so that a record is never pickled whole; and a browse group stands for its
name and size (`BrowseGroup.fingerprint_fields`).

The cache keeps, for each fingerprint, the size and modification time (to the nanosecond)
of the file it made in the output folder, noted once the build has replaced that folder.
When a page's fingerprint is in the cache and its file in the output folder is still the
same, the build keeps that file (`Build.keep`) instead of rendering the page. A file
changed since, by hand or by anything else, is made again; a failed build changes nothing
in the output folder, and notes nothing.

A file copied into the site as it is (a record's attachment) is kept the same way: its
fingerprint is the source file's place and stat, trusted as the record files' stats are
(foilog.records.parsed_records): a file changed within RACY_NANOSECONDS before the build
started is copied again by the next build too.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from foilog.core.cache_files import KeptValues
from foilog.core.fingerprint import code_fingerprint, files_fingerprint
from foilog.records.model import Disclosure
from foilog.records.parsed_records import RACY_NANOSECONDS
from foilog.site.browse import BrowseGroup
from foilog.site.output import Build
from foilog.site.pagination import Page

PAGES_FOLDER = "pages"
PLAIN_TYPES = (str, int, float, bool, type(None))


def site_fingerprint(theme: Path, settings: Mapping[str, Any], *parts: object) -> str:
    """The code, the theme, every plain setting (text, numbers, and lists and mappings of
    them), and `parts` (plain values too, such as the standing pages). A mapping counts by
    its items in key order, not in the order it was filled: the log's topic labels are
    filled newest record first, and a new response on other topics must not change every
    page's fingerprint."""
    plain = {key: value for key, value in settings.items() if _is_plain(value)}
    in_order = [sorted(part.items()) if isinstance(part, Mapping) else part for part in parts]
    text = repr((code_fingerprint(), files_fingerprint(theme), sorted(plain.items()), in_order))
    return hashlib.sha256(text.encode()).hexdigest()


def _is_plain(value: object) -> bool:
    """Whether repr(value) is the same in every run (a set's order is not, nor is a
    function's address)."""
    if isinstance(value, PLAIN_TYPES):
        return True
    if isinstance(value, list | tuple):
        return all(_is_plain(item) for item in value)
    if isinstance(value, dict):
        return all(_is_plain(k) and _is_plain(v) for k, v in value.items())
    return False


def record_key(disclosure: Disclosure) -> str:
    """What a record brings to a page: its file, its attachments' sizes, its related
    records' files (their titles, dates and addresses appear on its page), and the related
    records it names that are not in the log. A hash of them: a page of a list joins the
    keys of its twenty records, and a log has tens of thousands of such pages."""
    text = repr(
        (
            disclosure.content_hash,
            disclosure.source,
            [a.size for a in disclosure.attachments],
            [d.content_hash for d in disclosure.related_disclosures],
            disclosure.related_unpublished,
        )
    )
    return hashlib.sha256(text.encode()).hexdigest()


class _ValuesPickler(pickle.Pickler):
    def __init__(self, buffer: io.BytesIO, key_of: Callable[[Disclosure], str]) -> None:
        super().__init__(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        self.key_of = key_of

    def persistent_id(self, obj: Any) -> Any:
        if isinstance(obj, Disclosure):
            return self.key_of(obj)
        if isinstance(obj, BrowseGroup):
            return obj.fingerprint_fields()
        return None


class PageCache:
    def __init__(self, cache_path: Path, site: str, build: Build | None) -> None:
        """`site` is the site_fingerprint; `build` is None when no output folder is being
        replaced, so nothing can be kept."""
        self.site = site
        self.build = build
        # fingerprint -> the size and modification time of the file it made in the output
        self.pages = KeptValues(cache_path / PAGES_FOLDER)
        self._record_keys: dict[int, str] = {}  # by id(): a record is on many pages
        self._group_keys: dict[int, tuple[BrowseGroup, str]] = {}  # by id(), as records
        self.rendered: dict[str, str] = {}  # fingerprint -> file, for pages made this build
        # A source file changed since is copied again by the next build as well.
        self.trusted_before = time.time_ns() - RACY_NANOSECONDS
        if build is not None:
            build.when_finished(self.save)

    def fingerprint(self, template: str, url: str, values: Mapping[str, Any]) -> str | None:
        """None when the values cannot be pickled: such a page is always rendered."""
        quick = self._plain_fingerprint(template, url, values)
        if quick is not None:
            return quick
        return self._pickled_hash((self.site, template, url, sorted(values.items())))

    def copy_fingerprint(self, source: Path, relative: str) -> str | None:
        """The fingerprint of `source` copied to `relative`: the file's place and stat.
        None when it cannot be trusted to tell the file's bytes (changed too recently, or
        not found): such a file is always copied."""
        try:
            found = os.stat(source)  # noqa: PTH116 (a string is quicker, for each attachment)
        except OSError:
            return None
        if max(found.st_mtime_ns, found.st_ctime_ns) >= self.trusted_before:
            return None
        text = repr(
            (
                "copy",
                relative,
                os.path.realpath(source),
                found.st_size,
                found.st_mtime_ns,
                found.st_ctime_ns,
                found.st_ino,
                found.st_dev,
            )
        )
        return hashlib.sha256(text.encode()).hexdigest()

    def _pickled_hash(self, value: object) -> str | None:
        """A hash of `value` pickled, each record in it standing for its key; None when it
        cannot be pickled."""
        buffer = io.BytesIO()
        try:
            _ValuesPickler(buffer, self.record_key).dump(value)
        except (pickle.PicklingError, TypeError, AttributeError):
            return None
        return hashlib.sha256(buffer.getvalue()).hexdigest()

    def _plain_fingerprint(self, template: str, url: str, values: Mapping[str, Any]) -> str | None:
        """The fingerprint of a page made from records, pages of records, browse groups and
        plain values only, such as a record's own page or a page of a list, without
        pickling the page's values: a log has a hundred thousand such pages and more. None
        for other values. (Its text is never a pickle's, so the two kinds never meet.)"""
        parts = ["plain", self.site, template, url]
        for name, value in sorted(values.items()):
            if isinstance(value, Disclosure):
                parts += [name, self.record_key(value)]
            elif type(value) in PLAIN_TYPES:
                parts += [name, repr(value)]
            elif isinstance(value, BrowseGroup):
                key = self._group_key(value)
                if key is None:
                    return None
                parts += [name, key]
            elif isinstance(value, Page) and all(isinstance(i, Disclosure) for i in value.items):
                numbers = (value.number, value.base, value.total, value.window)
                parts += [name, repr((numbers, value.newer, value.older))]
                parts += [self.record_key(item) for item in value.items]
            else:
                return None
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()

    def _group_key(self, group: BrowseGroup) -> str | None:
        """A hash of what the group brings to a page: it is on each of its list's pages.
        None when it cannot be pickled."""
        found = self._group_keys.get(id(group))
        if found is None:
            key = self._pickled_hash(group.fingerprint_fields())
            if key is None:
                return None
            # The group is held with its key, so that its id is never another's.
            found = self._group_keys[id(group)] = (group, key)
        return found[1]

    def record_key(self, disclosure: Disclosure) -> str:
        """`record_key` of the record, worked out once in a build."""
        key = self._record_keys.get(id(disclosure))
        if key is None:
            key = self._record_keys[id(disclosure)] = record_key(disclosure)
        return key

    def reuse(self, fingerprint: str, relative: str) -> bool:
        """Keep the output folder's file at `relative` when it was made from the same inputs
        and has not changed since."""
        made = self.pages.get(fingerprint)
        if made is None or self.build is None:
            return False
        try:  # os.stat on a string: a Path costs more than the call itself, on every page
            found = os.stat(f"{self.build.replaces}/{relative}")  # noqa: PTH116
        except OSError:
            return False
        if (found.st_size, found.st_mtime_ns) != made:
            return False
        self.build.keep(relative)
        return True

    def rendered_page(self, fingerprint: str, relative: str) -> None:
        self.rendered[fingerprint] = relative

    def save(self, output: Path) -> None:
        """Once the build is in `output`: keep this build's pages only."""
        for fingerprint, relative in self.rendered.items():
            made = (output / relative).stat()
            self.pages.put(fingerprint, (made.st_size, made.st_mtime_ns))
        self.pages.save()
