"""The store of ready-to-load model copies: named by what built them, never relative, never required."""

from __future__ import annotations

import os
import stat

from seedkeeper import model_store


def _write_table(folder):
    with open(os.path.join(folder, "data.txt"), "w", encoding="utf-8") as fh:
        fh.write("table")


def _read_table(folder):
    with open(os.path.join(folder, "data.txt"), encoding="utf-8") as fh:
        return fh.read()


def test_a_copy_is_named_by_everything_its_builder_reads():
    a = model_store.copy_name("unit-pattern-ucd15", ((0x0E00, 0x0E7F),), "1")
    assert a.startswith("unit-pattern-ucd15-") and a == model_store.copy_name(
        "unit-pattern-ucd15", ((0x0E00, 0x0E7F),), "1"
    )
    assert a != model_store.copy_name("unit-pattern-ucd15", ((0x0E00, 0x0E7E),), "1")  # a changed table
    assert a != model_store.copy_name("unit-pattern-ucd15", ((0x0E00, 0x0E7F),), "2")  # a new layout


def test_no_absolute_cache_folder_means_no_copy_and_nothing_written_here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # the XDG spec says: ignore it
    monkeypatch.setenv("HOME", "")
    monkeypatch.setattr(os.path, "expanduser", lambda p: p)  # as when HOME is unset and no passwd entry
    built = []
    value = model_store.load("x-1", lambda tmp: built.append(tmp), lambda folder: "copy", lambda: "package")
    assert value == "package" and built == [] and os.listdir(tmp_path) == []


def test_a_copy_is_built_once_readable_by_others_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = []

    def build(folder):
        built.append(folder)
        _write_table(folder)

    read = _read_table
    assert model_store.load("t-1", build, read, lambda: "package") == "table"
    assert model_store.load("t-1", build, read, lambda: "package") == "table"
    folder = tmp_path / "seedkeeper" / "t-1"
    assert len(built) == 1 and (folder / "complete").is_file()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755  # not mkdtemp's private 0700
    # A reader that finds the copy damaged (None) or fails in any way: built once more, and when
    # that copy fails too, the package's data.
    assert model_store.load("t-1", build, lambda folder: None, lambda: "package") == "package"
    assert len(built) == 2

    def overflowing(folder):
        raise OverflowError("a flag re.compile cannot take")

    assert model_store.load("t-1", build, overflowing, lambda: "package") == "package"


def test_abandoned_builds_and_moved_aside_copies_are_swept_after_an_hour(tmp_path):
    old_tmp, aside, fresh, kept = (
        tmp_path / "tmpab12.tmp",
        tmp_path / "x-1.old4242",
        tmp_path / "tmpnew.tmp",
        tmp_path / "x-1",
    )
    legacy, current = tmp_path / "py3langid-0.4.0-model-2", tmp_path / "py3langid-0.4.0-model-2-little"
    for path in (old_tmp, aside, fresh, kept, legacy, current):
        path.mkdir()
    for path in (old_tmp, aside):
        os.utime(path, (0, 0))
    model_store.sweep(str(tmp_path))
    assert not old_tmp.exists() and not aside.exists() and fresh.exists() and kept.exists()
    assert not legacy.exists() and current.exists()  # an older layout of py3langid's copy goes


def test_a_copy_whose_files_changed_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    build, read = _write_table, _read_table
    assert model_store.load("t-2", build, read, lambda: "package") == "table"
    data = tmp_path / "seedkeeper" / "t-2" / "data.txt"
    data.write_text("tabxe", encoding="utf-8")  # same size, other bytes: the checksum differs
    model_store._verified.clear()  # a new process: each checks a copy once
    assert model_store.load("t-2", build, read, lambda: "package") == "table"
    assert data.read_text(encoding="utf-8") == "table"  # a new copy in its place
    (tmp_path / "seedkeeper" / "t-2" / "complete").write_text("", encoding="utf-8")  # no record
    data.write_text("older", encoding="utf-8")
    model_store._verified.clear()
    assert model_store.load("t-2", build, read, lambda: "package") == "table"  # built again
    assert not list((tmp_path / "seedkeeper").glob("t-2.old*"))  # the damaged copy is gone


def test_a_copy_is_checked_once_per_process(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    model_store.load("t-3", _write_table, _read_table, lambda: "package")  # built
    model_store._verified.clear()  # a new process
    checks = []
    real = model_store._manifest
    monkeypatch.setattr(model_store, "_manifest", lambda folder: checks.append(folder) or real(folder))
    for _ in range(3):  # say, three of langdetect's groups read from one copy
        assert model_store.load("t-3", _write_table, _read_table, lambda: "package") == "table"
    assert len(checks) == 1
