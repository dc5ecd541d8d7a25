"""Benchmark: `--encoding auto` (corpus/plausibility.py) on real text nobody here wrote.

Run as `python tests/bench/bench_decode.py [--split test] [--per-lang 3]` (needs the `bench`
extra: Django's human translations, tests/bench/lang_corpus.py). The decoder's signs were tuned
on our own sentences (tests/lang_fixtures.py, tests/multilingual.py), never on these.

Each paragraph (8 translations) and each one-line sentence of every locale is encoded in every
legacy encoding (and UTF-16 without BOM) that can hold it and is not ASCII-identical, then decoded
with `auto`. Reported per length: exact (the text as written), refused (AmbiguousEncoding: the
person is asked to choose), wrong (other letters returned: the failure that matters), and the
wrong cases themselves.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from lang_corpus import documents, load, sentences  # noqa: E402

from seedkeeper.corpus.decoding import AmbiguousEncoding, decode  # noqa: E402

ENCODINGS = (
    "cp1252 cp1250 iso8859_2 cp1251 koi8_r cp1253 cp1254 cp1255 cp1256 cp1257 cp1258 cp874 "
    "shift_jis euc_jp gb18030 big5 euc_kr cp866 mac_roman utf-16-le utf-16-be"
).split()


def run(items: list[tuple[str, str]]) -> tuple[Counter, list, float]:
    counts: Counter = Counter()
    wrong = []
    start = time.perf_counter()
    for text, lang in items:
        for enc in ENCODINGS:
            try:
                raw = text.encode(enc)
            except UnicodeEncodeError:
                continue
            if raw == text.encode("utf-8"):
                continue
            try:
                decoded, used = decode(raw, "auto")
            except (AmbiguousEncoding, ValueError):
                counts["refused"] += 1
                continue
            if decoded == text:
                counts["exact"] += 1
            else:
                counts["wrong"] += 1
                wrong.append((lang, enc, used, decoded[:50]))
    return counts, wrong, time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="test")
    ap.add_argument("--per-lang", type=int, default=3)
    args = ap.parse_args()
    corpus = load(args.split)
    sets = {
        "documents": documents(corpus, per_lang=args.per_lang),
        "sentences": sentences(corpus, per_lang=args.per_lang),
    }
    for name, items in sets.items():
        counts, wrong, seconds = run(items)
        total = sum(counts.values())
        print(
            f"{name}: {len(items)} texts, {total} decodes: exact {counts['exact']}, "
            f"refused {counts['refused']}, wrong {counts['wrong']} ({seconds:.1f} s)"
        )
        for w in wrong:
            print("  wrong:", w)


if __name__ == "__main__":
    main()
