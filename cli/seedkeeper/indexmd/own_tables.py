"""The hand-written table a row saved from one goes back to when no document listed beside it
is left to go back beside (put_back): a table outside the managed markers with the saved row's
column names, in that order. The last one whose rows name no document comes first: a table whose
rows all left keeps its header for this (entry_edits.remove_entries), and a row a person wrote
that names no document may be left in it; else the last one with those names. The row goes to
the table's end. Also how a hand table's rows write their file (row_shape), for every row put in one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from seedkeeper.indexmd.entries import IndexDocument, IndexEntry
from seedkeeper.indexmd.hand_rows import Saved, TableShape, reference_at
from seedkeeper.indexmd.layout import Layout
from seedkeeper.indexmd.reader import md
from seedkeeper.indexmd.row_cells import pipe_form, row_body

__all__ = ["own_table_for", "row_shape"]


def own_table_for(
    lines: Sequence[str], layout: Layout, doc: IndexDocument, f: str, saved: Saved
) -> tuple[int, TableShape] | None:
    """(the line the row for `f` goes before, the shape of the table it goes into) for a row
    `saved` from a hand table (see above); None when no table here has its column names."""
    return _by_headers(lines, layout, _hand_rows(doc, layout), f, saved.cells, doc.managed_spans)


def row_shape(e: IndexEntry, delimiter: str) -> TableShape:
    """The shape of the hand table holding row `e`: its headers (as many as its delimiter line
    has columns: cells past them are not columns), the column `e` names its file in, and how (a
    link, in backticks, or bare), the container prefix its lines start with (`> `), and its
    pipes (a leading one, a trailing one)."""
    width = len(re.findall(r":?-+:?", delimiter)) or len(e.cells)
    # The cell the reader took as the row's reference, not merely the first holding a link: a
    # Notes column before File may link a web page (`see [x](https://...)`).
    col = reference_at(e.cells, e.rel) if e.rel else None
    col = col if col is not None else next((k for k, (_, v) in enumerate(e.cells) if e.written in v), 0)
    cell = e.cells[col][1].strip() if col < len(e.cells) else ""
    form = _form(cell)
    heads = tuple(h for h, _ in e.cells[:width])
    return TableShape(heads, min(col, width - 1), form, row_body(delimiter)[0], pipe_form(delimiter))


def _inside(line: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(b <= line <= e for b, e in spans)


def _hand_rows(doc: IndexDocument, layout: Layout) -> dict[int, IndexEntry]:
    """The rows of hand tables outside the managed markers that name a document: their line
    (0-based) -> the row's first reference (its file; a row may list others after it, in their
    own cells: row_refs.py, and name them in a link that is a mention)."""
    out: dict[int, IndexEntry] = {}
    for e in doc.entries:
        table = layout.rows.get(e.line - 1) if e.kind == "table" and e.rel is not None and not e.managed else None
        if table is not None and not _inside(table.start, doc.managed_spans):
            out.setdefault(e.line - 1, e)
    return out


def _headers(lines: Sequence[str], start: int) -> tuple[str, ...]:
    """The column names of the table whose header is line `start`, as a renderer reads them."""
    tokens = md().parse("\n".join(lines[start : start + 2]))
    names: list[str] = []
    inside = False
    for tok in tokens:
        if tok.type == "th_open":
            inside = True
        elif tok.type == "th_close":
            inside = False
        elif inside and tok.type == "inline":
            names.append(tok.content.strip())
    return tuple(names)


def _by_headers(
    lines: Sequence[str],
    layout: Layout,
    rows: dict[int, IndexEntry],
    f: str,
    cells: Sequence[tuple[str, str]],
    managed: Sequence[tuple[int, int]],
) -> tuple[int, TableShape] | None:
    """The end of the last table outside the `managed` spans whose column names are the saved
    `cells`' headers and whose rows name no document, else of the last such table; None when
    there is none."""
    wanted = tuple(h.strip().lower() for h, _ in cells)
    if not any(wanted):
        return None
    bare = listing = None
    for node in layout.blocks:
        if node.kind != "table" or _inside(node.start, managed):
            continue
        heads = _headers(lines, node.start)
        if tuple(h.lower() for h in heads) != wanted:
            continue
        listed = [rows[r.start] for r in node.members if r.start in rows]
        if listed:
            listing = (node.end, row_shape(listed[-1], lines[node.start + 1]))
        else:
            bare = (node.end, heads, lines[node.start + 1])
    if bare is None:
        return listing
    at, heads, delimiter = bare
    at_saved = reference_at(cells, f)
    col = at_saved or 0
    written = cells[at_saved][1].strip() if at_saved is not None else ""
    # The table shows no row to copy a form from: the saved cell's own form.
    form = _form(written)
    return at, TableShape(heads, min(col, len(heads) - 1), form, row_body(delimiter)[0], pipe_form(delimiter))


def _form(cell: str) -> str:
    """How a File cell names its document: as a link, in backticks, or bare."""
    return "link" if "](" in cell else "code" if cell.startswith("`") else "bare"
