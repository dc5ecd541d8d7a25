"""`restore`: put back a document that `dedup --apply` moved out, listed where it was (which one
a typed name means: corpus/quarantine_names.py; where its listing goes: indexmd/put_back.py). A
row put back into a managed table is filled in as `index` fills it, so `check` passes on
INDEX.md after a restore, as after an `add` or a `fix`."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from seedkeeper.corpus.analysis import Features
from seedkeeper.corpus.atomic import folder_lock
from seedkeeper.corpus.pool import CacheSpec
from seedkeeper.errors import IndexWriteError
from seedkeeper.settings import Settings

from .deduplication import index_dropper


def restore(seeds: str | os.PathLike, file: str, settings: Settings | None = None, cache: CacheSpec | None = None):
    """Move a quarantined document back and list it in INDEX.md again (under the folder lock).

    `file` is its path as INDEX.md listed it, or where it was moved: relative to the seeds folder
    (`.seedkeeper/quarantine/000_x.txt`) or as printed from the current folder
    (`seeds/.seedkeeper/quarantine/000_x.txt`, an absolute path). Returns a Restored, or an
    AlreadyRestored when an earlier restore put it back (nothing to do, nothing written).

    Put back as a row of a managed table, its row is filled in as `index` fills it (with `cache`,
    as every command that tags), so that `check` passes on INDEX.md after a restore as after an
    `add`: Restored.index_refreshed says so."""
    from seedkeeper.corpus.discovery import discover
    from seedkeeper.corpus.quarantine import AlreadyRestored, NotPutBack, finish_interrupted, list_quarantined
    from seedkeeper.corpus.quarantine import restore as _restore
    from seedkeeper.corpus.quarantine_names import recorded_name
    from seedkeeper.indexmd.entry_edits import add_entries, not_put_back

    settings = settings or Settings()
    history = list_quarantined(Path(seeds), include_restored=True)
    waiting = [e for e in history if not e.restored]
    found = recorded_name(Path(seeds), file, waiting, [e for e in history if e.restored])
    if not isinstance(found, str):
        # Restored already: nothing to do, which is no error (the file is where it belongs).
        return AlreadyRestored(found.file, found.quarantined, found.restored_at or "")
    file = found
    people = {e.file: (e.pinned, e.notes) for e in waiting if file in (e.file, e.quarantined)}
    rows = {
        e.file: (e.cells, e.elsewhere, e.between)
        for e in waiting
        if file in (e.file, e.quarantined) and (e.cells or any(e.between))
    }

    def relist(text: str, rel: str) -> str:
        # Only a name with another Unicode spelling needs to know the folder's other files (a
        # listing in that spelling names this file, unless it is a file of its own).
        others = discover(Path(seeds), settings.include) if not rel.isascii() else ()
        return add_entries(
            text,
            [rel],
            include=settings.include,
            name_pattern=settings.name_pattern,
            carried=people,
            others=others,
            rows=rows,
        )

    written: list[str | None] = [None]  # INDEX.md as relist left it (None: there is none)
    listed_again = [False]  # relist wrote a listing, and so every saved word, itself

    def relist_and_keep(text: str, rel: str) -> str:
        written[0] = relist(text, rel)
        listed_again[0] = written[0] != text
        return written[0]

    with folder_lock(Path(seeds)):
        finish_interrupted(Path(seeds), index_dropper(Path(seeds), settings))
        done = _restore(Path(seeds), file, relist_and_keep)
    # A listing a person wrote back is theirs: the saved words are not merged into it, but the
    # user is told which were not put back (they stay in the manifest). A listing relist wrote
    # holds them all, maybe in another order than the saved note (a row's cells by column).
    refreshed = _refresh_if_managed(Path(seeds), done.file, settings, cache)
    done = replace(done, index_refreshed=refreshed is True, index_left=refreshed is False)
    if listed_again[0]:
        return done
    left = not_put_back(
        written[0],
        done.file,
        people.get(done.file, ("", "")),
        include=settings.include,
        name_pattern=settings.name_pattern,
    )
    if left is None:
        return done
    pinned, notes, line = left
    why = "already-listed" if line is not None else "no-index"
    return replace(done, not_put_back=NotPutBack(notes, pinned, line, why))


def _refresh_if_managed(root: Path, file: str, settings: Settings, cache: CacheSpec | None) -> bool | None:
    """Fill in the managed table's row of `file`, just put back (its File, Pinned and Notes cells
    alone), as `index` would: True when INDEX.md was rewritten, False when the row is left for
    `index`, None when it is in no managed table (a hand-written listing stays as the person had
    it). Only that row: when `index` would change more (a hand-written list to adopt, a document
    nobody listed, another stale row), restore writes nothing more and leaves it all to `index`,
    whose job that is, shown as a diff."""
    from seedkeeper.corpus.survey import survey
    from seedkeeper.indexmd.files import update_index
    from seedkeeper.indexmd.table import file_link

    from .index_rows import current_text, index_write_reason, render_for

    s = survey(root, settings, features=Features(dedup=True, lang=True), cache=cache)
    doc, named = s.corpus.index, s.corpus.named
    if doc is None or not any(e.managed and e.rel is not None and named(e.rel) == file for e in doc.entries):
        return None
    old, link = current_text(s), file_link(file)

    def row_only(fresh: str | None) -> str:
        if fresh is None:
            raise _Gone  # removed since the restore: nothing to fill in, and no empty file to write
        new = render_for(s, fresh, reuse_parse=fresh == old)
        return new if _only_its_row(fresh, new, link) else fresh

    try:
        written, _ = update_index(root, row_only)
    except _Gone:
        return False
    except IndexWriteError as exc:
        # The document is back (atomically, and recorded): only the row's refresh was refused.
        raise type(exc)(f"restored {file}; its row in INDEX.md was not filled in: {index_write_reason(exc)}") from exc
    return written


def _only_its_row(old: str, new: str, link: str) -> bool:
    """Whether `new` differs from `old` in one line alone, the managed row whose File cell is
    `link` (the placeholder restore wrote)."""
    a, b = old.split("\n"), new.split("\n")
    changed = [k for k, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(a) == len(b) and len(changed) == 1 and a[changed[0]].startswith(f"| {link} |")


class _Gone(Exception):
    """INDEX.md went away between the restore and the refresh of its row (another writer)."""
