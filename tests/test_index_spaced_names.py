"""A list item that starts with a document's spaced name, its end unmarked (`- persian news.txt
from BBC`): Markdown cannot say where the name ends, so the item stays prose, and every command
says how to write it instead of listing the document elsewhere without its note and pin."""

from __future__ import annotations

import json

import pytest

from helpers import make_seeds
from multilingual import CLEAN

pytestmark = pytest.mark.usefixtures("isolated_env")

HAND = "# Seeds\n\n## Other\n\n- a.txt\n\n## News\n\n- persian news.txt from BBC (lang: fa)\n"
TEXTS = {"a.txt": CLEAN["ru"], "persian news.txt": CLEAN["fa"]}


def _problems(cli, root) -> list[dict]:
    r = cli("check", root, "--format", "json")
    return json.loads(r.stdout)["problems"]


def test_check_says_how_to_write_a_spaced_name_an_item_starts_with(cli, tmp_path):
    root = make_seeds(tmp_path, TEXTS, index=HAND)
    unlisted = [p for p in _problems(cli, root) if p["code"] == "unlisted-file"]
    assert len(unlisted) == 1 and unlisted[0]["file"] == "persian news.txt"
    msg = unlisted[0]["message"]
    assert "INDEX.md line 9" in msg
    assert "- `persian news.txt` from BBC (lang: fa)" in msg
    assert "- [persian news.txt](<persian news.txt>) from BBC (lang: fa)" in msg


def test_index_does_not_list_it_elsewhere_and_the_hint_stays(cli, tmp_path):
    root = make_seeds(tmp_path, TEXTS, index=HAND)
    r = cli("index", root)
    assert r.exit_code == 1, r.output  # one document left unlisted
    text = (root / "INDEX.md").read_text()
    assert "- persian news.txt from BBC (lang: fa)" in text  # the person's item, untouched
    assert "persian%20news.txt" not in text and "<persian news.txt>" not in text
    assert "not listed: persian news.txt: INDEX.md line 9" in r.output
    assert any(p["code"] == "unlisted-file" and "`persian news.txt`" in p["message"] for p in _problems(cli, root))


def test_index_exits_1_when_it_left_a_document_unlisted(cli, tmp_path):
    # The rest is written, but the job (list every document) is not done: a script must see it,
    # as it sees `rename` leaving a name and `dedup --apply` leaving a duplicate.
    root = make_seeds(tmp_path, TEXTS, index=HAND)
    r = cli("index", root, "--format", "json")
    assert r.exit_code == 1, r.output
    data = json.loads(r.stdout)
    assert data["written"] and data["not_listed"] == [{"file": "persian news.txt", "line": 9}]
    r = cli("index", root)
    assert r.exit_code == 1 and "not listed: persian news.txt" in r.stderr, r.output
    # --diff only shows, as `black --diff` does; --check is about INDEX.md changing, which it would not.
    assert cli("index", root, "--diff").exit_code == 0
    assert cli("index", root, "--check").exit_code == 0


def test_rename_leaves_it_alone_so_the_item_still_names_it(cli, tmp_path):
    root = make_seeds(tmp_path, TEXTS, index=HAND)
    r = cli("rename", root)
    assert r.exit_code == 1, r.output  # a document left unrenamed: the job is not done
    assert (root / "persian news.txt").exists()
    assert "skipped persian news.txt" in r.output
    # ... and does not then say that every document follows the name pattern (review finding 5).
    assert "every document already follows" not in r.output and "1 skipped (why: on stderr)" in r.output
    alone = make_seeds(
        tmp_path / "alone", {"persian news.txt": CLEAN["fa"]}, index="# S\n\n- persian news.txt from BBC\n"
    )
    r = cli("rename", alone)
    assert "every document already follows" not in r.output and "no document renamed; 1 skipped" in r.output, r.output
    r = cli("rename", alone, "--dry-run")
    assert "no document would be renamed; 1 skipped" in r.output, r.output


def test_index_shows_a_hostile_unmarked_name_escaped(cli, tmp_path):
    # The "not listed" line printed the name raw: an OSC sequence in it set the terminal's title.
    name = "x\033]0;PWNED\007 news.txt"
    root = make_seeds(tmp_path, {name: TEXTS["persian news.txt"]}, index=f"# S\n\n- {name} from BBC\n")
    r = cli("index", root, "--diff")
    assert "not listed" in r.stderr and "\033" not in r.stderr and "\\x1b]0;PWNED" in r.stderr, r.stderr


@pytest.mark.parametrize(
    "item", ["- `persian news.txt` from BBC (lang: fa)", "- [persian news.txt](<persian news.txt>) from BBC (lang: fa)"]
)
def test_the_forms_the_hint_gives_are_read_into_the_same_section(cli, tmp_path, item):
    root = make_seeds(tmp_path, TEXTS, index=HAND.replace("- persian news.txt from BBC (lang: fa)", item))
    assert not [p for p in _problems(cli, root) if p["code"] == "unlisted-file"]
    assert cli("index", root).exit_code == 0
    text = (root / "INDEX.md").read_text()
    news = text.split("## News", 1)[1]
    row = next(ln for ln in news.splitlines() if "persian" in ln)
    assert "| fa | fa |" in row and row.rstrip(" |").endswith("from BBC")


def test_prose_that_only_mentions_a_spaced_name_is_no_listing(cli, tmp_path):
    root = make_seeds(tmp_path, TEXTS, index=HAND.replace("- persian news.txt from", "- see persian news.txt from"))
    unlisted = [p for p in _problems(cli, root) if p["code"] == "unlisted-file"]
    assert unlisted and "line 9" not in unlisted[0]["message"]


def test_a_spaced_name_typed_composed_finds_the_file_spelled_decomposed():
    # macOS writes "café news.txt" decomposed; the person types it composed: the hint must still
    # find the item (it compared the two spellings byte for byte).
    import unicodedata

    from seedkeeper.indexmd.unmarked import unmarked_items

    on_disk = unicodedata.normalize("NFD", "café news.txt")
    text = f"# S\n\n- {unicodedata.normalize('NFC', 'café news.txt')} from Le Monde\n"
    assert unmarked_items(text, [on_disk]) == {on_disk: (3, "from Le Monde")}
