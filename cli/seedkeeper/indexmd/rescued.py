"""What a person typed between the markers that is not the managed table (a to-do list, a
sentence): `index` rewrites everything between the markers, so it is moved above the begin
marker rather than overwritten. And when a person's table loses all its rows to the managed
table, whether its header may go with them (header_said).

A list line or table row naming a document is not moved: its note and pinned language go to
the table (pinned_notes.managed_fields). Nor are the header and delimiter rows of a table whose rows
all went there, when no column name in that header would be lost: a person who added a column
to the managed table, or aligned its header, would otherwise find an empty table left above it.
A header naming a column nobody has filled in yet is a person's word, and stays (an empty table
is better than a lost word): above the markers, or where an adopted table was.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from seedkeeper.indexmd.columns import COMPUTED_HEADERS, LANG_HEADERS, NOTE_HEADERS, OUR_HEADERS
from seedkeeper.indexmd.entries import IndexDocument, IndexEntry
from seedkeeper.indexmd.layout import is_blank
from seedkeeper.indexmd.row_cells import row_body
from seedkeeper.indexmd.table import HEADER_COMMENT, header_lines

_CELL_SPLIT = re.compile(r"(?<!\\)\|")
# Column names whose cells have a place in the managed table (its own columns, a hand table's
# Comments going to Notes, its Lang to Pinned, its Size computed as Chars): said by that place.
_ROLES = OUR_HEADERS | NOTE_HEADERS | LANG_HEADERS | COMPUTED_HEADERS
_DELIMITER_CELL = re.compile(r"\s*:?-+:?\s*")


def rescued(
    lines: list[str], doc: IndexDocument, begin: int, end: int, carried: Mapping[str, tuple[str, str]]
) -> list[str]:
    """The lines strictly between markers `begin` and `end` that a person wrote and the new
    table does not carry, blank-separated as they were, to go above the begin marker ([] when
    there are none). `carried` is every file's (Pinned, Notes) as the new table writes them."""
    rows: dict[int, IndexEntry] = {}
    for e in doc.entries:
        if e.managed and e.kind in ("list", "table"):
            rows.setdefault(e.line - 1, e)
    own = {HEADER_COMMENT, *header_lines()}
    spent = _spent_headers(lines, begin, end, rows, carried)
    out: list[str] = []
    for i in range(begin + 1, end):
        ours = i in rows or i in spent or lines[i].strip() in own
        if not ours and not is_blank(lines[i]):
            out.append(lines[i])
        elif out and out[-1] != "":
            out.append("")  # what separated the person's blocks still does
    if not out:
        return []
    return out + ([""] if out[-1] else [])


def _cells(line: str) -> list[str]:
    """A table line's cells, after its container prefix (a blockquote's `> `: row_body)."""
    inner = row_body(line)[1].strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [c.strip() for c in _CELL_SPLIT.split(inner)]


def _spent_headers(
    lines: list[str], begin: int, end: int, rows: dict[int, IndexEntry], carried: Mapping[str, tuple[str, str]]
) -> set[int]:
    """The header and delimiter lines of each table between the markers whose body rows all
    name documents (carried into the new table) and whose header loses no word (header_said)."""
    out: set[int] = set()
    for i in range(begin + 1, end - 2):
        delimiter = _cells(lines[i + 1])
        if not lines[i].lstrip().startswith("|") or not all(_DELIMITER_CELL.fullmatch(c) for c in delimiter):
            continue
        names = _cells(lines[i])
        body = []
        k = i + 2
        while k < end and not is_blank(lines[k]):
            body.append(k)
            k += 1
        if (
            len(names) != len(delimiter)
            or not body
            or any(rows.get(j) is None or rows[j].kind != "table" for j in body)
        ):
            continue
        if header_said(lines[i], [carried.get(rows[j].rel or "", ("", ""))[1] for j in body]):
            out.update((i, i + 1))
    return out


def header_said(header: str, notes: list[str]) -> bool:
    """Whether dropping the header row `header` of a table whose rows all went into the managed
    table loses no word: every column name in it is empty, has a place in the managed table
    (_ROLES), or labels a cell a row carried into Notes (`Owner: Sara`, or `Owner — text`
    where the colon would have pinned). `notes` are those rows' Notes as the table writes them."""
    lows = [n.lower() for n in notes]
    return all(
        not name or name.lower() in _ROLES or any(f"{name.lower()}:" in n or f"{name.lower()} —" in n for n in lows)
        for name in _cells(header)
    )
