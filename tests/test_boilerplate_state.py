"""Boilerplate counted again only for the documents that changed: last run's counts, kept in the
cache, give the same findings as counting the whole corpus (every case below is compared with a
run without any cache), and a change that moves a frequent line's count is counted in full."""

from __future__ import annotations

import numpy as np
import pytest

import quality_fixtures as F
from helpers import make_seeds
from seedkeeper.corpus import boilerplate_state as bs
from seedkeeper.corpus.pool import CacheSpec
from seedkeeper.operations.validation import check
from seedkeeper.quality import BoilerplateCounter
from seedkeeper.settings import Settings

N = 40  # documents; boilerplate-min-docs is 10


def files() -> dict[str, str]:
    docs = F.clean_documents()[:N]
    out = {}
    for i, (_, text) in enumerate(docs):
        # A footer in every third document (14 of 40), another one in 9 (one under 10).
        extra = ""
        if i % 3 == 0:
            extra += F.FOOTERS[0] + "\n"
        if i % 4 == 2 and i < 36:
            extra += F.FOOTERS[1] + "\n"
        out[f"{i:03d}_{i:016x}.txt"] = text + extra
    return out


def boilerplate(root, cache) -> list[tuple]:
    report = check(root, Settings(), jobs=1, cache=cache)
    return [(p.file, p.line, p.message) for p in report.problems if p.code == "boilerplate"]


@pytest.fixture
def corpus(tmp_path):
    return make_seeds(tmp_path, files())


@pytest.fixture
def counted(monkeypatch):
    """How many documents a full count added (0 when the kept counts were brought up to date)."""
    calls = []
    real = BoilerplateCounter.add
    monkeypatch.setattr(BoilerplateCounter, "add", lambda self, f: calls.append(1) or real(self, f))
    return calls


def edit(root, index: int, change) -> None:
    path = sorted(root.glob("*.txt"))[index]
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def assert_counted_in_full(root, spec, counted) -> None:
    """The next cached run counts every document again, and finds what a run without cache finds."""
    counted.clear()
    got = boilerplate(root, spec)
    assert counted
    assert got == boilerplate(root, None)


CASES = {
    # Nothing frequent moves: only the changed document is looked at again.
    "a line of its own appended": (lambda t: t + "A sentence that no other document of this corpus holds.\n", False),
    "a document with the footer edited elsewhere": (lambda t: "Ein neuer erster Satz steht jetzt hier.\n" + t, False),
    # The footer's count (named in every message) moves, or a line reaches the threshold: full count.
    "the frequent footer removed": (lambda t: t.replace(F.FOOTERS[0] + "\n", ""), True),
    "the second footer added (9 -> 10)": (lambda t: t + F.FOOTERS[1] + "\n", True),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_one_changed_document_gives_what_a_full_count_gives(corpus, tmp_path, counted, name):
    change, full = CASES[name]
    spec = CacheSpec(tmp_path / "cache")
    boilerplate(corpus, spec)
    target = 3 if "footer" in name and "added" not in name else 1  # 3 holds the first footer; 1 none
    edit(corpus, target, change)
    counted.clear()
    got = boilerplate(corpus, spec)
    assert bool(counted) == full
    assert got == boilerplate(corpus, None)
    assert got  # the corpus has boilerplate: the comparison means something
    # And the state it kept is right for the next change too.
    edit(corpus, 7, lambda t: t + "Noch ein Satz, den sonst niemand schreibt.\n")
    counted.clear()
    assert boilerplate(corpus, spec) == boilerplate(corpus, None)


def test_a_document_added_or_removed_is_a_full_count(corpus, tmp_path, counted):
    spec = CacheSpec(tmp_path / "cache")
    boilerplate(corpus, spec)
    path = sorted(corpus.glob("*.txt"))[4]
    path.unlink()
    index_md = corpus / "INDEX.md"
    index_md.write_text(index_md.read_text(encoding="utf-8").replace(path.name, "gone.txt"), encoding="utf-8")
    assert_counted_in_full(corpus, spec, counted)


def test_a_changed_document_whose_old_analysis_is_gone_is_a_full_count(corpus, tmp_path, counted):
    import sqlite3

    from seedkeeper.corpus.cache import CACHE_FILE

    spec = CacheSpec(tmp_path / "cache")
    boilerplate(corpus, spec)
    db = sqlite3.connect(spec.folder / CACHE_FILE)
    with db:
        db.execute("DELETE FROM analyses")
    db.close()
    edit(corpus, 1, lambda t: t + "A sentence that no other document of this corpus holds.\n")
    assert_counted_in_full(corpus, spec, counted)


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[:-1],  # truncated arrays
        lambda b: b[:8] + b"!" + b[9:],  # header not JSON
        lambda b: (10**9).to_bytes(8, "little") + b[8:],  # header length beyond the blob
        lambda b: b"",
    ],
    ids=["truncated", "bad header", "bad length", "empty"],
)
def test_a_damaged_state_is_a_full_count(corpus, tmp_path, counted, damage):
    from seedkeeper.corpus.cache import Cache

    spec = CacheSpec(tmp_path / "cache")
    boilerplate(corpus, spec)
    store = Cache(spec.folder)
    key = next(k for (k,) in store.db.execute("SELECT sha256 FROM shingles WHERE fingerprint = ?", (bs.KIND,)))
    store.put_blobs(bs.KIND, [(key, damage(store.get_blob(key, bs.KIND)))])
    store.close()
    edit(corpus, 1, lambda t: t + "A sentence that no other document of this corpus holds.\n")
    assert_counted_in_full(corpus, spec, counted)


def test_the_state_round_trips():
    state = bs.BoilerplateState(
        {"a.txt": "1" * 64, "b/ü.txt": "2" * 64},
        np.array([3, 9, 2**63 + 5], dtype=np.uint64),
        np.array([1, 12, 2], dtype=np.int64),
        [("b/ü.txt", 4, "line appears in 12 of 2 documents: 'x'")],
    )
    back = bs.decode(bs.encode(state))
    assert back is not None
    assert back.docs == state.docs and back.found == state.found
    assert back.keys.tolist() == state.keys.tolist() and back.counts.tolist() == state.counts.tolist()
    unsorted = bs.BoilerplateState(state.docs, state.keys[::-1].copy(), state.counts, [])
    assert bs.decode(bs.encode(unsorted)) is None
    # Documents as a mapping, a finding as a string: another shape (iterating either would
    # still give pairs and triples of strings).
    for header in (b'{"docs": {"ab": "c"}, "found": [], "n": 0}', b'{"docs": [], "found": ["abc"], "n": 0}'):
        assert bs.decode(len(header).to_bytes(8, "little") + header) is None


def test_apply_changes():
    keys = np.array([10, 20, 30, 40], dtype=np.uint64)
    counts = np.array([1, 2, 9, 12], dtype=np.int64)
    # 10 leaves (count 0: dropped), 25 arrives, 20 goes 2 -> 3: nothing crosses 10.
    k, c = bs.apply_changes(keys, counts, np.array([10], np.uint64), np.array([25, 20], np.uint64), limit=10)
    assert (k.tolist(), c.tolist()) == ([20, 25, 30, 40], [3, 1, 9, 12])
    # A line that reaches the limit, or one over it that moves: the caller counts in full.
    assert bs.apply_changes(keys, counts, np.array([], np.uint64), np.array([30], np.uint64), limit=10) is None
    assert bs.apply_changes(keys, counts, np.array([40], np.uint64), np.array([], np.uint64), limit=10) is None
    # Out and back in again is no change at all, even over the limit.
    k, c = bs.apply_changes(keys, counts, np.array([40], np.uint64), np.array([40], np.uint64), limit=10)
    assert (k.tolist(), c.tolist()) == (keys.tolist(), counts.tolist())
    # Removing a line the counts do not hold: the state does not match.
    assert bs.apply_changes(keys, counts, np.array([99], np.uint64), np.array([], np.uint64), limit=10) is None


def test_a_run_of_random_edits_matches_full_counts(corpus, tmp_path):
    import random

    rng = random.Random(7)
    spec = CacheSpec(tmp_path / "cache")
    boilerplate(corpus, spec)
    edits = [
        lambda t: t + f"Eine Zeile, die nur hier steht: {rng.random()}.\n",
        lambda t: t.replace(F.FOOTERS[0] + "\n", ""),
        lambda t: t + F.FOOTERS[0] + "\n",
        lambda t: t + F.FOOTERS[1] + "\n",
        lambda t: "Oben steht jetzt ein anderer Satz.\n" + t,
    ]
    for _ in range(12):
        for _ in range(rng.choice((1, 1, 2))):
            edit(corpus, rng.randrange(N), rng.choice(edits))
        assert boilerplate(corpus, spec) == boilerplate(corpus, None)


def test_a_document_unreadable_for_one_run_gets_its_findings_back(corpus, tmp_path, monkeypatch):
    """Its findings could not be named that run: nothing of that run is kept as a whole result,
    so a later run (with another document changed, or none) names them again."""
    from seedkeeper.corpus import boilerplate as B

    spec = CacheSpec(tmp_path / "cache")
    victim = sorted(corpus.glob("*.txt"))[3].name  # holds the frequent footer
    real = B.read_bytes

    def flaky(info, limit):
        if info.where.endswith(victim):
            raise OSError("gone for a moment")
        return real(info, limit)

    monkeypatch.setattr(B, "read_bytes", flaky)
    assert victim not in {f for f, _, _ in boilerplate(corpus, spec)}
    monkeypatch.setattr(B, "read_bytes", real)
    assert boilerplate(corpus, spec) == boilerplate(corpus, None)  # nothing changed
    edit(corpus, 1, lambda t: t + "A sentence that no other document of this corpus holds.\n")
    got = boilerplate(corpus, spec)
    assert victim in {f for f, _, _ in got}
    assert got == boilerplate(corpus, None)


@pytest.mark.parametrize(
    "damage", [lambda h: h[:-1], lambda h: h[16:32] + h[:16] + h[32:]], ids=["a digit lost", "unsorted"]
)
def test_a_damaged_earlier_analysis_of_a_changed_document_is_a_miss(corpus, tmp_path, counted, damage):
    import hashlib
    import json
    import sqlite3

    from seedkeeper.corpus.cache import CACHE_FILE

    spec = CacheSpec(tmp_path / "cache")
    boilerplate(corpus, spec)
    target = sorted(corpus.glob("*.txt"))[3]
    old_sha = hashlib.sha256(target.read_bytes()).hexdigest()
    db = sqlite3.connect(spec.folder / CACHE_FILE)
    with db:
        for fp, data in db.execute("SELECT fingerprint, data FROM analyses WHERE sha256 = ?", (old_sha,)).fetchall():
            row = json.loads(data)
            assert len(row["line_fps"]) >= 32
            row["line_fps"] = damage(row["line_fps"])
            update = "UPDATE analyses SET data = ? WHERE sha256 = ? AND fingerprint = ?"
            db.execute(update, (json.dumps(row), old_sha, fp))
    db.close()
    edit(corpus, 3, lambda t: t + "A sentence that no other document of this corpus holds.\n")
    assert_counted_in_full(corpus, spec, counted)


def test_a_kept_whole_result_comes_back_in_this_runs_order(corpus, tmp_path):
    from seedkeeper.corpus.analysis import Features
    from seedkeeper.corpus.survey import survey
    from seedkeeper.operations.validation import _quality

    features = Features(dedup=True, lang=True, quality=_quality(Settings()))

    def found(cache):  # the library's order (the CLI sorts its report)
        s = survey(corpus, Settings(), features=features, jobs=1, cache=cache)
        return [(p.file, p.line) for p in s.corpus_problems]

    spec = CacheSpec(tmp_path / "cache")
    found(spec)
    index_md = corpus / "INDEX.md"
    lines = index_md.read_text(encoding="utf-8").splitlines(keepends=True)
    listed = [i for i, line in enumerate(lines) if line.startswith("- ")]
    assert len(listed) == N
    for i, line in zip(listed, [lines[i] for i in listed][::-1]):
        lines[i] = line
    index_md.write_text("".join(lines), encoding="utf-8")
    assert found(spec) == found(None)


def test_a_corpus_over_the_size_limit_keeps_no_counts(corpus, tmp_path, counted, monkeypatch):
    """Over MAX_LINES document-lines, keeping the counts costs what counting again does: none are
    kept, and a change is counted in full (with the same findings)."""
    from seedkeeper.corpus.cache import Cache

    monkeypatch.setattr(bs, "MAX_LINES", 10)
    spec = CacheSpec(tmp_path / "cache")
    boilerplate(corpus, spec)
    store = Cache(spec.folder)
    try:
        kept = store.db.execute("SELECT data FROM shingles WHERE fingerprint = ?", (bs.KIND,)).fetchall()
        assert all(data == b"" for (data,) in kept)
    finally:
        store.close()
    edit(corpus, 1, lambda t: t + "A sentence that no other document of this corpus holds.\n")
    assert_counted_in_full(corpus, spec, counted)


def test_a_document_edited_during_the_run_has_no_findings_kept_for_its_old_bytes(corpus, tmp_path, monkeypatch):
    """Read again for its findings, a document no longer holds the bytes it was analysed with:
    nothing is kept under those bytes (nor whole), and the next run reads it again."""
    from seedkeeper.corpus import boilerplate as B

    spec = CacheSpec(tmp_path / "cache")
    victim = sorted(corpus.glob("*.txt"))[3]  # holds the frequent footer
    real = B.read_bytes

    def edited_meanwhile(info, limit):
        data = real(info, limit)
        return b"Neue erste Zeile.\n" + data if info.where.endswith(victim.name) else data

    monkeypatch.setattr(B, "read_bytes", edited_meanwhile)
    assert victim.name not in {f for f, _, _ in boilerplate(corpus, spec)}
    monkeypatch.setattr(B, "read_bytes", real)
    assert boilerplate(corpus, spec) == boilerplate(corpus, None)


def test_counts_that_grow_past_the_limit_are_not_kept(corpus, tmp_path, monkeypatch):
    from seedkeeper.corpus.cache import Cache

    spec = CacheSpec(tmp_path / "cache")
    boilerplate(corpus, spec)
    store = Cache(spec.folder)
    ((blob,),) = store.db.execute("SELECT data FROM shingles WHERE fingerprint = ?", (bs.KIND,)).fetchall()
    store.close()
    monkeypatch.setattr(bs, "MAX_LINES", int(bs.decode(blob).counts.sum()) + 2)
    many = "".join(f"Zeile Nummer {chr(97 + i)} steht nur in diesem einen Dokument.\n" for i in range(5))
    edit(corpus, 1, lambda t: t + many)  # five more lines: over the limit
    assert boilerplate(corpus, spec) == boilerplate(corpus, None)
    store = Cache(spec.folder)
    assert store.db.execute("SELECT data FROM shingles WHERE fingerprint = ?", (bs.KIND,)).fetchall() == [(b"",)]
    store.close()
