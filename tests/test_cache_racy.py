"""The stat shortcut and "racily clean" files (corpus/cache.RACY_NS).

A file rewritten at the same size within one tick of a coarse clock (1-2 s: FAT, HFS+, some NFS
mounts) keeps its size, mtime, ctime and inode: a stat key stored right after such a file was
written could serve its old analysis. As git does, a file changed that close to the moment it is
stored gets a key that never matches: the next run hashes it, then stores a real key. Files
changed longer ago keep the shortcut (the warm runs of the benchmarks depend on it)."""

from __future__ import annotations

import time

import pytest

from seedkeeper.corpus import cache as cache_mod
from seedkeeper.corpus.analysis import DocAnalysis
from seedkeeper.corpus.cache import Cache

FP = "fingerprint"


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setattr(cache_mod, "RACY_NS", 2_000_000_000)  # the real value (conftest sets 0)
    c = Cache(tmp_path / "cache")
    yield c
    c.close()


def _analysis(rel: str) -> DocAnalysis:
    return DocAnalysis(rel=rel, size=120, sha256="ab" * 32, readable=True)


def test_a_file_changed_just_before_it_is_stored_gets_no_stat_key(store):
    now = time.time_ns()
    fresh = (120, now - 100_000_000, 7, now - 100_000_000)  # written 0.1 s ago
    old = (120, now - 60_000_000_000, 8, now - 60_000_000_000)  # a minute ago
    store.put_many("/seeds", FP, [(_analysis("fresh.txt"), fresh), (_analysis("old.txt"), old)])
    served = store.unchanged("/seeds", FP, {"fresh.txt": fresh, "old.txt": old})
    assert set(served) == {"old.txt"}, served
    # Its analysis is still cached by content: the next run reads and hashes it, no more.
    assert store.get("fresh.txt", "ab" * 32, FP) is not None


def test_the_next_run_stores_a_real_key_once_the_file_is_old_enough(store):
    now = time.time_ns()
    key = (120, now - 10_000_000, 7, now - 10_000_000)
    store.put_many("/seeds", FP, [(_analysis("a.txt"), key)])
    assert store.unchanged("/seeds", FP, {"a.txt": key}) == {}
    later = (120, now - 5_000_000_000, 7, now - 5_000_000_000)  # as it stands 5 s on
    store.put_many("/seeds", FP, [(_analysis("a.txt"), later)])
    assert set(store.unchanged("/seeds", FP, {"a.txt": later})) == {"a.txt"}


def test_a_file_dated_well_in_the_future_keeps_its_key(store):
    """An archive's dates, or a file server whose clock runs ahead: not racy, or it would be read
    again on every run."""
    now = time.time_ns()
    ahead = (120, now + 3_600_000_000_000, 9, now + 3_600_000_000_000)  # an hour ahead
    near = (120, now + 500_000_000, 10, now + 500_000_000)  # half a second ahead: racy
    store.put_many("/seeds", FP, [(_analysis("ahead.txt"), ahead), (_analysis("near.txt"), near)])
    assert set(store.unchanged("/seeds", FP, {"ahead.txt": ahead, "near.txt": near})) == {"ahead.txt"}
