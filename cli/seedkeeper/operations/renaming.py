"""`rename`: give every document whose name does not follow the pattern a `NNN_<hash>.txt` name,
and update every reference to it in INDEX.md (list items, tables, links in prose).

All or nothing: the new names are made as hard links first, then INDEX.md is replaced atomically,
then the old names are removed; any failure before INDEX.md is replaced removes the new links
again. Document contents are never touched (the hash is of the bytes as they are).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from seedkeeper.corpus.atomic import folder_lock, write_atomic
from seedkeeper.corpus.discovery import INDEX_NAME
from seedkeeper.corpus.model import load_corpus
from seedkeeper.corpus.paths import is_document_path
from seedkeeper.corpus.renamable import link_targets, rename_blocker
from seedkeeper.errors import IndexWriteError, UsageError
from seedkeeper.settings import Settings


@dataclass
class Renamed:
    old: str  # as INDEX.md names it
    new: str
    disk: str = ""  # as the folder spells it, when that differs (NFD names from macOS)
    spellings: tuple[str, ...] = ()  # INDEX.md's other spellings of it (composed, decomposed)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name a reference to it may use: INDEX.md's spellings and the folder's."""
        return tuple(dict.fromkeys((self.old, self.source, *self.spellings)))

    @property
    def source(self) -> str:
        return self.disk or self.old


@dataclass
class RenameReport:
    """What `rename` did (or, with dry_run, would do)."""

    renamed: list[Renamed] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, why)
    references: int = 0  # references rewritten in INDEX.md
    index_written: bool = False
    dry_run: bool = False
    diff: str = ""

    @property
    def ok(self) -> bool:
        """True when the job is done: no document was left with a name off the pattern (a dry run
        that would rename something is not ok either, as `black --check` fails on a change)."""
        return not self.skipped and not (self.dry_run and self.renamed)

    def to_dict(self) -> dict:
        return {
            "ok": self.ok,
            "dry_run": self.dry_run,
            "renamed": [{"from": r.old, "to": r.new} for r in self.renamed],
            "skipped": [{"file": f, "why": why} for f, why in self.skipped],
            "references": self.references,
            "index_written": self.index_written,
        }


def _first_free(names: list[str], name_pattern: str) -> tuple[int, int]:
    """The number after the highest one of the names that follow the pattern, and its width."""
    nums = [m.group(1) for n in names if re.fullmatch(name_pattern, n) and (m := re.match(r"(\d+)_", n))]
    if not nums:
        return 0, 3
    return max(int(n) for n in nums) + 1, max(3, max(len(n) for n in nums))


def plan_renames(root: Path, settings: Settings) -> tuple[list[Renamed], list[tuple[str, str]]]:
    """The new name of every document (INDEX.md order, then unlisted ones) whose name does not
    follow the pattern, and the documents left alone with the reason."""
    from seedkeeper.corpus.quarantine import list_quarantined

    corpus = load_corpus(root, settings)
    names = [rel.rsplit("/", 1)[-1] for rel in corpus.on_disk]
    names += [e.file.rsplit("/", 1)[-1] for e in list_quarantined(root, include_restored=True)]
    number, width = _first_free(names, settings.name_pattern)
    plan, skipped = [], []
    # The corpus names a document as the folder spells it; INDEX.md may spell it otherwise
    # ("café.txt" typed composed, decomposed on disk), once or more: every spelling is renamed.
    spellings: dict[str, list[str]] = {}
    for written, rel in corpus.aliases.items():
        spellings.setdefault(rel, []).append(written)
    # Symlinks, the files they point to and unmarked spaced names keep their names (renamable:
    # the same answer the bad-name finding's next step is given from).
    linked = link_targets(root, corpus.on_disk)
    for doc in corpus.documents:
        folder, _, name = doc.rel.rpartition("/")
        if re.fullmatch(settings.name_pattern, name):
            continue
        blocker = rename_blocker(root, doc.rel, linked, corpus.unmarked)
        if blocker is not None:
            skipped.append((doc.rel, blocker))
            continue
        disk = doc.rel  # admitted: it is there, by this spelling
        path = root / disk
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        except OSError as exc:  # no read permission, or gone since: the others are still renamed
            why = os.strerror(exc.errno).lower() if exc.errno else str(exc)
            skipped.append((doc.rel, f"cannot be read ({why})"))
            continue
        new_name = f"{number:0{width}d}_{digest}.txt"
        folder = disk.rpartition("/")[0]  # the folder as it is spelled on disk
        new_rel = f"{folder}/{new_name}" if folder else new_name
        # The new path, as discovery matches it: `legal/*.txt` matches `legal/001_<hash>.txt`,
        # never the name alone.
        if not re.fullmatch(settings.name_pattern, new_name) or not is_document_path(new_rel, settings.include):
            raise UsageError(
                f"new names look like {new_rel}, which name-pattern ({settings.name_pattern}) or include "
                f"({', '.join(settings.include)}) does not match; fix the configuration first"
            )
        number += 1
        listed = doc.entry.rel if doc.entry is not None and doc.entry.rel is not None else doc.rel
        plan.append(Renamed(listed, new_rel, "" if disk == listed else disk, tuple(spellings.get(disk, ()))))
    return plan, skipped


_STATUS_PREFIXES = ("duplicate of ", "contained in ")


def _rename_in_status(text: str, mapping: dict[str, str]) -> str:
    """The managed table's Status cells name the kept document ("near duplicate of X (0.97)"):
    they follow the rename too, so `index --check` passes right after it."""
    from seedkeeper.indexmd.markers import managed_spans
    from seedkeeper.indexmd.table import escape_text

    lines = text.split("\n")
    inside = {i for b, e in managed_spans(lines, text) for i in range(b + 1, e)}
    for i in sorted(inside):
        line = lines[i]
        if not line.lstrip().startswith("|"):
            continue
        for old, new in mapping.items():
            for prefix in _STATUS_PREFIXES:
                for spelled_old, spelled_new in ((old, new), (escape_text(old), escape_text(new))):
                    line = line.replace(f"{prefix}{spelled_old} (", f"{prefix}{spelled_new} (")
        lines[i] = line
    return "\n".join(lines)


def rename(seeds: str | os.PathLike, settings: Settings | None = None, *, dry_run: bool = False) -> RenameReport:
    """Rename the documents that do not follow the name pattern; update INDEX.md. See module doc."""
    from seedkeeper.indexmd.files import read_index_bytes, unified_diff
    from seedkeeper.indexmd.renames import rename_references

    settings = settings or Settings()
    root = Path(seeds)
    plan, skipped = plan_renames(root, settings)
    report = RenameReport(renamed=plan, skipped=skipped, dry_run=dry_run)
    if not plan:
        return report
    raw = read_index_bytes(root)
    old_text = None if raw is None else _utf8(raw)
    mapping = {name: r.new for r in plan for name in r.names}
    new_text = old_text
    if old_text is not None:
        new_text, report.references = rename_references(old_text, mapping, settings.include, settings.name_pattern)
        new_text = _rename_in_status(new_text, mapping)
        report.diff = unified_diff(old_text, new_text, INDEX_NAME)
    if dry_run:
        return report
    with folder_lock(root):
        if read_index_bytes(root) != raw:
            raise UsageError(f"{INDEX_NAME} changed while renaming was planned; nothing renamed, run again")
        _apply(root, plan, None if new_text == old_text else new_text)
    report.index_written = new_text != old_text
    return report


def _utf8(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise IndexWriteError(f"{INDEX_NAME} is not UTF-8; fix it first (see `seedkeeper validate`)") from None


def _apply(root: Path, plan: list[Renamed], index_text: str | None) -> None:
    """New names first (hard links: the old ones still work), then INDEX.md, then the old names
    go. Until INDEX.md is replaced every step is undone on failure."""
    made: list[Path] = []
    try:
        for r in plan:
            dst = root / r.new
            if os.path.lexists(dst):
                raise UsageError(f"{r.new} already exists; not overwriting it (nothing renamed)")
            src = root / r.source
            try:
                os.link(src, dst, follow_symlinks=False)
            except OSError:  # no hard links here (some network or FAT folders): copy the bytes
                write_atomic(dst, src.read_bytes(), mode=os.stat(src).st_mode & 0o7777)
            made.append(dst)
        if index_text is not None:
            write_atomic(root / INDEX_NAME, index_text.encode("utf-8"))
    except BaseException:
        for path in made:
            path.unlink(missing_ok=True)
        raise
    for r in plan:
        (root / r.source).unlink()
