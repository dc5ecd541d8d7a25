"""Benchmark: seedkeeper's near-duplicate and containment pipelines next to datasketch's.

    python tests/bench/bench_dedup.py [--modes near,contain,e2e] [--sizes 10000[,100000]]
        [--threshold 0.8] [--containment 0.8] [--seed 1] [--baseline PATH/cli]

Modes: `near` (below), `contain` and `e2e` (bench_contain.py: containment recall/precision on
real multilingual text next to datasketch's MinHashLSHEnsemble, and `seedkeeper dedup` end to
end, optionally against the code at PATH, e.g. an older checkout's `cli` folder).

near:
For each size N it generates N synthetic Persian/Chinese/English documents of about 2-5 KB from
the fixture text (paragraphs with half their words/characters replaced at random from the
fixture vocabulary, so documents are distinct), plus about 2% near copies of earlier documents
(a header or footer line added, 4 words changed, 2% of the words changed, or the last 3-5%
cut). Both pipelines
start from the same normalized texts (normalization is shared and timed once, separately):

- seedkeeper: shingles() -> signature() -> candidate_pairs() (LSH banding, recall-oriented
  bands) -> confirm each candidate with exact Jaccard on the shingle-hash arrays.
- datasketch: the same shingles as strings (shingle_strings) -> MinHash(128).update_batch
  (sha1, datasketch's default) -> MinHashLSH(threshold) insert + query -> confirm each candidate
  with exact Jaccard on the Python sets of shingle strings. Run with datasketch's default
  (bands, rows) and, on the same MinHash objects, with seedkeeper's (bands, rows).

Each pipeline runs in a forked child process of this one run, one at a time, single-threaded
(no process pool on either side). Time is wall-clock in the child. Memory is the child's peak
resident set size growth (Linux VmHWM minus VmRSS when the pipeline starts): it includes
numpy buffers and Python objects, and not the documents, which the child inherits.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for dedup_fixtures
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/bench, run from anywhere

from dedup_fixtures import NEAR_EDITS, PARAGRAPHS, TRANSLATIONS  # noqa: E402
from seedkeeper.similarity.lsh import candidate_pairs, optimal_bands  # noqa: E402
from seedkeeper.similarity.minhash import (  # noqa: E402
    MIN_SHINGLES,
    jaccard,
    shingle_strings,
    shingles,
    signature,
)
from seedkeeper.similarity.normalize import normalize  # noqa: E402

LANGS = ["fa", "zh", "en"]


def _pieces(lang: str) -> tuple[list[list[str]], np.ndarray]:
    """Paragraphs split into tokens (words, or characters for Chinese), and the vocabulary."""
    texts = list(PARAGRAPHS[lang]) + [t for t in TRANSLATIONS[lang].values() if lang != "zh"]
    if lang == "zh":
        paras = [list(p) for p in texts]
    else:
        paras = [p.split() for p in texts]
    vocab = sorted({t for p in paras for t in p})
    return paras, np.array(vocab, dtype=object)


def generate(n: int, seed: int) -> tuple[list[str], set[tuple[int, int]]]:
    """n documents (about 2% near copies of earlier ones) and the (original, copy) pairs."""
    rng = np.random.default_rng(seed)
    pieces = {lang: _pieces(lang) for lang in LANGS}
    docs: list[str] = []
    doc_langs: list[str] = []
    truth: set[tuple[int, int]] = set()
    for i in range(n):
        if i > 10 and rng.random() < 0.02:
            src = int(rng.integers(0, i))
            while src in {c for _, c in truth}:  # copy an original, not a copy
                src = int(rng.integers(0, i))
            docs.append(_near_copy(docs[src], doc_langs[src], rng))
            doc_langs.append(doc_langs[src])
            truth.add((src, i))
            continue
        lang = LANGS[i % 3]
        paras, vocab = pieces[lang]
        target = int(rng.integers(2000, 5000))  # bytes
        toks: list[str] = []
        size = 0
        while size < target:
            p = list(paras[int(rng.integers(0, len(paras)))])
            swap = rng.random(len(p)) < 0.5
            repl = vocab[rng.integers(0, len(vocab), size=int(swap.sum()))]
            for k, j in enumerate(np.flatnonzero(swap)):
                p[j] = repl[k]
            toks += p + ["\n"]
            size += sum(len(t.encode()) + 1 for t in p)
        docs.append(("" if lang == "zh" else " ").join(toks))
        doc_langs.append(lang)
    return docs, truth


def _near_copy(text: str, lang: str, rng: np.random.Generator) -> str:
    header, footer, _ = NEAR_EDITS[lang]
    kind = int(rng.integers(0, 5))
    if kind == 0:
        return f"{header}\n{text}"
    if kind == 1:
        return f"{text}\n{footer}\n"
    if kind == 2:
        return text[: int(len(text) * rng.uniform(0.95, 0.97))]
    # a few words (or characters) changed; kind 4 changes 2% of them (Jaccard about 0.85)
    sep = "" if lang == "zh" else " "
    toks = list(text) if lang == "zh" else text.split(" ")
    for j in rng.integers(0, len(toks), size=4 if kind == 3 else max(4, len(toks) // 50)):
        toks[j] = "变" if lang == "zh" else ("دیگر" if lang == "fa" else "changed")
    return sep.join(toks)


def _rss_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def ours(norm: list[str], threshold: float) -> dict:
    sets = [shingles(t) for t in norm]
    ids = [i for i, s in enumerate(sets) if s.size >= MIN_SHINGLES]
    sigs = np.stack([signature(sets[i]) for i in ids]) if ids else np.empty((0, 128), np.uint32)
    t_sig = time.perf_counter()
    cands = candidate_pairs(sigs, threshold)
    pairs = set()
    for a, b in cands:
        i, j = ids[a], ids[b]
        if jaccard(sets[i], sets[j]) >= threshold:
            pairs.add((i, j))
    return {"pairs": pairs, "candidates": len(cands), "t_sig": t_sig}


def datasketch_run(norm: list[str], threshold: float, params: tuple[int, int] | None) -> dict:
    from datasketch import MinHash, MinHashLSH

    sets = [set(shingle_strings(t)) for t in norm]
    ids = [i for i, s in enumerate(sets) if len(s) >= MIN_SHINGLES]
    mh = {}
    for i in ids:
        m = MinHash(num_perm=128)
        m.update_batch([s.encode("utf-8") for s in sets[i]])
        mh[i] = m
    t_sig = time.perf_counter()
    lsh = MinHashLSH(threshold=threshold, num_perm=128, params=params)
    for i in ids:
        lsh.insert(i, mh[i])
    cands = set()
    for i in ids:
        for j in lsh.query(mh[i]):
            if j != i:
                cands.add((min(i, j), max(i, j)))
    pairs = set()
    for i, j in cands:
        a, b = sets[i], sets[j]
        inter = len(a & b)
        if inter / (len(a) + len(b) - inter) >= threshold:
            pairs.add((i, j))
    return {"pairs": pairs, "candidates": len(cands), "t_sig": t_sig, "bands": lsh.b, "rows": lsh.r}


def _child(fn, args, conn) -> None:
    rss0 = _rss_kb("VmRSS")
    t0 = time.perf_counter()
    out = fn(*args)
    out["seconds"] = time.perf_counter() - t0
    out["sig_seconds"] = out.pop("t_sig") - t0
    out["peak_mb"] = (_rss_kb("VmHWM") - rss0) / 1024
    conn.send(out)
    conn.close()


def run_forked(fn, *args) -> dict:
    """Run fn(*args) in a forked child so its peak memory is its own; return its result."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    p = ctx.Process(target=_child, args=(fn, args, child))
    p.start()
    child.close()
    try:
        out = parent.recv()
    except EOFError:
        raise RuntimeError(f"{fn.__name__} failed in its child process") from None
    p.join()
    return out


def bench(n: int, threshold: float, seed: int) -> list[str]:
    t0 = time.perf_counter()
    docs, truth = generate(n, seed)
    t_gen = time.perf_counter() - t0
    t0 = time.perf_counter()
    norm = [normalize(d) for d in docs]
    t_norm = time.perf_counter() - t0
    mb = sum(len(d.encode()) for d in docs) / 1e6
    r_ours = run_forked(ours, norm, threshold)
    r_ds = run_forked(datasketch_run, norm, threshold, None)
    bands = optimal_bands(threshold, 128)
    r_ds2 = run_forked(datasketch_run, norm, threshold, bands)
    lines = [
        f"## N = {n:,} documents ({mb:.1f} MB; generated in {t_gen:.1f} s; normalize, shared by all: {t_norm:.1f} s); "
        f"{len(truth)} planted near copies",
        "",
        "| pipeline | bands x rows | time s | of which shingles+signatures s | peak RSS growth MB | candidates "
        "| confirmed pairs | planted found | same pairs as ours |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r, br in [
        ("seedkeeper (numpy)", r_ours, bands),
        ("datasketch MinHashLSH, default params", r_ds, (r_ds["bands"], r_ds["rows"])),
        ("datasketch MinHashLSH, seedkeeper's params", r_ds2, (r_ds2["bands"], r_ds2["rows"])),
    ]:
        same = (
            "yes"
            if r["pairs"] == r_ours["pairs"]
            else (
                f"no: {len(r['pairs'] & r_ours['pairs'])} shared, {len(r_ours['pairs'] - r['pairs'])} only ours, "
                f"{len(r['pairs'] - r_ours['pairs'])} only theirs"
            )
        )
        lines.append(
            f"| {name} | {br[0]} x {br[1]} | {r['seconds']:.2f} | {r['sig_seconds']:.2f} | {r['peak_mb']:.0f} | "
            f"{r['candidates']:,} | {len(r['pairs']):,} | {len(truth & r['pairs'])}/{len(truth)} | {same} |"
        )
    for name, r in [("default", r_ds), ("same params", r_ds2)]:
        lines.append(
            f"\nratio ours/datasketch ({name}): time {r_ours['seconds'] / r['seconds']:.2f}, "
            f"memory {r_ours['peak_mb'] / max(r['peak_mb'], 1e-9):.2f}"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000", help="comma-separated; e.g. 10000,100000 (100,000 takes a while)")
    ap.add_argument("--modes", default="near,contain,e2e")
    ap.add_argument("--threshold", type=float, default=0.8)
    ap.add_argument("--containment", type=float, default=0.8)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--baseline", default=None, help="PYTHONPATH of the code to compare end to end")
    ap.add_argument("--swap", type=float, default=0.3, help="share of words swapped in contain's documents")
    ap.add_argument("--repeat", type=int, default=3, help="end-to-end runs per configuration (median)")
    args = ap.parse_args(argv)
    import datasketch
    from bench_contain import bench_contain, bench_e2e

    modes = set(args.modes.split(","))
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}, datasketch {datasketch.__version__}")
    for n in [int(s) for s in args.sizes.split(",") if s]:
        if "near" in modes:
            print("\n".join(bench(n, args.threshold, args.seed)), flush=True)
            print()
        if "contain" in modes:
            print(
                "\n".join(bench_contain(n, args.threshold, args.containment, args.seed, run_forked, args.swap)),
                flush=True,
            )
            print()
        if "e2e" in modes:
            print("\n".join(bench_e2e(n, args.seed, args.baseline, args.repeat)), flush=True)
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
