"""A hand-written table row that names several documents, each in its own cell (a parallel corpus:
`| en_001.txt | ترجمه_۰۰۱.txt | UN declaration |`), lists every one of them.

Only the first was read as listed: `check` said unlisted-file for the translation, `index` left its
name in the original's Notes and listed it again at the end, `dedup --apply` took the whole row out
for either document and `rename` left the translation's name as it was. The core, called plainly;
the commands: test_cli_multi_ref.py.
"""

from __future__ import annotations

import pytest

from seedkeeper.indexmd.entry_edits import add_entries, remove_entries
from seedkeeper.indexmd.reader import parse_index
from seedkeeper.indexmd.renames import rename_references
from seedkeeper.indexmd.writer import IndexRow, render_index

pytestmark = pytest.mark.usefixtures("isolated_env")

EN, FA, ZH = "en_001.txt", "ترجمه_۰۰۱.txt", "译文_001.txt"
HEAD = "| Original | Translation | Source |\n| --- | --- | --- |\n"
ROW = f"| {EN} | {FA} | UN declaration |\n"
TEXT = f"# Seeds\n\n{HEAD}{ROW}"


def listed(text: str) -> list[tuple[str | None, str, int]]:
    return [(e.rel, e.kind, e.line) for e in parse_index(text).entries]


def row(f: str, lang: str = "en") -> IndexRow:
    return IndexRow(file=f, lang=lang, chars=100, words=20, sha="0" * 12, status="ok", title="A title")


def managed(text: str) -> dict[str, dict[str, str]]:
    """file -> its managed row's cells (lower-case headers)."""
    out: dict[str, dict[str, str]] = {}
    for e in parse_index(text).entries:
        if e.managed and e.kind == "table":
            out.setdefault(e.rel, {h.lower(): v for h, v in e.cells})
    return out


# ---------------------------------------------------------------- reading


def test_every_document_named_by_its_own_cell_is_listed():
    assert listed(TEXT) == [(EN, "table", 5), (FA, "table", 5)]


def test_three_documents_in_a_row_with_chinese_and_persian_names():
    text = f"| 原文 | فارسی | 中文 |\n|---|---|---|\n| {EN} | {FA} | {ZH} |\n"
    assert listed(text) == [(EN, "table", 3), (FA, "table", 3), (ZH, "table", 3)]


@pytest.mark.parametrize(
    "cell",
    [
        f"`{FA}`",
        f"./{FA}",
        f"[{FA}](<{FA}>)",
        f"[ترجمهٔ فارسی]({FA})",
        f"[ترجمهٔ فارسی](./{FA})",
        f"{FA}[^1]",
    ],
)
def test_a_cell_holding_only_a_name_or_a_link_lists_it(cell):
    text = f"# Seeds\n\n{HEAD}| {EN} | {cell} | UN |\n\n[^1]: از سایت سازمان ملل.\n"
    assert [(rel, kind) for rel, kind, _ in listed(text)] == [(EN, "table"), (FA, "table")]


def test_a_name_in_a_sentence_stays_prose():
    # As for the row's first document: a bare name counts when it fills its cell; a link in a
    # sentence after the row's document is a mention, as a link in a Notes cell always was.
    text = f"# Seeds\n\n{HEAD}| {EN} | see {FA} for it | UN |\n| {ZH} | the Persian one is [here]({FA}) | UN |\n"
    assert listed(text) == [(EN, "table", 5), (ZH, "table", 6), (FA, "link", 6)]


def test_a_later_cell_with_spaces_is_a_sentence_unless_the_name_is_marked():
    # "copied from old.txt" would read as the spaced name "copied from old.txt" (the row's first
    # cell still reads so); a later cell names a spaced document in backticks or a link.
    text = f"{HEAD}| {EN} | copied from {FA} | `persian news.txt` |\n| {ZH} | [x](<my file.txt>) | y |\n"
    assert listed(text) == [
        (EN, "table", 3),
        ("persian news.txt", "table", 3),
        (ZH, "table", 4),
        ("my file.txt", "table", 4),
    ]


def test_a_link_after_the_rows_first_reference_in_its_cell_is_a_mention():
    text = f"{HEAD}| [{EN}]({EN}), see [the Persian]({FA}) | [{ZH}]({ZH}) | UN |\n"
    assert listed(text) == [(EN, "table", 3), (FA, "link", 3), (ZH, "table", 3)]


def test_a_notes_column_is_the_rows_note_not_a_listing():
    # A Notes (Comments, Description) column is what `index` carries into Notes: a name there is
    # the row's note about another document ("see also"), as the rest of a list item's line is.
    text = f"| File | Notes | Comments |\n|---|---|---|\n| {EN} | {FA} | [{ZH}]({ZH}) |\n"
    assert listed(text) == [(EN, "table", 3), (ZH, "link", 3)]


def test_a_document_named_twice_on_a_row_is_one_listing():
    text = f"| A | B | C |\n|---|---|---|\n| {EN} | {EN} | [{EN}]({EN}) |\n"
    assert [(rel, kind) for rel, kind, _ in listed(text)] == [(EN, "table"), (EN, "link")]


def test_the_managed_table_and_a_table_shaped_like_it_keep_one_reference():
    # Their File column is the reference; another cell naming a document is the person's words.
    ours = f"| File | Pinned | Notes | Translation |\n|---|---|---|---|\n| {EN} |  |  | {FA} |\n"
    assert listed(ours) == [(EN, "table", 3)]
    block = render_index(f"# Seeds\n\n- {EN} — with {FA}\n", [row(EN)])
    assert [(e.rel, e.kind) for e in parse_index(block).entries] == [(EN, "table")]


def test_each_document_carries_the_rows_cells_and_only_the_first_its_pin():
    # The row was about its first reference before it could list several: its pin is that
    # document's (review M2: `lang: en` beside a parallel row pinned every translation `en`).
    text = f"| پارسی | 中文 | Notes |\n|---|---|---|\n| {FA} | {ZH} | از سارا lang: fa |\n"
    first, second = parse_index(text).entries
    assert (first.rel, first.lang) == (FA, "fa")
    assert (second.rel, second.lang) == (ZH, None)
    assert second.cells == first.cells


# ---------------------------------------------------------------- index


def test_index_adopts_each_document_into_its_own_row_naming_the_other():
    out = render_index(TEXT, [row(EN), row(FA, "fa")])
    rows = managed(out)
    assert list(rows) == [EN, FA]
    assert rows[EN]["notes"] == f"Translation: {FA}; Source: UN declaration"
    assert rows[FA]["notes"] == f"Original: {EN}; Source: UN declaration"
    # Every column name is said in a row's Notes: the emptied table's header goes.
    assert "| Original |" not in out
    assert render_index(out, [row(EN), row(FA, "fa")]) == out


def test_index_moves_the_rows_pin_to_its_first_documents_pinned_cell():
    # The others' Notes say the row's words without the pin (their Pinned stays empty; a
    # `lang:` left in their Notes would pin them after `index`, as nothing did before it).
    text = f"| پارسی | پارسی دوم | Notes |\n|---|---|---|\n| {FA} | {ZH} | از سارا (lang: fa) |\n"
    out = render_index(text, [row(FA, "fa"), row(ZH, "fa")])
    rows = managed(out)
    assert {f: (r["pinned"], r["notes"]) for f, r in rows.items()} == {
        FA: ("fa", f"پارسی دوم: {ZH}; از سارا"),
        ZH: ("", f"پارسی: {FA}; از سارا"),
    }
    assert pins(out) == pins(text) == {FA: "fa"}


def pins(text: str) -> dict[str, str]:
    """file -> the language INDEX.md pins for it, as `check` reads it."""
    from seedkeeper.indexmd.entries import first_pins

    return {f: e.lang for f, e in first_pins(parse_index(text).entries).items()}


@pytest.mark.parametrize(
    ("columns", "cells"),
    [
        ("Notes", "UN declaration (lang: en)"),
        ("Notes | Language", "UN declaration | en"),  # a Language column
        ("Notes | Source", "UN declaration | lang: en, from the UN"),  # a `lang:` in a column of its own
    ],
)
def test_a_shared_cells_pin_is_the_rows_first_documents_before_and_after_index(columns, cells):
    head = f"| English | Persian | Chinese | {columns} |\n|{'---|' * (columns.count('|') + 4)}\n"
    text = f"# Seeds\n\n{head}| {EN} | {FA} | {ZH} | {cells} |\n"
    assert pins(text) == {EN: "en"}
    out = render_index(text, [row(EN), row(FA, "fa"), row(ZH, "zh-Hans")])
    assert pins(out) == {EN: "en"}
    assert [r["pinned"] for r in managed(out).values()] == ["en", "", ""]


def test_index_with_one_document_of_the_row_missing_adopts_the_other_and_keeps_the_row():
    # A listing of a document not on disk is not adopted (it stays, and `check` says
    # missing-file there): the row stays for it, the adopted document's cell emptied, its words
    # in both places (said twice rather than lost).
    out = render_index(TEXT, [row(EN)])
    assert managed(out)[EN]["notes"] == f"Translation: {FA}; Source: UN declaration"
    assert f"{HEAD}|  | {FA} | UN declaration |\n" in out
    assert [(e.rel, e.managed) for e in parse_index(out).entries if e.kind == "table"] == [(FA, False), (EN, True)]
    assert render_index(out, [row(EN)]) == out


# ---------------------------------------------------------------- dedup --apply, restore


@pytest.mark.parametrize(
    ("moved", "left"),
    [
        (FA, f"| {EN} |  | UN declaration |\n"),
        (EN, f"|  | {FA} | UN declaration |\n"),
    ],
)
def test_remove_entries_takes_out_only_the_moved_documents_cell(moved, left):
    out = remove_entries(TEXT, [moved])
    assert out == f"# Seeds\n\n{HEAD}{left}"
    kept = EN if moved == FA else FA
    assert [(rel, kind) for rel, kind, _ in listed(out)] == [(kept, "table")]


def test_remove_entries_takes_the_row_when_every_document_on_it_leaves():
    out = remove_entries(TEXT + f"| {ZH} | x | y |\n", [EN, FA])
    assert out == f"# Seeds\n\n{HEAD}| {ZH} | x | y |\n"


def test_remove_entries_keeps_a_link_and_escaped_pipes_in_the_other_cells():
    text = f"# Seeds\n\n{HEAD}| [{EN}]({EN}) | `{FA}` | UN \\| 1948 |\n"
    assert remove_entries(text, [FA]) == f"# Seeds\n\n{HEAD}| [{EN}]({EN}) |  | UN \\| 1948 |\n"


def _saved(text: str, f: str):
    """What dedup --apply keeps for `f` (deduplication._written_by_people, without the survey)."""
    from seedkeeper.indexmd.carried import rows_beside, written_beside
    from seedkeeper.indexmd.neighbours import home_listings, listed_between

    doc = parse_index(text)
    listings = [e for e in doc.entries if e.rel == f and e.kind != "link"]
    cells, elsewhere = rows_beside(text, listings)[f]
    between = listed_between(text, home_listings(listings, str), doc.entries, doc.managed_spans, str)
    return written_beside(text, listings), {f: (cells, elsewhere, between.get(f, ("", "")))}


def test_what_dedup_keeps_for_each_document_of_a_row_it_moves_both_of():
    from seedkeeper.indexmd.carried import written_beside

    listings = [e for e in parse_index(TEXT).entries if e.kind != "link"]
    assert written_beside(TEXT, listings) == {
        EN: ("", f"Translation: {FA}; Source: UN declaration"),
        FA: ("", f"Original: {EN}; Source: UN declaration"),
    }


def test_a_row_whose_first_cell_has_no_leading_pipe():
    text = f"Original | Translation\n--- | ---\n{EN} | {FA}\n"
    out = remove_entries(text, [EN])
    assert out == f"Original | Translation\n--- | ---\n| | {FA}\n"
    assert [(rel, kind) for rel, kind, _ in listed(out)] == [(FA, "table")]


@pytest.mark.parametrize("moved", [FA, EN])
def test_restore_puts_the_name_back_in_its_cell(moved):
    text = TEXT + f"| {ZH} | x | y |\n"
    carried, rows = _saved(text, moved)
    out = remove_entries(text, [moved])
    assert add_entries(out, [moved], carried=carried, rows=rows) == text


@pytest.mark.parametrize("order", [(EN, FA), (FA, EN)])
def test_restore_of_both_documents_of_a_row_rebuilds_it(order):
    text = f"# Seeds\n\n{HEAD}| {ZH} | x | y |\n{ROW}| 中文.txt | z | w |\n"
    saved = {f: _saved(text, f) for f in (EN, FA)}
    out = remove_entries(text, [EN, FA])
    assert EN not in out and FA not in out
    first, second = order
    out = add_entries(out, [first], carried=saved[first][0], rows=saved[first][1])
    # The other document's cell stays empty while it is away: it is that document's listing.
    assert listed(out).count((first, "table", 6)) == 1 and second not in out
    assert add_entries(out, [second], carried=saved[second][0], rows=saved[second][1]) == text


def test_add_names_a_new_document_in_the_column_the_rows_name_theirs_first():
    assert add_entries(TEXT, ["中文.txt"]) == TEXT + "| 中文.txt |  |  |\n"


# ---------------------------------------------------------------- rename


def test_rename_rewrites_each_reference_on_the_row():
    mapping = {EN: "001_aaaaaaaaaaaaaaaa.txt", FA: "002_bbbbbbbbbbbbbbbb.txt"}
    out, count = rename_references(TEXT, mapping, ("*.txt",), r"\d{3,}_[0-9a-f]{16}\.txt")
    assert count == 2
    assert out == TEXT.replace(EN, mapping[EN]).replace(FA, mapping[FA])


# ---------------------------------------------------------------- related documents (review H2)
#
# A person's table whose later columns name a document RELATED to the row's ("Translated from")
# lists that document only when nothing else in INDEX.md lists it: else the cell is a mention,
# as it was before a row could list several, and its words are never carried into it.

RELATED = (
    "# Seeds\n\n| File | Translated from | Remarks |\n|---|---|---|\n"
    f"| {EN} | | original |\n| {FA} | {EN} | Persian translation |\n"
)


def test_a_later_cell_naming_a_document_listed_elsewhere_is_a_mention():
    assert listed(RELATED) == [(EN, "table", 5), (FA, "table", 6), (EN, "link", 6)]
    mention = parse_index(RELATED).entries[-1]
    assert (mention.lang, mention.cells) == (None, ())


def test_the_document_listed_below_the_row_that_names_it_too():
    text = f"| File | Source |\n|---|---|\n| {FA} | {EN} |\n\n- {EN}\n"
    assert listed(text) == [(FA, "table", 3), (EN, "link", 3), (EN, "list", 5)]


def test_a_later_cell_lists_a_document_listed_nowhere_else_once():
    # The first later cell naming it is its listing; another row naming it again mentions it.
    text = f"| File | Source |\n|---|---|\n| {FA} | {EN} |\n| {ZH} | {EN} |\n"
    assert listed(text) == [(FA, "table", 3), (EN, "table", 3), (ZH, "table", 4), (EN, "link", 4)]


def test_index_carries_no_row_into_a_document_listed_elsewhere():
    out = render_index(RELATED, [row(EN), row(FA, "fa")])
    rows = managed(out)
    assert rows[EN]["notes"] == "Remarks: original"
    assert rows[FA]["notes"] == f"Translated from: {EN}; Remarks: Persian translation"
    assert render_index(out, [row(EN), row(FA, "fa")]) == out


@pytest.mark.parametrize(
    ("moved", "left"),
    [
        (FA, f"| {EN} | | original |\n"),
        (EN, f"| {FA} | {EN} | Persian translation |\n"),
    ],
)
def test_remove_entries_of_a_related_documents_row_takes_its_own_row(moved, left):
    head = "# Seeds\n\n| File | Translated from | Remarks |\n|---|---|---|\n"
    assert remove_entries(RELATED, [moved]) == head + left


def test_restore_of_a_row_naming_a_listed_document_keeps_that_name():
    carried, rows = _saved(RELATED, FA)
    out = remove_entries(RELATED, [FA])
    assert add_entries(out, [FA], carried=carried, rows=rows) == RELATED


def test_rename_rewrites_a_mention_in_a_later_cell_too():
    mapping = {EN: "001_aaaaaaaaaaaaaaaa.txt"}
    out, count = rename_references(RELATED, mapping, ("*.txt",), r"\d{3,}_[0-9a-f]{16}\.txt")
    assert (out, count) == (RELATED.replace(EN, mapping[EN]), 2)


# ---------------------------------------------------------------- a row inside a container (review H3)
#
# A table in a blockquote or a list item: its rows start with `> ` or the item's indentation,
# which is no cell. Counted as cell 0, dedup --apply emptied the kept document's cell.

_ROW_LINES = ("| English | Persian | Notes |", "|---|---|---|", f"| {EN} | {FA} | UN |")


def _contained(lead: str, prefix: str) -> tuple[str, str]:
    """(INDEX.md with the parallel table after `lead`, each line after `prefix`; the prefix)."""
    return f"# Seeds\n\n{lead}" + "".join(f"{prefix}{ln}\n" for ln in _ROW_LINES), prefix


QUOTED = _contained("", "> ")[0]
CONTAINERS = {
    "blockquote": _contained("", "> "),
    "list item": _contained("- Parallel:\n\n", "  "),
    "quote in a list item": _contained("1. Parallel:\n\n", "   > "),
    "list item in a quote": _contained("> - Parallel:\n>\n", ">   "),
    "nested quotes, no space": _contained("", ">>"),
}


@pytest.mark.parametrize("where", sorted(CONTAINERS))
@pytest.mark.parametrize("moved", [FA, EN])
def test_a_row_in_a_container_loses_only_the_moved_documents_cell_and_gets_it_back(where, moved):
    text, prefix = CONTAINERS[where]
    assert [(rel, kind) for rel, kind, _ in listed(text)] == [(EN, "table"), (FA, "table")]
    kept = EN if moved == FA else FA
    carried, rows = _saved(text, moved)
    out = remove_entries(text, [moved])
    assert [(rel, kind) for rel, kind, _ in listed(out)] == [(kept, "table")]
    row = out.rstrip("\n").rsplit("\n", 1)[1]
    assert row.startswith(prefix) and moved not in row and kept in row and "UN" in row
    assert add_entries(out, [moved], carried=carried, rows=rows) == text


def test_cells_past_the_header_of_a_quoted_row_are_kept():
    # A `|` typed in a note makes a cell the header has no column for: kept, as outside a quote.
    plain = f"| File | Notes |\n|---|---|\n| {EN} | a | b |\n"
    quoted = "".join(f"> {ln}\n" for ln in plain.splitlines())
    assert (
        parse_index(quoted).entries[0].cells
        == parse_index(plain).entries[0].cells
        == (
            ("File", EN),
            ("Notes", "a"),
            ("", "b"),
        )
    )


@pytest.mark.parametrize("where", sorted(CONTAINERS))
@pytest.mark.parametrize("order", [(EN, FA), (FA, EN)])
def test_a_row_in_a_container_built_again_keeps_the_containers_prefix(where, order):
    # Every document of the row moved: restore builds the row again, inside its table's
    # container (written without the `> `, it fell out of the quote: two rows, neither quoted).
    text, prefix = CONTAINERS[where]
    text += f"{prefix}| {ZH} | x | y |\n"
    saved = {f: _saved(text, f) for f in order}
    out = remove_entries(text, list(order))
    for f in order:
        out = add_entries(out, [f], carried=saved[f][0], rows=saved[f][1])
    assert out == text


@pytest.mark.parametrize("where", ["blockquote", "list item"])
def test_a_one_document_row_restored_into_a_container_table(where):
    head = {"blockquote": "> ", "list item": "  "}[where]
    lead = "" if where == "blockquote" else "- Parallel:\n\n"
    text = f"# Seeds\n\n{lead}" + "".join(
        f"{head}{ln}\n" for ln in ("| File | Notes |", "|---|---|", f"| {EN} | x |", f"| {FA} | y |", f"| {ZH} | z |")
    )
    carried, rows = _saved(text, FA)
    out = remove_entries(text, [FA])
    assert FA not in out
    assert add_entries(out, [FA], carried=carried, rows=rows) == text


def test_index_adopting_a_quoted_table_drops_its_header_when_every_column_name_is_said():
    # The `>` was read as a column name nobody said: the emptied header stayed.
    out = render_index(QUOTED, [row(EN), row(FA, "fa")])
    assert "English" not in out.split("<!--", 1)[0]
    assert managed(out)[EN]["notes"] == f"Persian: {FA}; UN"


# ---------------------------------------------------------------- a row's own form (review L5)
#
# A row written without its leading (or trailing) pipe keeps that form through dedup --apply and
# restore: the pipe the emptied first cell needs goes again when the cell is filled, and a row
# built again is written as the table's rows are.

BARE_FORMS = {
    "no pipes": "Original | Translation | Source\n--- | --- | ---\n{a} | {b} | UN\n{c} | x | y\n",
    "two columns": "Original | Translation\n--- | ---\n{a} | {b}\n{c} | x\n",
    "quoted": "> Original | Translation\n> --- | ---\n> {a} | {b}\n> {c} | x\n",
    "trailing pipes only": "Original | Translation |\n--- | --- |\n{a} | {b} |\n{c} | x |\n",
    # No row left naming a document: the row goes back by the table's column names (own_tables).
    "no listed row left": "Original | Translation\n--- | ---\n_more to come_ | x\n{a} | {b}\n",
}


@pytest.mark.parametrize("form", sorted(BARE_FORMS))
@pytest.mark.parametrize("moved", [(EN,), (FA,), (EN, FA), (FA, EN)])
def test_a_row_keeps_its_pipes_through_dedup_and_restore(form, moved):
    text = "# Seeds\n\n" + BARE_FORMS[form].format(a=EN, b=FA, c=ZH)
    saved = {f: _saved(text, f) for f in moved}
    out = remove_entries(text, list(moved))
    assert not {EN, FA} & {rel for rel, kind, _ in listed(out) if kind == "table" and rel in moved}
    for f in moved:
        out = add_entries(out, [f], carried=saved[f][0], rows=saved[f][1])
    assert out == text
