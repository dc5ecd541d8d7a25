"""INDEX.md on disk: atomic, lock-protected, compare-and-swap rewrites."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from pathlib import Path

import pytest

from seedkeeper.errors import IndexWriteError
from seedkeeper.indexmd.files import IndexChangedError, read_index_bytes, unified_diff, update_index
from seedkeeper.indexmd.writer import IndexRow, render_index

FORK = multiprocessing.get_context("fork")


def rows(n: int) -> list[IndexRow]:
    return [
        IndexRow(f"{i:03d}_{i:016x}.txt", "fa", 1000 + i, 170 + i, f"{i:012x}", "ok", f"عنوان سند {i} | title *{i}*")
        for i in range(n)
    ]


HAND = (
    "# Seeds\n\nIntro prose.\n\n"
    + "".join(f"- {i:03d}_{i:016x}.txt — note {i}\n" for i in range(30))
    + "\n## Sources\n\nMore prose.\n"
)


def temps(seeds: Path) -> list[Path]:
    return sorted(seeds.glob(".INDEX.md.*.tmp"))


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "INDEX.md").write_text(HAND, encoding="utf-8")
    return folder


def test_update_writes_then_second_run_writes_nothing(seeds):
    changed, text = update_index(seeds, lambda old: render_index(old, rows(30)))
    assert changed and (seeds / "INDEX.md").read_bytes() == text.encode()
    past = time.time_ns() - 10**10
    os.utime(seeds / "INDEX.md", ns=(past, past))
    inode = (seeds / "INDEX.md").stat().st_ino
    changed, again = update_index(seeds, lambda old: render_index(old, rows(30)))
    assert not changed and again == text
    st = (seeds / "INDEX.md").stat()
    assert st.st_mtime_ns == past and st.st_ino == inode  # not rewritten at all


def test_missing_index_is_created(tmp_path):
    changed, text = update_index(tmp_path, lambda old: render_index(old, rows(2)))
    assert changed and read_index_bytes(tmp_path) == text.encode() and text.startswith("# Index")


def test_failed_rename_leaves_index_and_no_temp(seeds, monkeypatch):
    def boom(*args, **kwargs):
        raise OSError("disk on fire")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="disk on fire"):
        update_index(seeds, lambda old: render_index(old, rows(30)))
    assert (seeds / "INDEX.md").read_text(encoding="utf-8") == HAND
    assert temps(seeds) == []


def test_stale_temps_of_killed_writers_are_removed_only_ours(seeds):
    (seeds / ".INDEX.md.abc123.tmp").write_text("half a write")
    (seeds / ".keep").write_text("not ours")
    (seeds / ".other.md.x.tmp").write_text("not ours either")
    update_index(seeds, lambda old: old)
    assert temps(seeds) == [] and (seeds / ".keep").exists() and (seeds / ".other.md.x.tmp").exists()


def test_refuses_non_utf8_and_symlink(seeds, tmp_path):
    (seeds / "INDEX.md").write_bytes(b"# caf\xe9\n")
    with pytest.raises(IndexWriteError, match="not UTF-8"):
        update_index(seeds, lambda old: "x\n")
    assert (seeds / "INDEX.md").read_bytes() == b"# caf\xe9\n"
    (seeds / "INDEX.md").unlink()
    (tmp_path / "elsewhere.md").write_text("outside\n")
    (seeds / "INDEX.md").symlink_to(tmp_path / "elsewhere.md")
    with pytest.raises(IndexWriteError, match="not a regular file"):
        update_index(seeds, lambda old: "x\n")
    assert (tmp_path / "elsewhere.md").read_text() == "outside\n"


def test_compare_and_swap_redoes_the_transform_on_a_concurrent_edit(seeds):
    calls = []

    def transform(old):
        calls.append(old)
        if len(calls) == 1:  # an editor (no lock) saves INDEX.md between our read and our write
            (seeds / "INDEX.md").write_text(old.replace("Intro prose.", "Intro, edited."), encoding="utf-8")
        return render_index(old, rows(30))

    changed, text = update_index(seeds, transform)
    assert changed and len(calls) == 2 and "Intro, edited." in calls[1]
    assert "Intro, edited." in (seeds / "INDEX.md").read_text(encoding="utf-8") == text


def test_compare_and_swap_gives_up(seeds):
    def transform(old):
        (seeds / "INDEX.md").write_text((old or "") + "x\n", encoding="utf-8")
        return "mine\n"

    with pytest.raises(IndexChangedError):
        update_index(seeds, transform, retries=3)
    assert (seeds / "INDEX.md").read_text(encoding="utf-8") != "mine\n"


def test_unified_diff():
    assert unified_diff("a\n", "a\n") == ""
    d = unified_diff("a\nb\n", "a\nc\n")
    assert d.startswith("--- a/INDEX.md\n+++ b/INDEX.md\n") and "-b\n+c\n" in d
    assert unified_diff(None, "x\n").startswith("--- /dev/null\n+++ b/INDEX.md\n")
    assert unified_diff("x", "y\n").endswith("-x\n\\ No newline at end of file\n+y\n")


def _render_many(seeds: str, n: int) -> None:
    for _ in range(n):
        update_index(Path(seeds), lambda old: render_index(old, rows(30)))


def _append_many(seeds: str, tag: str, n: int) -> None:
    for i in range(n):
        update_index(Path(seeds), lambda old, i=i: (old or "") + f"{tag}-{i}\n")


def test_racing_runs_end_like_one_run(seeds, tmp_path):
    single = tmp_path / "single"
    single.mkdir()
    (single / "INDEX.md").write_text(HAND, encoding="utf-8")
    update_index(single, lambda old: render_index(old, rows(30)))
    procs = [FORK.Process(target=_render_many, args=(str(seeds), 20)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(30)
        assert p.exitcode == 0
    assert (seeds / "INDEX.md").read_bytes() == (single / "INDEX.md").read_bytes()
    assert temps(seeds) == []


def test_racing_read_modify_writes_lose_no_update(seeds):
    procs = [FORK.Process(target=_append_many, args=(str(seeds), tag, 20)) for tag in ("p", "q")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(30)
        assert p.exitcode == 0
    lines = (seeds / "INDEX.md").read_text(encoding="utf-8").splitlines()
    assert sorted(ln for ln in lines if ln[:2] in ("p-", "q-")) == sorted(f"{t}-{i}" for t in "pq" for i in range(20))


def _toggle_forever(seeds: str, a: str, b: str) -> None:
    while True:
        update_index(Path(seeds), lambda old: b if old == a else a)


def test_sigkill_at_random_moments_leaves_old_or_new(tmp_path):
    seeds = tmp_path / "big"
    seeds.mkdir()
    a = render_index(None, rows(3000))
    b = render_index(a, rows(3000)[::-1])  # same size class, every row moved
    assert len(a.encode()) > 400_000 and a != b
    (seeds / "INDEX.md").write_text(a, encoding="utf-8")
    rng = random.Random(1234)
    for _ in range(10):
        child = FORK.Process(target=_toggle_forever, args=(str(seeds), a, b))
        child.start()
        time.sleep(rng.uniform(0.02, 0.25))
        os.kill(child.pid, signal.SIGKILL)
        child.join(10)
        assert child.exitcode == -signal.SIGKILL
        now = (seeds / "INDEX.md").read_bytes()
        assert now in (a.encode(), b.encode())  # never truncated, never a mix
        update_index(seeds, lambda old: old)  # the next run cleans what the killed one left
        assert temps(seeds) == [] and (seeds / "INDEX.md").read_bytes() == now
