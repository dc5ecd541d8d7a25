"""The records INDEX.md is read into, and the small rules that read a person's notes (a pinned
language) and a document's name out of them. Shared by the reader, the managed table's fast
path and the table renderer. (Where the managed table's markers are: markers.py; the language
a table row's cells pin: row_pins.py.)"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from seedkeeper.corpus.paths import nfc, normalize_target
from seedkeeper.indexmd.footnotes import footnote_marks
from seedkeeper.indexmd.link_titles import LINK_DEST, link_dest, link_words
from seedkeeper.indexmd.subtags import TAG_SHAPE, is_pin_tag

# The note grammar's marks, each with what Persian/Arabic and Chinese/Japanese keyboards type for
# it: a mark counts exactly where its ASCII counterpart does, no more (`lang：fa` pins as `lang: fa`,
# `ignore: bom، crlf` lists two codes as `ignore: bom, crlf`; a semicolon of any script ends a
# list as `;` does), so a note means the same whichever punctuation its writer's keyboard gives.
COLONS = ":\uff1a"  # full-width colon
EQUALS = "=\uff1d"  # full-width equals sign
COMMAS = ",\u060c\uff0c\u3001"  # Arabic comma, full-width comma, ideographic (enumeration) comma
SEMICOLONS = ";\u061b\uff1b"  # Arabic semicolon, full-width semicolon
OPENERS, CLOSERS = "([\uff08\uff3b", ")]\uff09\uff3d"  # brackets, full-width ones too
FULL_STOPS = ".\u3002\uff0e"  # ideographic and full-width full stops
# What ties a key to its value: `lang: fa`, `lang=fa`, `ignore：bom`.
KEY_MARK = f"[{COLONS}{EQUALS}]"
# What may part a name from the note after it (item_text, plain, reference_words), and the marks a
# bare name in a list item may end with (`- 000_x.txt: a note`, `- 000_x.txt، a note`).
NAME_END = COLONS + COMMAS + SEMICOLONS
NOTE_SEPARATORS = " \t-–—|" + NAME_END

# `lang: fa`, `lang=fa`, `(lang: zh-Hant)` in a note pins the document's language. The pattern
# finds what has a tag's shape; is_pin_tag then decides (a regex of every registered subtag
# would cost ~15 ms to compile in every run).
# (is_pin_tag, the rule, lives beside the registry it reads: subtags.py; the allow-list of
# languages in the configuration is read by it too.)
_TAG = r"([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)(?![\w-])"


# The first `lang: xx` of a note, in brackets ("(lang: fa)", which go with it) or bare. A bare
# long form "language: xx" pins only where the tag ends the phrase (end, punctuation or another
# `key=`/`key:` directive): "Plain language: no jargon" is prose, not Norwegian.
_LANG_IN_NOTE = re.compile(
    rf"[(\uff08]\s*\blang(?:uage)?\s*{KEY_MARK}\s*{_TAG}\s*[)\uff09]"
    rf"|\blang\s*{KEY_MARK}\s*{_TAG}"
    rf"|\blanguage\s*{KEY_MARK}\s*{_TAG}(?=\s*(?:$|[^\w\s]|[\w-]+\s*{KEY_MARK}))",
    re.I,
)
LINK_SRC = re.compile(r"!?\[((?:[^\[\]\\]|\\.)*)\]\(\s*" + LINK_DEST + r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")


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
    more: str = ""  # list items: the lines that continue the item's first paragraph (index adopts them)
    # A row of a table shaped like ours outside the markers with a Title cell: the Title cell
    # `index` writes for its document, once that is known (title_cells.with_titles); None until
    # then, and every Title cell is read as a person's (columns.added_in_ours).
    tool_title: str | None = None
    # A row of the managed table: the lower-case headers of its computed cells a person typed
    # in, once the documents are read (inside_cells.with_edits); None until then, or when none:
    # those cells are the tool's (columns.added_in_ours), as without the documents they must be.
    edited: frozenset[str] | None = None
    # A hand table row's listing by a cell after the row's first reference (row_refs.py): the
    # row's pin is not said of it, and it is a mention where another listing lists its document.
    later: bool = False


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


def first_pins(entries: Iterable[IndexEntry], name: Callable[[str], str] | None = None) -> dict[str, IndexEntry]:
    """file -> the listing whose pinned language applies to it: the first list item or table row
    in INDEX.md (entries in line order; the managed table's rows as any other) that pins one.

    The one rule for a file listed more than once (a duplicate-entry error, until `index` makes
    it one row): the first pin wins, and a listing that pins nothing does not undo a pin. `check`
    (through the corpus model) and `index` (the Pinned cell it writes) both read pins by it.
    Links in prose pin nothing. `name` maps an entry's path to the file it names (the corpus
    names a file as the folder spells it); by default the path itself."""
    out: dict[str, IndexEntry] = {}
    for e in entries:
        if e.rel is not None and e.lang and e.kind != "link":
            out.setdefault(name(e.rel) if name is not None else e.rel, e)
    return out


def pinned_lang(note: str) -> str | None:
    """The language pinned in a note (`lang: fa`), or None."""
    m = _pin_in_note(note)
    return next(tag for tag in m.groups() if tag) if m else None


def _pin_in_note(note: str) -> re.Match[str] | None:
    """The first `lang: xx` of a note whose tag is one (is_pin_tag): "lang: no-nonsense" is
    prose, wholly (not a pin of "no"), and a later `lang:` may still pin."""
    for m in _LANG_IN_NOTE.finditer(note):
        if is_pin_tag(next(tag for tag in m.groups() if tag)):
            return m
    return None


def same_name(a: str | None, b: str | None) -> bool:
    """Whether two names are one, as the corpus model reads them: equal, or equal in Unicode NFC
    ("café.txt" typed composed names the file spelled decomposed on disk)."""
    if a is None or b is None:
        return a is b
    return a == b or nfc(a) == nfc(b)


def _name_forms(rel: str, written: str) -> set[str]:
    """The ways a reference may spell just the file's name, in NFC."""
    return {nfc(f) for f in (rel, rel.rsplit("/", 1)[-1], written, f"./{rel}")}


def is_just_the_name(text: str, rel: str, written: str) -> bool:
    """Whether `text` (a link's text, a cell) says nothing but the file's name."""
    return nfc(text.strip("` ")) in _name_forms(rel, written)


def reference_words(cell: str, rel: str, written: str) -> str:
    """What a cell holding a row's reference to `rel` (as `written`) says besides it: links to `rel`
    as their text and title (`See [doc](x.txt "t") here` -> `See doc (t) here`), "" if just the name."""
    bare, marks = footnote_marks(cell)  # `x.txt[^1]`: the name, and the footnote references after it
    if same_name(bare, rel) or same_name(normalize_target(bare, from_link=False).rel, rel):
        return marks

    def text_of(m: re.Match[str]) -> str:
        same = same_name(normalize_target(link_dest(m.group(2)), from_link=True).rel, rel)
        return link_words(m.group(0), m.group(1), is_just_the_name(m.group(1), rel, written)) if same else m.group(0)

    first = LINK_SRC.match(cell.strip())
    if first and is_just_the_name(first.group(1), rel, written) and text_of(first) == first.group(1).strip():
        # The cell starts with a link that is just the name (`[x.txt](x.txt) — from Sara`): its
        # words are what follows the separator, as a list item's note is (and as `restore` writes
        # a saved note beside the name in a table without a Notes column).
        cell = cell.strip()[first.end() :].lstrip(NOTE_SEPARATORS)
    text = " ".join(LINK_SRC.sub(text_of, cell).split())
    return marks if not text or is_just_the_name(footnote_marks(text)[0], rel, written) else text


def link_text_source(line: str, rel: str) -> str | None:
    """The source text of the first inline link in `line` to `rel` (in either Unicode spelling),
    or None."""
    for m in LINK_SRC.finditer(line):
        if same_name(normalize_target(link_dest(m.group(2)), from_link=True).rel, rel):
            return m.group(1).strip()
    return None


def item_label(rel: str, written: str, title: str | None, source_line: str) -> str:
    """A list item's link text when it says more than the file's name (`[Persian poem](x.txt)`),
    as written in `source_line`; else "". A reference-style link (`[text][label]`) has no target
    in the line: its rendered `title`, then."""
    if title is None:
        return ""
    text = link_text_source(source_line, rel) or title
    return text if text and not is_just_the_name(title, rel, written) else ""


def item_note(label: str, note: str, continuation: str = "") -> str:
    """Everything a person wrote in a list item besides the reference, as one note: the link's
    label, the note on its line, and the lines that continue the item (one sentence)."""
    rest = " ".join(p for p in (note, continuation) if p)
    return " — ".join(p for p in (label, rest) if p)


def item_lang(label: str, note: str, continuation: str = "") -> str | None:
    """The language a list item pins: the first `lang: xx` of its note (the text after the
    reference and the lines that continue it), else of its link's label (item_note). What
    `index` moves to the Pinned cell when it adopts the item (pinned_notes.adopted_fields), so what
    `check` reads before `index` is what it reads after."""
    # The note is read with its continuation lines, one sentence: "plain language: no" at the end
    # of a line wrapped before "jargon" is prose, as it is on one line.
    body = f"{note} {continuation}" if continuation else note
    if "lang" not in label.lower():
        return pinned_lang(body)  # nothing else could pin (nearly every item): one search
    return pinned_lang(body) or pinned_lang(item_note(label, note, continuation))


def list_item_lang(
    written: str, from_link: bool, title: str | None, source_line: str, note: str, continuation: str = ""
) -> str | None:
    """item_lang of the list item whose reference is `written` (a link when `from_link`), with
    link text `title` (None for a bare name), on `source_line`: what the readers pin."""
    if title is None or ("lang" not in title.lower() and "lang" not in source_line.lower()):
        return item_lang("", note, continuation)  # no label, or one that cannot pin: not looked for
    rel = normalize_target(written, from_link=from_link).rel
    label = item_label(rel, written, title, source_line) if rel is not None else ""
    return item_lang(label, note, continuation)


def without_pinned_lang(note: str) -> str:
    """The note with its `lang: fa` taken out (index moves it to the Pinned column)."""
    # "(lang: fa)" goes with its brackets; a bare "lang: fa" leaves the brackets around it alone
    # ("a (b, lang: fa)" keeps its closing bracket). Only the separators at the seam go with it
    # (one before it that nothing follows); the rest of the note is left exactly as written.
    m = _pin_in_note(note)  # the very one pinned_lang reads
    if m is None:
        return note.strip()
    left, right = note[: m.start()].rstrip(), note[m.end() :].lstrip()
    seps, openers, closers = (*SEMICOLONS, *COMMAS, "—", "–"), tuple(OPENERS), tuple(CLOSERS + FULL_STOPS)
    if right.startswith(seps) and (not left or left.endswith(seps + openers)):
        right = right[1:].lstrip()
    if left.endswith(seps) and (not right or right.startswith(closers)):
        left = left[:-1].rstrip()
    # A comma or semicolon after the pin closes up to the words before it: "note (lang: fa), more"
    # reads "note, more", not "note , more" (a dash keeps its spaces, and so does a label left
    # empty: "Language: ; Source: x").
    tight = closers + (() if left.endswith(tuple(COLONS)) else (*COMMAS, *SEMICOLONS))
    glue = "" if not left or not right or left.endswith(openers) or right.startswith(tight) else " "
    return (left + glue + right).strip()


def is_pinned_cell(value: str) -> bool:
    """Whether a Pinned cell pins `value`: any text shaped like a tag. The column holds nothing
    but a pin, so a tag the registry lacks ("fr-UK" for "fr-GB") is a person's pin to check
    against the text (lang-mismatch names it), not prose to read past as a note's words are."""
    return TAG_SHAPE.fullmatch(value) is not None
