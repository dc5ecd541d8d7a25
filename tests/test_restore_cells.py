"""`restore` into a hand-written table puts each saved cell back in its own column.

`dedup --apply` kept a hand table row's cells only as one note (`Source: USB from Sara`), and
`restore` put that note beside the file name in the File cell, leaving the Source cell empty.
The manifest now keeps the row's cells by column, so the row comes back as it was; a column the
table no longer has gives its words to the Notes column (or beside the reference), never lost.
"""

from __future__ import annotations

import json

import pytest

from helpers import assert_exit, make_seeds
from seedkeeper.corpus.quarantine_manifest import MANIFEST

KEPT, COPY, OTHER = "001_aaaaaaaaaaaaaaaa.txt", "002_bbbbbbbbbbbbbbbb.txt", "003_cccccccccccccccc.txt"
EN = "A different text in English, long enough to be compared with the others in this folder.\n"
FA = "این یک متن فارسی است که برای آزمایش نوشته شده و چند جمله دارد تا کوتاه نباشد.\n"
ZH = "这是一段用于测试的中文文本，它有好几句话，所以不会太短。我们把它放在这里测试恢复。\n"
LINK = f"[{COPY}]({COPY})"


def _round_trip(cli, tmp_path, index: str, text: str = FA):
    """Move COPY out of `index` and restore it: (INDEX.md after the move, after the restore)."""
    root = make_seeds(tmp_path, {KEPT: text, COPY: text, OTHER: EN}, index)
    assert_exit(cli("dedup", root, "--apply", "--no-cache", "--jobs", "1"), 0)
    moved = (root / "INDEX.md").read_text(encoding="utf-8")
    assert COPY not in moved
    assert_exit(cli("restore", COPY, "--seeds", root), 0)
    return root, moved, (root / "INDEX.md").read_text(encoding="utf-8")


def test_the_qa_case_restore_puts_the_source_back_in_its_column(cli, tmp_path):
    index = f"| File | Lang | Source |\n|---|---|---|\n| {KEPT} | fa | BBC |\n| {COPY} | fa | USB from Sara |\n"
    root, _moved, restored = _round_trip(cli, tmp_path, index)
    assert restored == index
    # And `index` carries the Source cell into Notes as `Source: ...`, not the file name with it.
    assert_exit(cli("index", root, "--no-cache", "--jobs", "1"), 0)
    row = next(ln for ln in (root / "INDEX.md").read_text(encoding="utf-8").splitlines() if f"[{COPY}]" in ln)
    assert row.rstrip().endswith("| Source: USB from Sara |"), row


@pytest.mark.parametrize(
    "table",
    [
        f"| File | Lang | Source |\n|---|---|---|\n| {COPY} | fa | USB from Sara |\n",
        f"| فایل | منبع |\n|---|---|\n| [{COPY}]({COPY}) | فلش سارا |\n",
        f"| Source | File |\n|---|---|\n| USB from Sara | {COPY} |\n",
    ],
    ids=["english-headers", "persian-headers", "file-not-first"],
)
def test_the_only_row_of_a_table_comes_back_under_its_header(cli, tmp_path, table):
    # dedup --apply keeps the header of a table it empties (the column names are the person's);
    # restore puts the row back there, not in the list above it.
    index = f"# S\n\n- {KEPT}\n\n## Extra\n\n{table}\nEnd.\n"
    _root, moved, restored = _round_trip(cli, tmp_path, index)
    assert table.split("\n")[0] in moved and "## Extra" in moved
    assert restored == index


@pytest.mark.parametrize(
    "row",
    [f"| {COPY}[^c] | fa | USB from Sara |", f"| [{COPY}]({COPY})[^c] | fa | USB from Sara |"],
    ids=["bare", "link"],
)
def test_a_row_whose_file_cell_ends_in_a_footnote_comes_back_as_it_was(cli, tmp_path, row):
    # GitHub shows `x.txt[^c]` as the name and a footnote reference: the row names the file.
    index = f"| File | Lang | Source |\n|---|---|---|\n| {KEPT} | fa | BBC |\n{row}\n\n[^c]: Sara's stick.\n"
    _root, moved, restored = _round_trip(cli, tmp_path, index)
    assert "[^c]: Sara's stick." in moved
    assert restored == index


_TABLES = {
    "pinned-and-notes": (
        f"# S\n\n| File | Pinned | Notes |\n| --- | --- | --- |\n| {KEPT} |  | first |\n| {COPY} | fa | from Sara |\n"
    ),
    "two-extra-columns": (
        f"# S\n\n| File | Lang | Source | Licence |\n| --- | --- | --- | --- |\n| {KEPT} | fa | BBC | CC-BY |\n"
        f"| {COPY} | fa | USB from Sara | ask Sara |\n"
    ),
    "link-form": (f"# S\n\n| File | Source |\n| --- | --- |\n| [{KEPT}]({KEPT}) | BBC |\n| {LINK} | USB from Sara |\n"),
    "link-with-words": (
        f"# S\n\n| File | Source |\n| --- | --- |\n| {KEPT} | BBC |\n| [Sara's copy]({COPY}) | USB from Sara |\n"
    ),
    "escaped-pipe": (f"# S\n\n| File | Source |\n| --- | --- |\n| {KEPT} | BBC |\n| {COPY} | USB \\| Sara's stick |\n"),
    "persian-cells": (
        f"# S\n\n| File | منبع | یادداشت |\n| --- | --- | --- |\n| {KEPT} | بی‌بی‌سی | اول |\n"
        f"| {COPY} | فلش سارا | نسخه‌ی دوم |\n"
    ),
    "file-not-first": (
        f"# S\n\n| Source | File | Lang |\n| --- | --- | --- |\n| BBC | {KEPT} | fa |\n"
        f"| USB from Sara | {COPY} | fa |\n"
    ),
    "list-item-with-a-note": f"# S\n\n- {KEPT} from the BBC\n- {COPY} — USB from Sara (lang: fa)\n",
}


@pytest.mark.parametrize("index", _TABLES.values(), ids=_TABLES)
def test_restore_gives_the_row_back_as_it_was(cli, tmp_path, index):
    _root, _moved, restored = _round_trip(cli, tmp_path, index)
    assert restored == index


def test_chinese_cells_come_back_in_their_columns(cli, tmp_path):
    index = f"# S\n\n| File | 来源 |\n| --- | --- |\n| {KEPT} | 新华社 |\n| {COPY} | 莎拉的U盘 |\n"
    _root, _moved, restored = _round_trip(cli, tmp_path, index, ZH)
    assert restored == index


def test_a_list_items_note_restored_into_a_link_form_table_takes_its_notes_column(cli, tmp_path):
    # The copy was a list item alone in its list (which left with it: no listing to go back
    # beside); INDEX.md's last listing is a table whose File cells are links: the row is written
    # as the table writes its rows, the note in its Notes column.
    table = f"| File | Notes |\n| --- | --- |\n| [{KEPT}]({KEPT}) | BBC |\n| [{OTHER}]({OTHER}) | BBC |\n"
    index = f"# S\n\n{table}\nA copy:\n\n- {COPY} — from Sara\n"
    _root, moved, restored = _round_trip(cli, tmp_path, index)
    assert restored == moved.replace(table, f"{table}| {LINK} | from Sara |\n")


def _drop_column(root, header: str) -> None:
    """Take column `header` out of the table in INDEX.md (a person's edit)."""
    lines = (root / "INDEX.md").read_text(encoding="utf-8").split("\n")
    at = None
    out = []
    for ln in lines:
        if ln.startswith("|"):
            cells = ln.strip().strip("|").split("|")
            if at is None:
                at = [c.strip() for c in cells].index(header)
            del cells[at]
            ln = "|" + "|".join(cells) + "|"
        out.append(ln)
    (root / "INDEX.md").write_text("\n".join(out), encoding="utf-8")


@pytest.mark.parametrize(
    ("header", "gone", "row"),
    [
        # A Notes column takes the words of the column that went, labelled.
        (
            "| File | Lang | Source | Notes |",
            "Source",
            f"| {COPY} | fa | ask Sara; Source: USB from Sara |",
        ),
        # No Notes column: beside the reference, which is then a link.
        ("| File | Lang | Source |", "Source", f"| {LINK} — Source: USB from Sara | fa |"),
        # The language column went: its pin stays a pin, in the note.
        ("| File | Lang | Source |", "Lang", f"| {LINK} — (lang: fa) | USB from Sara |"),
    ],
    ids=["into-notes", "beside-the-file", "the-language-column"],
)
def test_a_column_removed_before_the_restore_loses_no_word(cli, tmp_path, header, gone, row):
    n = header.count("|") - 1
    values = {"File": COPY, "Lang": "fa", "Source": "USB from Sara", "Notes": "ask Sara"}
    names = [h.strip() for h in header.strip("|").split("|")]
    index = (
        f"# S\n\n{header}\n|{'---|' * n}\n| {KEPT} |{' fa |' if 'Lang' in names else ''}"
        + " BBC |" * (n - 1 - ("Lang" in names))
        + "\n| "
        + " | ".join(values[h] for h in names)
        + " |\n"
    )
    root = make_seeds(tmp_path, {KEPT: FA, COPY: FA}, index)
    assert_exit(cli("dedup", root, "--apply", "--no-cache", "--jobs", "1"), 0)
    _drop_column(root, gone)
    assert_exit(cli("restore", COPY, "--seeds", root), 0)
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    assert text.rstrip("\n").split("\n")[-1] == row, text
    tags = {d["file"]: d.get("pinned") for d in json.loads(cli("tag", root, "--format", "json").stdout)["documents"]}
    assert tags[COPY] == "fa", text


def test_a_manifest_written_before_cells_were_kept_still_restores(cli, tmp_path):
    # An older manifest has no cells: the saved note goes where it went before, nothing lost.
    index = f"| File | Lang | Source |\n|---|---|---|\n| {KEPT} | fa | BBC |\n| {COPY} | fa | USB from Sara |\n"
    root = make_seeds(tmp_path, {KEPT: FA, COPY: FA}, index)
    assert_exit(cli("dedup", root, "--apply", "--no-cache", "--jobs", "1"), 0)
    (entry,) = [json.loads(ln) for ln in (root / MANIFEST).read_text(encoding="utf-8").splitlines()]
    old = {k: v for k, v in entry.items() if k not in ("cells", "elsewhere", "between")}
    (root / MANIFEST).write_text(json.dumps(old) + "\n", encoding="utf-8")
    assert_exit(cli("restore", COPY, "--seeds", root), 0)
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    assert text.endswith(f"| {LINK} — Source: USB from Sara | fa |  |\n"), text


def test_a_file_listed_twice_gets_its_row_back_and_the_other_listings_note(cli, tmp_path):
    index = (
        f"# S\n\n- {KEPT}\n- {COPY} — also on the archive disk\n\n"
        f"| File | Lang | Source | Notes |\n| --- | --- | --- | --- |\n| {OTHER} | en | BBC |  |\n"
        f"| {COPY} | fa | USB from Sara | ask Sara |\n"
    )
    root, moved, restored = _round_trip(cli, tmp_path, index)
    assert restored == moved + f"| {COPY} | fa | USB from Sara | ask Sara; also on the archive disk |\n"
    assert_exit(cli("index", root, "--no-cache", "--jobs", "1"), 0)
    row = next(ln for ln in (root / "INDEX.md").read_text(encoding="utf-8").splitlines() if f"[{COPY}]" in ln)
    assert "| fa | " in row and row.rstrip().endswith(
        "| Source: USB from Sara; ask Sara; also on the archive disk |"
    ), row


def test_restore_reports_nothing_left_out_when_it_wrote_the_row_and_the_other_note(cli, tmp_path):
    # restore wrote every saved word (the row's cells, the list item's note in the Notes cell),
    # but in another order than the saved note: it said they were "not put back", naming its
    # own new row as a person's line.
    index = (
        f"# S\n\n- {KEPT}\n- {COPY} — also on the archive disk\n\n"
        f"| File | Lang | Source | Notes |\n| --- | --- | --- | --- |\n| {OTHER} | en | BBC |  |\n"
        f"| {COPY} | fa | USB from Sara | ask Sara |\n"
    )
    root = make_seeds(tmp_path, {KEPT: FA, COPY: FA, OTHER: EN}, index)
    assert_exit(cli("dedup", root, "--apply", "--no-cache", "--jobs", "1"), 0)
    r = cli("restore", COPY, "--seeds", root, "--format", "json")
    assert_exit(r, 0)
    assert json.loads(r.stdout)["not_put_back"] is None, r.stdout


def _swap_columns(root) -> None:
    """Swap the first two columns of every table line in INDEX.md (a person's edit)."""
    lines = (root / "INDEX.md").read_text(encoding="utf-8").split("\n")
    out = []
    for ln in lines:
        if ln.startswith("|"):
            cells = ln.strip().strip("|").split("|")
            cells[0], cells[1] = cells[1], cells[0]
            ln = "|" + "|".join(cells) + "|"
        out.append(ln)
    (root / "INDEX.md").write_text("\n".join(out), encoding="utf-8")


@pytest.mark.parametrize(
    ("source", "row"),
    [
        ("USB from Sara", f"| USB from Sara | {COPY} |"),
        # A cell linking another document, now before the file's column, would make the row list
        # that document: it goes after the file's cell instead, labelled.
        (f"copy of [the BBC one]({KEPT})", f"|  | {LINK} — Source: copy of [the BBC one]({KEPT}) |"),
    ],
    ids=["moved-column", "a-link-that-would-come-first"],
)
def test_columns_reordered_before_the_restore(cli, tmp_path, source, row):
    index = f"# S\n\n| File | Source |\n|---|---|\n| {KEPT} | BBC |\n| {OTHER} | BBC |\n| {COPY} | {source} |\n"
    root = make_seeds(tmp_path, {KEPT: FA, COPY: FA, OTHER: EN}, index)
    assert_exit(cli("dedup", root, "--apply", "--no-cache", "--jobs", "1"), 0)
    _swap_columns(root)
    assert_exit(cli("restore", COPY, "--seeds", root), 0)
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    assert text.rstrip("\n").split("\n")[-1] == row, text
    assert_exit(cli("validate", root), 0)


def test_the_manifest_keeps_cells_only_for_a_hand_table_row_and_refuses_bad_ones(cli, tmp_path):
    # A list item's move records no "cells" (only where it was: "between"); a manifest line
    # whose cells are not (header, text) pairs is malformed, said so, exit 2.
    root = make_seeds(tmp_path, {KEPT: FA, COPY: FA}, f"# S\n\n- {KEPT}\n- {COPY} — from Sara\n")
    assert_exit(cli("dedup", root, "--apply", "--no-cache", "--jobs", "1"), 0)
    (entry,) = [json.loads(ln) for ln in (root / MANIFEST).read_text(encoding="utf-8").splitlines()]
    assert "cells" not in entry and "elsewhere" not in entry and entry["notes"] == "from Sara"
    assert entry["between"] == [KEPT, ""], entry
    (root / MANIFEST).write_text(json.dumps({**entry, "cells": [["File"]]}) + "\n", encoding="utf-8")
    r = cli("restore", COPY, "--seeds", root)
    assert_exit(r, 2)
    assert "malformed" in r.stderr and not (root / COPY).exists()
