"""What `index` does with the lines typed between its markers that are not the managed table's
rows of documents: they move above the begin marker (indexmd/rescued.py), a table row under a
copy of its table's header, and `index` says so."""

from __future__ import annotations

import json

import pytest

from helpers import doc_name, make_seeds
from multilingual import CLEAN

pytestmark = pytest.mark.usefixtures("isolated_env")

A, B = doc_name(1, "mov"), doc_name(2, "mov")


def _table_rows_above_marker(text: str) -> list[str]:
    """The rows of each table GitHub would draw above the begin marker (markdown-it's tokens)."""
    from markdown_it import MarkdownIt

    above = text.split("<!-- seedkeeper:index:begin -->", 1)[0]
    tokens = MarkdownIt("commonmark").enable("table").parse(above)
    body = [k for k, t in enumerate(tokens) if t.type == "tr_open" and tokens[k + 1].type == "td_open"]
    return [tokens[k + 2].content for k in body]


def test_a_row_typed_into_the_managed_table_for_no_document_keeps_a_header(cli, tmp_path):
    root = make_seeds(tmp_path, {A: CLEAN["fa"]})
    assert cli("index", root).exit_code == 0
    index = root / "INDEX.md"
    text = index.read_text(encoding="utf-8")
    row = "| notes.md | | | | | | | | یادداشت‌های ویراستار |"
    end = "\n\n<!-- seedkeeper:index:end -->"
    index.write_text(text.replace(end, f"\n{row}{end}", 1), encoding="utf-8")
    assert cli("index", root).exit_code == 0
    text = index.read_text(encoding="utf-8")
    assert _table_rows_above_marker(text) == ["notes.md"]
    assert "یادداشت‌های ویراستار" in text
    assert cli("index", root, "--check").exit_code == 0


def test_index_says_what_it_moved_above_the_begin_marker(cli, tmp_path):
    root = make_seeds(tmp_path, {A: CLEAN["fa"], B: CLEAN["zh"]})
    assert cli("index", root).exit_code == 0
    index = root / "INDEX.md"
    clean = cli("index", root, "--format", "json")
    assert json.loads(clean.stdout)["moved_above_markers"] == []  # nothing typed between them
    text = index.read_text(encoding="utf-8")
    todo = "- [ ] بررسی دوبارهٔ ترجمه‌ها"  # a person's to-do line, typed between the markers
    end = "<!-- seedkeeper:index:end -->"
    index.write_text(text.replace(end, f"{todo}\n\n{end}"), encoding="utf-8")
    r = cli("index", root, "--check")
    assert r.exit_code == 1
    assert "1 line typed between the markers would move above the begin marker" in r.output
    assert todo.strip() in r.output
    assert index.read_text(encoding="utf-8").count(todo) == 1  # --check wrote nothing
    r = cli("index", root, "--format", "json")
    assert json.loads(r.stdout)["moved_above_markers"] == [todo]
    new = index.read_text(encoding="utf-8")
    assert new.index(todo) < new.index("<!-- seedkeeper:index:begin -->")
    r = cli("index", root)  # a second run moves nothing and says nothing of it
    assert "moved above" not in r.output


def test_a_long_moved_line_is_cut_before_its_control_characters_are_escaped(cli, tmp_path):
    # Escaped first, the cut at 60 characters fell inside `\x1b` and printed a broken `\…`.
    root = make_seeds(tmp_path, {A: CLEAN["fa"]})
    assert cli("index", root).exit_code == 0
    index = root / "INDEX.md"
    line = "a" * 58 + "\x1b[31m red"
    end = "<!-- seedkeeper:index:end -->"
    index.write_text(index.read_text(encoding="utf-8").replace(end, f"{line}\n\n{end}"), encoding="utf-8")
    r = cli("index", root, "--check")
    assert r.exit_code == 1
    assert "a" * 58 + "\\x1b…" in r.output, r.output
    assert "\x1b" not in r.output
