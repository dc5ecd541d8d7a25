"""Benchmark: `seedkeeper check` cold / warm / one-changed against a naive loop.

    python tests/bench/bench_check.py --sizes 3000,30000,100000

For each size it generates a corpus (2-5 KB multilingual documents, 2% near copies) and runs,
each step in a fresh process: the naive loop (read + decode + langdetect + datasketch
MinHashLSH, one file at a time), check with an empty cache (cold), check again (warm), and check
after one document changed. Prints wall time, documents per second, peak RSS, and the ratios the
targets are stated in. Nothing here is asserted: these machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from gen_corpus import generate  # noqa: E402

MEASURE = str(Path(__file__).with_name("_measure.py"))


def step(*args: str) -> dict:
    # Python's default is to cache compiled modules; this machine's environment turns that off
    # (PYTHONDONTWRITEBYTECODE), which would charge every run for recompiling seedkeeper.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run([sys.executable, MEASURE, *args], check=True, capture_output=True, text=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="3000")
    ap.add_argument(
        "--skip-naive-above", type=int, default=30000, help="the naive loop is slow: skip it above this size"
    )
    args = ap.parse_args()
    print(f"cores: {os.cpu_count()}")
    print(f"{'docs':>7} {'step':<12} {'wall s':>8} {'docs/s':>8} {'peak MB':>8} {'ratio':>14}")
    for n in [int(x) for x in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            folder, cache = Path(tmp, "seeds"), Path(tmp, "cache")
            names = generate(folder, n)
            # A maintained corpus has its managed table: write it first (untimed, its own cache),
            # so the timed checks measure the everyday gate, not a first adoption.
            with tempfile.TemporaryDirectory() as index_cache:
                subprocess.run(
                    [sys.executable, "-m", "seedkeeper", "index", str(folder), "--cache-dir", index_cache],
                    check=True,
                    capture_output=True,
                )
            rows = {}
            if n <= args.skip_naive_above:
                rows["naive"] = step("naive", str(folder))
            rows["cold"] = step("check", str(folder), str(cache))
            rows["warm"] = step("check", str(folder), str(cache))
            victim = folder / names[n // 2]
            victim.write_bytes(victim.read_bytes() + b"One more line, changed today.\n")
            rows["one-changed"] = step("check", str(folder), str(cache))
            cold = rows["cold"]["wall"]
            for name, r in rows.items():
                if name == "naive":
                    ratio = ""
                elif name == "cold":
                    ratio = f"{r['wall'] / rows['naive']['wall']:.3f}x naive" if "naive" in rows else ""
                else:
                    ratio = f"{r['wall'] / cold:.3f}x cold"
                print(f"{n:>7} {name:<12} {r['wall']:>8.2f} {n / r['wall']:>8.0f} {r['peak_mb']:>8.0f} {ratio:>14}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
