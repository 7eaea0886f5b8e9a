"""A field's text as a reader sees it, so that the personal-data rules read what is shown.

Markdown markers, escapes and entities are taken out, zero-width characters removed,
look-alike characters (full-width digits, no-break spaces) made plain, and the lines of a
paragraph joined, as a browser joins them. Each source line's start in the shown text is
kept, so a finding still names the line staff wrote.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff"))
# A line that starts a block of its own: a heading, quote, list item, table row or rule.
_BLOCK_START = re.compile(r"^\s*(?:#{1,6}\s|>|[-*+]\s|\d{1,3}[.)]\s|\|)")
_BLOCK_MARKER = re.compile(r"^\s*(?:#{1,6}\s+|(?:>\s?)+|[-*+]\s+|\d{1,3}[.)]\s+)")
_LINK = re.compile(r"!?\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>&@])")
_EMPHASIS = re.compile(r"[*_`~]+")


@dataclass(frozen=True, slots=True)
class ShownText:
    text: str
    line_starts: tuple[int, ...]  # where each source line begins in `text`

    def line_at(self, offset: int) -> int:
        """The source line (from 1) that the shown text's character at `offset` came from."""
        return bisect_right(self.line_starts, offset)


@lru_cache(maxsize=65536)
def shown_text(source: str) -> ShownText:
    pieces: list[str] = []
    starts: list[int] = []
    length = 0
    previous = ""
    for line in source.splitlines() or [""]:
        shown = _shown_line(line)
        if pieces:
            # Lines of one paragraph are joined by a space; a new block starts a new line.
            joiner = "\n" if not shown or not previous or _BLOCK_START.match(line) else " "
            pieces.append(joiner)
            length += 1
        starts.append(length)
        pieces.append(shown)
        length += len(shown)
        previous = shown
    return ShownText("".join(pieces), tuple(starts))


def _shown_line(line: str) -> str:
    text = unicodedata.normalize("NFKC", html.unescape(line)).translate(_INVISIBLE)
    text = _BLOCK_MARKER.sub("", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _LINK.sub(lambda m: f"{m[1]} ({m[2]})" if m[2] else m[1], text)
    text = _EMPHASIS.sub("", _ESCAPE.sub(r"\1", text))
    # NFKC turns no-break and thin spaces into plain ones; runs of space are shown as one.
    return " ".join(text.split())
