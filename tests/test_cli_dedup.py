"""`seedkeeper dedup` / `restore` through the shell: clusters and the kept document, exit codes,
text output, GitHub annotations, threshold, large near duplicates, `--apply` (quarantine, manifest,
INDEX.md, nothing deleted, symlinked duplicates skipped, an unusable INDEX.md or `.seedkeeper`
refused before anything moves), restore."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

import quality_fixtures as F
from dedup_fixtures import NEAR_EDITS, corpus, doc
from helpers import assert_exit, call_with_timeout, doc_name, github_annotations, index_for, make_seeds, snapshot

pytestmark = pytest.mark.usefixtures("isolated_env")

QDIR = ".seedkeeper/quarantine"
MANIFEST = ".seedkeeper/quarantine.jsonl"

A = doc("en", [0, 1, 2, 3])
FA_TEXT = doc("fa", [0, 1, 2, 3])
ORIG, OTHER, EXACT, NORM, NEAR, ZH = (doc_name(i) for i in range(6))
NESTED = "sub/" + doc_name(6)


def near_copy(text: str) -> str:
    for old, new in NEAR_EDITS["en"][2]:
        text = text.replace(old, new)
    return text


def files_with_duplicates() -> dict[str, str | bytes]:
    return {
        ORIG: A,
        OTHER: doc("fa", [0, 1, 2, 3]),
        EXACT: A,
        NORM: A.replace("\n", "\r\n"),  # normalized duplicate
        NEAR: near_copy(A),  # near duplicate, ~0.89
        ZH: doc("zh", [0, 1, 2, 3]),
        NESTED: A.upper(),  # normalized duplicate in a subfolder
    }


DUPS = {EXACT: "exact", NORM: "normalized", NEAR: "near", NESTED: "normalized"}


@pytest.fixture
def dup_seeds(tmp_path):
    return make_seeds(tmp_path, files_with_duplicates())


def dedup_json(cli, root, *args, code: int = 1) -> dict:
    """`dedup --format json`, which must exit with `code` (1: duplicates found); its JSON output."""
    r = cli("dedup", root, "--format", "json", *args)
    assert_exit(r, code)
    return json.loads(r.stdout)


def found(data) -> dict[str, str]:
    return {d["file"]: d["kind"] for c in data["clusters"] for d in c["duplicates"]}


def all_files(root: Path) -> list[Path]:
    """Every regular file under the folder, quarantine included."""
    return sorted(p for p in root.rglob("*") if p.is_file())


def doc_bytes(root: Path) -> list[bytes]:
    return sorted(p.read_bytes() for p in root.rglob("*.txt") if p.is_file())


# ---------------------------------------------------------------- finding


def test_clusters_kinds_similarity_and_exit_1(cli, dup_seeds):
    data = dedup_json(cli, dup_seeds)
    assert [c["keep"] for c in data["clusters"]] == [ORIG]
    assert found(data) == DUPS
    dups = data["clusters"][0]["duplicates"]
    assert [d["file"] for d in dups] == sorted(DUPS)
    for d in dups:
        assert isinstance(d["similarity"], float)
        if d["kind"] == "near":
            assert 0.8 <= d["similarity"] < 1.0
        else:
            assert d["similarity"] == 1.0
    assert "too_short" in data


def test_no_duplicates_exit_0(cli, tmp_path):
    root = make_seeds(
        tmp_path, {ORIG: A, OTHER: doc("fa", [0, 1, 2, 3]), ZH: doc("zh", [0, 1, 2, 3]), NEAR: doc("en", [4, 5])}
    )
    for fmt in ("json", "text", "github"):
        r = cli("dedup", root, "--format", fmt)
        assert r.exit_code == 0, (fmt, r.output)
    assert json.loads(cli("dedup", root, "--format", "json").stdout)["clusters"] == []


def test_reordering_index_changes_which_is_kept(cli, tmp_path):
    files = files_with_duplicates()
    root = make_seeds(tmp_path, files)
    data = dedup_json(cli, root)
    assert data["clusters"][0]["keep"] == ORIG
    order = [NEAR, *[f for f in files if f != NEAR]]
    (root / "INDEX.md").write_text(index_for(order), encoding="utf-8")
    data = dedup_json(cli, root)
    assert [c["keep"] for c in data["clusters"]] == [NEAR]
    assert ORIG in found(data) and NEAR not in found(data)
    order = [NESTED, *[f for f in files if f != NESTED]]
    (root / "INDEX.md").write_text(index_for(order), encoding="utf-8")
    data = dedup_json(cli, root)
    assert [c["keep"] for c in data["clusters"]] == [NESTED]


def test_text_output_shows_clusters_and_a_diff_excerpt(cli, dup_seeds):
    r = cli("dedup", dup_seeds)
    assert_exit(r, 1)
    out = r.stdout
    assert f"keep {ORIG}" in out
    for f, kind in DUPS.items():
        line = next(ln for ln in out.splitlines() if f in ln and "keep" not in ln)
        assert kind in line
    # The near duplicate's excerpt shows a changed word on both sides.
    old, new = NEAR_EDITS["en"][2][0]
    assert f"[{old}]" in out and f"[{new}]" in out
    assert "1 cluster, 4 duplicates" in " ".join(out.split())


# Personal data in a near-duplicate pair, in Latin, Persian and Chinese text: the excerpts mask it
# as the pii-* findings do, and no output of dedup or check prints a value whole (README).
_IBAN = F.group4(F.make_iban("IR", "0120000000003333333333"))
_SECRETS = ["reza.ahmadi@example.ir", "+98 912 345 6789", _IBAN]
_PII_LINES = {
    "en": ("Write to {} or call {} today; the account is {}.", "soon"),
    "fa": ("به {} نامه بنویسید یا با {} تماس بگیرید؛ شماره حساب {} است.", "فردا"),
    "zh": ("请写信到{}或致电{}，银行账户是{}。", "明天"),
}


@pytest.mark.parametrize("lang", list(_PII_LINES))
def test_no_output_prints_personal_data_of_a_near_duplicate_whole(cli, tmp_path, lang):
    template, word = _PII_LINES[lang]
    line = template.format(*_SECRETS)
    a = doc(lang, [0, 1, 2, 3]) + line + "\n"
    changed = line.replace(_SECRETS[1], f"{_SECRETS[1]} {word}").replace(".ir", f".ir {word}")
    b = doc(lang, [0, 1, 2, 3]) + changed + "\n"
    root = make_seeds(tmp_path, {ORIG: a, OTHER: b})
    text = cli("dedup", root)
    assert_exit(text, 1)
    assert re.search(rf"near\s+\S+\s+{OTHER}", text.stdout), text.stdout
    excerpt = " ".join(ln.strip() for ln in text.stdout.splitlines() if ln.strip().startswith(("- ", "+ ")))
    assert f"[{word}]" in excerpt and "r***@example.ir" in excerpt and "+98 *** *** 6789" in excerpt, text.stdout
    outputs = [text.stdout] + [cli("dedup", root, "--format", f).stdout for f in ("json", "github", "concise")]
    check_formats = ("text", "json", "github", "concise", "sarif", "junit")
    outputs += [cli("check", root, "--format", f).stdout for f in check_formats]
    for out in outputs:
        flat = " ".join(out.split()).replace("\\u002b", "+")
        for secret in _SECRETS:
            assert secret not in flat and secret.replace(" ", "")[4:11] not in flat.replace(" ", ""), (secret, out)


def test_github_output(cli, dup_seeds):
    r = cli("dedup", dup_seeds, "--format", "github")
    assert_exit(r, 1)
    lines = r.stdout.splitlines()
    assert any(ln.startswith("::error") and EXACT in ln for ln in lines)
    assert any(ln.startswith("::warning") and NEAR in ln for ln in lines)


def test_threshold_drops_a_less_similar_pair(cli, dup_seeds):
    data = dedup_json(cli, dup_seeds)
    sim = next(d["similarity"] for c in data["clusters"] for d in c["duplicates"] if d["file"] == NEAR)
    assert 0.8 <= sim < 0.95
    strict = dedup_json(cli, dup_seeds, "--threshold", "0.95", "--containment", "0")
    assert NEAR not in found(strict)
    assert found(strict) == {k: v for k, v in DUPS.items() if k != NEAR}
    loose = dedup_json(cli, dup_seeds, "--threshold", str(round(sim - 0.02, 2)))
    assert NEAR in found(loose)
    # With containment on (the default), the shorter copy is still reported: as contained.
    contained = dedup_json(cli, dup_seeds, "--threshold", "0.95")
    assert found(contained)[NEAR] == "contained"


def test_bad_threshold_is_a_usage_error(cli, dup_seeds):
    r = cli("dedup", dup_seeds, "--threshold", "1.5")
    assert r.exit_code == 2


@pytest.mark.parametrize("lang", ["fa", "zh", "en"])
def test_multilingual_copies_found_via_the_cli(cli, tmp_path, lang):
    docs, expected = corpus(lang)
    root = make_seeds(tmp_path, dict(docs))
    data = dedup_json(cli, root)
    assert [c["keep"] for c in data["clusters"]] == [f"{lang}/000_a.txt"]
    assert found(data) == expected  # no translation or half-shared text among them


def test_persian_zwnj_and_yeh_variants(cli, tmp_path):
    text = doc("fa", [0, 1, 2, 3])
    assert "\u200c" in text and "ی" in text
    files = {
        ORIG: text,
        EXACT: text.replace("\u200c", " "),  # typed with a space for each ZWNJ
        NORM: text.replace("ی", "ي").replace("ک", "ك"),  # Arabic yeh/kaf
        # spaces for ZWNJ, Arabic yeh, and two phrases changed: near
        NEAR: text.replace("\u200c", " ")
        .replace("ی", "ي")
        .replace("مهمی", "بزرگی")
        .replace("باور دارند", "فکر می\u200cکنند"),
        OTHER: doc("fa", [4, 5]),
    }
    root = make_seeds(tmp_path, files)
    data = dedup_json(cli, root)
    got = found(data)
    assert got[EXACT] == "normalized" and got[NORM] == "normalized"
    assert got.get(NEAR) == "near" and OTHER not in got
    assert [c["keep"] for c in data["clusters"]] == [ORIG]


# ---------------------------------------------------------------- --apply


def check_applied(root: Path, before_files: dict[str, bytes], count_before: int, kept: list[str]) -> list[dict]:
    """The common promises of --apply; returns the manifest records."""
    manifest = [json.loads(ln) for ln in (root / MANIFEST).read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert sorted(m["file"] for m in manifest) == sorted(DUPS)
    for m in manifest:
        assert not (root / m["file"]).exists()
        q = root / m["quarantined"]
        assert m["quarantined"].startswith(QDIR + "/")
        assert q.read_bytes() == before_files[m["file"]]  # same bytes in quarantine
        assert m["kind"] == DUPS[m["file"]]
    for k in kept:
        assert (root / k).read_bytes() == before_files[k]  # kept documents untouched
    assert len(all_files(root)) == count_before + 1  # nothing deleted; only the manifest is new
    index = (root / "INDEX.md").read_text(encoding="utf-8")
    for f in DUPS:
        assert f not in index
    for k in kept:
        assert k in index
    return manifest


def test_apply_with_hand_written_list(cli, tmp_path):
    files = files_with_duplicates()
    index = (
        "# My seeds\n\nSome prose that stays.\n\n"
        f"- {ORIG} the original\n1. {OTHER}\n* [a copy]({EXACT})\n- ./{NORM}\n\n"
        f"| file | note |\n| --- | --- |\n| {NEAR} | near |\n| {ZH} | zh |\n\n"
        f"- [upper](<{NESTED}>) shouting\n\nThe end.\n"
    )
    root = make_seeds(tmp_path, files, index=index)
    before = {rel: (root / rel).read_bytes() for rel in files}
    count = len(all_files(root))
    assert json.loads(cli("validate", root, "--format", "json").stdout)["ok"] is True
    r = cli("dedup", root, "--apply", "--format", "json")
    assert r.exit_code == 0, r.output
    moved = json.loads(r.stdout)["moved"]
    assert sorted(m["file"] for m in moved) == sorted(DUPS)
    check_applied(root, before, count, [ORIG, OTHER, ZH])
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    assert "Some prose that stays." in text and "The end." in text and "# My seeds" in text
    v = json.loads(cli("validate", root, "--format", "json").stdout)
    assert not [p for p in v["problems"] if p["code"] in ("unlisted-file", "missing-file")], v
    assert v["summary"]["documents"] == 3
    # A second dedup finds nothing left to do.
    assert cli("dedup", root).exit_code == 0


def test_apply_with_managed_table(cli, tmp_path):
    files = files_with_duplicates()
    root = make_seeds(
        tmp_path, files, index="# Seeds\n\nIntro.\n\n" + "".join(f"- {f} note {i}\n" for i, f in enumerate(files))
    )
    r = cli("index", root)
    assert r.exit_code == 0, r.output
    assert "seedkeeper:index:begin" in (root / "INDEX.md").read_text(encoding="utf-8")
    before = {rel: (root / rel).read_bytes() for rel in files}
    count = len(all_files(root))
    r = cli("dedup", root, "--apply")
    assert r.exit_code == 0, r.output
    assert "moved 4" in " ".join(r.stdout.split())
    check_applied(root, before, count, [ORIG, OTHER, ZH])
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    assert "Intro." in text and "note 0" in text and "note 1" in text
    v = json.loads(cli("validate", root, "--format", "json").stdout)
    assert not [p for p in v["problems"] if p["code"] in ("unlisted-file", "missing-file")], v


def test_apply_without_duplicates_changes_nothing(cli, tmp_path):
    root = make_seeds(tmp_path, {ORIG: A, OTHER: doc("fa", [0, 1, 2, 3])})
    before = snapshot(root)
    r = cli("dedup", root, "--apply")
    assert r.exit_code == 0
    assert snapshot(root) == before


def test_dedup_without_apply_writes_nothing(cli, dup_seeds):
    before = snapshot(dup_seeds)
    for fmt in ("text", "json", "github"):
        assert_exit(cli("dedup", dup_seeds, "--format", fmt), 1)
    assert snapshot(dup_seeds) == before


def test_apply_keeps_prose_and_names_the_quarantine_for_a_prose_link(cli, tmp_path):
    # Prose is the person's: --apply never rewrites it. A link in prose to a moved duplicate is
    # then a broken link, reported as missing-file at that line, saying where the file went.
    prose = f"The copy [is here]({EXACT}) in prose.\n"
    root = make_seeds(
        tmp_path,
        {ORIG: A, OTHER: doc("fa", [0, 1, 2, 3]), EXACT: A},
        index=f"# Seeds\n\n- {ORIG}\n- {OTHER}\n\n" + prose,
    )
    assert json.loads(cli("validate", root, "--format", "json").stdout)["ok"] is True
    assert cli("dedup", root, "--apply").exit_code == 0
    assert not (root / EXACT).exists()
    assert prose in (root / "INDEX.md").read_text(encoding="utf-8")
    v = json.loads(cli("validate", root, "--format", "json").stdout)
    missing = [p for p in v["problems"] if p["code"] == "missing-file"]
    assert [(p["file"], p["line"]) for p in missing] == [(EXACT, 6)], v
    assert "quarantine" in missing[0]["message"] and f"seedkeeper restore {EXACT}" in missing[0]["message"]
    assert not [p for p in v["problems"] if p["code"] == "unlisted-file"], v


# ---------------------------------------------------------------- restore


@pytest.fixture
def applied(cli, tmp_path):
    files = files_with_duplicates()
    root = make_seeds(tmp_path, files)
    before = {rel: (root / rel).read_bytes() for rel in files}
    assert cli("dedup", root, "--apply").exit_code == 0
    return root, before


def test_restore_puts_one_back_and_lists_it(cli, applied):
    root, before = applied
    r = cli("restore", NESTED, "--seeds", root)
    assert r.exit_code == 0, r.output
    assert NESTED in r.stdout
    assert (root / NESTED).read_bytes() == before[NESTED]
    assert not (root / QDIR / NESTED).exists()
    assert NESTED in (root / "INDEX.md").read_text(encoding="utf-8")
    # The others stay in quarantine and unlisted.
    for f in (EXACT, NORM, NEAR):
        assert not (root / f).exists() and (root / QDIR / f).exists()
    v = json.loads(cli("validate", root, "--format", "json").stdout)
    assert not [p for p in v["problems"] if p["code"] in ("unlisted-file", "missing-file")], v
    manifest = [json.loads(ln) for ln in (root / MANIFEST).read_text(encoding="utf-8").splitlines()]
    assert [m["file"] for m in manifest if m["restored_at"]] == [NESTED]
    # And dedup finds it again.
    data = dedup_json(cli, root)
    assert found(data) == {NESTED: "normalized"}


def test_restore_lists_the_document_outside_a_comment_left_open_at_the_end(cli, tmp_path):
    """INDEX.md with no list or table, ending in an HTML comment never closed: `restore` put the
    document's list item inside the comment, where no renderer shows it (and `validate` then
    reported it unlisted). It goes before the comment, whose bytes stay as they were."""
    tail = "<!-- note to self\nask about the licences\n"
    index = f"# Seeds\n\nThe documents of this corpus.\n\n{tail}"
    root = make_seeds(tmp_path, {ORIG: A, EXACT: A}, index)
    assert_exit(cli("dedup", root, "--apply"), 0)
    assert not (root / EXACT).exists()

    assert_exit(cli("restore", EXACT, "--seeds", root), 0)
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    assert text.endswith(f"- {EXACT}\n\n{tail}"), text
    assert text.replace(f"- {EXACT}\n\n", "") == index
    v = json.loads(cli("validate", root, "--format", "json").stdout)
    assert [p["file"] for p in v["problems"] if p["code"] == "unlisted-file"] == [ORIG], v


def test_restore_gives_the_row_back_when_another_rows_notes_link_the_document(cli, tmp_path):
    """A link to the copy in the kept document's Notes cell is a mention, not the copy's row:
    `restore` took it for a listing, added no row, and the notes a person wrote for the copy
    (kept in the quarantine manifest for this) were not put back."""
    index = f"# Seeds\n\n- {ORIG} — the copy is [here]({EXACT})\n- {EXACT} — my own note (lang: en)\n"
    root = make_seeds(tmp_path, {ORIG: A, EXACT: A}, index)
    assert_exit(cli("index", root), 0)
    assert_exit(cli("dedup", root, "--apply"), 0)
    assert "my own note" not in (root / "INDEX.md").read_text(encoding="utf-8")

    assert_exit(cli("restore", EXACT, "--seeds", root), 0)
    assert_exit(cli("index", root), 0)
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    (row,) = [ln for ln in text.splitlines() if ln.startswith(f"| [{EXACT}]")]
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[2] == "en" and cells[-1] == "my own note", text  # Pinned and Notes
    assert f"the copy is [here]({EXACT})" in text


def test_restore_onto_an_existing_file_refuses(cli, applied):
    root, before = applied
    (root / NEAR).write_text("something new the user wrote\n", encoding="utf-8")
    index_before = (root / "INDEX.md").read_bytes()
    r = cli("restore", NEAR, "--seeds", root)
    assert r.exit_code == 2
    assert NEAR in r.stderr and "overwrit" in r.stderr
    assert (root / NEAR).read_text(encoding="utf-8") == "something new the user wrote\n"
    assert (root / QDIR / NEAR).read_bytes() == before[NEAR]  # still safe in quarantine
    assert (root / "INDEX.md").read_bytes() == index_before


def test_restore_of_something_not_quarantined_is_a_usage_error(cli, applied):
    root, _ = applied
    r = cli("restore", ORIG, "--seeds", root)
    assert r.exit_code == 2
    assert "quarantine" in r.stderr


def test_restore_twice_does_nothing_the_second_time(cli, applied):
    root, before = applied
    assert cli("restore", EXACT, "--seeds", root).exit_code == 0
    index = (root / "INDEX.md").read_bytes()
    r = cli("restore", EXACT, "--seeds", root)
    assert r.exit_code == 0 and "already restored" in r.stdout, r.output  # nothing to do: exit 0
    assert (root / EXACT).read_bytes() == before[EXACT] and (root / "INDEX.md").read_bytes() == index


def test_apply_then_restore_all_gives_back_every_byte(cli, applied):
    root, before = applied
    for f in sorted(DUPS):
        assert cli("restore", f, "--seeds", root).exit_code == 0, f
    for rel, data in before.items():
        assert (root / rel).read_bytes() == data
    assert not [p for p in (root / QDIR).rglob("*") if p.is_file()]


def test_apply_and_restore_names_that_need_escaping(cli, tmp_path):
    """A duplicate listed twice, one behind `<...>` with a space, one percent-encoded in a subfolder."""
    files = {ORIG: A, OTHER: doc("fa", [0, 1, 2, 3]), EXACT: A, "my copy.txt": A, "sub dir/x%.txt": A}
    index = (
        f"# Seeds\n\n- {ORIG}\n- {OTHER}\n- {EXACT}\n- [again]({EXACT})\n"
        "- [spaced](<my copy.txt>)\n- [pct](sub%20dir/x%25.txt)\n"
    )
    root = make_seeds(tmp_path, files, index=index)
    before = {rel: (root / rel).read_bytes() for rel in files}
    r = cli("dedup", root, "--apply", "--format", "json")
    assert r.exit_code == 0, r.output
    assert sorted(m["file"] for m in json.loads(r.stdout)["moved"]) == sorted([EXACT, "my copy.txt", "sub dir/x%.txt"])
    v = json.loads(cli("validate", root, "--format", "json").stdout)
    assert v["ok"] and not [
        p for p in v["problems"] if p["code"] in ("unlisted-file", "missing-file", "duplicate-entry")
    ]
    assert cli("restore", "sub dir/x%.txt", "--seeds", root).exit_code == 0
    assert (root / "sub dir/x%.txt").read_bytes() == before["sub dir/x%.txt"]
    v = json.loads(cli("validate", root, "--format", "json").stdout)
    assert not [p for p in v["problems"] if p["code"] in ("unlisted-file", "missing-file")], v


# ---------------------------------------------------------------- which copy is kept


def test_a_link_in_prose_does_not_decide_which_copy_is_kept(cli, tmp_path):
    # The first list item is kept. Here it is also named after the other copy, and the prose above
    # the list links the other copy first: neither "first mention" nor "first by name" may win.
    first, second = doc_name(5), doc_name(4)
    assert second < first
    index = f"See [the copy]({second}) first.\n\n- {first}\n- {second}\n"
    root = make_seeds(tmp_path, {first: A, second: A}, index=index)
    r = cli("dedup", root, "--format", "json", "--no-cache", "--jobs", "1")
    assert_exit(r, 1)
    clusters = json.loads(r.stdout)["clusters"]
    assert [c["keep"] for c in clusters] == [first]
    assert [(d["file"], d["kind"]) for d in clusters[0]["duplicates"]] == [(second, "exact")]


# ---------------------------------------------------------------- GitHub annotations


def test_github_annotations_one_per_duplicate_with_escaped_file_names(cli, tmp_path):
    # Exact and normalized duplicates are errors, near ones warnings; a comma in a file name is
    # percent-encoded in the `file=` property; a whole-document finding carries no `line=`.
    comma = "copy,of,one.txt"
    files = {
        ORIG: A,
        OTHER: FA_TEXT,
        EXACT: A,
        NORM: A.replace("\n", "\r\n"),
        NEAR: A.replace("lighthouse", "beacon", 1),
        comma: A,
    }
    root = make_seeds(tmp_path, files)
    r = cli("dedup", root, "--format", "github", "--no-cache", "--jobs", "1")
    assert_exit(r, 1)
    got = {
        props["file"]: (level, props.get("title"), "line" in props) for level, props, _ in github_annotations(r.stdout)
    }
    assert got == {
        f"seeds/{EXACT}": ("error", "exact-duplicate", False),
        f"seeds/{NORM}": ("error", "exact-duplicate", False),
        f"seeds/{NEAR}": ("warning", "near-duplicate", False),
        "seeds/copy%2Cof%2Cone.txt": ("error", "exact-duplicate", False),
    }, r.stdout


# ---------------------------------------------------------------- large near duplicates


def _big_pair(newlines: bool) -> tuple[str, str]:
    """Two ~200 KB texts of random words that differ in every 500th word (from word 250 on)."""
    rnd = random.Random(1234)
    vocab = ["".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rnd.randint(3, 9))) for _ in range(3000)]
    words, size = [], 0
    while size < 200_000:
        words.append(rnd.choice(vocab))
        size += len(words[-1]) + 1
    changed = [f"zq{i}x" if i % 500 == 250 else w for i, w in enumerate(words)]

    def join(ws):
        if not newlines:
            return " ".join(ws)
        return "".join(" ".join(ws[i : i + 12]) + "\n" for i in range(0, len(ws), 12))

    return join(words), join(changed)


@pytest.mark.parametrize("newlines", [True, False], ids=["lines", "one-line"])
def test_large_near_duplicates_finish_fast_with_an_excerpt(tmp_path, newlines):
    """The diff excerpt of two large near duplicates is computed in well under 10 s (no quadratic
    diff), both with many short lines and with one 200 KB line, and shows the first difference."""
    a, b = _big_pair(newlines)
    assert len(a.encode()) > 190_000 and (a.count("\n") > 1000) == newlines
    root = make_seeds(tmp_path, {ORIG: a, OTHER: b})
    # A subprocess, so that a quadratic diff is killed at the deadline instead of hanging the suite.
    t0 = time.monotonic()
    try:
        p = subprocess.run(
            [sys.executable, "-m", "seedkeeper", "dedup", str(root), "--no-cache", "--jobs", "1"],
            capture_output=True,
            text=True,
            timeout=10,
            cwd=tmp_path,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("dedup of two 200 KB near duplicates did not finish within 10 s")
    elapsed = time.monotonic() - t0
    assert p.returncode == 1, (p.stdout, p.stderr)
    assert elapsed < 10, f"dedup took {elapsed:.1f} s"
    assert re.search(rf"near\s+0\.9\d\s+{OTHER}", p.stdout), p.stdout
    excerpt = [ln.strip() for ln in p.stdout.splitlines() if ln.strip().startswith(("- ", "+ "))]
    assert any(ln.startswith("- ") for ln in excerpt) and any(ln.startswith("+ ") for ln in excerpt), p.stdout
    # The first difference is word 250 of b; it opens the bracketed part of the excerpt.
    assert "[zq250x" in " ".join(p.stdout.split()), p.stdout


# ---------------------------------------------------------------- --apply: symlinks and an unusable INDEX.md

SECRET = "TOP-SECRET-OUTSIDE-7f3a9c"


def three_with_a_copy(tmp_path: Path) -> Path:
    """ORIG and OTHER, and EXACT: a byte copy of ORIG that `--apply` would move."""
    return make_seeds(tmp_path, {ORIG: A, OTHER: FA_TEXT, EXACT: A})


def everything_under(root: Path) -> bytes:
    """All bytes of all regular files under root (symlinks not followed), concatenated."""
    out = b""
    for dirpath, _dirs, names in os.walk(root, followlinks=False):
        for name in names:
            p = Path(dirpath, name)
            if p.is_file() and not p.is_symlink():
                out += p.read_bytes()
    return out


def test_apply_skips_a_symlinked_duplicate_and_moves_the_real_copy(cli, tmp_path):
    link = doc_name(8)
    root = three_with_a_copy(tmp_path)
    os.symlink(ORIG, root / link)  # a relative link, inside the folder, to the kept document
    (root / "INDEX.md").write_text(index_for([ORIG, OTHER, EXACT, link]), encoding="utf-8")

    r = cli("dedup", root, "--apply", "--format", "json", "--no-cache", "--jobs", "1")
    assert r.exit_code == 1, (r.stdout, r.stderr)  # a duplicate is left: not done
    data = json.loads(r.stdout)
    assert link in {d["file"] for c in data["clusters"] for d in c["duplicates"]}
    assert [s["file"] for s in data.get("skipped", [])] == [link]
    assert [m["file"] for m in data.get("moved", [])] == [EXACT]
    assert os.path.islink(root / link) and os.readlink(root / link) == ORIG
    assert (root / ORIG).read_bytes() == A.encode()
    assert not (root / EXACT).exists() and (root / QDIR / EXACT).read_bytes() == A.encode()
    assert not os.path.lexists(root / QDIR / link)
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    assert f"- {link}" in text and f"- {EXACT}" not in text


def test_apply_refuses_an_index_symlinked_outside_the_folder(cli, tmp_path):
    outside = tmp_path / "elsewhere" / "notes.md"
    outside.parent.mkdir()
    # The outside file even looks like a valid index of the folder, with a secret in it.
    outside_bytes = f"# Private\n\n{SECRET}\n\n- {ORIG}\n- {OTHER}\n- {EXACT}\n".encode()
    outside.write_bytes(outside_bytes)
    root = three_with_a_copy(tmp_path)
    (root / "INDEX.md").unlink()
    os.symlink(outside, root / "INDEX.md")
    before = snapshot(root)

    for fmt in ("text", "json"):
        r = cli("dedup", root, "--apply", "--format", fmt, "--no-cache", "--jobs", "1")
        assert r.exit_code == 1, (r.stdout, r.stderr)
        assert "INDEX.md" in r.stderr and r.stderr.strip()
        assert SECRET not in r.stdout and SECRET not in r.stderr
    assert snapshot(root) == before  # nothing moved, nothing written, no .seedkeeper/
    assert (root / EXACT).is_file() and not (root / ".seedkeeper").exists()
    assert os.path.islink(root / "INDEX.md") and os.readlink(root / "INDEX.md") == str(outside)
    assert outside.read_bytes() == outside_bytes
    assert SECRET.encode() not in everything_under(root)


def test_apply_refuses_an_index_fifo_without_hanging(cli, tmp_path):
    root = three_with_a_copy(tmp_path)
    (root / "INDEX.md").unlink()
    os.mkfifo(root / "INDEX.md")
    before = snapshot(root)
    r = call_with_timeout(
        lambda: cli("dedup", root, "--apply", "--no-cache", "--jobs", "1"), 10, fifo_paths=[root / "INDEX.md"]
    )
    assert r.exit_code == 1, (r.stdout, r.stderr)
    assert "INDEX.md" in r.stderr
    assert snapshot(root) == before
    assert (root / EXACT).is_file()


def test_apply_refuses_an_index_that_is_a_folder(cli, tmp_path):
    root = three_with_a_copy(tmp_path)
    (root / "INDEX.md").unlink()
    (root / "INDEX.md").mkdir()
    (root / "INDEX.md" / "keep.md").write_text(f"- {ORIG}\n", encoding="utf-8")
    before = snapshot(root)
    r = cli("dedup", root, "--apply", "--no-cache", "--jobs", "1")
    assert r.exit_code == 1, (r.stdout, r.stderr)
    assert "INDEX.md" in r.stderr
    assert snapshot(root) == before
    assert (root / "INDEX.md").is_dir() and (root / EXACT).is_file()


def test_apply_refuses_a_seedkeeper_folder_symlinked_outside(cli, tmp_path):
    root = three_with_a_copy(tmp_path)
    outdir = tmp_path / "skout"
    outdir.mkdir()
    os.symlink(outdir, root / ".seedkeeper")
    before = snapshot(root)
    r = cli("dedup", root, "--apply", "--no-cache", "--jobs", "1")
    assert sorted(outdir.rglob("*")) == []  # nothing written outside the seeds folder
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert snapshot(root) == before


def test_apply_keeps_an_items_continuation_lines_for_restore(cli, tmp_path):
    """`dedup --apply` takes a list item out of INDEX.md with its continuation lines: they go to
    the quarantine manifest with the note, and `restore` puts them back."""
    root = tmp_path / "seeds"
    root.mkdir()
    text = "The same text appears in two documents and is long enough here, about a harbour.\n"
    (root / "000_aaaaaaaaaaaaaaaa.txt").write_text(text, encoding="utf-8")
    (root / "001_bbbbbbbbbbbbbbbb.txt").write_text(text, encoding="utf-8")
    (root / "INDEX.md").write_text(
        "# I\n\n- 000_aaaaaaaaaaaaaaaa.txt original\n- 001_bbbbbbbbbbbbbbbb.txt the copy\n"
        "  received from Ali in 2021\n- Other prose item\n",
        encoding="utf-8",
    )
    assert cli("dedup", root, "--apply").exit_code == 0
    assert "received from Ali" in (root / ".seedkeeper" / "quarantine.jsonl").read_text(encoding="utf-8")
    assert cli("restore", "001_bbbbbbbbbbbbbbbb.txt", "--seeds", root).exit_code == 0
    assert "received from Ali in 2021" in (root / "INDEX.md").read_text(encoding="utf-8")


# ---------------------------------------------- what a person wrote survives --apply and restore

_SAME = "The same text appears in two documents and is long enough here, about a harbour.\n"
_KEPT, _COPY = "000_aaaaaaaaaaaaaaaa.txt", "001_bbbbbbbbbbbbbbbb.txt"
_ROW_HEAD = "| File | Language | Pinned | Chars | Words | SHA-256 | Status | Title | Notes |\n" + "| --- " * 9 + "|\n"


def _managed(rows: str) -> str:
    return f"<!-- seedkeeper:index:begin -->\n{_ROW_HEAD}{rows}<!-- seedkeeper:index:end -->\n"


def _placeholder(name: str, pinned: str = "", notes: str = "") -> str:
    return f"| [{name}]({name}) |  | {pinned} |  |  |  |  |  | {notes} |\n"


def _two_copies(tmp_path, index: str) -> Path:
    return make_seeds(tmp_path, {_KEPT: _SAME, _COPY: _SAME}, index)


@pytest.mark.parametrize(
    "index",
    [
        # Listed in two sections of a hand-written INDEX.md, each listing with its own note.
        f"# I\n\n## News\n\n- {_KEPT} original\n- {_COPY} first note about the copy\n\n"
        f"## Archive\n\n- {_COPY} second note: from the 1998 archive (language: en)\n",
        # The same in two managed tables (a person typed the row into both).
        f"# I\n\n## News\n\n{_managed(_placeholder(_KEPT) + _placeholder(_COPY, '', 'first note about the copy'))}\n"
        f"## Archive\n\n{_managed(_placeholder(_COPY, 'en', 'second note: from the 1998 archive'))}",
        # A managed row, and a hand list item below it.
        f"# I\n\n{_managed(_placeholder(_KEPT) + _placeholder(_COPY, '', 'first note about the copy'))}\n"
        f"## Archive\n\n- {_COPY} second note: from the 1998 archive (lang: en)\n",
    ],
    ids=["hand-lists", "managed-tables", "managed-then-hand"],
)
def test_apply_and_restore_keep_every_listings_note(cli, tmp_path, index):
    """A document listed twice: `dedup --apply` drops both listings and `restore` put back only
    the first one's note. Both notes (and the pin) are recorded and come back."""
    root = _two_copies(tmp_path, index)
    assert_exit(cli("dedup", root, "--apply", "--no-cache", "--jobs", "1"), 0)
    assert _COPY not in (root / "INDEX.md").read_text(encoding="utf-8")
    (moved,) = [json.loads(ln) for ln in (root / MANIFEST).read_text(encoding="utf-8").splitlines()]
    assert "first note about the copy" in moved["notes"] and "from the 1998 archive" in moved["notes"], moved
    assert moved["pinned"] == "en"
    assert_exit(cli("restore", _COPY, "--seeds", root), 0)
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    assert "first note about the copy" in text and "second note: from the 1998 archive" in text, text
    assert re.search(r"\blang(uage)?: en\b|\| en \|", text), text


def test_apply_and_restore_keep_status_words_of_a_hand_table(cli, tmp_path):
    # The Status cell of a hand table is a person's when it holds their words: it leaves INDEX.md
    # with the row, so the manifest keeps it and `restore` puts it back.
    index = (
        f"# I\n\n| File | Status | Source |\n| --- | --- | --- |\n| {_KEPT} | ok | BBC |\n"
        f"| {_COPY} | waiting on the author's permission | Reuters |\n"
    )
    root = _two_copies(tmp_path, index)
    assert_exit(cli("dedup", root, "--apply", "--no-cache", "--jobs", "1"), 0)
    assert_exit(cli("restore", _COPY, "--seeds", root), 0)
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    assert "waiting on the author's permission" in text and "Reuters" in text, text


@pytest.mark.parametrize("then", ["dedup", "restore"])
def test_a_listing_written_back_after_a_move_is_the_persons(cli, tmp_path, then):
    """After `dedup --apply` moved two copies out, a person lists one again by hand with a note.
    The next `dedup --apply`, or the restore of the other copy, dropped that line, note and all:
    recovery removed every listing of every quarantined file, not only those of a move a killed
    run left half-done."""
    root = make_seeds(tmp_path, {ORIG: A, EXACT: A, NORM: A}, f"# Seeds\n\n- {ORIG}\n- {EXACT}\n- {NORM}\n")
    assert_exit(cli("dedup", root, "--apply"), 0)
    assert not (root / EXACT).exists() and not (root / NORM).exists()
    line = f"- {EXACT} — listed again by hand: ask Sam before restoring\n"
    with (root / "INDEX.md").open("a", encoding="utf-8") as handle:
        handle.write(line)
    if then == "dedup":
        assert_exit(cli("dedup", root, "--apply"), 0)
    else:
        assert_exit(cli("restore", NORM, "--seeds", root), 0)
        assert (root / NORM).is_file()
    assert line in (root / "INDEX.md").read_text(encoding="utf-8")


def _written_back(cli, tmp_path, back: str) -> tuple[Path, str]:
    """A copy listed with a note and a pin, moved out, then listed again by a person (`back`)."""
    root = make_seeds(
        tmp_path, {ORIG: A, EXACT: A}, f"# Seeds\n\n- {ORIG}\n- {EXACT} precious provenance note, lang: en\n"
    )
    assert_exit(cli("dedup", root, "--apply"), 0)
    with (root / "INDEX.md").open("a", encoding="utf-8") as handle:
        handle.write(back)
    return root, (root / "INDEX.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_restore_says_which_saved_notes_it_did_not_put_back(cli, tmp_path, fmt):
    """A person wrote a line back for the moved copy: `restore` left it alone (it is theirs) and
    said nothing, so the note and pin saved at the move stayed only in the manifest. INDEX.md is
    still left as the person wrote it, and restore's output names what was not put back, why,
    and where it is kept."""
    root, before = _written_back(cli, tmp_path, f"- {EXACT} written back by a person\n")
    r = cli("restore", EXACT, "--seeds", root, "--format", fmt)
    assert_exit(r, 0)
    assert (root / "INDEX.md").read_text(encoding="utf-8") == before
    if fmt == "json":
        out = json.loads(r.stdout)
        assert out["not_put_back"] == {
            "notes": "precious provenance note",
            "pinned": "en",
            "line": 4,
            "why": "already-listed",
        }, out
    else:
        assert "not put back" in r.stdout and "precious provenance note" in r.stdout, r.stdout
        assert "lang: en" in r.stdout and "INDEX.md:4" in r.stdout and "quarantine.jsonl" in r.stdout, r.stdout


def test_restore_reports_nothing_when_the_person_wrote_the_note_back(cli, tmp_path):
    root, before = _written_back(cli, tmp_path, f"- {EXACT} precious provenance note, and more (lang: en)\n")
    r = cli("restore", EXACT, "--seeds", root, "--format", "json")
    assert_exit(r, 0)
    assert json.loads(r.stdout)["not_put_back"] is None
    assert (root / "INDEX.md").read_text(encoding="utf-8") == before


# --- the text output's words agree with their counts, and its paths work from where it was typed -


@pytest.mark.parametrize(
    ("files", "said"), [({ORIG: A, EXACT: A}, "moves it out"), ({ORIG: A, EXACT: A, NORM: A}, "moves them out")]
)
def test_the_dedup_summary_says_it_or_them_as_the_count_says(cli, tmp_path, files, said):
    root = make_seeds(tmp_path, files)
    r = cli("dedup", root)
    assert_exit(r, 1)
    out = " ".join(r.stdout.split())
    assert f"`seedkeeper dedup --apply` {said} (restorable)" in out, out


@pytest.mark.parametrize(
    ("folder", "config", "typed", "here", "shown"),
    [
        ("seeds", None, [], ".", "seeds/.seedkeeper/quarantine/"),
        ("data/seeds", None, ["data/seeds"], ".", "data/seeds/.seedkeeper/quarantine/"),
        ("data/seeds", 'seeds = "data/seeds"\n', [], ".", "data/seeds/.seedkeeper/quarantine/"),
        ("data/seeds", None, ["{abs}"], ".", "data/seeds/.seedkeeper/quarantine/"),
        ("seeds", None, ["."], "seeds", ".seedkeeper/quarantine/"),
    ],
)
def test_dedup_apply_names_the_quarantine_as_it_is_reached_from_here(
    cli, tmp_path, monkeypatch, folder, config, typed, here, shown
):
    """`moved 2 to .seedkeeper/quarantine/` named a path inside the seeds folder, which is not
    there from where the command was typed."""
    root = make_seeds(tmp_path, {ORIG: A, EXACT: A}, folder=folder)
    if config:
        (tmp_path / "seedkeeper.toml").write_text(config, encoding="utf-8")
    monkeypatch.chdir(tmp_path / here)
    r = cli("dedup", *(t.format(abs=root) for t in typed), "--apply")
    assert_exit(r, 0)
    out = " ".join(r.stdout.split())
    assert f"moved 1 to {shown} " in out, out
    assert (Path.cwd() / shown / EXACT).is_file()


def test_restore_names_the_quarantined_copy_from_here_and_takes_it_back(cli, tmp_path):
    root = make_seeds(tmp_path, {ORIG: A, EXACT: A}, folder="data/seeds")
    assert_exit(cli("dedup", "data/seeds", "--apply"), 0)
    r = cli("restore", EXACT, "--seeds", "data/seeds")
    assert_exit(r, 0)
    assert r.stdout.strip() == f"restored {EXACT} from data/seeds/{QDIR}/{EXACT}", r.stdout
    assert (root / EXACT).is_file()


@pytest.mark.parametrize(
    ("listed", "said"),
    [
        (f"{EXACT} precious provenance note", "add it there if you want it: it stays in"),
        (f"{EXACT} precious provenance note, lang: en", "add them there if you want them: they stay in"),
    ],
)
def test_what_restore_did_not_put_back_is_named_as_one_or_two(cli, tmp_path, listed, said):
    root = make_seeds(tmp_path, {ORIG: A, EXACT: A}, f"# Seeds\n\n- {ORIG}\n- {listed}\n")
    assert_exit(cli("dedup", root, "--apply"), 0)
    with (root / "INDEX.md").open("a", encoding="utf-8") as handle:
        handle.write(f"- {EXACT} written back by a person\n")
    r = cli("restore", EXACT, "--seeds", root)
    assert_exit(r, 0)
    out = " ".join(r.stdout.split())
    assert f"{said} seeds/{MANIFEST}" in out, out
