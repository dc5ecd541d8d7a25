"""Running the per-document analysis over a corpus: in-process or in a process pool, in INDEX
order, streaming results back so that no more than a window of texts is ever held at once."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterator, Sequence

from .analysis import DocAnalysis, Features, analyze_document
from .corpus import CorpusDocument

Progress = Callable[[int, int], None]

# Below this many documents a pool costs more to start than it saves.
POOL_MIN_DOCS = 64


def _init_worker(features: Features) -> None:
    # Load the language profiles once per worker, not once per document.
    if features.lang:
        from .lang import warm_up

        warm_up()


def _work(args: tuple[CorpusDocument, int, int, Features]) -> DocAnalysis:
    doc, max_size, min_chars, features = args
    return analyze_document(doc, max_size, min_chars, features)


def run_analysis(
    docs: Sequence[CorpusDocument],
    *,
    max_size: int,
    min_chars: int,
    features: Features,
    jobs: int = 1,
    progress: Progress | None = None,
) -> Iterator[DocAnalysis]:
    """Analyse `docs`, yielding results in the same order. jobs <= 0 means all cores."""
    jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
    total = len(docs)
    work = ((d, max_size, min_chars, features) for d in docs)
    if jobs == 1 or total < POOL_MIN_DOCS:
        if features.lang:
            _init_worker(features)
        for i, args in enumerate(work, 1):
            yield _work(args)
            if progress:
                progress(i, total)
        return
    chunk = max(1, min(64, total // (jobs * 8) or 1))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(features,)) as pool:
        # Executor.map submits everything up front, but each task is a small record (a path and
        # stat info), and results are consumed in order as they arrive.
        for i, result in enumerate(pool.map(_work, work, chunksize=chunk), 1):
            yield result
            if progress:
                progress(i, total)
