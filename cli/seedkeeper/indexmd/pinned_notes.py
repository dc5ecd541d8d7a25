"""Reading back what a person wrote about a document, as the managed table's Pinned and Notes
cells: from our own table's rows (managed_carry, managed_fields) and from a hand-written list item
or table row being adopted (adopted_fields), losing nothing a person wrote beside the file name;
and joining two listings of one file (merge_fields, with_pinned). The table renderer writes what
this returns (table.block_lines); which of a hand table's cells say only what the tool computes,
and how the others are joined into Notes, is hand_cells.py's job.
"""

from __future__ import annotations

from seedkeeper.indexmd.columns import LANG_HEADERS, NOTE_HEADERS, added_in_ours, recomputed, shaped_like_ours
from seedkeeper.indexmd.entries import (
    IndexDocument,
    IndexEntry,
    is_just_the_name,
    item_label,
    item_lang,
    item_note,
    link_text_source,
    pinned_lang,
    reference_words,
    same_name,
)
from seedkeeper.indexmd.footnotes import footnote_marks
from seedkeeper.indexmd.hand_cells import carried_note, moved_to_pinned, unpinned
from seedkeeper.indexmd.row_pins import lang_from_cells
from seedkeeper.indexmd.table import cell_content


def managed_carry(doc: IndexDocument) -> dict[str, tuple[str, str]]:
    """What people wrote inside the managed block, by file: (Pinned cell, Notes cell). A list line
    someone typed between the markers counts too (its note and pinned language)."""
    carried: dict[str, tuple[str, str]] = {}
    seen_lines: set[int] = set()
    lines: list[str] | None = None
    for e in doc.entries:
        if not e.managed or e.rel is None or e.line in seen_lines:
            continue
        seen_lines.add(e.line)  # the first reference on a row is its File cell; Notes may link others
        if e.kind not in ("table", "list"):
            continue
        if lines is None and e.kind == "list":
            lines = doc.text.split("\n")
        fields = managed_fields(e, lines[e.line - 1] if lines is not None and e.line <= len(lines) else "")
        # A file listed twice keeps both rows' notes (and the first pinned language).
        carried[e.rel] = merge_fields(carried.get(e.rel, ("", "")), fields, prefer_new=False)
    return carried


def managed_fields(e: IndexEntry, source_line: str) -> tuple[str, str]:
    """(pinned, notes) of one listing inside a managed block, as `index` carries it: our table's
    Pinned and Notes cells (a `lang:` typed in Notes, or in a column a person added, moved to an
    empty Pinned), or what a person wrote in a list line typed between the markers
    (`source_line`)."""
    if e.kind == "list":
        return adopted_fields(e, source_line)
    # Our table's Pinned and Notes cells; any other table typed between the markers is read as a
    # hand-written one (every cell a person wrote, the link text too).
    return adopted_fields(e, "")


def merge_fields(old: tuple[str, str], new: tuple[str, str], *, prefer_new: bool) -> tuple[str, str]:
    """One file's (pinned, notes) from two rows that list it: the notes joined (old first), the
    preferred row's pinned language; the other row's different one stays in its note, as the
    person wrote it (`lang: xx`), rather than be lost."""
    (old_pinned, old_notes), (pinned, notes) = old, new
    if old_pinned and pinned and old_pinned != pinned:
        if prefer_new:
            old_notes = with_pinned(old_notes, old_pinned)
        else:
            notes = with_pinned(notes, pinned)
    merged = old_notes if notes in old_notes else "; ".join(p for p in (old_notes, notes) if p)
    return (pinned or old_pinned) if prefer_new else (old_pinned or pinned), merged


def with_pinned(notes: str, pinned: str) -> str:
    """`notes` that pin `pinned`: as they are when they do; else with `(lang: xx)` after them, or
    before them when they hold another `lang:` (the first one a note holds is the one that pins)."""
    found = pinned_lang(notes)
    if found == pinned:
        return notes
    return f"{notes} (lang: {pinned})".strip() if found is None else f"(lang: {pinned}) {notes}"


def adopted_fields(e: IndexEntry, source_line: str, continuation: str = "") -> tuple[str, str]:
    """(pinned, note) of a hand-written list item or table row, losing nothing a person wrote
    beside the file name: the note, the item's continuation lines, a link text that is not just
    the file name, and a hand table's other cells (`Header: value`)."""
    if e.kind == "list":
        label = item_label(e.rel, e.written, e.title, source_line)
        note = item_note(label, e.note, continuation)
        # The reader's e.lang is item_lang of the same item (what `check` reads as its pin).
        pinned, note = moved_to_pinned(e.lang or item_lang(label, e.note, continuation) or "", note)
        return pinned, cell_content(note)
    cells = [(h.strip().lower(), h.strip(), v) for h, v in e.cells]
    parts: list[tuple[str, str, str]] = []  # the cells carried into Notes: (separator, label, text)
    reference = None  # which of them holds the File cell's words (hand_cells.carried_note)
    if shaped_like_ours({h for h, _, _ in cells}):  # our own table
        pinned = next((v for h, _, v in cells if h == "pinned"), "")
        parts.append(("", "", next((v for h, _, v in cells if h == "notes"), "")))
        # A column a person added ("Owner"), or cells past the header (a `|` typed in Notes), are
        # theirs too (columns.added_in_ours): kept in Notes rather than lost when the table is
        # written again.
        seen: set[str] = set()  # a second column of a name is one a person added
        for low, header, value in cells:
            again = bool(low) and low in seen
            seen.add(low)
            if low == "file" and not again:
                # The words beside the name ("[Persian news](x.txt)", "x.txt from the BBC") are a
                # person's, kept as a hand table's are; inside the markers, once told they are
                # there (IndexEntry.edited: the reference itself is the tool's).
                mine = not e.managed or (e.edited is not None and "file" in e.edited)
                words = reference_words(value, e.rel, e.written) if value and e.rel and mine else ""
                if words:
                    reference = (len(parts), lambda left: is_just_the_name(left, e.rel, e.written))
                    parts.append(("; ", "", words))
            elif value and added_in_ours(low, value, e.managed, e.tool_title, again, e.edited):
                # Typed after a `|` in the Notes cell, it was part of the note.
                parts.append((" | ", "", value) if not header else ("; ", header, value))
        # Our table: a `lang:` typed in its Notes (or a column added to it) moves to an empty
        # Pinned; beside a filled one it stays as typed. The reader's pin (lang_from_cells) reads
        # these cells in this order, so `check` reads before `index` the pin written here.
        return carried_note(pinned, parts, if_same=False, if_empty=True, reference=reference)
    # The row's pin is its first reference's (row_refs.py). A later cell's document is not
    # pinned by it (e.lang is None): its copy of the row's words goes without any `lang:`, which
    # in its Notes, under an empty Pinned, would pin it after `index` as nothing did before, and
    # without the Language cell that says the pin (the first document's Pinned says both).
    row_pin = lang_from_cells(e.cells, e.managed) if e.later else e.lang
    for low, header, value in cells:
        # A cell of a column index computes again goes only when it says what index would write.
        if not value or recomputed(low, value) or (low in LANG_HEADERS and value == row_pin):
            continue
        if e.later:
            value = unpinned(value)
        if same_name(footnote_marks(value)[0], e.written) or link_text_source(value, e.rel) is not None:
            # The reference cell: keep its words, with the link to the file shown as its text.
            text = reference_words(value, e.rel, e.written)
            if text:
                reference = (len(parts), lambda left: is_just_the_name(left, e.rel, e.written))
                parts.append(("; ", "", text))
            continue
        parts.append(("; ", "" if low in NOTE_HEADERS or not header else header, value))
    # The reader's pin (lang_from_cells reads every cell carried here, between the markers or
    # not) is the one; its `lang:` leaves the cell it was typed in.
    return carried_note(e.lang or "", parts, if_same=True, if_empty=e.managed, reference=reference)
