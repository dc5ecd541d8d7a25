"""`dedup --apply`, `restore`, then `index` gives each document the Notes that `index` alone gives.

`restore` puts a saved note back beside the file's name in a hand table that has no Notes column
(`| fa | [x.txt](x.txt) — from Sara |`); `index` read that File cell as "x.txt — from Sara", so
the round trip wrote the file's name into its own note. A list item (`- [x.txt](x.txt) — from
Sara`) has always given "from Sara"; the cell now reads the same."""

from __future__ import annotations

import json

import pytest

from helpers import assert_exit, make_seeds
from multilingual import CLEAN

pytestmark = pytest.mark.usefixtures("isolated_env")

A, B, C = "000_aaaaaaaaaaaaaaaa.txt", "001_bbbbbbbbbbbbbbbb.txt", "002_cccccccccccccccc.txt"
INDEX = f'# S\n\n- {A}\n- [Title]({C} "t") from Sara\n\n| Lang | File |\n|---|---|\n| ru | [{B}]({B}) |\n'


def _notes(root, name):
    [line] = [ln for ln in (root / "INDEX.md").read_text(encoding="utf-8").splitlines() if ln.startswith(f"| [{name}]")]
    return line.strip("|").split(" | ")[-1].strip()


def test_a_note_restored_beside_the_name_comes_back_without_the_name(cli, tmp_path):
    files = {A: CLEAN["en"], B: CLEAN["ru"], C: CLEAN["en"]}
    direct = make_seeds(tmp_path / "direct", files, index=INDEX)
    assert_exit(cli("index", direct), 0)
    root = make_seeds(tmp_path / "trip", files, index=INDEX)
    assert_exit(cli("dedup", root, "--apply"), 0)
    assert_exit(cli("restore", C, "--seeds", root), 0)
    # Back in its own list (indexmd/put_back.py), its saved note after the name.
    assert f"- {C} — Title — (t) from Sara\n" in (root / "INDEX.md").read_text(encoding="utf-8")
    assert_exit(cli("index", root), 0)
    assert _notes(root, C) == _notes(direct, C) == "Title — (t) from Sara"


@pytest.mark.parametrize(
    ("cell", "notes"),
    [
        (f"[{B}]({B}) — from Ali", "from Ali"),
        (f"[{B}]({B}): from Ali", "from Ali"),
        (f"[{B}]({B})", ""),
        (f"[Russian]({B}) — from Ali", "Russian — from Ali"),
        (f"see [{B}]({B}) here", f"see {B} here"),  # the name inside a sentence is part of it
    ],
)
def test_a_file_cell_that_starts_with_the_name_as_a_link_carries_what_follows(cli, tmp_path, cell, notes):
    root = make_seeds(tmp_path, {B: CLEAN["ru"]}, index=f"# S\n\n| File | Lang |\n|---|---|\n| {cell} | |\n")
    assert_exit(cli("index", root), 0)
    assert _notes(root, B) == notes


def test_restore_into_a_hand_table_whose_notes_column_before_file_holds_a_web_link(cli, tmp_path):
    """The restored row goes under File, in the form its rows use: the table's column holding the
    last row's reference, not the first cell with a link (a Notes cell linking a web page)."""
    index = (
        f"# S\n\n- {A}\n\n| Notes | File | Pinned |\n|---|---|---|\n"
        f"| see [the source](https://example.org/a.txt) | `{B}` | ru |\n|  | `{C}` | en |\n"
    )
    root = make_seeds(tmp_path, {A: CLEAN["en"], B: CLEAN["ru"], C: CLEAN["en"]}, index=index)
    assert_exit(cli("dedup", root, "--apply"), 0)
    assert f"`{C}`" not in (root / "INDEX.md").read_text(encoding="utf-8")
    assert_exit(cli("restore", C, "--seeds", root), 0)
    assert (root / "INDEX.md").read_text(encoding="utf-8").endswith(f"|  | `{C}` | en |\n")
    assert_exit(cli("index", root), 0)
    assert _notes(root, C) == "" and f"[{C}]({C}) | en | en |" in (root / "INDEX.md").read_text(encoding="utf-8")


def test_a_task_list_item_comes_back_with_its_box(cli, tmp_path):
    # GitHub's `- [x] 000_x.txt — done`: the box lists the name after it, and is the person's.
    index = f"# S\n\n- [ ] {A}\n- [x] {B} — done\n- [ ] {C}\n"
    root = make_seeds(tmp_path, {A: CLEAN["en"], B: CLEAN["en"], C: CLEAN["ru"]}, index=index)
    r = cli("check", root, "--format", "json")
    codes = sorted(p["code"] for p in json.loads(r.stdout)["problems"])
    assert codes == ["exact-duplicate", "index-outdated"], r.output
    assert_exit(cli("dedup", root, "--apply"), 0)
    assert (root / "INDEX.md").read_text(encoding="utf-8") == f"# S\n\n- [ ] {A}\n- [ ] {C}\n"
    assert_exit(cli("restore", B, "--seeds", root), 0)
    assert (root / "INDEX.md").read_text(encoding="utf-8") == index
    assert_exit(cli("index", root), 0)
    assert _notes(root, B) == "[x] done"
