"""Accepting findings in INDEX.md: `ignore: near-duplicate, lang-mismatch` in a document's note
(the text after a list item's reference, or the Notes cell of its table row).

Kept to the `ignore:` syntax only; other note rules (a pinned language) live in entries.py.
"""

from __future__ import annotations

import re

from seedkeeper.indexmd.entries import IndexEntry

# `ignore: near-duplicate`, `ignore=lang-, bom`, `(ignore: lang-mismatch)`; codes are lower-case
# words with dashes (a prefix ends in "-"), or ALL.
_IGNORE_IN_NOTE = re.compile(r"\bignore\s*[:=]\s*((?:ALL|[a-z][a-z0-9-]*)(?:\s*,\s*(?:ALL|[a-z][a-z0-9-]*))*)")
_NOTE_HEADERS = {"note", "notes", "comment", "comments", "description"}


def ignores_in_note(note: str) -> tuple[str, ...]:
    """The codes (or prefixes) a note accepts, in the order written, without repeats."""
    out: list[str] = []
    for m in _IGNORE_IN_NOTE.finditer(note):
        for code in re.split(r"\s*,\s*", m.group(1).strip()):
            if code and code not in out:
                out.append(code)
    return tuple(out)


def entry_ignores(entry: IndexEntry | None) -> tuple[str, ...]:
    """What a document's INDEX.md entry accepts: its list note, or its table row's Notes cell."""
    if entry is None:
        return ()
    # The regex needs the word "ignore": an entry without it anywhere (nearly all) accepts nothing.
    if "ignore" not in entry.note and not any("ignore" in value for _, value in entry.cells):
        return ()
    notes = [entry.note] + [value for header, value in entry.cells if header.strip().lower() in _NOTE_HEADERS]
    return ignores_in_note(" ; ".join(n for n in notes if n))
