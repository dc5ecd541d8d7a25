"""The vectorised py3langid scan gives py3langid's own scores, float for float."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seedkeeper.lang.langid_scan import WindowedIdentifier, normal_halves, trie_depth

TEXTS = [
    "",
    "a",
    "ab",
    "ÉTÉ",  # all capitals: py3langid lowers them first
    "The city council met on Tuesday to discuss the new budget.",
    "شورای شهر روز سه‌شنبه برای بررسی بودجهٔ جدید تشکیل جلسه داد.",
    "مجلس المدينة اجتمع يوم الثلاثاء لمناقشة الميزانية الجديدة.",
    "市议会周二开会讨论新预算。",
    "Городской совет собрался во вторник.",
    "नगर परिषद ने मंगलवार को नए बजट पर चर्चा की।",
    "도시 의회는 화요일에 새 예산을 논의했다.",
    "Der Stadtrat traf sich am Dienstag, um den neuen Haushalt zu besprechen. " * 30,
]


@pytest.fixture(scope="module")
def packaged():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _windowed(model, normal: bool) -> WindowedIdentifier:
    return WindowedIdentifier(
        model.nb_ptc,
        model.nb_pc,
        model.nb_classes,
        model.tk_nextmove,
        model.tk_output,
        norm_probs=True,
        tk_row=model.tk_row,
        depth=trie_depth(model.tk_nextmove, model.tk_row),
        normal=normal,
    )


def test_the_windowed_scan_scores_exactly_as_the_byte_loop(packaged):
    rng = random.Random(7)
    texts = list(TEXTS)
    # Cuts of the texts at every length near the trie's depth, and random bytes read as text.
    texts += [t[:n] for t in TEXTS[4:] for n in range(1, 9)]
    texts += [rng.randbytes(rng.randrange(1, 400)).decode("latin-1") for _ in range(20)]
    # Raw bytes, mostly not UTF-8 (py3langid scans them as they are), and cut UTF-8.
    texts += [rng.randbytes(rng.randrange(1, 400)) for _ in range(20)] + [TEXTS[5].encode()[:-1], b""]
    assert normal_halves(packaged.nb_ptc)
    for normal in (True, False):
        ours = _windowed(packaged, normal)
        for text in texts:
            assert ours.rank(text) == packaged.rank(text), (normal, text[:40])
    # Restricted to a few languages (py3langid's set_languages), still the same.
    ours = _windowed(packaged, True)
    ours.set_languages(["fa", "ar", "ur"])
    packaged.set_languages(["fa", "ar", "ur"])
    try:
        assert ours.rank(TEXTS[5]) == packaged.rank(TEXTS[5])
    finally:
        packaged.set_languages(None)


def _automaton(patterns: list[bytes]) -> tuple[np.ndarray, list[int]]:
    """An Aho-Corasick DFA (one row of 256 moves per state) for `patterns`, built the textbook way."""
    states = {b"": 0}
    for p in patterns:
        for i in range(1, len(p) + 1):
            states.setdefault(p[:i], len(states))
    moves = np.zeros(len(states) * 256, dtype=np.uint32)
    for prefix, s in states.items():
        for byte in range(256):
            word = prefix + bytes([byte])
            while word not in states:  # longest suffix that is a trie node
                word = word[1:]
            moves[s * 256 + byte] = states[word]
    return moves, list(range(len(states)))


def test_trie_depth_is_the_longest_pattern():
    assert trie_depth(*_automaton([b"ab"])) == 2
    assert trie_depth(*_automaton([b"a", b"xyz", b"bcdefg"])) == 6
    assert trie_depth(*_automaton([])) == 0


def test_normal_halves_refuses_zero_and_subnormal_scores():
    assert normal_halves(np.array([[-3.5, -14.9]], dtype=np.float16))
    assert not normal_halves(np.array([[-3.5, 0.0]], dtype=np.float16))
    assert not normal_halves(np.array([[-3.5, -1e-7]], dtype=np.float16))
    assert not normal_halves(np.array([[-3.5, -np.inf]], dtype=np.float16))


_PAIR: list = []


def _identifiers():
    """(packaged, windowed) on the packaged model, built once for the property below."""
    if not _PAIR:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        _PAIR.extend((model, _windowed(model, normal_halves(model.nb_ptc))))
    return _PAIR


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), st.binary(max_size=300)))
def test_any_text_or_bytes_scores_exactly_as_the_byte_loop(text):
    packaged, windowed = _identifiers()
    assert windowed.rank(text) == packaged.rank(text)
