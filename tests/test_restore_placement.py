"""`restore` puts a hand table row back in its own table, where it was among the documents
around it, not after whatever hand-written listing comes last in INDEX.md.

It went to the last listing (a list further down, another section's table) whenever its table was
not left empty: a table that kept other rows, or whose rows name no document (`| _more to come_ |`).
`dedup --apply` now records the documents listed on the rows either side of the row it takes out,
and `restore` puts the row back between them.
"""

from __future__ import annotations

import json

import pytest

from helpers import assert_exit, make_seeds
from seedkeeper.corpus.quarantine_manifest import MANIFEST

KEPT, COPY, COPY2 = "001_aaaaaaaaaaaaaaaa.txt", "002_bbbbbbbbbbbbbbbb.txt", "003_cccccccccccccccc.txt"
EN, DE = "004_dddddddddddddddd.txt", "005_eeeeeeeeeeeeeeee.txt"
FA = "این یک متن فارسی است که برای آزمایش نوشته شده و چند جمله دارد تا کوتاه نباشد.\n"
TEXTS = {
    KEPT: FA,
    COPY: FA,
    COPY2: FA,
    EN: "A different text in English, long enough to be compared with the others in this folder.\n",
    DE: "Ein ganz anderer Text über etwas völlig anderes, lang genug, damit er kein Duplikat ist.\n",
}
HEAD = "| File | Source |\n| --- | --- |\n"


def _moved_and_restored(cli, tmp_path, index: str, order=(COPY,)) -> tuple[str, str]:
    """Move the duplicates out of `index`, then restore `order` one by one: (INDEX.md after the
    move, after the restores)."""
    root = make_seeds(tmp_path, TEXTS, index)
    assert_exit(cli("dedup", root, "--apply", "--no-cache", "--jobs", "1"), 0)
    moved = (root / "INDEX.md").read_text(encoding="utf-8")
    for f in order:
        assert_exit(cli("restore", f, "--seeds", root), 0)
    return moved, (root / "INDEX.md").read_text(encoding="utf-8")


def test_the_reported_case_a_table_then_a_list(cli, tmp_path):
    # Two exact duplicates in a hand table, another document in a list below: the copy came back
    # as `- 002_….txt — Source: USB from Sara` at the end of the list.
    index = f"# Seeds\n\n{HEAD}| {KEPT} | web |\n| {COPY} | USB from Sara |\n| {EN} | BBC |\n\n- {DE}\n"
    moved, restored = _moved_and_restored(cli, tmp_path, index)
    assert COPY not in moved
    assert restored == index


def test_a_table_whose_rows_name_no_document(cli, tmp_path):
    # Its only document moved out, the table keeps a row a person wrote that names none: it is
    # still the row's table. No document is left either side of it: it goes at the table's end.
    index = (
        f"# Seeds\n\n- {KEPT}\n\n## Copies\n\n{HEAD}| _more to come_ | Sara |\n| {COPY} | USB from Sara |\n\n"
        f"## Other\n\n- {EN}\n- {DE}\n"
    )
    _moved, restored = _moved_and_restored(cli, tmp_path, index)
    assert restored == index


def test_back_in_its_own_section_when_tables_look_alike(cli, tmp_path):
    # Every section has a `| File | Source |` table: the row goes back to the one it left, not to
    # the last one.
    index = (
        f"# Seeds\n\n## News\n\n{HEAD}| {KEPT} | web |\n| {COPY} | USB from Sara |\n\n"
        f"## Books\n\n{HEAD}| {EN} | library |\n| {DE} | shop |\n"
    )
    _moved, restored = _moved_and_restored(cli, tmp_path, index)
    assert restored == index


@pytest.mark.parametrize("order", [(COPY, COPY2), (COPY2, COPY)])
def test_two_rows_moved_out_together_come_back_in_their_order(cli, tmp_path, order):
    index = f"# Seeds\n\n{HEAD}| {KEPT} | web |\n| {COPY} | USB |\n| {COPY2} | mail |\n| {EN} | BBC |\n\n- {DE}\n"
    _moved, restored = _moved_and_restored(cli, tmp_path, index, order)
    assert restored == index


def test_an_emptied_table_still_takes_its_row_after_index(cli, tmp_path):
    """`index` leaves a hand table emptied by `dedup --apply` as it is (it lists nothing; its
    column names are the person's words, which no row carries any more), so `restore` can put
    the row back under it rather than in another section's managed table; the next `index`
    adopts the row there, in that section, carrying its Source into Notes."""
    index = f"# Seeds\n\n- {KEPT}\n- {EN}\n- {DE}\n\n## Copies\n\n{HEAD}| {COPY} | USB from Sara |\n"
    root = make_seeds(tmp_path, TEXTS, index)
    assert_exit(cli("dedup", root, "--apply", "--no-cache", "--jobs", "1"), 0)
    assert_exit(cli("index", root, "--no-cache", "--jobs", "1"), 0)
    indexed = (root / "INDEX.md").read_text(encoding="utf-8")
    assert indexed.endswith(f"## Copies\n\n{HEAD}"), indexed  # the person's header, byte for byte
    assert_exit(cli("restore", COPY, "--seeds", root), 0)
    assert (root / "INDEX.md").read_text(encoding="utf-8") == indexed + f"| {COPY} | USB from Sara |\n"
    assert_exit(cli("index", root, "--no-cache", "--jobs", "1"), 0)
    final = (root / "INDEX.md").read_text(encoding="utf-8")
    copies = final.split("## Copies", 1)[1]
    assert f"[{COPY}]({COPY})" in copies and "Source: USB from Sara" in copies, final
    assert HEAD not in final, final  # adopted: its column name lives on in Notes
    assert_exit(cli("index", root, "--check", "--no-cache", "--jobs", "1"), 0)


def test_the_manifest_records_the_documents_either_side(cli, tmp_path):
    index = f"# Seeds\n\n{HEAD}| {KEPT} | web |\n| {COPY} | USB |\n| _n/a_ | - |\n| {EN} | BBC |\n\n- {DE}\n"
    root = make_seeds(tmp_path, {k: v for k, v in TEXTS.items() if k != COPY2}, index)
    assert_exit(cli("dedup", root, "--apply", "--no-cache", "--jobs", "1"), 0)
    (entry,) = [json.loads(ln) for ln in (root / MANIFEST).read_text(encoding="utf-8").splitlines()]
    assert entry["between"] == [KEPT, EN], entry  # a row naming no document is not a neighbour


def test_a_manifest_written_before_the_neighbours_were_kept(cli, tmp_path):
    # No `between`: the row goes to the end of the table with its column names, not to the list.
    index = f"# Seeds\n\n{HEAD}| {KEPT} | web |\n| {COPY} | USB from Sara |\n| {EN} | BBC |\n\n- {DE}\n"
    root = make_seeds(tmp_path, {k: v for k, v in TEXTS.items() if k != COPY2}, index)
    assert_exit(cli("dedup", root, "--apply", "--no-cache", "--jobs", "1"), 0)
    (entry,) = [json.loads(ln) for ln in (root / MANIFEST).read_text(encoding="utf-8").splitlines()]
    del entry["between"]
    (root / MANIFEST).write_text(json.dumps(entry) + "\n", encoding="utf-8")
    assert_exit(cli("restore", COPY, "--seeds", root), 0)
    expected = f"# Seeds\n\n{HEAD}| {KEPT} | web |\n| {EN} | BBC |\n| {COPY} | USB from Sara |\n\n- {DE}\n"
    assert (root / "INDEX.md").read_text(encoding="utf-8") == expected


# The same for a list item and for a managed table's row: each went to the last list or the last
# managed table in INDEX.md, in another section (where `index` then kept it).


def test_a_list_item_goes_back_into_its_own_list(cli, tmp_path):
    index = f"# Seeds\n\n## News\n\n- {KEPT}\n- {COPY} — from Sara\n- {EN}\n\n## Books\n\n- {DE}\n"
    _moved, restored = _moved_and_restored(cli, tmp_path, index)
    assert restored == index


def test_an_ordered_list_item_gets_its_number_back(cli, tmp_path):
    index = f"# Seeds\n\n1. {KEPT}\n2. {COPY}\n3. {EN}\n\n## Books\n\n- {DE}\n"
    _moved, restored = _moved_and_restored(cli, tmp_path, index)
    assert restored == index


@pytest.mark.parametrize(
    "listed",
    [
        f"> - {KEPT}\n> - {COPY} — from Sara\n> - {EN}\n",
        f"> 1. {KEPT}\n> 2. {COPY}\n> 3. {EN}\n",
        f"- {KEPT}\n  > - {COPY} — quoted\n  > - {EN}\n",
        f"> > - {EN}\n> >   - {KEPT}\n> >   - {COPY} — nested\n",
    ],
    ids=["quoted", "quoted-ordered", "quoted-in-an-item", "nested-quotes"],
)
def test_a_quoted_list_item_goes_back_inside_its_quote(cli, tmp_path, listed):
    # Written without its `> `, the item ended the quote: the list was cut in two and the item
    # rendered outside it.
    index = f"# Seeds\n\n{listed}\n## Books\n\n- {DE}\n"
    _moved, restored = _moved_and_restored(cli, tmp_path, index)
    assert restored == index


@pytest.mark.parametrize(
    "listed",
    [f"- {KEPT}\n- {COPY} — from Sara\n- {EN}\n", f"{HEAD}| {KEPT} | web |\n| {COPY} | from Sara |\n| {EN} | BBC |\n"],
    ids=["list", "hand-table"],
)
def test_a_managed_row_goes_back_into_its_own_sections_table(cli, tmp_path, listed):
    """Moved out of a managed table (or out of a hand one `index` adopted before the restore),
    it comes back in that table, beside the row it was beside: the next `index` writes INDEX.md
    as it was before the move."""
    root = make_seeds(tmp_path, TEXTS, f"# Seeds\n\n## News\n\n{listed}\n## Books\n\n- {DE}\n")
    assert_exit(cli("index", root, "--no-cache", "--jobs", "1"), 0)
    indexed = (root / "INDEX.md").read_text(encoding="utf-8")
    if "Source" in listed:  # the hand table moves out first, and is adopted after
        (root / "INDEX.md").write_text(f"# Seeds\n\n## News\n\n{listed}\n## Books\n\n- {DE}\n", encoding="utf-8")
    assert_exit(cli("dedup", root, "--apply", "--no-cache", "--jobs", "1"), 0)
    assert_exit(cli("index", root, "--no-cache", "--jobs", "1"), 0)
    assert_exit(cli("restore", COPY, "--seeds", root), 0)
    restored = (root / "INDEX.md").read_text(encoding="utf-8")
    news, books = restored.split("## Books")
    assert f"[{COPY}]({COPY})" in news and COPY not in books, restored
    assert_exit(cli("restore", COPY2, "--seeds", root), 0)  # unlisted before: where add puts one
    assert_exit(cli("index", root, "--no-cache", "--jobs", "1"), 0)
    final = (root / "INDEX.md").read_text(encoding="utf-8")
    assert final.split("## Books")[0] == indexed.split("## Books")[0], final
