"""A person's words beside the link in the managed table's File cell, between the markers.

`[x.txt](x.txt) from the BBC archive`: the reference is the tool's, the words are a person's.
`index` used to write the bare link again and drop them (a review found it after the Title and
Status cells were kept). They go to Notes as they do from a hand table's File cell, a `lang:`
among them pins for every command, and the tool's own File cell, whatever the name, is never
carried.
"""

from __future__ import annotations

import json

import pytest

from dedup_fixtures import doc
from helpers import assert_exit, doc_name
from seedkeeper.indexmd.table import file_link
from test_cli_index_inside import _index, _index_md
from test_cli_index_titles import EN, FA, TEXTS, ZH, _edit, _indexed, _notes, _pins, _rows, _write

pytestmark = pytest.mark.usefixtures("isolated_env")


def test_words_beside_the_link_go_to_notes(cli, tmp_path):
    root, _titles = _indexed(cli, tmp_path, dict(TEXTS))
    text = _edit(_index_md(root), EN, File=f"[{EN}]({EN}) from the BBC archive")
    text = _edit(text, FA, File=f"از آرشیو بی‌بی‌سی [{FA}]({FA})", Notes="بررسی شد")
    text = _edit(text, ZH, File=f"**[{ZH}]({ZH})** 公园")
    _write(root, text)

    out = _index(cli, root)
    notes = _notes(root)
    # A link that is just the name and starts the cell is the reference (as in a list item);
    # elsewhere it becomes its text, as from a hand table's File cell: the sentence stays whole.
    assert notes[EN] == ("", "from the BBC archive"), notes[EN]
    assert notes[FA] == ("", f"بررسی شد; از آرشیو بی‌بی‌سی {FA}"), notes[FA]
    assert notes[ZH] == ("", f"**{ZH}** 公园"), notes[ZH]
    assert "moved to Notes" in out and "(File)" in out, out
    assert "`Column: words`" not in out, out  # File's words go unlabelled
    rows = _rows(_index_md(root))
    assert {f: r["File"] for f, r in rows.items()} == {f: f"[{f}]({f})" for f in TEXTS}, rows


def test_a_lang_typed_in_the_file_cell_pins_before_and_after_index(cli, tmp_path):
    root, _titles = _indexed(cli, tmp_path, dict(TEXTS))
    _write(root, _edit(_index_md(root), FA, File=f"[{FA}]({FA}) (lang: ur)"))
    assert _pins(cli, root) == {FA: "ur"}
    _index(cli, root)
    assert _notes(root)[FA] == ("ur", ""), _notes(root)[FA]
    assert _pins(cli, root) == {FA: "ur"}


def test_a_file_cell_holding_only_the_name_is_the_tools(cli, tmp_path):
    # The name bare or in backticks, as a person or an older version may have written it: the
    # reference alone, nothing carried.
    root, _titles = _indexed(cli, tmp_path, dict(TEXTS))
    _write(root, _edit(_edit(_index_md(root), EN, File=EN), ZH, File=f"`{ZH}`"))
    out = _index(cli, root)
    assert "moved to Notes" not in out, out
    assert all(n == ("", "") for n in _notes(root).values()), _notes(root)


@pytest.mark.parametrize(
    "name",
    [
        "000 old scan.txt",
        "001_(draft) [v2].txt",
        "002_50%_#1.txt",
        "003_a_b*c.txt",
        "004_گزیده شعر.txt",
        "005_<angle>.txt",
        "006_back`tick.txt",
    ],
)
def test_the_tools_own_file_cell_is_never_carried_whatever_the_name(cli, tmp_path, name):
    root, _titles = _indexed(cli, tmp_path, {**TEXTS, name: doc("en", [0, 1, 2])})
    row = next(ln for ln in _index_md(root).split("\n") if ln.startswith(f"| {file_link(name)} |"))
    before = _index_md(root)
    out = _index(cli, root)
    assert _index_md(root) == before and "moved to Notes" not in out, out
    assert row.endswith(" |  |"), row  # Notes empty
    assert all(n == ("", "") for n in _notes(root).values()), _notes(root)


def test_dedup_apply_keeps_the_words_and_restore_puts_them_back(cli, tmp_path):
    kept, copy = doc_name(10, "kept"), doc_name(11, "copy")
    text_en = doc("en", [0, 1, 2, 3])
    root, _titles = _indexed(cli, tmp_path, {kept: text_en, copy: text_en, FA: TEXTS[FA]})
    _write(root, _edit(_index_md(root), copy, File=f"[{copy}]({copy}) Sara's scan, lang: de"))
    assert _pins(cli, root) == {copy: "de"}
    r = cli("dedup", root, "--apply", "--no-cache", "--format", "json")
    assert_exit(r, 0)
    assert copy not in _index_md(root), json.loads(r.stdout)
    assert_exit(cli("restore", copy, "--seeds", root), 0)
    _index(cli, root)
    assert _notes(root)[copy] == ("de", "Sara's scan"), _notes(root)[copy]


def test_a_pin_beside_the_name_in_a_hand_tables_file_cell_leaves_no_bare_name(cli, tmp_path):
    # Sibling: outside the markers, `[x.txt](x.txt) (lang: ur)` left the name alone in Notes once
    # the pin moved to Pinned.
    root, _titles = _indexed(cli, tmp_path, dict(TEXTS))
    (root / "INDEX.md").write_text(
        "# Seeds\n\n| File | Comment |\n| --- | --- |\n"
        f"| [{FA}]({FA}) (lang: ur) | خبر |\n| [{ZH}]({ZH}) 公园 (lang: ja) |  |\n| [{EN}]({EN}) |  |\n",
        encoding="utf-8",
    )
    assert _pins(cli, root) == {FA: "ur", ZH: "ja"}
    _index(cli, root)
    notes = _notes(root)
    assert notes[FA] == ("ur", "خبر") and notes[ZH] == ("ja", "公园"), notes
