"""Adopting hand-written references into the managed table, for the writer (writer._render).

A list item or table row a person wrote that names a document leaves the text; what it said
(its note, its pinned language, a hand table's other cells) is carried to the document's row in
a managed table in the same section: the section's marker pair, else a new table where the
hand-written list or table was (Block). Here: which lines leave and what they carry (adopt),
entries naming a file in another Unicode spelling (aliased), the link reference definitions
left dangling (dangling_definitions), whether an emptied table keeps its header (header_stays),
and where a new table goes when part of the list stays (after_what_is_left).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from seedkeeper.corpus.paths import by_nfc, normalize_target, spelled_as_file
from seedkeeper.indexmd.carried import continuation
from seedkeeper.indexmd.entries import IndexDocument, first_pins
from seedkeeper.indexmd.layout import Node, Remover, emit, is_blank, swallowed_at, trim
from seedkeeper.indexmd.markers import BEGIN_MARKER
from seedkeeper.indexmd.pinned_notes import adopted_fields, managed_carry, merge_fields
from seedkeeper.indexmd.rescued import header_said


@dataclass
class Block:
    """One managed table in the output: an existing marker pair, or a new one at `anchor`."""

    section: int | None
    span: tuple[int, int] | None = None  # existing block: its marker lines
    top: Node | None = None  # new block: the adopted list or table it replaces
    anchor: int = 0

    @property
    def position(self) -> int:
        return self.span[0] if self.span is not None else self.anchor


_DEFINITION = re.compile(r"^ {0,3}\[((?!\^)(?:[^\[\]\\]|\\.)+)\]:[ \t]*<?([^\s>]+)>?[ \t]*$")


def dangling_definitions(lines: list[str], gone: set[int], adopted: set[str], files: set[str]) -> set[int]:
    """Link reference definitions (`[r]: 002_x.txt`) of adopted documents that no kept line uses
    any more: they would be left dangling (a footnote's `[^1]: x.txt` is prose, and stays)."""
    defs = {i: m for i, ln in enumerate(lines) if i not in gone and (m := _DEFINITION.match(ln))}
    if not defs:
        return set()
    kept = "\n".join(ln for i, ln in enumerate(lines) if i not in gone and i not in defs).lower()
    # An adopted file named in another spelling counts, as aliased reads entries (unless that
    # spelling is a file of its own).
    files_by_nfc = by_nfc(files)

    def names_adopted(target: str) -> bool:
        rel = normalize_target(target, from_link=True).rel
        return rel is not None and spelled_as_file(rel, files, files_by_nfc) in adopted

    return {i for i, m in defs.items() if names_adopted(m.group(2)) and f"[{m.group(1).lower()}]" not in kept}


def header_stays(lines: list[str], doc: IndexDocument, carried: dict[str, tuple[str, str]]):
    """Whether an adopted table, all its rows gone, keeps its header: when a column name in it
    would be lost (rescued.header_said: an Owner column no row filled in)."""
    files: dict[int, list[str]] = {}  # a hand table row's line -> its files: built when a table empties

    def stays(node: Node) -> bool:
        if not files:
            for e in doc.entries:
                if e.kind == "table" and not e.managed and e.rel:
                    files.setdefault(e.line - 1, []).append(e.rel)
        # A row listing several documents carries its cells into each one's Notes, the cell
        # naming it aside (row_refs.py): a column name is said if any of them says it.
        notes = [carried.get(f, ("", ""))[1] for r in node.members for f in files.get(r.start, [""])]
        return not header_said(lines[node.start], notes)

    return stays


def aliased(doc: IndexDocument, files: set[str]) -> IndexDocument:
    """`doc` with each entry that names one of `files` in another Unicode spelling ("café.txt"
    typed composed, the row's decomposed) given that file's spelling: one file, as the corpus
    model sees it, so its notes and pinned language are carried into its one row, not lost."""
    files_by_nfc = by_nfc(files)
    if not files_by_nfc:
        return doc
    entries, changed = [], False
    for e in doc.entries:
        if e.rel is not None and (named := spelled_as_file(e.rel, files, files_by_nfc)) != e.rel:
            e, changed = dataclasses.replace(e, rel=named), True
        entries.append(e)
    return dataclasses.replace(doc, entries=entries) if changed else doc


def after_what_is_left(lines: list[str], gone: set[int], blank: frozenset[int], top: Node) -> int:
    """Where the new table for the hand-written list `top`, not all of which leaves, goes: after
    what is left of it, unless that holds the table as raw HTML or code. An adopted item's
    nested `<pre>`, `<script>`, comment or fence, which the end of its item closed, runs on to
    its closing tag once the item's line has left: a table put after it was text inside it,
    and index settled on a table at the end of the file, in another section. Then the table
    goes where the list began, above what is left of it, in the same section."""
    end = trim(lines, top.start, top.end)
    left = [i for i in range(top.start, end) if i not in gone]
    if not any(lines[i].lstrip().startswith(("<", "`", "~")) for i in left):
        return end  # nothing left that could open a raw HTML or code block (nearly every list)
    probe = [BEGIN_MARKER]
    before = emit(lines[:end], {i for i in gone if i < end}, blank=frozenset(i for i in blank if i < end))
    first = len(before) + (1 if before and not is_blank(before[-1]) else 0)  # emit pads with a blank line
    held = swallowed_at(emit(lines, gone, end, probe, pad=True, blank=blank), first)
    return end if held is None else top.start


def adopt(
    doc: IndexDocument,
    lines: list[str],
    wanted: set[str],
    remover: Remover,
    blocks: list[Block],
    home: dict[str, Block],
    mode: str,
) -> tuple[dict[str, tuple[str, str]], set[str]]:
    """Take the hand-written list items and table rows of `wanted` files out of the text (via
    `remover`; none in "keep" mode), give each a home block in its section, and return every
    file's (Pinned, Notes) and the adopted files."""
    carried = managed_carry(doc)  # the managed rows' pins: the first of them wins
    # The listing whose pinned language applies: the first in INDEX.md that pins one, wherever
    # the managed table is, as the corpus model (`check`) reads it. An adopted listing that is it
    # wins over the managed rows' pin; theirs, if another, stays in the note. (A list line typed
    # between the markers counts too: managed_carry reads it.)
    pins = first_pins(doc.entries)
    adopted: set[str] = set()
    for e in doc.entries:
        if mode == "keep" or e.managed or e.rel not in wanted or e.kind == "link" or not remover.entry(e):
            continue
        adopted.add(e.rel)
        layout = remover.layout
        if e.rel not in home:
            section = layout.section_of(e.line - 1)
            for b in blocks:
                if b.section is None and b.span is not None:
                    b.section = layout.section_of(b.span[0])
            block = next((b for b in blocks if b.section == section), None)
            if block is None:
                block = Block(section, top=layout.top_of(e.line - 1) or Node("line", e.line - 1, e.line))
                blocks.append(block)
            home[e.rel] = block
        fields = adopted_fields(e, lines[e.line - 1], continuation(lines, layout, e))
        carried[e.rel] = merge_fields(carried.get(e.rel, ("", "")), fields, prefer_new=pins.get(e.rel) is e)
    return carried, adopted
