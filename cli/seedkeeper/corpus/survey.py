"""One pass over a corpus that every command builds on: INDEX.md and the folder (load_corpus),
the per-document analyses (cached, in parallel), and, on request, the duplicate clusters
(duplicate_clusters.py)."""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from seedkeeper.corpus.analysis import DocAnalysis, Features, analyze_bytes
from seedkeeper.corpus.duplicate_clusters import cluster
from seedkeeper.corpus.gcpause import paused_gc
from seedkeeper.corpus.model import Corpus, load_corpus
from seedkeeper.corpus.pool import CacheSpec, Progress, RunStats, fingerprint, run_analysis
from seedkeeper.problems import Problem
from seedkeeper.settings import Settings

if TYPE_CHECKING:  # pragma: no cover - the dedup module loads numpy
    from seedkeeper.indexmd.table import IndexRow
    from seedkeeper.similarity.results import DedupResult


@dataclass
class Survey:
    """The corpus, an analysis per readable-or-not document (INDEX order), and duplicates."""

    corpus: Corpus
    analyses: list[DocAnalysis]
    dedup: DedupResult | None = None
    stats: RunStats = field(default_factory=RunStats)
    corpus_problems: list[Problem] = field(default_factory=list)  # findings that need the whole corpus

    @property
    def root(self) -> Path:
        return self.corpus.root

    @property
    def settings(self) -> Settings:
        return self.corpus.settings

    def problems(self) -> list[Problem]:
        """Index findings plus every document's content findings (no policy applied yet)."""
        out = list(self.corpus.problems)
        for a in self.analyses:
            out.extend(a.problems)
        return out + self.corpus_problems


def survey(
    seeds: str | os.PathLike,
    settings: Settings | None = None,
    *,
    features: Features = Features(),
    jobs: int | None = None,
    cache: CacheSpec | None = None,
    progress: Progress | None = None,
    replaced: Mapping[str, bytes] | None = None,
) -> Survey:
    """Load and analyse a seeds folder; with features.dedup, cluster duplicates too.

    `replaced` gives some documents' bytes as they would be (a dry run of `fix`): those are
    analysed, and compared for duplicates, from these bytes instead of the files."""
    settings = settings or Settings()
    if jobs is not None:
        settings = settings.with_overrides(jobs=jobs)  # validated there, like the --jobs flag
    with paused_gc():
        return _survey(seeds, settings, features, cache, progress, replaced or {})


def _survey(
    seeds: str | os.PathLike,
    settings: Settings,
    features: Features,
    cache: CacheSpec | None,
    progress: Progress | None,
    replaced: Mapping[str, bytes],
) -> Survey:
    corpus = load_corpus(seeds, settings, cache)
    stats = RunStats()
    analyses = run_analysis(
        corpus.documents,
        max_size=settings.max_size,
        min_chars=settings.min_chars,
        features=features,
        jobs=settings.effective_jobs(),
        progress=progress,
        cache=cache,
        seeds=corpus.root,
        stats=stats,
    )
    if replaced:
        analyses = [_as_replaced(a, replaced, settings, features) for a in analyses]
    give_titles(corpus, analyses)
    if features.lang and settings.languages:
        settle_by_allowed(corpus, analyses, settings.languages)
    result = Survey(corpus=corpus, analyses=analyses, stats=stats)
    if features.dedup:
        shingled = _shingles_of(replaced) if replaced else None
        result.dedup = cluster(
            corpus, analyses, settings.threshold, cache, extra_shingles=shingled, containment=settings.containment
        )
    if features.quality is not None:
        from seedkeeper.corpus.boilerplate import boilerplate_problems

        row_fp = fingerprint(features, settings.max_size, settings.min_chars)  # finds earlier analyses
        result.corpus_problems = boilerplate_problems(corpus, analyses, features.quality, cache, row_fp)
    return result


def _as_replaced(a: DocAnalysis, replaced: Mapping[str, bytes], settings: Settings, features: Features) -> DocAnalysis:
    """The analysis of a document's `replaced` bytes, when it has some; else `a` itself."""
    if a.rel not in replaced:
        return a
    return analyze_bytes(a.rel, replaced[a.rel], settings.min_chars, features)


def _shingles_of(replaced: Mapping[str, bytes]) -> dict:
    """The exact shingle sets of the replaced documents (not the files' ones, which the cache
    or a read would give), as analyze_bytes makes them."""
    from seedkeeper.similarity.minhash import shingles
    from seedkeeper.similarity.normalize import normalize

    return {
        rel: shingles(normalize(data.decode("utf-8", errors="replace").removeprefix("\ufeff")))
        for rel, data in replaced.items()
    }


def give_titles(corpus: Corpus, analyses: list[DocAnalysis]) -> None:
    """Give INDEX.md's parse what the documents say now, from the analyses just made (no document
    is read again): a Title cell of a table shaped like ours outside the markers is a person's
    unless it is the title `index` writes there (indexmd/title_cells.py), and a computed cell
    of the managed table is a person's when the tool could not have written it
    (indexmd/inside_cells.py); a `lang:` or `ignore:` typed in either counts for every command
    as it does for `index`. The pins that apply are read again, and each document's entries are
    the told ones."""
    if corpus.index is None:
        return
    from seedkeeper.indexmd.entries import first_pins
    from seedkeeper.indexmd.inside_cells import lines_that_may_pin, with_edits
    from seedkeeper.indexmd.table import CellGuard
    from seedkeeper.indexmd.title_cells import with_titles

    s = corpus.settings
    guard = CellGuard(tuple(s.include), s.name_pattern)
    doc = with_titles(corpus.index, {a.rel: a.title for a in analyses}, guard, corpus.named)
    # Managed rows: only those whose pin or `ignore:` telling may change (the lines that say
    # `lang` or `ignore`), all this survey's readers take from them; a 100,000-row table costs
    # one scan of its text.
    lines = lines_that_may_pin(doc.text) if doc.managed_spans else set()
    if lines:
        wanted = {corpus.named(e.rel) for e in doc.entries if e.managed and e.rel is not None and e.line in lines}
        doc = with_edits(doc, analysed_rows(analyses, wanted), guard, corpus.named, lines)
    if doc is corpus.index:
        return  # no such cell (nearly always)
    titled = {id(old): new for old, new in zip(corpus.index.entries, doc.entries)}
    corpus.index = doc
    pins = first_pins(doc.entries, corpus.named)
    for d in corpus.documents:
        d.entry = titled.get(id(d.entry), d.entry)
        d.pin = pins.get(d.rel)


def analysed_rows(analyses: list[DocAnalysis], files: Collection[str]) -> dict[str, IndexRow]:
    """file -> the managed row (indexmd.table.IndexRow) of each of `files` as far as its analysis
    tells before clustering: the cells that follow from its text (title, counts, short hash),
    the language detected (before `languages` settles it) and no status (not known yet:
    inside_cells.with_edits then goes by the vocabulary)."""
    from seedkeeper.indexmd.table import IndexRow

    return {
        a.rel: IndexRow(a.rel, a.lang["lang"] if a.lang else "", a.chars, a.words, a.sha256[:12], "", a.title)
        for a in analyses
        if a.rel in files
    }


def settle_by_allowed(corpus: Corpus, analyses: list[DocAnalysis], allowed: tuple[str, ...]) -> None:
    """Tags the detectors left open within a group of close languages, settled by the
    configured `languages` (lang/allowed.py); the cached records stay as they were. For a
    document whose language a person pinned in INDEX.md, only a settled tag that is the pinned
    language is kept: the pin decides, and it is no reason for a lang-mismatch."""
    from seedkeeper.lang.allowed import settle_allowed
    from seedkeeper.lang.tags import same_lang

    pinned = {d.rel: d.pinned for d in corpus.documents if d.pinned}
    for a in analyses:
        if a.lang is None:
            continue
        settled = settle_allowed(a.lang, allowed)
        pin = pinned.get(a.rel)
        if pin is None or same_lang(settled["lang"], pin):
            a.lang = settled
