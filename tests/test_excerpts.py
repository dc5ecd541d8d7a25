"""Near-duplicate diff excerpts: each line quotes its own document, exactly, and personal data in
them is masked as the pii-* findings mask it, in any script around it."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quality_fixtures as F
from dedup_fixtures import doc
from seedkeeper.quality import mask_pii
from seedkeeper.similarity.excerpts import diff_excerpt
from seedkeeper.similarity.placement import locate

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


# ---------------------------------------------------------------- personal data

EMAIL, PHONE = "reza.ahmadi@example.ir", "+98 912 345 6789"
IBAN = F.group4(F.make_iban("IR", "0120000000003333333333"))
SECRETS = [EMAIL, PHONE, IBAN]
CONTEXTS = {
    "en": ("Write to {} or call {} today; the bank account is {} for the fee.", "never"),
    "fa": ("به {} نامه بنویسید یا با {} تماس بگیرید؛ شماره حساب {} برای هزینه است.", "هرگز"),
    "zh": ("请写信到{}或致电{}，银行账户是{}，用于支付费用。", "从不"),
}


def assert_masked(lines: list[str], secrets: list[str]) -> None:
    text = "\n".join(lines)
    for s in secrets:
        assert s not in text, (s, text)
        assert mask_pii(f"x {s} y")[2:-2] in text, (s, text)  # shown as the pii-* findings show it
        # No part of the value either: its middle is what the mask hides.
        assert s.replace(" ", "")[4:11] not in text.replace(" ", ""), (s, text)


@pytest.mark.parametrize("lang", CONTEXTS)
def test_personal_data_around_a_change_is_masked(lang):
    template, word = CONTEXTS[lang]
    line = template.format(*SECRETS)
    a = f"{line}\n{line}\n"
    b = f"{line}\n{line.replace(SECRETS[1], SECRETS[1] + ' ' + word, 1)}\n"
    parts = diff_excerpt(a, b, context=60)
    assert any(p.startswith("+ ") for p in parts), parts
    assert_masked(parts, SECRETS)


@pytest.mark.parametrize("lang", CONTEXTS)
def test_changed_personal_data_is_masked_whole(lang):
    """A value that differs between the two copies is bracketed whole, masked: never the changed digits."""
    template, _ = CONTEXTS[lang]
    other = ["ali.karimi@example.ir", "+98 912 765 6789", F.group4(F.make_iban("IR", "0120000000004444444444"))]
    a, b = template.format(*SECRETS) + "\n", template.format(*other) + "\n"
    parts = diff_excerpt(a, b, context=60, max_parts=10)
    assert any(p.startswith("- ") for p in parts) and any(p.startswith("+ ") for p in parts), parts
    assert_masked([p for p in parts if p.startswith("- ")], SECRETS)
    assert_masked([p for p in parts if p.startswith("+ ")], other)
    assert "[+98 *** *** 6789]" in "\n".join(parts)


def test_a_value_cut_by_the_context_is_not_shown_in_part():
    """Context is cut to `context` characters: a value it would cut is masked first, then cut."""
    a = f"word {PHONE} and then the change here\n"
    b = f"word {PHONE} and then the other here\n"
    for context in range(5, 50):
        parts = diff_excerpt(a, b, context=context)
        assert parts and not any("912" in p or "345" in p for p in parts), (context, parts)


def test_contained_placement_masks_the_ends_it_quotes():
    """The other excerpt dedup prints (where a contained document sits) masks the same way."""
    contained = f"{EMAIL} wrote this.\n" + doc("en", [1, 2]) + f"Call {PHONE}\n"
    container = doc("en", [0]) + contained + doc("en", [3])
    lines = locate(contained, container).lines("full.txt")
    assert_masked(lines, [EMAIL, PHONE])
