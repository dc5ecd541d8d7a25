"""Reading the plain forms of INDEX.md without a Markdown parser.

Most hand-written INDEX.md files, before the first `seedkeeper index`, are a heading, a line or
two of prose and a bullet list of names or links. For such a file every line is one of a few
shapes whose CommonMark meaning is certain, and reading it line by line gives exactly the entries
markdown-it would (tests/test_index_plain.py compares both on every fixture and on generated
lists). Anything else (indentation, emphasis, tables, HTML, code, escapes, a list line that could
continue a paragraph...) returns None, and the caller parses the whole file with markdown-it.
"""

from __future__ import annotations

import re

from seedkeeper.indexmd.entries import NAME_END, NOTE_SEPARATORS, IndexEntry, list_item_lang, pinned_lang
from seedkeeper.indexmd.markers import BEGIN_MARKER, END_MARKER

# Characters whose Markdown meaning a line-by-line reader cannot settle: links, emphasis, code,
# HTML and entities, escapes, tables, strike-through, math. `_` is handled apart (intraword `_`,
# as in 000_abc.txt, is plain text in CommonMark).
_SPECIAL = re.compile(r"[\[\]<>`*\\&|!~$\x00-\x1f\x7f]")
_LOOSE_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_HEADING = re.compile(r"#{1,6}(?: +(.*))?")
_BULLET = re.compile(r"([-*+]|(\d{1,9})[.)]) {1,4}(\S.*)")
_LINK_ITEM = re.compile(r"\[([^\[\]]+)\]\(([0-9A-Za-z_./\-]+)\)(?: +(.*))?")
# A line that could be a setext underline, a thematic break or a block quote.
_BLOCK_START = re.compile(r"(?:=+|-+|\*+|_+|>.*|#.*|[-*+](?: .*)?|\d{1,9}[.)](?: .*)?)")


def _plain(text: str) -> bool:
    """No character whose inline Markdown meaning differs from its text."""
    return not _SPECIAL.search(text) and not _LOOSE_UNDERSCORE.search(text)


def plain_entries(lines: list[str], walker) -> list[IndexEntry] | None:
    """The entries of `lines` (INDEX.md split on LF, managed block lines blanked), or None when
    any line is not one of the plain shapes. `walker` is the reader's Walker (is_ref, entry)."""
    out: list[IndexEntry] = []
    prev = "blank"  # what the line before was: blank | heading | item | prose
    for i, line in enumerate(lines):
        stripped = line.rstrip(" ")
        if not stripped:
            prev = "blank"
            continue
        if stripped in (BEGIN_MARKER, END_MARKER):
            if prev not in ("blank", "heading"):
                return None  # an HTML block that interrupts a paragraph or list: let the parser judge
            prev = "heading"  # a one-line HTML block: ends where it starts
            continue
        if line[0] == " " or "\r" in line:
            return None
        m = _HEADING.fullmatch(stripped)
        if m:
            if not _plain(m.group(1) or ""):
                return None
            prev = "heading"
            continue
        m = _BULLET.fullmatch(stripped)
        if m:
            # A bullet item, or an ordered one starting at 1, interrupts a paragraph; any other
            # ordered line right after prose continues it.
            if prev == "prose" and m.group(2) is not None and m.group(2) != "1":
                return None
            entry = _item(i, line, m.group(3), walker)
            if entry is False:
                return None
            if entry is not None:
                out.append(entry)
            prev = "item"
            continue
        if prev == "item" or _BLOCK_START.fullmatch(stripped) or not _plain(stripped):
            return None  # lazy continuation of an item, a setext underline, a quote, or markup
        prev = "prose"
    return out


def _item(line0: int, source: str, content: str, walker) -> IndexEntry | None | bool:
    """The entry of one list item line, None when it references nothing, False when unsure."""
    link = _LINK_ITEM.fullmatch(content)
    if link:
        title, href, rest = link.group(1), link.group(2), link.group(3) or ""
        if not _plain(title) or not _plain(rest) or not walker.is_ref(href, True):
            return False
        note = rest.strip().lstrip(NOTE_SEPARATORS).strip()
        lang = list_item_lang(href, True, title.strip(), source, note)
        return walker.entry(href, True, line0, "list", title=title.strip(), note=note, lang=lang)
    if not _plain(content):
        return False
    words = content.rstrip(" ").split(" ")
    first_word = words[0].rstrip(NAME_END)
    if first_word and walker.is_ref(first_word, False):
        note = " ".join(words[1:]).strip().lstrip(NOTE_SEPARATORS).strip()
        return walker.entry(first_word, False, line0, "list", note=note, lang=pinned_lang(note))
    if " " in content.strip():
        return False  # "my file.txt — a note": the parser's rules for spaced names decide
    return None
