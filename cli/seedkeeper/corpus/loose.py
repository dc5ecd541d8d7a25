"""Files named one by one (`seedkeeper tag a.txt b.txt`), analysed as documents of no folder.

A person asking "what language is this file?" should not have to build a seeds folder first.
Each file keeps the name it was given; there is no INDEX.md (so no pinned language) and no
cache (the cache is keyed per seeds folder). Everything else is what a folder's documents get:
the same safe read (a FIFO or a folder is never opened, a file over the size limit is never
read whole), the same analysis, and the configured `languages` settling close pairs.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from seedkeeper.corpus.analysis import DocAnalysis, Features
from seedkeeper.corpus.model import Corpus, CorpusDocument
from seedkeeper.corpus.paths import other_spellings_note, spelled_otherwise
from seedkeeper.corpus.pool import Progress, RunStats, run_analysis
from seedkeeper.corpus.safe_read import FileInfo
from seedkeeper.problems import make
from seedkeeper.settings import Settings


def survey_files(
    paths: Sequence[str | os.PathLike],
    settings: Settings | None = None,
    *,
    features: Features = Features(lang=True),
    jobs: int | None = None,
    progress: Progress | None = None,
):
    """Analyse `paths` as documents, each under its name as given (a Survey, in the given order).

    A path that does not exist is a `missing-file` finding, one that is not a regular file
    `not-a-file`; neither is opened. A name in the other Unicode spelling of one file beside it
    names that file (paths.spelled_otherwise). The same path given twice is analysed once."""
    from seedkeeper.corpus.survey import Survey, settle_by_allowed

    settings = settings or Settings()
    if jobs is not None:
        settings = settings.with_overrides(jobs=jobs)
    names = list(dict.fromkeys(os.fspath(p) for p in paths))
    docs: list[CorpusDocument] = []
    refused: dict[str, DocAnalysis] = {}
    for order, name in enumerate(names):
        # "café.txt" typed composed names the file macOS wrote decomposed (kept under the name given).
        path, others = spelled_otherwise(name)
        try:
            st = os.stat(path if path is not None else name)  # follows a symbolic link: the person named the file
        except OSError as exc:
            why = f"cannot read: {exc.strerror}{other_spellings_note(others)}"
            refused[name] = DocAnalysis(name, 0, problems=(make("missing-file", name, why),))
            continue
        if not stat.S_ISREG(st.st_mode):
            refused[name] = DocAnalysis(name, 0, problems=(make("not-a-file", name, "not a regular file; not opened"),))
            continue
        info = FileInfo(os.path.realpath(path), st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)
        docs.append(CorpusDocument(rel=name, order=order, line=None, info=info))
    analysed = run_analysis(
        docs,
        max_size=settings.max_size,
        min_chars=settings.min_chars,
        features=features,
        jobs=settings.effective_jobs(),
        progress=progress,
        stats=RunStats(),
    )
    by_name = {a.rel: a for a in analysed} | refused
    corpus = Corpus(root=Path.cwd(), settings=settings, index=None, index_raw=None, on_disk=[], documents=docs)
    analyses = [by_name[name] for name in names]
    if features.lang and settings.languages:
        settle_by_allowed(corpus, analyses, settings.languages)
    return Survey(corpus=corpus, analyses=analyses)
