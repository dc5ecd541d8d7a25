"""The managed INDEX.md writer: adoption, idempotence, escaping, notes and pinned languages."""

from __future__ import annotations

import re
import unicodedata

import pytest

from seedkeeper.corpus.titles import short_title
from seedkeeper.indexmd.entry_edits import add_entries, remove_entries
from seedkeeper.indexmd.markers import BEGIN_MARKER, END_MARKER
from seedkeeper.indexmd.reader import parse_index
from seedkeeper.indexmd.writer import IndexRow, render_index

A, B, C, D, E = (f"{n:03d}_{n:016x}.txt" for n in range(5))

HAND = f"""# Seed corpus

Intro: these are the seed documents. See [CONTRIBUTING](CONTRIBUTING.md) and [our site](https://example.org/x.txt).
We also mention [a document in prose]({D}) here — ناظر, 中文.  

## Documents

- [{A}]({A}) — Persian news (lang: fa)
- {B}: English blog | with a pipe
  and a continuation line
* [Tehran *daily*](./{C})
- not a document, just a reminder

## Sources

Collected from the web, 2021. Trailing spaces here:   
Last line without anything special.
"""


def row(f: str, lang: str = "en", title: str = "A title", status: str = "ok", chars: int = 120) -> IndexRow:
    return IndexRow(file=f, lang=lang, chars=chars, words=chars // 6, sha=f"{chars:012x}", status=status, title=title)


ROWS = [row(A, "fa"), row(B), row(C), row(D), row(E)]


def table_rows(text: str) -> dict[str, dict[str, str]]:
    doc = parse_index(text)
    out: dict[str, dict[str, str]] = {}
    for e in doc.entries:
        if e.managed and e.kind == "table" and e.rel not in out:
            out[e.rel] = dict(e.cells)
    return out


def test_adoption_keeps_every_prose_line_in_order():
    out = render_index(HAND, ROWS)
    reference_lines = {i for i, ln in enumerate(HAND.split("\n")) if ln.startswith(("- [", f"- {B}", "  and a", "* ["))}
    kept = [ln for i, ln in enumerate(HAND.split("\n")) if i not in reference_lines and ln != ""]
    out_lines = out.split("\n")
    pos = 0
    for ln in kept:  # each non-reference line appears, byte for byte, in the same order
        pos = out_lines.index(ln, pos) + 1
    assert "- not a document, just a reminder" in out_lines
    assert f"[a document in prose]({D})" in out  # a link in prose is prose
    # the adopted list lines are gone
    assert f"- [{A}]({A})" not in out and f"- {B}:" not in out and "* [Tehran" not in out


def test_adoption_moves_notes_and_pinned_language():
    rows = table_rows(render_index(HAND, ROWS))
    assert list(rows) == [A, B, C, D, E]
    assert rows[A]["Notes"] == "Persian news" and rows[A]["Pinned"] == "fa"  # `lang: fa` moved to Pinned
    assert rows[B]["Notes"] == "English blog | with a pipe and a continuation line"
    assert rows[C]["Notes"] == "Tehran *daily*"  # the link text a person chose is kept, as Markdown
    assert rows[D]["Notes"] == "" and rows[E]["Pinned"] == ""


def test_block_goes_where_the_list_was():
    out = render_index(HAND, ROWS).split("\n")
    begin, end = out.index(BEGIN_MARKER), out.index(END_MARKER)
    # the first adopted list ("- ...") was right under the heading; the "* " list and the
    # remaining "- not a document" item are separate lists (a new bullet starts a new list)
    assert out[begin - 2] == "## Documents" and out[begin - 1] == ""
    assert out[end + 1] == "" and out[end + 2] == "- not a document, just a reminder"


def test_render_twice_is_identical_and_reparses():
    once = render_index(HAND, ROWS)
    assert render_index(once, ROWS) == once
    doc = parse_index(once)
    managed = [e for e in doc.entries if e.managed]
    assert [e.rel for e in managed] == [A, B, C, D, E]
    assert [e.lang for e in managed] == ["fa", None, None, None, None]
    assert once.endswith("\n") and not once.endswith("\n\n")


def test_new_index_without_file():
    out = render_index(None, ROWS)
    assert out.startswith("# Index\n\n" + BEGIN_MARKER + "\n") and out.endswith(END_MARKER + "\n")
    assert render_index(out, ROWS) == out
    assert list(table_rows(out)) == [A, B, C, D, E]


def test_notes_and_pinned_survive_changed_detection():
    once = render_index(HAND, ROWS)
    edited = once.replace("| Persian news |", "| Persian news, edited by hand `x` |")
    changed = [row(A, "ar", "New title", "duplicate of 004.txt", 999), row(B, "de"), row(C), row(D), row(E)]
    again = render_index(edited, changed)
    rows = table_rows(again)
    assert rows[A]["Notes"] == "Persian news, edited by hand `x`"
    assert rows[A]["Pinned"] == "fa" and rows[A]["Language"] == "ar" and rows[A]["Chars"] == "999"
    assert rows[B]["Notes"] == "English blog | with a pipe and a continuation line"

    # prose above and below the markers is untouched
    def outside(t: str) -> tuple[str, str]:
        return t.split(BEGIN_MARKER)[0], t.split(END_MARKER)[1]

    assert outside(again) == outside(once)


def test_rows_dropped_and_reordered_as_the_caller_says():
    once = render_index(HAND, ROWS)
    out = render_index(once, [row(E), row(A, "fa")])
    assert list(table_rows(out)) == [E, A]
    assert table_rows(out)[A]["Notes"] == "Persian news"


@pytest.mark.parametrize(
    "title",
    [
        "a | b || c",
        "`code` and ``more``",
        "*bold* _it_ **x**",
        "[link](000_0000000000000001.txt)",
        "سلام دنیا | فارسی",
        "中文标题 | 测试",
        "back\\slash \\| pipe",
        "<b>html</b> &amp; $x$",
        "notes.txt",
        "000_0000000000000009.txt",
        "_lead and trail_",
        "tab\there",
    ],
)
def test_titles_render_literally_and_reparse(title):
    out = render_index(None, [row(A, title=title), row(B)])
    doc = parse_index(out)
    assert [e.rel for e in doc.entries] == [A, B]  # a title never becomes a reference
    assert render_index(out, [row(A, title=title), row(B)]) == out
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable("table").render(out)
    shown = re.search(r"<tr>\n<td><a[^>]*>[^<]*</a></td>\n(?:<td[^>]*>.*?</td>\n){6}<td>(.*?)</td>", html).group(1)
    import html as h

    assert h.unescape(re.sub(r"<[^>]+>", "", shown)) == short_title(title)


def test_short_title():
    assert short_title("  first   line \n second") == "first line"
    long = "x" * 100
    assert len(short_title(long)) == 60 and short_title(long).endswith("…")
    assert short_title(short_title(long)) == short_title(long)
    assert short_title("a\u202eb\x07c") == "abc"


def test_odd_file_names_link_and_reparse():
    names = ["my file.txt", "sub/dir/100%.txt", "فارسی.txt", "a#b?.txt", "x|y.txt"]
    out = render_index(None, [row(n) for n in names])
    assert [e.rel for e in parse_index(out).entries] == names
    assert render_index(out, [row(n) for n in names]) == out


def test_prose_outside_markers_byte_for_byte_crlf_bom_trailing_spaces():
    text = (
        "\ufeff# Título  \r\nPróse with trailing space \r\n\r\n"
        + render_index(None, [row(A)]).split("\n", 2)[2]
        + "\r\nAfter — 中文\t \r\n"
    )
    out = render_index(text, [row(A, "fa"), row(B)])
    assert out.startswith("\ufeff# Título  \r\nPróse with trailing space \r\n\r\n" + BEGIN_MARKER + "\n")
    assert out.endswith(END_MARKER + "\n\r\nAfter — 中文\t \r\n")
    assert list(table_rows(out)) == [A, B]
    assert render_index(out, [row(A, "fa"), row(B)]) == out


def test_hand_table_is_adopted_with_language_and_other_cells():
    text = (
        f"# Docs\n\nIntro.\n\n| File | Language | Description |\n|---|---|---|\n| {A} | fa | Persian news |\n"
        f"| [{B}]({B}) | en |  |\n\nEnd.\n"
    )
    out = render_index(text, [row(A), row(B)])
    rows = table_rows(out)
    assert rows[A]["Pinned"] == "fa" and rows[A]["Notes"] == "Persian news"
    assert rows[B]["Pinned"] == "en" and rows[B]["Notes"] == ""
    assert "| File | Language | Description |" not in out  # the emptied hand table went
    assert out.startswith("# Docs\n\nIntro.\n\n" + BEGIN_MARKER) and out.endswith(END_MARKER + "\n\nEnd.\n")


def test_a_hand_table_title_saying_language_in_prose_pins_nothing():
    # "Plain language: no jargon" moved into Notes pinned Norwegian; the reader and the writer
    # now agree that prose is no pin.
    text = f"# Docs\n\n| File | Title |\n|---|---|\n| {A} | Plain language: no jargon |\n| {B} | language: fa |\n"
    doc = parse_index(text)
    assert [e.lang for e in doc.entries] == [None, "fa"]
    rows = table_rows(render_index(text, [row(A), row(B)]))
    assert rows[A]["Pinned"] == "" and "Plain language: no jargon" in rows[A]["Notes"]
    assert rows[B]["Pinned"] == "fa"


def test_list_outside_existing_block_is_adopted_later():
    once = render_index(HAND, ROWS[:2])
    later = once + "\n- " + E + " — added by hand (lang: de)\n"
    out = render_index(later, ROWS[:2] + [row(E)])
    assert table_rows(out)[E] == {**table_rows(out)[E], "Notes": "added by hand", "Pinned": "de"}
    assert f"- {E}" not in out
    assert render_index(out, ROWS[:2] + [row(E)]) == out


def test_stray_begin_marker_is_dropped_not_swallowing_text():
    text = f"# X\n\n{BEGIN_MARKER}\n\n- {A}\n\nKeep me.\n"
    out = render_index(text, [row(A)])
    assert out.count(BEGIN_MARKER) == 1 and "Keep me." in out
    assert render_index(out, [row(A)]) == out


@pytest.mark.parametrize("lost", [END_MARKER, BEGIN_MARKER])
def test_a_lost_marker_leaves_no_copy_of_the_header_comment(lost):
    # A merge or an editor dropped one marker of a block seedkeeper wrote: the next `index`
    # gives back the file it wrote, not a second copy of its own header comment.
    written = render_index(HAND, ROWS)
    broken = written.replace(lost + "\n", "", 1)
    assert broken != written
    assert render_index(broken, ROWS) == written


def test_a_copy_of_the_header_comment_in_a_code_example_stays():
    from seedkeeper.indexmd.table import HEADER_COMMENT

    fenced = f"```\n{BEGIN_MARKER}\n{HEADER_COMMENT}\n\n| File |\n```\n"
    example = f"How the table starts:\n\n{fenced}\n    {HEADER_COMMENT}\n"
    written = render_index(HAND + "\n" + example, ROWS)
    assert example in written
    assert render_index(written, ROWS) == written


def test_remove_entries_managed_and_hand_written():
    managed = render_index(HAND, ROWS)
    out = remove_entries(managed, [B, E])
    assert list(table_rows(out)) == [A, C, D]
    assert out.split(BEGIN_MARKER)[0] == managed.split(BEGIN_MARKER)[0]
    assert remove_entries(managed, ["nothing.txt"]) == managed
    hand = remove_entries(HAND, [A, B])
    assert [e.rel for e in parse_index(hand).entries] == [D, C]  # prose link to D stays
    assert (
        HAND.replace(f"- [{A}]({A}) — Persian news (lang: fa)\n", "").replace(
            f"- {B}: English blog | with a pipe\n  and a continuation line\n", ""
        )
        == hand
    )


def test_remove_last_items_drops_the_empty_list():
    text = f"Intro\n\n- {A}\n- {B}\n\nOutro\n"
    assert remove_entries(text, [A, B]) == "Intro\n\nOutro\n"


def test_add_entries_managed_and_hand_written():
    managed = render_index(HAND, ROWS[:3])
    out = add_entries(managed, [D, A, "new file.txt"])
    assert list(table_rows(out)) == [A, B, C, D, "new file.txt"]
    assert table_rows(out)[D]["Chars"] == ""
    filled = render_index(out, ROWS[:4] + [row("new file.txt")])
    assert table_rows(filled)[D]["Chars"] == "120" and table_rows(filled)[A]["Notes"] == "Persian news"
    ordered = add_entries(f"# I\n\n1. {A}\n2. {B}\n\nOutro\n", [C, D])
    assert ordered == f"# I\n\n1. {A}\n2. {B}\n3. {C}\n4. {D}\n\nOutro\n"
    bullets = add_entries(HAND, [E])
    assert f"* [Tehran *daily*](./{C})\n* {E}\n- not a document" in bullets  # same marker as its list
    assert add_entries(None, [A]) == f"# Index\n\n- {A}\n"
    assert add_entries("# Only prose", [A]) == f"# Only prose\n\n- {A}\n"
    table = add_entries(f"| File | Note |\n|---|---|\n| {A} | x |\n", [B])
    assert [e.rel for e in parse_index(table).entries] == [A, B]


def test_random_titles_and_notes_are_stable():
    import random

    pool = list("ab |\\`*_[]()<>&$~#!:.-") + ["س", "中", "\u200c", "é", " x.txt", "&#46;", "\\|", "\\\\|"]
    rng = random.Random(7)
    for _ in range(200):
        title = "".join(rng.choice(pool) for _ in range(rng.randint(0, 20)))
        note = "".join(rng.choice(pool) for _ in range(rng.randint(0, 20)))
        rows = [row(A, title=title), row(B), row(C)]
        once = render_index(f"# T\n\n- {A} — {note}\n- {B}\n", rows)
        assert render_index(once, rows) == once, (title, note)
        assert [e.rel for e in parse_index(once).entries if e.managed][:3] == [A, B, C]


def test_empty_index_is_treated_as_absent():
    assert render_index("", [row(A)]) == render_index(None, [row(A)])
    assert render_index("\n\n", [row(A)]) == render_index(None, [row(A)])


def test_remove_from_hand_table_keeps_other_rows():
    text = f"Intro\n\n| File | Note |\n|---|---|\n| {A} | a |\n| {B} | b |\n\nEnd\n"
    assert remove_entries(text, [A]) == f"Intro\n\n| File | Note |\n|---|---|\n| {B} | b |\n\nEnd\n"
    # The last row gone, the header stays: its column names are the person's words, and
    # restore puts a row back under them (tests/test_restore_cells.py).
    assert remove_entries(text, [A, B]) == "Intro\n\n| File | Note |\n|---|---|\n\nEnd\n"


@pytest.mark.parametrize("body", ["", "| _more to come_ | Sara |\n"], ids=["no-rows", "rows-naming-no-document"])
def test_index_leaves_a_hand_table_that_lists_nothing_byte_for_byte(body):
    # A header a person wrote (or one dedup --apply emptied) with no row naming a document: no
    # row carries its column names into Notes, so removing it would lose them; and restore puts
    # a row that left it back under it (tests/test_restore_placement.py). It stays, as prose does.
    table = f"## Copies\n\n| File | Source |\n| --- | --- |\n{body}"
    text = f"# S\n\n- {A}\n\n{table}\n## More\n\n- {B}\n"
    out = render_index(text, [row(A), row(B)])
    assert f"\n{table}\n" in out and out.count("| File | Source |") == 1, out
    assert render_index(out, [row(A), row(B)]) == out


def test_escape_text_skips_only_what_needs_no_escape():
    """escape_text's quick test (no special character, every `_` between letters or digits)
    passes exactly the texts its character loop would leave as they are, in any script."""
    import random

    from seedkeeper.indexmd.table import escape_text

    def by_hand(text: str) -> str:
        special = set("\\`*[]<>&|~$")
        out = []
        for i, ch in enumerate(text):
            if ch in special:
                out.append("\\" + ch)
            elif ch == "_" and not (0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()):
                out.append("\\_")
            else:
                out.append(ch)
        return "".join(out)

    rng = random.Random(3)
    alphabet = list("ab1._*[]`|~$<>&\\ é中٣²ⅷ") + ["\u0301", "_", "_"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
        assert escape_text(text) == by_hand(text), text
    assert escape_text("000_bd9696f674d5fbff.txt") == "000_bd9696f674d5fbff.txt"
    assert escape_text("_x") == "\\_x" and escape_text("a_") == "a\\_" and escape_text("a_é") == "a_é"


def test_row_values_follow_index_row_fields():
    """operations.index_rows.row_values builds IndexRows by position: a field added to IndexRow
    must be added there in the same place."""
    from dataclasses import fields

    from seedkeeper.indexmd.table import IndexRow

    assert [f.name for f in fields(IndexRow)] == ["file", "lang", "chars", "words", "sha", "status", "title"]


def test_a_pinned_language_moves_out_of_the_note_and_a_second_one_stays():
    # Adopting "- x (lang: fa)" moves the `lang:` to Pinned, as a `lang:` typed in a Notes cell
    # is moved; a later listing that pins another language keeps it in its note (the first wins,
    # as the corpus model reads a file listed twice).
    text = f"# I\n\n- {A} Persian park text (lang: fa)\n"
    rows = table_rows(render_index(text, [row(A)]))
    assert (rows[A]["Pinned"], rows[A]["Notes"]) == ("fa", "Persian park text")
    twice = text + f"- {A} news, lang: de, more\n"
    rows = table_rows(render_index(twice, [row(A)]))
    assert (rows[A]["Pinned"], rows[A]["Notes"]) == ("fa", "Persian park text; news, more (lang: de)")


def test_an_index_written_with_crlf_keeps_crlf():
    # The table was written with LF into a CRLF file: a file of mixed line endings.
    crlf = f"# I\r\n\r\nProse.\r\n\r\n- {A} Persian news (lang: fa)\r\n- {B}\r\n"
    once = render_index(crlf, ROWS[:2])
    assert once.count("\r\n") == once.count("\n") > 8
    assert render_index(once, ROWS[:2]) == once
    added = add_entries(once, [C])
    assert C in added and added.count("\r\n") == added.count("\n")
    listed = add_entries(crlf, [C])  # a hand-written list grows with CRLF too
    assert listed.count("\r\n") == listed.count("\n") and f"- {C}\r\n" in listed
    mixed = f"# I\r\n\n- {A}\n"  # mixed already: blocks are LF, as before
    assert "\r\n" not in render_index(mixed, ROWS[:1]).split("# I\r\n", 1)[1]


@pytest.mark.parametrize(
    ("note", "left"),
    [
        ("Persian park text (lang: fa)", "Persian park text"),
        ("a (b, lang: fa)", "a (b)"),  # the person's bracket stays
        ("a (lang: fa, b)", "a (b)"),
        ("x — lang: fa — y", "x — y"),
        ("news, lang=fa, more", "news, more"),
        ("a , , b lang: fa", "a , , b"),  # the rest of the note exactly as written
        ("a, lang=fa.", "a."),
        ("a, lang: fa;", "a"),
        ("lang: en; quoted (lang: fa)", "quoted (lang: fa)"),  # the one pinned_lang read: en
        ("note (lang: fa), more", "note, more"),  # not "note , more"
        ("خبر (lang: fa); بی‌بی‌سی", "خبر; بی‌بی‌سی"),
        ("x (lang: fa) — y", "x — y"),  # a dash keeps its spaces
    ],
)
def test_a_moved_lang_takes_only_itself_and_its_seam(note, left):
    from seedkeeper.indexmd.entries import without_pinned_lang

    assert without_pinned_lang(note) == left


def test_the_first_listing_in_index_md_pins_the_language_wherever_the_table_is():
    # A list item above the managed table pins de; the table's row says it. `check` reads the
    # first listing, so `index` must keep de (and it in the note), not the table's.
    once = render_index(f"# I\n\n- {A}\n", [row(A)])
    tabled = once.replace(f"| {row(A).lang} |  |", f"| {row(A).lang} | it |", 1)
    assert table_rows(tabled)[A]["Pinned"] == "it"
    text = tabled.replace("# I\n", f"# I\n\n- {A} lang: de\n", 1)
    rows = table_rows(render_index(text, [row(A)]))
    assert rows[A]["Pinned"] == "de" and "lang: it" in rows[A]["Notes"], rows[A]


def test_a_list_line_between_the_markers_pins_as_the_first_listing():
    # managed_carry reads a list line typed between the markers; a listing after the block is not
    # "earlier" than it.
    text = (
        f"# I\n\n<!-- seedkeeper:index:begin -->\n- {A} — lang: en\n<!-- seedkeeper:index:end -->\n\n- {A} — lang: de\n"
    )
    rows = table_rows(render_index(text, [row(A)]))
    assert rows[A]["Pinned"] == "en" and "lang: de" in rows[A]["Notes"], rows[A]


def test_a_link_definition_of_another_real_file_in_the_other_spelling_stays():
    nfc, nfd = (unicodedata.normalize(f, "café.txt") for f in ("NFC", "NFD"))
    text = f"# I\n\n- {nfc} — see [the other][r]\n\n[r]: {nfd}\n"
    out = render_index(text, [row(nfc), row(nfd)])
    assert f"[r]: {nfd}" in out


@pytest.mark.parametrize("space", ["\u00a0", "\x0c"])
def test_a_line_of_no_break_spaces_glues_the_markers_as_markdown_reads_it(space):
    # str.strip() calls it blank; to a renderer it continues the HTML block above, which hid the
    # list after the markers until the table set them apart: index, then index --check, failed.
    text = f"<div>\n{space}\n{BEGIN_MARKER}\n{END_MARKER}\n{space}\n- {B} note\n"
    once = render_index(text, [row(A), row(B)])
    assert render_index(once, [row(A), row(B)]) == once


# --- A hand table's cells in the columns `index` computes again (Status, Words, SHA-256...) ---

_STATUS_TABLE = f"""# Seeds

| File | Status | Source |
| --- | --- | --- |
| {A} | waiting on the author's permission | BBC |
| {B} | ok | Reuters |
"""


def test_a_hand_tables_status_words_are_kept_in_notes():
    # `index` computes Status again, but "waiting on the author's permission" is a person's words,
    # not a status it computed: it goes to Notes, as other hand cells do ("Source: BBC").
    out = render_index(_STATUS_TABLE, [row(A), row(B)])
    rows = table_rows(out)
    assert rows[A]["Notes"] == "Status: waiting on the author's permission; Source: BBC", rows[A]
    assert rows[B]["Notes"] == "Source: Reuters", rows[B]  # "ok" is what index computes: nothing lost
    assert rows[A]["Status"] == "ok"
    assert render_index(out, [row(A), row(B)]) == out  # index twice: the same bytes


@pytest.mark.parametrize(
    ("header", "cell", "kept"),
    [
        # What index writes there itself (any spelling of it) is derived data: it is written again.
        ("Status", "ok", False),
        ("Status", "OK", False),
        ("Status", f"duplicate of {C} (exact)", False),
        ("Status", f"duplicate of {C}", False),  # an older version's wording
        ("Status", f"near duplicate of {C} (0.91)", False),
        ("Status", f"contained in {C} (0.97)", False),
        ("Status", "error: empty, too-large", False),
        ("Words", "1,234", False),
        ("Chars", "5021", False),
        ("Size", "12 KB", False),
        ("SHA-256", "`d43410b260bd`", False),
        ("Hash", "d43410b260bd9664ad8261d2397707320bfeb828583c5b24c8e4baac4583b97f", False),
        # A person's words in those columns are theirs: kept.
        ("Status", "waiting on the author's permission", True),
        ("Status", "duplicate of the BBC text (see below)", True),
        ("Status", "duplicate of Ali's", True),
        ("Status", "error: the scan is missing a page", True),
        # Close to what index writes, but not one file name: a person's sentence, kept whole.
        ("Status", "duplicate of the BBC text, see notes.txt", True),
        ("Status", "Duplicate of bbc.txt? ask Ana before v2.1", True),
        ("Status", "duplicate of v2.1", True),
        ("Status", "duplicate of Ali's draft.txt (exact)", True),
        ("Status", "near duplicate of the old scan, chapter 2.txt (0.91)", True),
        ("Status", "contained in the 2019 book.txt (0.97)", True),
        ("Status", f"duplicate of {C} (exact), keep both", True),
        ("Words", "about 3 pages", True),
        ("SHA-256", "to do: ask Ali", True),
    ],
)
def test_which_computed_column_cells_of_a_hand_table_are_kept(header, cell, kept):
    text = f"# S\n\n| File | {header} |\n| --- | --- |\n| {A} | {cell} |\n"
    notes = table_rows(render_index(text, [row(A)]))[A]["Notes"]
    # A Notes cell that could read as a file reference has its dots written `&#46;` (same on screen).
    assert notes.replace("&#46;", ".") == (f"{header}: {cell}" if kept else ""), notes


@pytest.mark.parametrize(
    ("header", "cell"),
    [
        ("Status", "Status: pending review"),
        ("Status", "status: pending review"),
        ("Status", "STATUS : pending review"),
        ("Owner", "Owner: Sara"),
    ],
)
def test_a_cell_that_starts_with_its_label_does_not_get_it_twice(header, cell):
    # Notes carry a hand cell as `Header: text`; a cell that already says its header keeps its
    # own wording ("Status: Status: pending review" would be noise, and grow on no run).
    text = f"# S\n\n| File | {header} |\n| --- | --- |\n| {A} | {cell} |\n"
    out = render_index(text, [row(A)])
    assert table_rows(out)[A]["Notes"] == cell
    assert render_index(out, [row(A)]) == out


@pytest.mark.parametrize(
    ("table", "pinned", "notes"),
    [
        # The pin typed in a Status cell moves to Pinned, and its label goes with it.
        (f"| File | Status | Notes |\n| --- | --- | --- |\n| {A} | lang: fa | a poem |\n", "fa", "a poem"),
        (f"| File | Status |\n| --- | --- |\n| {A} | lang: fa |\n", "fa", ""),
        # Any other carried column alike; what is left beside the pin keeps its label.
        (f"| File | Owner | Notes |\n| --- | --- | --- |\n| {A} | lang: de | x |\n", "de", "x"),
        (f"| File | Owner |\n| --- | --- |\n| {A} | Sara; lang: de |\n", "de", "Owner: Sara"),
        (f"| File | Status | Owner |\n| --- | --- | --- |\n| {A} | (lang: fa) | Ali |\n", "fa", "Owner: Ali"),
        # A cell that said its own label and the pin: the label typed in it is a person's, and stays.
        (
            f"| File | Status | Owner |\n| --- | --- | --- |\n| {A} | Status: lang: fa | Ali |\n",
            "fa",
            "Status:; Owner: Ali",
        ),
        (f"| File | Owner |\n| --- | --- |\n| {A} | Title: lang: fa |\n", "fa", "Owner: Title:"),
        (f"| File | Notes |\n| --- | --- |\n| {A} | Language: lang: fa |\n", "fa", "Language:"),
        # A second, different `lang:` is a person's words: it stays, with its label.
        (f"| File | Status | Owner |\n| --- | --- | --- |\n| {A} | lang: fa | lang: de |\n", "fa", "Owner: lang: de"),
        # A table shaped like ours whose markers were lost, and a column a person added to ours.
        (
            f"| File | Pinned | Notes | Status |\n| --- | --- | --- | --- |\n| {A} |  | from Ali | lang: fa |\n",
            "fa",
            "from Ali",
        ),
        (
            f"{BEGIN_MARKER}\n| File | Language | Pinned | Chars | Words | SHA-256 | Status | Title | Notes | Owner |\n"
            "| --- | --- | --- | ---: | ---: | --- | --- | --- | --- | --- |\n"
            f"| [{A}]({A}) | en |  | 1 | 1 | 000000000000 | ok | T | a poem | lang: fa |\n{END_MARKER}\n",
            "fa",
            "a poem",
        ),
    ],
)
def test_a_pin_typed_in_a_carried_cell_leaves_no_bare_label_in_notes(table, pinned, notes):
    out = render_index(f"# S\n\n{table}", [row(A)])
    rows = table_rows(out)
    assert (rows[A]["Pinned"], rows[A]["Notes"]) == (pinned, notes), rows[A]
    assert render_index(out, [row(A)]) == out


def test_status_words_in_a_hand_table_shaped_like_ours_are_kept():
    # A hand table with File, Pinned and Notes columns is read as ours (a managed table whose
    # markers were lost): its tool-written Status is dropped, a person's words in it are not.
    text = (
        f"# S\n\n| File | Pinned | Notes | Status |\n| --- | --- | --- | --- |\n"
        f"| {A} | fa | from Ali | waiting on the author's permission |\n| {B} |  | x | ok |\n"
    )
    out = render_index(text, [row(A), row(B)])
    rows = table_rows(out)
    assert rows[A]["Notes"] == "from Ali; Status: waiting on the author's permission", rows[A]
    assert rows[A]["Pinned"] == "fa" and rows[B]["Notes"] == "x"
    assert render_index(out, [row(A), row(B)]) == out


@pytest.mark.parametrize(
    ("table", "pinned", "notes"),
    [
        # A Language column holding a note-style pin: the pin moves, its label with it.
        (
            f"| File | Language | Source | Notes |\n| --- | --- | --- | --- |\n| {A} | lang: ja | travel site | |\n",
            "ja",
            "Source: travel site",
        ),
        (f"| File | Language |\n| --- | --- |\n| {A} | language: zh-Hans |\n", "zh-Hans", ""),
        (f"| File | Lang | Notes |\n| --- | --- | --- |\n| {A} | (lang: fa) | a poem |\n", "fa", "a poem"),
        # What else the cell says stays, under its label.
        (f"| File | Language |\n| --- | --- |\n| {A} | lang: fa, checked by Ali |\n", "fa", "Language: checked by Ali"),
        # A plain tag there pins as before, and prose stays prose.
        (f"| File | Language |\n| --- | --- |\n| {A} | fa |\n", "fa", ""),
        (f"| File | Language |\n| --- | --- |\n| {A} | Japanese |\n", "", "Language: Japanese"),
    ],
)
def test_a_pin_in_a_hand_language_column_leaves_no_bare_label_in_notes(table, pinned, notes):
    out = render_index(f"# S\n\n{table}", [row(A)])
    rows = table_rows(out)
    assert (rows[A]["Pinned"], rows[A]["Notes"]) == (pinned, notes), rows[A]
    assert render_index(out, [row(A)]) == out


@pytest.mark.parametrize(
    ("cell", "notes"),
    [
        ("Language: lang: ja; Source: travel site", "Language: ; Source: travel site"),
        ("Source: travel site; Status: (lang: ja)", "Source: travel site; Status:"),
        ("Owner: ; Status: lang: ja", "Owner: ; Status: lang: ja"),  # beside a filled Pinned: kept
    ],
)
def test_a_pin_moved_out_of_a_managed_notes_cell_leaves_the_label_typed_before_it(cell, notes):
    # `Label: lang: ja` in a Notes cell may be a person's words: the label stays (it was taken
    # for one an earlier version carried there, and deleted: "Status" typed by a person was lost).
    pinned = "de" if cell.startswith("Owner") else ""
    managed = (
        f"{BEGIN_MARKER}\n| File | Language | Pinned | Chars | Words | SHA-256 | Status | Title | Notes |\n"
        "| --- | --- | --- | ---: | ---: | --- | --- | --- | --- |\n"
        f"| [{A}]({A}) | en | {pinned} | 1 | 1 | 000000000000 | ok | T | {cell} |\n{END_MARKER}\n"
    )
    out = render_index(f"# S\n\n{managed}", [row(A)])
    rows = table_rows(out)
    assert (rows[A]["Pinned"], rows[A]["Notes"]) == (pinned or "ja", notes), rows[A]
    assert render_index(out, [row(A)]) == out


def _every_header() -> list[str]:
    from seedkeeper.indexmd.columns import COMPUTED_HEADERS, LANG_HEADERS, NOTE_HEADERS, OUR_HEADERS

    return sorted(h.title() for h in OUR_HEADERS | LANG_HEADERS | COMPUTED_HEADERS | NOTE_HEADERS)


@pytest.mark.parametrize("label", _every_header())
def test_a_label_typed_before_a_pin_stays_wherever_it_was_typed(label):
    # Our column headers were taken for labels the tool had carried, and dropped with the pin:
    # "- x.txt — Status: lang: fa" lost the word "Status". Only the pin may move.
    written = {
        "list item": f"# S\n\n- {A} — {label}: lang: fa\n",
        "hand table": f"# S\n\n| File | Owner |\n| --- | --- |\n| {A} | {label}: lang: fa |\n",
        "managed Notes": (
            f"# S\n\n{BEGIN_MARKER}\n| File | Language | Pinned | Chars | Words | SHA-256 | Status | Title | Notes |\n"
            "| --- | --- | --- | ---: | ---: | --- | --- | --- | --- |\n"
            f"| [{A}]({A}) | en |  | 1 | 1 | 000000000000 | ok | T | {label}: lang: fa |\n{END_MARKER}\n"
        ),
    }
    for where, text in written.items():
        out = render_index(text, [row(A)])
        got = table_rows(out)[A]
        assert got["Pinned"] == "fa" and f"{label}:" in got["Notes"], (where, got)
        assert render_index(out, [row(A)]) == out, where


def _with_column(text: str, header: str, values: dict[str, str]) -> str:
    """The managed table of `text` with a column a person added: `header`, a cell per file."""
    out = []
    for ln in text.split("\n"):
        if ln.startswith("| File |"):
            ln += f" {header} |"
        elif ln.startswith("| ---"):
            ln += " --- |"
        elif ln.startswith("| ["):
            ln += f" {next((v for f, v in values.items() if f'[{f}]' in ln), '')} |"
        out.append(ln)
    return "\n".join(out)


def _tables(text: str) -> int:
    """How many GFM tables a renderer shows in `text`."""
    from markdown_it import MarkdownIt

    return sum(t.type == "table_open" for t in MarkdownIt("commonmark").enable("table").parse(text))


def test_a_column_a_person_added_to_the_managed_table_leaves_no_empty_table():
    # Its cells go to Notes as `Owner: ...`; the old header and delimiter rows were left above
    # the markers as an empty table (a header naming nothing the rows do not carry).
    rows = [row(A), row(B)]
    edited = _with_column(render_index(None, rows), "Owner", {A: "Sara", B: ""})
    out = render_index(edited, rows)
    assert "Owner: Sara" in out and _tables(out) == 1, out
    assert out.count("Owner") == 1 and render_index(out, rows) == out


def test_a_header_a_person_reformatted_leaves_no_empty_table():
    # Our header and delimiter, aligned by a person (or a formatter): ours all the same.
    rows = [row(A), row(B)]
    fresh = render_index(None, rows)
    padded = fresh.replace("| File | Language |", "|  File  |  Language  |").replace("| --- | --- |", "|:---|:---|", 1)
    assert padded != fresh
    out = render_index(padded, rows)
    assert out == fresh, out


def test_a_header_naming_a_column_no_row_fills_is_kept():
    # An Owner column nobody filled in yet: no row carries its name, so the header (a person's
    # word) stays above the markers rather than be lost.
    rows = [row(A), row(B)]
    edited = _with_column(render_index(None, rows), "Owner", {})
    out = render_index(edited, rows)
    assert "Owner" in out.split(BEGIN_MARKER)[0] and render_index(out, rows) == out


@pytest.mark.parametrize("managed", [False, True])
def test_words_beside_the_name_in_the_file_cell_of_a_table_shaped_like_ours(managed):
    # A File cell's link text or words beside the name are a person's (a hand table's are
    # kept): they were dropped, outside the markers and then inside. Inside, the reader alone
    # does not tell them (it never reads the documents): the writer does, before it carries.
    rows = [row(A), row(B)]
    table = (
        "| File | Pinned | Notes |\n|---|---|---|\n"
        f"| [Persian news (lang: fa)]({A}) |  | x |\n"
        f"| [{B}]({B}) — see [the other]({A}) |  | y |\n"
    )
    text = f"# S\n\n{BEGIN_MARKER}\n{table}{END_MARKER}\n" if managed else f"# S\n\n{table}"
    out = render_index(text, rows)
    pins = {e.rel: e.lang for e in parse_index(text).entries if e.kind == "table"}
    notes = {
        e.rel: (dict(e.cells)["Pinned"], dict(e.cells)["Notes"])
        for e in parse_index(out).entries
        if e.managed and e.kind == "table"
    }
    assert notes[A] == ("fa", "x; Persian news") and pins == {A: None if managed else "fa", B: None}, notes
    # The link that is just the name is the reference; the words after its separator are the
    # person's, as a list item's note is.
    assert notes[B] == ("", f"y; see [the other]({A})"), notes
    assert render_index(out, rows) == out
