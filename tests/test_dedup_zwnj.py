"""Persian and Urdu typed with a space where the zero-width non-joiner (ZWNJ) belongs are the same
text as the ZWNJ spelling: a normalized duplicate in the core, in `dedup` and in `check`, and the
same shingles for near and contained duplicates. Hindi with and without ZWNJ stays one text."""

from __future__ import annotations

import json

import pytest

from dedup_fixtures import doc
from helpers import assert_exit, dedup_texts, doc_name, make_seeds
from seedkeeper.operations.validation import check
from seedkeeper.settings import Settings
from seedkeeper.similarity.clustering import Cluster, Duplicate, analyze_text, find_duplicates
from seedkeeper.similarity.excerpts import diff_excerpt
from zwnj_fixtures import FA_MORE, FA_ZWNJ, HI, HI_ZWNJ, UR_ZWNJ, ZWNJ, spaced

ORIG, COPY = doc_name(1, "zwnj"), doc_name(2, "spaced")

# The same Persian text typed with spaces, and then truly changed: two words of another meaning.
FA_CHANGED = spaced(FA_ZWNJ).replace("تازه بگیرم", "قدیمی پس بدهم").replace("حافظ", "سعدی")

PAIRS = {
    "fa": (FA_ZWNJ, spaced(FA_ZWNJ)),
    "ur": (UR_ZWNJ, spaced(UR_ZWNJ)),
    "hi": (HI_ZWNJ, HI),  # ZWNJ only changes how Devanagari letters are drawn
}


def found(result) -> dict[str, tuple[str, float, str]]:
    return {d.file: (d.kind, d.similarity, d.of) for c in result.clusters for d in c.duplicates}


# ---------------------------------------------------------------- the core


@pytest.mark.parametrize("lang", PAIRS)
def test_the_two_spellings_are_a_normalized_duplicate(lang):
    a, b = PAIRS[lang]
    assert ZWNJ in a and a != b
    result = dedup_texts([("a.txt", a.encode()), ("b.txt", b.encode())])
    assert result.clusters == [Cluster("a.txt", [Duplicate("b.txt", "normalized", 1.0, "a.txt")])]


def test_a_persian_text_that_truly_differs_is_not_a_normalized_duplicate():
    result = dedup_texts([("a.txt", FA_ZWNJ.encode()), ("b.txt", FA_CHANGED.encode())])
    kind, similarity, _ = found(result)["b.txt"]
    # Two changed phrases in a space-typed copy: near, as in any other script.
    assert kind == "near" and 0.8 <= similarity < 1.0


def test_contained_across_the_two_spellings():
    # The space-typed text is contained in a longer ZWNJ-typed one, and the other way round.
    for part, full in ((spaced(FA_ZWNJ), FA_ZWNJ + FA_MORE), (FA_ZWNJ, spaced(FA_ZWNJ + FA_MORE))):
        items, sets = [], {}
        for order, (file, text) in enumerate([("part.txt", part), ("full.txt", full)]):
            item, sets[file] = analyze_text(file, order, text.encode(), text)
            items.append(item)
        result = find_duplicates(items, 0.8, sets.__getitem__, 0.8)
        assert found(result) == {"part.txt": ("contained", 1.0, "full.txt")}


def test_diff_excerpts_show_the_change_not_zwnj_against_space():
    parts = diff_excerpt(FA_ZWNJ, FA_CHANGED)
    assert parts and "… and more differences" not in parts
    assert any("[حافظ]" in p for p in parts) and any("[سعدی]" in p for p in parts)
    assert diff_excerpt(FA_ZWNJ, spaced(FA_ZWNJ)) == []
    assert diff_excerpt(HI_ZWNJ, HI) == []


# ---------------------------------------------------------------- the command line


@pytest.mark.usefixtures("isolated_env")
@pytest.mark.parametrize("lang", ["fa", "ur"])
def test_dedup_json_reports_the_spaced_copy_as_normalized(cli, tmp_path, lang):
    a, b = PAIRS[lang]
    root = make_seeds(tmp_path, {ORIG: a, COPY: b})
    r = cli("dedup", root, "--format", "json")
    assert_exit(r, 1)
    assert json.loads(r.stdout)["clusters"] == [
        {"keep": ORIG, "duplicates": [{"file": COPY, "kind": "normalized", "similarity": 1.0, "of": ORIG}]}
    ]


@pytest.mark.usefixtures("isolated_env")
def test_dedup_json_does_not_call_a_changed_text_normalized(cli, tmp_path):
    root = make_seeds(tmp_path, {ORIG: FA_ZWNJ, COPY: FA_CHANGED})
    r = cli("dedup", root, "--format", "json")
    dups = [d for c in json.loads(r.stdout)["clusters"] for d in c["duplicates"]]
    assert [(d["file"], d["kind"]) for d in dups] == [(COPY, "near")]


@pytest.mark.usefixtures("isolated_env")
def test_dedup_json_finds_a_spaced_excerpt_in_a_zwnj_document(cli, tmp_path):
    root = make_seeds(tmp_path, {ORIG: FA_ZWNJ + FA_MORE, COPY: spaced(FA_ZWNJ)})
    r = cli("dedup", root, "--format", "json")
    dups = [d for c in json.loads(r.stdout)["clusters"] for d in c["duplicates"]]
    assert [(d["file"], d["kind"], d["of"]) for d in dups] == [(COPY, "contained", ORIG)]


@pytest.mark.usefixtures("isolated_env")
def test_check_reports_the_spaced_copy_as_an_exact_duplicate(cli, tmp_path):
    root = make_seeds(tmp_path, {ORIG: FA_ZWNJ, COPY: spaced(FA_ZWNJ)})
    r = cli("check", root, "--format", "json")
    assert_exit(r, 1)
    dups = [p for p in json.loads(r.stdout)["problems"] if p["code"] == "exact-duplicate"]
    assert [(p["file"], p["severity"]) for p in dups] == [(COPY, "error")]
    assert ORIG in dups[0]["message"]
    # The library call says the same.
    report = check(root, Settings(jobs=1))
    assert [p.file for p in report.problems if p.code == "exact-duplicate"] == [COPY]


# ---------------------------------------------------------------- sizes for containment


@pytest.mark.usefixtures("isolated_env")
def test_folder_documents_are_sized_by_their_shingles(tmp_path, monkeypatch):
    # Containment candidates are screened on the two documents' sizes. A word count keeps
    # "می‌خواهم" one word, while its shingles count two: a ZWNJ-typed document would seem ~20%
    # smaller than its space-typed excerpt finds it, and pairs near the threshold were dropped.
    import seedkeeper.similarity.clustering as clustering
    from seedkeeper.operations.deduplication import dedup
    from seedkeeper.similarity.minhash import shingles
    from seedkeeper.similarity.normalize import normalize

    texts = {ORIG: FA_ZWNJ + FA_MORE, COPY: spaced(FA_ZWNJ), doc_name(3, "ur"): UR_ZWNJ}
    root = make_seeds(tmp_path, texts)
    seen = {}
    real = clustering.find_duplicates
    monkeypatch.setattr(
        clustering,
        "find_duplicates",
        lambda items, *a, **k: seen.update({i.file: i.size for i in items}) or real(items, *a, **k),
    )
    dedup(root, Settings(jobs=1))
    assert seen == {f: float(shingles(normalize(t)).size) for f, t in texts.items()}


@pytest.mark.usefixtures("isolated_env")
def test_a_cut_and_edited_spaced_copy_near_the_threshold_is_contained(cli, tmp_path):
    # Cut off after 1,073 characters, typed with spaces for ZWNJ, 13 words replaced: 0.83 of its
    # shingles are in the full document. With word counts for sizes, dedup missed it.
    full = FA_ZWNJ + FA_MORE + doc("fa", [0, 1])
    words = spaced(full[:1073]).split(" ")
    for i in (39, 42, 49, 77, 111, 129, 136, 142, 182, 195, 203, 206, 223):
        words[i] = f"X{i}"
    root = make_seeds(tmp_path, {ORIG: full, COPY: " ".join(words)})
    r = cli("dedup", root, "--format", "json")
    dups = [d for c in json.loads(r.stdout)["clusters"] for d in c["duplicates"]]
    assert [(d["file"], d["kind"], d["of"]) for d in dups] == [(COPY, "contained", ORIG)]
    assert 0.8 <= dups[0]["similarity"] < 0.85
