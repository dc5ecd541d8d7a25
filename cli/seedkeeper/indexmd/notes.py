"""Accepting findings in INDEX.md: `ignore: near-duplicate, lang-mismatch` in a document's note
(the text after a list item's reference, or the Notes cell of its table row).

Kept to the `ignore:` syntax only; other note rules (a pinned language) live in entries.py.
"""

from __future__ import annotations

import re

from seedkeeper.indexmd.entries import COMMAS, KEY_MARK, IndexEntry
from seedkeeper.indexmd.pinned_notes import adopted_fields

# `ignore: near-duplicate`, `ignore=lang-, bom`, `(ignore: lang-mismatch)`, `ignore：bom، crlf`;
# codes are lower-case words with dashes (a prefix ends in "-"), or ALL, parted by a comma of any
# script (entries.COMMAS). A semicolon ends the list, as it ends a clause: "ignore: bom; checked
# by Sara" must not read "checked" as a code.
_CODE = r"(?:ALL|[a-z][a-z0-9-]*)"
_LIST_COMMA = rf"\s*[{COMMAS}]\s*"
_IGNORE_IN_NOTE = re.compile(rf"\bignore\s*{KEY_MARK}\s*({_CODE}(?:{_LIST_COMMA}{_CODE})*)")


def ignores_in_note(note: str) -> tuple[str, ...]:
    """The codes (or prefixes) a note accepts, in the order written, without repeats."""
    out: list[str] = []
    for m in _IGNORE_IN_NOTE.finditer(note):
        for code in re.split(_LIST_COMMA, m.group(1).strip()):
            if code and code not in out:
                out.append(code)
    return tuple(out)


def entry_ignores(entry: IndexEntry | None) -> tuple[str, ...]:
    """What a document's INDEX.md entry accepts: what `index` would put in its row's Notes (a
    list item's note, link text and continuation lines; a table row's cells as `index` carries
    them: in the managed table the Notes cell and columns a person added, in a hand-written
    table every cell but those holding what `index` computes again, and a Title cell that is not
    the tool's title, IndexEntry.tool_title), so `check` accepts the same before `index` as after."""
    if entry is None:
        return ()
    title = entry.title or ""
    written = (entry.note, title, entry.more)
    # The regex needs the word "ignore": an entry without it anywhere (nearly all) accepts nothing.
    if not any("ignore" in w for w in written) and not any("ignore" in v for _, v in entry.cells):
        return ()
    if entry.kind == "table" and entry.rel is not None:
        # The very cells adoption carries (pinned_notes.adopted_fields): a Status cell holding a
        # person's words accepts, one saying what index writes there ("ok") is not a note.
        return ignores_in_note(adopted_fields(entry, "")[1])
    return ignores_in_note(" ; ".join(n for n in written if n))
