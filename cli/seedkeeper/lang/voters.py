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

import os
import sys
import threading

from .. import model_store
from .._version import package_version
from .tags import normalise

_lock = threading.Lock()
_identifier = None
# A candidate list is cut here: enough to explain a decision, small enough to read.
TOP = 3


def _py3langid(packaged: bool = False):
    """The process's py3langid identifier: from the unpacked copy, or (`packaged`, or when the
    copy cannot be used) from the model file in the wheel."""
    global _identifier
    if _identifier is None or packaged:
        with _lock:
            if _identifier is None or packaged:
                from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

                # norm_probs: a softmax tempered by text length, so scores are comparable
                # probabilities rather than raw log-likelihoods.
                found = None if packaged else _unpacked_model(MODEL_DIR / MODEL_FILE)
                if found is None:
                    found = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                _identifier = found  # one assignment: other threads read it without the lock
    return _identifier


def _unpacked_model(packed):
    """py3langid's identifier on an uncompressed copy of its model kept in the user's cache
    folder, scanning text with langid_scan (same scores, a fraction of the time).

    The wheel ships it LZMA-compressed, and unpacking costs ~0.35 s in every process that tags
    (most of a one-document run). The copy (made once per py3langid version, see model_store)
    is a folder of plain arrays that are memory-mapped, not read: the two large ones (the 28 MB
    score table and the 39 MB automaton) cost nothing until a text touches their pages, and
    forked workers share them. The copy also records what the fast scan needs to know of the
    model (its trie's depth, whether its scores are normal floats), found once when it is made.
    None when the copy cannot be made or read: then the package loads its own file as usual.
    The arrays are the same either way."""
    # The automaton is raw unsigned ints in this machine's byte order: part of the name.
    name = f"py3langid-{package_version('py3langid')}-model-{_FORMAT}-{sys.byteorder}"
    return model_store.load(name, lambda tmp: _unpack(packed, tmp), _read_model, lambda: None)


def _read_model(folder: str):
    import mmap

    import numpy as np

    ptc = np.load(os.path.join(folder, "ptc.npy"), mmap_mode="r", allow_pickle=False)
    with open(os.path.join(folder, "nextmove.u32"), "rb") as fh:
        mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    nextmove = memoryview(mapped).cast("I")  # indexed like py3langid's array('I'), no copy
    with np.load(os.path.join(folder, "small.npz"), allow_pickle=False) as data:
        # The raw arrays carry no checksum (the marker records their sizes only): the shapes the
        # small file (checksummed) records must match them.
        if tuple(data["ptc_shape"].tolist()) != ptc.shape or int(data["nextmove_len"]) != len(nextmove):
            return None
        from .langid_scan import WindowedIdentifier

        return WindowedIdentifier(
            ptc,
            np.asarray(data["pc"]),
            data["classes"].tolist(),
            nextmove,
            data["out_feat"],
            norm_probs=True,
            tk_row=data["nextmove_row"],
            depth=int(data["trie_depth"]),
            normal=bool(data["ptc_normal"]),
        )


# The layout of the copy; part of the folder's name, so a new layout is built beside an old one.
_FORMAT = "3"


def _unpack(packed, folder: str) -> None:
    """Write py3langid's model, unpacked, into the empty `folder`."""
    import lzma

    import numpy as np

    from .langid_scan import normal_halves, trie_depth

    with lzma.open(packed) as src, np.load(src, allow_pickle=False) as data:
        np.save(os.path.join(folder, "ptc.npy"), data["ptc"])
        nextmove = np.ascontiguousarray(data["nextmove"], dtype=np.uint32)
        if nextmove.dtype.itemsize != memoryview(b"\0\0\0\0").cast("I").itemsize:
            raise ValueError("unsigned int is not 32 bits here")
        nextmove.tofile(os.path.join(folder, "nextmove.u32"))
        np.savez(
            os.path.join(folder, "small.npz"),
            ptc_shape=np.asarray(data["ptc"].shape),
            nextmove_len=np.asarray(nextmove.size),
            trie_depth=np.asarray(trie_depth(nextmove, data["nextmove_row"])),
            ptc_normal=np.asarray(normal_halves(data["ptc"])),
            **{k: data[k] for k in ("pc", "classes", "nextmove_row", "out_feat")},
        )


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
    try:
        ranked = _py3langid().rank(text)
    except (IndexError, ValueError, TypeError):
        # The copy's automaton damaged where its size cannot tell (same length, other bytes):
        # the packaged model from now on in this process.
        ranked = _py3langid(packaged=True).rank(text)
    return _merge(ranked, script)


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
