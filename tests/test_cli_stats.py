"""`seedkeeper stats` end to end: counts, languages, size buckets, duplicates, findings by code,
the text bar chart, and that it writes nothing."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from helpers import doc_name, make_seeds, snapshot
from multilingual import CLEAN, PERSIAN_ZWNJ_RLM
from seedkeeper.operations.indexing import index
from seedkeeper.operations.statistics import stats
from seedkeeper.settings import Settings

pytestmark = pytest.mark.usefixtures("isolated_env")

SETTINGS = Settings(jobs=1)
LONG_EN = (
    "The city council met on Tuesday evening to discuss the new budget for public libraries and parks.\n"
    "Farmers in the northern valley reported a late harvest after weeks of unusually heavy rain.\n"
    "A small museum near the harbour reopened its doors with an exhibition about old fishing boats.\n"
    "Teachers asked for more time to prepare students before the national examinations in spring.\n"
    "The railway company promised that the repaired bridge would carry trains again by the end of the month.\n"
) * 1  # about 480 characters
BIG_RU = "".join(f"{CLEAN['ru'].strip()} Номер {i}.\n" for i in range(8))  # over 1,000 characters

# name -> (text, expected language)
DOCS = {
    doc_name(1, "fa"): (CLEAN["fa"], "fa"),
    doc_name(2, "fa2"): (PERSIAN_ZWNJ_RLM, "fa"),
    doc_name(3, "zh"): (CLEAN["zh"], "zh-Hans"),
    doc_name(4, "ar"): (CLEAN["ar"], "ar"),
    doc_name(5, "en"): (LONG_EN, "en"),
    doc_name(6, "en-copy"): (LONG_EN, "en"),  # exact duplicate of 5
    doc_name(7, "en-near"): (LONG_EN.replace("old fishing boats", "old sailing boats"), "en"),  # near duplicate
    doc_name(8, "ru"): (BIG_RU, "ru"),
}
BOM_DOC = doc_name(9, "de-bom")  # a warning: starts with a BOM
UNLISTED = doc_name(10, "el")  # on disk, not in INDEX.md


@pytest.fixture
def corpus(tmp_path) -> Path:
    files = {n: t for n, (t, _) in DOCS.items()}
    files[BOM_DOC] = "\ufeff" + CLEAN["de"]
    root = make_seeds(tmp_path, files)
    index(root, SETTINGS)
    (root / UNLISTED).write_text(CLEAN["el"], encoding="utf-8")
    return root


def expected_texts() -> dict[str, str]:
    texts = {n: t for n, (t, _) in DOCS.items()}
    texts[BOM_DOC] = CLEAN["de"]  # the BOM is not text
    texts[UNLISTED] = CLEAN["el"]
    return texts


def test_stats_json(cli, corpus):
    before = snapshot(corpus)
    r = cli("stats", corpus, "--format", "json")
    assert r.exit_code == 0, r.output
    assert snapshot(corpus) == before
    data = json.loads(r.stdout)
    texts = expected_texts()
    assert data["documents"] == len(texts)
    assert data["on_disk"] == len(texts)
    assert data["listed"] == len(texts) - 1

    langs = Counter(lang for _, lang in DOCS.values()) + Counter({"de": 1, "el": 1})
    assert data["languages"] == dict(langs)
    assert data["languages"]["fa"] == 2 and data["languages"]["zh-Hans"] == 1
    counts = list(data["languages"].values())
    assert counts == sorted(counts, reverse=True)  # most frequent first

    sizes = sorted(len(t) for t in texts.values())
    assert data["chars"]["total"] == sum(sizes)
    assert data["chars"]["min"] == sizes[0] and data["chars"]["max"] == sizes[-1]
    assert sizes[0] <= data["chars"]["median"] <= data["chars"]["p90"] <= sizes[-1]
    assert data["chars"]["median"] in sizes

    buckets = data["size_buckets"]
    assert sum(b["documents"] for b in buckets) == len(texts)
    assert buckets[0]["from"] == 0 and buckets[-1]["to"] is None
    for prev, nxt in zip(buckets, buckets[1:]):
        assert prev["to"] == nxt["from"]  # contiguous
    for b in buckets:
        assert b["documents"] == sum(1 for s in sizes if s >= b["from"] and (b["to"] is None or s < b["to"]))
    assert any(b["documents"] for b in buckets if b["from"] >= 1000)  # BIG_RU is in a bucket of its own

    assert data["duplicates"]["exact"] == 1 and data["duplicates"]["near"] == 1
    assert data["duplicates"]["clusters"] >= 1

    check = json.loads(cli("check", corpus, "--format", "json").stdout)
    assert data["findings"] == dict(Counter(p["code"] for p in check["problems"]))
    assert {"exact-duplicate", "near-duplicate", "bom", "unlisted-file", "index-outdated"} <= set(data["findings"])
    assert data["findings"]["exact-duplicate"] == 1
    assert data["ok"] is check["ok"] is False


def test_stats_text_has_a_bar_per_language(cli, corpus):
    before = snapshot(corpus)
    r = cli("stats", corpus)
    assert r.exit_code == 0, r.output
    assert snapshot(corpus) == before
    data = json.loads(cli("stats", corpus, "--format", "json").stdout)
    lines = r.stdout.splitlines()
    assert f"{data['documents']} documents" in r.stdout
    bars = {}
    for lang, n in data["languages"].items():
        matching = [ln for ln in lines if ln.split()[:2] == [lang, str(n)]]
        assert len(matching) == 1, (lang, r.stdout)
        bar = matching[0].split()[2]
        assert set(bar) == {"█"}
        bars[lang] = len(bar)
    top = max(data["languages"].values())
    for lang, n in data["languages"].items():
        assert bars[lang] >= 1
        if n == top:
            assert bars[lang] == max(bars.values())
        else:
            assert bars[lang] < max(bars.values())
    assert "exact-duplicate" in r.stdout and "1 exact" in r.stdout


def test_library_stats_matches_cli(corpus):
    rep = stats(corpus, SETTINGS)
    assert rep.documents == 10 and rep.languages["fa"] == 2
    assert rep.to_dict()["languages"] == rep.languages
    assert rep.duplicates["exact"] == 1


def test_stats_on_an_empty_folder(cli, tmp_path):
    root = tmp_path / "empty"
    root.mkdir()
    (root / "INDEX.md").write_text("# Nothing yet\n", encoding="utf-8")
    r = cli("stats", root, "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["documents"] == 0 and data["languages"] == {}
    assert all(b["documents"] == 0 for b in data["size_buckets"])
    assert cli("stats", root).exit_code == 0


def test_stats_missing_folder_is_exit_2(cli, tmp_path):
    r = cli("stats", tmp_path / "nope", "--format", "json")
    assert r.exit_code == 2 and r.stdout == ""


def test_text_summary_counts_contained_duplicates_and_says_one_document(cli, tmp_path):
    from helpers import doc_name, make_seeds

    root = make_seeds(tmp_path, {doc_name(1): "A single short document about rivers and mills in spring.\n"})
    out = cli("stats", root).stdout
    assert "1 document " in out and "1 documents" not in out
    assert "0 contained" in out


def test_documents_without_text_are_und_and_counted_apart_from_sizes(cli, tmp_path):
    """Every document is in `languages` (`und` when it has no text, as `tag` says) and either in a
    size bucket or in `no_text`: the counts add up to `documents`."""
    fa, binary, big = doc_name(1, "fa"), doc_name(2, "bin"), doc_name(3, "big")
    latin1, moji = doc_name(4, "latin1"), doc_name(5, "moji")
    files = {
        fa: CLEAN["fa"],
        binary: b"ab\0cd",
        big: "x" * 5000,
        latin1: "café au lait, très apprécié en France et ailleurs.\n".encode("latin-1"),
        moji: "CafÃ© au lait est une boisson trÃ¨s apprÃ©ciÃ©e en France et ailleurs.\n",
    }
    root = make_seeds(tmp_path, files)
    (tmp_path / "seedkeeper.toml").write_text("max-size = 4096\n")
    data = json.loads(cli("stats", root, "--format", "json").stdout)
    tags = json.loads(cli("tag", root, "--format", "json").stdout)["documents"]
    assert data["documents"] == 5
    assert data["languages"] == dict(Counter(d["lang"] for d in tags)) == {"und": 4, "fa": 1}
    assert data["no_text"] == 2  # the binary and the too large one: no characters to count
    assert sum(b["documents"] for b in data["size_buckets"]) + data["no_text"] == data["documents"]
    out = cli("stats", root).stdout
    assert [ln.split()[:2] for ln in out.splitlines() if ln.split()[:1] == ["und"]] == [["und", "4"]]
    assert [ln.split()[:3] for ln in out.splitlines() if ln.split()[:1] == ["no"]] == [["no", "text", "2"]], out


def test_two_listed_documents_one_binary_give_two_languages(cli, tmp_path):
    root = make_seeds(tmp_path, {doc_name(1, "fa"): CLEAN["fa"], doc_name(2, "bin"): b"ab\0cd"})
    data = json.loads(cli("stats", root, "--format", "json").stdout)
    assert data["documents"] == 2 and data["languages"] == {"fa": 1, "und": 1}


def test_listed_counts_the_documents_index_md_lists(cli, tmp_path):
    # "listed" counted every safe-looking entry, so an outward symlink, a folder and a FIFO
    # entry were "listed" while `..` and absolute entries were not. It counts documents now: the
    # readable files INDEX.md lists (listed + unlisted documents = documents).
    import os

    a, b, unlisted = doc_name(1, "ls"), doc_name(2, "ls"), doc_name(3, "ls")
    outside = tmp_path / "outside.txt"
    outside.write_text(CLEAN["en"], encoding="utf-8")
    link, folder, fifo, gone = doc_name(4, "ls"), doc_name(5, "ls"), doc_name(6, "ls"), doc_name(7, "ls")
    entries = [a, b, f"./{a}", link, folder, fifo, gone, f"../{doc_name(8, 'ls')}", f"/srv/{doc_name(9, 'ls')}"]
    root = make_seeds(tmp_path, {a: CLEAN["fa"], b: CLEAN["ar"]}, "# S\n\n" + "".join(f"- {e}\n" for e in entries))
    (root / unlisted).write_text(CLEAN["el"], encoding="utf-8")
    (root / link).symlink_to(outside)
    (root / folder).mkdir()
    os.mkfifo(root / fifo)
    r = cli("stats", root, "--format", "json")
    data = json.loads(r.stdout)
    assert (data["documents"], data["listed"], data["on_disk"]) == (3, 2, 4), data
    assert {"unsafe-path", "not-a-file", "missing-file", "duplicate-entry", "unlisted-file"} <= set(data["findings"])
    assert "3 documents (2 listed in INDEX.md, 4 on disk)" in " ".join(cli("stats", root).stdout.split())
