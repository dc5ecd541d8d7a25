"""Issue 13, items 5-7: INDEX.md layouts on which `index` lost a person's words or was not
idempotent, each reproduced as written in the issue, through the CLI and the writer."""

from __future__ import annotations

import pytest

from helpers import doc_name, make_seeds
from seedkeeper.indexmd.markers import BEGIN_MARKER, END_MARKER
from seedkeeper.indexmd.reader import parse_index
from seedkeeper.indexmd.writer import IndexRow, render_index

pytestmark = pytest.mark.usefixtures("isolated_env")

A, B, C = doc_name(1), doc_name(2), doc_name(3)
TEXTS = {
    A: "The river runs through the old town and past the mill before it reaches the sea.\n",
    B: "Mountains rise to the north, where snow stays on the peaks for most of the year.\n",
    C: "The market opens at dawn; fishermen sell their catch before the sun is high.\n",
}


def _row(f: str) -> IndexRow:
    return IndexRow(f, "en", 80, 15, "abcdefabcdef", "ok", "A title")


def _cells(text: str) -> dict[str, dict[str, str]]:
    out = {}
    for e in parse_index(text).entries:
        if e.managed and e.kind == "table":
            out.setdefault(e.rel, {h.lower(): v for h, v in e.cells})
    return out


def _index_twice(cli, seeds) -> str:
    assert cli("index", seeds).exit_code == 0
    first = (seeds / "INDEX.md").read_text()
    r = cli("index", seeds, "--check")
    assert r.exit_code == 0, r.output
    assert cli("index", seeds).exit_code == 0
    assert (seeds / "INDEX.md").read_text() == first
    return first


def test_stray_begin_marker_under_a_table_keeps_the_sentence(cli, tmp_path):
    index = f"# S\n\n| a | b |\n|---|---|\n| x | y |\n{BEGIN_MARKER}\nSee [the river doc]({A}) for details.\n"
    seeds = make_seeds(tmp_path, {A: TEXTS[A]}, index)
    text = _index_twice(cli, seeds)
    assert f"See [the river doc]({A}) for details." in text.split("\n")
    assert "| x | y |" in text
    assert _cells(text)[A]["notes"] == ""


def test_indented_line_under_an_adopted_item_is_not_lost():
    text = f"# S\n\n- T1 plain item\n- {A}\n\n    code line kept\n"
    once = render_index(text, [_row(A)])
    assert render_index(once, [_row(A)]) == once
    assert "code line kept" in once


def test_markers_inside_a_fence_are_an_example_not_the_block(cli, tmp_path):
    fence = f"```\n{BEGIN_MARKER}\n| File |\n{END_MARKER}\n```\n"
    seeds = make_seeds(tmp_path, {A: TEXTS[A]}, f"# S\n\nExample:\n\n{fence}\n- {A}\n")
    text = _index_twice(cli, seeds)
    assert fence in text  # the example is untouched
    after_fence = text.split(fence, 1)[1]
    assert BEGIN_MARKER in after_fence and A in _cells(text)


def test_indented_markers_are_code_not_markers():
    text = f"# S\n\n    {BEGIN_MARKER}\n    {END_MARKER}\n\n- {A}\n"
    once = render_index(text, [_row(A)])
    assert f"    {BEGIN_MARKER}\n    {END_MARKER}\n" in once
    assert render_index(once, [_row(A)]) == once


def test_stray_begin_above_the_block_does_not_swallow_text():
    block = render_index(f"# S\n\n- {A}\n", [_row(A)])
    text = block.replace("# S\n", f"# S\n\n{BEGIN_MARKER}\n\nA paragraph a person wrote.\n")
    once = render_index(text, [_row(A)])
    assert "A paragraph a person wrote." in once
    assert render_index(once, [_row(A)]) == once


def test_reference_style_item_keeps_note_and_pin_and_drops_its_definition(cli, tmp_path):
    index = f"# S\n\n- [ref][r] note C lang: de\n\n[r]: {B}\n"
    seeds = make_seeds(tmp_path, {B: TEXTS[B]}, index)
    text = _index_twice(cli, seeds)
    cells = _cells(text)[B]
    assert cells["pinned"] == "de"
    assert "ref" in cells["notes"] and "note C" in cells["notes"]
    assert f"[r]: {B}" not in text


def test_definition_still_used_elsewhere_stays():
    text = f"# S\n\n- [ref][r] a note\n\nSee also [r].\n\n[r]: {B}\n"
    once = render_index(text, [_row(B)])
    assert f"[r]: {B}" in once and "See also [r]." in once


def test_a_file_listed_twice_in_hand_tables_keeps_both_notes():
    text = f"# S\n\n| File | Notes |\n|---|---|\n| {A} | row one |\n\n| File | Comment |\n|---|---|\n| {A} | other |\n"
    once = render_index(text, [_row(A)])
    assert _cells(once)[A]["notes"] == "row one; other"


def test_a_file_listed_twice_between_the_markers_keeps_both_notes():
    text = f"# S\n\n{BEGIN_MARKER}\n- {A} first note\n- {A} second note\n{END_MARKER}\n"
    once = render_index(text, [_row(A)])
    assert _cells(once)[A]["notes"] == "first note; second note"


def test_a_hand_written_list_between_the_markers_is_kept(cli, tmp_path):
    index = f"# S\n{BEGIN_MARKER}\n- {A} my note lang: fr\n- a plain todo item\n\nSome prose.\n{END_MARKER}\n"
    seeds = make_seeds(tmp_path, {A: TEXTS[A]}, index)
    text = _index_twice(cli, seeds)
    before, inside = text.split(BEGIN_MARKER)
    assert "- a plain todo item\n\nSome prose.\n" in before
    assert _cells(text)[A]["pinned"] == "fr" and "my note" in _cells(text)[A]["notes"]


def test_angle_bracketed_name_in_a_list_is_a_reference(cli, tmp_path):
    seeds = make_seeds(tmp_path, {C: TEXTS[C]}, f"# S\n\n- <{C}> third\n")
    r = cli("validate", seeds, "--select", "unlisted-file,missing-file")
    assert r.exit_code == 0, r.output
    text = _index_twice(cli, seeds)
    assert _cells(text)[C]["notes"] == "third"


def test_an_autolink_in_a_list_is_still_not_a_reference():
    assert [e.rel for e in parse_index(f"- <https://example.com/{A}>\n").entries] == []


def test_a_link_in_a_hand_table_row_keeps_the_words_around_it():
    text = f"# S\n\n| File |\n|---|\n| See [the river doc]({A}) for details. |\n"
    once = render_index(text, [_row(A)])
    assert _cells(once)[A]["notes"] == "See the river doc for details."


def test_cells_a_person_adds_to_the_managed_table_are_kept_in_notes(tmp_path):
    """A `|` typed in the Notes cell splits it (the parser drops cells past the header), and a
    column added by hand is not one of ours: both used to vanish at the next `index`."""
    import re

    import seedkeeper

    root = tmp_path / "seeds"
    root.mkdir()
    name = "000_aaaaaaaaaaaaaaaa.txt"
    (root / name).write_text("First document text which is long enough for all of the checks.\n", encoding="utf-8")
    (root / "INDEX.md").write_text(f"# I\n\n- {name} my note\n", encoding="utf-8")
    seedkeeper.index(root, jobs=1)
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    text = text.replace("| my note |", "| my note | see also the 2019 edition |")
    (root / "INDEX.md").write_text(text, encoding="utf-8")
    seedkeeper.index(root, jobs=1)
    after = (root / "INDEX.md").read_text(encoding="utf-8")
    assert "my note \\| see also the 2019 edition" in after
    text = after.replace("| Title | Notes |", "| Title | Notes | Owner |").replace(
        "| --- | --- |\n", "| --- | --- | --- |\n"
    )
    text = re.sub(r"(2019 edition \|)\n", r"\1 alice |\n", text)
    (root / "INDEX.md").write_text(text, encoding="utf-8")
    seedkeeper.index(root, jobs=1)
    final = (root / "INDEX.md").read_text(encoding="utf-8")
    assert "Owner: alice" in final and "2019 edition" in final
    assert not seedkeeper.index(root, jobs=1, write=False).changed
