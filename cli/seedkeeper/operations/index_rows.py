"""The managed table as a survey describes it: one row per document, and the INDEX.md text that
`seedkeeper index` would write. Shared by `index` and by check's `index-outdated` finding.

The rows are in INDEX.md order, then documents found on disk but not yet listed, sorted. A
listed document that is no longer on disk gets no row: the index describes the folder.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace

from seedkeeper.corpus.discovery import INDEX_NAME
from seedkeeper.corpus.survey import Survey
from seedkeeper.errors import IndexWriteError, UsageError

# Content codes that make a document's row say it is broken.
_ERROR_CODES = ("binary", "not-utf8", "empty", "too-large")


def rows_for(s: Survey) -> list:
    """One `indexmd.table.IndexRow` per document, in the corpus' order (listed first, then newly found)."""
    from seedkeeper.indexmd.table import IndexRow

    return [IndexRow(*values) for values in row_values(s)]


def row_values(s: Survey) -> list[tuple[str, str, int, int, str, str, str]]:
    """rows_for(s) as plain tuples of IndexRow's fields, in its field order: what a check that
    only compares rows needs (a frozen dataclass per row costs more than the row's values)."""
    dup = {d.file: d for c in (s.dedup.clusters if s.dedup else []) for d in c.duplicates}
    rows = []
    for a in s.analyses:
        if a.rel in s.corpus.unmarked:
            # The person listed it in a section, in a form Markdown cannot delimit: a row appended
            # elsewhere would part it from its note and pin and silence check's hint.
            continue
        d = dup.get(a.rel)
        errors = sorted({p.code for p in a.problems if p.code in _ERROR_CODES})
        if d is not None and d.kind == "near":
            status = f"near duplicate of {d.of} ({d.similarity:.2f})"
        elif d is not None and d.kind == "contained":
            status = f"contained in {d.of} ({d.similarity:.2f})"
        elif d is not None:
            status = f"duplicate of {d.of} ({d.kind})"  # ends in ")" so no cell reads as a file name
        elif errors:
            status = "error: " + ", ".join(errors)
        else:
            status = "ok"
        lang = a.lang["lang"] if a.lang else ""
        rows.append((a.rel, lang, a.chars, a.words, a.sha256[:12], status, a.title))
    return rows


def render_for(s: Survey, current: str | None, *, reuse_parse: bool = True, rows: list | None = None) -> str:
    """The INDEX.md text `seedkeeper index` would write for this survey, given INDEX.md's `current` text.

    The corpus' parse of INDEX.md is reused when `current` is the text it was parsed from;
    `rows` are rows_for(s) when the caller has them already."""
    from seedkeeper.indexmd.writer import render_index

    parsed = s.corpus.index if reuse_parse else None
    return render_index(
        current,
        rows_for(s) if rows is None else rows,
        include=s.settings.include,
        name_pattern=s.settings.name_pattern,
        parsed=parsed,
        mentions=quarantined_mentions(s),
    )


def quarantined_mentions(s: Survey) -> frozenset[str]:
    """Files a later cell of a table row names that `dedup --apply` moved to the quarantine: it
    took their own listings, and the later cells that named them were mentions then; `index`
    keeps reading them so (row_refs.as_mentions). Names compare composed (NFC): INDEX.md typed
    composed names the document the folder, and then the quarantine, spelled decomposed."""
    from seedkeeper.corpus.paths import nfc
    from seedkeeper.corpus.quarantine_paths import in_quarantine

    index = s.corpus.index
    if index is None or not any(e.later for e in index.entries):
        return frozenset()  # nearly every INDEX.md
    docs = {nfc(rel) for rel in s.corpus.on_disk}
    return frozenset(
        e.rel
        for e in index.entries
        if e.later and e.rel is not None and nfc(e.rel) not in docs and in_quarantine(s.root, e.rel)
    )


def current_text(s: Survey) -> str | None:
    """INDEX.md as text, or None when it is missing; an unreadable INDEX.md stops the commands
    that would rewrite it (IndexWriteError, exit 1: we never overwrite what we cannot read)."""
    if s.corpus.index is not None and s.corpus.index_raw is not None:
        return s.corpus.index_raw.decode("utf-8")  # the raw text: a BOM is kept, as a person wrote it
    if not os.path.lexists(s.root / INDEX_NAME):
        return None
    why = next((p.message for p in s.corpus.problems if p.code == "index-unreadable"), f"{INDEX_NAME} cannot be read")
    raise IndexWriteError(f"{why}; fix it first (see `seedkeeper validate`)")


def write_rows(s: Survey, old: str | None = None, resurvey: Callable[[], Survey] | None = None) -> tuple[bool, str]:
    """Write the managed table for survey `s` into INDEX.md, atomically and under the folder
    lock, against the INDEX.md bytes read under that lock: if a person or another run changed it
    since the survey, the table is rendered again on the fresh text, so no edit is lost.
    `old` is the text the survey saw (its parse is reused when unchanged). Returns (written,
    the text INDEX.md now holds).

    A survey goes stale when another run moves or adds documents meanwhile (a racing `dedup
    --apply`): under the lock the folder is listed again, and if it is not what was surveyed,
    `resurvey()` runs under the lock (cached documents cost a stat) so racing runs serialise.
    Without `resurvey`, rows of documents that are gone are dropped."""
    from seedkeeper.corpus.discovery import discover
    from seedkeeper.indexmd.files import update_index

    current = [s]

    def transform(fresh: str | None) -> str:
        sv = current[0]
        on_disk = discover(sv.root, sv.settings.include)
        if on_disk != sv.corpus.on_disk:
            if resurvey is not None:
                sv = current[0] = resurvey()
            else:
                sv = _without_gone(sv, set(on_disk))
        return render_for(sv, fresh, reuse_parse=sv is s and fresh == old)

    return update_index(s.root, transform)


def index_write_reason(exc: IndexWriteError) -> str:
    """Why INDEX.md was not rewritten, as a clause after what the command did do (`fix` repaired
    the documents, `restore` put one back): the error's message without its own frame."""
    return str(exc).removeprefix("INDEX.md: ").replace(", nothing was written", "")


def adopted_files(s: Survey) -> list[str]:
    """Documents that INDEX.md lists by hand (a list item or a row of a person's table, outside
    the managed blocks): `seedkeeper index` moves them into a managed table."""
    if s.corpus.index is None:
        return []
    present = {a.rel for a in s.analyses}
    # Each entry names its document as the corpus does ("café.txt" typed composed, the file
    # decomposed on disk: the file, as its row will name it).
    named = s.corpus.named
    hand = (named(e.rel) for e in s.corpus.index.entries if not e.managed and e.kind in ("list", "table"))
    return list(dict.fromkeys(rel for rel in hand if rel in present))


def require_managed(s: Survey) -> None:
    """Refuse (UsageError) to rewrite a hand-written INDEX.md as a side effect: the first
    adoption is `seedkeeper index`'s job, shown as a diff, never a silent part of another command."""
    doc = s.corpus.index
    if doc is None or doc.managed_spans or not adopted_files(s):
        return
    # The commands as the bare ones run; the shell names the folder where they would not find it.
    raise UsageError(
        f"{s.root / INDEX_NAME} is written by hand and not managed by seedkeeper yet; adopting it turns each list "
        "into a table (one per section). Preview with `seedkeeper index --diff`, adopt with "
        "`seedkeeper index`, then run this command again"
    )


def _without_gone(s: Survey, on_disk: set[str]) -> Survey:
    """The survey without the documents that are no longer on disk."""
    kept = [a for a in s.analyses if a.rel in on_disk]
    return replace(s, analyses=kept, corpus=replace(s.corpus, on_disk=sorted(on_disk)))
