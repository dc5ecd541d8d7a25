"""py3langid's feature scan, vectorised: the same features and scores, without a byte loop.

py3langid finds the byte n-grams it scores by walking an Aho-Corasick automaton one byte at a
time in Python (~0.5 µs a byte, 15% of a cold `check`). That automaton's state after a byte is
the longest suffix of the text so far that is a node of its trie, and no node is deeper than
the trie's `depth` (the longest n-gram, 6 bytes in py3langid 0.4's model): so the state at each
position is the one reached from the root by the last `depth` bytes alone. numpy takes those
`depth` steps for every position at once.

The features come out with the same counts and in the same order (first occurrence, as
py3langid's Counter), so the scores are the same floats, not merely close ones.
"""

from __future__ import annotations

import numpy as np
from py3langid.langid import RAW_FLOOR, LanguageIdentifier


def _moves(nextmove) -> np.ndarray:
    """The automaton's moves as an array (a model copy maps them as a memoryview of uint32)."""
    return nextmove if isinstance(nextmove, np.ndarray) else np.frombuffer(nextmove, dtype=np.uint32)


def trie_depth(nextmove, row) -> int:
    """The automaton's deepest state, in bytes from the root (a breadth-first walk). `row` is
    each state's row of moves (a list or an array, as py3langid or a model copy holds it).

    A state's distance from the root is the length of the trie node it stands for: reading
    any string from the root ends in a suffix of that string.
    """
    moves = _moves(nextmove)
    bases = np.asarray(row, dtype=np.int64) << 8
    seen = np.zeros(bases.size, dtype=bool)
    seen[0] = True
    frontier = np.zeros(1, dtype=np.int64)
    depth = 0
    steps = np.arange(256, dtype=np.int64)
    while True:
        reached = np.zeros(bases.size, dtype=bool)
        reached[moves[(bases[frontier][:, None] + steps).ravel()]] = True
        frontier = np.flatnonzero(reached & ~seen)
        if not frontier.size:
            return depth
        seen[frontier] = True
        depth += 1


def normal_halves(ptc) -> bool:
    """Whether every score in the float16 table is a normal number (no zero, subnormal, inf or
    nan): then `_widen` converts it exactly."""
    exponents = (np.asarray(ptc).view(np.uint16) >> 10) & 0x1F
    return bool(exponents.min() > 0 and exponents.max() < 0x1F)


def _widen(halves) -> np.ndarray:
    """float16 scores as float32, for normal numbers only: the same values as numpy's own
    conversion, which is not vectorised here and cost more than the rest of the scoring."""
    bits = halves.view(np.uint16).astype(np.uint32)
    # Sign to its float32 place; exponent and mantissa shifted, the exponent rebased 15 -> 127.
    return (((bits & 0x8000) << 16) | (((bits & 0x7FFF) << 13) + 0x38000000)).view(np.float32)


class WindowedIdentifier(LanguageIdentifier):
    """py3langid's identifier with the scan done by `depth`-byte windows (see the module).

    `normal` says `normal_halves` holds for the model's scores (then they are widened by bits).
    """

    __slots__ = ("_depth", "_normal", "_moves")

    def __init__(self, nb_ptc, nb_pc, nb_classes, tk_nextmove, tk_output, *, tk_row, depth: int, normal: bool, **kw):
        # py3langid keeps the automaton's rows and outputs as lists for its byte loop; the scan
        # here wants arrays, taken as they come (a model copy gives arrays: no list is built).
        super().__init__(nb_ptc, nb_pc, nb_classes, tk_nextmove, (), tk_row=(), **kw)
        self.tk_row = np.asarray(tk_row, dtype=np.int64)
        self._rowbase = self.tk_row << 8
        self.tk_output = np.asarray(tk_output, dtype=np.int64)
        self._depth = depth
        self._normal = normal and np.asarray(self.nb_ptc).dtype == np.float16
        self._moves = _moves(tk_nextmove)

    def _raw_score(self, text):
        found = self._features(text)
        if not found.size:
            # No feature: py3langid's own answer (uniform under norm_probs, else its floor).
            return np.full(len(self.nb_classes), 0.0 if self._norm_probs else RAW_FLOOR, dtype=np.float32)
        # Distinct features with their counts, in order of first occurrence (py3langid's
        # Counter order: the matrix product below then adds the same floats in the same order).
        perm = np.argsort(found, kind="stable")
        ordered = found[perm]
        starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
        counts = np.diff(np.append(starts, ordered.size)).astype(np.float32)
        by_first = np.argsort(perm[starts], kind="stable")
        idx = ordered[starts][by_first].astype(np.intp)
        rows = np.take(self.nb_ptc, idx, axis=0)
        rows = _widen(rows) if self._normal else rows
        return np.log1p(counts[by_first]) @ rows + self.nb_pc

    def _features(self, text: bytes) -> np.ndarray:
        """The feature index of every position of `text` that ends one, in text order."""
        data = np.frombuffer(text, dtype=np.uint8)
        n = data.size
        state = np.zeros(n, dtype=np.int64)
        # Position i takes bytes i-depth+1 .. i in order; positions near the start take fewer,
        # from the root, as the byte loop does.
        for back in range(min(self._depth, n) - 1, -1, -1):
            state[back:] = self._moves[self._rowbase[state[back:]] + data[: n - back]]
        found = self.tk_output[state]
        return found[found >= 0]
