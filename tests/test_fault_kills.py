"""Issue 13, items 8-11: SIGKILL `dedup --apply` and `add` at precise moments (before the n-th
link, unlink or rename they make), a full disk in the middle of `dedup --apply`, and `index`
racing `dedup --apply`. After each, no document is lost, and a re-run repairs everything: nothing
is listed that is not on disk, nothing on disk is unlisted, nothing is in the quarantine without a
manifest record. The kill runs are real processes, started together to keep the suite fast.

(`index` killed at many moments is test_index_kill.py; a worker outliving a killed parent is
test_reliability.py and the last test here.)
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import seedkeeper
from helpers import doc_name, index_for, make_seeds

pytestmark = pytest.mark.usefixtures("isolated_env")

# Kill the process just before the n-th call of os.link / os.unlink / os.replace (every move and
# every atomic write goes through them); KILL_AT=0 counts the calls of a full run instead.
HARNESS = """
import os, signal, sys
n = int(os.environ["KILL_AT"]); calls = [0]
def hook(real):
    def wrapped(*a, **k):
        calls[0] += 1
        if calls[0] == n:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*a, **k)
    return wrapped
for name in ("link", "unlink", "replace"):
    setattr(os, name, hook(getattr(os, name)))
import atexit
atexit.register(lambda: n == 0 and sys.stderr.write(f"CALLS={calls[0]}\\n"))
from seedkeeper.shell.app import app
sys.argv = ["seedkeeper", *sys.argv[1:]]
app()
"""

TEXTS = [
    "The river runs through the old town and past the mill before it reaches the sea.\n",
    "Mountains rise to the north, where snow stays on the peaks for most of the year.\n",
    "The market opens at dawn; fishermen sell their catch before the sun is high.\n",
]


def _corpus(tmp_path: Path, name: str = "seeds", managed: bool = False) -> Path:
    # Three originals, each with a copy listed after it: dedup --apply moves three files.
    files = {doc_name(k): TEXTS[k % 3] for k in range(6)}
    index = "# Seeds\n\nA sentence a person wrote.\n\n" + index_for(files).split("\n", 2)[2]
    root = make_seeds(tmp_path, files, index, folder=name)
    if managed:  # `add` never adopts a hand-written list: the managed table exists first
        seedkeeper.index(root, jobs=1, cache=None)
    return root


def _contents(root: Path) -> list[str]:
    """Hashes of every document's bytes, in the folder and in the quarantine."""
    out = []
    for path in sorted(root.rglob("*.txt")):
        if not path.name.startswith(".INDEX"):
            out.append(hashlib.sha256(path.read_bytes()).hexdigest())
    return out


def _all_kept(root: Path, template: Path) -> bool:
    """Every document of the template is in the folder or in the quarantine, with its bytes."""
    for doc in template.glob("*.txt"):
        homes = [root / doc.name, root / ".seedkeeper" / "quarantine" / doc.name]
        if not any(h.exists() and h.read_bytes() == doc.read_bytes() for h in homes):
            return False
    return True


def _start(tmp_path: Path, kill_at: int, *args) -> subprocess.Popen:
    script = tmp_path / "harness.py"
    if not script.exists():
        script.write_text(HARNESS)
    env = {**os.environ, "KILL_AT": str(kill_at)}
    cmd = [sys.executable, str(script), *map(str, args), "--no-cache"]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _count_calls(tmp_path: Path, *args) -> int:
    p = _start(tmp_path, 0, *args)
    _, err = p.communicate(timeout=120)
    assert p.returncode == 0, err
    return int(err.rsplit("CALLS=", 1)[1].split()[0])


def _assert_repaired(cli, root: Path) -> None:
    r = cli("validate", root, "--select", "missing-file,unlisted-file,duplicate-entry", "--format", "json")
    assert r.exit_code == 0, r.stdout
    manifest = root / ".seedkeeper" / "quarantine.jsonl"
    records = [json.loads(ln) for ln in manifest.read_text().splitlines()] if manifest.exists() else []
    recorded = {r["quarantined"] for r in records if r["restored_at"] is None}
    assert all(r["state"] == "done" for r in records)
    in_quarantine = {str(p.relative_to(root)) for p in (root / ".seedkeeper" / "quarantine").rglob("*.txt")}
    assert in_quarantine == recorded, "a quarantined file without its record, or a record without its file"
    assert "A sentence a person wrote." in (root / "INDEX.md").read_text()


def test_sigkill_during_dedup_apply_then_a_rerun_finishes_the_moves(cli, tmp_path):
    template = _corpus(tmp_path, "template")
    before = sorted(_contents(template))
    total = _count_calls(tmp_path, "dedup", shutil.copytree(template, tmp_path / "count"), "--apply")
    moments = sorted({1, 2, 3, total // 2, total - 2, total - 1, total})
    runs = {}
    for n in moments:
        runs[n] = (shutil.copytree(template, tmp_path / f"kill{n}"), None)
        runs[n] = (runs[n][0], _start(tmp_path, n, "dedup", runs[n][0], "--apply"))
    for n, (root, proc) in runs.items():
        proc.wait(120)
        assert proc.returncode == -signal.SIGKILL, (n, proc.stderr.read())
        assert _all_kept(root, template), f"a document lost when killed at call {n}"
        r = cli("dedup", root, "--apply")
        assert r.exit_code == 0, (n, r.output)
        _assert_repaired(cli, root)
        assert cli("dedup", root).exit_code == 0, f"duplicates left after the re-run (killed at {n})"
        assert sorted(_contents(root)) == before


def test_sigkill_during_add_then_index_lists_what_was_written(cli, tmp_path):
    template = _corpus(tmp_path, "template", managed=True)
    new = []
    for k, text in enumerate(
        [
            "Snow fell all night and the roads were closed by morning.\n",
            "A long bridge crosses the bay and trains run over it every hour.\n",
        ]
    ):
        new.append(tmp_path / f"new{k}.txt")
        new[-1].write_text(text)
    total = _count_calls(tmp_path, "add", *new, "--seeds", shutil.copytree(template, tmp_path / "count"))
    runs = {}
    for n in sorted({1, 2, total}):
        root = shutil.copytree(template, tmp_path / f"kill{n}")
        runs[n] = (root, _start(tmp_path, n, "add", *new, "--seeds", root))
    for n, (root, proc) in runs.items():
        proc.wait(120)
        assert proc.returncode == -signal.SIGKILL, (n, proc.stderr.read())
        written = {p.name for p in root.glob("*.txt")} - {p.name for p in (tmp_path / "template").glob("*.txt")}
        for path in (root / name for name in written):  # a document is whole or absent, never half-written
            assert path.read_text() in {p.read_text() for p in new}
        assert cli("index", root).exit_code == 0
        _assert_repaired(cli, root)


def test_a_full_disk_during_dedup_apply_leaves_nothing_half_done(cli, tmp_path, monkeypatch):
    import seedkeeper.corpus.quarantine as q

    root = _corpus(tmp_path)
    before = sorted(_contents(root))
    real_link = os.link
    calls = [0]

    def link_until_full(src, dst, *a, **k):
        calls[0] += 1
        if calls[0] == 2:  # the second move finds the disk full
            raise OSError(errno.ENOSPC, "No space left on device", str(dst))
        return real_link(src, dst, *a, **k)

    monkeypatch.setattr(q.os, "link", link_until_full)
    r = cli("dedup", root, "--apply")
    assert r.exit_code == 2, r.output
    assert "no space left on device" in r.stderr and "internal" not in r.stderr
    assert sorted(_contents(root)) == before
    # All or nothing: the one file that had moved is back, the intents are forgotten.
    assert (root / ".seedkeeper" / "quarantine.jsonl").read_text() == ""
    assert len(list(root.glob("*.txt"))) == 6 and not list((root / ".seedkeeper").rglob("*.txt"))
    assert cli("validate", root, "--select", "missing-file,unlisted-file").exit_code == 0
    monkeypatch.setattr(q.os, "link", real_link)
    assert cli("dedup", root, "--apply").exit_code == 0
    _assert_repaired(cli, root)
    assert sorted(_contents(root)) == before


def test_a_full_disk_when_writing_index_md_moves_everything_back(cli, tmp_path, monkeypatch):
    import seedkeeper.corpus.quarantine as q

    root = _corpus(tmp_path)
    index_before = (root / "INDEX.md").read_bytes()
    real = q.write_atomic

    def full_for_index(path, data, **kw):
        if Path(path).name == "INDEX.md":
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(path, data, **kw)

    monkeypatch.setattr(q, "write_atomic", full_for_index)
    r = cli("dedup", root, "--apply")
    assert r.exit_code == 2 and "INDEX.md" in r.stderr, r.stderr
    assert (root / "INDEX.md").read_bytes() == index_before
    assert len(list(root.glob("*.txt"))) == 6 and not list((root / ".seedkeeper").rglob("*.txt"))
    monkeypatch.undo()
    assert cli("dedup", root, "--apply").exit_code == 0
    _assert_repaired(cli, root)


def test_a_full_disk_when_recording_the_intent_moves_nothing(cli, tmp_path, monkeypatch):
    import seedkeeper.corpus.quarantine_manifest as q  # the journal's writer

    root = _corpus(tmp_path)
    index_before = (root / "INDEX.md").read_bytes()

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device", str(root / q.MANIFEST))

    monkeypatch.setattr(q, "write_atomic", full)
    r = cli("dedup", root, "--apply")
    assert r.exit_code == 2 and "internal" not in r.stderr
    assert not (root / ".seedkeeper" / "quarantine").exists() or not any((root / ".seedkeeper").rglob("*.txt"))
    assert (root / "INDEX.md").read_bytes() == index_before
    assert len(list(root.glob("*.txt"))) == 6


def test_index_racing_dedup_apply_never_relists_moved_files(cli, tmp_path, monkeypatch):
    import seedkeeper.operations.index_rows as rows
    from seedkeeper import dedup, index
    from seedkeeper.settings import Settings

    root = _corpus(tmp_path)
    assert cli("index", root).exit_code == 0
    real = rows.write_rows

    def dedup_wins_the_race(s, *a, **k):
        dedup(root, Settings(), apply=True)  # between index's survey and its write
        return real(s, *a, **k)

    monkeypatch.setattr("seedkeeper.operations.indexing.write_rows", dedup_wins_the_race)
    (root / "INDEX.md").write_text((root / "INDEX.md").read_text() + "\nMore prose.\n")
    (root / doc_name(7)).write_text(
        "A new text about harbours, ships and long winter nights.\n"
    )  # index has work to do
    assert index(root, Settings()).written
    monkeypatch.undo()
    _assert_repaired(cli, root)
    assert cli("index", root, "--check").exit_code == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_sigkill_of_index_leaves_no_worker_behind(tmp_path):
    files = {
        doc_name(k): f"{TEXTS[k % 3]} Document {k} adds a sentence of its own, number {k * 7}.\n" for k in range(60)
    }
    root = make_seeds(tmp_path, files)
    cmd = [sys.executable, "-m", "seedkeeper", "index", str(root), "--no-cache", "--jobs", "2"]
    main = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    deadline = time.monotonic() + 30
    while not workers and main.poll() is None and time.monotonic() < deadline:
        try:
            workers = [int(x) for x in Path(f"/proc/{main.pid}/task/{main.pid}/children").read_text().split()]
        except OSError:
            pass
        time.sleep(0.02)
    if not workers:
        main.kill()
        pytest.skip("the run ended before its workers could be seen")
    os.kill(main.pid, signal.SIGKILL)
    main.wait(5)
    deadline = time.monotonic() + 5

    def alive(pid: int) -> bool:
        try:
            return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
        except OSError:
            return False

    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(w) for w in workers), "a worker outlived the killed index"


def test_a_full_disk_during_add_leaves_no_new_document_behind(cli, tmp_path, monkeypatch):
    import seedkeeper.operations.adding as adding

    root = _corpus(tmp_path, managed=True)
    src = tmp_path / "new.txt"
    src.write_text("Snow fell all night and the roads were closed by morning.\n")

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device", str(root / "INDEX.md"))

    monkeypatch.setattr(adding, "write_rows", full)
    r = cli("add", src, "--seeds", root)
    assert r.exit_code == 2 and "no space left on device" in r.stderr
    assert len(list(root.glob("*.txt"))) == 6 and src.exists()
    monkeypatch.undo()
    assert cli("add", src, "--seeds", root).exit_code == 0  # the same add works once there is room
    assert len(list(root.glob("*.txt"))) == 7
