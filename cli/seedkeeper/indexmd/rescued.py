"""What a person typed between the markers that is not the managed table (a to-do list, a
sentence): `index` rewrites everything between the markers, so it is moved above the begin
marker rather than overwritten. And when a person's table loses all its rows to the managed
table, whether its header may go with them (header_said).

A list line or table row naming a document on disk is not moved: its note and pinned language go
to the table (pinned_notes.managed_fields). Nor is a row of the managed table (or of a table
shaped like it) naming a file that is gone: that row is the tool's, and goes with its document.
A person's list item or table row naming a file not on disk is theirs, as outside the markers,
where it stays and `check` reports it missing-file: no row of the new table carries it, so it
moves above the begin marker whole, its table's header and delimiter row with it. Nor are the
header and delimiter rows of a table whose rows all went there, when no column name in that
header would be lost: a person who added a column to the managed table, or aligned its header,
would otherwise find an empty table left above it. A header naming a column nobody has filled
in yet is a person's word, and stays (an empty table is better than a lost word): above the
markers, or where an adopted table was.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from functools import lru_cache

from seedkeeper.indexmd.columns import COMPUTED_HEADERS, LANG_HEADERS, NOTE_HEADERS, OUR_HEADERS, shaped_like_ours
from seedkeeper.indexmd.entries import IndexDocument, IndexEntry
from seedkeeper.indexmd.layout import is_blank
from seedkeeper.indexmd.row_cells import row_body
from seedkeeper.indexmd.table import HEADER_COMMENT, header_lines

_CELL_SPLIT = re.compile(r"(?<!\\)\|")
# Column names whose cells have a place in the managed table (its own columns, a hand table's
# Comments going to Notes, its Lang to Pinned, its Size computed as Chars): said by that place.
_ROLES = OUR_HEADERS | NOTE_HEADERS | LANG_HEADERS | COMPUTED_HEADERS
_DELIMITER_CELL = re.compile(r"\s*:?-+:?\s*")
_OWN = frozenset({HEADER_COMMENT, *header_lines()})


def rescued(
    lines: list[str],
    doc: IndexDocument,
    begin: int,
    end: int,
    carried: Mapping[str, tuple[str, str]],
    files: Collection[str],
) -> list[str]:
    """The lines strictly between markers `begin` and `end` that a person wrote and the new
    table does not carry, blank-separated as they were, to go above the begin marker ([] when
    there are none). `carried` is every file's (Pinned, Notes) as the new table writes them;
    `files` are the documents on disk (the new table's rows)."""
    rows: dict[int, IndexEntry] = {}
    for e in doc.entries:
        if e.managed and e.kind in ("list", "table") and (e.rel in files or _tool_row(e)):
            rows.setdefault(e.line - 1, e)
    tables = _tables(lines, begin, end)
    # Only a document on disk has a row to say a column's name in (a tool row of one that is
    # gone goes unwritten, and a column a person added to it is then said nowhere).
    written = {f: said for f, said in carried.items() if f in files}
    spent = _spent_headers(lines, tables, rows, written)
    # The body rows of a table whose header stays (it heads a row that moves, or names a column
    # nobody filled): a row carried into the new table leaves no gap there, which would part
    # the rows that move from their header (a table row after a blank line is a paragraph).
    kept_body = {j for head, body in tables.items() if head not in spent for j in body}
    # A row that moves out of a table whose header does not (the managed table's own, which the
    # new table writes again) takes a copy of that header along: a table row without its header
    # and delimiter is a paragraph of pipes on GitHub, not a table.
    head_of = {j: head for head, body in tables.items() for j in body}
    headed: set[int] = set()
    out: list[str] = []
    for i in range(begin + 1, end):
        ours = i in rows or i in spent or lines[i].strip() in _OWN
        if not ours and not is_blank(lines[i]):
            head = head_of.get(i)
            if head is not None and head not in headed and _dropped(lines, head, spent, _OWN):
                if out and out[-1] != "":
                    out.append("")
                out.extend(lines[head : head + 2])
            if head is not None:
                headed.add(head)
            out.append(lines[i])
        elif out and out[-1] != "" and i not in kept_body:
            out.append("")  # what separated the person's blocks still does
    if not out:
        return []
    return out + ([""] if out[-1] else [])


def _dropped(lines: list[str], head: int, spent: Collection[int], own: Collection[str]) -> bool:
    """Whether the header and delimiter lines of the table headed at `head` stay behind."""
    return all(k in spent or lines[k].strip() in own for k in (head, head + 1))


def moved_out(old: str, new: str) -> list[str]:
    """The lines a person typed between the markers of `old` that `new` (index's rewrite of it)
    holds outside every managed block: what `rescued` moved above a begin marker, so that `index`
    can say so (a line that was already outside too is not counted twice). Read off the two
    texts, as a diff would show them, in the order they stood."""
    from collections import Counter

    from seedkeeper.indexmd.markers import managed_spans

    def split(text: str) -> tuple[list[str], list[str]]:
        lines = [line.rstrip("\r") for line in text.split("\n")]
        spans = managed_spans(lines, text)
        inner = {i for b, e in spans for i in range(b, e + 1)}
        inside = [lines[i] for b, e in spans for i in range(b + 1, e)]
        return inside, [line for i, line in enumerate(lines) if i not in inner]

    old_inside, old_outside = split(old)
    new_outside = Counter(split(new)[1])
    new_outside.subtract(Counter(old_outside))
    out = []
    for line in old_inside:
        if line.strip() and line.strip() not in _OWN and new_outside[line] > 0:
            new_outside[line] -= 1
            out.append(line)
    return out


def _tool_row(e: IndexEntry) -> bool:
    """Whether managed entry `e` is a row of the managed table, or of a table shaped like it
    typed between the markers (its header aligned, a column added): the tool's row, which a
    document that is gone takes with it. Any other list item or row there is a person's."""
    return e.kind == "table" and shaped_like_ours({h.strip().lower() for h, _ in e.cells})


def moves_a_listing(doc: IndexDocument, begin: int, end: int, files: Collection[str]) -> bool:
    """Whether the block between markers `begin` and `end` holds a person's listing of a file
    not on disk (not in `files`), which `rescued` moves above the begin marker."""
    return any(
        e.managed and e.kind != "link" and e.rel not in files and begin < e.line - 1 < end and not _tool_row(e)
        for e in doc.entries
    )


def keeps_missing_listings(
    candidate: str, current: str, files: frozenset[str], names: tuple[tuple[str, ...], str]
) -> bool:
    """Whether `candidate`, a rewrite of `current`, still lists each file not on disk (not in
    `files`) as often as a person listed it in `current` (list items and table rows; the tool's
    own rows aside). Checked, not predicted: a listing moved above the begin marker lands in
    what is above it, and a comment left open there (`<!-- note`, which the marker's `-->`
    closed) would hide it, so `check` would no longer say it is missing."""
    wanted = _missing_listings(current, files, names)
    if not wanted:
        return True  # the usual case: every listing names a document on disk
    found = _missing_listings(candidate, files, names)
    return all(found.get(f, 0) >= n for f, n in wanted.items())


@lru_cache(maxsize=4)
def _missing_listings(text: str, files: frozenset[str], names: tuple[tuple[str, ...], str]) -> dict[str, int]:
    """file not on disk -> how many list items and table rows of a person's list it in `text`.
    Cached: the writer checks each candidate rewrite against the same text."""
    from seedkeeper.indexmd.adoption import aliased  # adoption imports this module
    from seedkeeper.indexmd.reader import parse_index

    out: dict[str, int] = {}
    for e in aliased(parse_index(text, *names), set(files)).entries:
        if e.kind != "link" and (e.rel or e.written) not in files and not (e.managed and _tool_row(e)):
            out[e.rel or e.written] = out.get(e.rel or e.written, 0) + 1
    return out


def _cells(line: str) -> list[str]:
    """A table line's cells, after its container prefix (a blockquote's `> `: row_body)."""
    inner = row_body(line)[1].strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [c.strip() for c in _CELL_SPLIT.split(inner)]


def _tables(lines: list[str], begin: int, end: int) -> dict[int, list[int]]:
    """header line -> its body lines, for each table between markers `begin` and `end`."""
    out: dict[int, list[int]] = {}
    for i in range(begin + 1, end - 2):
        delimiter = _cells(lines[i + 1])
        if not lines[i].lstrip().startswith("|") or not all(_DELIMITER_CELL.fullmatch(c) for c in delimiter):
            continue
        if len(_cells(lines[i])) != len(delimiter):
            continue
        k = i + 2
        while k < end and not is_blank(lines[k]):
            k += 1
        out[i] = list(range(i + 2, k))
    return out


def _spent_headers(
    lines: list[str], tables: dict[int, list[int]], rows: dict[int, IndexEntry], carried: Mapping[str, tuple[str, str]]
) -> set[int]:
    """The header and delimiter lines of each table between the markers whose body rows all
    name documents (carried into the new table) and whose header loses no word (header_said:
    `carried` holds the (Pinned, Notes) the new table writes, by file)."""
    out: set[int] = set()
    for i, body in tables.items():
        if not body or any(rows.get(j) is None or rows[j].kind != "table" for j in body):
            continue
        if header_said(lines[i], [carried.get(rows[j].rel or "", ("", ""))[1] for j in body]):
            out.update((i, i + 1))
    return out


def header_said(header: str, notes: list[str]) -> bool:
    """Whether dropping the header row `header` of a table whose rows all went into the managed
    table loses no word: every column name in it is empty, has a place in the managed table
    (_ROLES), or labels a cell a row carried into Notes (`Owner: Sara`, or `Owner — text`
    where the colon would have pinned). `notes` are those rows' Notes as the table writes them."""
    lows = [n.lower() for n in notes]
    return all(
        not name or name.lower() in _ROLES or any(f"{name.lower()}:" in n or f"{name.lower()} —" in n for n in lows)
        for name in _cells(header)
    )
