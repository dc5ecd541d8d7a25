"""Where a new list goes when INDEX.md has no list or table to extend (`restore`, `add` before the
first `index`): at the end, unless a renderer would then show the text a person wrote otherwise.

Each place tried is checked with the Markdown parse, not predicted: the new text must list
exactly what the old one did plus the new files, and every raw block (HTML, fence, indented
code) must hold exactly the text it held. A place that fails is skipped; the person's bytes are
never changed to make one fit."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from seedkeeper.errors import IndexWriteError
from seedkeeper.indexmd.layout import Layout, block_parser, emit, is_blank, swallowed_at
from seedkeeper.indexmd.reader import parse_index

__all__ = ["with_new_list"]

# Blocks whose text a renderer shows raw (or not at all): a change in what they hold is hidden
# text becoming Markdown, or Markdown becoming hidden.
_RAW = ("html_block", "fence", "code_block")


def with_new_list(lines: list[str], block: Sequence[str], names: tuple[tuple[str, ...], str]) -> list[str]:
    """`lines` with the list `block` (`- file` lines) added where the parse shows it as a list
    and changes nothing else a renderer shows: at the end; before a block the end is inside of
    (a fence, `<pre>` or HTML comment left open, which would hide the list); there, indented like
    that block's opener when the opener (1-3 spaces in) would otherwise join the new list item
    and show what it hides; else after the title, or at the top. Raises IndexWriteError when no
    place keeps the text as it was (never seen: a top-of-file list always fits)."""
    want = _shown("\n".join(lines), names) + _shown("\n".join(block), names)
    for at in dict.fromkeys(_places(lines, block)):
        for indent in dict.fromkeys(("", _indent_of_next(lines, at))):
            out = emit(lines, set(), at, [indent + ln for ln in block], pad=True)
            if _shown("\n".join(out), names) == want:
                return out
    raise IndexWriteError("found no place in INDEX.md for a new list that leaves the rest of it as it reads")


def _places(lines: list[str], block: Sequence[str]) -> Iterator[int]:
    """The lines to try the list before, best first."""
    at = len(lines)
    while True:
        out = emit(lines, set(), at, block, pad=True)
        first = at if at == 0 or is_blank(lines[at - 1]) else at + 1  # emit pads with a blank line
        held = swallowed_at(out, first)
        if held is None:
            break
        at = held  # above `at` (a blank line starts no block): the loop ends, at the top at worst
    yield at
    top = Layout("\n".join(lines)).top
    if top and top[0].kind == "heading_open":
        yield top[0].end  # under the title
    yield 0


def _indent_of_next(lines: list[str], at: int) -> str:
    """The indentation (1-3 spaces; else "") of the first line with text from `at` on: a new
    list item indented as much ends before that line instead of taking it in."""
    nxt = next((ln for ln in lines[at:] if not is_blank(ln)), "")
    indent = nxt[: len(nxt) - len(nxt.lstrip(" "))]
    return indent if 0 < len(indent) < 4 else ""


def _shown(text: str, names: tuple[tuple[str, ...], str]) -> Counter[tuple[str, ...]]:
    """What a renderer shows of `text` that a new list must not change: its references (file and
    kind, wherever they are) and the text of each raw block."""
    include, name_pattern = names
    shown: Counter[tuple[str, ...]] = Counter(
        ("entry", e.rel or e.written, e.kind) for e in parse_index(text, include, name_pattern).entries
    )
    shown.update(("raw", t.type, t.content) for t in block_parser().parse(text) if t.type in _RAW)
    return shown
