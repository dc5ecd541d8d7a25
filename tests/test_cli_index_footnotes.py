"""GitHub's footnotes in INDEX.md (indexmd/footnotes.py). GitHub renders `- k.txt[^1] footnote`
with `[^1]: About k.` below as `k.txt¹ footnote`, which lists k.txt: `check` must not call it
unlisted, and `index` must adopt that item (not list k.txt a second time), keeping the footnote
reference (in Notes, where GitHub renders it the same) and the definition (where it is, byte for
byte). A footnote definition is prose: a bare name in it lists nothing, a link in it is a
reference as a link anywhere is, and a `lang:` in it pins nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import assert_exit, make_seeds, managed_rows
from multilingual import CLEAN

pytestmark = pytest.mark.usefixtures("isolated_env")

DEFINITION = "[^1]: About k."


def _codes(cli, root: Path) -> list[tuple[str | None, str]]:
    r = cli("check", root, "--format", "json")
    skip = ("bad-name", "index-outdated")
    return sorted((p["file"], p["code"]) for p in json.loads(r.stdout)["problems"] if p["code"] not in skip)


def _seeds(tmp_path: Path, index: str, name: str = "k.txt") -> Path:
    return make_seeds(tmp_path, {name: CLEAN["en"]}, index=index)


def _index(cli, root: Path) -> str:
    assert_exit(cli("index", root), 0)
    assert_exit(cli("index", root, "--check"), 0)  # what it wrote, it reads back the same
    return (root / "INDEX.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("glue", ["\n\n", "\n"])
def test_a_footnote_after_a_listed_name_lists_it_and_index_keeps_both_halves(cli, tmp_path, glue):
    root = _seeds(tmp_path, f"# C\n\n- k.txt[^1] footnote{glue}{DEFINITION}\n")
    assert _codes(cli, root) == []
    text = _index(cli, root)
    assert managed_rows(root)["k.txt"]["Notes"] == "[^1] footnote"
    assert DEFINITION in text.split("\n")
    assert "- k.txt" not in text


@pytest.mark.parametrize(
    ("item", "notes"),
    [
        ("- k.txt[^1]", "[^1]"),
        ("- k.txt[^1]: from Sara", "[^1]: from Sara"),
        ("* k.txt[^1][^2] two", "[^1][^2] two"),
        ("1. `k.txt`[^1] in code", "[^1] in code"),
        ("- [k.txt](k.txt)[^1] linked", "[^1] linked"),
        ("- k.txt [^1] spaced", "[^1] spaced"),
    ],
)
def test_every_listing_form_keeps_its_footnote_reference(cli, tmp_path, item, notes):
    root = _seeds(tmp_path, f"# C\n\n{item}\n\n{DEFINITION}\n\n[^2]: Two.\n")
    assert _codes(cli, root) == []
    _index(cli, root)
    assert managed_rows(root)["k.txt"]["Notes"] == notes


def test_a_footnote_ends_a_spaced_name_as_a_separator_does(cli, tmp_path):
    root = _seeds(tmp_path, f"# C\n\n- my file.txt[^1] from Sara\n\n{DEFINITION}\n", name="my file.txt")
    assert _codes(cli, root) == []
    _index(cli, root)
    assert managed_rows(root)["my%20file.txt"]["Notes"] == "[^1] from Sara"


@pytest.mark.parametrize(
    ("table", "notes"),
    [
        ("| File | Source |\n|---|---|\n| k.txt[^1] | USB |", "[^1]; Source: USB"),
        ("| File | Source |\n|---|---|\n| `k.txt`[^1] | USB |", "[^1]; Source: USB"),
        ("| File | Source |\n|---|---|\n| [k.txt](k.txt)[^1] | USB |", "[^1]; Source: USB"),
        ("| File | Pinned | Notes |\n|---|---|---|\n| k.txt[^1] |  | kept |", "kept; [^1]"),
    ],
)
def test_a_footnote_after_the_name_in_a_table_cell_names_the_file(cli, tmp_path, table, notes):
    root = _seeds(tmp_path, f"# C\n\n{table}\n\n{DEFINITION}\n")
    assert _codes(cli, root) == []
    text = _index(cli, root)
    assert managed_rows(root)["k.txt"]["Notes"] == notes
    assert DEFINITION in text.split("\n")


def test_a_reference_no_definition_names_is_text_as_github_shows_it(cli, tmp_path):
    # GitHub shows `k.txt[^x]` as typed: that is no file name, so the item lists nothing.
    item = "- k.txt[^x] footnote"
    root = _seeds(tmp_path, f"# C\n\n{item}\n")
    assert _codes(cli, root) == [("k.txt", "unlisted-file")]
    assert item in _index(cli, root).split("\n")


@pytest.mark.parametrize(
    "definition",
    [
        "[^1]: k.txt",
        "[^1]: k.txt is the scan.",
        "[^1]:\n    - k.txt",
        "[^1]: Sources:\n\n    | File |\n    |---|\n    | k.txt |",
    ],
)
def test_a_bare_name_in_a_footnote_definition_lists_nothing(cli, tmp_path, definition):
    root = _seeds(tmp_path, f"# C\n\nSee the notes.[^1]\n\n{definition}\n")
    assert _codes(cli, root) == [("k.txt", "unlisted-file")]
    text = _index(cli, root)
    assert definition in text  # left where it is, byte for byte
    assert set(managed_rows(root)) == {"k.txt"}


def test_a_link_in_a_footnote_definition_is_a_reference_as_anywhere(cli, tmp_path):
    definition = "[^1]: Scanned, see [the scan](k.txt)."
    root = _seeds(tmp_path, f"# C\n\nSee the notes.[^1]\n\n{definition}\n")
    assert _codes(cli, root) == []
    assert definition in _index(cli, root).split("\n")


def test_a_pin_in_a_footnote_definition_pins_nothing(cli, tmp_path):
    # The definition is prose that stays where it is: write the pin beside the name.
    root = _seeds(tmp_path, "# C\n\n- k.txt[^1]\n\n[^1]: lang: fr\n")
    assert _codes(cli, root) == []  # no lang-mismatch: nothing pinned French
    _index(cli, root)
    assert managed_rows(root)["k.txt"]["Pinned"] == ""
    assert _codes(cli, root) == []


def test_a_footnote_in_a_managed_notes_cell_stays(cli, tmp_path):
    root = _seeds(tmp_path, f"# C\n\n- k.txt[^1] footnote\n\n{DEFINITION}\n")
    once = _index(cli, root)
    assert _index(cli, root) == once


def test_index_keeps_a_footnote_definition_that_names_the_adopted_file(cli, tmp_path):
    # Shaped like a link reference definition (`[r]: k.txt`), which `index` drops once the item
    # using it is adopted; a footnote's is prose, and its reference now lives in Notes.
    root = _seeds(tmp_path, "# C\n\n- k.txt[^1] scan\n\n[^1]: k.txt\n")
    assert "[^1]: k.txt" in _index(cli, root).split("\n")
    assert managed_rows(root)["k.txt"]["Notes"] == "[^1] scan"


def test_rename_follows_the_listing_and_leaves_the_footnotes_prose(cli, tmp_path):
    root = _seeds(tmp_path, "# C\n\n- k.txt[^1] scan\n\n[^1]: k.txt is the scan.\n")
    assert_exit(cli("rename", root), 0)
    lines = (root / "INDEX.md").read_text(encoding="utf-8").split("\n")
    (new,) = [p.name for p in root.glob("*.txt")]
    assert f"- {new}[^1] scan" in lines and "[^1]: k.txt is the scan." in lines
    assert _codes(cli, root) == []
