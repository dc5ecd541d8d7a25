"""Telling a person's words in the managed table's computed cells from the tool's own values.

Between the markers every cell but Pinned and Notes is the tool's to write, yet a person may
type there (a Status of "waiting on the author's permission", a title of their own, a `lang:`).
`index` carries such words into Notes as `Status: ...` (pinned_notes.adopted_fields), and `check`,
`tag` and `dedup` read a pin or `ignore:` typed there as `index` does. The tool's own values
there go stale (a status changes when another document comes or goes, a title when the first
line is edited, a language when the `languages` setting changes), and a stale value is no
person's word: carried, every such change would leave noise in Notes. So, by column:

- File holds the tool's reference: words beside it (`[x.txt](x.txt) from the BBC`, a footnote
  mark) are a person's, whatever the text did (entries.reference_words).
- Status, Language, Chars, Words and SHA-256 have a closed vocabulary, what some version of the
  tool writes there (columns.tools_vocabulary): a cell outside it is a person's. A status
  naming a document whose name has a space (which that vocabulary cannot tell from a person's
  sentence) is the tool's when it names a document INDEX.md lists or the folder holds.
- Title, Words and Chars follow from the text alone: while the row's SHA-256 cell is the
  document's short hash now (its text is the one the tool read), a cell that is not what
  `index` writes now was edited by a person. Once the text changed, the old value may be the
  tool's, stale, and is taken for it. (Language does not follow from the text alone: settings
  and pins settle it. Its vocabulary decides.)
- The cell `index` writes now is always its own (else every run would carry it again).

The reader cannot tell: it never reads the documents. Whoever knows them gives them to the parse
here, as title_cells.with_titles does for tables shaped like ours outside the markers: the
writer, from its rows, before it carries a word; the survey, from the analyses it made anyway,
for the rows whose pin or `ignore:` it may change (the only ones `check`, `tag` and `stats`
read); `dedup --apply`, for the rows it takes out (their words kept for `restore`); `index`, to
say which rows it carried words from. Until told, a managed row's computed cells are the tool's
(IndexEntry.edited None), as they always were: a pin typed there counts once told.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
import re
from collections.abc import Callable, Collection, Container, Mapping

from seedkeeper.indexmd.columns import COLUMNS, shaped_like_ours, tools_vocabulary
from seedkeeper.indexmd.entries import IndexDocument, IndexEntry, reference_words
from seedkeeper.indexmd.row_pins import lang_from_cells
from seedkeeper.indexmd.table import CellGuard, IndexRow, escape_text, file_link, title_cell
from seedkeeper.indexmd.title_cells import with_titles

# The columns whose value follows from the document's text alone.
_FROM_THE_TEXT = frozenset({"title", "words", "chars"})
# The cells the tool writes, File first: a person's words beside the link there are theirs too
# (`[x.txt](x.txt) from the BBC archive`), carried into Notes as outside the markers.
_COMPUTED = ("file", "language", "chars", "words", "sha-256", "status", "title")
_HEADER = operator.itemgetter(0)
_NONE: tuple[dict[str, int], None] = ({}, None)
# What row_values writes in Status, the file it names taken apart (any version's wording).
_NAMING = re.compile(
    r"(?:near duplicate of|contained in) (.+) \(\d\.\d\d\)|duplicate of (.+?)(?: \((?:exact|normalized)\))?"
)


def with_documents(
    doc: IndexDocument, rows: Mapping[str, IndexRow], guard: CellGuard, name: Callable[[str], str] | None = None
) -> IndexDocument:
    """`doc` told what `index` writes now for each document in `rows` (by file): outside the
    markers, the Title cells (title_cells.with_titles); inside, every managed row (with_edits).
    What the writer does before it carries a word."""
    doc = with_titles(doc, {f: r.title for f, r in rows.items()}, guard, name)
    return with_edits(doc, rows, guard, name)


def with_edits(
    doc: IndexDocument,
    rows: Mapping[str, IndexRow],
    guard: CellGuard,
    name: Callable[[str], str] | None = None,
    lines: Container[int] | None = None,
) -> IndexDocument:
    """`doc` with each managed row of a document in `rows` (on one of `lines`, 1-based, when
    given) told the computed cells a person typed in (IndexEntry.edited) and the pin read with
    them. A row's `status` and `lang` are "" where they are not known (the survey's, before it
    clusters): the vocabulary alone decides those cells then. `name` maps an entry's path to
    the file it names.

    `doc` itself comes back when nothing changes (nearly always), after one pass over its
    entries: a few microseconds a row."""
    named = name or (lambda rel: rel)
    entries: list[IndexEntry] | None = None
    teller = _Teller(guard, lambda: {*rows, *(named(e.rel) for e in doc.entries if e.rel is not None)})
    for k, e in enumerate(doc.entries):
        if not e.managed or e.kind != "table" or e.rel is None or (lines is not None and e.line not in lines):
            continue
        row = rows.get(e.rel if name is None else name(e.rel))
        at, six = _columns(tuple(map(_HEADER, e.cells))) if row is not None else _NONE
        if not at or (six is not None and teller.as_written(e.cells, six, row)):
            told = None  # every computed cell the tool's (nearly every row)
        else:
            told = teller.edited(e.cells, at, row, e.rel, e.written) or None
        if told == e.edited:
            continue
        if entries is None:
            entries = list(doc.entries)
        lang = lang_from_cells(e.cells, True, e.tool_title, e.rel, e.written, told)
        entries[k] = dataclasses.replace(e, edited=told, lang=lang)
    return doc if entries is None else dataclasses.replace(doc, entries=entries)


def lines_that_may_pin(text: str) -> set[int]:
    """The lines (1-based) of INDEX.md `text` that hold `lang` (in any case) or `ignore`: the
    only managed rows whose telling (with_edits) may change a pin or an `ignore:`, all `check`,
    `tag` and `stats` read of them. A few scans of the text's bytes (a regex ignoring case
    costs ten times more), not a pass over 100,000 rows."""
    data = text.encode("utf-8", "surrogatepass").lower()
    found = []
    for word in (b"lang", b"ignore"):
        at = data.find(word)
        while at != -1:
            found.append(at)
            at = data.find(word, at + 1)
    out: set[int] = set()
    line, last = 1, 0
    for at in sorted(found):
        line += data.count(b"\n", last, at)
        last = at
        out.add(line)
    return out


@functools.lru_cache(maxsize=256)
def _columns(headers: tuple[str, ...]) -> tuple[dict[str, int], tuple[int, ...] | None]:
    """Where a table's computed columns are (the first of each name: a second one is a column a
    person added), when it is shaped like ours, else nothing (a table typed between the markers,
    read as a hand-written one); and the same in _COMPUTED's order when it has all seven (ours
    does), for _Teller.as_written. Once per table, not once per row."""
    lows = [h.strip().lower() for h in headers]
    if not shaped_like_ours(set(lows)):
        return _NONE
    at = {h: lows.index(h) for h in _COMPUTED if h in lows}
    return at, (tuple(at.values()) if len(at) == len(_COMPUTED) else None)


class _Teller:
    """Tells, row by row, which computed cells a person typed in (module docstring). One per
    pass: a status or language is escaped once, the documents a status may name are gathered
    only when a status asks."""

    def __init__(self, guard: CellGuard, known: Callable[[], Collection[str]]):
        self.guard, self._known = guard, functools.cache(known)
        self._shown: dict[str, str] = {}

    def as_written(self, cells: tuple[tuple[str, str], ...], six: tuple[int, ...], row: IndexRow) -> bool:
        """Whether every computed cell of the row is what `index` writes now (a status or
        language not known yet: one of the vocabulary). Nearly every row: the way through a
        100,000-row table, without a loop or a pattern."""
        file, lang, chars, words, sha, status, title = six
        shown = self._shown
        return (
            cells[sha][1] == row.sha
            # The plain `[x.txt](x.txt)` first: a tenth of file_link's cost, 100,000 rows over.
            and (cells[file][1] == f"[{row.file}]({row.file})" or cells[file][1] == self._link(row.file))
            and cells[words][1] == str(row.words)
            and cells[chars][1] == str(row.chars)
            and cells[title][1] == row.title
            and (cells[status][1] == shown.get(row.status) or self._is_now("status", cells[status][1], row.status))
            and (cells[lang][1] == shown.get(row.lang) or self._is_now("language", cells[lang][1], row.lang))
        )

    def _is_now(self, header: str, cell: str, now: str) -> bool:
        """A status or language cell says what `index` writes now (when not known: nothing, or
        what it could write)."""
        return cell == self._shown_of(now) or (not now and _vocabulary(header, cell))

    def _link(self, file: str) -> str:
        """The File cell render_row writes for `file`, as the table reader gives it back."""
        return file_link(file).replace("\\|", "|")

    def edited(
        self, cells: tuple[tuple[str, str], ...], at: dict[str, int], row: IndexRow, rel: str, written: str
    ) -> frozenset[str]:
        """The headers of the row's computed cells a person typed in (the File cell: words
        beside the reference to `rel`, written `written`)."""
        sha = at.get("sha-256")
        unchanged = sha is not None and row.sha != "" and cells[sha][1].strip() == row.sha
        edited: list[str] = []
        for h, k in at.items():
            value = cells[k][1].strip()
            if not value:
                continue
            if h == "file":
                # The reference is the tool's, in whatever spelling (an older version's, a bare
                # name); anything beside it, a footnote mark too, is a person's.
                if reference_words(value, rel, written):
                    edited.append(h)
            elif h == "title":
                # Any text may be a title: told only while the text is unchanged, the cheap ways
                # first (most titles need no escaping; a cell that unescapes to the title says
                # only the title: nothing is lost when it goes).
                if (
                    unchanged
                    and row.title not in (value, _unescaped(value))
                    and value != title_cell(row.title, self.guard)
                ):
                    edited.append(h)
            elif value == self._now(h, row):
                continue  # what index writes now is its own (else every run would carry it again)
            elif h in _FROM_THE_TEXT and unchanged:
                edited.append(h)  # the text is the one the tool read: it would write the very cell it wrote
            elif not _in_vocabulary(h, value) and not (h == "status" and _names_one_of(value, self._known)):
                edited.append(h)
        return frozenset(edited)

    def _now(self, header: str, row: IndexRow) -> str:
        """The cell `index` writes now in column `header` (not Title) for `row`, as read back."""
        if header in ("words", "chars"):
            return str(row.words if header == "words" else row.chars)
        if header == "sha-256":
            return row.sha
        return self._shown_of(row.status if header == "status" else row.lang)

    def _shown_of(self, value: str) -> str:
        """A status or language as its cell reads back, escaped and guarded as render_row writes
        it: few distinct values, row after row."""
        shown = self._shown.get(value)
        if shown is None:
            shown = self._shown[value] = self.guard(escape_text(value)).replace("\\|", "|") if value else ""
        return shown


def _in_vocabulary(header: str, value: str) -> bool:
    """columns.tools_vocabulary, statuses and languages (which repeat) kept."""
    return _vocabulary(header, value) if header in ("status", "language") else tools_vocabulary(header, value)


def _unescaped(cell: str) -> str:
    """A computed cell's text as escape_text and CellGuard had it: backslash escapes and the
    guard's `&#46;` undone (an escaped `\\&#46;` is a person's text, and stays)."""
    if "\\" not in cell and "&#46;" not in cell:
        return cell
    return re.sub(r"\\(.)", r"\1", re.sub(r"(?<!\\)&#46;", ".", cell))


@functools.lru_cache(maxsize=4096)
def _vocabulary(header: str, value: str) -> bool:
    """tools_vocabulary of a status or language, kept: they repeat row after row."""
    return tools_vocabulary(header, value)


def _names_one_of(status: str, known: Callable[[], Collection[str]]) -> bool:
    """Whether `status` is worded as the tool words one (`duplicate of my file.txt (exact)`)
    and names a document in `known()`: a name with a space, which the vocabulary cannot tell."""
    m = _NAMING.fullmatch(status)
    if m is None:
        return False
    # Written as escape_text and CellGuard write it: a backslash before a special character.
    return _unescaped(next(g for g in m.groups() if g)) in known()


def edited_rows(doc: IndexDocument) -> dict[str, tuple[str, ...]]:
    """file -> the columns (as the table names them) of its managed row that a person typed in,
    once `doc` was told (with_documents): what `index` keeps in Notes, labelled, and says so."""
    names = {c.lower(): c for c in COLUMNS}
    return {e.rel: tuple(names[h] for h in _COMPUTED if h in e.edited) for e in doc.entries if e.edited and e.rel}
