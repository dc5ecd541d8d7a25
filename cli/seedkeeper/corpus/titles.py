"""A document's title: its first non-blank line, cleaned and shortened. Computed once per
document (cached with its analysis) and shown as is in INDEX.md and reports."""

from __future__ import annotations

import re
import unicodedata

TITLE_LIMIT = 60

_CONTROL_OR_BIDI = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Bidi embeddings/overrides/isolates would reorder the rest of a table row on screen.
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def short_title(text: str, limit: int = TITLE_LIMIT) -> str:
    """First non-blank line, control and bidi characters dropped, white space collapsed, cut at
    `limit` characters with an ellipsis. Idempotent: short_title(short_title(t)) == short_title(t)."""
    line = next((ln for ln in text.splitlines() if ln.strip()), "")
    if _CONTROL_OR_BIDI.search(line):
        line = "".join(
            " " if c == "\t" else c
            for c in line
            if c == "\t" or not (unicodedata.category(c) == "Cc" or c in _BIDI_CONTROLS)
        )
    line = " ".join(line.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1].rstrip()
    # Do not leave a combining mark or joiner dangling at the cut (it would attach to the ellipsis).
    while cut and (unicodedata.combining(cut[-1]) or cut[-1] in "\u200c\u200d"):
        cut = cut[:-1]
    return cut.rstrip() + "…"
