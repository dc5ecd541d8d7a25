"""The managed table in INDEX.md: its columns, how one row becomes one line of GFM, and how to read
back what a person wrote (the Pinned and Notes cells, or a hand-written list line or table row
being adopted), so later runs carry it over. Which of a hand table's cells say only what the
tool computes, and how the others are joined into Notes, is hand_cells.py's job.

Two kinds of cell text are handled differently on purpose:
- computed values (file name, title, status, ...) are plain text and are escaped so GitHub shows
  them literally (`*` stays a star, `[x](y)` never becomes a link);
- Notes and Pinned are a person's Markdown and are kept as written; only `|` is escaped (GFM cells
  cannot hold a bare pipe) and line breaks become spaces (a row is one line).
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass

from seedkeeper.corpus.paths import looks_like_reference, shown
from seedkeeper.corpus.titles import short_title
from seedkeeper.indexmd.columns import (
    COLUMNS,
    LANG_HEADERS,
    NOTE_HEADERS,
    added_in_ours,
    recomputed,
    shaped_like_ours,
)
from seedkeeper.indexmd.entries import (
    IndexDocument,
    IndexEntry,
    item_label,
    item_lang,
    item_note,
    link_text_source,
    pinned_lang,
    reference_words,
    same_name,
)
from seedkeeper.indexmd.footnotes import footnote_marks
from seedkeeper.indexmd.hand_cells import carried_note, moved_to_pinned
from seedkeeper.indexmd.markers import BEGIN_MARKER, END_MARKER

_DELIMITER = "| --- | --- | --- | ---: | ---: | --- | --- | --- | --- |"
# The heading of an INDEX.md the tool creates from nothing.
NEW_INDEX_HEADING = "# Index"
HEADER_COMMENT = (
    "<!-- Written by `seedkeeper index`: edit only the Pinned and Notes columns; text outside the markers is yours. -->"
)

# Characters that mean something inline in GFM (and `$` for GitHub math); escaped in plain text.
_INLINE_SPECIAL = set("\\`*[]<>&|~$")
# Bidi embeddings/overrides/isolates would reorder the rest of the table row on screen.
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SIMPLE_DEST = re.compile(r"[\w.\-/~+,=@]+")


@dataclass(frozen=True)
class IndexRow:
    """One document's row in the managed table: what the tool computed about it."""

    file: str  # relative path, '/'-separated
    lang: str  # detected language (BCP 47 or "und"), or "" if unknown
    chars: int
    words: int
    sha: str  # short content hash (first 12 hex of sha256)
    status: str  # "ok" | "duplicate of 000_x.txt" | "near duplicate of 000_x.txt (0.91)" | ...
    title: str  # first line; shortened and escaped when rendered


_CONTROL_OR_BIDI = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# A character escape_text changes: a special one, or a `_` not between two letters or digits
# ([^\W_] is what str.isalnum accepts). Most cells hold none; file names hold intraword ones.
_NEEDS_ESCAPE = re.compile("[" + re.escape("".join(sorted(_INLINE_SPECIAL))) + "]|(?<![^\\W_])_|_(?![^\\W_])")


def escape_text(text: str) -> str:
    """Plain text -> inline Markdown that renders as exactly that text (one line)."""
    # Control characters (a file name with ESC) are shown as `\\x1b`: INDEX.md never holds them raw.
    text = shown(" ".join(text.splitlines()))
    if not _NEEDS_ESCAPE.search(text):
        return text  # the common case (a language tag, a hash, most titles): nothing to do
    out = []
    for i, ch in enumerate(text):
        if ch in _INLINE_SPECIAL:
            out.append("\\" + ch)
        elif ch == "_" and not (0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()):
            out.append("\\_")  # intraword `_` (000_x.txt) cannot emphasize; leave it readable
        else:
            out.append(ch)
    return "".join(out)


def escape_cell(content: str) -> str:
    """Cell content (a person's Markdown as the table parser hands it back) -> cell source.

    The GFM table parser drops the backslash before every escaped pipe; escaping every pipe is its
    exact inverse, so a cell read back and written again is byte-identical."""
    one_line = " ".join(content.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return one_line.replace("|", "\\|").strip()


def cell_content(markdown: str) -> str:
    """Markdown from outside a table (a list line's note) -> what it is as cell content: `\\|` and
    `|` both show a pipe, and in a cell both are written `\\|`."""
    return markdown.replace("\\|", "|")


def file_link(rel: str) -> str:
    """`[000_x.txt](000_x.txt)`; the target percent-encoded when it holds spaces, `%`, `#`, ..."""
    dest = rel if _SIMPLE_DEST.fullmatch(rel) else urllib.parse.quote(rel, safe="/")
    return f"[{escape_text(rel)}]({dest})"


def list_reference(rel: str) -> str:
    """How a new hand-written list line or table cell names a file: bare when that is unambiguous."""
    return rel if _SIMPLE_DEST.fullmatch(rel) else file_link(rel)


class CellGuard:
    """Makes sure a non-File cell never reads back as a document reference (a title that is just
    `notes.txt` would otherwise be listed): its dots become `&#46;`, which renders the same."""

    def __init__(self, include: tuple[str, ...], name_pattern: str):
        self.include, self.name_re = include, re.compile(name_pattern)
        self._seen: dict[str, str] = {}  # languages, statuses and counts repeat row after row

    def __call__(self, cell: str) -> str:
        if "." not in cell:
            return cell  # nothing to guard: counts, hashes, languages, most statuses
        done = self._seen.get(cell)
        if done is not None:
            return done
        seen_as = cell.replace("\\|", "|").strip().strip("`")
        out = cell
        if seen_as and looks_like_reference(seen_as, self.include, self.name_re, from_link=False):
            out = cell.replace(".", "&#46;")
        if len(self._seen) < 100_000:
            self._seen[cell] = out
        return out


def row_line(cells: Sequence[str]) -> str:
    """One table line from already-escaped cells."""
    return "| " + " | ".join(cells) + " |"


def header_lines() -> list[str]:
    return [row_line(COLUMNS), _DELIMITER]


def render_row(row: IndexRow, pinned: str, notes: str, guard: CellGuard) -> str:
    """A full row: computed cells escaped as plain text, the person's cells kept as Markdown."""
    computed = [
        escape_text(row.lang),
        escape_cell(pinned),
        str(row.chars),
        str(row.words),
        escape_text(row.sha),
        escape_text(row.status),
        title_source(row.title),
        escape_cell(notes),
    ]
    return row_line([file_link(row.file)] + [guard(c) for c in computed])


def title_source(title: str) -> str:
    """A document's title as its Title cell shows it: the first line, shortened, escaped."""
    return escape_text(short_title(title))


def title_cell(title: str, guard: CellGuard) -> str:
    """The Title cell render_row writes for a document titled `title` (guarded too), as the
    table reader gives it back: a pipe escaped in the source is bare in the cell read."""
    return guard(title_source(title)).replace("\\|", "|")


def placeholder_row(rel: str, pinned: str = "", notes: str = "") -> str:
    """A row with the File cell (and a person's Pinned and Notes, if any): the next
    `seedkeeper index` fills in the rest."""
    cells = [file_link(rel)] + [""] * (len(COLUMNS) - 1)
    cells[COLUMNS.index("Pinned")] = escape_cell(pinned)
    cells[COLUMNS.index("Notes")] = escape_cell(notes)
    return row_line(cells)


def block_lines(rows: Sequence[IndexRow], carried: dict[str, tuple[str, str]], guard: CellGuard) -> list[str]:
    """The lines strictly between the markers. `carried` maps a file to its (pinned, notes)."""
    out = [HEADER_COMMENT, "", *header_lines()]
    seen: set[str] = set()
    for row in rows:
        if row.file in seen:
            continue
        seen.add(row.file)
        pinned, notes = carried.get(row.file, ("", ""))
        out.append(render_row(row, pinned, notes, guard))
    out.append("")
    return out


def full_block(rows: Sequence[IndexRow], carried: dict[str, tuple[str, str]], guard: CellGuard) -> list[str]:
    return [BEGIN_MARKER, *block_lines(rows, carried, guard), END_MARKER]


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
                # Outside the markers, the words beside the name ("[Persian news](x.txt)") are a
                # person's, kept as a hand table's are; inside, the File cell is the tool's.
                words = reference_words(value, e.rel, e.written) if value and e.rel and not e.managed else ""
                if words:
                    parts.append(("; ", "", words))
            elif value and added_in_ours(low, value, e.managed, e.tool_title, again, e.edited):
                # Typed after a `|` in the Notes cell, it was part of the note.
                parts.append((" | ", "", value) if not header else ("; ", header, value))
        # Our table: a `lang:` typed in its Notes (or a column added to it) moves to an empty
        # Pinned; beside a filled one it stays as typed. The reader's pin (lang_from_cells) reads
        # these cells in this order, so `check` reads before `index` the pin written here.
        return carried_note(pinned, parts, if_same=False, if_empty=True)
    for low, header, value in cells:
        # A cell of a column index computes again goes only when it says what index would write.
        if not value or recomputed(low, value) or (low in LANG_HEADERS and value == e.lang):
            continue
        if same_name(footnote_marks(value)[0], e.written) or link_text_source(value, e.rel) is not None:
            # The reference cell: keep its words, with the link to the file shown as its text.
            text = reference_words(value, e.rel, e.written)
            if text:
                parts.append(("; ", "", text))
            continue
        parts.append(("; ", "" if low in NOTE_HEADERS or not header else header, value))
    # The reader's pin (lang_from_cells reads every cell carried here, between the markers or
    # not) is the one; its `lang:` leaves the cell it was typed in.
    return carried_note(e.lang or "", parts, if_same=True, if_empty=e.managed)
