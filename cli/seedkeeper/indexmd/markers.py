"""Where the managed table's marker lines are, as a Markdown renderer sees them.

A marker inside a fenced code block or a raw HTML block (`<pre>`, `<script>`, a comment, `<?`...)
is text, not a marker: a renderer shows it as such, so the writer must neither read a table
there nor write one where such a block would swallow it. A line scan finds the markers and the
fences; where the scan could be wrong (an HTML block type markdown-it ends differently, a fence
inside a list item or block quote), markdown-it's parse decides (hiding_blocks.py: when to ask
it, and what it finds). Shared by the reader, the writer and the table's fast path."""

from __future__ import annotations

import bisect
import re

from seedkeeper.indexmd.hiding_blocks import BlockRanges, block_ranges, scan_in_doubt, thinned_tables

# The managed table lives between these markers (see writer.py).
BEGIN_MARKER = "<!-- seedkeeper:index:begin -->"
END_MARKER = "<!-- seedkeeper:index:end -->"


_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})(.*)$")


def _scan(lines: list[str], also: tuple[str, ...]) -> tuple[list[tuple[int, str]], int | None, list[int]]:
    """The line scan of marker_lines: the marker lines outside fences and indented code, the line
    of the fence still open at the end (None when every fence is closed), and every fence line.
    Exact for a fence line at the start of its line with no HTML block about (scan_in_doubt);
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


def _outside(lines: list[str], also: tuple[str, ...], blocks: BlockRanges) -> tuple[list[tuple[int, str]], int | None]:
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


def _read(
    lines: list[str], also: tuple[str, ...], text: str | None
) -> tuple[list[tuple[int, str]], int | None, list[tuple[int, int]]]:
    """_scan, or markdown-it's reading where the scan could be wrong: the markers, the fence open
    at the end, and the raw HTML blocks ([] when none could matter)."""
    out, fence, fences = _scan(lines, also)
    if not out and not fences:  # no line a raw HTML block above would change
        return out, fence, []
    if text is None:
        text = "\n".join(lines)
    if not scan_in_doubt(lines, text, out, fences):
        return out, fence, []
    # markdown-it is the reference: its raw HTML blocks hold no markers, and its fences and code
    # blocks (not the lines the scan took for fences) are where code is.
    blocks = block_ranges(thinned_tables(lines, out) or text)
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


def thinned_text(lines: list[str], text: str | None = None) -> str:
    """`text` ("\n".join(lines)) for a block-level parse that needs no table row: the rows of
    the managed tables (most of a large file) made one-word lines, line numbers kept."""
    joined = "\n".join(lines) if text is None else text
    return thinned_tables(lines, marker_lines(lines, text=joined)) or joined


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
