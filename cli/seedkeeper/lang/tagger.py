"""The public tagger: one document, or many across a process pool.

A document is cleaned (URLs, digits, markup out), sampled to a few windows and classified.
Documents with several paragraphs are also checked paragraph by paragraph: when another
language covers a large share of the letters and holds up on its own text, it is reported
in `others`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace

from . import backends, voters
from .classify import MODEL_GROUP, classify
from .result import UND, LangResult
from .scripts import CHAR_WEIGHT, effective_letters, profile, script_of
from .textprep import clean_text, paragraphs, sample
from .version import DETECTOR_VERSION  # noqa: F401  (re-exported: the cache key of these results)

# Characters of a whole document sent to the model: enough to be sure, small enough to be fast.
DOCUMENT_BUDGET = 1000
# Mixed-document check: paragraphs are merged until they hold this many weighted letters,
# at most MAX_CHUNKS of them are checked, each sampled to CHUNK_BUDGET characters.
CHUNK_LETTERS = 60
MAX_CHUNKS = 6
CHUNK_BUDGET = 240
# A second language is reported when it covers this share of the checked letters and its
# paragraphs, taken together, are tagged with it at least this confidently.
MIN_SHARE = 0.2
MIN_VERIFIED_CONFIDENCE = 0.6


class _Letters:
    """Letters of the pieces of one document (its paragraphs, their joins and samples), as
    `scripts.effective_letters` and `profile(...).dominant` count them.

    The tagger asks this of every paragraph. In a document written in one script (most), a
    piece's letters are its length less its non-letters, counted in C: the document's few
    distinct non-letter characters (and the white space `sample` and joins insert). Pieces
    hold no other characters than the document's and that white space. A document mixing
    scripts is counted as `scripts` counts it."""

    def __init__(self, text: str):
        self.script: str | None = None
        self.weight = 1.0
        scripts: set[str] = set()
        non_letters = {" ", "\n"}
        for ch in set(text):
            script = script_of(ch)
            if script is None:
                non_letters.add(ch)
            else:
                scripts.add(script)
        self.single = len(scripts) <= 1
        if len(scripts) == 1:
            self.script = scripts.pop()
            self.weight = float(CHAR_WEIGHT.get(self.script, 1))
        self.non_letters = sorted(non_letters)

    def _count(self, piece: str) -> int:
        return len(piece) - sum(piece.count(ch) for ch in self.non_letters)

    def effective(self, piece: str) -> float:
        if not self.single:
            return effective_letters(piece)
        # n * w is what effective_letters sums: weights are 1, 1.5, 2 or 3, every sum exact.
        return self._count(piece) * self.weight if self.script is not None else 0.0

    def dominant(self, piece: str) -> str | None:
        if not self.single:
            return profile(piece).dominant
        return self.script if self.script is not None and self._count(piece) else None


def _chunks(paras: list[str], letters_of: _Letters) -> list[tuple[str, float]]:
    """Merge consecutive paragraphs until each holds CHUNK_LETTERS; return (text, letters).

    A paragraph in another script than the one before starts a chunk of its own: merged, a
    short Bengali or Russian paragraph beside an English one was read as English, and the
    document lost its `others`."""
    chunks: list[tuple[str, float]] = []
    buf: list[str] = []
    letters = 0.0
    script = None
    for para in paras:
        if not letters_of.single:
            para_script = letters_of.dominant(para)
            if buf and para_script is not None and script is not None and para_script != script:
                chunks.append((" ".join(buf), letters))
                buf, letters = [], 0.0
            script = para_script or script
        buf.append(para)
        letters += letters_of.effective(para)
        if letters >= CHUNK_LETTERS:
            chunks.append((" ".join(buf), letters))
            buf, letters = [], 0.0
    # A short tail stays on its own (it is usually a heading or signature in another
    # language's document, and would blur the paragraph it joined); "und" then ignores it.
    if buf:
        chunks.append((" ".join(buf), letters))
    return chunks


def _evenly(items: list, n: int) -> list:
    if len(items) <= n:
        return items
    return [items[round(i * (len(items) - 1) / (n - 1))] for i in range(n)]


def _agrees(text: str, main: LangResult, main_script: str | None, letters_of: _Letters) -> bool:
    """Cheap check that a paragraph is in the main language: the same script, and CLD2's first
    language among that script's is the main one. CLD2 is a C extension the vote has loaded
    already: about a tenth of the cost of langdetect's naive-Bayes screen, and no langdetect
    profiles to load when the vote did not need them (one changed document)."""
    script = letters_of.dominant(text)
    if script != main_script or script not in MODEL_GROUP:
        return False
    probs, _ = voters.cld2_probs(text, script)
    return bool(probs) and min(probs, key=lambda lg: (-probs[lg], lg)) == main.lang


def _chunk_results(
    main: LangResult, chunks: list[tuple[str, float]], backend: str, letters_of: _Letters, main_sample: str
):
    """Each chunk's (sampled text, result, letters), in document order, or None when no other
    language can reach MIN_SHARE whatever the chunks not yet looked at say.

    Chunks are looked at largest first, and looking stops as soon as the letters left cannot
    lift any other language to MIN_SHARE: the document is then tagged `main`, as a full pass
    would tag it (a chunk's letters count for one language at most)."""
    model = backends.get_model(backend)
    main_script = letters_of.dominant(main_sample)
    total = sum(n for _, n in chunks)
    needed = MIN_SHARE * total
    left = total
    other_best = 0.0
    letters: dict[str, float] = {}
    results: list = [None] * len(chunks)
    for i in sorted(range(len(chunks)), key=lambda k: (-chunks[k][1], k)):
        text, n = chunks[i]
        text = sample(text, CHUNK_BUDGET)
        # Most paragraphs agree with the document; only the others pay for a full detection.
        if _agrees(text, main, main_script, letters_of):
            result = main
        else:
            result = classify(text, model, overturn=False)
        results[i] = (text, result, n)
        left -= n
        if result is main or (result.lang != UND and result.confidence >= 0.5):
            letters[result.lang] = letters.get(result.lang, 0) + n
            if result.lang != main.lang:
                other_best = max(other_best, letters[result.lang])
        if other_best + left < needed:
            return None
    return results


def _mixed(main: LangResult, cleaned: str, backend: str, main_sample: str) -> LangResult:
    """Report other languages of a document whose paragraphs disagree strongly."""
    letters_of = _Letters(cleaned)
    chunks = _evenly(_chunks(paragraphs(cleaned), letters_of), MAX_CHUNKS)
    if len(chunks) < 2:
        return main
    looked = _chunk_results(main, chunks, backend, letters_of, main_sample)
    if looked is None:
        return main
    model = backends.get_model(backend)
    total = sum(n for _, n in chunks)
    by_lang: dict[str, list[str]] = {}
    letters: dict[str, float] = {}
    for text, result, n in looked:
        if result is main or (result.lang != UND and result.confidence >= 0.5):
            by_lang.setdefault(result.lang, []).append(text)
            letters[result.lang] = letters.get(result.lang, 0) + n
    verified: dict[str, LangResult] = {}
    for lang in sorted(letters):
        if lang == main.lang or letters[lang] < MIN_SHARE * total:
            continue
        # A paragraph can be mis-tagged; all of that language's paragraphs together rarely are.
        check = classify(sample(" ".join(by_lang[lang]), DOCUMENT_BUDGET), model)
        if check.lang == lang and check.confidence >= MIN_VERIFIED_CONFIDENCE:
            verified[lang] = check
    if not verified:
        return main
    shares = {lang: letters[lang] / total for lang in verified}
    shares[main.lang] = letters.get(main.lang, 0) / total
    first = min(shares, key=lambda lg: (-shares[lg], lg))
    if first in verified:
        head = verified[first]
    else:
        # The whole-document confidence is diluted by the other languages' scripts and
        # words; the main language's own paragraphs say how sure the tag itself is.
        head = classify(sample(" ".join(by_lang.get(first, [])), DOCUMENT_BUDGET), model)
        if head.lang != first:
            head = main
    others = tuple(
        (lang, round(shares[lang], 4)) for lang in sorted(shares, key=lambda lg: (-shares[lg], lg)) if lang != first
    )
    confidence = round(head.confidence * max(shares[first], 0.5), 4)
    # The explanation stays the whole document's: its candidates and the rule that tagged it.
    return replace(main, lang=first, confidence=confidence, others=others)


def detect_language(text: str, backend: str = "langdetect") -> LangResult:
    """Tag `text` with its BCP 47 language, a confidence in 0..1 and, if mixed, other languages.

    Deterministic: the same text gives the same result in any process, in any order.
    Never raises on content: empty, too short or featureless text gives "und".
    Raises UnknownBackendError for an unknown or uninstalled backend.
    """
    model = backends.get_model(backend)
    if not isinstance(text, str):
        raise TypeError(f"detect_language expects str, not {type(text).__name__}")
    cleaned = clean_text(text)
    main_sample = sample(cleaned, DOCUMENT_BUDGET)
    main = classify(main_sample, model)
    if main.lang == UND:
        return main
    return _mixed(main, cleaned, backend, main_sample)


def warm_up(backend: str = "langdetect") -> None:
    """Load the backend's profiles and the voters' models in this process (pool initializer)."""
    backends.warm_up(backend)
    voters.warm_up()


def _tag_chunk(args: tuple[list[str], str]) -> list[LangResult]:
    texts, backend = args
    return [detect_language(t, backend) for t in texts]


def tag_many(texts: Sequence[str], jobs: int = 0, backend: str = "langdetect") -> list[LangResult]:
    """Tag many texts, in order, across `jobs` worker processes (0 = all cores, 1 = here).

    Results equal detect_language's for each text whatever the number of jobs: every
    detection is seeded on its own, so which worker handles which text does not matter.
    """
    backends.get_model(backend)  # fail fast, before any process starts
    texts = list(texts)
    workers = min(jobs if jobs > 0 else (os.cpu_count() or 1), len(texts))
    if workers <= 1:
        warm_up(backend)
        return [detect_language(t, backend) for t in texts]
    import multiprocessing  # here: a run that tags nothing, or one text, starts no pool

    context = multiprocessing.get_context()
    if context.get_start_method() == "fork":
        # Forked workers inherit loaded profiles (shared copy-on-write), so load them once here.
        warm_up(backend)
    # A few batches per worker balance load without paying per-text messaging.
    per_batch = max(1, -(-len(texts) // (workers * 4)))
    batches = [(texts[i : i + per_batch], backend) for i in range(0, len(texts), per_batch)]
    with context.Pool(workers, initializer=warm_up, initargs=(backend,)) as pool:
        results = pool.map(_tag_chunk, batches, chunksize=1)
    return [r for batch in results for r in batch]
