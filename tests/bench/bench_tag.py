"""Benchmark: seedkeeper's tagger against a naive one-call-per-file langdetect loop.

Run as `python tests/bench/bench_tag.py [--jobs 2] [--copies 20] [--backend langdetect]`.
Both contenders run in this one process on the same documents, and every figure is
reported as a ratio against the naive loop measured in the same run:

- naive: `DetectorFactory.seed = 0; langdetect.detect(text)` per document, profile loading
  included (it happens on the first call), zh-cn/zh-tw mapped to zh-Hans/zh-Hant and an
  exception counted as "und";
- ours: `tag_many(texts, jobs=N)`, process-pool start-up and profile loading included.

Documents come from tests/lang_fixtures.py: one sentence each ("short"), three to five
sentences ("paragraph"), and ~4 KB concatenations ("long"). For timing each set is
replicated `--copies` times with small variations (numbering, spacing, a URL) that change
no language.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # tests/, for lang_fixtures

import lang_fixtures as fixtures  # noqa: E402

NAIVE_MAP = {"zh-cn": "zh-Hans", "zh-tw": "zh-Hant"}


def long_docs() -> list[tuple[str, str]]:
    """About 4 KB per document: paragraphs of one language joined by blank lines."""
    by_lang: dict[str, list[str]] = {}
    for text, lang in fixtures.paragraph_docs():
        by_lang.setdefault(lang, []).append(text)
    docs = []
    for lang in fixtures.LANGUAGES:
        paras = by_lang[lang]
        for start in range(0, len(paras), 6):
            body, k = [], start
            while len("\n\n".join(body).encode()) < 4000:
                body.append(paras[k % len(paras)])
                k += 1
            docs.append(("\n\n".join(body), lang))
    return docs


def replicate(docs: list[tuple[str, str]], copies: int) -> list[tuple[str, str]]:
    """`copies` variants of every document; the variations carry no language."""
    out = []
    for i in range(copies):
        for text, lang in docs:
            variant = f"{i + 1}. {text}" + (" " * (i % 3)) + (f" https://example.org/{i}" if i % 4 == 0 else "")
            out.append((variant, lang))
    return out


def naive_tag(texts: list[str]) -> list[str]:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    out = []
    for text in texts:
        try:
            code = detect(text)
        except LangDetectException:
            code = "und"
        out.append(NAIVE_MAP.get(code, code))
    return out


def cpu_seconds() -> float:
    """CPU time of this process plus its finished children (the pool workers)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def accuracy(predicted: list[str], docs: list[tuple[str, str]]) -> float:
    return sum(p == lang for p, (_, lang) in zip(predicted, docs)) / len(docs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--backend", default="langdetect")
    args = parser.parse_args()

    from seedkeeper.lang import DETECTOR_VERSION, tag_many

    sets = {
        "short": fixtures.short_docs(),
        "paragraph": fixtures.paragraph_docs(),
        "long": long_docs(),
    }
    print(f"detector {DETECTOR_VERSION}, backend {args.backend}, jobs {args.jobs}, "
          f"copies {args.copies}, cpus {os.cpu_count()}, {len(fixtures.LANGUAGES)} languages")
    print("wall: elapsed seconds; cpu: CPU seconds incl. pool workers (robust to other load)")
    print(f"{'set':<10} {'docs':>6} {'naive acc':>10} {'ours acc':>9} {'naive s':>8} "
          f"{'ours s':>7} {'wall ratio':>10} {'naive cpu':>9} {'ours cpu':>8} {'cpu ratio':>9}")
    totals = [0.0, 0.0, 0.0, 0.0]
    for name, docs in sets.items():
        timed = replicate(docs, args.copies)
        texts = [t for t, _ in timed]

        start, cpu = time.perf_counter(), cpu_seconds()
        naive = naive_tag(texts)  # the first set pays the profile loading, as a CLI run would
        naive_s, naive_cpu = time.perf_counter() - start, cpu_seconds() - cpu

        start, cpu = time.perf_counter(), cpu_seconds()
        ours = [r.lang for r in tag_many(texts, jobs=args.jobs, backend=args.backend)]
        ours_s, ours_cpu = time.perf_counter() - start, cpu_seconds() - cpu

        for i, v in enumerate((naive_s, ours_s, naive_cpu, ours_cpu)):
            totals[i] += v
        print(f"{name:<10} {len(texts):>6} {accuracy(naive, timed):>10.2%} "
              f"{accuracy(ours, timed):>9.2%} {naive_s:>8.2f} {ours_s:>7.2f} "
              f"{ours_s / naive_s:>10.3f} {naive_cpu:>9.2f} {ours_cpu:>8.2f} "
              f"{ours_cpu / naive_cpu:>9.3f}")
        misses = sorted({(lang, got) for got, (_, lang) in zip(ours, timed) if got != lang})
        if misses:
            print(f"{'':<10} ours wrong (expected -> got): {misses}")
        naive_misses = sorted({(lang, got) for got, (_, lang) in zip(naive, timed) if got != lang})
        if naive_misses:
            print(f"{'':<10} naive wrong (expected -> got): {naive_misses}")
    print(f"{'all':<10} {'':>6} {'':>10} {'':>9} {totals[0]:>8.2f} {totals[1]:>7.2f} "
          f"{totals[1] / totals[0]:>10.3f} {totals[2]:>9.2f} {totals[3]:>8.2f} "
          f"{totals[3] / totals[2]:>9.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
