"""A person's words typed in the managed table's computed cells, between the markers.

The header comment asks for edits in Pinned and Notes only, but people type where they look: a
Status of "waiting on the author's permission", a title of their own. `index` replaced them,
silently. The tool's own values there are often stale (a status changes when another document
comes or goes, a title when the first line is edited), so the rule is not "anything that
differs is a person's":
  * Status, Language, Chars, Words and SHA-256 have a closed vocabulary (what any version of
    the tool writes there): a cell outside it is a person's, carried into Notes as `Status: ...`;
  * Title, Words and Chars follow from the text: while the row's SHA-256 cell is the document's
    short hash now (the text is what the tool read), a cell that is not what `index` writes now
    was edited by a person; once the text changed, the old value is the tool's stale one.
A `lang:` or `ignore:` typed there counts for `check`, `tag` and `dedup` as for `index`.

The tables are written by `index` itself; the cells are then edited as a person would.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dedup_fixtures import doc
from helpers import assert_exit, doc_name
from multilingual import CLEAN
from test_cli_index_titles import EN, FA, TEXTS, ZH, _check, _edit, _found, _indexed, _notes, _pins, _rows, _write

pytestmark = pytest.mark.usefixtures("isolated_env")


def _index_md(root: Path) -> str:
    return (root / "INDEX.md").read_text(encoding="utf-8")


def _index(cli, root: Path) -> str:
    """Run `index`, return what it said; it must be a fixed point (`--check` passes after it)."""
    r = cli("index", root, "--no-cache")
    assert_exit(r, 0)
    assert_exit(cli("index", root, "--check", "--no-cache"), 0)
    return r.output


def test_a_status_and_a_title_typed_inside_the_markers_go_to_notes(cli, tmp_path):
    # QA's reproducer: both were replaced with the tool's values, and index said only
    # "INDEX.md written". With them: a Persian title holding a pin, a Chinese one an ignore:.
    root, _titles = _indexed(cli, tmp_path, dict(TEXTS))
    text = _edit(_index_md(root), EN, Status="waiting on the author's permission", Title="My own title")
    text = _edit(text, FA, Title="گزیده‌ی شعرهای سارا (lang: de)")
    text = _edit(text, ZH, Title="公园 (lang: ja, ignore: lang-mismatch)", Notes="x")
    _write(root, text)
    before = (_pins(cli, root), _found(_check(cli, root), "lang-mismatch"))
    assert before[0] == {FA: "de", ZH: "ja"}, before
    assert "INDEX.md says de" in before[1][FA] and ZH not in before[1], before

    out = _index(cli, root)
    notes = _notes(root)
    assert notes[EN] == ("", "Status: waiting on the author's permission; Title: My own title"), notes[EN]
    assert notes[FA] == ("de", "Title: گزیده‌ی شعرهای سارا"), notes[FA]
    assert notes[ZH] == ("ja", "x; Title: 公园 (ignore: lang-mismatch)"), notes[ZH]
    assert "moved to Notes" in out and "(Status, Title)" in out, out
    after = _check(cli, root)
    assert (_pins(cli, root), _found(after, "lang-mismatch")) == before
    assert not _found(after, "unused-ignore"), after


def test_the_tools_stale_values_are_not_carried(cli, tmp_path):
    # A title whose first line was edited since, a status that changed when the original of a
    # copy left (its name spaced too), counts of a text that changed: the tool's, not a person's.
    scan, copy = "000 old scan.txt", doc_name(30, "copy")
    text_en = doc("en", [0, 1, 2])
    root, titles = _indexed(cli, tmp_path, {**TEXTS, scan: text_en, copy: text_en})
    statuses = {f: row["Status"] for f, row in _rows(_index_md(root)).items()}
    assert statuses[copy] == "duplicate of 000 old scan.txt (exact)", statuses
    assert _notes(root)[copy] == ("", "")  # the tool's own status, spaced name and all: a fixed point
    (root / EN).write_text("A new first line\n\n" + CLEAN["en"], encoding="utf-8")
    (root / scan).unlink()
    _index(cli, root)
    rows, notes = _rows(_index_md(root)), _notes(root)
    assert rows[EN]["Title"] == "A new first line" and rows[copy]["Status"] == "ok", rows
    assert all(n == ("", "") for n in notes.values()), notes


def test_a_cell_the_tool_never_writes_is_a_persons_even_when_the_text_changed(cli, tmp_path):
    # Words or a hash cell with words in it, a Language cell that is no tag: no version of the
    # tool wrote them, whatever the text did since.
    root, _titles = _indexed(cli, tmp_path, dict(TEXTS))
    text = _edit(_index_md(root), EN, Words="about 300 (lang: de)", Language="English (checked by Sara)")
    text = _edit(text, FA, **{"SHA-256": "see the archive copy"})
    _write(root, text)
    (root / EN).write_text(CLEAN["en"] + "One more line for the library.\n", encoding="utf-8")
    assert _pins(cli, root) == {EN: "de"}
    _index(cli, root)
    notes = _notes(root)
    assert notes[EN] == ("de", "Language: English (checked by Sara); Words: about 300"), notes[EN]
    assert notes[FA] == ("", "SHA-256: see the archive copy"), notes[FA]
    assert _pins(cli, root) == {EN: "de"}


def test_a_count_or_title_edited_while_the_text_is_unchanged_is_a_persons(cli, tmp_path):
    # The row's hash is the document's: the tool would write the very cells it wrote. A count
    # that differs (even one shaped like the tool's) and a title that differs are a person's.
    root, titles = _indexed(cli, tmp_path, dict(TEXTS))
    words = _rows(_index_md(root))[ZH]["Words"]
    text = _edit(_index_md(root), ZH, Words="1,234", Title=titles[ZH] + " 很好")
    text = _edit(text, FA, Chars="12", Title=titles[FA])  # its own title: the tool's
    _write(root, text)
    _index(cli, root)
    notes = _notes(root)
    assert notes[ZH] == ("", f"Words: 1,234; Title: {titles[ZH]} 很好"), notes[ZH]
    assert notes[FA] == ("", "Chars: 12"), notes[FA]
    assert _rows(_index_md(root))[ZH]["Words"] == words


def test_dedup_apply_keeps_a_status_typed_in_the_managed_table_and_restore_puts_it_back(cli, tmp_path):
    kept, copy = doc_name(10, "kept"), doc_name(11, "copy")
    text_en = doc("en", [0, 1, 2, 3])
    root, _titles = _indexed(cli, tmp_path, {kept: text_en, copy: text_en, FA: CLEAN["fa"]})
    assert _rows(_index_md(root))[copy]["Status"].startswith("duplicate of ")
    said = {"Status": "Sara keeps this one: it has the preface (lang: de)", "Title": "Sara's copy"}
    _write(root, _edit(_index_md(root), copy, **said))
    assert _pins(cli, root) == {copy: "de"}
    r = cli("dedup", root, "--apply", "--no-cache", "--format", "json")
    assert_exit(r, 0)
    assert copy not in _index_md(root), json.loads(r.stdout)
    assert_exit(cli("restore", copy, "--seeds", root), 0)
    _index(cli, root)
    kept = "Status: Sara keeps this one: it has the preface; Title: Sara's copy"
    assert _notes(root)[copy] == ("de", kept), _notes(root)[copy]
