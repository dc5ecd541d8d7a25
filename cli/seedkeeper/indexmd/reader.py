"""Reading INDEX.md as GitHub renders it: which documents it references, where, and what a person
wrote beside each (a note, a pinned language).

References are Markdown link targets anywhere, bare file names that start a list item, and bare
file names that fill a table cell (a GitHub footnote reference after the name does not stop it;
a footnote definition is prose: footnotes.py). Headings, prose, code blocks and HTML are not
references. A link or name counts only when its file name matches the include globs or the name
pattern, so a link to CONTRIBUTING.md or a web page is just prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from seedkeeper.corpus.paths import looks_like_reference, normalize_target
from seedkeeper.indexmd.entries import (  # noqa: F401 - re-exported
    LINK_SRC,
    NAME_END,
    REF_LINK_SRC,
    IndexDocument,
    IndexEntry,
    item_lang,
    list_item_lang,
    pinned_lang,
)
from seedkeeper.indexmd.footnotes import marked_name, with_footnotes
from seedkeeper.indexmd.item_text import clean_note, item_body, link_text, note_after_link, split_note
from seedkeeper.indexmd.link_titles import item_link_title
from seedkeeper.indexmd.managed import managed_rows
from seedkeeper.indexmd.markdown_guard import defuse
from seedkeeper.indexmd.markers import managed_spans
from seedkeeper.indexmd.plain import plain_entries
from seedkeeper.indexmd.row_refs import settle_later_cells
from seedkeeper.indexmd.table_rows import table_row

if TYPE_CHECKING:  # pragma: no cover - markdown-it loads only when a file needs the parser
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@lru_cache(maxsize=1)
def md() -> MarkdownIt:
    """The CommonMark parser (with tables and GitHub's footnotes), built on first use: a plain
    bullet list or our own table never needs it, and importing it costs 25 ms of every run."""
    from markdown_it import MarkdownIt

    return with_footnotes(MarkdownIt("commonmark", {"html": True}).enable("table"))


def parse_index(
    text: str,
    include: tuple[str, ...] = ("*.txt",),
    name_pattern: str = r"\d{3,}_[0-9a-f]{16}\.txt",
    *,
    fast_plain: bool = True,
) -> IndexDocument:
    """Parse INDEX.md text into its references (see module docstring for what counts).

    Plain files (headings, prose, bullet lists of names or links) are read line by line
    (plain.py); with fast_plain=False, or for anything else, markdown-it parses the file."""
    return _parse(text, tuple(include), name_pattern, fast_plain)


def _parse(text: str, include: tuple[str, ...], name_pattern: str, fast_plain: bool) -> IndexDocument:
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    name_re = re.compile(name_pattern)
    spans = managed_spans(lines, text)
    doc = IndexDocument(text=text, managed_span=spans[0] if spans else None, managed_spans=spans)
    ctx = Walker(lines, include, name_re, spans)
    fast: list[IndexEntry] | None = [] if spans else None
    for span in spans:
        rows = managed_rows(lines, span, ctx)
        if rows is None:
            fast = None
            break
        fast += rows
    if not spans and fast_plain:
        plain = plain_entries(lines, ctx)
        if plain is not None:
            doc.entries = plain
            return doc
    if fast is not None:
        # Our own tables, exactly as we write them: read their rows directly, and give markdown-it
        # only the rest (block lines blanked, so line numbers stay true). A 100,000-row table then
        # costs milliseconds instead of a minute.
        inside = {i for b, e in spans for i in range(b + 1, e)}
        outside = [("" if i in inside else ln) for i, ln in enumerate(lines)]
        plain = plain_entries(outside, ctx) if fast_plain else None
        entries = plain if plain is not None else list(ctx.walk(md().parse("\n".join(defuse(outside)))))
        doc.entries = sorted(entries + fast, key=lambda e: e.line)
    else:
        doc.entries = list(ctx.walk(md().parse("\n".join(defuse(lines)))))
    # A name in a later cell of a row lists its document only when nothing else in INDEX.md does
    # (row_refs.py): read once the whole file is, so every command reads the same listings.
    doc.entries = settle_later_cells(doc.entries)
    return doc


# A GitHub task list item's box (`- [ ] 000_x.txt`, `- [x] ...`): GitHub shows a checkbox, and
# the item's text starts after it (item_text.item_body strips it from the source line likewise).
_TASK_BOX = re.compile(r"\[[ xX]\][ \t]+")


def task_box(tok: Token) -> tuple[str, Token]:
    """A list item's task box (`[x]`, or "") and its first paragraph without it, as GitHub shows
    the item's text after the checkbox."""
    children = tok.children or []
    m = _TASK_BOX.match(tok.content)
    if not m or not children or children[0].type != "text" or not children[0].content.startswith(m.group()):
        return "", tok
    first = children[0].copy(content=children[0].content[m.end() :])
    rest = ([first] if first.content else []) + children[1:]
    return m.group().strip(), tok.copy(content=tok.content[m.end() :], children=rest)


class Walker:
    def __init__(self, lines, include, name_re, managed: list[tuple[int, int]]):
        self.lines, self.include, self.name_re, self.managed = lines, include, name_re, managed

    def is_ref(self, written: str, from_link: bool) -> bool:
        return looks_like_reference(written, self.include, self.name_re, from_link=from_link)

    def in_managed(self, line0: int) -> bool:
        return any(b < line0 < e for b, e in self.managed)

    def walk(self, tokens: list[Token]) -> Iterable[IndexEntry]:
        # Track where we are: the innermost list item's first paragraph, and table header cells.
        item_first_para = False
        para_is_item_first = []
        headers: list[str] = []
        in_head = False
        row_cells: list[str] = []
        pending_row: list[tuple[int, Token]] = []
        row_line = 0
        footnote = 0  # inside a footnote definition: prose (footnotes.py)
        for i, tok in enumerate(tokens):
            t = tok.type
            if t in ("footnote_reference_open", "footnote_reference_close"):
                footnote += tok.nesting
            elif t == "list_item_open":
                item_first_para = True
            elif t == "paragraph_open":
                para_is_item_first.append(item_first_para)
                item_first_para = False
            elif t == "paragraph_close":
                para_is_item_first.pop() if para_is_item_first else None
            elif t == "thead_open":
                in_head, headers = True, []
            elif t == "thead_close":
                in_head = False
            elif t == "tr_open":
                row_cells, pending_row = [], []
                row_line = tok.map[0] if tok.map else 0
            elif t == "tr_close" and not in_head:
                yield from table_row(self, pending_row, row_cells, headers, row_line)
            elif t == "inline":
                parent = tokens[i - 1].type if i else ""
                line0 = tok.map[0] if tok.map else 0
                if footnote:
                    yield from self.links(tok, line0, "link")
                elif parent in ("th_open",):
                    headers.append(tok.content.strip())
                elif parent == "td_open":
                    row_cells.append(tok.content)
                    pending_row.append((len(row_cells) - 1, tok))
                elif parent == "paragraph_open" and para_is_item_first and para_is_item_first[-1]:
                    yield from self._list_item(tok, line0)
                else:
                    yield from self.links(tok, line0, "link")

    def links(self, tok: Token, line0: int, kind: str, note: str = "", lang=None) -> Iterable[IndexEntry]:
        """The references of an inline run's links (a name in a link's text is the link's), as
        entries of `kind`, on the line of the run each is on."""
        breaks = 0
        children = tok.children or []
        for j, c in enumerate(children):
            if c.type in ("softbreak", "hardbreak"):
                breaks += 1
            elif c.type == "link_open":
                href = c.attrGet("href") or ""
                if self.is_ref(href, True):
                    title = link_text(children, j)
                    yield self.entry(href, True, line0 + breaks, kind, title=title, note=note, lang=lang)

    def _list_item(self, tok: Token, line0: int) -> Iterable[IndexEntry]:
        box, tok = task_box(tok)
        for e in self._item_entries(tok, line0):
            # The box is a person's words (`[x]`: done): carried at the note's start, as GitHub shows it.
            yield replace(e, note=f"{box} {e.note}".rstrip()) if box and e.kind == "list" else e

    def _item_entries(self, tok: Token, line0: int) -> Iterable[IndexEntry]:
        children = tok.children or []
        first = next(
            (c for c in children if c.type not in ("softbreak",) and not (c.type == "text" and not c.content.strip())),
            None,
        )
        source = self.lines[line0] if line0 < len(self.lines) else ""
        # The lines that continue the item's first paragraph: a `lang:` there pins too.
        more = " ".join(ln.strip() for ln in tok.content.split("\n")[1:])
        if first is not None and first.type == "link_open":
            href = first.attrGet("href") or ""
            if self.is_ref(href, True):
                # The link's title (GitHub's tooltip) is a person's words too: carried first in the note.
                shown_title = item_link_title(item_body(source), href, first.attrGet("title"))
                note = " ".join(p for p in (shown_title, note_after_link(source, href)) if p)
                title = link_text(children, 0 if children[0] is first else children.index(first))
                yield self.entry(
                    href,
                    True,
                    line0,
                    "list",
                    title=title,
                    note=note,
                    lang=list_item_lang(href, True, title, source, note, more),
                    more=more,
                )
                rest = [c for c in children[children.index(first) + 1 :]]
                from markdown_it.token import Token

                tail = Token("inline", "", 0, children=rest)
                yield from self.links(tail, line0, "link")
                return
        # A bare name: the shortest run of leading words that names a document ("my file.txt").
        content = tok.content.split("\n", 1)[0]
        if first is not None and first.type == "code_inline":
            name = first.content
            if self.is_ref(name, False):
                note = clean_note(content.split("`", 2)[-1] if content.startswith("`") else "")
                yield self.entry(name, False, line0, "list", note=note, lang=item_lang("", note, more), more=more)
                yield from self.links(tok, line0, "link")
                return
        # A name a footnote reference follows (`- 000_x.txt[^1] from Sara`): it ends there.
        marked = marked_name(content, children)
        if marked is not None and self.is_ref(marked[0], False):
            note = clean_note(marked[1])
            yield self.entry(marked[0], False, line0, "list", note=note, lang=item_lang("", note, more), more=more)
            yield from self.links(tok, line0, "link")
            return
        # A bare name is the item's first word (then the rest is a note), or, for a name with
        # spaces, the whole line: "- my file.txt". Prose that mentions a name is not a reference.
        words = content.split(" ")
        first_word = words[0].rstrip(NAME_END)
        if first_word.startswith("<") and first_word.endswith(">") and first is not None and first.type == "text":
            first_word = first_word[1:-1]  # `- <003_x.txt>`: not a CommonMark link, but meant as one
        whole = content.strip()
        if first_word and self.is_ref(first_word, False):
            note = clean_note(" ".join(words[1:]))
            yield self.entry(first_word, False, line0, "list", note=note, lang=item_lang("", note, more), more=more)
        elif " " in whole and not any(c.type != "text" for c in children):
            head, note = split_note(whole)
            if self.is_ref(head, False):
                yield self.entry(head, False, line0, "list", note=note, lang=item_lang("", note, more), more=more)
        yield from self.links(tok, line0, "link")

    def entry(
        self, written, from_link, line0, kind, title=None, note="", lang=None, cells=(), more="", target=None
    ) -> IndexEntry:
        target = target or normalize_target(written, from_link=from_link)  # a caller's, when it has one
        return IndexEntry(
            written=written,
            rel=target.rel,
            line=line0 + 1,
            kind=kind,
            unsafe_reason=target.unsafe_reason,
            title=title,
            note=note,
            lang=lang,
            managed=self.in_managed(line0),
            cells=cells,
            more=more,
        )
