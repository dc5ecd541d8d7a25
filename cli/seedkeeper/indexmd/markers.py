"""Where the managed table's marker lines are, as a Markdown renderer sees them.

A marker inside a fenced code block or a raw HTML block (`<pre>`, `<script>`, a comment, `<?`...)
is text, not a marker: a renderer shows it as such, so the writer must neither read a table
there nor write one where such a block would swallow it. A line scan finds the markers and the
fences; where the scan could be wrong (an HTML block type markdown-it ends differently, a fence
inside a list item or block quote), markdown-it's parse decides. Shared by the reader, the
writer and the table's fast path."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

# The managed table lives between these markers (see writer.py).
BEGIN_MARKER = "<!-- seedkeeper:index:begin -->"
END_MARKER = "<!-- seedkeeper:index:end -->"


_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})(.*)$")

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


def _scan(lines: list[str], also: tuple[str, ...]) -> tuple[list[tuple[int, str]], int | None, list[int]]:
    """The line scan of marker_lines: the marker lines outside fences and indented code, the line
    of the fence still open at the end (None when every fence is closed), and every fence line.
    Exact for a fence line at the start of its line with no HTML block about (_fences_in_doubt);
    markdown-it settles the others (_read)."""
    out: list[tuple[int, str]] = []
    fences: list[int] = []
    fence: tuple[str, int] | None = None  # (fence character, length) while inside a fence
    opened = 0
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if m:
            fences.append(i)
        if fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= fence[1] and not m.group(2).strip():
                fence = None
            continue
        if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
            fence, opened = (m.group(1)[0], len(m.group(1))), i
            continue
        # _marker_kind, written out: this loop runs over every line of the file (a call a line costs).
        stripped = line.strip()
        if (stripped in (BEGIN_MARKER, END_MARKER) or stripped in also) and _indent(line) < 4:
            kind = "begin" if stripped == BEGIN_MARKER else "end" if stripped == END_MARKER else "also"
            out.append((i, kind))
    return out, (opened if fence is not None else None), fences


def _marker_kind(line: str, also: tuple[str, ...]) -> str | None:
    """ "begin", "end" or "also" when `line` is a marker line (or one of `also`) indented less
    than indented code, else None."""
    stripped = line.strip()
    if (stripped in (BEGIN_MARKER, END_MARKER) or stripped in also) and _indent(line) < 4:
        return "begin" if stripped == BEGIN_MARKER else "end" if stripped == END_MARKER else "also"
    return None


def _indent(line: str) -> int:
    """The column of `line`'s first character that is not a space or tab, tabs stopping every 4
    columns as CommonMark counts them: " \t" reaches column 4, indented code."""
    lead = line[: len(line) - len(line.lstrip(" \t"))]
    return len(lead.expandtabs(4))


def _outside(lines: list[str], also: tuple[str, ...], blocks: _Blocks) -> tuple[list[tuple[int, str]], int | None]:
    """The markers of marker_lines as markdown-it's parse (`blocks`) places them: the marker lines
    outside its fenced and indented code blocks and raw HTML blocks, and the first line of the
    fence that holds the last line (None when none does)."""
    # These blocks never overlap (none holds another): the one that could hold a line is the
    # last one starting at or above it.
    hidden = sorted(blocks.code + blocks.raw)
    starts = [b for b, _ in hidden]
    out = []
    for i, line in enumerate(lines):
        kind = _marker_kind(line, also)
        if kind is None:
            continue
        k = bisect.bisect_right(starts, i)
        if k and hidden[k - 1][1] > i:
            continue
        out.append((i, kind))
    last = len(lines) - 1
    fence = next((b for b, e in blocks.fences if b <= last < e), None)
    return out, fence


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


def _read(
    lines: list[str], also: tuple[str, ...], text: str | None
) -> tuple[list[tuple[int, str]], int | None, list[tuple[int, int]]]:
    """_scan, or markdown-it's reading where the scan could be wrong: the markers, the fence open
    at the end, and the raw HTML blocks ([] when none could matter)."""
    out, fence, fences = _scan(lines, also)
    hints = [i for i, _ in out] + fences  # the lines a raw HTML block above would change
    if not hints:
        return out, fence, []
    if text is None:
        text = "\n".join(lines)
    # A fence opened on a list item's line holds only lines indented into the item: a marker at
    # the start of its line ends the item (and the fence), so only indented ones send us looking.
    doubt = _fences_in_doubt(lines, fences) or (
        any(lines[i][:1] == " " for i, _ in out) and _CONTAINED_FENCE.search(text) is not None
    )
    if not doubt and not _at_risk(text, hints, len(lines)):
        return out, fence, []
    # markdown-it is the reference: its raw HTML blocks hold no markers, and its fences and code
    # blocks (not the lines the scan took for fences) are where code is.
    blocks = _block_ranges(_thinned(lines, out) or text)
    out, fence = _outside(lines, also, blocks)
    return out, fence, blocks.raw


def marker_lines(lines: list[str], also: tuple[str, ...] = (), text: str | None = None) -> list[tuple[int, str]]:
    """(line, "begin" | "end") of the marker lines that are markers to a Markdown renderer: not
    inside a fenced code block (an example of the markers in a README-style fence), not an
    indented code line (4+ spaces), and not inside an HTML block that only its closing tag ends
    (`<pre>`, `<script>`, `<style>`, `<textarea>`, `<?`, `<![CDATA[`: raw text to a renderer, as
    markdown-it reads the file). Lines equal to one of `also` (stripped), found by the same
    rules, are reported as (line, "also"). `text` is "\n".join(lines) when the caller has it.

    What counts is what markdown-it reads; it is asked only when the line scan could read
    otherwise: when a raw HTML block could hold a marker or a fence line (an opener above one,
    with no closing text between them), or a fence line could be no fence (indented, or held by
    an HTML block above: `<div>` then `~~~` is HTML up to the blank line). An ordinary file costs
    one regular expression search over its text, and no Markdown parse."""
    return _read(lines, also, text)[0]


def may_hide_markers(text: str) -> bool:
    """Whether `text` holds an opener of a raw HTML block anywhere (one regular expression
    search): else no placement of a table can be hidden, and `index` never refuses."""
    return _RAW_OPEN.search(text) is not None


def hidden_markers(lines: list[str], text: str | None = None) -> int:
    """How many marker lines a raw HTML block holds (a `<pre>` left open above them, or a person's
    example): text to a renderer, as marker_lines reads the file."""
    raw = _read(lines, (), text)[2]
    return sum(
        1 for b, e in raw for i in range(b, min(e, len(lines))) if lines[i].strip() in (BEGIN_MARKER, END_MARKER)
    )


# A new block goes this many blocks up at most before it goes to the top of the file.
_MAX_CLIMB = 8


def open_block_at_end(lines: list[str], text: str | None = None) -> int | None:
    """Where a new managed block goes instead of the end of `lines` when the end is inside a
    block never closed (a fence, a `<pre>`), as marker_lines reads the file: the first line of
    that block (of the block around it, if that one is inside another). None when the end is
    fine. At the end the new block would be text of that block, and the next run would add
    another."""
    at, moved = len(lines), False
    for _ in range(_MAX_CLIMB):
        # A probe: the begin marker as the writer puts it there (after a blank line).
        probe = [*lines[:at], "", BEGIN_MARKER]
        joined = text + "\n\n" + BEGIN_MARKER if text is not None and at == len(lines) else None
        found, fence, raw = _read(probe, (), joined)
        if found and found[-1][0] == len(probe) - 1:
            return at if moved else None
        starts = [b for b, e in raw if b < len(probe) - 1 < e] + ([] if fence is None else [fence])
        at, moved = min(starts, default=0), True
        if at == 0:
            return 0
    return 0


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


def thinned_text(lines: list[str], text: str | None = None) -> str:
    """`text` ("\n".join(lines)) for a block-level parse that needs no table row: the rows of
    the managed tables (most of a large file) made one-word lines, line numbers kept."""
    joined = "\n".join(lines) if text is None else text
    return _thinned(lines, marker_lines(lines, text=joined)) or joined


def _thinned(lines: list[str], found: list[tuple[int, str]]) -> str | None:
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


class _Blocks(NamedTuple):
    """Where markdown-it finds the blocks a marker line is text in: (first line, end line) pairs."""

    raw: list[tuple[int, int]]  # raw HTML blocks (types 1, 3, 5)
    code: list[tuple[int, int]]  # fenced and indented code blocks, at any depth (fences too)
    fences: list[tuple[int, int]]  # fenced code blocks


@lru_cache(maxsize=2)
def _block_ranges(text: str) -> _Blocks:
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
    return _Blocks(raw, code, fences)


def managed_spans(lines: list[str], text: str | None = None) -> list[tuple[int, int]]:
    """Every managed block (0-based marker lines), in order: one per section of INDEX.md that
    holds a table. Each end marker closes the last begin marker before it (so a stray begin
    marker higher up never swallows the text between it and a real block); markers inside code
    and raw HTML blocks are examples, not markers; a marker left without its partner is stray.
    `text` is "\n".join(lines) when the caller has it."""
    spans: list[tuple[int, int]] = []
    begin = None
    for i, kind in marker_lines(lines, text=text):
        if kind == "begin":
            begin = i
        elif begin is not None:
            spans.append((begin, i))
            begin = None
    return spans
