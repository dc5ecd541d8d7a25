"""The managed table in INDEX.md: its rows, how one row becomes one line of GFM, and how cell text
is escaped. Reading back what a person wrote (the Pinned and Notes cells, or a hand-written list
line or table row being adopted), so later runs carry it over, is pinned_notes.py's job.

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
from seedkeeper.indexmd.columns import COLUMNS
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
    # shown() first: a line break in the name is shown `\x0a`, as its other control characters
    # are (escape_text makes a title's line breaks spaces, which would name another file).
    return f"[{escape_text(shown(rel))}]({dest})"


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
