"""Where the lists, items and tables of INDEX.md are (by source line), and the line-level editing
the writer builds on: taking a reference's item or row out without disturbing its neighbours, and
putting lines back together with blocks inserted."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from seedkeeper.indexmd.entries import IndexEntry

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_KINDS = {"bullet_list_open": "list", "ordered_list_open": "list", "list_item_open": "item", "table_open": "table"}


@cache
def block_parser() -> MarkdownIt:
    """CommonMark with tables and GitHub's footnotes (as the reader parses), block level only
    (block maps are all the line editing needs); built on first use: rendering our own table over
    INDEX.md never needs it (~25 ms to import)."""
    from markdown_it import MarkdownIt

    from seedkeeper.indexmd.footnotes import with_footnotes

    return with_footnotes(MarkdownIt("commonmark", {"html": True}).enable("table")).disable("inline")


@dataclass(eq=False)
class Node:
    kind: str  # "list" | "item" | "table" | other token type
    start: int
    end: int
    parent: Node | None = None
    kids: int = 0  # direct child blocks (items: more than the first paragraph = nested content)
    para_end: int = 0  # items: end of the first paragraph
    members: list[Node] = field(default_factory=list)  # lists: items; tables: body rows


class Layout:
    """Where the lists, items and tables of a Markdown text are, by source line (0-based)."""

    def __init__(self, text: str):
        self.items: dict[int, Node] = {}  # first paragraph line -> item
        self.rows: dict[int, Node] = {}  # body row line -> its table
        self.blocks: list[Node] = []  # lists and tables, outermost first
        self.top: list[Node] = []  # top-level blocks
        self.headings: list[int] = []  # first line of every heading: where sections start
        stack: list[Node] = []
        for tok in block_parser().parse(text):
            if tok.nesting == -1:
                stack.pop()
                continue
            if tok.type == "inline" or tok.map is None:
                if tok.nesting == 1:
                    stack.append(Node(tok.type, -1, -1, stack[-1] if stack else None))  # cells: no map
                continue
            if tok.type == "heading_open":
                self.headings.append(tok.map[0])
            kind = _KINDS.get(tok.type, tok.type)
            node = Node(kind, tok.map[0], tok.map[1], stack[-1] if stack else None)
            parent = node.parent
            if parent is None:
                self.top.append(node)
            elif parent.kind == "item":
                parent.kids += 1
                if parent.kids == 1 and tok.type == "paragraph_open":
                    parent.para_end = node.end
                    self.items[node.start] = parent
            if kind == "item" and parent is not None:
                parent.members.append(node)
            if kind in ("list", "table"):
                self.blocks.append(node)
            if tok.type == "tr_open" and parent is not None and parent.kind == "tbody_open":
                table = parent.parent
                table.members.append(node)
                self.rows[node.start] = table
            if tok.nesting == 1:
                stack.append(node)

    def top_of(self, line: int) -> Node | None:
        return next((n for n in self.top if n.start <= line < max(n.end, n.start + 1)), None)

    def section_of(self, line: int) -> int:
        """Which section (0 = before the first heading) a line is in."""
        return bisect.bisect_right(self.headings, line)


# Top-level blocks whose lines a renderer shows as raw HTML or code, never as Markdown.
_OPAQUE = ("html_block", "fence", "code_block")


def swallowed_at(lines: list[str], line: int) -> int | None:
    """Where the block starts that holds `line` as raw HTML or code although it began above it
    (an HTML comment, a `<pre>` or a fence left open): a block put at `line` is not seen there, but
    is before that start. None when `line` is Markdown a renderer shows (a block of its own, or a
    list it continues)."""
    node = Layout("\n".join(lines)).top_of(line)
    if node is None or node.start >= line or node.kind not in _OPAQUE:
        return None
    return node.start


def prepare(text: str) -> tuple[str, list[str]]:
    # A lone CR is a line break to markdown-it but not to str.split("\n"); make them agree.
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    return bom, re.sub(r"\r(?!\n)", "\n", text[len(bom) :]).split("\n")


def is_blank(line: str) -> bool:
    return not line.strip()


def trim(lines: list[str], start: int, end: int) -> int:
    while end > start and is_blank(lines[end - 1]):
        end -= 1
    return end


class Remover:
    """Collects the lines to drop for list items and table rows that go away, and the cells to
    empty in a hand table row that lists several documents when only some of them go
    (row_cells.py): the rest of the row stays. `entries` are the parse's, to tell which
    documents each hand table row lists."""

    def __init__(self, lines: list[str], keep: Sequence[tuple[int, int]] = (), entries: Sequence[IndexEntry] = ()):
        self.lines, self.keep = lines, list(keep)  # line ranges of the managed blocks
        self.gone: set[int] = set()
        self.edited: set[int] = set()  # rows that lost a cell and stay
        self._entries = entries
        self._leaving: dict[int, list[IndexEntry]] = {}  # hand table row line -> its listings that go
        self._layout: Layout | None = None

    @property
    def layout(self) -> Layout:
        # Built only when a hand-written entry is touched: a second markdown-it pass costs as much
        # as the first, and the common run (managed block, nothing to adopt) never needs it.
        if self._layout is None:
            self._layout = Layout("\n".join(self.lines))
        return self._layout

    def entry(self, e: IndexEntry) -> bool:
        line = e.line - 1
        if e.kind == "list" and line in self.layout.items:
            item = self.layout.items[line]
            if item.kids > 1:  # nested content stays (it is the person's); only the item's own text goes
                self.gone.update(range(item.start, item.para_end))
            else:
                last = item.parent is not None and item is item.parent.members[-1]
                self.gone.update(range(item.start, trim(self.lines, item.start, item.end) if last else item.end))
            return True
        if e.kind == "table" and line in self.layout.rows:
            self._leaving.setdefault(line, []).append(e)
            return True
        return False

    def _rows(self) -> None:
        """Each row some of whose listings go: dropped when all of them go (nearly every row lists
        one document), else those listings' cells emptied in the line."""
        from seedkeeper.indexmd.row_cells import own_cell, with_cell

        listed: dict[int, set[str | None]] = {}
        for e in self._entries:
            if e.kind == "table" and not e.managed and e.line - 1 in self._leaving:
                listed.setdefault(e.line - 1, set()).add(e.rel)
        for line, leaving in self._leaving.items():
            if not listed.get(line, set()) - {e.rel for e in leaving}:
                self.gone.add(line)
                continue
            text: str | None = self.lines[line]
            for e in leaving:
                k = own_cell(e.cells, e.rel) if e.rel is not None else None
                text = with_cell(text, k, "") if text is not None and k is not None else None
            if text is None:
                self.gone.add(line)  # no cell found to empty: the row goes, as a one-document row does
            else:
                self.lines[line] = text
                self.edited.add(line)
        self._leaving = {}

    def finish(self, header_stays: Callable[[Node], bool] | None = None) -> set[int]:
        """Drop lists and tables left empty (and one of the blank lines around them); a table
        whose header `header_stays` (a column name that would be lost) keeps it."""
        if self._leaving:
            self._rows()
        if self._layout is None:
            return self.gone
        for node in self.layout.blocks:
            if any(b <= node.start < e for b, e in self.keep):
                continue  # a managed table keeps its header even when empty
            if node.kind == "table":
                empty = bool(node.members) and all(r.start in self.gone for r in node.members)
                if empty and header_stays is not None and header_stays(node):
                    continue
            else:
                empty = all(i in self.gone or is_blank(self.lines[i]) for i in range(node.start, node.end))
            if empty:
                end = trim(self.lines, node.start, node.end)
                self.gone.update(range(node.start, end))
                blank_before = node.start == 0 or is_blank(self.lines[node.start - 1])
                if blank_before and end + 1 < len(self.lines) and is_blank(self.lines[end]):
                    self.gone.add(end)  # else two blank lines would be left where the block was
        return self.gone


def emit(
    lines: list[str],
    gone: set[int],
    insert_at: int | None = None,
    block: Sequence[str] = (),
    pad: bool = False,
    inserts: dict[int, tuple[Sequence[str], bool, bool]] | None = None,
    blank: frozenset[int] = frozenset(),
) -> list[str]:
    """The kept lines, with `block` inserted before line `insert_at` (or every block of `inserts`,
    line -> (block, pad, pad_before)); a padded block gets a blank line on each side, a block with
    pad_before one before it. Lines in `gone` leave; those also in `blank` leave a blank line
    behind (so their neighbours cannot merge into one block)."""
    inserts = dict(inserts or {})
    if insert_at is not None:
        inserts[insert_at] = (block, pad, False)
    out: list[str] = []
    need_blank = False
    for i in range(len(lines) + 1):
        if i in inserts:
            block_i, pad_i, before_i = inserts[i]
            if (pad_i or before_i) and out and not is_blank(out[-1]):
                out.append("")
            out.extend(block_i)
            need_blank = pad_i
        if i == len(lines):
            break
        if i in gone:
            if i in blank and out and not is_blank(out[-1]):
                out.append("")
            continue
        if need_blank and not is_blank(lines[i]):
            out.append("")
        need_blank = False
        out.append(lines[i])
    return out


def all_crlf(text: str | None) -> bool:
    """Whether `text` ends every line with CRLF (and has at least one)."""
    return bool(text) and "\r\n" in text and text.count("\r\n") == text.count("\n")


def same_endings(original: str | None, new: str) -> str:
    """`new` with CRLF line ends when `original` was written with CRLF throughout (the lines we
    add would otherwise be LF, leaving a file of mixed endings); else `new` as it is."""
    if all_crlf(original):
        return new.replace("\r\n", "\n").replace("\n", "\r\n")
    return new


def finish_text(bom: str, lines: list[str]) -> str:
    while lines and is_blank(lines[-1]):
        lines.pop()
    return bom + "\n".join(lines) + "\n"
