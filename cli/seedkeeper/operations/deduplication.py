"""`dedup`: find exact, normalized, near and contained duplicates; with apply, move them out
restorably (a contained document like any other duplicate: its container is the one kept).
`restore` (restoring.py) puts one back."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from seedkeeper.corpus.analysis import Features
from seedkeeper.corpus.atomic import folder_lock
from seedkeeper.corpus.pool import CacheSpec, Progress
from seedkeeper.corpus.safe_moves import movable
from seedkeeper.corpus.safe_read import read_text
from seedkeeper.corpus.survey import Survey, analysed_rows, survey
from seedkeeper.settings import Settings

from .findings import duplicate_problems, reported_clusters

if TYPE_CHECKING:  # pragma: no cover - the dedup module loads numpy
    from seedkeeper.similarity.results import DedupResult


@dataclass
class DedupReport:
    """Clusters (kept = first listed, or the container), near-duplicate diff excerpts and
    contained-duplicate placements, and what was moved."""

    result: DedupResult
    excerpts: dict[str, list[str]] = field(default_factory=dict)  # duplicate file -> excerpt lines
    moved: list = field(default_factory=list)  # quarantine_manifest.QuarantineEntry
    skipped: list = field(default_factory=list)  # (file, why) duplicates left in place
    problems: list = field(default_factory=list)  # exact-, near- and contained-duplicate findings
    accepted: list = field(default_factory=list)  # (file, code): kept on purpose, neither reported nor moved
    ignored: list = field(default_factory=list)  # (file, code): a code select/ignore leaves out, as check does
    # (file, line): references INDEX.md still holds to a moved file (a link in prose, a later table
    # cell naming it: never rewritten), which `check` reports missing-file.
    still_named: list = field(default_factory=list)

    def to_dict(self) -> dict:
        data = self.result.to_dict()
        if self.accepted:
            data["accepted"] = [{"file": f, "code": code} for f, code in self.accepted]
        if self.ignored:
            data["ignored"] = [{"file": f, "code": code} for f, code in self.ignored]
        if self.moved:
            data["moved"] = [{"file": m.file, "quarantined": m.quarantined, "kind": m.kind} for m in self.moved]
        if self.skipped:
            data["skipped"] = [{"file": f, "reason": why} for f, why in self.skipped]
        if self.still_named:
            data["still_named"] = [{"file": f, "line": line} for f, line in self.still_named]
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
    from seedkeeper.corpus.discovery import discover
    from seedkeeper.corpus.quarantine import apply_moves, finish_interrupted

    settings = settings or Settings()
    drop = index_dropper(Path(seeds), settings)

    def run(progress: Progress | None = None) -> Survey:
        return survey(seeds, settings, features=Features(dedup=True), jobs=jobs, cache=cache, progress=progress)

    if apply and Path(seeds).is_dir():
        with folder_lock(Path(seeds)):  # a killed earlier --apply is finished first (the manifest is a journal)
            finish_interrupted(Path(seeds), drop)
    s = run(progress)
    assert s.dedup is not None
    if not (apply and s.dedup.clusters):
        return _report(s, excerpts)
    with folder_lock(Path(seeds)):
        if discover(s.root, settings.include) != s.corpus.on_disk:
            s = run()  # another run moved or added documents since: decide again, under the lock
        report = _report(s, excerpts)  # excerpts read before the duplicates move
        movable, report.skipped = _movable(s)
        moving = {d.file for c in movable.clusters for d in c.duplicates}
        carried, rows = _written_by_people(s, moving)
        report.moved = apply_moves(Path(seeds), movable, drop, carried=carried, rows=rows)
        report.still_named = _still_named(Path(seeds), settings, [m.file for m in report.moved])
    return report


def _still_named(seeds: Path, settings: Settings, moved: list[str]) -> list[tuple[str, int]]:
    """(file, line) for each reference INDEX.md still holds to a file just moved out: what a
    person wrote in prose or in a later cell of a table row is theirs and stays, and `check`
    will report it missing-file, so `dedup --apply` says so now. Sorted by file, then line."""
    from seedkeeper.corpus.index_file import decode_index, read_index
    from seedkeeper.corpus.paths import nfc
    from seedkeeper.indexmd.reader import parse_index

    if not moved:
        return []
    raw, _ = read_index(seeds)
    text = decode_index(raw)[0] if raw is not None else None
    if text is None:
        return []
    wanted = {nfc(f): f for f in moved}
    found = {
        (wanted[nfc(e.rel)], e.line)
        for e in parse_index(text, settings.include, settings.name_pattern).entries
        if e.rel is not None and nfc(e.rel) in wanted
    }
    return sorted(found)


def index_dropper(seeds: Path, settings: Settings):
    """`drop(index_text, files)`: INDEX.md without its references to `files`, however INDEX.md
    spells them ("café.txt" typed composed, the file decomposed: as the corpus reads it)."""
    from seedkeeper.corpus.discovery import discover
    from seedkeeper.indexmd.entry_edits import remove_entries

    def drop(text: str, files: list[str]) -> str:
        # Only a name with another Unicode spelling needs to know the folder's other files.
        others = discover(seeds, settings.include) if any(not f.isascii() for f in files) else ()
        return remove_entries(text, files, include=settings.include, name_pattern=settings.name_pattern, others=others)

    return drop


def _report(s: Survey, excerpts: bool) -> DedupReport:
    """The report of `s`'s duplicates, as `check` reports them: less those a person accepted
    (`ignore: near-duplicate` in the note, per-file-ignores) and those of codes the config's
    select/ignore leaves out, which `dedup` neither reports nor moves (`s.dedup` is narrowed to
    the others), with the config's severities."""
    assert s.dedup is not None
    from seedkeeper.problems import apply_policy

    from .acceptance import accept

    st = s.settings
    problems = duplicate_problems(s)
    kept = accept(s, problems, report_unused=False)
    reported = apply_policy(kept, st.select, st.ignore, st.severities)
    accepted = sorted(_pairs(problems) - _pairs(kept))
    ignored = sorted(_pairs(kept) - _pairs(reported))
    if accepted or ignored:
        s.dedup = reported_clusters(s.dedup, reported)
    report = DedupReport(result=s.dedup, excerpts=near_excerpts(s) if excerpts else {}, problems=reported)
    report.accepted, report.ignored = accepted, ignored
    return report


def _pairs(problems) -> set[tuple[str, str]]:
    return {(p.file, p.code) for p in problems}


def _movable(s: Survey):
    """The clusters without duplicates that are not plain files (a symlink is reported, not
    moved: moving it would move a name, not the bytes), and the skipped ones with why."""
    from seedkeeper.similarity.results import Cluster, DedupResult

    skipped, clusters = [], []
    for c in s.dedup.clusters:
        keep = []
        for d in c.duplicates:
            if not movable(s.root / d.file):
                skipped.append((d.file, "not a regular file (a symlink?); left in place"))
            else:
                keep.append(d)
        if keep:
            clusters.append(Cluster(c.keep, keep))
    return DedupResult(clusters, s.dedup.too_short), skipped


def _written_by_people(s: Survey, files: set[str]):
    """What a person wrote in INDEX.md about the `files` about to be moved out, so that a restore
    can put it back: file -> (pinned language, notes), and file -> (the cells of the hand-written
    table row that lists it and what its other listings said (carried.rows_beside), the files
    listed either side of it (neighbours.listed_between)), for a file with any of these.
    `dedup --apply` takes every listing of a file out of INDEX.md, so every listing's words are
    kept (and the pin that applies, which may be a later listing's: entries.first_pins)."""
    from seedkeeper.indexmd.carried import rows_beside, written_beside
    from seedkeeper.indexmd.inside_cells import with_edits
    from seedkeeper.indexmd.neighbours import home_listings, listed_between
    from seedkeeper.indexmd.table import CellGuard

    index = s.corpus.index
    if index is None or not files:
        return {}, {}
    named = s.corpus.named
    # Their managed rows told whole (the survey told only those that may pin): a title a person
    # typed there leaves with the file, as `index` would have kept it in Notes.
    lines = {e.line for e in index.entries if e.managed and e.rel is not None and named(e.rel) in files}
    guard = CellGuard(tuple(s.settings.include), s.settings.name_pattern)
    index = with_edits(index, analysed_rows(s.analyses, files), guard, named, lines)
    listings = [e for e in index.entries if e.rel is not None and e.kind != "link" and named(e.rel) in files]
    rows = rows_beside(index.text, listings, name=named)
    between = listed_between(index.text, home_listings(listings, named), index.entries, index.managed_spans, named)
    saved = {f: (*rows.get(f, ((), ("", ""))), between.get(f, ("", ""))) for f in set(rows).union(between)}
    return written_beside(index.text, listings, name=named), saved
