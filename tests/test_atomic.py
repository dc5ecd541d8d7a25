"""`seedkeeper.corpus.atomic`: whole-file replacement, the folder lock, and cleaning up after a
killed writer. Plain calls on files in tmp_path."""

from __future__ import annotations

import os
import stat
import threading
import time

import pytest

from seedkeeper.corpus import atomic
from seedkeeper.corpus.atomic import clean_stale_temps, folder_lock, write_atomic
from seedkeeper.errors import IndexWriteError


def entries(folder) -> list[str]:
    return sorted(os.listdir(folder))


# ---------------------------------------------------------------- write_atomic


def test_write_replaces_the_content_and_leaves_no_temp_file(tmp_path):
    target = tmp_path / "INDEX.md"
    target.write_bytes(b"old content\n" * 100)
    new = "# Seeds\n\n- متن.txt\n".encode()
    write_atomic(target, new)
    assert target.read_bytes() == new
    assert entries(tmp_path) == ["INDEX.md"]


def test_write_creates_a_missing_file_readable_by_others(tmp_path):
    target = tmp_path / "new.jsonl"
    old_umask = os.umask(0o077)
    try:
        write_atomic(target, b"{}\n")
    finally:
        os.umask(old_umask)
    assert target.read_bytes() == b"{}\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # not the 0600 of a temp file
    assert entries(tmp_path) == ["new.jsonl"]


def test_write_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "INDEX.md"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    write_atomic(target, b"newer", mode=0o600)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_bytes() == b"newer"


def test_a_failing_write_keeps_the_old_file_and_removes_its_temp(tmp_path):
    target = tmp_path / "INDEX.md"
    target.write_bytes(b"the old bytes\n")
    with pytest.raises(TypeError):
        write_atomic(target, "not bytes")  # fails inside the write, after the temp file exists
    assert target.read_bytes() == b"the old bytes\n"
    assert entries(tmp_path) == ["INDEX.md"]


def test_a_failing_rename_keeps_the_old_file_and_removes_its_temp(tmp_path, monkeypatch):
    target = tmp_path / "INDEX.md"
    target.write_bytes(b"the old bytes\n")
    seen = []

    def failing_replace(src, dst):
        seen.append(os.path.basename(src))
        assert os.path.exists(src)  # the new bytes were written in full, next to the target
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", failing_replace)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, b"new bytes\n")
    assert target.read_bytes() == b"the old bytes\n"
    assert entries(tmp_path) == ["INDEX.md"]
    assert len(seen) == 1 and seen[0].startswith(".INDEX.md.") and seen[0].endswith(".tmp")


def test_a_reader_sees_old_or_new_bytes_never_a_mix(tmp_path):
    target = tmp_path / "INDEX.md"
    versions = [bytes([65 + i]) * 100_000 for i in range(6)]
    target.write_bytes(versions[0])
    stop = threading.Event()
    seen: set[bytes] = set()

    def reader():
        while not stop.is_set():
            seen.add(target.read_bytes())

    t = threading.Thread(target=reader)
    t.start()
    try:
        for v in versions[1:] * 3:
            write_atomic(target, v)
    finally:
        stop.set()
        t.join()
    assert seen <= set(versions)


# ---------------------------------------------------------------- folder_lock


def test_folder_lock_serialises_holders(tmp_path):
    order: list[str] = []
    held = threading.Event()

    def first():
        with folder_lock(tmp_path):
            order.append("first in")
            held.set()
            time.sleep(0.3)
            order.append("first out")

    t = threading.Thread(target=first)
    t.start()
    assert held.wait(5)
    t0 = time.monotonic()
    with folder_lock(tmp_path, timeout=5):
        order.append("second in")
        waited = time.monotonic() - t0
    t.join()
    assert order == ["first in", "first out", "second in"]
    assert waited > 0.1
    assert entries(tmp_path) == []  # the lock is on the folder itself: no lock file


def test_folder_lock_times_out_while_held_and_is_free_after(tmp_path):
    with folder_lock(tmp_path):
        t0 = time.monotonic()
        with pytest.raises(IndexWriteError, match="lock"):
            with folder_lock(tmp_path, timeout=0.2):
                pass  # pragma: no cover - must not be reached
        assert 0.15 < time.monotonic() - t0 < 3
    with folder_lock(tmp_path, timeout=0.2):  # released on exit
        pass


def test_folder_lock_is_released_when_the_block_raises(tmp_path):
    with pytest.raises(RuntimeError):
        with folder_lock(tmp_path):
            raise RuntimeError("boom")
    with folder_lock(tmp_path, timeout=0.2):
        pass


# ---------------------------------------------------------------- clean_stale_temps


def test_clean_stale_temps_removes_only_this_files_temps(tmp_path):
    target = tmp_path / "INDEX.md"
    target.write_bytes(b"keep")
    ours = [tmp_path / ".INDEX.md.abc123.tmp", tmp_path / ".INDEX.md.x_y.tmp"]
    others = [
        tmp_path / ".other.md.abc.tmp",  # another file's temp
        tmp_path / "INDEX.md.abc.tmp",  # not hidden: not ours
        tmp_path / ".INDEX.md.abc.bak",  # not a .tmp
        tmp_path / "001_0123456789abcdef.txt",
    ]
    for p in ours + others:
        p.write_bytes(b"x")
    removed = clean_stale_temps(target)
    assert sorted(removed) == sorted(ours)
    assert entries(tmp_path) == sorted(p.name for p in [target, *others])


def test_clean_stale_temps_spares_recent_temps_when_asked(tmp_path):
    target = tmp_path / "INDEX.md"
    old, fresh = tmp_path / ".INDEX.md.old.tmp", tmp_path / ".INDEX.md.new.tmp"
    old.write_bytes(b"x")
    fresh.write_bytes(b"x")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    assert clean_stale_temps(target, older_than=600) == [old]
    assert fresh.exists() and not old.exists()


def test_clean_stale_temps_of_a_real_interrupted_write(tmp_path, monkeypatch):
    """A temp file left by a write that died before its rename is found and removed."""
    target = tmp_path / "INDEX.md"
    target.write_bytes(b"old")
    monkeypatch.setattr(atomic.os, "unlink", lambda p: None)  # as if killed: no cleanup
    monkeypatch.setattr(atomic.os, "replace", lambda s, d: (_ for _ in ()).throw(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new")
    monkeypatch.undo()
    (left,) = [n for n in entries(tmp_path) if n != "INDEX.md"]
    assert (tmp_path / left).read_bytes() == b"new"
    assert [p.name for p in clean_stale_temps(target)] == [left]
    assert entries(tmp_path) == ["INDEX.md"] and target.read_bytes() == b"old"
