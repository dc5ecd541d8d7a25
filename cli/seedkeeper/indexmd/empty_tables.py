"""Hand tables left with a header and no rows: where `restore` puts a row back.

When `dedup --apply` moves out the last document of a table a person wrote, the table keeps its
header (its column names are the person's words; entry_edits.remove_entries). A row saved from
that table (its cells by column, hand_rows.Saved) goes back under the same header: the table
with exactly those column names, in that order, and no body rows, outside the managed markers.
"""

from __future__ import annotations

from collections.abc import Sequence

from seedkeeper.indexmd.hand_rows import TableShape, reference_at
from seedkeeper.indexmd.layout import Layout
from seedkeeper.indexmd.reader import md

__all__ = ["empty_table_for"]


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


def empty_table_for(
    lines: Sequence[str], layout: Layout, f: str, cells: Sequence[tuple[str, str]], managed: Sequence[tuple[int, int]]
) -> tuple[int, TableShape] | None:
    """(the line a row goes before, the table's shape) for the last table with no body rows
    whose column names are the saved `cells`' headers, outside the `managed` line spans; None
    when there is none. `f` goes in the column its saved cell named it in (the first one when
    that cannot be told), written in that cell's form (bare, in backticks or a link)."""
    wanted = tuple(h.strip() for h, _ in cells)
    if not wanted or not any(wanted):
        return None
    found = None
    for node in layout.blocks:
        if node.kind != "table" or node.members or any(b <= node.start <= e for b, e in managed):
            continue
        heads = _headers(lines, node.start)
        if tuple(h.lower() for h in heads) == tuple(h.lower() for h in wanted):
            found = (node.start + 2, heads)
    if found is None:
        return None
    at, heads = found
    at_saved = reference_at(cells, f)
    col = at_saved or 0
    written = cells[at_saved][1].strip() if at_saved is not None else ""
    # The table shows no row to copy a form from: the saved cell's own form.
    form = "link" if "](" in written else "code" if written.startswith("`") else "bare"
    return at, TableShape(heads, min(col, len(heads) - 1), form)
