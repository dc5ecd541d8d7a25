"""Where a listing was among its neighbours, so that `restore` puts a document back there.

`dedup --apply` records, for each document it moves out, the documents named by the nearest
listings above and below the one it takes out, in the same list or table (the manifest's
`between`: a list's items, a hand table's rows or a managed table's; an item or row naming no
document is passed over). `restore` puts the document back right after the listing of the one
above, else right before the listing of the one below, wherever that listing is now (in the same
list or table, or in the managed table `index` has since adopted it into): in its section and in
its place, not in whatever list or table comes last in INDEX.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from seedkeeper.indexmd.entries import IndexEntry, same_name
from seedkeeper.indexmd.layout import Layout, prepare

__all__ = ["home_listings", "listed_between", "neighbour_listing"]


def home_listings(entries: Sequence[IndexEntry], named: Callable[[str], str]) -> dict[str, IndexEntry]:
    """file -> the listing `restore` puts it back beside: its first hand table row with cells
    (the row whose cells the manifest keeps, carried.rows_beside), else its first list item or
    table row."""
    first: dict[str, IndexEntry] = {}
    hand: dict[str, IndexEntry] = {}
    for e in entries:
        if e.rel is not None and e.kind in ("list", "table"):
            first.setdefault(named(e.rel), e)
            if e.kind == "table" and not e.managed and e.cells:
                hand.setdefault(named(e.rel), e)
    return {file: hand.get(file, e) for file, e in first.items()}


def listed_between(
    text: str,
    homes: dict[str, IndexEntry],
    every: Sequence[IndexEntry],
    spans: Sequence[tuple[int, int]],
    named: Callable[[str], str],
) -> dict[str, tuple[str, str]]:
    """file -> (the document listed just above its `homes` listing, just below it) in the same
    list or table, "" at its edge; `every` is all of INDEX.md's entries, `spans` its managed
    blocks. A file with neither is left out."""
    hand = any(not e.managed for e in homes.values())
    # A Markdown parse only when a hand-written listing leaves: the managed rows are told apart by
    # their block alone (a 100,000-row managed table is read without markdown-it: managed.py).
    layout = Layout("\n".join(prepare(text)[1])) if hand else None
    blocks: dict[tuple[str, int], dict[int, str]] = {}
    for e in every:
        key = _block_of(e, layout, spans) if e.rel is not None and e.kind in ("list", "table") else None
        if key is not None:  # a row listing several documents is named by its first, as its neighbours'
            blocks.setdefault(key, {}).setdefault(e.line, named(e.rel))
    around: dict[int, tuple[str, str]] = {}
    for files in blocks.values():
        rows = sorted(files.items())
        for k, (line, _file) in enumerate(rows):
            around[line] = (rows[k - 1][1] if k else "", rows[k + 1][1] if k + 1 < len(rows) else "")
    out = {file: around.get(e.line, ("", "")) for file, e in homes.items()}
    return {file: pair for file, pair in out.items() if any(pair)}


def _block_of(e: IndexEntry, layout: Layout | None, spans: Sequence[tuple[int, int]]) -> tuple[str, int] | None:
    """Which list or table listing `e` is in: ("managed", the block's begin line), ("table" or
    "list", its first line); None when it is in none (or a hand one while `layout` is None)."""
    line = e.line - 1
    if e.managed:
        return next((("managed", b) for b, end in spans if b <= line <= end), None)
    if layout is None:
        return None
    if e.kind == "table" and line in layout.rows:
        return ("table", layout.rows[line].start)
    item = layout.items.get(line) if e.kind == "list" else None
    return ("list", item.parent.start) if item is not None and item.parent is not None else None


def neighbour_listing(entries: Sequence[IndexEntry], between: tuple[str, str]) -> tuple[IndexEntry, bool] | None:
    """The listing a restored document goes beside, and whether after it (True) or before it:
    the first list item or table row naming the document that was above it, else the one that
    was below it; None when neither is listed."""
    for name, after in zip(between, (True, False)):
        if not name:
            continue
        for e in entries:
            # A link is a mention; every list item and table row entry is a listing (a hand table
            # row may list several documents: row_refs.py).
            if e.kind in ("list", "table") and same_name(e.rel, name):
                return e, after
    return None
