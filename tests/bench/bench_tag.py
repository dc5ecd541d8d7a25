"""Benchmark: seedkeeper's tagger beside plain langdetect and each candidate detector alone.

Run as `python tests/bench/bench_tag.py [--jobs 2] [--folder-docs 1600] [--skip lingua-high]`
(needs the `bench` extra). Text is real and nobody here wrote it: Django's human
translations of its messages (tests/bench/lang_corpus.py), the held-out "test" half only
(rules were tuned on the "dev" half). Three lengths: documents (8 sentences), one-line
sentences (20+ letters) and fragments (2-3 words, 4-8 CJK characters); two groups:
langdetect's 55 languages ("in") and the others ("out").

Per detector and set: acc (right / all), right|und ((right + und) / all), prec (right /
answered), cov (answered / all), seconds, and the detector's peak RSS (each detector runs in
its own fresh process, model loading included). Then a folder run: 1,600 documents written
to a folder, tagged by a naive one-call-per-file `langdetect.detect` loop and by seedkeeper
(`tag_many`, --jobs workers), each in a fresh process, wall time and peak RSS (workers included).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import lang_corpus as corpus  # noqa: E402

DETECTORS = ("langdetect", "py3langid", "pycld2", "lingua-low", "lingua-high", "fasttext-lid176", "seedkeeper")


def _sets(split: str) -> dict[str, list[tuple[str, str]]]:
    data = corpus.load(split)
    return {
        "documents": corpus.documents(data),
        "sentences": corpus.sentences(data),
        "fragments": corpus.fragments(data),
    }


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def run_detector(name: str, split: str) -> dict:
    """In this (fresh) process: load `name`, tag every set, return predictions and costs."""
    from seedkeeper.lang import LANGDETECT_LANGS

    start = time.perf_counter()
    if name == "seedkeeper":
        from seedkeeper.lang import detect_language, warm_up

        warm_up()

        def detect(text: str) -> str:
            return detect_language(text).lang
    else:
        from lang_detectors import CANDIDATES

        detect = CANDIDATES[name]()
    load_s = time.perf_counter() - start
    out: dict = {"load_s": load_s, "sets": {}}
    for set_name, docs in _sets(split).items():
        start = time.perf_counter()
        predicted = [detect(text) for text, _ in docs]
        seconds = time.perf_counter() - start
        rows = {}
        for group in ("in", "out"):
            idx = [i for i, (_, lang) in enumerate(docs) if (lang in LANGDETECT_LANGS) == (group == "in")]
            right = sum(predicted[i] == docs[i][1] for i in idx)
            und = sum(predicted[i] == "und" for i in idx)
            answered = len(idx) - und
            rows[group] = {
                "n": len(idx),
                "acc": right / len(idx),
                "right_or_und": (right + und) / len(idx),
                "prec": right / answered if answered else 0.0,
                "cov": answered / len(idx),
            }
        out["sets"][set_name] = {"seconds": seconds, "groups": rows}
    out["peak_mb"] = _peak_mb()
    return out


def run_folder(step: str, folder: str, jobs: int) -> dict:
    """In this (fresh) process: tag every file of `folder`, naive loop or seedkeeper."""
    names = sorted(os.listdir(folder))
    start = time.perf_counter()
    if step == "naive":
        from langdetect import DetectorFactory, detect
        from langdetect.lang_detect_exception import LangDetectException

        DetectorFactory.seed = 0
        for name in names:
            with open(os.path.join(folder, name), encoding="utf-8") as fh:
                try:
                    detect(fh.read())
                except LangDetectException:
                    pass
    else:
        from seedkeeper.lang import tag_many

        texts = []
        for name in names:
            with open(os.path.join(folder, name), encoding="utf-8") as fh:
                texts.append(fh.read())
        tag_many(texts, jobs=jobs)
    return {"wall": time.perf_counter() - start, "peak_mb": _peak_mb()}


def _child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _write_folder(folder: str, count: int) -> None:
    docs = _sets("test")["documents"]
    for i in range(count):
        text, _ = docs[i % len(docs)]
        # Variants carry no language: a number, and a rotation of the sentences.
        sentences = text.split(". ")
        k = (i // len(docs)) % max(len(sentences), 1)
        with open(os.path.join(folder, f"{i:05d}.txt"), "w", encoding="utf-8") as fh:
            fh.write(f"{i}. " + ". ".join(sentences[k:] + sentences[:k]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--folder-docs", type=int, default=1600)
    parser.add_argument("--split", default="test")
    parser.add_argument("--skip", default="", help="comma-separated detectors to leave out")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        result = run_detector(rest[0], rest[1]) if kind == "detect" else run_folder(rest[0], rest[1], int(rest[2]))
        print(json.dumps(result))
        return 0

    from seedkeeper.lang import DETECTOR_VERSION

    skip = set(filter(None, args.skip.split(",")))
    print(f"seedkeeper {DETECTOR_VERSION}; text: Django translations, '{args.split}' half; cpus {os.cpu_count()}")
    header = (
        f"{'detector':<16} {'set':<10} {'grp':<3} {'n':>5} {'acc':>7} {'right|und':>9} {'prec':>7} "
        f"{'cov':>7} {'sec':>6} {'load s':>6} {'peak MB':>7}"
    )
    print(header)
    print("-" * len(header))
    for name in DETECTORS:
        if name in skip:
            continue
        result = _child("detect", name, args.split)
        for set_name, data in result["sets"].items():
            for group, row in data["groups"].items():
                print(
                    f"{name:<16} {set_name:<10} {group:<3} {row['n']:>5} {row['acc']:>7.1%} "
                    f"{row['right_or_und']:>9.1%} {row['prec']:>7.1%} {row['cov']:>7.1%} "
                    f"{data['seconds']:>6.2f} {result['load_s']:>6.2f} {result['peak_mb']:>7.0f}"
                )
    with tempfile.TemporaryDirectory() as folder:
        _write_folder(folder, args.folder_docs)
        naive = _child("folder", "naive", folder, "1")
        ours = _child("folder", "seedkeeper", folder, str(args.jobs))
    print(
        f"\nfolder of {args.folder_docs} documents: naive langdetect loop {naive['wall']:.2f} s "
        f"({naive['peak_mb']:.0f} MB); seedkeeper tag_many jobs={args.jobs} {ours['wall']:.2f} s "
        f"(peak {ours['peak_mb']:.0f} MB per process); ratio {ours['wall'] / naive['wall']:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
