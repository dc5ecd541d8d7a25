"""Contained duplicates in the core: truncated, excerpted, edited and superset copies are found in
every script, the container is kept whatever the list order, hard negatives stay quiet, and
confirmed pairs are cached."""

from __future__ import annotations

import random

import numpy as np
import pytest

from dedup_fixtures import FA_AR, NEAR_EDITS, PARAGRAPHS, TRANSLATIONS, doc
from seedkeeper.errors import UsageError
from seedkeeper.similarity.clustering import analyze_text, find_duplicates
from seedkeeper.similarity.containment import containment_bands, containment_candidates, estimate_sizes, jaccard_at
from seedkeeper.similarity.minhash import shingles, signature
from seedkeeper.similarity.normalize import normalize
from seedkeeper.similarity.placement import locate

LANGS = ["fa", "zh", "en"]
FULL = {lang: doc(lang, [0, 1, 2, 3, 4, 5]) for lang in LANGS}


def run(docs, containment=0.8, threshold=0.8, pairs=None, calls=None):
    """find_duplicates over (file, text) in list order; `calls` collects shingles_of calls."""
    items, sets = [], {}
    for order, (file, text) in enumerate(docs):
        item, sh = analyze_text(file, order, text.encode(), text)
        items.append(item)
        sets[file] = sh

    def shingles_of(f):
        if calls is not None:
            calls.append(f)
        return sets[f]

    return find_duplicates(items, threshold, shingles_of, containment, pairs)


def kinds(result) -> dict[str, tuple[str, str]]:
    return {d.file: (d.kind, d.of) for c in result.clusters for d in c.duplicates}


def truncated(text: str, share: float) -> str:
    return text[: int(len(text) * share)]


def edited(text: str, lang: str) -> str:
    for old, new in NEAR_EDITS[lang][2][:2]:
        text = text.replace(old, new)
    return text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "make",
    [
        lambda lang: truncated(FULL[lang], 0.6),  # a scraper cut it off
        lambda lang: doc(lang, [2, 3, 4]),  # an excerpt from the middle
        lambda lang: edited(doc(lang, [0, 1, 2, 3]), lang),  # an edited excerpt
    ],
    ids=["truncated", "excerpt", "edited-excerpt"],
)
def test_contained_copies_found_and_the_container_kept_whatever_the_order(lang, make):
    part = make(lang)
    for docs in (
        [("a_part.txt", part), ("b_full.txt", FULL[lang])],
        [("a_full.txt", FULL[lang]), ("b_part.txt", part)],
    ):
        result = run(docs)
        part_file = docs[0][0] if "part" in docs[0][0] else docs[1][0]
        full_file = docs[1][0] if part_file == docs[0][0] else docs[0][0]
        assert [c.keep for c in result.clusters] == [full_file]
        d = result.clusters[0].duplicates
        assert [(x.file, x.kind, x.of) for x in d] == [(part_file, "contained", full_file)]
        assert 0.8 <= d[0].similarity <= 1.0


def test_superset_makes_the_older_document_the_duplicate():
    # The full article plus comments, listed after the article: the article is the duplicate.
    article = doc("en", [0, 1, 2, 3])
    with_comments = article + "\nComments (2)\n" + doc("en", [4, 5])
    result = run([("000_article.txt", article), ("001_with_comments.txt", with_comments)])
    assert kinds(result) == {"000_article.txt": ("contained", "001_with_comments.txt")}
    assert result.clusters[0].keep == "001_with_comments.txt"


def test_arabic_excerpt_is_contained():
    paras = FA_AR.strip().split("\n")
    result = run([("ar_part.txt", "\n".join(paras[1:3]) + "\n"), ("ar_full.txt", FA_AR)])
    assert kinds(result) == {"ar_part.txt": ("contained", "ar_full.txt")}


def test_a_near_copy_stays_near_even_when_also_contained():
    a = FULL["en"]
    result = run([("a.txt", a), ("cut.txt", truncated(a, 0.95))])
    assert kinds(result) == {"cut.txt": ("near", "a.txt")}


def every_nth_word_edited(text: str, lang: str, insert: bool, n: int) -> str:
    """The same text with one word in `n` replaced, or one inserted (a character for Chinese)."""
    if lang == "zh":
        return "".join(
            ("变" + ch if insert else "变") if i % n == n - 1 and ch.strip() else ch for i, ch in enumerate(text)
        )
    words = text.split(" ")
    return " ".join((f"zebra {w}" if insert else "zebra") if i % n == n - 1 else w for i, w in enumerate(words))


@pytest.mark.parametrize(
    ("lang", "insert", "n"),
    # n: one edit in n words keeps each text holding over 80% of the other, Jaccard under 0.8.
    [("fa", False, 20), ("fa", True, 15), ("zh", False, 20), ("zh", True, 20), ("en", False, 20), ("en", True, 20)],
)
def test_an_edited_copy_of_about_the_same_length_never_displaces_the_original(lang, insert, n):
    # Each holds nearly all of the other: neither is "the longer", whatever a few words did to
    # the sizes (an inserted word makes the copy larger), so the later listed is the duplicate.
    original = FULL[lang]
    copy = every_nth_word_edited(original, lang, insert, n)
    a, b = shingles(normalize(original)), shingles(normalize(copy))
    inter = np.intersect1d(a, b).size
    assert inter / max(a.size, b.size) >= 0.8 and inter / np.union1d(a, b).size < 0.8, "fixture"
    for first, second in ((original, copy), (copy, original)):
        result = run([("000_first.txt", first), ("001_second.txt", second)])
        assert [c.keep for c in result.clusters] == ["000_first.txt"]
        assert kinds(result) == {"001_second.txt": ("contained", "000_first.txt")}
        assert 0.8 <= result.clusters[0].duplicates[0].similarity < 1.0


def test_each_side_of_a_mutual_pair_reports_its_own_share():
    # c kept; b near c; a an edited copy of b (each holds over 88% of the other, not near): a is
    # reported contained in b, with the share of a's shingles found in b, not b's in a.
    rng = random.Random(24)
    c = [f"w{rng.randrange(400)}" for _ in range(2200)]

    def edit(words, share, seed):
        r = random.Random(seed)
        return [f"x{r.randrange(1000)}" if r.random() < share else w for w in words]

    b = edit(c, 0.012, 1)
    texts = {"001_c.txt": " ".join(c), "002_a.txt": " ".join(edit(b, 0.03, 2)[:2150]), "003_b.txt": " ".join(b)}
    result = run(list(texts.items()), containment=0.88, threshold=0.85)
    assert kinds(result) == {"002_a.txt": ("contained", "003_b.txt"), "003_b.txt": ("near", "001_c.txt")}
    sets = {f: shingles(normalize(t)) for f, t in texts.items()}
    (d,) = [d for d in result.clusters[0].duplicates if d.kind == "contained"]
    assert d.similarity == round(np.intersect1d(sets[d.file], sets[d.of]).size / sets[d.file].size, 4)


def test_containment_zero_turns_it_off():
    assert run([("a.txt", doc("en", [1, 2, 3])), ("b.txt", FULL["en"])], containment=0).clusters == []


@pytest.mark.parametrize("bad", [-0.1, 1.5])
def test_containment_outside_zero_one_is_a_usage_error(bad):
    with pytest.raises(UsageError):
        run([("a.txt", FULL["en"])], containment=bad)


def hard_negatives(lang: str) -> dict[str, list[tuple[str, str]]]:
    """Pairs of documents that share a little text but neither is contained in the other."""
    footer = NEAR_EDITS[lang][1]
    quote = PARAGRAPHS[lang][2].split("。" if lang == "zh" else ".")[0]
    note = " ".join(PARAGRAPHS[lang][3].split()[:12]) if lang != "zh" else PARAGRAPHS[lang][3][:30]
    return {
        "two paragraphs": [("a.txt", doc(lang, [0, 1, 2, 3])), ("b.txt", doc(lang, [2, 3, 4, 5]))],
        "one paragraph": [("a.txt", doc(lang, [0, 1, 2])), ("b.txt", doc(lang, [2, 4, 5]))],
        "footer": [("a.txt", doc(lang, [0, 1]) + footer + "\n"), ("b.txt", doc(lang, [4, 5]) + footer + "\n")],
        "quote": [("a.txt", doc(lang, [0, 1, 2])), ("b.txt", doc(lang, [4, 5]) + f"«{quote}»\n")],
        "note": [("note.txt", note), ("b.txt", FULL[lang])],
        "translations": [("a.txt", FULL[lang])] + [(f"{k}.txt", t) for k, t in TRANSLATIONS[lang].items()],
    }


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", ["two paragraphs", "one paragraph", "footer", "quote", "note", "translations"])
def test_hard_negatives_stay_quiet(lang, case):
    docs = hard_negatives(lang)[case]
    assert run(docs).clusters == []
    assert run(list(reversed(docs))).clusters == []


def test_two_articles_quoting_the_same_excerpt_are_not_joined():
    excerpt = doc("en", [2, 3])
    one = doc("en", [0, 1, 2, 3])
    other = doc("en", [2, 3, 4, 5])
    result = run([("excerpt.txt", excerpt), ("one.txt", one), ("other.txt", other)])
    assert len(result.clusters) == 1
    c = result.clusters[0]
    assert [d.file for d in c.duplicates] == ["excerpt.txt"] and c.keep in ("one.txt", "other.txt")
    assert c.keep == c.duplicates[0].of


def test_chain_keeps_the_largest_and_nothing_is_both_kept_and_duplicate():
    docs = [("small.txt", doc("fa", [2, 3])), ("mid.txt", doc("fa", [1, 2, 3])), ("big.txt", FULL["fa"])]
    result = run(docs)
    assert [c.keep for c in result.clusters] == ["big.txt"]
    dups = {d.file for d in result.clusters[0].duplicates}
    assert dups == {"small.txt", "mid.txt"} and "big.txt" not in dups


def test_too_short_to_judge_is_not_contained():
    # Two lines of a long document: far under the minimum number of shingles.
    lines = " ".join(FULL["en"].split()[:30])
    assert run([("note.txt", lines), ("full.txt", FULL["en"])]).clusters == []


class DictStore:
    def __init__(self):
        self.data = {}

    def get_many(self, keys):
        return {k: self.data[k] for k in keys if k in self.data}

    def put_many(self, found):
        self.data.update(found)


def test_warm_run_confirms_nothing_again():
    store = DictStore()
    docs = [("a.txt", doc("zh", [1, 2])), ("b.txt", FULL["zh"]), ("c.txt", FULL["en"]), ("d.txt", doc("en", [0, 1]))]
    cold = run(docs, pairs=store)
    assert cold.confirmed >= 2 and store.data
    calls: list[str] = []
    warm = run(list(reversed(docs)), pairs=store, calls=calls)
    assert warm.confirmed == 0 and calls == []
    assert kinds(warm) == kinds(cold)


def test_bands_find_a_pair_at_the_threshold_and_the_smallest_ratio():
    bands, rows = containment_bands(0.8, 128)
    j = jaccard_at(0.8, 0.4)
    assert rows >= 2 and (1 - j**rows) ** bands <= 3e-3


def test_candidates_skip_pairs_with_nothing_in_common():
    rng = np.random.default_rng(0)
    sigs = rng.integers(0, 2**32, size=(200, 128), dtype=np.uint64).astype(np.uint32)
    assert containment_candidates(sigs, np.full(200, 300.0), 0.8) == []


def test_placement_names_the_paragraphs_and_what_the_container_adds():
    full = "\n\n".join(PARAGRAPHS["en"]) + "\n"
    p = locate("\n\n".join(PARAGRAPHS["en"][1:3]), full)
    assert (p.unit, p.first, p.last, p.total) == ("paragraphs", 2, 3, 6)
    assert [(a, b) for a, b, _ in p.added] == [(1, 1), (4, 6)]
    lines = p.lines("full.txt")
    assert lines[0] == "paragraphs 2-3 of 6 of full.txt"
    assert lines[1].startswith("from “When the light was automated")
    assert lines[2].startswith("full.txt adds paragraph 1 (") and "paragraphs 4-6" in lines[2]


def test_placement_in_chinese_lines():
    full = "\n".join(PARAGRAPHS["zh"]) + "\n"
    p = locate(PARAGRAPHS["zh"][3], full)
    assert (p.unit, p.first, p.last, p.total) == ("lines", 4, 4, 6)
    assert p.lines("x.txt")[0] == "line 4 of 6 of x.txt"


def test_copies_of_a_contained_document_go_with_it():
    excerpt = doc("fa", [1, 2, 3])
    docs = [("e.txt", excerpt), ("e_crlf.txt", excerpt.replace("\n", "\r\n")), ("full.txt", FULL["fa"])]
    result = run(docs)
    assert [c.keep for c in result.clusters] == ["full.txt"]
    assert kinds(result) == {"e.txt": ("contained", "full.txt"), "e_crlf.txt": ("normalized", "e.txt")}


def test_sizes_estimated_from_signatures_when_not_given():
    sets = [shingles(normalize(FULL[lang])) for lang in LANGS]
    est = estimate_sizes(np.stack([signature(s) for s in sets]))
    for s, e in zip(sets, est):
        assert 0.7 * s.size <= e <= 1.3 * s.size


def test_block_wise_pairing_gives_the_pairs_of_one_block(monkeypatch):
    """Big buckets are paired a block of rows at a time (65,536 pairs per block in real runs):
    with tiny blocks the candidates are the same as in one block."""
    import seedkeeper.similarity.containment as containment

    rng = np.random.default_rng(7)
    base = rng.integers(0, 2**32, size=(12, 128), dtype=np.uint64).astype(np.uint32)
    rows = [base[k % 12].copy() for k in range(60)]
    for k, row in enumerate(rows):  # near copies: a few positions changed in each
        row[rng.integers(0, 128, size=k % 9)] = rng.integers(0, 2**32, size=k % 9, dtype=np.uint64).astype(np.uint32)
    sigs = np.stack(rows)
    sizes = np.full(len(rows), 200.0) + np.arange(len(rows))
    whole = containment_candidates(sigs, sizes, 0.8)
    assert whole  # the fixture has candidates to find
    monkeypatch.setattr(containment, "_STEP", 3)
    assert containment_candidates(sigs, sizes, 0.8) == whole


def test_bucket_pairs_are_every_pair_of_equal_keys_in_any_block_size():
    """Short runs are paired all at once per length, long ones a block at a time: either way the
    pairs are exactly those of rows with equal keys, each once."""
    import itertools

    from seedkeeper.similarity.containment import _bucket_pairs

    rng = np.random.default_rng(5)
    for trial in range(60):
        n = int(rng.integers(0, 400))
        keys = rng.integers(0, max(1, n // 3), size=n).astype(np.uint64)
        if trial % 6 == 0 and n > 100:
            keys[:90] = 7  # one run longer than the short-run limit
        step = (None, 1 << 16, 50, 3)[trial % 4]
        got = [c for block in _bucket_pairs(keys, step) for c in block.tolist()]
        want = [i * n + j for i, j in itertools.combinations(range(n), 2) if keys[i] == keys[j]]
        assert sorted(got) == want and len(got) == len(set(got)), (trial, step)
