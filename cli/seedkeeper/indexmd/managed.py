"""Reading the managed table line by line.

The table between the markers is our own output; when every line has exactly the shape
`seedkeeper index` writes, its rows are read here without markdown-it (100,000 rows in a
fraction of a second). Anything else returns None and the whole file goes through markdown-it.
"""

from __future__ import annotations

import re

from seedkeeper.indexmd.entries import IndexEntry
from seedkeeper.indexmd.row_pins import lang_from_cells

_ROW_LINK = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]\(([^()\s<>]+)\)")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def managed_rows(lines: list[str], span: tuple[int, int], ctx) -> list[IndexEntry] | None:
    """Entries of the managed table read line by line, or None if it is not exactly in the
    shape `seedkeeper index` writes (then the whole file goes through markdown-it).

    `ctx` is the reader's Walker: it knows which names are references and builds entries."""
    begin, end = span
    headers: list[str] | None = None
    out: list[IndexEntry] = []
    for i in range(begin + 1, end):
        line = lines[i]
        stripped = line.strip()
        if not stripped or (stripped.startswith("<!--") and stripped.endswith("-->") and "-->" not in stripped[4:-3]):
            if headers is not None and out and not stripped:
                headers = None if i + 1 < end and lines[i + 1].strip() else headers
            continue
        if not (stripped.startswith("|") and stripped.endswith("|") and not stripped.endswith("\\|")):
            return None
        cells = [c.strip().replace("\\|", "|") for c in _CELL_SPLIT.split(stripped[1:-1])]
        if headers is None:
            headers = cells
            continue
        if all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
            continue
        if len(cells) != len(headers) or headers[0].lower() != "file":
            return None
        m = _ROW_LINK.fullmatch(cells[0])
        # Any other cell that could hold a reference (a link, a bare name) needs the real parser.
        if m is None or any("[" in c or "<" in c or ("." in c and ctx.is_ref(c.strip("`"), False)) for c in cells[1:]):
            return None
        named = tuple(zip(headers, cells))
        title = re.sub(r"\\(.)", r"\1", m.group(1))
        if not ctx.is_ref(m.group(2), True):
            return None
        out.append(ctx.entry(m.group(2), True, i, "table", title=title, lang=lang_from_cells(named, True), cells=named))
    return out
