"""`boilerplate` across a corpus: lines that many documents share (site footers, share buttons).

Each document's line fingerprints come from its (cached) analysis; counting them needs no text.
Only the documents that hold a frequent line are read again, to name the line and its number.
Not cached itself: it depends on the whole corpus, and recounting cached fingerprints is cheap.
"""

from __future__ import annotations

from collections.abc import Sequence

from seedkeeper.corpus.analysis import DocAnalysis
from seedkeeper.corpus.model import Corpus
from seedkeeper.corpus.safe_read import read_text
from seedkeeper.problems import Problem, make


def boilerplate_problems(corpus: Corpus, analyses: Sequence[DocAnalysis], settings) -> list[Problem]:
    """The `boilerplate` findings of every readable document (`settings`: quality.QualitySettings)."""
    from seedkeeper.quality import BoilerplateCounter, unpack_fingerprints

    fps = {a.rel: unpack_fingerprints(bytes.fromhex(a.line_fps)) for a in analyses if a.readable and a.line_fps}
    counter = BoilerplateCounter()
    for f in fps.values():
        counter.add(f)
    infos = {d.rel: d.info for d in corpus.documents}
    out: list[Problem] = []
    for rel, f in fps.items():
        if not counter.has_boilerplate(f, settings):
            continue
        try:
            text = read_text(infos[rel], corpus.settings.max_size + 1)
        except OSError:
            continue  # gone since it was analysed: its other findings already say what is wrong
        if text.startswith("\ufeff"):
            text = text[1:]
        out.extend(make(x.code, rel, x.message, x.line) for x in counter.findings(text, f, settings))
    return out
