"""One cell of a hand-written table row, in its source line: which cell lists a document, emptying
it, filling it again.

A row may list several documents, one per cell (row_refs.py). When one of them leaves (`dedup
--apply` moves it out, `index` adopts it while another on the row stays: a document not on
disk is not adopted) only its cell is emptied, and the rest of the row stays as the person wrote
it; `restore` puts the name back into that cell. Only the characters of that cell change: the
other cells, their spacing and escapes stay byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

from seedkeeper.corpus.paths import looks_like_reference, nfc, normalize_target
from seedkeeper.indexmd.entries import LINK_SRC, IndexEntry, same_name
from seedkeeper.indexmd.footnotes import footnote_marks
from seedkeeper.indexmd.link_titles import link_dest
from seedkeeper.indexmd.row_refs import listing_column, lists_several, unmarked_sentence

# A cell ends at a pipe no backslash escapes, as the GFM table parser splits a row (a pipe in a
# code span splits it too).
_PIPE = re.compile(r"(?<!\\)\|")
# A table's delimiter row as GFM reads it: cells of dashes (colons for alignment) with a pipe
# between them, its leading and trailing pipes optional.
_DELIMITER_ROW = re.compile(r"\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?")
# What a row line of a table inside containers starts with before its first cell: blockquote
# markers and the indentation of a list item (or a quote) it is in. Never a cell.
_CONTAINER = re.compile(r"(?:[ \t]*>)*[ \t]*")

__all__ = ["in_form", "listed_now", "other_listings", "own_cell", "pipe_form", "row_body", "table_form", "with_cell"]


def own_cell(cells: Sequence[tuple[str, str]], rel: str) -> int | None:
    """Which of a hand table row's cells ((header, text)) lists `rel`: the first that holds
    nothing but its name (bare, in backticks, footnote references after it) or one link to it;
    else the first that names it at all, the way the row's first reference may (a link in a
    sentence). None when none does."""
    named = None
    for k, (_header, text) in enumerate(cells):
        bare = footnote_marks(text)[0]
        if _names(bare, rel, from_link=False):
            return k
        link = LINK_SRC.fullmatch(bare)
        if link is not None and _names(link_dest(link.group(2)), rel, from_link=True):
            return k
        if named is None and any(_names(link_dest(m.group(2)), rel, True) for m in LINK_SRC.finditer(text)):
            named = k
    return named


def other_listings(
    cells: Sequence[tuple[str, str]], f: str, names: tuple[tuple[str, ...], str], listed: Collection[str] = ()
) -> set[int]:
    """The cells of a saved hand table row ((header, text)) that list a document other than `f`
    (row_refs.py: its name or one link to it, alone in a cell of a column that is not a note's;
    `names` are the include globs and the name pattern). A row `restore` builds again for `f`
    leaves them empty: each is that document's listing, which comes back with its own restore
    (into that cell: put_back), not with `f`'s. Not a cell naming a document in `listed` (the
    files INDEX.md lists now, composed: listed_now): there the name is a mention of a document
    listed elsewhere (a "Translated from" column: row_refs.settle_later_cells), written back
    as the person wrote it."""
    headers = tuple(h for h, _ in cells)
    if len(cells) < 2 or not lists_several(headers):
        return set()
    include, name_re = names[0], re.compile(names[1])
    mine = own_cell(cells, f)
    out = set()
    for k, (header, text) in enumerate(cells):
        if k == mine or not header or not listing_column(headers, k):
            continue  # a cell past the header has no header: never a listing
        bare = footnote_marks(text)[0]
        link = LINK_SRC.fullmatch(bare)
        target, from_link = (link_dest(link.group(2)), True) if link is not None else (bare, False)
        # A bare name, or one link: not a sentence's (row_refs.unmarked_sentence).
        plain = link is not None or ("](" not in bare and not unmarked_sentence(text.strip()))
        if target and plain and looks_like_reference(target, include, name_re, from_link=from_link):
            if nfc(normalize_target(target, from_link=from_link).rel or target) not in listed:
                out.add(k)
    return out


def listed_now(entries: Iterable[IndexEntry]) -> set[str]:
    """The files `entries` list (a list item or a table row; a link is a mention), composed
    (NFC): what other_listings leaves named in a row it builds again."""
    return {nfc(e.rel) for e in entries if e.rel is not None and e.kind != "link"}


def _names(target: str, rel: str, from_link: bool) -> bool:
    return same_name(target, rel) or same_name(normalize_target(target, from_link=from_link).rel, rel)


def with_cell(line: str, k: int, content: str, form: tuple[bool, bool] = (True, True)) -> str | None:
    """Row source `line` with cell `k`'s text replaced by `content` (cell source, escaped), its
    spacing kept (an emptied cell keeps the spaces around it: `|  |`); None when the line has
    no cell `k`. A row written without its leading pipe gets one when its first cell is
    emptied: ` | x` would read as a row whose first cell is `x`. `form` is how the table writes
    its rows (table_form: a leading pipe, a trailing one): filling a cell gives the row that form
    again, so a row a person wrote `en.txt | fa.txt` is that again after dedup --apply and
    restore, byte for byte."""
    prefix, body = row_body(line)
    spans = _cell_spans(line)
    end_pipe = body.rstrip().endswith("|") and not body.rstrip().endswith("\\|")
    if k == len(spans) and content and not form[1] and end_pipe:
        # The emptied last cell of a row written without a closing pipe (`en.txt | `): the pipe
        # before it reads as the row's end (GFM shows the cell empty), and it is filled after it.
        cut = len(line.rstrip())
        return line[:cut] + (line[cut:] or " ") + content
    if k >= len(spans):
        return None
    start, end = spans[k]
    old = line[start:end]
    if old.strip():
        lead, trail = old[: len(old) - len(old.lstrip())], old[len(old.rstrip()) :]
    else:  # an empty cell's spaces go either side of what fills it: `|  |` -> `| x |`
        lead, trail = old[: len(old) // 2], old[len(old) // 2 :]
    lead, trail = (lead or " ", trail or " ") if content else (lead, trail)
    new = f"{lead}{content}{trail}" if content else (lead + trail if old.strip() else old)
    if k == 0 and content and not form[0] and body.startswith("|"):
        # The pipe only the emptied first cell needed (below): the row's own form again.
        return prefix + content + trail + line[end:]
    if k == 0 and not body.startswith("|"):
        new = "|" + (new if new.startswith(" ") else " " + new)
    return line[:start] + new + line[end:]


def pipe_form(delimiter: str) -> tuple[bool, bool]:
    """Whether a table writes its rows with a leading and a trailing pipe, as its delimiter row
    (`delimiter`, its line) is written: `--- | ---` has neither, `|---|---|` both."""
    body = row_body(delimiter)[1].strip()
    return body.startswith("|"), body.endswith("|")


def table_form(lines: Sequence[str], at: int) -> tuple[bool, bool]:
    """pipe_form of the table holding row line `at` (0-based): its delimiter row is the nearest
    line above that reads as one (a table's lines follow each other with no blank line). Both
    pipes when none is found."""
    for i in range(at - 1, -1, -1):
        body = row_body(lines[i])[1].strip()
        if not body:
            break
        if "|" in body and _DELIMITER_ROW.fullmatch(body):
            return pipe_form(lines[i])
    return True, True


def in_form(row: str, form: tuple[bool, bool]) -> str:
    """A row line written `| a | b |` (table.row_line) as a table of `form` (pipe_form) writes
    its rows: without the leading pipe when its first cell has text (an empty first cell needs
    it), without the trailing one."""
    lead, trail = form
    if not lead and row.startswith("| ") and not row[2:3].isspace() and row[2:3] != "|":
        row = row[2:]
    if not trail and row.endswith(" |") and not row.endswith("\\ |"):
        row = row[:-2]
    return row


def row_body(line: str) -> tuple[str, str]:
    """(container prefix, the row itself) of a table row line: a table in a blockquote or a list
    item has its rows after `> ` or the item's indentation (`> | en.txt | fa.txt |`), which the
    Markdown parser takes off before it splits the row into cells."""
    at = _CONTAINER.match(line).end()  # type: ignore[union-attr]  # matches the empty string at least
    return line[:at], line[at:]


def _cell_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of each cell's source in a table row line, pipes excluded; the leading and
    trailing pipes (when written) bound the row, not cells, and the container prefix before it
    (row_body) is no cell either."""
    first = len(row_body(line)[0])
    stripped = line.strip()
    bounds = [first - 1] if not line[first:].startswith("|") else []
    bounds += [first + m.start() for m in _PIPE.finditer(line[first:])]
    last = len(line.rstrip())
    ends_with_pipe = stripped.endswith("|") and not stripped.endswith("\\|")
    if not ends_with_pipe:
        bounds.append(last)
    return [(bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)]
