"""`dedup --apply` drops a moved file's listings from INDEX.md, but never rewrites a person's prose
or a later cell of a table row that names it: `check` then reports those missing-file, so
`dedup --apply` names them at once (`still_named`), with the line to edit or the restore."""

from __future__ import annotations

import json

import pytest

from helpers import doc_name, make_seeds
from multilingual import CLEAN

pytestmark = pytest.mark.usefixtures("isolated_env")

A, B, C = doc_name(1, "still"), doc_name(2, "still"), doc_name(3, "still")


def _apply(cli, root) -> dict:
    r = cli("dedup", root, "--apply", "--format", "json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


@pytest.mark.parametrize(
    "index, line",
    [
        (f"# S\n\nنسخهٔ دوم: [رونوشت]({B}).\n\n- {A}\n- {B}\n- {C}\n", 3),  # a link in Persian prose
        # a later cell of a hand table row: a mention while B's own row stood
        (f"# S\n\n| File | See also |\n| --- | --- |\n| {A} | |\n| {B} | |\n| {C} | {B} |\n", 6),  # after B's row left
    ],
)
def test_a_reference_left_to_a_moved_file_is_named(cli, tmp_path, index, line):
    root = make_seeds(tmp_path, {A: CLEAN["fa"], B: CLEAN["fa"], C: CLEAN["zh"]}, index)
    data = _apply(cli, root)
    assert [m["file"] for m in data["moved"]] == [B]
    assert data["still_named"] == [{"file": B, "line": line}]
    # ... as check sees it
    r = json.loads(cli("check", root, "--format", "json").stdout)
    assert [(p["file"], p["line"]) for p in r["problems"] if p["code"] == "missing-file"] == [(B, line)]
    # and the text output says which line to edit, or how to put the file back
    cli("restore", str(root / ".seedkeeper" / "quarantine" / B))
    out = cli("dedup", root, "--apply").output
    assert f"INDEX.md line {line} still names {B}" in out and f"seedkeeper restore {B}" in out


def test_nothing_is_named_when_only_listings_named_the_file(cli, tmp_path):
    root = make_seeds(tmp_path, {A: CLEAN["ar"], B: CLEAN["ar"], C: CLEAN["zh"]}, f"# S\n\n- {A}\n- {B}\n- {C}\n")
    data = _apply(cli, root)
    assert [m["file"] for m in data["moved"]] == [B]
    assert "still_named" not in data
    assert "still names" not in cli("dedup", root, "--apply").output


SEE_ALSO = f"# S\n\n| File | See also |\n| --- | --- |\n| {A} | |\n| {B} | |\n| {C} | {B} |\n"


def test_index_after_dedup_reads_the_later_cell_as_the_mention_it_was(cli, tmp_path):
    # index split the row: C's words went to its Notes and a row `|  | B |` stayed as a listing
    # of the missing B; a restore then found B listed there, first, and dedup kept B over A.
    root = make_seeds(tmp_path, {A: CLEAN["fa"], B: CLEAN["fa"], C: CLEAN["zh"]}, SEE_ALSO)
    assert [m["file"] for m in _apply(cli, root)["moved"]] == [B]
    assert cli("index", root).exit_code == 0
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    assert f"| {B} |" not in text and f"See also: {B.replace('.txt', '&#46;txt')}" in text
    assert cli("check", root).exit_code == 0
    assert cli("restore", str(root / ".seedkeeper" / "quarantine" / B)).exit_code == 0
    r = json.loads(cli("dedup", root, "--format", "json").stdout)
    assert [(c["keep"], [d["file"] for d in c["duplicates"]]) for c in r["clusters"]] == [(A, [B])]
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    assert text.index(f"[{A}]") < text.index(f"[{B}]") < text.index(f"[{C}]")  # back between its neighbours


def test_a_later_cell_naming_a_file_deleted_by_hand_stays_a_listing(cli, tmp_path):
    # Not moved out by dedup: a person deleted B, and the cell that lists it keeps saying so.
    root = make_seeds(
        tmp_path,
        {A: CLEAN["fa"], C: CLEAN["zh"]},
        f"# S\n\n| Original | Translation |\n| --- | --- |\n| {C} | {B} |\n- {A}\n",
    )
    assert cli("index", root).exit_code == 0
    r = json.loads(cli("check", root, "--format", "json").stdout)
    assert [p["file"] for p in r["problems"] if p["code"] == "missing-file"] == [B]


BC, BD = "b\u00e9.txt", "be\u0301.txt"  # one name, typed composed in INDEX.md, written decomposed by macOS


def test_index_reads_a_later_cell_typed_composed_as_a_mention(cli, tmp_path):
    index = f"# S\n\n| File | See also |\n| --- | --- |\n| {A} | |\n| {BC} | |\n| {C} | {BC} |\n"
    root = make_seeds(tmp_path, {A: CLEAN["fa"], BD: CLEAN["fa"], C: CLEAN["zh"]}, index)
    assert [m["file"] for m in _apply(cli, root)["moved"]] == [BD]
    assert cli("index", root).exit_code == 0
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    assert f"| {BC} |" not in text and "See also: " in text, text
    assert cli("check", root).exit_code == 0


def test_missing_file_typed_composed_says_where_dedup_moved_it(cli, tmp_path):
    root = make_seeds(tmp_path, {A: CLEAN["ar"], BD: CLEAN["ar"]}, f"# S\n\nSee [the copy]({BC}).\n\n- {A}\n- {BC}\n")
    assert [m["file"] for m in _apply(cli, root)["moved"]] == [BD]
    r = json.loads(cli("check", root, "--format", "json").stdout)
    [p] = [p for p in r["problems"] if p["code"] == "missing-file"]
    assert "moved to the quarantine by `dedup --apply`" in p["message"], p


def test_missing_file_moved_under_a_suffixed_name_says_where_dedup_moved_it(cli, tmp_path):
    # An earlier copy held the quarantine name, so B went to B~1; the earlier copy is gone since.
    root = make_seeds(tmp_path, {A: CLEAN["ar"], B: CLEAN["ar"]}, f"# S\n\nSee [the copy]({B}).\n\n- {A}\n- {B}\n")
    (root / ".seedkeeper" / "quarantine").mkdir(parents=True)
    (root / ".seedkeeper" / "quarantine" / B).write_text("an earlier copy", encoding="utf-8")
    [moved] = _apply(cli, root)["moved"]
    assert moved["file"] == B and "~1" in moved["quarantined"]
    (root / ".seedkeeper" / "quarantine" / B).unlink()
    r = json.loads(cli("check", root, "--format", "json").stdout)
    [p] = [p for p in r["problems"] if p["code"] == "missing-file"]
    assert f"`seedkeeper restore {B}` puts it back" in p["message"], p


@pytest.mark.parametrize("field, value", [("file", 5), ("quarantined", None), ("restored_at", 1), ("similarity", "1")])
def test_a_manifest_line_of_the_wrong_types_is_malformed_not_an_internal_error(cli, tmp_path, field, value):
    # A hand-edited manifest whose fields are JSON but not of their types: `check` still reports
    # the listed file missing (the quarantine is a hint), `restore` says the line is malformed.
    root = make_seeds(tmp_path, {A: CLEAN["ar"], B: CLEAN["ar"]})
    [moved] = _apply(cli, root)["moved"]
    (root / "INDEX.md").write_text(f"# S\n\n- {A}\n- {B}\n", encoding="utf-8")
    manifest = root / ".seedkeeper" / "quarantine.jsonl"
    [entry] = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]
    manifest.write_text(json.dumps({**entry, field: value}) + "\n", encoding="utf-8")
    r = cli("check", root, "--format", "json")
    assert "internal error" not in r.output, r.output
    [p] = [p for p in json.loads(r.stdout)["problems"] if p["code"] == "missing-file"]
    assert p["file"] == moved["file"], p
    r = cli("restore", moved["file"], "--seeds", root)
    assert r.exit_code == 2 and "malformed" in r.output, r.output


def test_the_manifest_is_read_once_for_every_missing_file_of_a_check(tmp_path, monkeypatch):
    # `check` asks for each listed file that is missing: reading the manifest each time made
    # 3,000 missing files beside 3,000 recorded moves take 37 s. A new manifest is read again.
    from seedkeeper.corpus import quarantine_paths
    from seedkeeper.corpus.quarantine_manifest import QuarantineEntry, write_manifest

    root = make_seeds(tmp_path, {A: CLEAN["ar"]})
    (root / ".seedkeeper" / "quarantine").mkdir(parents=True)
    (root / ".seedkeeper" / "quarantine" / "b~1.txt").write_text("a copy", encoding="utf-8")
    moved = QuarantineEntry("b.txt", ".seedkeeper/quarantine/b~1.txt", "exact", 1.0, A, "0", "t")
    write_manifest(root, [moved])
    reads = []
    real = quarantine_paths.read_manifest
    monkeypatch.setattr(quarantine_paths, "read_manifest", lambda seeds: reads.append(seeds) or real(seeds))
    assert [quarantine_paths.in_quarantine(root, f"m{i}.txt") for i in range(50)] == [False] * 50
    assert quarantine_paths.in_quarantine(root, "b.txt") and len(reads) == 1
    write_manifest(root, [moved, QuarantineEntry("c.txt", ".seedkeeper/quarantine/b~1.txt", "exact", 1.0, A, "0", "t")])
    assert quarantine_paths.in_quarantine(root, "c.txt") and len(reads) == 2
