"""A link's title (`[text](x.txt "scan from Sara, 2019")`, the tooltip GitHub shows over the link)
is a person's words about the document, as the link's text is. When `index` adopts a list item or
a hand-written table row that links a document with a title, the title goes to the row's Notes,
in brackets (`(scan from Sara, 2019)`), after the link's text when that says more than the file's
name; a `lang:` or `ignore:` in it counts as one typed in the note, for `check` before `index` as
for `index` (which moves the pin to Pinned). A reference-style link's title is its definition's:
carried the same way, and the definition line stays where it is, byte for byte.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import assert_exit, doc_name, make_seeds, managed_rows
from multilingual import CLEAN

pytestmark = pytest.mark.usefixtures("isolated_env")

EN = doc_name(1, "en")


def _problems(cli, root: Path) -> list[tuple[str, str]]:
    r = cli("check", root, "--format", "json")
    return sorted((p["code"], p["message"]) for p in json.loads(r.stdout)["problems"] if p["code"] != "index-outdated")


def _pinned_by_check(cli, root: Path) -> str | None:
    """The language `check` reads as pinned for EN (its lang-mismatch message), if any."""
    for code, message in _problems(cli, root):
        if code == "lang-mismatch":
            return message.split("INDEX.md says ", 1)[1].split(",", 1)[0]
    return None


def _index(cli, root: Path, text: str) -> dict[str, str]:
    """Write `text` as INDEX.md, run `index`, and give EN's managed row."""
    (root / "INDEX.md").write_text(text, encoding="utf-8")
    assert_exit(cli("index", root), 0)
    assert_exit(cli("index", root, "--check"), 0)  # what it wrote, it reads back the same
    return managed_rows(root)[EN]


@pytest.fixture
def root(tmp_path) -> Path:
    return make_seeds(tmp_path, {EN: CLEAN["en"]}, index="# S\n")


def test_index_carries_the_title_of_a_list_items_link_into_notes(cli, root):
    row = _index(cli, root, f'# C\n\n- [{EN}]({EN} "scan from Sara, 2019")\n')
    assert row["Notes"] == "(scan from Sara, 2019)"


@pytest.mark.parametrize(
    ("item", "notes"),
    [
        (f'- [The doc]({EN} "Title here")', "The doc — (Title here)"),
        (f'- [The doc]({EN} "Title here") from BBC', "The doc — (Title here) from BBC"),
        (f"- [{EN}]({EN} 'single quotes') — from BBC", "(single quotes) from BBC"),
        (f"- [{EN}]({EN} (in brackets))", "(in brackets)"),
        (f'- [{EN}](<{EN}> "angle target")', "(angle target)"),
        (f'- [The doc](./{EN} "Sara\'s *scan*")\n  read twice', "The doc — (Sara's *scan*) read twice"),
        (f'1. [The doc]({EN} "a \\| pipe")', "The doc — (a \\| pipe)"),
    ],
)
def test_every_title_form_of_a_list_items_link_is_carried(cli, root, item, notes):
    assert _index(cli, root, f"# C\n\n{item}\n")["Notes"] == notes


def test_a_reference_style_links_title_is_carried_and_its_definition_kept(cli, root):
    definition = f'[r]: {EN} "scan from Sara"'
    row = _index(cli, root, f"# C\n\n- [The doc][r] from BBC\n\n{definition}\n")
    assert row["Notes"] == "The doc — (scan from Sara) from BBC"
    assert definition in (root / "INDEX.md").read_text(encoding="utf-8").split("\n")


@pytest.mark.parametrize(
    ("table", "notes"),
    [
        (f'| File | Source |\n|---|---|\n| [The doc]({EN} "Title here") | USB |', "The doc (Title here); Source: USB"),
        (f'| File | Source |\n|---|---|\n| [{EN}]({EN} "Title here") | USB |', "(Title here); Source: USB"),
        # A table shaped like ours that lost its markers: the words beside the name are a person's.
        (f'| File | Pinned | Notes |\n|---|---|---|\n| [{EN}]({EN} "Title here") |  | kept |', "kept; (Title here)"),
    ],
)
def test_a_hand_table_cells_link_title_is_carried(cli, root, table, notes):
    assert _index(cli, root, f"# C\n\n{table}\n")["Notes"] == notes


@pytest.mark.parametrize(
    "text",
    [
        f'# C\n\n- [{EN}]({EN} "lang: fr")\n',
        f'# C\n\n- [The doc]({EN} "scan, lang: fr")\n',
        f'# C\n\n- [The doc][r]\n\n[r]: {EN} "lang: fr"\n',
        f'# C\n\n| File | Source |\n|---|---|\n| [The doc]({EN} "lang: fr") | USB |\n',
        f'# C\n\n| File | Pinned | Notes |\n|---|---|---|\n| [{EN}]({EN} "lang: fr") |  |  |\n',
    ],
)
def test_a_pin_typed_in_a_links_title_pins_for_check_and_index(cli, root, text):
    # Carried into Notes, a `lang:` there pins; so `check` reads it before `index` too.
    (root / "INDEX.md").write_text(text, encoding="utf-8")
    assert _pinned_by_check(cli, root) == "fr"
    row = _index(cli, root, text)
    assert row["Pinned"] == "fr"
    assert "lang" not in row["Notes"] and "()" not in row["Notes"]  # the pin moved, its brackets too
    assert _pinned_by_check(cli, root) == "fr"


def test_an_ignore_typed_in_a_links_title_accepts_before_and_after_index(cli, root):
    (root / EN).write_text("Too short.\n", encoding="utf-8")
    text = f'# C\n\n- [{EN}]({EN} "ignore: too-short")\n'
    (root / "INDEX.md").write_text(text, encoding="utf-8")
    assert "too-short" not in [c for c, _ in _problems(cli, root)]
    assert "ignore: too-short" in _index(cli, root, text)["Notes"]
    assert "too-short" not in [c for c, _ in _problems(cli, root)]


def test_a_web_links_title_in_a_note_is_kept_as_written(cli, root):
    row = _index(cli, root, f'# C\n\n- [{EN}]({EN} "ours") see [site](https://example.org "theirs")\n')
    assert row["Notes"] == '(ours) see [site](https://example.org "theirs")'


def test_a_title_in_prose_stays_where_it_is(cli, root):
    prose = f'See [the doc]({EN} "scan from Sara") for details.'
    _index(cli, root, f"# C\n\n{prose}\n")
    assert prose in (root / "INDEX.md").read_text(encoding="utf-8").split("\n")
