"""What a person wrote about each document in INDEX.md, gathered from all its listings.

`dedup --apply` takes every listing of a file it moves out of INDEX.md; what they said (notes,
link text, continuation lines, a hand table's other cells, a managed row's Pinned and Notes) is
kept in the quarantine manifest and put back by `restore`. Gathered here as `index` merges a
file's listings into one row (pinned_notes.adopted_fields, pinned_notes.merge_fields).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from seedkeeper.indexmd.entries import IndexEntry, first_pins
from seedkeeper.indexmd.layout import Layout, prepare
from seedkeeper.indexmd.pinned_notes import adopted_fields, managed_fields, merge_fields


def written_beside(
    text: str, entries: Sequence[IndexEntry], name: Callable[[str], str] | None = None
) -> dict[str, tuple[str, str]]:
    """file -> (pinned, note): everything a person wrote about it in INDEX.md, so what
    `remove_entries` takes out (every listing of the file) can be kept, in the quarantine
    manifest, and put back. Every listing counts, merged as `index` merges them into one row:
    the notes joined in INDEX.md order, the pinned language of the listing that applies
    (entries.first_pins), another listing's different one kept in its note. A list item brings
    its note, link text and continuation lines, a hand table row its other cells, a managed
    row its Pinned and Notes cells. `name` maps an entry's path to the file it names (the
    corpus's spelling); by default the path itself. A Title cell of a table shaped like ours
    outside the markers is told from the tool's title as `index` tells it when `entries` were
    given the documents' titles (title_cells.with_titles: the survey's were); else it is kept."""
    _bom, lines = prepare(text)
    layout: Layout | None = None
    named = name or (lambda rel: rel)
    pins = first_pins(entries, named)
    out: dict[str, tuple[str, str]] = {}
    for e in entries:
        # A link (in prose, in a Notes cell) is a mention; a hand table row may list several
        # documents, each with the row's words (row_refs.py).
        if e.rel is None or e.kind not in ("list", "table"):
            continue
        source = lines[e.line - 1] if e.line <= len(lines) else ""
        if e.managed:
            fields = managed_fields(e, source)
        else:
            if layout is None and e.kind == "list":
                layout = Layout("\n".join(lines))  # a Markdown parse: only for hand-written items
            fields = adopted_fields(e, source, continuation(lines, layout, e))
        file = named(e.rel)
        out[file] = merge_fields(out.get(file, ("", "")), fields, prefer_new=pins.get(file) is e)
    return out


def rows_beside(
    text: str, entries: Sequence[IndexEntry], name: Callable[[str], str] | None = None
) -> dict[str, tuple[tuple[tuple[str, str], ...], tuple[str, str]]]:
    """file -> (cells, elsewhere) for each file a hand-written table row lists: that row's cells
    as the reader read them ((header, text), the first such row of the file), and what its other
    listings said ((pinned, notes), as written_beside merges them). `written_beside` says it all
    in one note (`Source: USB from Sara`); these keep which column each word was in, so `restore`
    can put the row back in a table as it was. A managed row is not a person's row: its Pinned
    and Notes are all written_beside needs."""
    named = name or (lambda rel: rel)
    rows: dict[str, IndexEntry] = {}
    for e in entries:
        if e.rel is not None and e.kind == "table" and not e.managed and e.cells:
            rows.setdefault(named(e.rel), e)
    out: dict[str, tuple[tuple[tuple[str, str], ...], tuple[str, str]]] = {}
    for file, row in rows.items():
        others = [e for e in entries if e.rel is not None and named(e.rel) == file and e.line != row.line]
        out[file] = (row.cells, written_beside(text, others, name).get(file, ("", "")))
    return out


def continuation(lines: list[str], layout: Layout | None, e: IndexEntry) -> str:
    """The lines that continue hand-written list item `e`'s first paragraph, as one line ("" for
    a table row): a person's words that leave INDEX.md with the item."""
    item = layout.items.get(e.line - 1) if layout is not None and e.kind == "list" else None
    return " ".join(ln.strip() for ln in lines[e.line : item.para_end]) if item else ""
