"""Which files the corpus reads as documents, and the findings for the ones it refuses.

A file INDEX.md lists, or one on disk it does not list, is admitted as a CorpusDocument when it is
safe to read (a regular file inside the folder), else refused with a finding (unsafe-path,
not-a-file, missing-file) that says what to do; a name that does not match the pattern is
bad-name, and one that is not UTF-8 is never read. Used by model.load_corpus, which decides what
INDEX.md lists; no document is opened here.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from seedkeeper.corpus.quarantine_paths import in_quarantine
from seedkeeper.corpus.safe_read import FileInfo, inspect
from seedkeeper.errors import NotARegularFileError, UnsafePathError
from seedkeeper.indexmd.reader import IndexEntry
from seedkeeper.indexmd.unmarked import how_to_write, unmarked_items
from seedkeeper.problems import Problem, make
from seedkeeper.settings import Settings

if TYPE_CHECKING:
    from seedkeeper.corpus.model import Corpus


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


def admit(corpus: Corpus, rel: str, order: int, line: int | None, entry: IndexEntry | None) -> str | None:
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
        if in_quarantine(corpus.root, rel):
            hint = f" (moved to the quarantine by `dedup --apply`; `seedkeeper restore {rel}` puts it back)"
        elif os.path.islink(corpus.root / rel):
            hint = " (a symlink that leads nowhere)"
        elif " " in rel and entry is not None and entry.kind != "link":
            # A list item or cell ending in ".txt" reads as one spaced name: say how to write prose.
            hint = (
                "; read as one file name with spaces: if the line is a sentence about a file, end it with a"
                " period or put the file's name in backticks"
            )
        corpus.problems.append(make("missing-file", rel, "listed in INDEX.md but not on disk" + hint, line))
        return "missing-file"
    except OSError as exc:
        corpus.problems.append(make("missing-file", rel, f"{rel} cannot be accessed: {exc.strerror}", line))
        return "missing-file"
    name = rel.rsplit("/", 1)[-1]
    if not _name_re(s.name_pattern).fullmatch(name):
        # The step for a file rename leaves alone is set once every document is known (bad_name_steps).
        corpus.problems.append(make("bad-name", rel, _bad_name_message(rel, s, "`seedkeeper rename` renames it"), line))
    corpus.documents.append(CorpusDocument(rel=rel, order=order, line=line, info=info, entry=entry))
    return None


@functools.lru_cache(maxsize=8)
def _name_re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _bad_name_message(rel: str, settings: Settings, step: str) -> str:
    name = rel.rsplit("/", 1)[-1]
    return f"file name {name!r} does not match the pattern {settings.name_pattern} ({step})"


def bad_name_steps(corpus: Corpus) -> None:
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


def admit_unlisted(corpus: Corpus, on_disk: list[str], listed: set[str]) -> None:
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
            refused = admit(corpus, rel, order, None, None)
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


def undecodable_problems(names: list[str]) -> list[Problem]:
    """A file whose name is not UTF-8 cannot be listed (INDEX.md is UTF-8): it is unlisted, with a
    bad name, and left unread. The finding holds the exact name (os.fsdecode's str: it opens the
    file); outputs show it escaped, and JSON adds its bytes (`file_bytes`)."""
    out = []
    for name in sorted(names):
        why = "file name is not valid UTF-8 (shown escaped); rename it"
        out.append(make("bad-name", name, why + ", it is not read until then"))
        out.append(make("unlisted-file", name, why + ": INDEX.md cannot list it"))
    return out
