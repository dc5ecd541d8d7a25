"""`seedkeeper.indexmd.reader.parse_index`: INDEX.md read as GitHub renders it."""

from __future__ import annotations

import pytest

from helpers import doc_name
from seedkeeper.indexmd.reader import parse_index

pytestmark = pytest.mark.usefixtures("isolated_env")

A, B, C, D = doc_name(0), doc_name(1), doc_name(2), doc_name(3)


def refs(text: str, **kw) -> list[tuple[str | None, int]]:
    return [(e.rel, e.line) for e in parse_index(text, **kw).entries]


def one(text: str, **kw):
    entries = parse_index(text, **kw).entries
    assert len(entries) == 1, entries
    return entries[0]


# ---------------------------------------------------------------- link targets


@pytest.mark.parametrize(
    "src",
    [
        f"[title]({A})",
        f"[title](./{A})",
        f"[title](<{A}>)",
        f"[title](.//{A})",
        f'[title]({A} "a title")',
        f"[title]({A}#section)",
        f"[عنوان فارسی]({A})",
        f"Some prose with [a link]({A}) in the middle.",
    ],
)
def test_link_targets(src):
    e = one(f"# Seeds\n\n{src}\n")
    assert (e.rel, e.line) == (A, 3)


def test_link_title_is_kept():
    e = one(f"- [خبر فارسی دربارهٔ قم]({A})\n")
    assert e.title == "خبر فارسی دربارهٔ قم"


def test_percent_encoding_and_angle_brackets_with_spaces():
    assert refs("[a](my%20file.txt)\n\n[b](<your file.txt>)\n\n[c](%D9%81%D8%A7%DB%8C%D9%84.txt)\n") == [
        ("my file.txt", 1),
        ("your file.txt", 3),
        ("فایل.txt", 5),
    ]


def test_non_ascii_link_targets_written_raw():
    assert refs("[a](فایل.txt)\n[b](文件.txt)\n") == [("فایل.txt", 1), ("文件.txt", 2)]


def test_subfolder_targets():
    assert refs(f"- [a](sub/{A})\n- ./news/2024/{B}\n") == [(f"sub/{A}", 1), (f"news/2024/{B}", 2)]


def test_reference_style_links():
    text = f"# Seeds\n\nSee [the first][one] and [the second][].\n\n[one]: ./{A}\n[the second]: <{B}>\n"
    assert refs(text) == [(A, 3), (B, 3)]


def test_reference_definition_alone_is_not_a_reference():
    # An unused definition renders nothing on GitHub.
    assert refs(f"# Seeds\n\n[unused]: {A}\n") == []


def test_link_on_the_second_line_of_a_paragraph():
    text = f"# Seeds\n\nThe first line of prose,\nthen a [link]({A}) on the second\nand [another]({B}) on the third.\n"
    assert refs(text) == [(A, 4), (B, 5)]


def test_link_on_a_continuation_line_of_a_list_item():
    text = f"- {A}\n  see also [b]({B})\n- {C}\n"
    assert refs(text) == [(A, 1), (B, 2), (C, 3)]


# ---------------------------------------------------------------- bare names


@pytest.mark.parametrize("marker", ["-", "*", "+", "1.", "2)", "10."])
def test_bare_names_in_list_items(marker):
    assert refs(f"# Seeds\n\n{marker} {A}\n") == [(A, 3)]


def test_bare_names_in_a_long_list_keep_their_lines():
    text = "# Seeds\n\nIntro.\n\n" + "".join(f"- {doc_name(i)}\n" for i in range(20))
    assert refs(text) == [(doc_name(i), 5 + i) for i in range(20)]


def test_nested_lists_and_loose_lists():
    text = f"- Persian\n  - {A}\n  - {B}\n\n- Arabic\n\n  1. {C}\n"
    assert refs(text) == [(A, 2), (B, 3), (C, 7)]


def test_bare_name_in_a_code_span_in_a_list_item():
    e = one(f"- `{A}` — a note\n")
    assert (e.rel, e.note) == (A, "a note")


@pytest.mark.parametrize(
    "line, note",
    [
        (f"- {A} — Persian news about Qom", "Persian news about Qom"),
        (f"- {A}: short description", "short description"),
        (f"- {A} - خبر فارسی", "خبر فارسی"),
        (f"- {A}", ""),
    ],
)
def test_notes_after_the_name(line, note):
    e = one(line + "\n")
    assert (e.rel, e.note) == (A, note)


def test_note_after_a_link_list_item():
    e = one(f"- [title]({A}) — hand-written note\n")
    assert e.rel == A and e.note == "hand-written note"


@pytest.mark.parametrize(
    "text, note, lang",
    [
        (f'- [t]({A} "scan from Sara") — a note\n', "(scan from Sara) a note", None),
        (f"- [t]({A} 'lang: fa')\n", "(lang: fa)", "fa"),
        (f'- [t][r] a note\n\n[r]: {A} "scan &amp; more"\n', "(scan & more) a note", None),
        (f"- [t]({A}) a note\n", "a note", None),
    ],
)
def test_a_list_items_link_title_opens_its_note_and_may_pin(text, note, lang):
    # GitHub shows the title as the link's tooltip: a person's words, carried with the note.
    e = next(e for e in parse_index(text).entries if e.kind == "list")
    assert (e.rel, e.note, e.lang) == (A, note, lang)


@pytest.mark.parametrize(
    "line, lang",
    [
        (f"- {A} — Persian news (lang: fa)", "fa"),
        (f"- {A} lang: ar", "ar"),
        (f"- [t]({A}) (lang=zh-Hant)", "zh-Hant"),
        (f"- {A} — no language here", None),
    ],
)
def test_pinned_language_in_a_note(line, lang):
    assert one(line + "\n").lang == lang


@pytest.mark.parametrize("note", ["language: Persian", "lang: english"])
def test_pinned_language_is_not_a_word_prefix(note):
    assert one(f"- {A} — {note}\n").lang is None


@pytest.mark.parametrize(
    "note, lang",
    [
        # "language:" in prose is no pin: the tag must end the phrase.
        ("Plain language: no jargon", None),
        ("Language: en and fr side by side", None),
        ("language: fa", "fa"),
        ("(language: fa) Persian news", "fa"),
        ("language: fa, from the BBC", "fa"),
        ("language: uk ignore=lang-mismatch", "uk"),
        # The short form pins as before, whatever follows.
        ("lang: fa Persian news", "fa"),
    ],
)
def test_the_long_form_pins_only_where_the_tag_ends_the_phrase(note, lang):
    assert one(f"- {A} — {note}\n").lang == lang


@pytest.mark.parametrize(
    "note",
    [
        # English with the shape of a tag: Norwegian plus a variant ("nonsense"), a script ("fuss",
        # "code") or a region ("go"). None of these subtags is registered: they are words.
        "Plain language: no-nonsense",
        "written in plain language: no-nonsense.",
        "lang: no-nonsense prose",
        "lang=no-nonsense",
        "(language: no-nonsense)",
        "language: no-nonsense prose",
        "Plain language: no-fuss.",
        "lang: no-code tools",
        "(lang: no-go)",
        # A tag that starts well and ends in a word is not cut down to its start ("no").
        "lang: en-GB-nonsense",
    ],
)
def test_words_shaped_like_a_tag_pin_nothing(note):
    assert one(f"- {A} — {note}\n").lang is None
    table = f"| File | Notes |\n|---|---|\n| {A} | {note} |\n"
    assert one(table).lang is None


@pytest.mark.parametrize(
    "tag", ["zh-Hant", "sr-Latn", "pt-BR", "es-419", "sr-Cyrl-RS", "zh-hant", "sl-rozaj", "de-CH-1996", "en-GB", "und"]
)
def test_registered_tags_pin(tag):
    for note in (f"lang: {tag}", f"(language: {tag}) from the archive", f"language: {tag}"):
        assert one(f"- {A} — {note}\n").lang == tag, note
    # A hand-written table's Language column holds the tag alone: the same grammar.
    assert one(f"| File | Language |\n|---|---|\n| {A} | {tag} |\n").lang == tag


def test_a_language_column_holding_words_pins_nothing():
    assert one(f"| File | Language |\n|---|---|\n| {A} | no-nonsense |\n").lang is None


@pytest.mark.parametrize("item", [f"- Remember that {A} is Persian", f"- The old {A} was removed last week"])
def test_list_item_prose_mentioning_a_name_is_not_a_reference_to_the_prose(item):
    # GitHub shows prose; whatever the reader decides, it must not invent a file named like the prose.
    assert refs(item + "\n") in ([], [(A, 1)])


def test_names_with_spaces_in_a_list_item():
    assert refs("- my file.txt\n- my other file.txt — with a note\n") == [("my file.txt", 1), ("my other file.txt", 2)]


def test_non_ascii_bare_names():
    assert refs("- فایل.txt\n- 文件.txt — Chinese\n- फ़ाइल.txt\n") == [("فایل.txt", 1), ("文件.txt", 2), ("फ़ाइल.txt", 3)]


# ---------------------------------------------------------------- tables


def test_bare_names_and_links_in_table_cells():
    text = (
        "# Seeds\n\n| File | Language | Note |\n|---|---|---|\n"
        f"| {A} | fa | Persian |\n| [b]({B}) | ar | Arabic |\n| `{C}` | zh-Hans | |\n"
    )
    entries = parse_index(text).entries
    assert [(e.rel, e.line, e.kind) for e in entries] == [(A, 5, "table"), (B, 6, "table"), (C, 7, "table")]
    assert [e.lang for e in entries] == ["fa", "ar", "zh-Hans"]


def test_table_header_cell_is_not_a_reference():
    assert refs(f"| {A} |\n|---|\n| {B} |\n") == [(B, 3)]


def test_prose_in_a_table_cell_is_not_a_reference():
    assert refs(f"| note |\n|---|\n| see {A} for details |\n") == []


# ---------------------------------------------------------------- not references


@pytest.mark.parametrize(
    "text",
    [
        f"# {A}\n",
        f"## Notes about {A}\n",
        f"{A}\n",
        f"We once kept {A} in this folder.\n",
        f"```\n- {A}\n```\n",
        f"~~~markdown\n[x]({A})\n~~~\n",
        f"    - {A}\n",
        f"<!--\n- {A}\n-->\n",
        f"<div>\n- {A}\n</div>\n",
        f"> quoted prose about {A}\n",
        f"![an image]({A})\n",
        "- [contributing](CONTRIBUTING.md)\n- CONTRIBUTING.md\n- README\n",
        f"- [web](https://example.com/{A})\n- <https://example.com/{A}>\n- [mail](mailto:x@example.com)\n",
        f"- [anchor](#{A})\n",
        f"- [scheme-relative](//example.com/{A})\n",
        "- notes.md\n- image.png\n- data.csv\n",
        "",
    ],
)
def test_not_references(text):
    assert refs(text) == []


def test_a_link_in_a_heading_is_still_a_link():
    # A link target is a reference wherever it is (interface.md); the heading text is not.
    assert refs(f"# See [the doc]({A})\n") == [(A, 1)]


def test_blockquoted_list_item_is_a_reference():
    assert refs(f"> - {A}\n") == [(A, 1)]


# ---------------------------------------------------------------- unsafe targets


@pytest.mark.parametrize(
    "src, reason_word",
    [
        ("- ../x.txt", ".."),
        ("- /etc/x.txt", "absolute"),
        ("[x](../x.txt)", ".."),
        ("[x](/etc/x.txt)", "absolute"),
        ("[x](sub/../../x.txt)", ".."),
        ("[x](%2E%2E/x.txt)", ".."),
        ("[x](..%2Fx.txt)", ".."),
        ("- ~/x.txt", "absolute"),
        ("- C:\\x.txt", "absolute"),
    ],
)
def test_unsafe_targets_have_no_rel(src, reason_word):
    e = one(src + "\n")
    assert e.rel is None
    assert reason_word in e.unsafe_reason
    assert e.line == 1


def test_dot_dot_inside_a_name_is_safe():
    assert refs("- a..b.txt\n") == [("a..b.txt", 1)]


# ---------------------------------------------------------------- lines and settings


def test_line_numbers_with_crlf_and_bom():
    text = f"\ufeff# Seeds\r\n\r\nProse.\r\n\r\n- {A}\r\n- {B}\r\n"
    assert refs(text) == [(A, 5), (B, 6)]


def test_listed_is_first_occurrence_in_order():
    doc = parse_index(f"- {B}\n- {A}\n- ./{B}\n[x]({C})\n")
    assert doc.listed() == [B, A, C]
    assert [e.line for e in doc.entries] == [1, 2, 3, 4]


def test_include_decides_what_counts():
    # The include globs, as discovery matches them: a name the pattern fits is no document
    # outside them (paths.is_document_path).
    text = "- notes.md\n- 001_0123456789abcdef.txt\n- story.text\n"
    assert refs(text, include=("*.md",), name_pattern=r"\d{3}_[0-9a-f]{16}\.txt") == [("notes.md", 1)]
    assert refs(text, include=("*.text",), name_pattern=r"nomatch") == [("story.text", 3)]


def test_many_references_parse_fast():
    import time

    text = "# Seeds\n\n" + "".join(f"- [{i}]({doc_name(i)}) — note {i}\n" for i in range(5000))
    t0 = time.monotonic()
    entries = parse_index(text).entries
    assert len(entries) == 5000 and entries[-1].line == 5002
    assert time.monotonic() - t0 < 5


def test_a_note_wrapped_after_language_colon_pins_nothing():
    # Hard-wrapped prose: "language: no" ends the first line, "jargon" begins the next.
    assert one(f"- {A} Written in plain language: no\n  jargon at all.\n").lang is None
    assert one(f"- {A} Written in plain language: no jargon at all.\n").lang is None
    assert one(f"- {A} Persian news\n  (lang: fa)\n").lang == "fa"


# ---------------------------------------------------------------- GitHub task lists


@pytest.mark.parametrize(
    "item, rel, note",
    [
        (f"- [ ] {A}", A, "[ ]"),
        (f"- [x] {A} — checked by Sara", A, "[x] checked by Sara"),
        (f"* [X] [the text]({A}) scanned", A, "[X] scanned"),
        ("1. [ ] `my file.txt` from BBC", "my file.txt", "[ ] from BBC"),
        ("- [ ] my file.txt — from BBC", "my file.txt", "[ ] from BBC"),
    ],
)
def test_a_task_list_item_lists_the_name_after_its_box(item, rel, note):
    # GitHub shows `- [ ] 000_x.txt` as a checkbox and the name: the box is not part of the name;
    # it is a person's words (done or not), kept at the start of the note.
    e = one(f"# S\n\n{item}\n")
    assert (e.rel, e.kind, e.note) == (rel, "list", note)


def test_a_task_box_alone_lists_nothing():
    assert refs("# S\n\n- [ ] to do: write the index\n- [x]\n") == []
