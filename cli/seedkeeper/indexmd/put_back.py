"""Where `restore` lists a document again: where it was.

Beside the listing of a document that was listed next to it when `dedup --apply` took it out
(neighbours): right after the one above, else right before the one below, as an item of that
list (its marker), a row of that hand table (its cells back in their columns, hand_rows) or a
placeholder row of that managed table (`index` fills it in). Else, for a row of a hand table, at
the end of a table with its column names (own_tables). Else nowhere here: the caller lists it as
it lists a new document (the last managed table, else after the last hand-written listing).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Collection, Sequence

from seedkeeper.indexmd.entries import IndexDocument, IndexEntry, same_name
from seedkeeper.indexmd.hand_rows import Saved, TableShape, hand_row
from seedkeeper.indexmd.layout import Layout, trim
from seedkeeper.indexmd.neighbours import neighbour_listing
from seedkeeper.indexmd.own_tables import own_table_for, row_shape
from seedkeeper.indexmd.reader import parse_index
from seedkeeper.indexmd.row_cells import (
    in_form,
    listed_now,
    other_listings,
    own_cell,
    row_body,
    table_form,
    with_cell,
)
from seedkeeper.indexmd.table import escape_cell, placeholder_row, row_line

__all__ = ["hand_row_line", "where_they_were"]

# A list item's start: its indentation with any blockquote markers (`> `, `  > > `: a line written
# without them would end the quote), then its bullet or number.
_MARKER = re.compile(r"((?:[ \t]*>[ \t]?)*[ \t]*)(?:([-*+])|(\d+)([.)]))")
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
    after its marker. A file put back into its cell of a row that stays (_into_its_cell) is
    written into `lines` itself."""
    layout: Layout | None = None
    inserts: Inserts = {}
    placed: set[str] = set()
    listed = listed_now(doc.entries)  # a name of one of these in a row built again is a mention
    for f in new:
        s = saved.get(f)
        if s is None:
            continue
        if s.cells and (filled := _into_its_cell(lines, doc, f, s, names)) is not None:
            lines[filled[0]] = filled[1]  # the row it was listed on beside another document: its cell again
            placed.add(f)
            continue
        spot = None
        beside = neighbour_listing(doc.entries, s.between) if any(s.between) else None
        if beside is not None:
            if not beside[0].managed and layout is None:
                layout = Layout("\n".join(lines))  # a Markdown parse: only beside a hand-written listing
            spot = _beside(lines, layout, *beside, f, s, names, list_line, listed)
        if spot is None and s.cells:
            layout = layout or Layout("\n".join(lines))
            table = own_table_for(lines, layout, doc, f, s)
            spot = (table[0], hand_row_line(table[1], f, s, names, listed)) if table is not None else None
        if spot is not None:
            inserts.setdefault(spot[0], ([], False, False))[0].append(spot[1])
            placed.add(f)
    return inserts, placed


def _into_its_cell(
    lines: list[str], doc: IndexDocument, f: str, s: Saved, names: tuple[tuple[str, ...], str]
) -> tuple[int, str] | None:
    """(line, the row with `f` back in its cell) for the hand table row that listed `f` beside
    another document which it still lists, in the same cell under the same column names, `f`'s
    cell left empty (`dedup --apply` emptied only `f`'s cell: row_cells.py); None when there is
    no such row (all of it left, or a person has written in that cell since)."""
    k = own_cell(s.cells, f)
    heads = [h.strip().lower() for h, _ in s.cells if h]
    if k is None or not s.cells[k][0]:
        return None
    for e in doc.entries:
        if e.kind != "table" or e.managed or e.rel is None or same_name(e.rel, f) or len(e.cells) <= k:
            continue
        j = own_cell(e.cells, e.rel)
        if j is None or j == k or j >= len(s.cells) or s.cells[j][1] != e.cells[j][1] or e.cells[k][1].strip():
            continue
        if [h.strip().lower() for h, _ in e.cells if h] != heads:
            continue
        # Filled in the form the table writes its rows in (a leading pipe or not): as it was.
        row = with_cell(lines[e.line - 1], k, escape_cell(s.cells[k][1]), table_form(lines, e.line - 1))
        if row is None:
            continue
        # Read as a row of a table of its own: its container prefix (`> `) off, as the parser takes it off.
        alone = _alone(row_body(row)[1], [h for h, _ in e.cells if h], names)
        if any(x.kind == "table" and same_name(x.rel, f) for x in alone.entries):
            return e.line - 1, row
    return None


def _beside(
    lines: list[str],
    layout: Layout | None,
    e: IndexEntry,
    after: bool,
    f: str,
    s: Saved,
    names: tuple[tuple[str, ...], str],
    list_line: Callable[[str], str],
    listed: Collection[str],
) -> tuple[int, str] | None:
    """(the line to insert before, the line listing `f`) right after listing `e` (else right
    before it), in its list or table; None when `e` is in neither as the parse shows it.
    `listed`: the files INDEX.md lists now (hand_row_line)."""
    if e.managed:
        return (e.line if after else e.line - 1), placeholder_row(f, s.pinned, s.notes)
    assert layout is not None
    if e.kind == "table" and (table := layout.rows.get(e.line - 1)) is not None:
        shape = row_shape(e, lines[table.start + 1])
        return (e.line if after else e.line - 1), hand_row_line(shape, f, s, names, listed)
    item = layout.items.get(e.line - 1) if e.kind == "list" else None
    if item is None:
        return None
    m = _MARKER.match(lines[item.start])
    indent, bullet, num, delim = m.groups() if m else ("", "-", None, None)
    # An ordered list's number: the one after (or before) its neighbour's, as it was.
    marker = bullet or f"{int(num) + 1 if after else max(int(num) - 1, 0)}{delim}"
    at = trim(lines, item.start, item.end) if after else item.start
    return at, f"{indent}{marker} {list_line(f)}"


def hand_row_line(
    shape: TableShape, f: str, saved: Saved, names: tuple[tuple[str, ...], str], listed: Collection[str] = ()
) -> str:
    """The row line for `f` (hand_rows.hand_row), checked with the parse: the first cell naming a
    document must name `f`. A saved cell before the file's column that would name one instead (a
    link in a Source cell moved before the File column) goes to the note after it. The cells
    that listed other documents beside `f` are left empty, those naming a document INDEX.md
    lists now (`listed`, row_cells.listed_now) kept (row_cells.other_listings). The row starts
    with the table's container prefix (`> ` in a blockquote: TableShape.prefix), checked without it,
    and has the pipes its rows have (`en.txt | fa.txt`: row_cells.in_form)."""
    others = other_listings(saved.cells, f, names, listed)
    if others:
        cells = tuple((h, "" if k in others else t) for k, (h, t) in enumerate(saved.cells))
        saved = dataclasses.replace(saved, cells=cells)
    line = row_line(hand_row(shape, f, saved))
    doc = _alone(line, shape.headers, names)
    first = next((x for x in doc.entries if x.kind == "table"), None)
    if first is not None and same_name(first.rel, f):
        return shape.prefix + in_form(line, shape.pipes)
    return shape.prefix + in_form(row_line(hand_row(shape, f, saved, before=False)), shape.pipes)


def _alone(line: str, headers: Sequence[str], names: tuple[tuple[str, ...], str]) -> IndexDocument:
    """Table row `line` read as the one row of a table of its own under column names `headers`:
    what the parse makes of it wherever it goes."""
    header = [row_line([escape_cell(h) or " " for h in headers]), row_line(["---"] * len(headers))]
    return parse_index("\n".join([*header, line]), *names)
