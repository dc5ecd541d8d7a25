"""The line-by-line reader of plain INDEX.md files (indexmd/plain.py) against markdown-it.

conftest.py checks every INDEX.md the suite parses; here: the fast path is really taken for the
common plain forms, it steps aside for everything it cannot be sure of, and generated plain
files read the same both ways.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import doc_name
from seedkeeper.indexmd.plain import plain_entries
from seedkeeper.indexmd.reader import Walker, parse_index

NAME_RE = re.compile(r"\d{3,}_[0-9a-f]{16}\.txt")
A, B, C = doc_name(1), doc_name(2), doc_name(3)


def fast(text: str):
    lines = text.split("\n")
    return plain_entries(lines, Walker(lines, ("*.txt",), NAME_RE, []))


def slow(text: str):
    return parse_index(text, fast_plain=False).entries


PLAIN = [
    f"# Seeds\n\n- {A}\n- {B}\n- {C}\n",
    f"# Seeds\n\nThe corpus of 2026, in three files.\n\n* {A}\n* {B}\n",
    f"# Seeds\n\n1. {A}\n2. {B}\n10. {C}\n",
    f"# Seeds\n\n- [Persian news]({A}) lang: fa\n- [{B}]({B})\n- {C} — a note, with words (lang: zh-Hant)\n",
    f"# Seeds\n\nDocuments:\n- {A}\n- {B}\n\n## Later\n\n- {C}: kept for the record\n",
    f"# فهرست\n\nاسناد فارسی و عربی.\n\n- {A} خبر فارسی\n- {B}\n",
    "# Empty\n\nNothing listed yet.\n",
]

NOT_PLAIN = [
    f"# Seeds\n\n| file |\n|---|\n| {A} |\n",  # a table
    f"# Seeds\n\n- {A}\n  continued note\n",  # an indented continuation
    f"# Seeds\n\n- {A}\nlazy continuation\n",  # a lazy continuation line
    f"# Seeds\n\nSee [the doc]({A}).\n",  # a link in prose
    f"# Seeds\n\n- *{A}*\n",  # emphasis
    f"# Seeds\n\n```\n- {A}\n```\n",  # a code fence
    f"# Seeds\n\nProse\n2. {A}\n",  # an ordered line that continues a paragraph
    "# Seeds\n\n- my file.txt — note\n",  # a spaced name
    f"# Seeds\n\n<!-- comment -->\n- {A}\n",  # HTML
    f"# Seeds\n\n-     {A}\n",  # indented code inside an item
    f"Title\n---\n\n- {A}\n",  # a setext heading
]


def test_plain_forms_take_the_fast_path_and_agree():
    for text in PLAIN:
        got = fast(text)
        assert got is not None, text
        assert got == slow(text), text
    assert [e.rel for e in fast(PLAIN[3])] == [A, B, C]
    assert [e.lang for e in fast(PLAIN[3])] == ["fa", None, "zh-Hant"]
    assert fast(PLAIN[6]) == []


def test_anything_else_goes_to_markdown_it():
    for text in NOT_PLAIN:
        assert fast(text) is None, text


LINES = st.one_of(
    st.just(""),
    st.sampled_from(["# Seeds", "## Section two", "Some prose about the corpus.", "متن فارسی", "中文说明"]),
    st.builds(
        lambda n, m: f"{m} {doc_name(n)}", st.integers(0, 30), st.sampled_from(["-", "*", "+", "1.", "2.", "3)"])
    ),
    st.builds(
        lambda n, note: f"- {doc_name(n)} {note}", st.integers(0, 30), st.sampled_from(["note", "— lang: fa", ": x"])
    ),
    st.builds(lambda n, t: f"- [{t}]({doc_name(n)})", st.integers(0, 30), st.sampled_from(["title", "عنوان", "a b"])),
    st.sampled_from(["  indented", "- [x](https://example.org)", "| a | b |", "---", "> quote", "* *em*", "- a_b_"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=14))
def test_generated_files_read_the_same_both_ways(lines):
    text = "\n".join(lines) + "\n"
    got = fast(text)
    if got is not None:
        assert got == slow(text)
