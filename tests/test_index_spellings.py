"""One file, two Unicode spellings of its name ("café.txt" composed, NFC, as people type it;
decomposed, NFD, as macOS writes it): INDEX.md may use either, and both name the one file on disk.
What `index` writes is the spelling the folder holds, so its links resolve on a file system that
compares names byte for byte (Linux), whichever spelling a person typed; and `check` says
index-outdated exactly when `index` would change a link spelled otherwise."""

from __future__ import annotations

import json
import re
import unicodedata
import urllib.parse
from pathlib import Path

import pytest

from helpers import assert_exit, make_seeds
from multilingual import CLEAN
from seedkeeper.corpus.model import load_corpus
from seedkeeper.indexmd.table import IndexRow, list_reference
from seedkeeper.indexmd.writer import render_index
from seedkeeper.settings import Settings

pytestmark = pytest.mark.usefixtures("isolated_env")

NFC, NFD = (unicodedata.normalize(form, "café.txt") for form in ("NFC", "NFD"))
ANY_NAME = Settings(jobs=1, name_pattern=r".*")
_LINK = re.compile(r"^\| \[[^\]]*\]\(([^)]*)\) \|")


def _folder(tmp_path: Path, on_disk: str, index: str) -> Path:
    (tmp_path / "seedkeeper.toml").write_text('name-pattern = ".*"\n', encoding="utf-8")
    return make_seeds(tmp_path, {on_disk: CLEAN["fr"]}, index=index)


def _row_links(root: Path) -> list[str]:
    """The File links of the managed table, percent-decoded: the names a browser would open."""
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    return [urllib.parse.unquote(m.group(1)) for ln in text.splitlines() if (m := _LINK.match(ln))]


def _codes(cli, root: Path) -> list[str]:
    r = cli("check", root, "--format", "json")
    return sorted(p["code"] for p in json.loads(r.stdout)["problems"])


def test_an_nfc_list_item_adopted_above_an_nfd_row_keeps_the_link_on_disk(cli, tmp_path):
    # The managed row links the decomposed name the folder holds; a person then lists the file
    # again, typed composed, above the table. The row was renamed to the first spelling INDEX.md
    # used: its link named no file on Linux, and `check` said nothing.
    root = _folder(tmp_path, NFD, f"# S\n\n- {NFD} first note\n")
    assert_exit(cli("index", root), 0)
    assert _row_links(root) == [NFD]
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    (root / "INDEX.md").write_text(text.replace("# S\n", f"# S\n\n- {NFC} typed composed\n", 1), encoding="utf-8")
    assert "duplicate-entry" in _codes(cli, root)

    assert_exit(cli("index", root), 0)
    assert _row_links(root) == [NFD]
    assert all((root / link).exists() for link in _row_links(root))
    once = (root / "INDEX.md").read_text(encoding="utf-8")
    assert NFC not in once and "first note; typed composed" in once, once
    assert _codes(cli, root) == []
    assert_exit(cli("index", root, "--check"), 0)


@pytest.mark.parametrize("typed", [NFC, NFD])
def test_a_hand_list_becomes_a_table_linking_the_spelling_on_disk(cli, tmp_path, typed):
    root = _folder(tmp_path, NFD, f"# S\n\n- {typed} a note\n")
    r = cli("index", root, "--format", "json")
    assert_exit(r, 0)
    assert json.loads(r.stdout)["adopted"] == [NFD]  # the composed item was adopted too: said so
    assert _row_links(root) == [NFD]
    assert _codes(cli, root) == []


def test_a_row_linking_a_spelling_not_on_disk_is_outdated_and_index_fixes_it(cli, tmp_path):
    # What the bug left behind: a managed row linking the composed spelling of a decomposed file.
    # The same file (no missing-file), but `index` writes the spelling on disk: `check` and
    # `index --check` say so, and after `index` all is well.
    root = _folder(tmp_path, NFD, f"# S\n\n- {NFD} a note\n")
    assert_exit(cli("index", root), 0)
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    quoted = urllib.parse.quote(NFD)
    assert f"]({quoted})" in text
    (root / "INDEX.md").write_text(text.replace(f"[{NFD}]({quoted})", f"[{NFC}]({NFC})"), encoding="utf-8")
    assert _row_links(root) == [NFC]

    assert _codes(cli, root) == ["index-outdated"]
    assert_exit(cli("index", root, "--check"), 1)
    assert_exit(cli("index", root), 0)
    assert _row_links(root) == [NFD]
    assert "a note" in (root / "INDEX.md").read_text(encoding="utf-8")
    assert _codes(cli, root) == []


def test_the_corpus_names_a_document_by_its_spelling_on_disk(tmp_path):
    # Listed composed first, decomposed on disk: the document is the file on disk, named as the
    # folder spells it; the composed listing is a second listing of it.
    root = make_seeds(tmp_path, {NFD: CLEAN["fr"]}, index=f"# S\n\n- {NFC} one\n- {NFD} two\n")
    corpus = load_corpus(root, ANY_NAME)
    assert [d.rel for d in corpus.documents] == [NFD]
    assert corpus.documents[0].entry.note == "one"
    assert [(p.code, p.file, p.line) for p in corpus.problems] == [("duplicate-entry", NFD, 4)]


def test_a_spelling_on_disk_of_its_own_is_its_own_file(tmp_path):
    # Both spellings are files (Linux keeps them apart): each listing names its own.
    root = make_seeds(tmp_path, {NFD: CLEAN["fr"], NFC: CLEAN["en"]}, index=f"# S\n\n- {NFC} one\n- {NFD} two\n")
    corpus = load_corpus(root, ANY_NAME)
    assert [d.rel for d in corpus.documents] == [NFC, NFD]
    assert corpus.problems == []


def test_a_missing_file_is_reported_as_it_was_typed(tmp_path):
    root = make_seeds(tmp_path, {}, index=f"# S\n\n- {NFD} gone\n")
    corpus = load_corpus(root, ANY_NAME)
    assert [(p.code, p.file) for p in corpus.problems] == [("missing-file", NFD)]


# ---------------------------------------------------------------- every spelling follows the file

KEPT = "kept.txt"
COPY_NFC, COPY_NFD = (unicodedata.normalize(form, "copié.txt") for form in ("NFC", "NFD"))
DUP = CLEAN["fr"]


def test_rename_rewrites_every_spelling_index_md_uses(cli, tmp_path):
    # A list item typed composed and a link in prose decomposed: both name the one file, and
    # both must name the new one after the rename (the second spelling was left dangling).
    index = f"# S\n\n- {NFC} — French letter\n\nSee [the letter]({urllib.parse.quote(NFD)}).\n"
    root = _folder(tmp_path, NFD, index)
    (tmp_path / "seedkeeper.toml").unlink()  # the default name pattern: café.txt gets a new name
    r = cli("rename", root, "--format", "json")
    assert_exit(r, 0)
    (move,) = json.loads(r.stdout)["renamed"]
    assert move["from"] == NFC
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    assert "caf" not in text and f"- {move['to']} — French letter" in text
    assert f"[the letter]({move['to']})" in text
    assert _codes(cli, root) == ["index-outdated"]  # no missing-file: only the table to write


def test_dedup_apply_and_restore_follow_the_file_in_another_spelling(cli, tmp_path):
    # The copy is decomposed on disk, listed composed: `dedup --apply` moves the file on disk and
    # takes its listing out of INDEX.md (it stayed, naming a file that had gone), keeping its
    # note for `restore`, which lists it once again.
    (tmp_path / "seedkeeper.toml").write_text('name-pattern = ".*"\n', encoding="utf-8")
    index = f"# S\n\n- {KEPT}\n- {COPY_NFC} — a copy (lang: fr)\n"
    root = make_seeds(tmp_path, {KEPT: DUP, COPY_NFD: DUP}, index=index)
    assert_exit(cli("dedup", root, "--apply", "--no-cache", "--jobs", "1"), 0)
    assert not (root / COPY_NFD).exists()
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    assert "copi" not in text, text
    assert _codes(cli, root) == ["index-outdated"]

    assert_exit(cli("restore", COPY_NFC, "--seeds", root), 0)
    assert (root / COPY_NFD).exists()
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    (line,) = [ln for ln in text.splitlines() if "copi" in ln]
    assert "a copy" in line and "lang: fr" in line, text
    assert sorted(_codes(cli, root)) == ["exact-duplicate", "index-outdated"]


def test_stats_count_a_file_listed_in_two_spellings_once(cli, tmp_path):
    root = _folder(tmp_path, NFD, f"# S\n\n- {NFC} one\n- {NFD} two\n")
    r = cli("stats", root, "--format", "json")
    data = json.loads(r.stdout)
    assert (data["listed"], data["on_disk"], data["documents"]) == (1, 1, 1), data


def test_remove_entries_takes_every_spelling_of_a_file_but_not_a_file_of_its_own():
    from seedkeeper.indexmd.entry_edits import remove_entries

    text = f"# S\n\n- {KEPT}\n- {COPY_NFC} a note\n- {COPY_NFD} again\n"
    names = {"include": ("*.txt",), "name_pattern": r".*"}
    # The decomposed file goes; the composed spelling is no file of its own: both items name it.
    assert remove_entries(text, [COPY_NFD], others=[KEPT], **names) == f"# S\n\n- {KEPT}\n"
    # Both spellings are files (Linux): only the one removed loses its listing.
    both = remove_entries(text, [COPY_NFD], others=[KEPT, COPY_NFC], **names)
    assert both == f"# S\n\n- {KEPT}\n- {COPY_NFC} a note\n"
    # ASCII names have one spelling.
    assert remove_entries(text, [KEPT], **names) == f"# S\n\n- {COPY_NFC} a note\n- {COPY_NFD} again\n"


@pytest.mark.parametrize(("typed", "restored"), [(COPY_NFC, COPY_NFD), (COPY_NFD, COPY_NFC)], ids=["nfc", "nfd"])
def test_add_entries_finds_a_file_listed_in_its_other_spelling(typed, restored):
    """`restore` re-lists a file unless INDEX.md lists it already: decided by the exact spelling,
    a hand re-listing typed in the other spelling was listed a second time (duplicate-entry)."""
    from seedkeeper.indexmd.entry_edits import add_entries

    names = {"include": ("*.txt",), "name_pattern": r".*"}
    hand = f"# S\n\n- {KEPT}\n- {typed} listed again by hand\n"
    assert add_entries(hand, [restored], others=[KEPT], **names) == hand
    table = f"# S\n\n| File | Notes |\n|---|---|\n| {KEPT} | |\n| {typed} | by hand |\n"
    assert add_entries(table, [restored], others=[KEPT], **names) == table
    managed = render_index(f"# S\n\n- {typed}\n", [IndexRow(typed, "fr", 1, 1, "abc", "ok", "t")], **names)
    assert add_entries(managed, [restored], others=[KEPT], **names) == managed
    # Both spellings are files (Linux): the other one's listing does not list this one.
    added = add_entries(hand, [restored], others=[KEPT, typed], **names)
    assert added == hand + f"- {list_reference(restored)}\n"


def test_add_entries_reads_a_link_in_a_notes_cell_as_a_mention_not_a_row():
    """A link to the file in another row's Notes cell of the managed table is a mention (it is
    not what duplicate-entry compares): it kept `restore` from giving the file its row back, and
    the notes a person wrote for it were not put back."""
    from seedkeeper.indexmd.entry_edits import add_entries
    from seedkeeper.indexmd.reader import parse_index

    names = {"include": ("*.txt",), "name_pattern": r".*"}
    rows = [IndexRow(KEPT, "fr", 1, 1, "abc", "ok", "t")]
    managed = render_index(f"# S\n\n- {KEPT} the copy is [here]({COPY_NFD})\n", rows, **names)
    out = add_entries(managed, [COPY_NFD], carried={COPY_NFD: ("fr", "my note")}, **names)
    rows_now = [e for e in parse_index(out, ("*.txt",), r".*").entries if e.kind == "table"]
    assert [e.rel for e in rows_now] == [KEPT, COPY_NFD], out
    assert "my note" in out and "| fr |" in out


def _notes(root: Path) -> list[str]:
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    return [ln.rstrip(" |").rsplit("|", 1)[-1].strip() for ln in text.splitlines() if _LINK.match(ln)]


@pytest.mark.parametrize(
    "index, note",
    [
        (f"# S\n\n- [{NFC}]({NFC}) a note\n", "a note"),
        (f"# S\n\n| File | Notes |\n|---|---|\n| [{NFC}]({NFC}) | hand note |\n", "hand note"),
    ],
    ids=["list-item-link", "hand-table-link"],
)
def test_adopting_a_link_in_the_other_spelling_copies_no_file_name_into_notes(cli, tmp_path, index, note):
    # The link's text and target name the file, typed composed; the file on disk is decomposed.
    root = _folder(tmp_path, NFD, index)
    assert_exit(cli("index", root), 0)
    assert _notes(root) == [note]
    assert _row_links(root) == [NFD]
