"""`dedup`: find exact, normalized and near duplicates; with apply, move them out restorably."""

from __future__ import annotations

from typing import TYPE_CHECKING

import os
from dataclasses import dataclass, field
from pathlib import Path

from .analysis import Features
from .atomic import folder_lock
from .pipeline import CacheSpec, Progress
from .safe_read import read_bytes
from .settings import Settings
from .survey import Survey, survey

if TYPE_CHECKING:  # pragma: no cover - the dedup module loads numpy
    from .dedup import DedupResult


@dataclass
class DedupReport:
    """Clusters (kept = first listed), near-duplicate diff excerpts, and what was moved."""

    result: DedupResult
    excerpts: dict[str, list[str]] = field(default_factory=dict)  # duplicate file -> excerpt lines
    moved: list = field(default_factory=list)  # quarantine.QuarantineEntry

    def to_dict(self) -> dict:
        data = self.result.to_dict()
        if self.moved:
            data["moved"] = [{"file": m.file, "quarantined": m.quarantined, "kind": m.kind} for m in self.moved]
        return data


def near_excerpts(s: Survey) -> dict[str, list[str]]:
    """For each near duplicate, a few short excerpts of where it differs from its match."""
    from .dedup import diff_excerpt

    infos = {d.rel: d.info for d in s.corpus.documents}

    def text(rel: str) -> str:
        raw = read_bytes(infos[rel], s.settings.max_size + 1)
        return raw.decode("utf-8", errors="replace").lstrip("\ufeff")

    out = {}
    for c in s.dedup.clusters if s.dedup else []:
        for d in c.duplicates:
            if d.kind == "near":
                try:
                    out[d.file] = diff_excerpt(text(d.of), text(d.file))
                except OSError:
                    out[d.file] = []
    return out


def dedup(
    seeds: str | os.PathLike,
    settings: Settings | None = None,
    *,
    apply: bool = False,
    jobs: int | None = None,
    cache: CacheSpec | None = None,
    progress: Progress | None = None,
) -> DedupReport:
    """Find duplicates; with apply=True move each into `.seedkeeper/quarantine/` in the seeds
    folder (recorded in `.seedkeeper/quarantine.jsonl`) and drop it from INDEX.md, atomically
    and under the folder lock. Nothing is deleted; `restore` puts a file back."""
    from .index_writer import remove_entries
    from .quarantine import apply_moves

    settings = settings or Settings()
    s = survey(seeds, settings, features=Features(dedup=True), jobs=jobs, cache=cache, progress=progress)
    assert s.dedup is not None
    report = DedupReport(result=s.dedup, excerpts=near_excerpts(s))
    if apply and s.dedup.clusters:

        def drop(text: str, files: list[str]) -> str:
            return remove_entries(text, files, include=settings.include, name_pattern=settings.name_pattern)

        with folder_lock(Path(seeds)):
            report.moved = apply_moves(Path(seeds), s.dedup, drop)
    return report


def restore(seeds: str | os.PathLike, file: str, settings: Settings | None = None):
    """Move a quarantined document back and list it in INDEX.md again (under the folder lock)."""
    from .index_writer import add_entries
    from .quarantine import restore as _restore

    settings = settings or Settings()

    def relist(text: str, rel: str) -> str:
        return add_entries(text, [rel], include=settings.include, name_pattern=settings.name_pattern)

    with folder_lock(Path(seeds)):
        return _restore(Path(seeds), file, relist)
