"""Adding and removing references in INDEX.md without rewriting it: what `add`, `dedup --apply`
and `restore` change between two `index` runs. Every other byte stays as it was."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from seedkeeper.corpus.paths import by_nfc, spelled_as_file
from seedkeeper.indexmd.entries import IndexDocument, same_name
from seedkeeper.indexmd.hand_rows import Saved
from seedkeeper.indexmd.layout import (
    Layout,
    Remover,
    emit,
    finish_text,
    prepare,
    same_endings,
    trim,
)
from seedkeeper.indexmd.list_placement import with_new_list
from seedkeeper.indexmd.own_tables import row_shape
from seedkeeper.indexmd.pinned_notes import with_pinned
from seedkeeper.indexmd.put_back import hand_row_line, where_they_were
from seedkeeper.indexmd.reader import parse_index
from seedkeeper.indexmd.row_cells import listed_now
from seedkeeper.indexmd.table import (
    NEW_INDEX_HEADING,
    header_lines,
    list_reference,
    placeholder_row,
)
from seedkeeper.settings import DEFAULT_NAME_PATTERN

__all__ = ["remove_entries", "add_entries", "not_put_back"]

# A task list item's box at a saved note's start: `[x] done` was `- [x] 000_x.txt — done`.
_TASK_BOX = re.compile(r"(\[[ xX]\])(?:\s+|$)")


def remove_entries(
    text: str,
    files: Sequence[str],
    *,
    include: tuple[str, ...] = ("*.txt",),
    name_pattern: str = DEFAULT_NAME_PATTERN,
    others: Collection[str] = (),
) -> str:
    """Drop the references to `files`: their managed-table rows, hand-written list items or table
    rows (only a file's cell, in a hand table row that lists another document too). Links in
    prose are left alone (they are the person's sentences). Other bytes unchanged.

    A reference in another Unicode spelling of a file ("café.txt" typed composed, the file
    decomposed) names it too, unless that spelling is one of `others`, the other files in the
    folder: then it names that one."""
    bom, lines = prepare(text)
    joined = "\n".join(lines)
    doc = parse_index(joined, tuple(include), name_pattern)
    targets = set(files)
    if any(not f.isascii() for f in targets):
        known = targets.union(others)
        known_by_nfc = by_nfc(known)
        targets.update(e.rel for e in doc.entries if e.rel and spelled_as_file(e.rel, known, known_by_nfc) in targets)
    remover = Remover(lines, keep=[(b, e + 1) for b, e in doc.managed_spans], entries=doc.entries)
    row_owner: set[int] = set()
    for e in doc.entries:
        first_on_row = e.line not in row_owner
        row_owner.add(e.line)
        if e.rel not in targets or e.kind == "link":
            continue
        if e.managed and e.kind == "table":
            if first_on_row:  # the File cell; a link to the file in another row's Notes is prose
                remover.gone.add(e.line - 1)
        else:
            remover.entry(e)
    # A hand table whose every row leaves keeps its header: the column names are the person's,
    # and `restore` puts a row back under them. A row listing another document too stays, the
    # moved one's cell emptied (row_cells.py).
    gone = remover.finish(header_stays=lambda node: True)
    return text if not gone and not remover.edited else bom + "\n".join(emit(lines, gone))


def add_entries(
    text: str | None,
    files: Sequence[str],
    *,
    include: tuple[str, ...] = ("*.txt",),
    name_pattern: str = DEFAULT_NAME_PATTERN,
    carried: dict[str, tuple[str, str]] | None = None,
    others: Collection[str] = (),
    rows: dict[str, tuple[tuple[tuple[str, str], ...], tuple[str, str], tuple[str, str]]] | None = None,
) -> str:
    """Reference new files (see _add_entries), in the line endings INDEX.md is written with.

    A file INDEX.md lists already, in either Unicode spelling of its name ("café.txt" typed
    composed, the file decomposed), is skipped, unless that spelling is one of `others`, the
    other files in the folder: then it names that one. `carried` gives a file's (pinned, notes)
    that a person wrote before, `rows` the cells of the hand table row that listed it, what its
    other listings said and the files on the rows either side of it (a restore puts them back,
    where the row was: carried.rows_beside, own_tables)."""
    saved = {
        f: Saved(*(carried or {}).get(f, ("", "")), *(rows or {}).get(f, ((), ("", ""), ("", ""))))
        for f in set(carried or ()).union(rows or ())
    }
    new = _add_entries(text, files, (include, name_pattern), saved, others)
    return same_endings(text, new)


def _unlisted(doc: IndexDocument, files: Sequence[str], others: Collection[str]) -> list[str]:
    """`files` (each once) that no list item or table row of `doc` names, as the corpus model
    reads them for duplicate-entry: a link (in prose, or in a Notes cell of the managed table)
    is a mention, and a name in the other Unicode spelling names the file unless that spelling
    is a file of its own (one of `files` or `others`)."""
    # A later cell's listing (row_refs.settle_later_cells) was a mention while the document's own
    # listing stood: with that one gone (dedup --apply) it reads as a listing, but it is no
    # person writing the file back, and the own listing is what restore puts back.
    listed = {e.rel for e in doc.entries if e.rel is not None and e.kind != "link" and not e.later}
    wanted = list(dict.fromkeys(files))
    if any(not f.isascii() for f in wanted):
        known = set(wanted).union(others)
        known_by_nfc = by_nfc(known)
        listed.update({spelled_as_file(rel, known, known_by_nfc) for rel in listed})
    return [f for f in wanted if f not in listed]


def _add_entries(
    text: str | None,
    files: Sequence[str],
    names: tuple[tuple[str, ...], str],
    saved: dict[str, Saved],
    others: Collection[str],
) -> str:
    """Reference new files: a restored one where it was (put_back); else a placeholder row in the
    last managed table (the next `index` fills it), else a line after the last hand-written
    document list (same marker), a row after the last hand-written document table, or a new list
    at the end (where the parse shows it and nothing else changes: list_placement). Files
    already listed are skipped (_unlisted).
    `saved` gives what a person wrote about a file before (a restore puts it back)."""
    include, name_pattern = names

    def list_line(f: str) -> str:
        pinned, notes = (s := saved.get(f, Saved())).pinned, s.notes
        if pinned:
            notes = with_pinned(notes, pinned)
        box = _TASK_BOX.match(notes)  # a task list item's box (reader.task_box) goes before the name again
        if box:
            notes = notes[box.end() :]
        return (f"{box.group(1)} " if box else "") + list_reference(f) + (f" — {notes}" if notes else "")

    if text is None or not text.strip("\ufeff \t\r\n"):
        return "\n".join([NEW_INDEX_HEADING, "", *(f"- {list_line(f)}" for f in dict.fromkeys(files))]) + "\n"
    bom, lines = prepare(text)
    joined = "\n".join(lines)
    doc = parse_index(joined, tuple(include), name_pattern)
    new = _unlisted(doc, files, others)
    if not new:
        return text
    if not lines[-1] == "":
        lines.append("")  # the text ends with a newline after this
    if any(f in saved and (saved[f].cells or any(saved[f].between)) for f in new):  # a restore: add saves nothing
        inserts, placed = where_they_were(lines, doc, new, saved, names, list_line)
        if placed:
            text = bom + "\n".join(emit(lines, set(), inserts=inserts))
            rest = [f for f in new if f not in placed]
            return _add_entries(text, rest, names, saved, others) if rest else text
    if doc.managed_spans:
        begin, end = doc.managed_spans[-1]  # new documents go to the last table, as `index` puts them
        table = [i for i in range(begin + 1, end) if lines[i].lstrip().startswith("|")]
        block = [placeholder_row(f, (s := saved.get(f, Saved())).pinned, s.notes) for f in new]
        at = table[-1] + 1 if table else end
        return bom + "\n".join(emit(lines, set(), at, block if table else ["", *header_lines(), *block, ""]))
    layout = Layout(joined)
    hand = [
        e
        for e in doc.entries
        if e.kind in ("list", "table") and (e.line - 1 in layout.items or e.line - 1 in layout.rows)
    ]
    if hand and hand[-1].kind == "list" and (item := layout.items[hand[-1].line - 1]).parent is not None:
        last = item.parent.members[-1]
        m = re.match(r"(\s*)(?:([-*+])|(\d+)([.)]))", lines[last.start])
        indent, bullet, num, delim = m.groups() if m else ("", "-", None, None)
        markers = [bullet] * len(new) if bullet else [f"{int(num) + k + 1}{delim}" for k in range(len(new))]
        block = [f"{indent}{mk} {list_line(f)}" for mk, f in zip(markers, new)]
        return bom + "\n".join(emit(lines, set(), trim(lines, item.parent.start, item.parent.end), block))
    if hand and hand[-1].kind == "table":
        # The last row's first listing: a row may list several documents (row_refs.py), and a
        # new row names its document in the column the table's rows name theirs first.
        e = next(x for x in hand if x.line == hand[-1].line)
        table = layout.rows[e.line - 1]
        shape = row_shape(e, lines[table.start + 1])
        listed = listed_now(doc.entries)
        block = [hand_row_line(shape, f, saved.get(f, Saved()), names, listed) for f in new]
        return bom + "\n".join(emit(lines, set(), table.end, block))
    return finish_text(bom, with_new_list(lines, [f"- {list_line(f)}" for f in new], names))


def not_put_back(
    text: str | None,
    rel: str,
    saved: tuple[str, str],
    *,
    include: tuple[str, ...] = ("*.txt",),
    name_pattern: str = DEFAULT_NAME_PATTERN,
) -> tuple[str, str, int | None] | None:
    """The (pinned, notes, line) of `saved` that INDEX.md `text` (as add_entries left it) does not
    hold for `rel`, or None when it holds them all. add_entries skips a file listed already: a
    person wrote its line back, and that line is theirs, so the saved words are not merged into
    it; the caller says so instead. `line` is the person's listing (None: no INDEX.md)."""
    pinned, notes = saved
    if not pinned and not notes:
        return None
    if text is None:
        return pinned, notes, None
    from seedkeeper.indexmd.carried import written_beside

    doc = parse_index(text, tuple(include), name_pattern)
    listings = [e for e in doc.entries if e.kind != "link" and not e.later and same_name(e.rel, rel)]
    if not listings:
        return pinned, notes, None
    has_pin, has_notes = written_beside(text, listings, name=lambda _r: rel).get(rel, ("", ""))
    missing_pin = pinned if pinned and pinned != has_pin else ""
    # A note counts as kept when the person's words include it (spacing aside).
    missing_notes = notes if notes and " ".join(notes.split()) not in " ".join(has_notes.split()) else ""
    if not missing_pin and not missing_notes:
        return None
    return missing_pin, missing_notes, listings[0].line
