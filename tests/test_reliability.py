"""Issue 13, items 11-14: workers die with their parent, concurrent adds never share a number, an
edit that restores the mtime is not served from the cache, exit codes of deliberate errors, names
with a backslash, and add's messages for a path named twice or missing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import seedkeeper
from helpers import doc_name, index_for, make_seeds

pytestmark = pytest.mark.usefixtures("isolated_env")

TEXT = "The river runs through the old town and past the mill before it reaches the sea.\n"


# ---------------------------------------------------------------- 11: workers die with their parent


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] not in ("Z", "X")
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_exit_when_the_main_process_is_killed(tmp_path):
    # The parent-death hook of a worker, exercised in a pool of its own: the "main" process is a
    # child python that starts a pool whose workers block; SIGKILL it and its workers must go.
    script = tmp_path / "main.py"
    script.write_text(
        "import sys, time\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from seedkeeper.corpus.analysis import Features\n"
        "from seedkeeper.corpus import pool\n"
        "import os\n"
        "ex = ProcessPoolExecutor(2, initializer=pool._init_worker,\n"
        "                         initargs=(Features(), None, 'fp', os.getpid()))\n"
        "futs = [ex.submit(time.sleep, 60) for _ in range(2)]\n"
        "print('ready', flush=True)\n"
        "time.sleep(60)\n"
    )
    main = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        assert main.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 10
        while len(_children(main.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        workers = _children(main.pid)
        assert workers, "the pool started no workers"
        os.kill(main.pid, signal.SIGKILL)
        main.wait(5)
        deadline = time.monotonic() + 5
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_alive(w) for w in workers), "a worker outlived its parent"
    finally:
        if main.poll() is None:
            main.kill()


# ---------------------------------------------------------------- 12: concurrent adds


def test_an_add_that_races_another_takes_the_next_free_number(tmp_path, monkeypatch):
    import seedkeeper.operations.adding as adding
    from seedkeeper import add
    from seedkeeper.settings import Settings

    seeds = make_seeds(tmp_path, {doc_name(1): TEXT}, index_for([doc_name(1)]))
    seedkeeper.index(seeds, jobs=1)  # add never adopts a hand-written list: the table exists first
    src = tmp_path / "new.txt"
    src.write_text("Mountains rise to the north, where snow stays on the peaks for most of the year.\n")
    real_lock = adding.folder_lock

    def lock_after_the_other_add(folder):
        # The other add wins the race: it writes document 002 while we wait for the lock.
        (seeds / "002_00000000000000aa.txt").write_text("A third text about harbours, ships and long winter nights.\n")
        return real_lock(folder)

    monkeypatch.setattr(adding, "folder_lock", lock_after_the_other_add)
    report = add([src], seeds, Settings())
    (added,) = report.added
    assert added.file.startswith("003_"), added.file
    numbers = [p.name.split("_")[0] for p in seeds.glob("*.txt")]
    assert len(numbers) == len(set(numbers)) == 3


def test_two_concurrent_add_processes_never_share_a_number(tmp_path):
    seeds = make_seeds(tmp_path, {doc_name(1): TEXT}, index_for([doc_name(1)]))
    seedkeeper.index(seeds, jobs=1)  # add never adopts a hand-written list: the table exists first
    texts = [
        "Mountains rise to the north, where snow stays on the peaks for most of the year.\n",
        "The market opens at dawn; fishermen sell their catch before the sun is high.\n",
    ]
    procs = []
    for k, text in enumerate(texts):
        src = tmp_path / f"in{k}.txt"
        src.write_text(text)
        cmd = [sys.executable, "-m", "seedkeeper", "add", str(src), "--seeds", str(seeds), "--no-cache"]
        procs.append(subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    for p in procs:
        p.wait(60)
        assert p.returncode == 0, p.stderr.read()
    numbers = [p.name.split("_")[0] for p in seeds.glob("*.txt")]
    assert sorted(numbers) == ["001", "002", "003"]


# ---------------------------------------------------------------- 13: cache and ctime


def test_same_size_edit_with_the_mtime_put_back_is_not_served_stale(cli, tmp_path):
    name = doc_name(1)
    seeds = make_seeds(tmp_path, {name: "The cat sat on the mat and looked out of the window.\n"})
    first = json.loads(cli("tag", seeds, "--format", "json").stdout)
    assert first["documents"][0]["lang"] == "en"
    p = seeds / name
    st = p.stat()
    time.sleep(0.01)
    replacement = "Le chat dort sur le tapis et regarde par la fenêtre..\n".encode()
    replacement = replacement[: st.st_size].ljust(st.st_size, b".")
    assert len(replacement) == st.st_size
    p.write_bytes(replacement)
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size, same mtime, same inode
    assert p.stat().st_mtime_ns == st.st_mtime_ns and p.stat().st_size == st.st_size
    second = json.loads(cli("tag", seeds, "--format", "json").stdout)
    assert second["documents"][0]["lang"] == "fr"


# ---------------------------------------------------------------- 14: exit codes and names


def test_a_deliberate_seedkeeper_error_exits_1_not_3(cli, tmp_path, monkeypatch):
    import seedkeeper.operations.validation as cmd
    from seedkeeper.errors import UnsafePathError

    def refuse(*a, **k):
        raise UnsafePathError("x.txt resolves outside the seeds folder")

    monkeypatch.setattr(cmd, "validate", refuse)
    seeds = make_seeds(tmp_path, {doc_name(1): TEXT})
    r = cli("validate", seeds)
    assert r.exit_code == 1 and "internal" not in r.stderr and "outside the seeds folder" in r.stderr


def test_a_full_disk_is_one_clear_line_exit_2(cli, tmp_path, monkeypatch):
    import errno

    import seedkeeper.operations.indexing as cmd

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "INDEX.md"))

    monkeypatch.setattr(cmd, "write_rows", full)
    seeds = make_seeds(tmp_path, {doc_name(1): TEXT}, "# S\n")
    r = cli("index", seeds)
    assert r.exit_code == 2, r.output
    assert "no space left on device" in r.stderr and "internal" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_a_backslash_in_a_name_does_not_stop_dedup_apply(cli, tmp_path):
    names = [doc_name(1), "back\\slash.txt", doc_name(3)]
    seeds = make_seeds(tmp_path, {n: TEXT for n in names}, index_for(names))
    r = cli("dedup", seeds, "--apply", "--format", "json")
    assert r.exit_code == 0, r.output
    moved = {m["file"] for m in json.loads(r.stdout)["moved"]}
    assert moved == {"back\\slash.txt", doc_name(3)}
    assert cli("validate", seeds, "--select", "missing-file,unlisted-file").exit_code == 0
    r = cli("restore", "back\\slash.txt", "--seeds", seeds)
    assert r.exit_code == 0 and (seeds / "back\\slash.txt").read_text() == TEXT


def test_add_reports_a_path_named_twice_and_a_missing_one(cli, tmp_path):
    seeds = make_seeds(tmp_path, {doc_name(1): TEXT})
    src = tmp_path / "new.txt"
    src.write_text("Mountains rise to the north, where snow stays on the peaks for most of the year.\n")
    assert cli("index", seeds).exit_code == 0
    # A missing input is a usage error, before anything is read or written.
    r = cli("add", src, tmp_path / "nope.txt", "--seeds", seeds, "--format", "json")
    assert r.exit_code == 2 and "no such file" in r.stderr and not list(seeds.glob("00[2-9]_*.txt"))
    r = cli("add", src, Path("new.txt"), "--seeds", seeds, "--format", "json")
    data = json.loads(r.stdout)
    assert r.exit_code == 1
    assert [a["source"] for a in data["added"]] == [str(src)]
    refused = {(x["code"], x["message"]) for x in data["refused"]}
    assert ("duplicate-entry", "named twice on the command line; added once") in refused
