"""The references of one body row of a table in INDEX.md, as the reader walks it (reader.Walker).

The row's document is the first cell that names one (a bare name filling the cell, or a link
anywhere in it). In a person's own table each later cell holding nothing but another document's
name lists it too (row_refs.py), marked `later` so that, once the whole file is read, a document
listed elsewhere reads it as a mention (row_refs.settle_later_cells). Other links in the row (a
Notes cell pointing at a related document) are mentions, like links in prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from seedkeeper.corpus.paths import normalize_target
from seedkeeper.indexmd.entries import IndexEntry
from seedkeeper.indexmd.footnotes import cell_name
from seedkeeper.indexmd.row_cells import row_body
from seedkeeper.indexmd.row_pins import lang_from_cells
from seedkeeper.indexmd.row_refs import listing_column, lists_several, lone_link, unmarked_sentence

if TYPE_CHECKING:  # pragma: no cover
    from markdown_it.token import Token

_CELL_SPLIT = re.compile(r"(?<!\\)\|")

__all__ = ["table_row"]


def table_row(
    walker: Any, pending: Sequence[tuple[int, Token]], cells: Sequence[str], headers: Sequence[str], row_line: int
) -> Iterable[IndexEntry]:
    """The entries of one body row: `pending` its cells' inline tokens by column, `cells` their
    source text, `headers` the table's, `row_line` the row's 0-based line. `walker` reads a name
    or a link as the rest of the file does (reader.Walker: is_ref, entry, links)."""
    named = tuple((headers[k] if k < len(headers) else "", c.strip()) for k, c in enumerate(cells))
    named += cells_past_the_header(walker.lines, row_line, len(headers))
    managed = walker.in_managed(row_line)
    several = not managed and lists_several(tuple(headers))
    on_row: set[str] = set()  # one listing per document per row
    # The row's pin (a Pinned or Language column, a `lang:` in a cell) is its first reference's
    # alone: the row was about that document before a row could list several, and a parallel
    # row's documents are in different languages (row_refs.py).
    lang: str | None = None
    for k, tok in pending:
        content = tok.content.strip()
        bare = cell_name(content, tok.children or [])  # `000_x.txt[^1]`: a footnote after the name
        own = not on_row or (several and listing_column(headers, k))
        # "copied from old.txt" in a later cell is a sentence, not a spaced name (row_refs.py).
        named_alone = own and not (on_row and unmarked_sentence(bare))
        if named_alone and bare and walker.is_ref(bare.strip("`"), False) and "](" not in content:
            written = bare.strip("`")
            target = normalize_target(written, from_link=False)
            if (target.rel or written) not in on_row:
                later = bool(on_row)
                # Outside the markers the File cell's words beside the name may pin: the pin is
                # read knowing the reference (row_pins.lang_from_cells); one pin per row.
                if not later:
                    lang = lang_from_cells(named, managed, rel=target.rel, written=written)
                on_row.add(target.rel or written)
                pin = None if later else lang
                e = walker.entry(written, False, row_line, "table", lang=pin, cells=named, target=target)
                yield IndexEntry(**{**e.__dict__, "later": True}) if later else e
            continue
        # A later cell listing a document by a link holds that link alone (row_refs.py).
        lone = bool(on_row) and own and lone_link(tok.children or [])
        for e in walker.links(tok, row_line, "table"):
            if not on_row or (lone and (e.rel or e.written) not in on_row):
                later = bool(on_row)
                if not later:
                    lang = lang_from_cells(named, managed, rel=e.rel, written=e.written)
                on_row.add(e.rel or e.written)
                yield IndexEntry(**{**e.__dict__, "cells": named, "lang": None if later else lang, "later": later})
            else:
                yield IndexEntry(**{**e.__dict__, "kind": "link", "lang": None})


def cells_past_the_header(lines: Sequence[str], row_line: int, width: int) -> tuple[tuple[str, str], ...]:
    """Cells a row has beyond its header's columns: the Markdown parser drops them, but a person
    typed them (a `|` inside a note), so they are kept, with no header. Read after the row's
    container prefix (a blockquote's `>`: row_cells.row_body), as the parser reads the row."""
    source = row_body(lines[row_line])[1].strip() if row_line < len(lines) else ""
    if not source.startswith("|") or width == 0:
        return ()
    raw = [c.strip() for c in _CELL_SPLIT.split(source.strip("|"))]
    return tuple(("", c) for c in raw[width:] if c)
