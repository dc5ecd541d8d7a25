"""Writing INDEX.md: the managed table between the markers, and adopting a hand-written index.

Everything works on lines of the original text, located with markdown-it's source maps, so what a
person wrote outside the references is carried over byte for byte (CRLF, trailing spaces and all).
Only the lines between the markers and the lines of adopted list items / table rows change.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it import MarkdownIt

from seedkeeper.corpus.paths import normalize_target
from seedkeeper.indexmd.entries import IndexDocument, IndexEntry, marker_lines
from seedkeeper.indexmd.reader import parse_index
from seedkeeper.indexmd.table import (
    HEADER_COMMENT,
    CellGuard,
    IndexRow,
    adopted_fields,
    block_lines,
    full_block,
    header_lines,
    list_reference,
    managed_carry,
    placeholder_row,
    row_line,
)
from seedkeeper.settings import DEFAULT_NAME_PATTERN

__all__ = ["IndexRow", "render_index", "remove_entries", "add_entries"]

NEW_INDEX_HEADING = "# Index"
_KINDS = {"bullet_list_open": "list", "ordered_list_open": "list", "list_item_open": "item", "table_open": "table"}
_MD = MarkdownIt("commonmark", {"html": True}).enable("table").disable("inline")  # block maps are all we need


@dataclass(eq=False)
class _Node:
    kind: str  # "list" | "item" | "table" | other token type
    start: int
    end: int
    parent: _Node | None = None
    kids: int = 0  # direct child blocks (items: more than the first paragraph = nested content)
    para_end: int = 0  # items: end of the first paragraph
    members: list[_Node] = field(default_factory=list)  # lists: items; tables: body rows


class _Layout:
    """Where the lists, items and tables of a Markdown text are, by source line (0-based)."""

    def __init__(self, text: str):
        self.items: dict[int, _Node] = {}  # first paragraph line -> item
        self.rows: dict[int, _Node] = {}  # body row line -> its table
        self.blocks: list[_Node] = []  # lists and tables, outermost first
        self.top: list[_Node] = []  # top-level blocks
        self.headings: list[int] = []  # first line of every heading: where sections start
        stack: list[_Node] = []
        for tok in _MD.parse(text):
            if tok.nesting == -1:
                stack.pop()
                continue
            if tok.type == "inline" or tok.map is None:
                if tok.nesting == 1:
                    stack.append(_Node(tok.type, -1, -1, stack[-1] if stack else None))  # cells: no map
                continue
            if tok.type == "heading_open":
                self.headings.append(tok.map[0])
            kind = _KINDS.get(tok.type, tok.type)
            node = _Node(kind, tok.map[0], tok.map[1], stack[-1] if stack else None)
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

    def top_of(self, line: int) -> _Node | None:
        return next((n for n in self.top if n.start <= line < max(n.end, n.start + 1)), None)

    def section_of(self, line: int) -> int:
        """Which section (0 = before the first heading) a line is in."""
        return bisect.bisect_right(self.headings, line)


def _prepare(text: str) -> tuple[str, list[str]]:
    # A lone CR is a line break to markdown-it but not to str.split("\n"); make them agree.
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    return bom, re.sub(r"\r(?!\n)", "\n", text[len(bom) :]).split("\n")


def _blank(line: str) -> bool:
    return not line.strip()


def _trim(lines: list[str], start: int, end: int) -> int:
    while end > start and _blank(lines[end - 1]):
        end -= 1
    return end


class _Remover:
    """Collects the lines to drop for list items and table rows that go away."""

    def __init__(self, lines: list[str], keep: Sequence[tuple[int, int]] = ()):
        self.lines, self.keep = lines, list(keep)  # line ranges of the managed blocks
        self.gone: set[int] = set()
        self._layout: _Layout | None = None

    @property
    def layout(self) -> _Layout:
        # Built only when a hand-written entry is touched: a second markdown-it pass costs as much
        # as the first, and the common run (managed block, nothing to adopt) never needs it.
        if self._layout is None:
            self._layout = _Layout("\n".join(self.lines))
        return self._layout

    def entry(self, e: IndexEntry) -> bool:
        line = e.line - 1
        if e.kind == "list" and line in self.layout.items:
            item = self.layout.items[line]
            if item.kids > 1:  # nested content stays (it is the person's); only the item's own text goes
                self.gone.update(range(item.start, item.para_end))
            else:
                last = item.parent is not None and item is item.parent.members[-1]
                self.gone.update(range(item.start, _trim(self.lines, item.start, item.end) if last else item.end))
            return True
        if e.kind == "table" and line in self.layout.rows:
            self.gone.add(line)
            return True
        return False

    def finish(self) -> set[int]:
        """Drop lists and tables left empty (and one of the blank lines around them)."""
        if self._layout is None:
            return self.gone
        for node in self.layout.blocks:
            if any(b <= node.start < e for b, e in self.keep):
                continue  # a managed table keeps its header even when empty
            if node.kind == "table":
                empty = bool(node.members) and all(r.start in self.gone for r in node.members)
            else:
                empty = all(i in self.gone or _blank(self.lines[i]) for i in range(node.start, node.end))
            if empty:
                end = _trim(self.lines, node.start, node.end)
                self.gone.update(range(node.start, end))
                blank_before = node.start == 0 or _blank(self.lines[node.start - 1])
                if blank_before and end + 1 < len(self.lines) and _blank(self.lines[end]):
                    self.gone.add(end)  # else two blank lines would be left where the block was
        return self.gone


def _emit(
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
            if (pad_i or before_i) and out and not _blank(out[-1]):
                out.append("")
            out.extend(block_i)
            need_blank = pad_i
        if i == len(lines):
            break
        if i in gone:
            if i in blank and out and not _blank(out[-1]):
                out.append("")
            continue
        if need_blank and not _blank(lines[i]):
            out.append("")
        need_blank = False
        out.append(lines[i])
    return out


def _finish(bom: str, lines: list[str]) -> str:
    while lines and _blank(lines[-1]):
        lines.pop()
    return bom + "\n".join(lines) + "\n"


@dataclass
class _Block:
    """One managed table in the output: an existing marker pair, or a new one at `anchor`."""

    section: int | None
    span: tuple[int, int] | None = None  # existing block: its marker lines
    top: _Node | None = None  # new block: the adopted list or table it replaces
    anchor: int = 0

    @property
    def position(self) -> int:
        return self.span[0] if self.span is not None else self.anchor


def render_index(
    current_text: str | None,
    rows: Sequence[IndexRow],
    *,
    include: tuple[str, ...] = ("*.txt",),
    name_pattern: str = DEFAULT_NAME_PATTERN,
    parsed: IndexDocument | None = None,
) -> str:
    """The whole new INDEX.md text for `rows` (rendered in the given order).

    Each managed block (marker pair) is rewritten in place with the rows of the documents it
    holds, carrying their Pinned and Notes cells. Hand-written list items and table rows that
    reference a file in `rows` are adopted: their lines leave, their notes and pinned languages go
    to a table in the same section (the text between two headings): the section's managed block,
    else a new one where the hand-written list or table was. So a list under `## UDHR` becomes a
    table under `## UDHR`. Documents held by no block (new on disk, or only linked from prose) go
    to the last block, or a new block at the end. Links in prose stay prose. LF endings for the
    blocks, exactly one newline at the end.

    Removing lines can make their neighbours merge (a sentence under a removed marker joins the
    table above it). So when lines outside the block left, the result is checked to be a fixed
    point (indexing it again changes nothing); if not, the removed lines leave blank lines behind;
    if still not, nothing is adopted (the hand-written references stay, and are reported as listed
    twice) rather than lose a word.

    `parsed` is `current_text` already parsed (the corpus model holds it): it is used when it was
    parsed from the same text, so a run parses INDEX.md once.
    """
    guard = CellGuard(tuple(include), name_pattern)
    if current_text is None or not current_text.strip("\ufeff \t\r\n"):  # empty: as if absent
        return "\n".join([NEW_INDEX_HEADING, "", *full_block(rows, {}, guard)]) + "\n"
    opts = (tuple(include), name_pattern, guard)
    new, touched = _render(current_text, rows, opts, parsed, "delete")
    if not touched:
        return new
    for mode in ("delete", "blank", "keep"):
        if mode != "delete":
            new = _render(current_text, rows, opts, parsed, mode)[0]
        again = _render(new, rows, opts, None, "delete")[0]
        if again == new:
            return new
    for _ in range(2):  # Markdown that hides the markers (an HTML block glued to them) settles in a run or two
        new, again = again, _render(again, rows, opts, None, "delete")[0]
        if again == new:
            break
    return again


_DEFINITION = re.compile(r"^ {0,3}\[((?:[^\[\]\\]|\\.)+)\]:[ \t]*<?([^\s>]+)>?[ \t]*$")


def _dangling_definitions(lines: list[str], gone: set[int], adopted: set[str]) -> set[int]:
    """Link reference definitions (`[r]: 002_x.txt`) of adopted documents that no kept line uses
    any more: they would be left dangling."""
    defs = {i: m for i, ln in enumerate(lines) if i not in gone and (m := _DEFINITION.match(ln))}
    if not defs:
        return set()
    kept = "\n".join(ln for i, ln in enumerate(lines) if i not in gone and i not in defs).lower()
    return {
        i
        for i, m in defs.items()
        if normalize_target(m.group(2), from_link=True).rel in adopted and f"[{m.group(1).lower()}]" not in kept
    }


def _rescued(lines: list[str], doc: IndexDocument, begin: int, end: int) -> list[str]:
    """What a person wrote between the markers that is not the table (a list of to-dos, a
    sentence): moved above the begin marker rather than overwritten. A list line naming a document
    is not rescued: its note and pinned language go to the table."""
    carried_lines = {e.line - 1 for e in doc.entries if e.managed and e.kind in ("list", "table")}
    own = {HEADER_COMMENT, *header_lines()}
    out: list[str] = []
    for i in range(begin + 1, end):
        ours = i in carried_lines or lines[i].strip() in own
        if not ours and not _blank(lines[i]):
            out.append(lines[i])
        elif out and out[-1] != "":
            out.append("")  # what separated the person's blocks still does
    if not out:
        return []
    return out + ([""] if out[-1] else [])


def _render(
    current_text: str, rows: Sequence[IndexRow], opts: tuple, parsed: IndexDocument | None, mode: str
) -> tuple[str, bool]:
    """render_index in one `mode`: "delete" adopted lines, leave a "blank" for them, or "keep"
    them (adopt nothing). Returns the text and whether any line outside the blocks left."""
    include, name_pattern, guard = opts
    bom, lines = _prepare(current_text)
    text = "\n".join(lines)
    doc = parsed if parsed is not None and parsed.text == text else parse_index(text, include, name_pattern)
    spans = doc.managed_spans or ([doc.managed_span] if doc.managed_span else [])
    remover = _Remover(lines, keep=[(b, e + 1) for b, e in spans])
    blocks = [_Block(None, span=sp) for sp in spans]
    home: dict[str, _Block] = {}
    for e in doc.entries:
        if e.managed and e.rel is not None and e.kind != "link" and e.rel not in home:
            block = next((b for b in blocks if b.span[0] < e.line - 1 < b.span[1]), None)
            if block is not None:
                home[e.rel] = block
    carried, adopted = _adopt(doc, lines, {r.file for r in rows}, remover, blocks, home, mode)
    if adopted:
        remover.gone.update(_dangling_definitions(lines, remover.gone, adopted))
    # A marker left without its partner would swallow text on a later run: drop strays.
    paired = {i for span in spans for i in span}
    remover.gone.update(i for i, _ in marker_lines(lines) if i not in paired)
    gone = remover.finish()
    outside = set(gone)
    for b in blocks:
        if b.top is not None:
            fully = all(i in gone or _blank(lines[i]) for i in range(b.top.start, b.top.end))
            b.anchor = b.top.start if fully else _trim(lines, b.top.start, b.top.end)
    if not blocks:
        blocks.append(_Block(None, anchor=len(lines)))
    last = max(blocks, key=lambda b: b.position)
    for r in rows:
        home.setdefault(r.file, last)
    inserts: dict[int, tuple[Sequence[str], bool, bool]] = {}
    rescued_any = False
    for b in blocks:
        mine = rows if len(blocks) == 1 else [r for r in rows if home.get(r.file) is b]
        if b.span is not None:
            begin, end = b.span
            rescued = _rescued(lines, doc, begin, end)
            rescued_any = rescued_any or bool(rescued)
            gone.update(range(begin, end))
            # A blank line before the begin marker: glued to an HTML block above, it would be part of it.
            inserts[begin] = ([*rescued, lines[begin], *block_lines(mine, carried, guard)], False, True)
        else:
            inserts[b.anchor] = (full_block(mine, carried, guard), True, False)
    blank = frozenset(outside) if mode != "delete" else frozenset()
    return _finish(bom, _emit(lines, gone, inserts=inserts, blank=blank)), bool(outside or rescued_any)


def _adopt(
    doc: IndexDocument,
    lines: list[str],
    wanted: set[str],
    remover: _Remover,
    blocks: list[_Block],
    home: dict[str, _Block],
    mode: str,
) -> tuple[dict[str, tuple[str, str]], set[str]]:
    """Take the hand-written list items and table rows of `wanted` files out of the text (via
    `remover`; none in "keep" mode), give each a home block in its section, and return every
    file's (Pinned, Notes) and the adopted files."""
    carried = managed_carry(doc)
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
                block = _Block(section, top=layout.top_of(e.line - 1) or _Node("line", e.line - 1, e.line))
                blocks.append(block)
            home[e.rel] = block
        item = layout.items.get(e.line - 1)
        more = " ".join(ln.strip() for ln in lines[e.line : item.para_end]) if item and e.kind == "list" else ""
        pinned, note = adopted_fields(e, lines[e.line - 1], more)
        old_pinned, old_note = carried.get(e.rel, ("", ""))
        carried[e.rel] = (
            pinned or old_pinned,
            old_note if note in old_note else "; ".join(p for p in (old_note, note) if p),
        )
    return carried, adopted


def written_beside(text: str, entries: Sequence[IndexEntry]) -> dict[str, tuple[str, str]]:
    """file -> (pinned, note) of hand-written list items and table rows, with everything a person
    wrote there: the note, the item's continuation lines, other cells. What `remove_entries`
    takes out of INDEX.md can be kept (in the quarantine manifest) and put back."""
    _bom, lines = _prepare(text)
    layout = _Layout("\n".join(lines))
    out: dict[str, tuple[str, str]] = {}
    for e in entries:
        if e.rel is None or e.kind not in ("list", "table") or e.rel in out:
            continue
        item = layout.items.get(e.line - 1)
        more = " ".join(ln.strip() for ln in lines[e.line : item.para_end]) if item and e.kind == "list" else ""
        out[e.rel] = adopted_fields(e, lines[e.line - 1] if e.line <= len(lines) else "", more)
    return out


def remove_entries(
    text: str, files: Sequence[str], *, include: tuple[str, ...] = ("*.txt",), name_pattern: str = DEFAULT_NAME_PATTERN
) -> str:
    """Drop the references to `files`: their managed-table rows, hand-written list items or table
    rows. Links in prose are left alone (they are the person's sentences). Other bytes unchanged."""
    bom, lines = _prepare(text)
    joined = "\n".join(lines)
    doc = parse_index(joined, tuple(include), name_pattern)
    targets = set(files)
    remover = _Remover(lines, keep=[(b, e + 1) for b, e in doc.managed_spans])
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
    gone = remover.finish()
    return text if not gone else bom + "\n".join(_emit(lines, gone))


def add_entries(
    text: str | None,
    files: Sequence[str],
    *,
    include: tuple[str, ...] = ("*.txt",),
    name_pattern: str = DEFAULT_NAME_PATTERN,
    carried: dict[str, tuple[str, str]] | None = None,
) -> str:
    """Reference new files: a placeholder row in the managed table (the next `index` fills it), else
    a line after the last hand-written document list (same marker), a row after the last
    hand-written document table, or a new list at the end. Files already listed are skipped.
    `carried` gives a file's (pinned, notes) that a person wrote before (a restore puts them back)."""
    carried = carried or {}

    def list_line(f: str) -> str:
        pinned, notes = carried.get(f, ("", ""))
        if pinned and f"lang: {pinned}" not in notes:
            notes = f"{notes} (lang: {pinned})".strip()
        return list_reference(f) + (f" — {notes}" if notes else "")

    if text is None or not text.strip("\ufeff \t\r\n"):
        return "\n".join([NEW_INDEX_HEADING, "", *(f"- {list_line(f)}" for f in dict.fromkeys(files))]) + "\n"
    bom, lines = _prepare(text)
    joined = "\n".join(lines)
    doc = parse_index(joined, tuple(include), name_pattern)
    listed = {e.rel for e in doc.entries if e.kind != "link" or e.managed}
    new = [f for f in dict.fromkeys(files) if f not in listed]
    if not new:
        return text
    if not lines[-1] == "":
        lines.append("")  # the text ends with a newline after this
    if doc.managed_spans:
        begin, end = doc.managed_spans[-1]  # new documents go to the last table, as `index` puts them
        table = [i for i in range(begin + 1, end) if lines[i].lstrip().startswith("|")]
        block = [placeholder_row(f, *carried.get(f, ("", ""))) for f in new]
        at = table[-1] + 1 if table else end
        return bom + "\n".join(_emit(lines, set(), at, block if table else ["", *header_lines(), *block, ""]))
    layout = _Layout(joined)
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
        return bom + "\n".join(_emit(lines, set(), _trim(lines, item.parent.start, item.parent.end), block))
    if hand and hand[-1].kind == "table":
        e = hand[-1]
        table = layout.rows[e.line - 1]
        col = next((k for k, (_, v) in enumerate(e.cells) if e.written in v or "](" in v), 0)
        block = [row_line([list_reference(f) if k == col else "" for k in range(len(e.cells))]) for f in new]
        return bom + "\n".join(_emit(lines, set(), table.end, block))
    return _finish(bom, _emit(lines, set(), len(lines), [f"- {list_line(f)}" for f in new], pad=True))
