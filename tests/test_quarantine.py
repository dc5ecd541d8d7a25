"""Moving duplicates out restorably, and restoring them: nothing is ever deleted."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dedup_fixtures import doc
from helpers import dedup_texts
from seedkeeper.corpus.quarantine import MANIFEST, QUARANTINE_DIR, apply_moves, list_quarantined, restore
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
