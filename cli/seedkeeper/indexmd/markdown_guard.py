"""Keeping markdown-it linear on hostile input.

markdown-it's bracket and emphasis scanning is quadratic within one inline run, so a giant line
of brackets would stall `validate` for minutes. `defuse` blanks those characters in such runs
(keeping simple links and list-item names, so references survive) before parsing.
"""

from __future__ import annotations

import re

# markdown-it's bracket and emphasis scanning is quadratic within one inline run: a 2 MB line of
# "[" takes ~25 s, and backslash-escaping them is hardly faster. No hand-written Markdown has such
# runs, so there these characters are blanked before parsing (a reference inside such a run is
# not seen: the document is then reported unlisted). The file on disk is untouched.
_GIANT = 32 * 1024
_SPECIAL = re.compile(r"([\[\]<>*_`!])")
_BLOCK_START = re.compile(r"^\s{0,3}(?:[-*+]\s|\d{1,9}[.)]\s|#|>|\||```|~~~)")


_SIMPLE_LINK = re.compile(r"!?\[[^\[\]\n]{0,1000}\]\((?:<[^<>\n]{0,1000}>|[^()\s]{0,1000})\)")
_ITEM_HEAD = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+\S+")


def _defuse_line(line: str) -> str:
    """Blank the special characters of a giant line, except inside well-formed simple links and
    the first word of a list item: references survive, the pathological scanning does not."""
    keep = [m.span() for m in _SIMPLE_LINK.finditer(line)]
    head = _ITEM_HEAD.match(line)
    if head:
        keep.insert(0, head.span())
    out, pos = [], 0
    for a, b in keep:
        if a < pos:
            continue
        out.append(_SPECIAL.sub(" ", line[pos:a]))
        out.append(line[a:b])
        pos = b
    out.append(_SPECIAL.sub(" ", line[pos:]))
    return "".join(out)


def defuse(lines: list[str]) -> list[str]:
    out = list(lines)
    run: list[int] = []
    size = 0

    def flush() -> None:
        if size > _GIANT:
            for k in run:
                out[k] = _defuse_line(out[k])

    for i, line in enumerate(lines):
        if len(line) > _GIANT:
            out[i] = _defuse_line(line)
        if not line.strip() or _BLOCK_START.match(line):
            flush()
            run, size = [], 0
        else:
            run.append(i)
            size += len(line)
    flush()
    return out
