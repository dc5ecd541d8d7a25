"""The analysis pipeline: a process pool gives the same results in the same order as one process,
progress is reported monotonically, and the per-document records stay small (no text kept)."""

from __future__ import annotations

import dataclasses
import pickle
from concurrent.futures import ProcessPoolExecutor

import pytest

import seedkeeper.corpus.pool as pipeline
from dedup_fixtures import doc
from helpers import doc_name, make_seeds
from lang_fixtures import paragraph_docs
from multilingual import CLEAN
from seedkeeper.corpus.analysis import DocAnalysis, Features
from seedkeeper.corpus.model import load_corpus
from seedkeeper.corpus.pool import POOL_MIN_DOCS, CacheSpec, RunStats, run_analysis
from seedkeeper.corpus.survey import survey
from seedkeeper.settings import Settings

pytestmark = pytest.mark.usefixtures("isolated_env")

ALL = Features(dedup=True, lang=True)


def corpus_files() -> dict[str, bytes | str]:
    """~80 multilingual documents over many scripts, plus long ones and ones with findings."""
    paras = paragraph_docs()
    step = max(1, len(paras) // 72)
    files: dict[str, bytes | str] = {}
    for i, (text, lang) in enumerate(paras[::step][:72]):
        files[doc_name(i, lang)] = text + "\n"
    n = len(files)
    files[doc_name(n, "long-en")] = doc("en", [0, 1, 2, 3, 4, 5]) * 4  # ~10 KB
    files[doc_name(n + 1, "long-fa")] = doc("fa", [0, 1, 2, 3, 4, 5]) * 4
    files[doc_name(n + 2, "long-zh")] = doc("zh", [0, 1, 2, 3, 4, 5]) * 4
    files[doc_name(n + 3, "copy")] = doc("en", [0, 1, 2, 3, 4, 5]) * 4  # exact duplicate
    files[doc_name(n + 4, "crlf")] = CLEAN["ru"].replace("\n", "\r\n")
    files[doc_name(n + 5, "bin")] = b"\x00\xff\x00" * 100
    files[doc_name(n + 6, "short")] = "hi\n"
    files[doc_name(n + 7, "badutf8")] = CLEAN["fr"].encode() + b"\xe9t\xe9\n"
    files["sub/" + doc_name(n + 8, "nested")] = CLEAN["el"]
    return files


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    root = make_seeds(tmp_path_factory.mktemp("pipeline"), corpus_files())
    assert len(corpus_files()) > POOL_MIN_DOCS + 20
    return root


@pytest.fixture(scope="module")
def serial(seeds):
    calls: list[tuple[int, int]] = []
    s = survey(seeds, Settings(), features=ALL, jobs=1, progress=lambda d, t: calls.append((d, t)))
    return s, calls


class CountingPool(ProcessPoolExecutor):
    created: list[int] = []

    def __init__(self, *args, **kwargs):
        CountingPool.created.append(kwargs.get("max_workers") or args[0])
        super().__init__(*args, **kwargs)


@pytest.fixture(scope="module")
def parallel(seeds):
    calls: list[tuple[int, int]] = []
    CountingPool.created = []
    mp = pytest.MonkeyPatch()
    mp.setattr(pipeline, "ProcessPoolExecutor", CountingPool)
    try:
        s = survey(seeds, Settings(), features=ALL, jobs=2, progress=lambda d, t: calls.append((d, t)))
    finally:
        mp.undo()
    return s, calls, list(CountingPool.created)


def test_the_pool_was_really_used(parallel, serial):
    _, _, created = parallel
    assert created == [2]


def test_pool_gives_identical_results_in_the_same_order(serial, parallel, seeds):
    (s1, _), (s2, _, _) = serial, parallel
    expected_order = [d.rel for d in load_corpus(seeds, Settings()).documents]
    assert [a.rel for a in s1.analyses] == expected_order
    assert [a.rel for a in s2.analyses] == expected_order
    assert len(s1.analyses) == len(corpus_files())
    for a, b in zip(s1.analyses, s2.analyses):
        assert a == b, a.rel
    assert [p.to_dict() for p in s1.problems()] == [p.to_dict() for p in s2.problems()]
    assert s1.dedup.to_dict() == s2.dedup.to_dict()
    assert s1.dedup.clusters  # the exact copy is found either way
    # The results are not all alike: languages differ, findings exist.
    assert len({a.lang["lang"] for a in s1.analyses if a.lang}) >= 20
    assert {"binary", "not-utf8", "crlf", "too-short"} <= {p.code for p in s1.problems()}


def test_stats_count_computed_documents(serial, parallel):
    for s in (serial[0], parallel[0]):
        n = len(corpus_files())
        assert (s.stats.total, s.stats.computed, s.stats.stat_hits, s.stats.hash_hits) == (n, n, 0, 0)


@pytest.mark.parametrize("which", ["serial", "parallel"])
def test_progress_is_monotonic_up_to_total(which, serial, parallel):
    calls = serial[1] if which == "serial" else parallel[1]
    total = len(corpus_files())
    assert calls, "no progress reported"
    assert all(t == total for _, t in calls)
    dones = [d for d, _ in calls]
    assert dones == sorted(dones)
    assert all(0 <= d <= total for d in dones)
    assert dones[-1] == total
    assert len(calls) >= 2  # progress along the way, not only at the end


def test_pool_with_a_cache_after_a_fresh_checkout_uses_the_workers_hash_lookup(seeds, tmp_path):
    """The workers' read-only cache lookups: a folder copied elsewhere hits by hash in the pool."""
    import shutil

    spec = CacheSpec(tmp_path / "cache")
    first = survey(seeds, Settings(), features=Features(dedup=True), jobs=1, cache=spec)
    clone = tmp_path / "clone"
    shutil.copytree(seeds, clone, copy_function=shutil.copy)
    calls: list[tuple[int, int]] = []
    second = survey(
        clone, Settings(), features=Features(dedup=True), jobs=2, cache=spec, progress=lambda d, t: calls.append((d, t))
    )
    n = len(corpus_files())
    assert (second.stats.stat_hits, second.stats.hash_hits, second.stats.computed) == (0, n, 0)
    assert second.analyses == first.analyses
    assert calls[-1] == (n, n)
    # A warm run of the same folder: every document answered before any work, progress says so.
    calls.clear()
    third = survey(
        clone, Settings(), features=Features(dedup=True), jobs=2, cache=spec, progress=lambda d, t: calls.append((d, t))
    )
    assert third.stats.stat_hits == n
    assert calls == [(n, n)]


def _long_values(value, path="") -> list[str]:
    """Paths of strings longer than 200 characters (or any bytes) anywhere in a value."""
    out = []
    if isinstance(value, str):
        if len(value) > 200:
            out.append(path)
    elif isinstance(value, (bytes, bytearray, memoryview)):
        out.append(path + " (bytes)")
    elif isinstance(value, dict):
        for k, v in value.items():
            out += _long_values(v, f"{path}.{k}")
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            out += _long_values(v, f"{path}[{i}]")
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            out += _long_values(getattr(value, f.name), f"{path}.{f.name}")
    return out


def test_records_hold_no_text(parallel, seeds):
    s = parallel[0]
    sizes = {a.rel: (seeds / a.rel).stat().st_size for a in s.analyses}
    assert max(sizes.values()) > 8000  # long documents are part of the corpus
    for a in s.analyses:
        fields = {f.name: getattr(a, f.name) for f in dataclasses.fields(DocAnalysis) if f.name != "signature"}
        assert _long_values(fields) == [], a.rel
        text = (seeds / a.rel).read_bytes().decode("utf-8", errors="replace")
        if len(text) > 500:
            # The record is small whatever the document's size: no copy of the text travels.
            assert len(pickle.dumps(a)) < 3000, (a.rel, len(pickle.dumps(a)))
            assert text[100:300] not in repr(a)


def test_run_analysis_keeps_order_with_a_partly_warm_cache(seeds, tmp_path):
    """Stat hits and pool results interleave: the output order is still the input order."""
    settings = Settings()
    corpus = load_corpus(seeds, settings)
    docs = corpus.documents
    spec = CacheSpec(tmp_path / "cache")
    half = docs[::5]
    assert len(docs) - len(half) >= POOL_MIN_DOCS  # the rest goes through the pool
    run_analysis(
        half,
        max_size=settings.max_size,
        min_chars=settings.min_chars,
        features=Features(dedup=True),
        jobs=1,
        cache=spec,
        seeds=corpus.root,
    )
    stats = RunStats()
    out = run_analysis(
        docs,
        max_size=settings.max_size,
        min_chars=settings.min_chars,
        features=Features(dedup=True),
        jobs=2,
        cache=spec,
        seeds=corpus.root,
        stats=stats,
    )
    assert [a.rel for a in out] == [d.rel for d in docs]
    assert stats.stat_hits == len(half)
    assert stats.hash_hits + stats.computed == len(docs) - len(half)  # (the exact copy may hit by hash)
    cold = run_analysis(
        docs,
        max_size=settings.max_size,
        min_chars=settings.min_chars,
        features=Features(dedup=True),
        jobs=1,
        seeds=corpus.root,
    )
    assert out == cold
