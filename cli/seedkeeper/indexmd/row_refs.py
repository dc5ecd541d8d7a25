"""Which cells of a hand-written table row list a document: a row may name several, one per cell
(a parallel corpus: `| en_001.txt | fa_001.txt | UN declaration |` lists both).

The row's first cell naming a document is its reference, as it always was (a bare name filling
the cell, or a link anywhere in it). After it, in a person's own table, each cell that holds
nothing but another document's name (bare, in backticks, or one link to it; footnote references
after it aside) lists that document too: that cell is its listing, and the row's other cells are
said of each document it lists, as of the first (its note, an `ignore:`), but not its pin: the
row's pin (a Pinned or Language column, a `lang:`) is its first reference's, the document the
row was about before it could list several (a parallel row's documents are in other languages;
pinned_notes.adopted_fields leaves it out of their Notes too). Not a listing:

* a name or link inside a sentence ("see fa_001.txt", "the translation is [here](fa_001.txt)"):
  prose, as in a list item's note. A later cell with white space in it is a sentence unless the
  name is marked (`` `persian news.txt` ``, or a link): "copied from old.txt" ends in a name, and
  would otherwise read as the spaced name "copied from old.txt" (as the row's first cell
  still does, where a person's table has always named its document);
* a cell of a Notes, Comments or Description column: the row's note (`index` carries it into
  Notes), which may name a related document ("see also", "duplicate of") without listing it;
* a document the row named already: one listing per row;
* a document another listing in INDEX.md lists (a list item, the first reference of a row, a
  managed row, an earlier later cell): a table whose later columns name a RELATED document
  (`| fa_001.txt | en_001.txt | Persian translation |` under "Translated from") mentions it, as
  prose does, and `index` carries none of the row's words into that document's Notes. Decided
  once the whole file is read (settle_later_cells), so every command reads the same listings;
* any cell of the managed table, or of a table shaped like it (File, Pinned and Notes columns:
  ours without its markers, or a copy): its File column is the only reference.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from seedkeeper.corpus.paths import nfc
from seedkeeper.indexmd.columns import NOTE_HEADERS, shaped_like_ours
from seedkeeper.indexmd.entries import IndexDocument, IndexEntry

if TYPE_CHECKING:  # pragma: no cover
    from markdown_it.token import Token


@lru_cache(maxsize=256)
def lists_several(headers: tuple[str, ...]) -> bool:
    """Whether rows of a table (outside the markers) with these headers may list several
    documents: any table but one shaped like ours. Once per table, not per row."""
    return not shaped_like_ours({h.strip().lower() for h in headers})


def listing_column(headers: Sequence[str], k: int) -> bool:
    """Whether cell `k` of a row under `headers` may list a document after the row's first: any
    column but a note's (a cell past the header, which no renderer shows as a cell of its own,
    neither)."""
    return k < len(headers) and headers[k].strip().lower() not in NOTE_HEADERS


def unmarked_sentence(bare: str) -> bool:
    """Whether a later cell's text (footnote references taken off) has white space and no code
    span around it: prose that may end in a name, never a listing (see above)."""
    return not bare.startswith("`") and any(c.isspace() for c in bare)


def lone_link(children: Sequence[Token]) -> bool:
    """Whether a cell's inline run is one link and nothing else (white space and footnote
    references after it aside): `[ترجمه](fa_001.txt)` names its document as a bare name does."""
    depth = links = 0
    for c in children:
        if c.type == "link_open":
            links += depth == 0
            depth += 1
        elif c.type == "link_close":
            depth -= 1
        elif depth == 0 and c.type != "footnote_ref" and not (c.type == "text" and not c.content.strip()):
            return False
    return links == 1


def as_mentions(doc: IndexDocument, files: frozenset[str]) -> IndexDocument:
    """`doc` with each later cell's listing of one of `files` made a mention, as
    settle_later_cells makes one of a document listed elsewhere. For a file `dedup --apply`
    moved out: it took the file's own listing and left the person's later cells, which were
    mentions while that listing stood; read as listings, `index` would keep them as rows of a
    missing file and `restore` would find the file listed there, not where it was."""
    if not files or not any(e.later for e in doc.entries):
        return doc
    out = [
        IndexEntry(**{**e.__dict__, "kind": "link", "lang": None, "cells": (), "later": False})
        if e.later and e.rel is not None and e.rel in files
        else e
        for e in doc.entries
    ]
    return IndexDocument(**{**doc.__dict__, "entries": out})


def settle_later_cells(entries: list[IndexEntry]) -> list[IndexEntry]:
    """`entries` (in INDEX.md order) with each later cell's listing (IndexEntry.later) of a
    document that another listing lists made a mention: a link-kind entry, with no pin and no
    cells, as a link in prose is (see above). Of several later cells naming a document listed
    nowhere else, the first lists it. Names compare composed (NFC), as the corpus reads them."""
    if not any(e.later for e in entries):
        return entries  # nearly every INDEX.md: one document per row
    listed = {nfc(e.rel) for e in entries if e.rel is not None and e.kind != "link" and not e.later}
    out = []
    for e in entries:
        if e.later and e.rel is not None:
            if nfc(e.rel) in listed:
                e = IndexEntry(**{**e.__dict__, "kind": "link", "lang": None, "cells": (), "later": False})
            listed.add(nfc(e.rel))
        out.append(e)
    return out
