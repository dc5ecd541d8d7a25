"""Near-duplicate diff excerpts: each line quotes its own document, exactly."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from seedkeeper.similarity.excerpts import diff_excerpt

_WS = re.compile(r"\s+")


def shown(text: str) -> str:
    """A document as excerpts show it: every run of white space one space."""
    return _WS.sub(" ", text)


def quoted_pieces(line: str) -> list[str]:
    """The document text an excerpt line quotes: the line less its sign, brackets and ellipses.

    Before, bracketed part and after are one run of the document unless the bracketed part was
    cut short (an ellipsis inside the brackets); then each piece is quoted on its own."""
    body = line[2:]
    inner = body[body.index("[") + 1 : body.rindex("]")]
    if "…" in inner:
        return [p for p in re.split(r"[\[\]…]", body) if p]
    return [body.replace("[", "").replace("]", "").strip("…")]


def assert_quotes_its_own_document(a: str, b: str, parts: list[str]) -> None:
    for line in parts:
        if line == "… and more differences":
            continue
        source = {"- ": a, "+ ": b}[line[:2]]
        for piece in quoted_pieces(line):
            assert piece in shown(source), (line, piece)


def _repro_pair() -> tuple[str, str]:
    """QA's reproducer: the duplicate opens with a new line and ends repeating its own start."""
    rnd = random.Random(8)
    words = "apple river stone cloud window garden bread market horse winter summer letter doctor".split()
    a = " ".join(rnd.choice(words) for _ in range(200))
    return a + "\nThe end of the first one.\n", "A new opening line here.\n" + a + " " + a[:300] + "\n"


def test_each_line_quotes_its_own_document():
    a, b = _repro_pair()
    parts = diff_excerpt(a, b, max_parts=20)
    assert any(p.startswith("+ ") for p in parts) and any(p.startswith("- ") for p in parts)
    assert not any("first one" in p for p in parts if p.startswith("+ "))  # only document a says it
    assert_quotes_its_own_document(a, b, parts)
    # A rewritten sentence is one change, not one per word (its spaces align with the other's).
    assert any(p.startswith("- ") and p.endswith("market [The end of the first one.]") for p in parts), parts


def test_insertion_and_deletion_context_come_from_their_own_side():
    a = "one two three four five six seven eight nine ten"
    b = "one two three FOUR five six seven"
    parts = diff_excerpt(a, b)
    assert parts == [
        "- one two three [four] five six seven eight nine ten",
        "+ one two three [FOUR] five six seven",  # before: "five six seven eight nine ten", a's
        "- one two three four five six seven [eight nine ten]",
    ]
    # No space is added around the brackets: a Chinese change reads as the text does.
    assert diff_excerpt("我们去茶园散步", "我们去茶山散步") == ["- 我们去茶[园]散步", "+ 我们去茶[山]散步"]


# Words, a repeated phrase, punctuation, Chinese characters, a ZWNJ and line breaks: repeats make
# the alignment ambiguous, which is where a context taken from the wrong side showed up.
_VOCAB = ["apple", "river", "stone", "the end", ",", ".", " ", " ", "\n", "\n\n", "茶", "园", "می", "\u200c", "x"]
_texts = st.lists(st.sampled_from(_VOCAB), min_size=0, max_size=60).map("".join)


@st.composite
def _pairs(draw):
    a = draw(_texts)
    # Most pairs are edits of each other (the excerpts' use); some are unrelated texts.
    if draw(st.booleans()):
        return a, draw(_texts)
    b = a
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(b)))
        j = draw(st.integers(i, min(len(b), i + 12)))
        b = b[:i] + draw(_texts.map(lambda s: s[:10])) + b[j:]
    return a, b


@settings(max_examples=300, deadline=None)
@given(_pairs(), st.integers(1, 12))
def test_every_line_is_text_of_its_own_document(pair, context):
    a, b = pair
    assert_quotes_its_own_document(a, b, diff_excerpt(a, b, context=context, max_parts=50))
