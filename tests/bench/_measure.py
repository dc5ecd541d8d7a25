"""Run one measured step in this process and print a JSON line: wall seconds and peak RSS (this
process plus its worker processes). Used by bench_check.py so every step starts cold."""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def naive(folder: str) -> dict:
    """The baseline: one file at a time: read, decode, langdetect.detect, datasketch MinHashLSH."""
    import langdetect
    from datasketch import MinHash, MinHashLSH

    langdetect.DetectorFactory.seed = 0
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    pairs = 0
    names = sorted(p.name for p in Path(folder).glob("*.txt"))
    for name in names:
        text = Path(folder, name).read_bytes().decode("utf-8")
        try:
            langdetect.detect(text)
        except langdetect.LangDetectException:
            pass
        words = text.lower().split()
        m = MinHash(num_perm=128)
        m.update_batch([" ".join(words[i : i + 3]).encode("utf-8") for i in range(max(1, len(words) - 2))])
        pairs += len(lsh.query(m))
        lsh.insert(name, m)
    return {"pairs": pairs}


def check(folder: str, cache_dir: str) -> dict:
    from seedkeeper.corpus.pool import CacheSpec
    from seedkeeper.operations.validation import check as run_check
    from seedkeeper.settings import Settings

    report = run_check(folder, Settings(), cache=CacheSpec(Path(cache_dir)))
    st = report.survey.stats
    return {
        "problems": len(report.problems),
        "stat_hits": st.stat_hits,
        "hash_hits": st.hash_hits,
        "computed": st.computed,
    }


def cli(folder: str, cache_dir: str) -> dict:
    """`seedkeeper check FOLDER` as a user runs it, its text report sent to /dev/null (not a
    terminal, as in a CI log)."""
    import contextlib
    import os

    from seedkeeper.shell.app import main

    sys.argv = ["seedkeeper", "check", folder, "--cache-dir", cache_dir]
    with open(os.devnull, "w", encoding="utf-8") as sink, contextlib.redirect_stdout(sink):
        try:
            main()
        except SystemExit as exc:
            return {"exit": exc.code}
    return {"exit": 0}


if __name__ == "__main__":
    step = sys.argv[1]
    t = time.perf_counter()
    runs = {"naive": lambda: naive(sys.argv[2]), "check": lambda: check(sys.argv[2], sys.argv[3])}
    runs["cli"] = lambda: cli(sys.argv[2], sys.argv[3])
    info = runs[step]()
    wall = time.perf_counter() - t
    rss = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    )
    print(json.dumps({"wall": wall, "peak_mb": rss / 1024, **info}))
