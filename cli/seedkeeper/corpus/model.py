"""The corpus as INDEX.md and the disk describe it, and the index-level findings.

`load_corpus` reads INDEX.md (its bytes and their decoding are index_file's job), discovers the
documents on disk, and decides for every reference whether it can be read safely (admission.py
admits each file, as a CorpusDocument, or says why not). It opens no document: reading is the
analysis step's job.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from seedkeeper.corpus.admission import CorpusDocument, admit, admit_unlisted, bad_name_steps, undecodable_problems
from seedkeeper.corpus.discovery import discover
from seedkeeper.corpus.index_file import decode_index, read_index
from seedkeeper.corpus.paths import by_nfc, nfc
from seedkeeper.errors import FolderNotFoundError
from seedkeeper.indexmd.entries import first_pins
from seedkeeper.indexmd.reader import IndexDocument, IndexEntry
from seedkeeper.problems import Problem, make
from seedkeeper.settings import Settings


@dataclass
class Corpus:
    """Everything known about the folder before any document is read."""

    root: Path
    settings: Settings
    index: IndexDocument | None  # None when INDEX.md is missing or unreadable
    index_raw: bytes | None
    on_disk: list[str]
    documents: list[CorpusDocument] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # A spelling INDEX.md used -> the rel of the document it names, where the two differ (the
    # document is named as the folder spells it: "café.txt" typed composed, decomposed on disk).
    aliases: dict[str, str] = field(default_factory=dict)
    # An unlisted document with a spaced name that a list item starts with, unmarked -> (that
    # item's line, the rest of its line): `index` leaves it out rather than list it elsewhere.
    unmarked: dict[str, tuple[int, str]] = field(default_factory=dict)

    def named(self, rel: str) -> str:
        """The document `rel` (as INDEX.md spells it) names: its rel as the corpus knows it."""
        return self.aliases.get(rel, rel)


def load_corpus(root: str | os.PathLike, settings: Settings, cache=None) -> Corpus:
    """Read INDEX.md and the folder; return the readable documents and the index findings.

    `cache` (a pool.CacheSpec, or None) keeps a large INDEX.md's references by its text.
    Raises FolderNotFoundError when `root` is not a folder (a usage error, exit 2)."""
    root = Path(root)
    if not root.is_dir():
        raise FolderNotFoundError(f"seeds folder not found: {root}")
    raw, problems = read_index(root)
    index = None
    if raw is not None:
        text, decode_problems = decode_index(raw)
        problems += decode_problems
        if text is not None:
            from seedkeeper.corpus.index_memo import parse_index_cached

            index = parse_index_cached(text, settings.include, settings.name_pattern, cache)
    undecodable: list[str] = []
    on_disk = discover(root, settings.include, undecodable)
    problems += undecodable_problems(undecodable)
    corpus = Corpus(root=root, settings=settings, index=index, index_raw=raw, on_disk=on_disk, problems=problems)
    if index is None:
        # Without a readable list, the documents on disk are still checked, in name order.
        for order, rel in enumerate(on_disk):
            admit(corpus, rel, order, None, None)
        bad_name_steps(corpus)
        return corpus
    first_line, row_line = _admit_entries(corpus, index)
    # The pin is not always the first listing's: the first listing that pins one, as `index`
    # writes it into the Pinned cell.
    pins = first_pins(index.entries, corpus.named)
    for d in corpus.documents:
        d.pin = pins.get(d.rel)
    _order_by_rows(corpus, first_line, row_line)
    admit_unlisted(corpus, on_disk, set(first_line))
    bad_name_steps(corpus)
    return corpus


def _admit_entries(corpus: Corpus, index: IndexDocument) -> tuple[dict[str, int], dict[str, int]]:
    """Admit each document INDEX.md references; report unsafe and duplicate entries. Returns the
    first line of any reference and the first list item / table row line of each document."""
    root = corpus.root
    first_line: dict[str, int] = {}  # first reference of any kind: the document's order
    row_line: dict[str, int] = {}  # first list item / table row: what duplicate-entry compares
    entry_of: dict[str, IndexEntry] = {}  # its first listing, else its first mention in prose
    file_of = functools.partial(spelled_on_disk, root, set(corpus.on_disk), by_nfc(corpus.on_disk))
    spelling: dict[str, str] = {}  # the file an entry names -> the document's rel
    lines: list[str] = []
    for entry in index.entries:
        if entry.rel is None:
            corpus.problems.append(
                make("unsafe-path", entry.written, f"unsafe entry ({entry.unsafe_reason}); not read", entry.line)
            )
            continue
        if " " in entry.rel and entry.kind != "link" and not entry.managed:
            lines = lines or index.text.split("\n")
            if _a_sentence(root, entry, lines[entry.line - 1] if entry.line <= len(lines) else "", file_of):
                continue
        # The document is named as the folder spells it ("café.txt" typed composed and the file
        # decomposed are one file, as unlisted-file sees it), so that what `index` writes for it
        # resolves on a file system that compares names byte for byte. A file that is not there
        # is named as INDEX.md first spelled it.
        on_disk_as = file_of(entry.rel)
        rel = spelling.setdefault(on_disk_as or nfc(entry.rel), on_disk_as or entry.rel)
        if rel != entry.rel:
            corpus.aliases[entry.rel] = rel
        if entry.kind != "link":
            if rel in row_line:
                corpus.problems.append(
                    make("duplicate-entry", rel, f"listed again (first at line {row_line[rel]})", entry.line)
                )
                continue
            row_line[rel] = entry.line
            # The listing, even after a mention in prose: what a person annotates (notes, lang).
            entry_of[rel] = entry
        first_line.setdefault(rel, entry.line)  # a later link in prose to a listed document: a mention
        entry_of.setdefault(rel, entry)
    # Admitted once every listing is known: a finding about the entry (bad-name, missing-file,
    # not-a-file, unsafe-path) points at the listing, where the fix goes and `check` reads it,
    # not at a link in prose above it.
    for order, rel in enumerate(first_line):
        admit(corpus, rel, order, row_line.get(rel, first_line[rel]), entry_of[rel])
    return first_line, row_line


# Han, kana and Thai: scripts written without spaces between words.
_UNSPACED = re.compile("[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff]")


def _a_sentence(root: Path, entry: IndexEntry, line: str, file_of: Callable[[str], str | None]) -> bool:
    """Whether a list item or table cell read as one spaced file name is a sentence that ends in
    a file's name instead: "- Renamed b.txt to 001_x.txt" in a changelog. So when no file has the
    spaced name, it has three words or more, its last word is a file in the folder, and the
    person did not mark the name's ends (backticks, a link: a marked name is meant whole). Such
    a line mentions that file, as prose does, and is no listing of a missing "Renamed b.txt to
    001_x.txt". Names are looked up as the folder spells them (`file_of`: spelled_on_disk), so a
    sentence typed composed names the file macOS wrote decomposed."""
    head, _, last = entry.rel.rpartition(" ")
    # A two-word item ("- persian news.txt") is a name far more often than a sentence; Chinese or
    # Japanese puts no space between its words ("- 旧版本已替换为 001_x.txt").
    if " " not in head.strip() and not _UNSPACED.search(head):
        return False
    if "`" in line or "](" in line or os.path.lexists(root / (file_of(entry.rel) or entry.rel)):
        return False
    if not last or last.startswith("/") or ".." in last.split("/"):
        return False
    return os.path.isfile(root / (file_of(last) or last))


def spelled_on_disk(root: Path, on_disk: set[str], disk_by_nfc: dict[str, str], rel: str) -> str | None:
    """The spelling of the file INDEX.md's `rel` names as the folder holds it: `rel` itself, or
    the document on disk spelled otherwise (composed / decomposed, see paths.spelled_as_file);
    None when there is neither. (`disk_by_nfc` is paths.by_nfc(on_disk).)
    A name that is a file of its own (Linux keeps both spellings apart) names that file. ASCII
    has one spelling: it is its own name, there or not."""
    if rel.isascii() or rel in on_disk:
        return rel
    other = disk_by_nfc.get(nfc(rel))
    try:
        st = os.lstat(root / rel)
    except (OSError, ValueError):
        return other  # not there by this spelling
    if other is not None:
        # There by this spelling too: the same file (a file system that normalizes names, as
        # macOS does) is named as the folder lists it; another file (not a document: a hidden
        # folder, a name outside `include`) is its own.
        with contextlib.suppress(OSError):
            o = os.lstat(root / other)
            if (o.st_dev, o.st_ino) == (st.st_dev, st.st_ino):
                return other
    return rel


def _order_by_rows(corpus: Corpus, first_line: dict[str, int], row_line: dict[str, int]) -> None:
    """The order dedup keeps by: list items and table rows first (in INDEX.md order), then
    documents only mentioned in prose, so a "see also" link above the list never outranks it."""

    def rank(d: CorpusDocument) -> tuple:
        return (0, row_line[d.rel]) if d.rel in row_line else (1, first_line[d.rel])

    corpus.documents.sort(key=rank)
    for n, d in enumerate(corpus.documents):
        d.order = n
