"""The records INDEX.md is read into, the marker lines of the managed table, and the small rules
that read a person's notes (a pinned language) out of them. Shared by the reader, the managed
table's fast path and the table renderer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# The managed table lives between these markers (see writer.py).
BEGIN_MARKER = "<!-- seedkeeper:index:begin -->"
END_MARKER = "<!-- seedkeeper:index:end -->"

# `lang: fa`, `lang=fa`, `(lang: zh-Hant)` in a note pins the document's language.
_TAG = r"([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)(?![\w-])"
# The first `lang: xx` of a note, in brackets ("(lang: fa)", which go with it) or bare. A bare
# long form "language: xx" pins only where the tag ends the phrase (end, punctuation or another
# `key=`/`key:` directive): "Plain language: no jargon" is prose, not Norwegian.
_LANG_IN_NOTE = re.compile(
    r"\(\s*\blang(?:uage)?\s*[:=]\s*" + _TAG + r"\s*\)"
    r"|\blang\s*[:=]\s*" + _TAG + r"|\blanguage\s*[:=]\s*" + _TAG + r"(?=\s*(?:$|[^\w\s]|[\w-]+\s*[:=]))",
    re.I,
)
LINK_SRC = re.compile(
    r"!?\[((?:[^\[\]\\]|\\.)*)\]\(\s*(<[^>\n]*>|[^\s)]*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)


_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})(.*)$")


def marker_lines(lines: list[str], also: tuple[str, ...] = ()) -> list[tuple[int, str]]:
    """(line, "begin" | "end") of the marker lines that are markers to a Markdown renderer: not
    inside a fenced code block (an example of the markers in a README-style fence) and not an
    indented code line (4+ spaces). Lines equal to one of `also` (stripped), found by the same
    rules, are reported as (line, "also")."""
    out: list[tuple[int, str]] = []
    fence: tuple[str, int] | None = None  # (fence character, length) while inside a fence
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= fence[1] and not m.group(2).strip():
                fence = None
            continue
        if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
            fence = (m.group(1)[0], len(m.group(1)))
            continue
        stripped = line.strip()
        if (
            (stripped in (BEGIN_MARKER, END_MARKER) or stripped in also)
            and len(line) - len(line.lstrip(" ")) < 4
            and not line.startswith("\t")
        ):
            kind = "begin" if stripped == BEGIN_MARKER else "end" if stripped == END_MARKER else "also"
            out.append((i, kind))
    return out


def managed_span(lines: list[str]) -> tuple[int, int] | None:
    """The managed block (0-based marker lines): the first end marker that follows a begin marker,
    and the last begin marker before it (so a stray begin marker higher up never swallows the
    text between it and the real block), or None."""
    begin = None
    for i, kind in marker_lines(lines):
        if kind == "begin":
            begin = i
        elif begin is not None:
            return (begin, i)
    return None


def managed_spans(lines: list[str]) -> list[tuple[int, int]]:
    """Every managed block (0-based marker lines), in order: one per section of INDEX.md that
    holds a table. Each end marker closes the last begin marker before it (so a stray begin
    marker higher up never swallows the text between it and a real block); markers inside code
    are examples, not markers; a marker left without its partner is stray."""
    spans: list[tuple[int, int]] = []
    begin = None
    for i, kind in marker_lines(lines):
        if kind == "begin":
            begin = i
        elif begin is not None:
            spans.append((begin, i))
            begin = None
    return spans


REF_LINK_SRC = re.compile(r"!?\[((?:[^\[\]\\]|\\.)*)\](?:\[((?:[^\[\]\\]|\\.)*)\])?")


@dataclass(frozen=True)
class IndexEntry:
    """One reference to a document in INDEX.md."""

    written: str  # the target as written (links: as the Markdown parser decoded it)
    rel: str | None  # folder-relative path, or None when the target is unsafe
    line: int  # 1-based line in INDEX.md
    kind: str  # "link" | "list" | "table"
    unsafe_reason: str | None = None
    title: str | None = None  # link text, when the reference is a link
    note: str = ""  # what a person wrote on the list line besides the reference
    lang: str | None = None  # a language a person pinned
    managed: bool = False  # inside the managed table
    cells: tuple[tuple[str, str], ...] = ()  # table rows: (header, cell source text)


@dataclass
class IndexDocument:
    """INDEX.md parsed: its text, its references in order, and the managed block's lines."""

    text: str
    entries: list[IndexEntry] = field(default_factory=list)
    managed_span: tuple[int, int] | None = None  # 0-based [begin marker line, end marker line] of the first block
    managed_spans: list[tuple[int, int]] = field(default_factory=list)  # every managed block (one per section)

    def listed(self) -> list[str]:
        """Safe relative paths in INDEX order, first occurrence only."""
        seen: dict[str, None] = {}
        for e in self.entries:
            if e.rel is not None:
                seen.setdefault(e.rel, None)
        return list(seen)


def pinned_lang(note: str) -> str | None:
    """The language pinned in a note (`lang: fa`), or None."""
    m = _LANG_IN_NOTE.search(note)
    return next(tag for tag in m.groups() if tag) if m else None


def without_pinned_lang(note: str) -> str:
    """The note with its `lang: fa` taken out (index moves it to the Pinned column)."""
    # "(lang: fa)" goes with its brackets; a bare "lang: fa" leaves the brackets around it alone
    # ("a (b, lang: fa)" keeps its closing bracket). Only the separators at the seam go with it
    # (one before it that nothing follows); the rest of the note is left exactly as written.
    m = _LANG_IN_NOTE.search(note)  # the very one pinned_lang reads
    if m is None:
        return note.strip()
    left, right = note[: m.start()].rstrip(), note[m.end() :].lstrip()
    seps, openers, closers = (";", ",", "—", "–"), ("(", "["), (")", "]", ".")
    if right.startswith(seps) and (not left or left.endswith(seps + openers)):
        right = right[1:].lstrip()
    if left.endswith(seps) and (not right or right.startswith(closers)):
        left = left[:-1].rstrip()
    glue = "" if not left or not right or left.endswith(openers) or right.startswith(closers) else " "
    return (left + glue + right).strip()


def lang_from_cells(cells: tuple[tuple[str, str], ...], managed: bool) -> str | None:
    """The language a person pinned in a table row's cells, or None."""
    # In the managed table only the "Pinned" column is a person's; in a hand-written table a
    # "Language"/"Lang" column is. A `lang: zu` typed in a Notes cell pins too, as it does in a
    # list item's note (the Pinned column wins when both are filled).
    # In a hand-written table a `lang:` typed in any other cell pins too (a Comments column, or
    # beside the file name: where `restore` puts a person's language back when there is no
    # Notes or Language column), the Notes cell first.
    wanted = ("pinned",) if managed else ("pinned", "lang", "language")
    in_notes = elsewhere = None
    for header, value in cells:
        h = header.strip().lower()
        if h in wanted and re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", value.strip()):
            return value.strip()
        if not value or "lang" not in value.lower():
            continue
        if in_notes is None and h in ("notes", "note"):
            in_notes = pinned_lang(value)
        elif elsewhere is None and not managed and h not in wanted:
            elsewhere = pinned_lang(value)
    return in_notes or elsewhere
