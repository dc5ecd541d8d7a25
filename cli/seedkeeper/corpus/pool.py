"""Running the per-document analysis over a corpus, with the cache and a process pool.

Unchanged files (same size, mtime, ctime and inode as last time) are answered from the cache without
being opened. The rest go to worker processes, which read and hash each file and look the hash
up in the cache (read-only) before doing any real work; only new results are written back, in
one transaction, by this process. Texts never leave the workers: what comes back is a small
record per document, so memory stays bounded by the corpus' metadata, not its text.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import hashlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from seedkeeper._version import __version__
from seedkeeper.corpus.analysis import ANALYSIS_VERSION, DocAnalysis, Features, analyze_document
from seedkeeper.corpus.cache import Cache
from seedkeeper.corpus.model import CorpusDocument

Progress = Callable[[int, int], None]

# Below this many documents to (re)compute, a pool costs more to start than it saves.
POOL_MIN_DOCS = 48


@dataclass(frozen=True)
class CacheSpec:
    """Where the cache lives; None in `run_analysis` means no cache at all."""

    folder: Path


@dataclass
class RunStats:
    """How the documents were answered: useful in benchmarks and --debug output."""

    total: int = 0
    stat_hits: int = 0
    hash_hits: int = 0
    computed: int = 0


def fingerprint(features: Features, max_size: int, min_chars: int) -> str:
    """Everything besides the bytes that changes an analysis: versions and settings."""
    parts = [
        __version__,
        ANALYSIS_VERSION,
        f"max={max_size}",
        f"min={min_chars}",
        f"dedup={features.dedup}",
        f"lang={features.lang}",
    ]
    if features.quality is not None:
        from seedkeeper.quality import QUALITY_VERSION

        parts.append(f"quality={QUALITY_VERSION}:{features.quality.cache_key()}")
    if features.dedup:
        from seedkeeper.similarity.version import MINHASH_VERSION, NORMALIZATION_VERSION

        parts += [f"norm={NORMALIZATION_VERSION}", f"mh={MINHASH_VERSION}"]
    if features.lang:
        from seedkeeper.lang import DETECTOR_VERSION

        parts.append(f"lang={DETECTOR_VERSION}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


# concurrent.futures' ProcessPoolExecutor, imported on first use: a warm run starts no pool, and
# importing multiprocessing costs 20 ms. (A module attribute, so that tests can count pools.)
ProcessPoolExecutor = None


def _executor_class():
    global ProcessPoolExecutor
    if ProcessPoolExecutor is None:
        from concurrent.futures import ProcessPoolExecutor as executor

        ProcessPoolExecutor = executor
    return ProcessPoolExecutor


# Per-worker state: the read-only cache connection, opened once by the initializer.
_WORKER: dict = {}


def _die_with_parent(parent: int) -> None:
    """A worker must not outlive the run that started it (a SIGKILLed main process, a cancelled CI
    job): on Linux the kernel sends SIGKILL when the parent dies (PR_SET_PDEATHSIG); everywhere, a
    daemon thread also notices the parent is gone (re-parented) and exits."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    if os.getppid() != parent:  # it died before prctl took effect
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="seedkeeper-parent-watch", daemon=True).start()


def _init_worker(features: Features, cache_folder: Path | None, fp: str, parent: int | None = None) -> None:
    # A forked worker inherits the parent's paused collector (corpus.gcpause); it runs for the
    # whole pass and makes garbage of every kind, so it collects as usual.
    gc.enable()
    if parent is not None:
        _die_with_parent(parent)
    if features.lang:
        from seedkeeper.lang import warm_up

        warm_up()  # profiles loaded once per worker, not once per document
    _WORKER["fp"] = fp
    _WORKER["cache"] = Cache(cache_folder, readonly=True) if cache_folder else None


def _lookup(rel: str, sha256: str) -> DocAnalysis | None:
    cache = _WORKER.get("cache")
    return cache.get(rel, sha256, _WORKER["fp"]) if cache is not None and cache.enabled else None


def _work(args: tuple[CorpusDocument, int, int, Features]) -> tuple[DocAnalysis, bool]:
    doc, max_size, min_chars, features = args
    hit: list[bool] = []

    def lookup(rel: str, sha: str) -> DocAnalysis | None:
        found = _lookup(rel, sha)
        hit.append(found is not None)
        return found

    return analyze_document(doc, max_size, min_chars, features, lookup), bool(hit and hit[0])


def _stat_hits(store: Cache | None, folder_key: str, docs: Sequence[CorpusDocument], fp: str) -> dict[str, DocAnalysis]:
    """Cached analyses of the documents whose size, mtime, inode and ctime are what the cache saw
    (ctime: an edit that restores the mtime, as `touch -r` or rsync do, still changes it)."""
    if store is None:
        return {}
    return store.unchanged(
        folder_key, fp, {d.rel: (d.info.size, d.info.mtime_ns, d.info.inode, d.info.ctime_ns) for d in docs}
    )


@contextlib.contextmanager
def _outputs(work: list, features: Features, jobs: int, cache_folder: Path | None, fp: str) -> Iterator[Iterator]:
    """(analysis, was_hit) for each work item, in order: in this process for small batches, else
    from a process pool that is shut down (pending work cancelled) when the caller is done."""
    pool = None
    if not work:
        outputs: Iterator = iter(())
    elif jobs == 1 or len(work) < POOL_MIN_DOCS:
        # In-process: the tagger loads its profiles on first use, only if a document needs it.
        _WORKER["fp"] = fp
        _WORKER["cache"] = Cache(cache_folder, readonly=True) if cache_folder else None
        outputs = map(_work, work)
    else:
        if features.lang:
            # Load the profiles here, before the workers fork: they inherit them (copy-on-write)
            # instead of each parsing 55 profiles again.
            from seedkeeper.lang import warm_up

            warm_up()
        chunk = max(1, min(32, len(work) // (jobs * 8) or 1))
        pool = _executor_class()(
            max_workers=jobs, initializer=_init_worker, initargs=(features, cache_folder, fp, os.getpid())
        )
        outputs = pool.map(_work, work, chunksize=chunk)
    try:
        yield outputs
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        worker_cache = _WORKER.pop("cache", None)
        if worker_cache is not None:
            worker_cache.close()


def run_analysis(
    docs: Sequence[CorpusDocument],
    *,
    max_size: int,
    min_chars: int,
    features: Features,
    jobs: int = 1,
    progress: Progress | None = None,
    cache: CacheSpec | None = None,
    seeds: Path | None = None,
    stats: RunStats | None = None,
) -> list[DocAnalysis]:
    """Analyse `docs` with `jobs` processes (Settings.effective_jobs()); results come back in the same order."""
    stats = stats if stats is not None else RunStats()
    stats.total = total = len(docs)
    fp = fingerprint(features, max_size, min_chars)
    folder_key = str(Path(seeds).resolve()) if seeds is not None else ""
    store = Cache(cache.folder) if cache is not None else None
    hits = _stat_hits(store, folder_key, docs, fp)
    results: list[DocAnalysis | None] = [hits.get(d.rel) for d in docs]
    todo = [i for i, r in enumerate(results) if r is None]
    done = stats.stat_hits = total - len(todo)
    if progress and done:
        progress(done, total)
    fresh: list[tuple[DocAnalysis, tuple[int, int, int, int]]] = []
    work = [(docs[i], max_size, min_chars, features) for i in todo]
    cache_folder = cache.folder if (store is not None and store.enabled) else None
    with _outputs(work, features, max(1, jobs), cache_folder, fp) as outputs:
        for i, (analysis, was_hit) in zip(todo, outputs):
            results[i] = analysis
            if was_hit:
                stats.hash_hits += 1
            else:
                stats.computed += 1
            info = docs[i].info
            fresh.append((analysis, (info.size, info.mtime_ns, info.inode, info.ctime_ns)))
            done += 1
            if progress:
                progress(done, total)
    if store is not None:
        store.put_many(folder_key, fp, fresh)
        store.close()
    return [r for r in results if r is not None]
