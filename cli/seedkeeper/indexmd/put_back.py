"""Where `restore` lists a document again: where it was.

Beside the listing of a document that was listed next to it when `dedup --apply` took it out
(neighbours): right after the one above, else right before the one below, as an item of that
list (its marker), a row of that hand table (its cells back in their columns, hand_rows) or a
placeholder row of that managed table (`index` fills it in). Else, for a row of a hand table, at
the end of a table with its column names (own_tables). Else nowhere here: the caller lists it as
it lists a new document (the last managed table, else after the last hand-written listing).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from seedkeeper.indexmd.entries import IndexDocument, IndexEntry, same_name
from seedkeeper.indexmd.hand_rows import Saved, TableShape, hand_row
from seedkeeper.indexmd.layout import Layout, trim
from seedkeeper.indexmd.neighbours import neighbour_listing
from seedkeeper.indexmd.own_tables import own_table_for, row_shape
from seedkeeper.indexmd.reader import parse_index
from seedkeeper.indexmd.table import escape_cell, placeholder_row, row_line

__all__ = ["hand_row_line", "where_they_were"]

_MARKER = re.compile(r"(\s*)(?:([-*+])|(\d+)([.)]))")
Inserts = dict[int, tuple[list[str], bool, bool]]


def where_they_were(
    lines: list[str],
    doc: IndexDocument,
    new: Sequence[str],
    saved: dict[str, Saved],
    names: tuple[tuple[str, ...], str],
    list_line: Callable[[str], str],
) -> tuple[Inserts, set[str]]:
    """The lines that list each of the files `new` back where it was (see above): {line: (lines,
    no padding)} for layout.emit, and the files placed. `list_line(f)` is a list item's text
    after its marker."""
    layout: Layout | None = None
    inserts: Inserts = {}
    placed: set[str] = set()
    for f in new:
        s = saved.get(f)
        if s is None:
            continue
        spot = None
        beside = neighbour_listing(doc.entries, s.between) if any(s.between) else None
        if beside is not None:
            if not beside[0].managed and layout is None:
                layout = Layout("\n".join(lines))  # a Markdown parse: only beside a hand-written listing
            spot = _beside(lines, layout, *beside, f, s, names, list_line)
        if spot is None and s.cells:
            layout = layout or Layout("\n".join(lines))
            table = own_table_for(lines, layout, doc, f, s)
            spot = (table[0], hand_row_line(table[1], f, s, names)) if table is not None else None
        if spot is not None:
            inserts.setdefault(spot[0], ([], False, False))[0].append(spot[1])
            placed.add(f)
    return inserts, placed


def _beside(
    lines: list[str],
    layout: Layout | None,
    e: IndexEntry,
    after: bool,
    f: str,
    s: Saved,
    names: tuple[tuple[str, ...], str],
    list_line: Callable[[str], str],
) -> tuple[int, str] | None:
    """(the line to insert before, the line listing `f`) right after listing `e` (else right
    before it), in its list or table; None when `e` is in neither as the parse shows it."""
    if e.managed:
        return (e.line if after else e.line - 1), placeholder_row(f, s.pinned, s.notes)
    assert layout is not None
    if e.kind == "table" and (table := layout.rows.get(e.line - 1)) is not None:
        return (e.line if after else e.line - 1), hand_row_line(row_shape(e, lines[table.start + 1]), f, s, names)
    item = layout.items.get(e.line - 1) if e.kind == "list" else None
    if item is None:
        return None
    m = _MARKER.match(lines[item.start])
    indent, bullet, num, delim = m.groups() if m else ("", "-", None, None)
    # An ordered list's number: the one after (or before) its neighbour's, as it was.
    marker = bullet or f"{int(num) + 1 if after else max(int(num) - 1, 0)}{delim}"
    at = trim(lines, item.start, item.end) if after else item.start
    return at, f"{indent}{marker} {list_line(f)}"


def hand_row_line(shape: TableShape, f: str, saved: Saved, names: tuple[tuple[str, ...], str]) -> str:
    """The row line for `f` (hand_rows.hand_row), checked with the parse: the first cell naming a
    document must name `f`. A saved cell before the file's column that would name one instead (a
    link in a Source cell moved before the File column) goes to the note after it."""
    line = row_line(hand_row(shape, f, saved))
    header = [row_line([escape_cell(h) or " " for h in shape.headers]), row_line(["---"] * len(shape.headers))]
    doc = parse_index("\n".join([*header, line]), *names)
    first = next((x for x in doc.entries if x.kind == "table"), None)
    if first is not None and same_name(first.rel, f):
        return line
    return row_line(hand_row(shape, f, saved, before=False))
