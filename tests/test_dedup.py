"""Duplicate clusters on folders of known duplicates: precision and recall 1.0 per language."""

from __future__ import annotations

import json
from itertools import combinations

import numpy as np
import pytest

from dedup_fixtures import EN, corpus, doc, variants
from helpers import dedup_texts
from seedkeeper.errors import UsageError
from seedkeeper.similarity.clustering import (
    Cluster,
    DedupResult,
    Duplicate,
    analyze_text,
    find_duplicates,
)
from seedkeeper.similarity.excerpts import diff_excerpt

LANGS = ["fa", "zh", "en"]


def same_cluster_pairs(groups: list[set[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for g in groups for p in combinations(sorted(g), 2)}


def precision_recall(result: DedupResult, expected_groups: list[set[str]]) -> tuple[float, float]:
    got = same_cluster_pairs([{c.keep, *(d.file for d in c.duplicates)} for c in result.clusters])
    want = same_cluster_pairs(expected_groups)
    tp = len(got & want)
    return (tp / len(got) if got else 1.0), (tp / len(want) if want else 1.0)


@pytest.mark.parametrize("lang", LANGS)
def test_copies_differ_in_bytes(lang):
    a, copies, negatives = variants(lang)
    for name, (kind, data) in copies.items():
        assert (data == a.encode()) == (kind == "exact"), name


@pytest.mark.parametrize("lang", LANGS)
def test_precision_recall_per_language(lang):
    docs, expected = corpus(lang)
    result = dedup_texts(docs)
    keep = docs[0][0]
    assert precision_recall(result, [{keep, *expected}]) == (1.0, 1.0)
    assert [c.keep for c in result.clusters] == [keep]
    got = {d.file: d for d in result.clusters[0].duplicates}
    assert {f: d.kind for f, d in got.items()} == expected
    for d in got.values():
        assert d.of == keep
        if d.kind == "near":
            assert 0.8 <= d.similarity < 1.0
        else:
            assert d.similarity == 1.0
    assert result.too_short == []


def test_precision_recall_all_languages_together():
    docs, groups = [], []
    for lang in LANGS:
        d, expected = corpus(lang)
        docs += d
        groups.append({d[0][0], *expected})
    result = dedup_texts(docs)
    assert precision_recall(result, groups) == (1.0, 1.0)


def test_threshold_changes_near_only():
    docs, expected = corpus("en")
    strict = dedup_texts(docs, threshold=0.99)
    kinds = {d.kind for c in strict.clusters for d in c.duplicates}
    assert "near" not in kinds and {"exact", "normalized"} <= kinds
    # The "half" document shares about a third of its shingles: found only at a low threshold.
    loose = dedup_texts(docs, threshold=0.3)
    assert "en/101_half.txt" in {d.file for c in loose.clusters for d in c.duplicates}
    with pytest.raises(UsageError):
        dedup_texts(docs, threshold=0)


def test_transitive_cluster_and_strongest_link():
    a = doc("en", [0, 1, 2, 3])
    b = a.replace("narrow", "rocky").replace("quiet", "gentle")  # near a
    c = b.replace("enthusiastic", "eager").replace("greatest", "biggest").replace("cottage", "house")
    c = c.replace("Winter storms", "Gales").replace("engineers", "experts").replace("school", "class")
    docs = [("x/a.txt", a.encode()), ("x/b.txt", b.encode()), ("x/c.txt", c.encode()), ("x/b2.txt", b.upper().encode())]
    # J(a, b) = 0.94, J(b, c) = 0.80, J(a, c) = 0.76
    result = dedup_texts(docs, threshold=0.8)
    assert len(result.clusters) == 1
    cl = result.clusters[0]
    assert cl.keep == "x/a.txt"
    by = {d.file: d for d in cl.duplicates}
    assert [d.file for d in cl.duplicates] == sorted(by)
    assert by["x/b.txt"].kind == "near" and by["x/b.txt"].of == "x/a.txt"
    assert by["x/b2.txt"].kind == "normalized" and by["x/b2.txt"].of == "x/b.txt"
    # c matches b (a few words apart) but not a (too many): reported against b.
    assert by["x/c.txt"].of == "x/b.txt" and by["x/c.txt"].kind == "near"


def test_kept_is_first_in_index_order_not_name():
    a = doc("zh", [0, 1, 2, 3]).encode()
    result = dedup_texts([("z.txt", a), ("a.txt", a)])
    assert result.clusters == [Cluster("z.txt", [Duplicate("a.txt", "exact", 1.0, "z.txt")])]


def test_too_short_listed_but_exact_still_found():
    docs = [
        ("s1.txt", "茶园".encode()),
        ("s2.txt", "茶园".encode()),
        ("s3.txt", b"Hello, world."),
        ("s4.txt", b"HELLO world"),
        ("long.txt", doc("en", [0, 1]).encode()),
    ]
    result = dedup_texts(docs)
    assert result.too_short == ["s1.txt", "s2.txt", "s3.txt", "s4.txt"]
    dups = {d.file: d.kind for c in result.clusters for d in c.duplicates}
    assert dups == {"s2.txt": "exact", "s4.txt": "normalized"}


def test_to_dict_shape_and_determinism():
    docs, _ = corpus("fa")
    d1 = dedup_texts(docs).to_dict()
    d2 = dedup_texts(list(docs)).to_dict()
    assert json.dumps(d1, sort_keys=True) == json.dumps(d2, sort_keys=True)
    assert set(d1) == {"clusters", "too_short"}
    cl = d1["clusters"][0]
    assert set(cl) == {"keep", "duplicates"}
    assert set(cl["duplicates"][0]) == {"file", "kind", "similarity", "of"}
    files = [x["file"] for x in cl["duplicates"]]
    assert files == sorted(files)


def test_find_duplicates_needs_shingles_to_confirm():
    items = [
        analyze_text(f, i, t.encode(), t)[0] for i, (f, t) in enumerate([("a", EN[0] + EN[1]), ("b", EN[2] + EN[3])])
    ]
    with pytest.raises(UsageError):
        find_duplicates(items)
    with pytest.raises(UsageError):
        find_duplicates([items[0], items[0]], shingles_of=lambda f: np.empty(0, np.uint64))


def test_candidates_are_confirmed_by_real_jaccard():
    # Give two different documents the same signature: LSH makes them candidates, but their real
    # Jaccard is low, so they are not reported.
    i1, s1 = analyze_text("a", 0, b"a", EN[0] + EN[1])
    i2, s2 = analyze_text("b", 1, b"b", EN[4] + EN[5])
    forged = type(i2)(i2.file, i2.order, i2.content_hash, i2.normalized_hash, i1.signature)
    result = find_duplicates([i1, forged], shingles_of={"a": s1, "b": s2}.__getitem__)
    assert result.clusters == []


def test_diff_excerpt_shows_changes():
    a = doc("en", [0, 1])
    b = a.replace("narrow", "rocky")
    parts = diff_excerpt(a, b)
    assert any(p.startswith("- ") and "[narrow]" in p for p in parts)
    assert any(p.startswith("+ ") and "[rocky]" in p for p in parts)
    assert all(len(p) < 200 for p in parts)
    assert diff_excerpt(a, a) == []
    assert diff_excerpt(a, a.replace(" ", "  ")) == []
    cut = diff_excerpt(a, a[: a.rindex(" instruments")])
    assert len(cut) == 1 and cut[0].startswith("- ")


def test_diff_excerpt_chinese_and_limit():
    a = doc("zh", [0, 1, 2])
    b = a.replace("茶园", "茶山").replace("讲究", "关键").replace("越来越少", "日渐减少").replace("师傅", "老师")
    parts = diff_excerpt(a, b, context=10, max_parts=2)
    assert parts[-1] == "… and more differences"
    assert "[园]" in parts[0] and "[山]" in parts[1]
