"""`dedup`: find exact, normalized, near and contained duplicates; with apply, move them out
restorably (a contained document like any other duplicate: its container is the one kept)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from seedkeeper.corpus.analysis import Features
from seedkeeper.corpus.atomic import folder_lock
from seedkeeper.corpus.pool import CacheSpec, Progress
from seedkeeper.corpus.safe_read import read_text
from seedkeeper.corpus.survey import Survey, survey
from seedkeeper.settings import Settings

from .findings import duplicate_problems

if TYPE_CHECKING:  # pragma: no cover - the dedup module loads numpy
    from seedkeeper.similarity.clustering import DedupResult


@dataclass
class DedupReport:
    """Clusters (kept = first listed, or the container), near-duplicate diff excerpts and
    contained-duplicate placements, and what was moved."""

    result: DedupResult
    excerpts: dict[str, list[str]] = field(default_factory=dict)  # duplicate file -> excerpt lines
    moved: list = field(default_factory=list)  # quarantine.QuarantineEntry
    skipped: list = field(default_factory=list)  # (file, why) duplicates left in place
    problems: list = field(default_factory=list)  # exact-, near- and contained-duplicate findings

    def to_dict(self) -> dict:
        data = self.result.to_dict()
        if self.moved:
            data["moved"] = [{"file": m.file, "quarantined": m.quarantined, "kind": m.kind} for m in self.moved]
        if self.skipped:
            data["skipped"] = [{"file": f, "reason": why} for f, why in self.skipped]
        return data


def near_excerpts(s: Survey) -> dict[str, list[str]]:
    """For each near duplicate, a few short excerpts of where it differs from its match; for
    each contained one, where its text sits in the container and what the container adds."""
    from seedkeeper.similarity.excerpts import diff_excerpt
    from seedkeeper.similarity.placement import locate

    infos = {d.rel: d.info for d in s.corpus.documents}

    def text(rel: str) -> str:
        return read_text(infos[rel], s.settings.max_size + 1)

    out = {}
    for c in s.dedup.clusters if s.dedup else []:
        for d in c.duplicates:
            try:
                if d.kind == "near":
                    out[d.file] = diff_excerpt(text(d.of), text(d.file))
                elif d.kind == "contained":
                    out[d.file] = locate(text(d.file), text(d.of)).lines(d.of)
            except OSError:
                out[d.file] = []
    return out


def dedup(
    seeds: str | os.PathLike,
    settings: Settings | None = None,
    *,
    apply: bool = False,
    excerpts: bool = True,
    jobs: int | None = None,
    cache: CacheSpec | None = None,
    progress: Progress | None = None,
) -> DedupReport:
    """Find duplicates; with apply=True move each into `.seedkeeper/quarantine/` in the seeds
    folder (recorded in `.seedkeeper/quarantine.jsonl`) and drop it from INDEX.md, atomically
    and under the folder lock. Nothing is deleted; `restore` puts a file back."""
    from seedkeeper.corpus.quarantine import apply_moves
    from seedkeeper.indexmd.writer import remove_entries

    settings = settings or Settings()
    s = survey(seeds, settings, features=Features(dedup=True), jobs=jobs, cache=cache, progress=progress)
    assert s.dedup is not None
    report = DedupReport(result=s.dedup, excerpts=near_excerpts(s) if excerpts else {}, problems=duplicate_problems(s))
    if apply and s.dedup.clusters:

        def drop(text: str, files: list[str]) -> str:
            return remove_entries(text, files, include=settings.include, name_pattern=settings.name_pattern)

        movable, report.skipped = _movable(s)
        with folder_lock(Path(seeds)):
            report.moved = apply_moves(Path(seeds), movable, drop, carried=_written_by_people(s))
    return report


def _movable(s: Survey):
    """The clusters without duplicates that are not plain files (a symlink is reported, not
    moved: moving it would move a name, not the bytes), and the skipped ones with why."""
    from seedkeeper.similarity.clustering import Cluster, DedupResult

    skipped, clusters = [], []
    for c in s.dedup.clusters:
        keep = []
        for d in c.duplicates:
            path = s.root / d.file
            if os.path.islink(path) or not os.path.isfile(path):
                skipped.append((d.file, "not a regular file (a symlink?); left in place"))
            else:
                keep.append(d)
        if keep:
            clusters.append(Cluster(c.keep, keep))
    return DedupResult(clusters, s.dedup.too_short), skipped


def _written_by_people(s: Survey) -> dict[str, tuple[str, str]]:
    """file -> (pinned language, notes) as a person wrote them in INDEX.md, so that a restore
    can put them back."""
    out = {}
    for d in s.corpus.documents:
        e = d.entry
        if e is None:
            continue
        if e.managed and e.kind == "table":
            cells = {h.strip().lower(): v for h, v in e.cells}
            out[d.rel] = (cells.get("pinned", ""), cells.get("notes", ""))
        elif e.kind in ("list", "table"):
            out[d.rel] = (e.lang or "", e.note)
    return out


def restore(seeds: str | os.PathLike, file: str, settings: Settings | None = None):
    """Move a quarantined document back and list it in INDEX.md again (under the folder lock)."""
    from seedkeeper.corpus.quarantine import restore as _restore
    from seedkeeper.indexmd.writer import add_entries

    settings = settings or Settings()

    from seedkeeper.corpus.quarantine import list_quarantined

    people = {e.file: (e.pinned, e.notes) for e in list_quarantined(Path(seeds)) if file in (e.file, e.quarantined)}

    def relist(text: str, rel: str) -> str:
        return add_entries(text, [rel], include=settings.include, name_pattern=settings.name_pattern, carried=people)

    with folder_lock(Path(seeds)):
        return _restore(Path(seeds), file, relist)
