"""Containment part of bench_dedup.py (run it through bench_dedup.py --modes contain,e2e).

contain: on contain_corpus.py's documents (real Django translations, planted truncations,
excerpts, edited excerpts, supersets and hard negatives), from the same shingles and MinHash
signatures:
- seedkeeper: near candidates (lsh.py) + containment candidates (containment.py), every one
  confirmed on the exact shingle sets, as find_duplicates does;
- datasketch MinHashLSHEnsemble (threshold, 128 perms, 16 partitions) indexing every document
  with its signature and exact size, queried with every document, each candidate confirmed the
  same way (plus the near candidates from lsh.py, so both report near pairs alike).
Recall and precision count unordered pairs reported (near or contained) against the planted
ones; hard-negative pairs reported are listed. Time and peak RSS growth as in bench_dedup.py.

e2e: `seedkeeper dedup --format json` on the same documents written to a folder, in a fresh
process each time (2 jobs): containment on (default), off (--containment 0), and, with
--baseline, the code before containment existed; cold (--no-cache) and warm (second run on a
filled cache).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from contain_corpus import generate, write_folder

from seedkeeper.corpus.analysis import count_words
from seedkeeper.similarity.containment import MIN_CONTAINED_SHINGLES, containment_candidates, overlap, shares
from seedkeeper.similarity.lsh import candidate_pairs
from seedkeeper.similarity.minhash import MIN_SHINGLES, shingles, signature
from seedkeeper.similarity.normalize import normalize


def _confirm(sets, cands, threshold, t):
    """Reported pairs {(i, j): kind} from candidates, as find_duplicates decides them."""
    out = {}
    for i, j in sorted(cands):
        a, b = sets[i], sets[j]
        jac, i_in_j, j_in_i = shares(overlap(a, b), a.size, b.size)
        if jac >= threshold:
            out[(min(i, j), max(i, j))] = "near"
            continue
        small, share = (a, i_in_j) if a.size < b.size else (b, j_in_i)
        if share >= t and small.size >= MIN_CONTAINED_SHINGLES:
            out[(min(i, j), max(i, j))] = "contained"
    return out


def ours(sets, sigs, ids, sizes, threshold, t) -> dict:
    near = {(ids[a], ids[b]) for a, b in candidate_pairs(sigs, threshold)}
    cont = {(ids[a], ids[b]) for a, b in containment_candidates(sigs, sizes, t)}
    t_sig = time.perf_counter()
    pairs = _confirm(sets, near | cont, threshold, t)
    return {"pairs": pairs, "candidates": len(near | cont), "t_sig": t_sig}


def datasketch_ensemble(sets, sigs, ids, sizes, threshold, t) -> dict:
    from datasketch import MinHash, MinHashLSHEnsemble

    near = {(ids[a], ids[b]) for a, b in candidate_pairs(sigs, threshold)}
    mhs = [
        MinHash(num_perm=sigs.shape[1], hashvalues=sigs[k].astype(np.uint64), scheme="affine32")
        for k in range(len(ids))
    ]
    exact = [int(sets[i].size) for i in ids]
    ens = MinHashLSHEnsemble(threshold=t, num_perm=sigs.shape[1], num_part=16)
    ens.index((k, mhs[k], exact[k]) for k in range(len(ids)))
    cont = set()
    for k in range(len(ids)):
        for key in ens.query(mhs[k], exact[k]):
            if key != k:
                cont.add((min(ids[k], ids[key]), max(ids[k], ids[key])))
    t_sig = time.perf_counter()
    pairs = _confirm(sets, near | cont, threshold, t)
    return {"pairs": pairs, "candidates": len(near | cont), "t_sig": t_sig}


def judgeable(truth: dict, sets) -> dict:
    """Planted pairs whose contained document has enough shingles to be judged at all."""
    return {p: k for p, k in truth.items() if sets[p[0]].size >= MIN_CONTAINED_SHINGLES}


def _score(pairs: dict, truth: dict, negs: dict) -> dict:
    want = {tuple(sorted(p)) for p in truth}
    got = set(pairs)
    by_kind = {}
    for kind in sorted(set(truth.values())):
        ks = {tuple(sorted(p)) for p, k in truth.items() if k == kind}
        by_kind[kind] = f"{len(ks & got)}/{len(ks)}"
    neg = {tuple(sorted(p)): k for p, k in negs.items()}
    return {
        "precision": len(got & want) / len(got) if got else 1.0,
        "recall": len(got & want) / len(want) if want else 1.0,
        "by_kind": by_kind,
        "negatives_reported": sorted({neg[p] for p in got if p in neg}),
        "false": len(got - want),
    }


def bench_contain(n: int, threshold: float, t: float, seed: int, run_forked, swap: float = 0.3) -> list[str]:
    t0 = time.perf_counter()
    docs, truth, negs = generate(n, seed, swap=swap)
    t_gen = time.perf_counter() - t0
    t0 = time.perf_counter()
    sets = [shingles(normalize(d)) for d in docs]
    ids = [i for i, s in enumerate(sets) if s.size >= MIN_SHINGLES]
    sigs = np.stack([signature(sets[i]) for i in ids])
    sizes = np.array([count_words(docs[i]) for i in ids], dtype=np.float64)
    t_prep = time.perf_counter() - t0
    mb = sum(len(d.encode()) for d in docs) / 1e6
    planted = len(truth)
    truth = judgeable(truth, sets)
    results = [
        ("seedkeeper (lsh.py + containment.py)", run_forked(ours, sets, sigs, ids, sizes, threshold, t)),
        (
            "datasketch MinHashLSHEnsemble (16 partitions) + lsh.py near",
            run_forked(datasketch_ensemble, sets, sigs, ids, sizes, threshold, t),
        ),
    ]
    lines = [
        f"## containment, N = {n:,} documents ({mb:.1f} MB, "
        f"generated in {t_gen:.1f} s; normalize + shingles + signatures, shared: {t_prep:.1f} s); "
        f"{planted} planted contained pairs ({planted - len(truth)} left out: the contained text has under "
        f"{MIN_CONTAINED_SHINGLES} shingles), {len(negs)} hard-negative pairs; "
        f"containment {t}, threshold {threshold}, words swapped {swap:.0%}",
        "",
        "| pipeline | time s | of which candidates s | peak RSS growth MB | candidates | reported pairs "
        "| precision | recall | found by kind | hard negatives reported |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in results:
        s = _score(r["pairs"], truth, negs)
        kinds = ", ".join(f"{k} {v}" for k, v in s["by_kind"].items())
        lines.append(
            f"| {name} | {r['seconds']:.2f} | {r['sig_seconds']:.2f} | {r['peak_mb']:.0f} | {r['candidates']:,} | "
            f"{len(r['pairs']):,} | {s['precision']:.4f} | {s['recall']:.4f} | {kinds} | "
            f"{', '.join(s['negatives_reported']) or 'none'} |"
        )
    ours_r, ds_r = results[0][1], results[1][1]
    lines.append(
        f"\nratio ours/datasketch: time {ours_r['seconds'] / ds_r['seconds']:.2f}, "
        f"memory {ours_r['peak_mb'] / max(ds_r['peak_mb'], 1e-9):.2f}"
    )
    return lines


def _run_cli(python: str, env: dict, folder: Path, *args: str) -> tuple[float, str]:
    t0 = time.perf_counter()
    r = subprocess.run(
        [python, "-m", "seedkeeper", "dedup", str(folder), "--format", "json", "--jobs", "2", *args],
        env=env,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - t0
    if r.returncode not in (0, 1):
        raise RuntimeError(r.stderr)
    return wall, r.stdout


def bench_e2e(n: int, seed: int, baseline: str | None, repeat: int = 3) -> list[str]:
    """Each configuration `repeat` times, interleaved (the machine's load drifts); medians."""
    docs, truth, _ = generate(n, seed)
    lines = [
        f"## seedkeeper dedup end to end, N = {n:,} documents ({sum(len(d.encode()) for d in docs) / 1e6:.1f} MB), "
        f"2 jobs, wall seconds (fresh process each), median of {repeat} interleaved runs",
        "",
        "| code | containment | cold (--no-cache) s | warm (cache filled) s | clusters | contained reported |",
        "|---|---|---|---|---|---|",
    ]
    runs = [("this branch", None, "0.8", []), ("this branch", None, "0 (off)", ["--containment", "0"])]
    if baseline:
        runs.append(("before containment", baseline, "-", []))
    times: dict[int, tuple[list[float], list[float]]] = {k: ([], []) for k in range(len(runs))}
    outs: dict[int, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "seeds"
        write_folder(folder, docs)
        for rep in range(repeat):
            for k, (_, path, _, extra) in enumerate(runs):
                env = dict(os.environ)
                if path:
                    env["PYTHONPATH"] = path
                cold, outs[k] = _run_cli(sys.executable, env, folder, "--no-cache", *extra)
                cache = Path(tmp) / f"cache-{k}-{rep}"
                _run_cli(sys.executable, env, folder, "--cache-dir", str(cache), *extra)
                warm, _ = _run_cli(sys.executable, env, folder, "--cache-dir", str(cache), *extra)
                times[k][0].append(cold)
                times[k][1].append(warm)
    for k, (label, _, cval, _) in enumerate(runs):
        data = json.loads(outs[k])
        contained = sum(1 for c in data["clusters"] for d in c["duplicates"] if d["kind"] == "contained")
        cold, warm = float(np.median(times[k][0])), float(np.median(times[k][1]))
        lines.append(f"| {label} | {cval} | {cold:.2f} | {warm:.2f} | {len(data['clusters'])} | {contained} |")
    return lines
