"""A row for a document `restore` (or `add`) lists in a hand-written table, its cells each in
its own column.

`dedup --apply` keeps a hand table row's cells by column (carried.rows_beside), so the row comes
back as it was: each saved cell under the header it was under, the file's cell as it was written
(a bare name or a plain link in the form the table's rows use). A cell whose column the table no
longer has, and what the file's other listings said, go to the table's Notes column (else beside
the file's reference) as `Header: text`, as `index` carries them: no word is lost. A pinned
language the row would no longer read goes to an empty Pinned (else Language) column, else into
that note. Pure: the caller checks with the parse that the row still names the file first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from seedkeeper.corpus.paths import normalize_target
from seedkeeper.indexmd.columns import LANG_HEADERS, NOTE_HEADERS, recomputed
from seedkeeper.indexmd.entries import (
    LINK_SRC,
    is_just_the_name,
    link_text_source,
    pinned_lang,
    same_name,
)
from seedkeeper.indexmd.footnotes import footnote_marks
from seedkeeper.indexmd.hand_cells import carried_note
from seedkeeper.indexmd.pinned_notes import with_pinned
from seedkeeper.indexmd.row_pins import lang_from_cells
from seedkeeper.indexmd.table import escape_cell, file_link, list_reference

__all__ = ["Saved", "TableShape", "hand_row"]

_BACKSLASHED = re.compile(r"\\([!-/:-@\[-`{-~])")  # a Markdown backslash escape: `\_` is `_`


@dataclass(frozen=True)
class Saved:
    """What a person wrote about a file, as the quarantine manifest keeps it: the pin that
    applied, every listing's words as one note, and, when a hand table row listed it, that row's
    cells ((header, text)), what its other listings said ((pinned, notes)) and the files named on
    the rows either side of it in its table ((before, after))."""

    pinned: str = ""
    notes: str = ""
    cells: tuple[tuple[str, str], ...] = ()
    elsewhere: tuple[str, str] = ("", "")
    between: tuple[str, str] = ("", "")


@dataclass(frozen=True)
class TableShape:
    """The table a row goes into: its headers, the column its rows name their file in, how they
    write it there (`[x.txt](x.txt)`, `` `x.txt` `` or bare), what its lines start with before
    the row (a blockquote's `> `, a list item's indentation: row_cells.row_body), and whether its
    rows have a leading and a trailing pipe (row_cells.pipe_form)."""

    headers: tuple[str, ...]
    col: int
    form: str  # "link" | "code" | "bare"
    prefix: str = ""
    pipes: tuple[bool, bool] = (True, True)


def hand_row(shape: TableShape, f: str, saved: Saved, *, before: bool = True) -> list[str]:
    """The cells (GFM cell source) of a row for `f` in a table of `shape`, holding what `saved`
    says. `before=False` puts nothing in the columns before the file's (the caller's second try
    when a saved cell there would read as the row's reference instead)."""
    heads = [h.strip().lower() for h in shape.headers]
    ref_at = reference_at(saved.cells, f)
    if ref_at is not None and ref_at < len(heads) and saved.cells[ref_at][0].strip().lower() == heads[ref_at]:
        # Back in the column it was in, under the same header: a row that listed several
        # documents (`| en.txt | fa.txt |`) named this one in its own column, not the table's first.
        shape = replace(shape, col=ref_at)
    usable = [k != shape.col and (before or k > shape.col) for k in range(len(heads))]
    placed = [""] * len(heads)  # cell content (a person's Markdown), escaped at the end
    ref = _reference(shape, f, saved.cells[ref_at][1] if ref_at is not None else "")
    left: list[tuple[str, str]] = []  # saved cells whose column the table has not (or not free)
    past: list[str] = []  # saved cells past the header: past it again
    for k, (header, text) in enumerate(saved.cells):
        if k == ref_at or not text.strip():
            continue
        low = header.strip().lower()
        at = next((j for j, h in enumerate(heads) if h == low and usable[j] and not placed[j]), None)
        if at is not None and header:
            placed[at] = text
        elif header:
            left.append((header, text))
        else:
            past.append(text)
    if saved.cells:
        row_pin = lang_from_cells(saved.cells, False) or ""
        pins = [p for p in dict.fromkeys((saved.pinned, row_pin, saved.elsewhere[0])) if p]
        extra = "; ".join(p for p in (_left_note(left, row_pin), saved.elsewhere[1]) if p)
    else:  # a list item's or a managed row's words, or a manifest from before cells were kept
        pins, extra = [saved.pinned] if saved.pinned else [], saved.notes
    note_col = _column(heads, usable, ("notes", "note"))
    note_col = note_col if note_col is not None else _column(heads, usable, tuple(NOTE_HEADERS))
    lang_col = _column(heads, usable, ("pinned",))
    lang_col = lang_col if lang_col is not None else _column(heads, usable, tuple(LANG_HEADERS))
    for p in pins:
        if _holds(heads, placed, ref, extra, note_col, p):
            continue
        if lang_col is not None and not placed[lang_col]:
            placed[lang_col] = p  # read before any note's `lang:` (row_pins.lang_from_cells)
        else:
            extra = with_pinned(extra, p)
    cells = [escape_cell(c) for c in placed]
    cells[shape.col] = ref
    if extra and note_col is not None:
        cells[note_col] = escape_cell("; ".join(p for p in (placed[note_col], extra) if p))
    elif extra:
        # Beside the reference, which must then be a link: a cell is a bare name only when the
        # name is all it holds.
        cells[shape.col] = (file_link(f) if "](" not in ref else ref) + " — " + escape_cell(extra)
    return cells + [escape_cell(t) for t in past]


def reference_at(cells: Sequence[tuple[str, str]], f: str) -> int | None:
    """Which saved cell named the file: the first one that is its name or links to it (the
    reader takes the first cell naming a document as the row's reference)."""
    for k, (_header, text) in enumerate(cells):
        bare = footnote_marks(text)[0]  # `x.txt[^1]` names x.txt, as the reader reads it
        if same_name(normalize_target(bare, from_link=False).rel, f) or link_text_source(text, f) is not None:
            return k
    return None


def _reference(shape: TableShape, f: str, written: str) -> str:
    """The file's cell: as it was written when it said more than the name (`[Sara's copy](x.txt)`),
    else the name in the form the table's rows use (with the footnote references that followed
    it: `x.txt[^1]`)."""
    name, marks = footnote_marks(written) if written else ("", "")
    if marks and is_just_the_name(name, f, f):
        return _reference(shape, f, "") + marks
    if written and not is_just_the_name(written, f, f) and not _plain_link(written, f):
        return escape_cell(written)
    if shape.form == "code" and "`" not in f:
        return f"`{f}`"
    return file_link(f) if shape.form == "link" else list_reference(f)


def _plain_link(cell: str, f: str) -> bool:
    """Whether `cell` is only a link to `f` whose text is the name (`[x.txt](x.txt)`)."""
    m = LINK_SRC.fullmatch(cell.strip())
    if m is None or link_text_source(cell, f) is None:
        return False
    return is_just_the_name(_BACKSLASHED.sub(r"\1", m.group(1)), f, f)


def _left_note(left: Sequence[tuple[str, str]], row_pin: str) -> str:
    """The saved cells the table has no column for, as `index` carries them into Notes: `Header:
    text` (a Notes-like column's as written), a cell saying only what `index` computes dropped,
    and the Language cell holding the row's pin left to the pin (hand_row puts it back)."""
    parts: list[tuple[str, str, str]] = []
    for header, text in left:
        low = header.strip().lower()
        if recomputed(low, text) or (low in LANG_HEADERS and text.strip() == row_pin):
            continue
        parts.append(("; ", "" if low in NOTE_HEADERS else header.strip(), text))
    return carried_note("", parts, if_same=False, if_empty=False)[1]


def _column(heads: Sequence[str], usable: Sequence[bool], names: tuple[str, ...]) -> int | None:
    return next((k for k, h in enumerate(heads) if h in names and usable[k]), None)


def _row(heads, placed, ref, extra, note_col) -> tuple[tuple[str, str], ...]:
    """The row as the reader would read it (header, content), the note where it will go."""
    cells = list(placed)
    if extra and note_col is not None:
        cells[note_col] = "; ".join(p for p in (cells[note_col], extra) if p)
    return (*zip(heads, cells), ("", extra if note_col is None else ""), ("", ref))


def _holds(heads, placed, ref, extra, note_col, pin: str) -> bool:
    """Whether the row says `pin` already: the pin it reads, or a `lang:` typed in one of its cells."""
    row = _row(heads, placed, ref, extra, note_col)
    return lang_from_cells(row, False) == pin or any(pinned_lang(v) == pin for _h, v in row)
