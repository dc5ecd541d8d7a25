"""langdetect behind a deterministic, thread-safe, exception-free interface.

`langdetect.detect` uses one global factory whose seed is unset (so results are random)
and which is built lazily without a lock. Here each process builds its own factories, one
per script group, with seed 0. A factory holding only the languages a script allows is
both more accurate (no Korean for Chinese) and faster (fewer languages to score per n-gram).

The detector runs langdetect's own algorithm (same normalisation, same n-grams, same
seeded random sampling, same convergence test); only its two hot loops are rewritten: n-gram
extraction uses a cached normalisation table, and the per-n-gram probability updates
between two convergence checks are multiplied in one numpy step.
"""

from __future__ import annotations

import re
import threading

import numpy as np
from langdetect.detector import Detector
from langdetect.detector_factory import DetectorFactory
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

from .profiles import GROUPS, load_table

# Characters handed to one Detector: more than the sampler ever sends, as a safety net.
MAX_TEXT_LENGTH = 3000

_lock = threading.Lock()
_factories: dict[str, DetectorFactory] = {}


def _build(group: str) -> DetectorFactory:
    table = load_table(group)
    factory = DetectorFactory()
    factory.langlist = list(table.langs)
    # langdetect's own update loop reads word_lang_prob_map; _FastDetector reads the dense
    # table instead (row per n-gram, column per language), so the map stays empty.
    factory.row_of = table.row_of
    factory.matrix = table.matrix
    # An instance attribute: the class attribute langdetect.detect() relies on stays untouched.
    factory.set_seed(0)
    return factory


# Per-thread cache of word -> n-gram rows (one dict per profile table). A word's rows depend on
# the word and the table alone, so sharing them across documents cannot change any result; the
# cache is bounded so that a corpus with a huge vocabulary cannot grow it without limit.
_local = threading.local()
_WORD_CACHE_MAX = 200_000


def _word_cache(row_of: dict) -> dict[str, list[int]]:
    """This thread's word cache for one profile table, emptied (all tables) once it is full."""
    caches = getattr(_local, "caches", None)
    if caches is None or sum(len(c) for c in caches.values()) > _WORD_CACHE_MAX:
        caches = _local.caches = {}
    return caches.setdefault(id(row_of), {})


# Character -> langdetect's normalised character; grows with the alphabet seen.
_normal: dict[str, str] = {}


def _normalise(text: str) -> str:
    table = {}
    for ch in set(text):
        norm = _normal.get(ch)
        if norm is None:
            norm = _normal[ch] = NGram.normalize(ch)
        if norm != ch:
            table[ord(ch)] = norm
    return text.translate(table)


_LATIN = re.compile("[A-z]")
_SPACE_RUN = re.compile(" {2,}")
_NON_LATIN = re.compile("[\u0300-\u1dff\u1f00-\U0010ffff]")


class _FastDetector(Detector):
    """langdetect's Detector with its n-gram extraction and update loop made cheaper."""

    def __init__(self, factory: DetectorFactory):
        super().__init__(factory)
        self.row_of = factory.row_of
        self.matrix = factory.matrix

    def append(self, text: str) -> None:
        # langdetect's append builds self.text one character at a time; this is the same result
        # (URLs and e-mails blanked, Vietnamese marks composed, the first max_text_length
        # characters kept with runs of spaces collapsed) with C-level string operations.
        if "://" in text:
            text = self.URL_RE.sub(" ", text)
        if "@" in text:
            text = self.MAIL_RE.sub(" ", text)
        text = NGram.normalize_vi(text)
        self.text += _SPACE_RUN.sub(" ", text[: self.max_text_length])

    def cleaning_text(self) -> None:
        # langdetect's own version calls unicode_block() per character; these two regexes count
        # the same classes: 'A'..'z' is Latin, U+0300 and up minus Latin Extended Additional is
        # not. When non-Latin letters dominate, the Latin ones are dropped, as langdetect does.
        text = self.text
        latin = len(_LATIN.findall(text))
        non_latin = len(_NON_LATIN.findall(text))
        if latin * 2 < non_latin:
            self.text = _LATIN.sub("", text)

    def _extract_ngrams(self) -> list[int]:
        # N-grams never cross a space (langdetect restarts its buffer there), so a word's
        # n-grams depend on the word alone: compute each distinct word once per text. The
        # last word keeps its own key when no space follows it (no trailing n-grams).
        text = _normalise(self.text)
        words = text.split(" ")
        cache = _word_cache(self.row_of)
        out: list[int] = []
        last_index = len(words) - 1
        for index, word in enumerate(words):
            if not word:
                continue
            key = word + " " if index < last_index else word
            rows = cache.get(key)
            if rows is None:
                rows = cache[key] = self._word_rows(key)
            out.extend(rows)
        return out

    def _word_rows(self, text: str) -> list[int]:
        # NGram.add_char and Detector._extract_ngrams, inlined, for one word (plus the space
        # after it, if any); returns matrix rows of the n-grams the profiles know.
        row_of = self.row_of
        out: list[int] = []
        grams = " "
        capital = False
        for ch in text:
            last = grams[-1]
            if last == " ":
                grams = " "
                capital = False
                if ch == " ":
                    continue
            elif len(grams) >= 3:
                grams = grams[1:]
            grams += ch
            if ch.isupper():
                if last.isupper():
                    capital = True
            else:
                capital = False
            if capital:
                continue
            if ch != " ":
                row = row_of.get(ch)
                if row is not None:
                    out.append(row)
            if len(grams) >= 2:
                row = row_of.get(grams[-2:])
                if row is not None:
                    out.append(row)
                if len(grams) == 3:
                    row = row_of.get(grams)
                    if row is not None:
                        out.append(row)
        return out

    def _detect_block(self) -> None:
        self.cleaning_text()
        rows = self._extract_ngrams()
        if not rows:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        n_langs = len(self.langlist)
        langprob = np.zeros(n_langs)
        rnd = self.random
        rnd.seed(self.seed)
        choice = rnd.choice
        for _ in range(self.n_trial):
            prob = np.array(self.prior_map) if self.prior_map is not None else np.full(n_langs, 1.0 / n_langs)
            alpha = self.alpha + rnd.gauss(0.0, 1.0) * self.ALPHA_WIDTH
            weight = alpha / self.BASE_FREQ
            # langdetect checks convergence after updates 0, 5, 10, ...: so one update,
            # then blocks of five, drawing the same random n-grams in the same order.
            i, block = 0, 1
            while True:
                picks = [choice(rows) for _ in range(block)]
                prob *= (self.matrix[picks] + weight).prod(axis=0)
                prob /= prob.sum()
                i += block
                if prob.max() > self.CONV_THRESHOLD or i > self.ITERATION_LIMIT:
                    break
                block = 5
            langprob += prob / self.n_trial
        self.langprob = langprob.tolist()


def factory(group: str) -> DetectorFactory:
    """The per-process factory for a script group, built on first use (thread-safe)."""
    found = _factories.get(group)
    if found is None:
        with _lock:
            found = _factories.get(group)
            if found is None:
                found = _factories[group] = _build(group)
    return found


def warm_up() -> None:
    """Load every group's profiles now instead of on the first document."""
    for group in GROUPS:
        factory(group)


def probabilities(text: str, group: str, prior: dict[str, float] | None = None) -> dict[str, float]:
    """Probability of each language of `group` for `text`; empty if the text has no features.

    Every call seeds its own Detector identically, so the result for a text does not depend
    on what was detected before it, in this process or any other.
    """
    detector = _FastDetector(factory(group))
    detector.set_max_text_length(MAX_TEXT_LENGTH)
    if prior:
        detector.set_prior_map(prior)
    detector.append(text)
    try:
        detector.get_probabilities()
    except LangDetectException:
        return {}
    # langprob holds every language, not just those above langdetect's 0.1 display cut.
    return dict(zip(detector.langlist, detector.langprob))
