"""The two detectors that vote beside langdetect: py3langid and CLD2 (pycld2).

Why these two (measured on held-out real text, see tests/bench/bench_tag.py): py3langid
knows ~100 languages, was the most accurate single detector on short sentences and costs
a tenth of langdetect's time; CLD2 is a different model (quadgrams, C++) that abstains
when unsure and is precise when it answers, so a py3langid + CLD2 agreement is strong
evidence, and its disagreement is a reason for "und". Both ship their models inside their
wheels (py3langid/data/model.npz.xz, CLD2's tables compiled into its extension): nothing
is downloaded. lingua was left out (1.1 GB in high-accuracy mode, weak on short text in
low-accuracy mode), fastText's lid.176 too (least accurate here).

Both are deterministic (no sampling) and loaded once per process.
"""

from __future__ import annotations

import threading
from importlib.metadata import PackageNotFoundError, version

from .tags import normalise

_lock = threading.Lock()
_identifier = None
# A candidate list is cut here: enough to explain a decision, small enough to read.
TOP = 3


def package_version(name: str) -> str:
    """Installed version of a distribution, "unknown" for vendored or unusual installs."""
    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"


def _py3langid():
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                # norm_probs: a softmax tempered by text length, so scores are comparable
                # probabilities rather than raw log-likelihoods.
                _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _identifier


def warm_up() -> None:
    """Load py3langid's model now (CLD2's tables are part of its extension module)."""
    _py3langid()
    import pycld2  # noqa: F401  (imported for the side effect of loading it once)


def _merge(pairs, script: str | None) -> dict[str, float]:
    """Normalise codes, drop languages not written in `script`, renormalise, sum duplicates."""
    out: dict[str, float] = {}
    for code, p in pairs:
        tag = normalise(code, script)
        if tag is not None and p > 0:
            out[tag] = out.get(tag, 0.0) + p
    total = sum(out.values())
    return {tag: p / total for tag, p in out.items()} if total else {}


def top(probs: dict[str, float], n: int = TOP) -> tuple[tuple[str, float], ...]:
    """The `n` most probable languages, ties broken by tag (deterministic)."""
    ranked = sorted(probs.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    # Scores that round to zero explain nothing.
    return tuple((tag, round(p, 4)) for tag, p in ranked if round(p, 4) > 0)


def py3langid_probs(text: str, script: str | None) -> dict[str, float]:
    """py3langid's probability for each language that can be written in `script`."""
    return _merge(_py3langid().rank(text), script)


def cld2_probs(text: str, script: str | None) -> tuple[dict[str, float], bool]:
    """CLD2's languages with their share of the text, and whether CLD2 calls it reliable.

    Empty when CLD2 cannot tell. bestEffort makes CLD2 answer on short text too; the
    reliability flag says how much that answer is worth.
    """
    import pycld2

    try:
        reliable, _, details = pycld2.detect(text, isPlainText=True, bestEffort=True)
    except pycld2.error:  # invalid UTF-8 surrogates and the like: no opinion
        return {}, False
    probs = _merge(((code, percent / 100) for _, code, percent, _ in details), script)
    return probs, bool(reliable)


VERSIONS = f"py3langid-{package_version('py3langid')}/pycld2-{package_version('pycld2')}"
