"""Shingles for every script, MinHash estimates, LSH banding and exact Jaccard."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from dedup_fixtures import EN, FA, ZH
from seedkeeper.similarity.lsh import candidate_pairs, optimal_bands
from seedkeeper.similarity.minhash import (
    MINHASH_VERSION,
    estimate_jaccard,
    jaccard,
    shingle_strings,
    shingles,
    signature,
    signatures,
    sorted_unique,
    units,
)
from seedkeeper.similarity.normalize import normalize


def test_units_words_and_characters():
    assert units(normalize("The old lighthouse")) == ["the", "old", "lighthouse"]
    # A ZWNJ in Persian separates words (normalization 3), as the space typed for it does.
    assert units(normalize("کتابخانه‌های عمومی")) == ["کتابخانه", "های", "عمومی"]
    assert units(normalize("西湖边的茶园")) == list("西湖边的茶园")
    assert units(normalize("東京の茶畑")) == list("東京の茶畑")
    # Thai: a character keeps its combining marks (ไม่ is ไ + ม + ่).
    assert units("ไม่ใช่") == ["ไ", "ม่", "ใ", "ช่"]
    # Mixed text: Latin words inside Chinese stay words.
    assert units(normalize("我用Python写代码")) == ["我", "用", "python", "写", "代", "码"]


def test_shingles_sorted_unique_uint64():
    for text in (FA[0], ZH[0], EN[0], "ภาษาไทยเป็นภาษาที่ไม่มีการเว้นวรรคระหว่างคำ"):
        sh = shingles(normalize(text))
        assert sh.dtype == np.uint64 and sh.size > 10
        assert np.all(sh[1:] > sh[:-1])


def test_sorted_unique_is_np_unique():
    rng = np.random.default_rng(7)
    for n in (0, 1, 2, 5, 1000):
        values = rng.integers(0, 50, size=n).astype(np.uint64)  # many repeats
        got = sorted_unique(values)
        assert got.dtype == np.uint64 and np.array_equal(got, np.unique(values))
    unsorted = np.array([3, 1, 2], dtype=np.uint64)
    sorted_unique(unsorted)
    assert unsorted.tolist() == [3, 1, 2]  # the input is left alone


def test_shingle_count_matches_strings():
    norm = normalize(EN[0])
    assert len(shingles(norm)) == len(set(shingle_strings(norm)))
    assert shingle_strings("a b c d") == ["a b c", "b c d"]
    assert shingle_strings("a b") == ["a b"]
    assert shingles("").size == 0


def test_shingles_stable_across_processes():
    # No Python hash(): another interpreter (other PYTHONHASHSEED) gives the same values.
    code = "from seedkeeper.similarity.minhash import shingles; print(shingles('西湖 the old 茶园 سلام').tolist())"
    outs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outs) == 1
    assert outs.pop().strip() == str(shingles("西湖 the old 茶园 سلام").tolist())


def test_order_matters_in_shingles():
    assert not np.array_equal(shingles("a b c"), shingles("c b a"))


def test_signature_shape_dtype_deterministic():
    sh = shingles(normalize(FA[0]))
    s1, s2 = signature(sh), signature(sh.copy())
    assert s1.dtype == np.uint32 and s1.shape == (128,)
    assert np.array_equal(s1, s2)
    assert signature(sh, num_perm=64).shape == (64,)
    assert np.array_equal(signatures([sh, sh])[1], s1)
    assert np.all(signature(np.empty(0, np.uint64)) == 0xFFFFFFFF)


def test_minhash_estimate_unbiased():
    # Across many random pairs the estimate is centred on the true Jaccard, with the spread
    # sqrt(J(1-J)/128) theory predicts (a biased permutation family would fail this).
    rng = np.random.default_rng(11)
    errs = []
    for _ in range(300):
        j = rng.uniform(0.2, 0.95)
        shared = int(500 * j)
        base = rng.integers(0, 2**63, size=500, dtype=np.uint64)
        a = np.unique(base)
        b = np.unique(np.concatenate([base[:shared], rng.integers(0, 2**63, size=500 - shared, dtype=np.uint64)]))
        errs.append(estimate_jaccard(signature(a), signature(b)) - jaccard(a, b))
    errs = np.array(errs)
    assert abs(errs.mean()) < 0.01
    assert errs.std() < 0.05


def test_jaccard_exact():
    a = np.array([1, 2, 3, 4], dtype=np.uint64)
    b = np.array([3, 4, 5, 6, 7, 8], dtype=np.uint64)
    assert jaccard(a, b) == pytest.approx(2 / 8)
    assert jaccard(b, a) == pytest.approx(2 / 8)
    assert jaccard(a, a) == 1.0
    assert jaccard(a, np.empty(0, np.uint64)) == 0.0
    assert jaccard(np.empty(0, np.uint64), np.empty(0, np.uint64)) == 1.0
    big = np.array([2**64 - 1], dtype=np.uint64)
    assert jaccard(big, np.array([0, 2**64 - 1], dtype=np.uint64)) == 0.5


def probability_candidate(similarity: float, bands: int, rows: int) -> float:
    """Chance that a pair of the given Jaccard similarity becomes an LSH candidate."""
    return 1.0 - (1.0 - similarity**rows) ** bands


def banded_pairs(sigs, threshold: float) -> set[tuple[int, int]]:
    """The reference: pairs whose signature rows are equal in at least one band, compared directly."""
    bands, rows = optimal_bands(threshold, len(sigs[0]))
    out = set()
    for i in range(len(sigs)):
        for j in range(i + 1, len(sigs)):
            if any(
                np.array_equal(sigs[i][b * rows : (b + 1) * rows], sigs[j][b * rows : (b + 1) * rows])
                for b in range(bands)
            ):
                out.add((i, j))
    return out


def test_optimal_bands_favours_recall():
    b, r = optimal_bands(0.8, 128)
    assert b * r <= 128
    assert probability_candidate(0.8, b, r) > 0.9999
    assert probability_candidate(0.3, b, r) < 0.2
    with pytest.raises(ValueError):
        optimal_bands(0.0)


def test_lsh_finds_similar_not_dissimilar():
    rng = np.random.default_rng(3)
    base = rng.integers(0, 2**63, size=400, dtype=np.uint64)
    sets = [
        np.unique(base),
        np.unique(np.concatenate([base[:370], rng.integers(0, 2**63, size=30, dtype=np.uint64)])),  # ~0.86
        np.unique(rng.integers(0, 2**63, size=400, dtype=np.uint64)),  # unrelated
        np.unique(np.concatenate([base[:200], rng.integers(0, 2**63, size=200, dtype=np.uint64)])),  # ~0.33
    ]
    sigs = [signature(s) for s in sets]
    pairs = candidate_pairs(sigs, 0.8)
    assert (0, 1) in pairs
    assert not any(2 in p for p in pairs)
    assert banded_pairs(sigs, 0.8) == pairs


def test_candidate_pairs_match_direct_banding_on_many():
    rng = np.random.default_rng(5)
    base = [rng.integers(0, 2**63, size=300, dtype=np.uint64) for _ in range(20)]
    sets = []
    for b in base:
        sets.append(np.unique(b))
        sets.append(np.unique(np.concatenate([b[:285], rng.integers(0, 2**63, size=15, dtype=np.uint64)])))
    sigs = signatures(sets)
    pairs = candidate_pairs(sigs, 0.8)
    assert {(2 * i, 2 * i + 1) for i in range(20)} <= pairs
    assert banded_pairs(sigs, 0.8) == pairs


def test_version():
    assert isinstance(MINHASH_VERSION, str)


def test_saved_permutations_are_the_drawn_ones_and_a_damaged_copy_is_drawn_again(tmp_path, monkeypatch):
    import numpy as np

    from seedkeeper.similarity import minhash

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    rng = np.random.Generator(np.random.PCG64(minhash.SEED))
    a = rng.integers(0, 1 << 64, size=16, dtype=np.uint64, endpoint=False) | np.uint64(1)
    b = rng.integers(0, 1 << 64, size=16, dtype=np.uint64, endpoint=False)
    minhash._permutations.cache_clear()
    try:
        for attempt in range(2):  # made, then read back (drawing again would fail)
            with monkeypatch.context() as m:
                if attempt:
                    m.setattr(np.random, "PCG64", lambda *a: (_ for _ in ()).throw(AssertionError("drawn again")))
                got = minhash._permutations(16)
            assert np.array_equal(got[0], a) and np.array_equal(got[1], b)
            minhash._permutations.cache_clear()
        saved = next((tmp_path / "seedkeeper").glob("minhash-permutations-*")) / "ab.npy"
        saved.write_bytes(saved.read_bytes()[:100])
        got = minhash._permutations(16)
        assert np.array_equal(got[0], a) and np.array_equal(got[1], b)
    finally:
        minhash._permutations.cache_clear()


def test_the_saved_unit_pattern_is_the_built_one_and_a_damaged_copy_is_built_again(tmp_path, monkeypatch):
    from seedkeeper.similarity import minhash

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = minhash._unit_pattern()
    minhash._unit_re.cache_clear()
    try:
        for attempt in range(2):  # made, then read back (building it again would fail)
            with monkeypatch.context() as m:
                if attempt:
                    m.setattr(minhash, "_unit_pattern", lambda: (_ for _ in ()).throw(AssertionError("built again")))
                assert minhash._unit_re().pattern == built
            minhash._unit_re.cache_clear()
        saved = next((tmp_path / "seedkeeper").glob("unit-pattern-*")) / "pattern.txt"
        saved.write_text(built[:40], encoding="utf-8")
        assert minhash._unit_re().pattern == built
        assert minhash.units("中文 text ภาษาไทย") == ["中", "文", "text", "ภ", "า", "ษ", "า", "ไ", "ท", "ย"]
    finally:
        minhash._unit_re.cache_clear()


def test_a_long_document_signature_is_the_same_taken_in_blocks(monkeypatch):
    # A 10 MB document's 600,000 shingles took 600 MB in one product; blocks of shingles give
    # the same minimum.
    import numpy as np

    import seedkeeper.similarity.minhash as mh

    rng = np.random.default_rng(7)
    x = np.unique(rng.integers(0, 2**63, 20_000, dtype=np.uint64))
    whole = mh.signature(x)
    monkeypatch.setattr(mh, "_SIGNATURE_BLOCK", 333)
    assert (mh.signature(x) == whole).all()
