"""Benchmark: what the `languages` allow-list settles among close languages, on real text.

Run as `python tests/bench/bench_allowed.py [--split test] [--corpus django,udhr] [--sets sentences]`
(the same texts as bench_tag.py). Every text is tagged once; then, for each language L of a
close group (lang/closepairs.VOTE_GROUPS) that the text holds, as if a corpus allowed L alone:

- "own": L's texts, right / und / wrong, without the allow-list -> with it;
- "neighbours": the texts of L's group neighbours (intruders in such a corpus), the share tagged
  L without -> with it (what the allow-list hides: an intruder still tagged as its own language
  is reported by lang-not-allowed, one tagged L is not).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from bench_tag import _SOURCES, _sets  # noqa: E402


def _shares(records: list[tuple[str, dict]], allowed: str, before: bool) -> Counter:
    from seedkeeper.lang.allowed import settle_allowed

    out = Counter()
    for truth, rec in records:
        got = rec["lang"] if before else settle_allowed(rec, (allowed,))["lang"]
        out["right" if got == truth else "und" if got == "und" else "as-allowed" if got == allowed else "wrong"] += 1
    return out


def _pct(n: int, total: int) -> str:
    return f"{n / total:.1%}" if total else "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test")
    parser.add_argument("--corpus", default="django,udhr")
    parser.add_argument("--sets", default="sentences", help="comma-separated: documents, sentences, fragments")
    args = parser.parse_args()

    from seedkeeper.lang import detect_language, warm_up
    from seedkeeper.lang.closepairs import VOTE_GROUPS

    warm_up()
    print(f"{'text':<8} {'set':<10} {'allowed':<8} {'n own':>6} {'own right':>17} {'own und':>15} {'own wrong':>15}")
    print(f"{'':<8} {'':<10} {'':<8} {'n nbr':>6} {'neighbours as allowed':>23}")
    for source in filter(None, args.corpus.split(",")):
        sets = _sets(args.split, source)
        for set_name in filter(None, args.sets.split(",")):
            texts = sets[set_name]
            present = {lang for _, lang in texts}
            records = [(lang, detect_language(text).to_dict(explain=True)) for text, lang in texts]
            for group in VOTE_GROUPS:
                for lang in sorted(group & present):
                    own = [r for r in records if r[0] == lang]
                    nbrs = [r for r in records if r[0] in group and r[0] != lang]
                    b, a = _shares(own, lang, True), _shares(own, lang, False)
                    nb, na = _shares(nbrs, lang, True), _shares(nbrs, lang, False)
                    cells = [f"{_pct(b[k], len(own))} -> {_pct(a[k], len(own))}" for k in ("right", "und", "wrong")]
                    row = f"{source:<8} {set_name:<10} {lang:<8} {len(own):>6}"
                    print(f"{row} {cells[0]:>17} {cells[1]:>15} {cells[2]:>15}")
                    hidden = f"{_pct(nb['as-allowed'], len(nbrs))} -> {_pct(na['as-allowed'], len(nbrs))}"
                    print(f"{'':<8} {'':<10} {'':<8} {len(nbrs):>6} {hidden:>23}")
    print(f"\ntexts: {', '.join(_SOURCES[s] for s in filter(None, args.corpus.split(',')))}; '{args.split}' half")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
