"""Benchmark: `seedkeeper check` cold / warm / one-changed against a naive loop, for a
hand-written INDEX.md (a bullet list) and the managed table, and start-up time.

    python tests/bench/bench_check.py --sizes 3000,30000,100000 [--forms list,managed]

For each size it generates a corpus (2-5 KB multilingual documents, 2% near copies) and runs,
each step in a fresh process: the naive loop (read + decode + langdetect + datasketch
MinHashLSH, one file at a time), check with an empty cache (cold), check again (warm), and check
after one document changed, plus a warm run of the CLI itself. Each warm and one-changed step
runs --repeat times (3; each one-changed run edits the document anew) and so do the naive loop
and the cold run up to --repeat-cold-up-to documents (3,000); the median run is shown. Prints
wall time, documents per second, peak RSS, and the ratios the targets are stated in. Nothing
here is asserted: these machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
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


def startup(repeats: int = 5) -> None:
    """`seedkeeper --version` against `python -c "import typer"`: median wall of `repeats` runs each."""
    import statistics
    import time

    def median(cmd: list[str]) -> float:
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            times.append(time.perf_counter() - t0)
        return statistics.median(times)

    base = median([sys.executable, "-c", "import typer"])
    ours = median([sys.executable, "-m", "seedkeeper", "--version"])
    print(f"start-up: seedkeeper --version {ours:.3f} s, python -c 'import typer' {base:.3f} s: {ours / base:.2f}x")


def median_step(repeat: int, *args: str, before=None) -> dict:
    """The run with the median wall time of `repeat` fresh-process runs (`before(i)` runs first
    each time): one noisy run on a shared machine says little about a step under a second."""
    runs = []
    for i in range(repeat):
        if before is not None:
            before(i)
        runs.append(step(*args))
    ranked = sorted(runs, key=lambda r: r["wall"])
    return {**ranked[len(runs) // 2], "spread": f"{ranked[0]['wall']:.2f}-{ranked[-1]['wall']:.2f}"}


def run_form(
    n: int, folder: Path, names: list[str], form: str, naive_wall: float | None, tmp: str, repeat: int, cold_repeat: int
) -> None:
    """cold / warm / one-changed check for one INDEX.md form (`managed` table or hand-written `list`)."""
    cache = Path(tmp, f"cache-{form}")
    rows = {}

    def fresh_cache(i: int) -> None:
        shutil.rmtree(cache, ignore_errors=True)

    rows["cold"] = median_step(cold_repeat, "check", str(folder), str(cache), before=fresh_cache)
    rows["warm"] = median_step(repeat, "check", str(folder), str(cache))
    # The same warm run as a user meets it: the CLI, its text report written to a file.
    rows["warm, CLI"] = median_step(repeat, "cli", str(folder), str(cache))
    victim = folder / names[n // 2]
    original = victim.read_bytes()

    def change(i: int) -> None:  # another edit each time: each run sees one changed document
        victim.write_bytes(original + f"One more line, changed today ({i + 1}).\n".encode())

    rows["one-changed"] = median_step(repeat, "check", str(folder), str(cache), before=change)
    victim.write_bytes(original)
    cold = rows["cold"]["wall"]
    for name, r in rows.items():
        if name == "cold":
            ratio = f"{r['wall'] / naive_wall:.3f}x naive" if naive_wall else ""
        else:
            ratio = f"{r['wall'] / cold:.3f}x cold"
        label = f"{form}:{name}"
        spread = r.get("spread", "")
        print(f"{n:>7} {label:<20} {r['wall']:>8.2f} {n / r['wall']:>8.0f} {r['peak_mb']:>8.0f} {ratio:>14}  {spread}")
    sys.stdout.flush()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="3000")
    ap.add_argument("--forms", default="list,managed", help="INDEX.md forms: list (hand-written), managed")
    ap.add_argument(
        "--skip-naive-above", type=int, default=30000, help="the naive loop is slow: skip it above this size"
    )
    ap.add_argument("--repeat", type=int, default=3, help="runs of each warm / one-changed step (median kept)")
    ap.add_argument(
        "--repeat-cold-up-to", type=int, default=3000, help="repeat the naive and cold runs too up to this size"
    )
    args = ap.parse_args()
    print(f"cores: {os.cpu_count()}")
    startup()
    print(f"{'docs':>7} {'step':<20} {'wall s':>8} {'docs/s':>8} {'peak MB':>8} {'ratio':>14}  runs (min-max)")
    for n in [int(x) for x in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp, "seeds")
            names = generate(folder, n)  # INDEX.md: a hand-written bullet list of the names
            naive_wall = None
            cold_repeat = args.repeat if n <= args.repeat_cold_up_to else 1
            if n <= args.skip_naive_above:
                r = median_step(cold_repeat, "naive", str(folder))
                naive_wall = r["wall"]
                row = f"{n:>7} {'naive':<20} {r['wall']:>8.2f} {n / r['wall']:>8.0f} {r['peak_mb']:>8.0f} {'':>14}"
                print(f"{row}  {r.get('spread', '')}")
            for form in args.forms.split(","):
                if form == "managed":
                    # The everyday gate of a maintained corpus: its managed table written first
                    # (untimed, with its own cache).
                    with tempfile.TemporaryDirectory() as index_cache:
                        subprocess.run(
                            [sys.executable, "-m", "seedkeeper", "index", str(folder), "--cache-dir", index_cache],
                            check=True,
                            capture_output=True,
                        )
                run_form(n, folder, names, form, naive_wall, tmp, args.repeat, cold_repeat)


if __name__ == "__main__":
    main()
