"""Finding list items that start with a document's spaced name without marking where it ends.

`- persian news.txt from BBC` cannot say, in Markdown, whether the name is `persian news.txt`,
`persian` or `news.txt from BBC`: the reader takes a bare name as the item's first word, or a
spaced one only up to a separator (` — `, `: `). Reading the longest run of words that names a
file on disk would make what INDEX.md lists depend on the folder's contents (a file added later
would silently change an old item's meaning, and `rename` could not verify its rewrite), so such
an item stays prose and the unlisted document's finding says how to write it instead.
"""

from __future__ import annotations

from collections.abc import Collection

from seedkeeper.corpus.paths import nfc
from seedkeeper.indexmd.markdown_guard import defuse
from seedkeeper.indexmd.markers import managed_spans


def unmarked_items(text: str, names: Collection[str]) -> dict[str, tuple[int, str]]:
    """For each of `names` (documents whose name has a space) that a list item's first line
    starts with, followed by a space or nothing: (the item's 1-based line, the rest of that line).
    The longest name wins when several fit; a name inside a link, code span or HTML never does
    (those mark its end already, or hide it)."""
    spaced = sorted((n for n in names if " " in n), key=len, reverse=True)
    if not spaced:
        return {}
    from seedkeeper.indexmd.reader import md

    lines = text.split("\n")
    inside = {i for b, e in managed_spans(lines, text) for i in range(b, e + 1)}
    outside = ["" if i in inside else ln for i, ln in enumerate(lines)]
    tokens = md().parse("\n".join(defuse(outside)))
    found: dict[str, tuple[int, str]] = {}
    for i, tok in enumerate(tokens):
        # The inline run of a list item's first paragraph: list_item_open, paragraph_open, inline.
        if tok.type != "inline" or i < 2 or tokens[i - 2].type != "list_item_open" or not tok.map:
            continue
        children = tok.children or []
        if not children or children[0].type != "text":
            continue
        first = nfc(tok.content.split("\n", 1)[0].strip())
        for name in spaced:
            # Compared composed (NFC): macOS writes names decomposed, people type them composed.
            written = nfc(name)
            if first == written or first.startswith(written + " "):
                found.setdefault(name, (tok.map[0] + 1, first[len(written) :].strip()))
                break
    return found


def how_to_write(name: str, rest: str) -> str:
    """The two forms that mark a spaced name's end: a code span or a link (`<...>` keeps the space)."""
    tail = f" {rest}" if rest else ""
    return f"- `{name}`{tail}  or  - [{name}](<{name}>){tail}"
