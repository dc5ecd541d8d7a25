"""The blocks that may hide a managed table's marker line, for markers.py: raw HTML blocks that
only their closing text ends (`<pre>`, `<script>`, `<style>`, `<textarea>`, `<?`, `<![CDATA[`),
and fenced and indented code blocks.

markers.py's line scan knows fences but no containers and no HTML blocks. The cheap tests here (no
parse: one regular expression search over an ordinary file) say when it could read a file
otherwise than a renderer (scan_in_doubt); then markdown-it's block parse, over the text with the
managed tables' rows thinned (thinned_tables), says where those blocks are (block_ranges)."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

# HTML blocks that only their closing text ends (CommonMark HTML block types 1, 3 and 5): a
# renderer shows every line in them as raw HTML, marker lines and table rows included, however
# many blank lines they hold. The openers as markdown-it matches them at a block's start (the
# tag names ASCII case-insensitive), found anywhere here: a cheap first test over the whole text.
_RAW_OPEN = re.compile(r"<(?a:script|pre|style|textarea)(?=\s|>|$)|<\?|<!\[CDATA\[", re.I | re.M)
# An html_block token whose content starts so is one of them.
_RAW_BLOCK = re.compile(r"[ \t]*(?:<(?a:script|pre|style|textarea)(?=\s|>|$)|<\?|<!\[CDATA\[)", re.I)
# Each one's end: any of the four closing tags ends a type 1 block, whichever tag opened it.
_RAW_CLOSE = {
    "<": re.compile(r"</(?a:script|pre|style|textarea)>", re.I),
    "?": re.compile(r"\?>"),
    "!": re.compile(r"\]\]>"),
}
# What may stand before a block's first character on its line: indentation, and the markers of
# block quotes and list items (a superset of where CommonMark starts a block).
_BLOCK_PREFIX = re.compile(r"(?:[ \t]*(?:>|[-+*][ \t]|\d{1,9}[.)][ \t]))*[ \t]*")
# A fence opened after a block quote's or list item's marker (`- ~~~`): the line scan sees no
# fence there, markdown-it one that holds the item's indented lines (a marker among them too).
_CONTAINED_FENCE = re.compile(r"^(?:[ \t]*(?:>|[-+*][ \t]|\d{1,9}[.)][ \t]))+[ \t]*(?:`{3}|~{3})", re.M)


def may_hide_markers(text: str) -> bool:
    """Whether `text` holds an opener of a raw HTML block anywhere (one regular expression
    search): else no placement of a table can be hidden, and `index` never refuses."""
    return _RAW_OPEN.search(text) is not None


def scan_in_doubt(lines: list[str], text: str, found: list[tuple[int, str]], fences: list[int]) -> bool:
    """Whether markdown-it may read `lines` (`text` is "\n".join(lines)) otherwise than the line
    scan that found the markers `found` and the fence lines `fences`: a fence line it may misread
    (_fences_in_doubt), an indented marker under a fence opened on a list item's or block quote's
    line, or a marker or fence line that a raw HTML block above could hold (_at_risk). No parse."""
    # A fence opened on a list item's line holds only lines indented into the item: a marker at
    # the start of its line ends the item (and the fence), so only indented ones send us looking.
    doubt = _fences_in_doubt(lines, fences) or (
        any(lines[i][:1] == " " for i, _ in found) and _CONTAINED_FENCE.search(text) is not None
    )
    hints = [i for i, _ in found] + fences  # the lines a raw HTML block above would change
    return doubt or _at_risk(text, hints, len(lines))


def _fences_in_doubt(lines: list[str], fences: list[int]) -> bool:
    """Whether markdown-it may read a fence line of `fences` otherwise than the line scan, which
    knows no containers and no HTML blocks but the raw ones: a fence line indented at all (in a
    list item, or indented code, or a paragraph's lazy line at 4+ columns), or one that an HTML
    block above may hold (an HTML line in the lines above it since the last blank one, as a
    `<div>` block runs to a blank line; or a comment or declaration opened anywhere above, which
    only its closing text ends). Cheap: no parse."""
    if not fences:
        return False
    if any(lines[f][:1] in (" ", "\t") for f in fences):
        return True
    targets, tagged, declared = set(fences), False, False
    for i in range(fences[-1] + 1):
        if i in targets and (tagged or declared):
            return True
        line = lines[i]
        if not line.strip(" \t\r"):
            tagged = False  # a blank line ends the HTML blocks of CommonMark types 6 and 7
        elif "<" in line:
            at = _BLOCK_PREFIX.match(line).end()
            if line.startswith("<", at):
                tagged = True
                declared = declared or line.startswith("<!", at)
    return False


def _at_risk(text: str, candidates: list[int], n_lines: int) -> bool:
    """Whether a raw HTML block could hold one of the `candidates` lines: some line above it
    starts with an opener (after indentation and container markers, a superset of markdown-it's
    rule) and no closing text follows the opener before that line."""
    if not candidates or not _RAW_OPEN.search(text):
        return False
    candidates = sorted(candidates)
    last = candidates[-1]
    line, counted = 0, 0  # line number of the offset `counted`
    closing: dict[str, tuple[int, int | None, int]] = {}  # kind -> (searched from, closer offset, its line)
    for m in _RAW_OPEN.finditer(text):
        p = m.start()
        start = text.rfind("\n", 0, p) + 1
        if not _BLOCK_PREFIX.fullmatch(text, start, p):
            continue
        line += text.count("\n", counted, start)
        counted = start
        if line >= last:
            break
        kind = text[p + 1] if text[p + 1] in "?!" else "<"
        known = closing.get(kind)
        if known is None or p < known[0] or (known[1] is not None and p > known[1]):
            close = _RAW_CLOSE[kind].search(text, p)
            at = close.start() if close else None
            known = closing[kind] = (p, at, line + text.count("\n", start, at) if at is not None else n_lines)
        after = bisect.bisect_right(candidates, line)  # the first candidate below the opener
        # A closer on a candidate line leaves that line in the block (<=).
        if after < len(candidates) and candidates[after] <= known[2]:
            return True
    return False


def thinned_tables(lines: list[str], found: list[tuple[int, str]]) -> str | None:
    """The text with the table rows between each begin and end marker of `found` (a table of
    thousands of rows) made one-word lines, for the parse that looks for raw HTML blocks: their
    openers and closers (kept) are what that parse needs, and a table's rows are most of a large
    file. None when there is nothing to thin. Line numbers are kept."""
    spans, begin = [], None
    for i, kind in found:
        if kind == "begin":
            begin = i
        elif kind == "end" and begin is not None:
            spans.append((begin, i))
            begin = None
    if not spans or sum(e - b for b, e in spans) < 64:
        return None
    out = list(lines)
    for b, e in spans:
        for i in range(b + 1, e):
            line = out[i]
            # Table rows only (what the writer puts there): any other line may be Markdown that
            # a one-word line would read otherwise (a fence, a comment's end, a list item).
            if line.lstrip().startswith("|") and "<" not in line and "?>" not in line and "]]>" not in line:
                out[i] = line[: len(line) - len(line.lstrip())] + "x"
    return "\n".join(out)


class BlockRanges(NamedTuple):
    """Where markdown-it finds the blocks a marker line is text in: (first line, end line) pairs."""

    raw: list[tuple[int, int]]  # raw HTML blocks (types 1, 3, 5)
    code: list[tuple[int, int]]  # fenced and indented code blocks, at any depth (fences too)
    fences: list[tuple[int, int]]  # fenced code blocks


@lru_cache(maxsize=2)
def block_ranges(text: str) -> BlockRanges:
    """The raw HTML blocks (types 1, 3, 5) and code blocks markdown-it finds in `text`, by the
    lines of `text.split("\n")`. Cached: a run asks again for the same text (the reader, then
    the writer; the writer's fixed-point check)."""
    from seedkeeper.indexmd.layout import block_parser
    from seedkeeper.indexmd.markdown_guard import defuse

    # As the reader parses it (without a BOM, defused); a CR counts as a line break to
    # markdown-it, not here.
    text = text[1:] if text.startswith("\ufeff") else text
    source = "\n".join(defuse(text.replace("\r", " ").split("\n")))
    raw, code, fences = [], [], []
    for tok in block_parser().parse(source):
        if tok.map is None:
            continue
        span = (tok.map[0], tok.map[1])
        if tok.type == "html_block" and _RAW_BLOCK.match(tok.content):
            raw.append(span)
        elif tok.type in ("fence", "code_block"):
            code.append(span)
            if tok.type == "fence":
                fences.append(span)
    return BlockRanges(raw, code, fences)
