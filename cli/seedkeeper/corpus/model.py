"""The corpus as INDEX.md and the disk describe it, and the index-level findings.

`load_corpus` reads INDEX.md (its bytes and their decoding are index_file's job), discovers the
documents on disk, and decides for every reference whether it can be read safely. It opens no
document: reading is the analysis step's job.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from seedkeeper.corpus.discovery import discover
from seedkeeper.corpus.index_file import decode_index, read_index
from seedkeeper.corpus.paths import by_nfc, nfc
from seedkeeper.corpus.safe_read import FileInfo, inspect
from seedkeeper.errors import FolderNotFoundError, NotARegularFileError, UnsafePathError
from seedkeeper.indexmd.entries import first_pins
from seedkeeper.indexmd.reader import IndexDocument, IndexEntry
from seedkeeper.indexmd.unmarked import how_to_write, unmarked_items
from seedkeeper.problems import Problem, make
from seedkeeper.settings import Settings


@dataclass
class CorpusDocument:
    """A listed (or, without an index, discovered) document that is safe to read."""

    rel: str
    order: int  # position in INDEX.md: the first listed is kept by dedup
    line: int | None  # its listing's line in INDEX.md (list item / table row), else its first mention's
    info: FileInfo
    entry: IndexEntry | None = None  # its first listing (else its first mention): notes, ignores
    pin: IndexEntry | None = None  # the listing whose pinned language applies (entries.first_pins)

    @property
    def pinned(self) -> str | None:
        """The language a person pinned in INDEX.md, or None."""
        return self.pin.lang if self.pin is not None else None


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
    problems += _undecodable_problems(undecodable)
    corpus = Corpus(root=root, settings=settings, index=index, index_raw=raw, on_disk=on_disk, problems=problems)
    if index is None:
        # Without a readable list, the documents on disk are still checked, in name order.
        for order, rel in enumerate(on_disk):
            _admit(corpus, rel, order, None, None)
        _bad_name_steps(corpus)
        return corpus
    first_line, row_line = _admit_entries(corpus, index)
    # The pin is not always the first listing's: the first listing that pins one, as `index`
    # writes it into the Pinned cell.
    pins = first_pins(index.entries, corpus.named)
    for d in corpus.documents:
        d.pin = pins.get(d.rel)
    _order_by_rows(corpus, first_line, row_line)
    _admit_unlisted(corpus, on_disk, set(first_line))
    _bad_name_steps(corpus)
    return corpus


def _undecodable_problems(names: list[str]) -> list[Problem]:
    """A file whose name is not UTF-8 cannot be listed (INDEX.md is UTF-8): it is unlisted, with a
    bad name, and left unread. The finding holds the exact name (os.fsdecode's str: it opens the
    file); outputs show it escaped, and JSON adds its bytes (`file_bytes`)."""
    out = []
    for name in sorted(names):
        why = "file name is not valid UTF-8 (shown escaped); rename it"
        out.append(make("bad-name", name, why + ", it is not read until then"))
        out.append(make("unlisted-file", name, why + ": INDEX.md cannot list it"))
    return out


@functools.lru_cache(maxsize=8)
def _name_re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _admit_entries(corpus: Corpus, index: IndexDocument) -> tuple[dict[str, int], dict[str, int]]:
    """Admit each document INDEX.md references; report unsafe and duplicate entries. Returns the
    first line of any reference and the first list item / table row line of each document."""
    root = corpus.root
    first_line: dict[str, int] = {}  # first reference of any kind: the document's order
    row_line: dict[str, int] = {}  # first list item / table row: what duplicate-entry compares
    entry_of: dict[str, IndexEntry] = {}  # its first listing, else its first mention in prose
    file_of = functools.partial(spelled_on_disk, root, set(corpus.on_disk), by_nfc(corpus.on_disk))
    spelling: dict[str, str] = {}  # the file an entry names -> the document's rel
    for entry in index.entries:
        if entry.rel is None:
            corpus.problems.append(
                make("unsafe-path", entry.written, f"unsafe entry ({entry.unsafe_reason}); not read", entry.line)
            )
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
        _admit(corpus, rel, order, row_line.get(rel, first_line[rel]), entry_of[rel])
    return first_line, row_line


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


def _admit_unlisted(corpus: Corpus, on_disk: list[str], listed: set[str]) -> None:
    """unlisted-file for documents on disk that INDEX.md does not list (`listed` are named as the
    folder spells them: an entry in the other NFC/NFD spelling names a file, unless that file's
    own spelling is listed too); they are still checked, after the listed ones (so dedup never
    keeps one over a listed one)."""
    order = len(listed)
    unlisted = [rel for rel in on_disk if rel not in listed]
    unmarked = unmarked_items(corpus.index.text, unlisted) if corpus.index is not None else {}
    corpus.unmarked = unmarked
    for rel in on_disk:
        if rel not in listed:
            at = len(corpus.problems)
            refused = _admit(corpus, rel, order, None, None)
            why = f"{_UNLISTED}; `seedkeeper index` lists it"
            if refused is not None:
                # Not a document `index` can list (it is never read): say what does resolve it.
                why = f"{_UNLISTED}, and `seedkeeper index` never lists it: {_NEVER[refused]}"
            elif rel in unmarked:
                # The person did list it, in a form Markdown cannot delimit: say how to write it
                # (`index` leaves that item alone, so it would not list it).
                line, rest = unmarked[rel]
                why = (
                    f"in the folder but not listed in INDEX.md: the list item at INDEX.md line {line} starts with"
                    f" its name, but a name with spaces is read only where its end is marked; write"
                    f" {how_to_write(rel, rest)}"
                )
            corpus.problems.insert(at, make("unlisted-file", rel, why))
            order += 1


_UNLISTED = "in the folder but not listed in INDEX.md"
# Why an unlisted file that was refused (by the code of its finding) stays unlisted, and what to do.
_ACCEPT = " (or accept both findings in per-file-ignores)"
_NEVER = {
    "unsafe-path": "a symlink leading outside the folder; remove the link or put a copy of the file in its place"
    + _ACCEPT,
    "not-a-file": "not a regular file; remove it or put a document in its place" + _ACCEPT,
    "missing-file": "a symlink that leads nowhere; remove it or point it at a document" + _ACCEPT,
}


def _bad_name_steps(corpus: Corpus) -> None:
    """Each bad-name finding of a document that `rename` leaves alone (a symlink, a file one
    points to, an unmarked spaced name) ends with what works instead of `seedkeeper rename`."""
    from seedkeeper.corpus.renamable import bad_name_step, link_targets, rename_blocker

    docs = {d.rel for d in corpus.documents}
    at = [i for i, p in enumerate(corpus.problems) if p.code == "bad-name" and p.file in docs]
    if not at:
        return
    linked = link_targets(corpus.root, corpus.on_disk)
    for i in at:
        p = corpus.problems[i]
        blocker = rename_blocker(corpus.root, p.file, linked, corpus.unmarked)
        if blocker is not None:
            step = bad_name_step(p.file, blocker, corpus.unmarked)
            corpus.problems[i] = dataclasses.replace(p, message=_bad_name_message(p.file, corpus.settings, step))


def _bad_name_message(rel: str, settings: Settings, step: str) -> str:
    name = rel.rsplit("/", 1)[-1]
    return f"file name {name!r} does not match the pattern {settings.name_pattern} ({step})"


def _admit(corpus: Corpus, rel: str, order: int, line: int | None, entry: IndexEntry | None) -> str | None:
    """Admit `rel` as a document, or report why it cannot be read and return that finding's code.
    `entry` None: a file on disk that INDEX.md does not list."""
    s = corpus.settings
    listed = entry is not None
    try:
        info = inspect(corpus.root, rel)
    except UnsafePathError:
        step = "remove the link and its entry in INDEX.md" if listed else "remove the link"
        why = f"resolves outside the seeds folder (symlink); not read: {step}, or put a copy of the file in its place"
        corpus.problems.append(make("unsafe-path", rel, why, line))
        return "unsafe-path"
    except NotARegularFileError as exc:
        corpus.problems.append(make("not-a-file", rel, f"{exc}; not opened", line))
        return "not-a-file"
    except FileNotFoundError:
        if not listed and os.path.islink(corpus.root / rel):
            corpus.problems.append(make("missing-file", rel, "a symlink that leads nowhere; not read", line))
            return "missing-file"
        hint = ""
        if os.path.lexists(corpus.root / ".seedkeeper" / "quarantine" / rel):
            hint = f" (moved to the quarantine by `dedup --apply`; `seedkeeper restore {rel}` puts it back)"
        elif os.path.islink(corpus.root / rel):
            hint = " (a symlink that leads nowhere)"
        corpus.problems.append(make("missing-file", rel, "listed in INDEX.md but not on disk" + hint, line))
        return "missing-file"
    except OSError as exc:
        corpus.problems.append(make("missing-file", rel, f"{rel} cannot be accessed: {exc.strerror}", line))
        return "missing-file"
    name = rel.rsplit("/", 1)[-1]
    if not _name_re(s.name_pattern).fullmatch(name):
        # The step for a file rename leaves alone is set once every document is known (_bad_name_steps).
        corpus.problems.append(make("bad-name", rel, _bad_name_message(rel, s, "`seedkeeper rename` renames it"), line))
    corpus.documents.append(CorpusDocument(rel=rel, order=order, line=line, info=info, entry=entry))
    return None
