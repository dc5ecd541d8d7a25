"""SIGKILL `seedkeeper index` at many moments: INDEX.md is always exactly the old or the new text.

A folder of 2,500 small documents is indexed once (cold, filling a temporary cache). Every later
run starts from a *stale* INDEX.md (a changed heading, so each run's expected output is different,
and a stale computed cell, so the run has something to write) and is killed with SIGKILL:
  * at random moments spread over a typical run,
  * at moments concentrated around the write (measured on a run allowed to finish),
  * as soon as the writer's temp file appears (inside the write itself, when we see it),
  * as soon as INDEX.md has been replaced (so the result must be the new text).
With a warm cache a run is short (well under a second) and the write a large share of it.

After each kill INDEX.md must be byte-identical to the stale text or to the expected new one, the
documents must be untouched, and a run that got as far as writing leaves no `.INDEX.md.*.tmp`.
A last run (allowed to finish) must clean up a stale temp file left by a killed writer.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from helpers import snapshot

sys.path.insert(0, str(Path(__file__).resolve().parent / "bench"))
from gen_corpus import PARAGRAPHS, make_document  # noqa: E402

N_DOCS = 2500
BEGIN, END = "<!-- seedkeeper:index:begin -->", "<!-- seedkeeper:index:end -->"
HEADING = b"# Kill test corpus\n"


def _generate(root: Path, n: int) -> list[str]:
    rng = random.Random(11)
    langs = sorted(PARAGRAPHS)
    names = []
    root.mkdir(parents=True)
    for i in range(n):
        data = make_document(rng, langs[i % len(langs)], 250).encode("utf-8")
        name = f"{i:04d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"
        (root / name).write_bytes(data)
        names.append(name)
    (root / "INDEX.md").write_bytes(
        HEADING + b"\nHand-written intro.\n\n" + "".join(f"- {n}\n" for n in names).encode()
    )
    return names


def _temps(root: Path) -> list[str]:
    return sorted(e.name for e in os.scandir(root) if e.name.startswith(".INDEX.md.") and e.name.endswith(".tmp"))


def _docs_snapshot(root: Path) -> dict:
    return {k: v for k, v in snapshot(root).items() if k != "INDEX.md" and not re.fullmatch(r"\.INDEX\.md\..*\.tmp", k)}


def _variant(full: bytes, k: int) -> tuple[bytes, bytes]:
    """(stale, expected new) for run k: the heading names the run (prose: kept as is by index);
    one computed cell is stale in the stale text (index writes it again): the hash of another
    text. (A count changed while the hash is the text's would be a person's edit, kept in Notes.)"""
    new = full.replace(HEADING, f"# Kill test corpus, run {k}\n".encode(), 1)
    rows = [m.start() for m in re.finditer(rb"^\| \[", new, re.M)]
    at = rows[(k * 97) % len(rows)]
    line_end = new.index(b"\n", at)
    line = new[at:line_end]
    cells = line.split(b" | ")
    cells[5] = b"0123456789ab"  # SHA-256
    stale = new[:at] + b" | ".join(cells) + new[line_end:]
    assert stale != new
    return stale, new


def test_sigkill_leaves_old_or_new_index(tmp_path):
    root = tmp_path / "seeds"
    names = _generate(root, N_DOCS)
    cache = tmp_path / "cache"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "SEEDKEEPER_"))}
    env["CI"] = "1"
    cmd = [sys.executable, "-m", "seedkeeper", "index", str(root), "--cache-dir", str(cache), "--jobs"]

    # Cold run, allowed to finish: fills the cache and adopts the hand-written list.
    r = subprocess.run([*cmd, "2"], env=env, capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr.decode()
    full = (root / "INDEX.md").read_bytes()
    text = full.decode("utf-8")
    assert text.endswith(END + "\n") and text.count(BEGIN) == 1
    rows = re.findall(r"^\| \[([^\]]+)\]\(([^)]+)\) \|", text, re.M)
    assert [target for _, target in rows] == names
    docs_before = _docs_snapshot(root)
    assert set(docs_before) == set(names)

    warm = [*cmd, "1"]

    def start() -> subprocess.Popen:
        return subprocess.Popen(
            warm, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
        )

    def kill(p: subprocess.Popen) -> None:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)  # the run's own process group (start_new_session)
        p.wait(timeout=30)

    # A warm run allowed to finish: checks the expected text and measures when the write happens.
    stale, new = _variant(full, 0)
    (root / "INDEX.md").write_bytes(stale)
    inode = os.stat(root / "INDEX.md").st_ino
    t0 = time.monotonic()
    p = start()
    write_at = None
    while p.poll() is None:
        if write_at is None and os.stat(root / "INDEX.md").st_ino != inode:
            write_at = time.monotonic() - t0
        time.sleep(0.002)
    duration = time.monotonic() - t0
    assert p.returncode == 0, p.stderr.read().decode()
    assert (root / "INDEX.md").read_bytes() == new
    write_at = write_at or duration * 0.85

    rng = random.Random(1234)
    plan = (
        [("random", rng.uniform(0.02, duration * 1.1)) for _ in range(8)]
        + [("near-write", max(0.0, write_at + rng.uniform(-0.15, 0.03))) for _ in range(7)]
        + [("on-temp", None)] * 4
        + [("after-replace", None)] * 2
    )
    rng.shuffle(plan)
    outcomes = []
    for k, (mode, delay) in enumerate(plan, start=1):
        stale, new = _variant(full, k)
        (root / "INDEX.md").write_bytes(stale)
        inode = os.stat(root / "INDEX.md").st_ino
        p = start()
        t0 = time.monotonic()
        if delay is not None:
            time.sleep(delay)
        elif mode == "on-temp":
            while p.poll() is None and not _temps(root):
                pass
        else:  # after-replace
            while p.poll() is None and os.stat(root / "INDEX.md").st_ino == inode:
                time.sleep(0.0005)
        kill(p)
        got = (root / "INDEX.md").read_bytes()
        assert got in (stale, new), (
            f"run {k} ({mode}, killed after {time.monotonic() - t0:.3f}s): INDEX.md is neither old nor new"
        )
        outcome = "new" if got == new else "old"
        if mode == "after-replace":
            assert outcome == "new"
        if outcome == "new":
            assert _temps(root) == [], f"run {k} wrote INDEX.md but temp files remain"
        outcomes.append((mode, outcome, bool(_temps(root))))
        assert _docs_snapshot(root) == docs_before, f"run {k} ({mode}) changed something besides INDEX.md"

    assert {o for _, o, _ in outcomes} == {"old", "new"}, outcomes

    # A run allowed to finish removes the temp files of killed writers (a planted one included).
    planted = root / ".INDEX.md.killed1.tmp"
    planted.write_bytes(full[: len(full) // 2])
    stale, new = _variant(full, 999)
    (root / "INDEX.md").write_bytes(stale)
    r = subprocess.run(warm, env=env, capture_output=True, timeout=60)
    assert r.returncode == 0, r.stderr.decode()
    assert (root / "INDEX.md").read_bytes() == new
    assert _temps(root) == []
    assert _docs_snapshot(root) == docs_before
    assert sorted(os.listdir(root)) == sorted([*names, "INDEX.md"])
    print("kill outcomes:", outcomes)
