"""Telling a person's words in a Title cell from the title `index` wrote there.

A table shaped like ours outside the markers (ours that lost them, or a copy) has the Title
column the tool filled, and a person may have typed in it: a title of their own, words after the
tool's ("... — Sara's pick"), a `lang:` or an `ignore:`. Only the cell the tool would write for
the row's document now, its title shortened, escaped and guarded exactly as render_row writes
it (table.title_cell), is the tool's; anything else is a person's, carried into Notes as
`Title: ...` (pinned_notes.adopted_fields), and a pin or `ignore:` typed there counts.

The reader cannot tell: it never reads the documents. Whoever knows their titles (the survey,
from the analyses it made anyway; the writer, from its rows) gives them to the parse here, so
`check`, `tag`, `dedup` and `index` read one pin and one `ignore:` from every row.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Mapping

from seedkeeper.indexmd.columns import shaped_like_ours
from seedkeeper.indexmd.entries import IndexDocument, IndexEntry
from seedkeeper.indexmd.row_pins import lang_from_cells
from seedkeeper.indexmd.table import CellGuard, title_cell


@functools.lru_cache(maxsize=256)
def _title_columns(headers: tuple[str, ...]) -> tuple[int, ...]:
    """Where a table's Title columns are, if it is shaped like ours (else none): once per table,
    not once per row."""
    lows = [h.strip().lower() for h in headers]
    return tuple(k for k, h in enumerate(lows) if h == "title") if shaped_like_ours(set(lows)) else ()


def _has_title_cell(e: IndexEntry) -> bool:
    """Whether `e` is a row of a table shaped like ours outside the markers with a Title cell
    that holds something (an empty one says nothing either way)."""
    if e.managed or e.kind != "table" or e.rel is None:
        return False
    return any(e.cells[k][1] for k in _title_columns(tuple(h for h, _ in e.cells)))


def with_titles(
    doc: IndexDocument, titles: Mapping[str, str], guard: CellGuard, name: Callable[[str], str] | None = None
) -> IndexDocument:
    """`doc` with each row that has a Title cell to tell (_has_title_cell) given the Title cell
    `index` writes for its document (IndexEntry.tool_title) and the pin read with it. `titles`
    maps a document to its title (an analysis' `title`: "" for one that has no text); a row
    whose document has none there (gone, never read) keeps tool_title None: a person's words.
    `name` maps an entry's path to the document it names (the corpus's spelling).

    `doc` itself comes back when nothing changes (nearly always: most INDEX.md files have no
    such table), so a 100,000-row managed table costs one pass over its entries."""
    named = name or (lambda rel: rel)
    entries: list[IndexEntry] | None = None
    for k, e in enumerate(doc.entries):
        if not _has_title_cell(e):
            continue
        title = titles.get(named(e.rel)) if e.rel is not None else None
        tool = None if title is None else title_cell(title, guard)
        if tool == e.tool_title:
            continue
        if entries is None:
            entries = list(doc.entries)
        # The reader's pin of the row (lang_from_cells), read again now that the tool's title is known.
        lang = lang_from_cells(e.cells, False, tool, e.rel, e.written)
        entries[k] = dataclasses.replace(e, tool_title=tool, lang=lang)
    return doc if entries is None else dataclasses.replace(doc, entries=entries)
