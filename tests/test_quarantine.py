"""Moving duplicates out restorably, and restoring them: nothing is ever deleted. `seedkeeper restore`
refuses, without changing anything, a tampered manifest or quarantine that would move a file from
outside the quarantine (or outside the seeds folder), and an INDEX.md that is a symlink out."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dedup_fixtures import doc
from helpers import dedup_texts, doc_name, make_seeds, snapshot
from seedkeeper.corpus.quarantine import QUARANTINE_DIR, apply_moves, list_quarantined, restore
from seedkeeper.corpus.quarantine_manifest import MANIFEST
from seedkeeper.errors import UnsafePathError, UsageError

NOW = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)


def remove_lines(text: str, files: list[str]) -> str:
    """A stand-in for the real INDEX.md rewriter: drop "- file" lines."""
    return "".join(line for line in text.splitlines(keepends=True) if line.strip()[2:] not in files)


def make_corpus(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    seeds = tmp_path / "seeds"
    a = doc("fa", [0, 1, 2, 3])
    files = {
        "000_a.txt": a.encode(),
        "001_b.txt": doc("en", [0, 1, 2]).encode(),
        "sub/002_a_copy.txt": a.encode(),
        "003_a_crlf.txt": a.replace("\n", "\r\n").encode(),
        "004_b_near.txt": doc("en", [0, 1, 2]).replace("narrow", "rocky").encode(),
    }
    for name, data in files.items():
        (seeds / name).parent.mkdir(parents=True, exist_ok=True)
        (seeds / name).write_bytes(data)
    (seeds / "INDEX.md").write_text("# Seeds\n\n" + "".join(f"- {f}\n" for f in files), encoding="utf-8")
    return seeds, files


def all_bytes(seeds: Path) -> list[bytes]:
    """Every document's bytes anywhere under the folder (manifest and INDEX aside)."""
    return sorted(p.read_bytes() for p in seeds.rglob("*.txt") if p.is_file())


def test_apply_moves_and_restore(tmp_path):
    seeds, files = make_corpus(tmp_path)
    before = all_bytes(seeds)
    result = dedup_texts(list(files.items()))
    assert result.duplicate_files == ["003_a_crlf.txt", "004_b_near.txt", "sub/002_a_copy.txt"]

    moved = apply_moves(seeds, result, remove_lines, now=NOW)
    assert [m.file for m in moved] == result.duplicate_files
    for m in moved:
        assert not (seeds / m.file).exists()
        assert m.quarantined == f"{QUARANTINE_DIR}/{m.file}"
        assert (seeds / m.quarantined).read_bytes() == files[m.file]  # same bytes, new place
        assert m.moved_at == "2024-05-01T12:00:00Z"
    assert all_bytes(seeds) == before  # nothing lost
    index = (seeds / "INDEX.md").read_text()
    assert "- 000_a.txt" in index and "- 001_b.txt" in index
    assert "crlf" not in index and "near" not in index and "copy" not in index

    lines = (seeds / MANIFEST).read_text(encoding="utf-8").splitlines()
    recs = [json.loads(x) for x in lines]
    near = next(r for r in recs if r["file"] == "004_b_near.txt")
    assert near["kind"] == "near" and near["of"] == "001_b.txt" and 0.8 <= near["similarity"] < 1
    assert near["sha256"] and near["restored_at"] is None
    assert [e.file for e in list_quarantined(seeds)] == result.duplicate_files

    r = restore(seeds, "sub/002_a_copy.txt", now=NOW)
    assert r.intact and r.file == "sub/002_a_copy.txt"
    assert (seeds / "sub/002_a_copy.txt").read_bytes() == files["sub/002_a_copy.txt"]
    assert (seeds / "INDEX.md").read_text().endswith("- sub/002_a_copy.txt\n")
    assert [e.file for e in list_quarantined(seeds)] == ["003_a_crlf.txt", "004_b_near.txt"]
    assert len(list_quarantined(seeds, include_restored=True)) == 3
    assert all_bytes(seeds) == before


def test_restore_with_callable_and_by_quarantine_path(tmp_path):
    seeds, files = make_corpus(tmp_path)
    moved = apply_moves(seeds, dedup_texts(list(files.items())), remove_lines, now=NOW)
    calls = []

    def add(text: str, file: str) -> str:
        calls.append(file)
        return text + f"- {file}  <!-- restored -->\n"

    target = next(m for m in moved if m.file == "003_a_crlf.txt")
    restore(seeds, target.quarantined, add_to_index=add)
    assert calls == ["003_a_crlf.txt"]
    assert "restored" in (seeds / "INDEX.md").read_text()


def test_restore_refuses_to_overwrite(tmp_path):
    seeds, files = make_corpus(tmp_path)
    apply_moves(seeds, dedup_texts(list(files.items())), remove_lines)
    (seeds / "003_a_crlf.txt").write_bytes(b"someone else's new file")
    index_before = (seeds / "INDEX.md").read_bytes()
    with pytest.raises(UsageError):
        restore(seeds, "003_a_crlf.txt")
    assert (seeds / "003_a_crlf.txt").read_bytes() == b"someone else's new file"
    assert (seeds / QUARANTINE_DIR / "003_a_crlf.txt").read_bytes() == files["003_a_crlf.txt"]
    assert (seeds / "INDEX.md").read_bytes() == index_before
    with pytest.raises(UsageError):
        restore(seeds, "000_a.txt")  # never quarantined


def test_second_quarantine_of_same_name_gets_suffix(tmp_path):
    seeds, files = make_corpus(tmp_path)
    result = dedup_texts(list(files.items()))
    apply_moves(seeds, result, remove_lines)
    # The same name turns up again (re-added) and is quarantined again: both copies kept.
    (seeds / "003_a_crlf.txt").write_bytes(b"second " + files["003_a_crlf.txt"])
    again = dedup_texts([("000_a.txt", files["000_a.txt"]), ("003_a_crlf.txt", files["003_a_crlf.txt"])])
    moved = apply_moves(seeds, again, remove_lines)
    assert moved[0].quarantined == f"{QUARANTINE_DIR}/003_a_crlf~1.txt"
    assert (seeds / QUARANTINE_DIR / "003_a_crlf.txt").read_bytes() == files["003_a_crlf.txt"]
    assert (seeds / moved[0].quarantined).read_bytes().startswith(b"second ")
    # Restoring takes the latest move back.
    r = restore(seeds, "003_a_crlf.txt")
    assert r.quarantined.endswith("~1.txt") and r.intact
    assert (seeds / "003_a_crlf.txt").read_bytes().startswith(b"second ")


def test_restore_reports_bytes_changed_in_quarantine(tmp_path):
    seeds, files = make_corpus(tmp_path)
    moved = apply_moves(seeds, dedup_texts(list(files.items())), remove_lines)
    (seeds / moved[0].quarantined).write_bytes(b"edited while quarantined")
    r = restore(seeds, moved[0].file)
    assert not r.intact
    assert (seeds / moved[0].file).read_bytes() == b"edited while quarantined"


def test_nothing_moves_when_a_check_fails(tmp_path):
    seeds, files = make_corpus(tmp_path)
    result = dedup_texts(list(files.items()))
    (seeds / "004_b_near.txt").unlink()  # gone before apply: refuse before moving anything
    with pytest.raises(UsageError):
        apply_moves(seeds, result, remove_lines)
    assert (seeds / "003_a_crlf.txt").exists() and not (seeds / MANIFEST).exists()

    def failing(text: str, files: list[str]) -> str:
        raise RuntimeError("index rewriter failed")

    (seeds / "004_b_near.txt").write_bytes(files["004_b_near.txt"])
    with pytest.raises(RuntimeError):
        apply_moves(seeds, result, failing)
    assert (seeds / "003_a_crlf.txt").exists() and not (seeds / QUARANTINE_DIR).exists()


def test_unsafe_paths_refused(tmp_path):
    seeds, files = make_corpus(tmp_path)
    (tmp_path / "outside.txt").write_bytes(files["000_a.txt"])
    result = dedup_texts([("000_a.txt", files["000_a.txt"]), ("../outside.txt", files["000_a.txt"])])
    with pytest.raises(UnsafePathError):
        apply_moves(seeds, result, remove_lines)
    assert (tmp_path / "outside.txt").exists()


def test_no_duplicates_touches_nothing(tmp_path):
    seeds, files = make_corpus(tmp_path)
    index = (seeds / "INDEX.md").read_bytes()
    assert apply_moves(seeds, dedup_texts([("000_a.txt", files["000_a.txt"])]), remove_lines) == []
    assert (seeds / "INDEX.md").read_bytes() == index
    assert list_quarantined(seeds) == []
    assert not (seeds / ".seedkeeper").exists()
    assert sorted(os.listdir(seeds)) == sorted(
        ["INDEX.md", "000_a.txt", "001_b.txt", "sub", "003_a_crlf.txt", "004_b_near.txt"]
    )


# ---------------------------------------------------------------- `seedkeeper restore` refusals

DOC, OTHER_DOC, COPY = doc_name(1), doc_name(2), doc_name(3)
EN_TEXT = doc("en", [0, 1, 2, 3])
SECRET = "TOP-SECRET-OUTSIDE-7f3a9c"


@pytest.fixture
def quarantined(isolated_env, cli, tmp_path) -> Path:
    """A seeds folder after `dedup --apply` moved COPY (a byte copy of DOC) into the quarantine."""
    root = make_seeds(tmp_path, {DOC: EN_TEXT, OTHER_DOC: doc("fa", [0, 1, 2, 3]), COPY: EN_TEXT})
    r = cli("dedup", root, "--apply", "--no-cache", "--jobs", "1")
    assert r.exit_code == 0, (r.stdout, r.stderr)
    assert not (root / COPY).exists() and (root / QUARANTINE_DIR / COPY).is_file()
    return root


def test_cli_restore_refuses_an_index_symlinked_outside(cli, tmp_path, quarantined):
    root = quarantined
    outside = tmp_path / "private.md"
    outside_bytes = f"{SECRET}\n- {DOC}\n".encode()
    outside.write_bytes(outside_bytes)
    (root / "INDEX.md").unlink()
    os.symlink(outside, root / "INDEX.md")
    before = snapshot(root)
    r = cli("restore", COPY, "--seeds", root)
    assert r.exit_code == 1, (r.stdout, r.stderr)
    assert "INDEX.md" in r.stderr and SECRET not in r.stdout + r.stderr
    assert snapshot(root) == before  # still quarantined, manifest untouched
    assert outside.read_bytes() == outside_bytes and os.path.islink(root / "INDEX.md")


@pytest.mark.parametrize("variant", ["absolute", "dotdot", "quarantine-dotdot", "quarantine-dotdot-out", "symlink"])
def test_cli_restore_refuses_a_manifest_pointing_outside_the_quarantine(cli, tmp_path, quarantined, variant):
    root = quarantined
    outside = tmp_path / "outside.txt"
    victim_bytes = b"a file that is not the seeds' to take\n" * 3
    outside.write_bytes(victim_bytes)
    inside_x = root / "x"
    if variant == "absolute":
        target, victim = str(outside), outside
    elif variant == "dotdot":
        target, victim = "../outside.txt", outside
    elif variant == "quarantine-dotdot":
        # Resolves to DIR/x: inside the folder, but not in the quarantine.
        inside_x.write_bytes(victim_bytes)
        target, victim = f"{QUARANTINE_DIR}/../../x", inside_x
    elif variant == "quarantine-dotdot-out":
        target, victim = f"{QUARANTINE_DIR}/../../../outside.txt", outside
    else:
        # The manifest is untouched, but the quarantined copy was replaced by a symlink out.
        (root / QUARANTINE_DIR / COPY).unlink()
        os.symlink(outside, root / QUARANTINE_DIR / COPY)
        target, victim = None, outside

    manifest = root / MANIFEST
    recs = [json.loads(x) for x in manifest.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert [rec["file"] for rec in recs] == [COPY]
    if target is not None:
        recs[0]["quarantined"] = target
        manifest.write_text("".join(json.dumps(rec) + "\n" for rec in recs), encoding="utf-8")
    before = snapshot(root)

    r = cli("restore", COPY, "--seeds", root)
    assert r.exit_code == 2, (variant, r.stdout, r.stderr)
    assert r.stderr.strip()
    assert victim.read_bytes() == victim_bytes  # still there, unchanged
    assert not os.path.lexists(root / COPY)
    assert snapshot(root) == before  # nothing appeared, nothing changed (manifest included)


def test_cli_restore_refuses_a_target_through_a_symlinked_subfolder(cli, tmp_path, quarantined):
    root = quarantined
    outdir = tmp_path / "outdir"
    outdir.mkdir()
    os.symlink(outdir, root / "link")
    manifest = root / MANIFEST
    rec = json.loads(manifest.read_text(encoding="utf-8"))
    rec["file"] = f"link/{COPY}"
    manifest.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    before = snapshot(root)
    r = cli("restore", f"link/{COPY}", "--seeds", root)
    assert list(outdir.iterdir()) == []  # nothing written outside the seeds folder
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert snapshot(root) == before


def test_cli_restore_refuses_a_quarantine_folder_symlinked_outside(cli, tmp_path, quarantined):
    root = quarantined
    outdir = tmp_path / "qout"
    os.rename(root / QUARANTINE_DIR, outdir)
    victim_bytes = b"outside data that is not the folder's to take\n" * 2
    (outdir / COPY).write_bytes(victim_bytes)
    os.symlink(outdir, root / QUARANTINE_DIR)
    before = snapshot(root)
    r = cli("restore", COPY, "--seeds", root)
    assert (outdir / COPY).is_file(), "the outside file was moved into the seeds folder"
    assert (outdir / COPY).read_bytes() == victim_bytes  # the outside file stays where it was
    assert not (root / COPY).exists()
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert snapshot(root) == before


def test_restore_into_a_hand_written_table_puts_the_notes_back(cli, tmp_path):
    # The table branch ignored what the manifest kept: the row came back empty.
    from helpers import doc_name, make_seeds
    from multilingual import CLEAN

    a, b = doc_name(1), doc_name(2)
    index_md = f"# S\n\n| File | Notes |\n| --- | --- |\n| {a} | first |\n| {b} | my precious note (lang: fr) |\n"
    root = make_seeds(tmp_path, {a: CLEAN["fr"], b: CLEAN["fr"]}, index=index_md)
    assert cli("dedup", root, "--apply").exit_code == 0
    assert b not in (root / "INDEX.md").read_text(encoding="utf-8")
    assert cli("restore", b, "--seeds", root).exit_code == 0
    row = next(ln for ln in (root / "INDEX.md").read_text(encoding="utf-8").splitlines() if b in ln)
    assert "my precious note" in row and "lang: fr" in row, row


@pytest.mark.parametrize(
    "header",
    [
        "| File |\n| --- |",
        "| Title | File |\n| --- | --- |",
        "| File | Comments |\n| --- | --- |",
        "| File | Notes |\n| --- | --- |",
        "| Notes | File |\n| --- | --- |",
        None,  # a hand-written list
    ],
)
def test_restore_keeps_the_file_listed_and_its_pinned_language(cli, tmp_path, header):
    # The note went beside a bare name (no reference), or a lang: where the reader never looks, or
    # after a note holding another lang: (which then pinned), or a note with a link before the
    # file's cell (the link became the row's reference).
    from helpers import doc_name, make_seeds
    from multilingual import CLEAN

    a, b, c = doc_name(1), doc_name(2), doc_name(3)
    listed = f"- {a}\n- {b} — same poem as [the first]({a}); quoting (lang: it), lang: fr\n"
    if header is None:
        listed += f"- {c}\n"
    else:
        cols = header.count("---")
        at = [h.strip() for h in header.splitlines()[0].strip("|").split("|")].index("File")
        cells = [""] * cols
        cells[at] = c
        listed += f"\n{header}\n| " + " | ".join(cells) + " |\n"
    root = make_seeds(tmp_path, {a: CLEAN["fr"], b: CLEAN["fr"], c: CLEAN["en"]}, index=f"# S\n\n{listed}")
    pinned_before = {
        d["file"]: d.get("pinned") for d in json.loads(cli("tag", root, "--format", "json").stdout)["documents"]
    }
    assert pinned_before[b] == "it"  # the first lang: of the note pins
    assert cli("dedup", root, "--apply").exit_code == 0
    assert cli("restore", b, "--seeds", root).exit_code == 0
    r = cli("validate", root, "--format", "json")
    assert not [p for p in json.loads(r.stdout)["problems"] if p["code"] in ("unlisted-file", "missing-file")], r.stdout
    docs = {d["file"]: d for d in json.loads(cli("tag", root, "--format", "json").stdout)["documents"]}
    assert docs[b].get("pinned") == "it", (root / "INDEX.md").read_text(encoding="utf-8")
    assert "same poem" in (root / "INDEX.md").read_text(encoding="utf-8")
