"""Which pinned language applies when INDEX.md lists a file more than once: the first listing that
pins one (`lang: fa`), in INDEX.md order, wherever the managed table is. A listing that pins
nothing does not undo a pin. `check` (lang-mismatch, lang-not-allowed), `tag` and `index` (the
Pinned cell) all read it by this one rule (entries.first_pins), so `check` says before `index`
what it says after. (The second listing is a duplicate-entry error either way.)"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from helpers import assert_exit, doc_name, make_seeds
from multilingual import CLEAN
from seedkeeper.corpus.model import load_corpus
from seedkeeper.indexmd.reader import parse_index
from seedkeeper.indexmd.writer import render_index
from seedkeeper.settings import Settings

pytestmark = pytest.mark.usefixtures("isolated_env")

EN, FA = doc_name(1, "en"), doc_name(2, "fa")
BEGIN, END = "<!-- seedkeeper:index:begin -->", "<!-- seedkeeper:index:end -->"


def _pins_said(cli, root: Path) -> dict[str, str]:
    """file -> the language `check` reads as pinned (from its lang-mismatch messages)."""
    r = cli("check", root, "--format", "json")
    out = {}
    for p in json.loads(r.stdout)["problems"]:
        if p["code"] == "lang-mismatch":
            out[p["file"]] = p["message"].split("INDEX.md says ", 1)[1].split(",", 1)[0]
    return out


def _codes(cli, root: Path) -> list[str]:
    r = cli("check", root, "--format", "json")
    return sorted(p["code"] for p in json.loads(r.stdout)["problems"])


def _pinned_cells(root: Path) -> dict[str, str]:
    """file -> Pinned cell of the managed table (read with a plain split, not seedkeeper's parser)."""
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    block = text.split(BEGIN, 1)[1].split(END, 1)[0]
    rows = [ln for ln in block.splitlines() if ln.startswith("| [")]
    return {ln.split("](", 1)[0][3:].replace("\\_", "_"): ln.split(" | ")[2].strip() for ln in rows}


def _tagged_pins(cli, root: Path) -> dict[str, str]:
    r = cli("tag", root, "--format", "json")
    return {d["file"]: d["pinned"] for d in json.loads(r.stdout)["documents"] if "pinned" in d}


def test_a_later_listing_that_pins_is_the_pin_for_check_and_index(cli, tmp_path):
    # EN is listed first without a pin, again further down with `lang: fa`. `check` read no pin
    # (the first listing only) while `index` wrote fa into the table: after `index`, check then
    # said lang-mismatch where it had said nothing.
    index = f"# S\n\n- {EN} an English text\n- {FA}\n- {EN} (lang: fa)\n"
    root = make_seeds(tmp_path, {EN: CLEAN["en"], FA: CLEAN["fa"]}, index=index)
    assert "duplicate-entry" in _codes(cli, root)
    before = _pins_said(cli, root)
    assert before == {EN: "fa"}
    # lang-mismatch points at the line whose pin it is about: the one to fix.
    r = cli("check", root, "--format", "json")
    assert [p["line"] for p in json.loads(r.stdout)["problems"] if p["code"] == "lang-mismatch"] == [5]
    assert _tagged_pins(cli, root) == {EN: "fa"}

    assert_exit(cli("index", root), 0)
    assert _pinned_cells(root) == {EN: "fa", FA: ""}
    assert _pins_said(cli, root) == before
    assert _tagged_pins(cli, root) == {EN: "fa"}
    assert _codes(cli, root) == ["lang-mismatch"]


def test_the_first_pin_wins_over_a_later_one_in_check_and_index(cli, tmp_path):
    index = f"# S\n\n- {EN}\n- {EN} (lang: de)\n- {FA}\n- {EN} (lang: fa)\n"
    root = make_seeds(tmp_path, {EN: CLEAN["en"], FA: CLEAN["fa"]}, index=index)
    assert _pins_said(cli, root) == {EN: "de"}
    assert_exit(cli("index", root), 0)
    assert _pinned_cells(root)[EN] == "de"
    assert "lang: fa" in (root / "INDEX.md").read_text(encoding="utf-8")  # the other pin stays in the note
    assert _pins_said(cli, root) == {EN: "de"}


def test_a_listing_without_a_pin_after_a_pinning_one_does_not_unpin(cli, tmp_path):
    index = f"# S\n\n- {EN} (lang: fa)\n- {FA}\n- {EN} no pin here\n"
    root = make_seeds(tmp_path, {EN: CLEAN["en"], FA: CLEAN["fa"]}, index=index)
    assert _pins_said(cli, root) == {EN: "fa"}
    assert_exit(cli("index", root), 0)
    assert _pinned_cells(root)[EN] == "fa"
    assert _pins_said(cli, root) == {EN: "fa"}


def test_first_pins_reads_the_first_listing_that_pins():
    from seedkeeper.indexmd.entries import first_pins

    text = (
        f"# S\n\nSee [this one]({EN}) (lang: it).\n\n- {EN}\n- {FA} (lang: fa)\n- {EN} (lang: de)\n"
        f"\n| File | Language |\n| --- | --- |\n| {EN} | fr |\n"
    )
    doc = parse_index(text)
    pins = first_pins(doc.entries)
    # A link in prose pins nothing; the bare first listing neither: the third list item does.
    assert {rel: (e.lang, e.line) for rel, e in pins.items()} == {EN: ("de", 7), FA: ("fa", 6)}
    # Entries are named by the caller's rule (the corpus: the file on disk, in either spelling).
    nfc, nfd = (unicodedata.normalize(f, "café.txt") for f in ("NFC", "NFD"))
    doc = parse_index(f"- {nfc}\n- {nfd} (lang: fr)\n", name_pattern=r".*")
    assert {rel: e.lang for rel, e in first_pins(doc.entries, lambda r: nfc).items()} == {nfc: "fr"}


def test_the_corpus_and_the_writer_agree_on_the_pin():
    # The plain-call form of the first test: the corpus model (what check, tag and stats read)
    # and render_index (what index writes) give the same pin for every file.
    import tempfile

    index = f"# S\n\n- {EN}\n- {FA}\n- {EN} — lang: fa\n- {FA} (lang: ur)\n"
    with tempfile.TemporaryDirectory() as tmp:
        root = make_seeds(Path(tmp), {EN: CLEAN["en"], FA: CLEAN["fa"]}, index=index)
        corpus = load_corpus(root, Settings(jobs=1))
    pinned = {d.rel: d.pinned for d in corpus.documents}
    assert pinned == {EN: "fa", FA: "ur"}
    assert {d.rel: d.entry.line for d in corpus.documents} == {EN: 3, FA: 4}  # notes: the first listing
    from seedkeeper.indexmd.table import IndexRow

    rows = [IndexRow(f, "", 1, 1, "abc", "ok", "t") for f in (EN, FA)]
    out = render_index(index, rows)
    cells = {ln.split("](", 1)[0][3:]: ln.split(" | ")[2].strip() for ln in out.splitlines() if ln.startswith("| [")}
    assert cells == pinned


@pytest.mark.parametrize(
    "item",
    [
        f"- {EN} an English text\n  continued (lang: fa)\n",  # on a continuation line
        f"- [An English text (lang: fa)]({EN})\n",  # in the link's text
        f"- [An English text (lang: fa)]({EN}) and a note\n",
        f"- [An English text, lang: fa][t]\n\n[t]: {EN}\n",  # a reference-style link
    ],
)
def test_a_pin_index_reads_in_a_list_item_is_the_pin_check_reads(cli, tmp_path, item):
    # `index` pins what a `lang:` anywhere in an adopted item says (its note, its link's text,
    # its continuation lines); `check` read the note on the item's first line only, so it said
    # nothing before `index` and lang-mismatch after.
    root = make_seeds(tmp_path, {EN: CLEAN["en"]}, index=f"# S\n\n{item}")
    assert _pins_said(cli, root) == {EN: "fa"}
    assert_exit(cli("index", root), 0)
    assert _pinned_cells(root) == {EN: "fa"}
    assert _pins_said(cli, root) == {EN: "fa"}


def test_a_file_named_like_a_pin_pins_nothing(cli, tmp_path):
    name = "lang=fa.txt"
    (tmp_path / "seedkeeper.toml").write_text('name-pattern = ".*"\n', encoding="utf-8")
    root = make_seeds(tmp_path, {name: CLEAN["en"]}, index=f"# S\n\n- [{name}]({name})\n")
    assert _pins_said(cli, root) == {}
    assert_exit(cli("index", root), 0)
    assert _pinned_cells(root) == {name: ""}


def test_dedup_apply_and_restore_keep_the_pin_that_applies(cli, tmp_path):
    # The copy's first listing pins nothing, a later one pins en-GB: `dedup --apply` takes both
    # out of INDEX.md, and `restore` must put back the pin check read, not the first listing's none.
    kept, copy = doc_name(10, "kept"), doc_name(11, "copy")
    index = f"# S\n\n- {kept}\n- {copy} a copy\n- {FA}\n- {copy} (lang: de)\n"
    root = make_seeds(tmp_path, {kept: CLEAN["en"], copy: CLEAN["en"], FA: CLEAN["fa"]}, index=index)
    assert _pins_said(cli, root) == {copy: "de"}
    assert_exit(cli("dedup", root, "--apply", "--no-cache", "--jobs", "1"), 0)
    assert copy not in (root / "INDEX.md").read_text(encoding="utf-8")
    assert_exit(cli("restore", copy, "--seeds", root), 0)
    (line,) = [ln for ln in (root / "INDEX.md").read_text(encoding="utf-8").splitlines() if copy in ln]
    assert "a copy" in line and "lang: de" in line, line
    assert _pins_said(cli, root) == {copy: "de"}


def test_prose_shaped_like_a_tag_pins_nothing_in_check_tag_or_index(cli, tmp_path):
    # "Plain language: no-nonsense." has the shape of `language: <tag>` with Norwegian and a
    # variant: check said "INDEX.md says no-nonsense, detected en" and index wrote it into Pinned.
    index = f"# S\n\n- {EN} Plain language: no-nonsense.\n- {FA} a Persian text (lang: fa)\n"
    root = make_seeds(tmp_path, {EN: CLEAN["en"], FA: CLEAN["fa"]}, index=index)
    assert _pins_said(cli, root) == {} and _tagged_pins(cli, root) == {FA: "fa"}
    assert cli("index", root).exit_code == 0
    assert _pinned_cells(root) == {EN: "", FA: "fa"}
    assert "Plain language: no-nonsense." in (root / "INDEX.md").read_text(encoding="utf-8")
    assert _pins_said(cli, root) == {} and _tagged_pins(cli, root) == {FA: "fa"}


# A table row's pin: the one `index` writes into its Pinned cell is the one `check` reads.


def _indexed(cli, tmp_path) -> Path:
    """EN and FA in a managed table written by `index`."""
    root = make_seeds(tmp_path, {EN: CLEAN["en"], FA: CLEAN["fa"]})
    assert_exit(cli("index", root), 0)
    return root


def _edit_rows(root: Path, edit) -> None:
    """INDEX.md with each table line (header, delimiter, rows) replaced by edit(line)."""
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    lines = [edit(ln) if ln.startswith("|") else ln for ln in text.split("\n")]
    (root / "INDEX.md").write_text("\n".join(lines), encoding="utf-8")


def _explained_pins(cli, root: Path) -> dict[str, str]:
    """file -> the pin `tag --explain` names on the document's line (`pinned: de`)."""
    r = cli("tag", root, "--explain")
    out = {}
    for ln in r.stdout.splitlines():
        if "pinned: " in ln and ln.split(" ", 1)[0] in (EN, FA):
            out[ln.split(" ", 1)[0]] = ln.split("pinned: ", 1)[1].split()[0]
    return out


def _added_column(ln: str) -> str:
    if ln.startswith("| File "):
        return ln + " Owner |"
    if ln.startswith("| ---"):
        return ln + " --- |"
    return ln + (" lang: de |" if f"[{EN}" in ln.replace("\\_", "_") else " Ana |")


def _past_the_header(ln: str) -> str:
    return ln + " lang: de |" if f"[{EN}" in ln.replace("\\_", "_") else ln


def _hand_table_between_the_markers(ln: str) -> str:
    if ln.startswith("| File "):
        return "| File | Comments |"
    if ln.startswith("| ---"):
        return "| --- | --- |"
    name = EN if f"[{EN}" in ln.replace("\\_", "_") else FA
    return f"| {name} | {'lang: de' if name == EN else 'Ana'} |"


@pytest.mark.parametrize("edit", [_added_column, _past_the_header, _hand_table_between_the_markers])
def test_a_lang_typed_in_a_cell_of_a_column_a_person_added_pins_in_check_and_index(cli, tmp_path, edit):
    # `lang: de` in a column a person added to the managed table ("Owner"), after a `|` typed in
    # a row, or in a hand table typed between the markers: `index` moved it into Pinned, but
    # `check` read only the Pinned and Notes cells there, so it pinned nothing before `index`
    # and said lang-mismatch after. A person who typed it means it, as in a hand table's cells.
    root = _indexed(cli, tmp_path)
    _edit_rows(root, edit)
    assert _pins_said(cli, root) == {EN: "de"}
    assert _tagged_pins(cli, root) == {EN: "de"}
    assert _explained_pins(cli, root) == {EN: "de"}
    assert_exit(cli("index", root), 0)
    assert _pinned_cells(root) == {EN: "de", FA: ""}
    assert _pins_said(cli, root) == {EN: "de"} and _tagged_pins(cli, root) == {EN: "de"}
    if edit is not _past_the_header:
        assert "Ana" in (root / "INDEX.md").read_text(encoding="utf-8")  # the other cell, in FA's Notes
    assert_exit(cli("index", root, "--check"), 0)


def _markers_lost(root: Path) -> None:
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    (root / "INDEX.md").write_text(text.replace(BEGIN + "\n", "").replace(END + "\n", ""), encoding="utf-8")


def test_a_table_shaped_like_ours_without_markers_pins_by_pinned_not_by_the_detected_language(cli, tmp_path):
    # The managed table lost its markers. Its Language column is what the tool detected (here a
    # stale "fr", and "ur" beside a Pinned "fa"): `check` read it as a pin (the first of
    # Language and Pinned), `index` rightly did not, and wrote Pinned as it was.
    root = _indexed(cli, tmp_path)
    _markers_lost(root)

    def stale(ln: str) -> str:
        cells = ln.split(" | ")
        if f"[{EN}" in ln.replace("\\_", "_"):
            cells[1] = "fr"
        elif f"[{FA}" in ln.replace("\\_", "_"):
            cells[1], cells[2] = "ur", "fa"
        return " | ".join(cells)

    _edit_rows(root, stale)
    assert _pins_said(cli, root) == {}
    assert _tagged_pins(cli, root) == {FA: "fa"} == _explained_pins(cli, root)
    assert_exit(cli("index", root), 0)
    assert _pinned_cells(root) == {EN: "", FA: "fa"}
    assert _pins_said(cli, root) == {} and _tagged_pins(cli, root) == {FA: "fa"}


def test_a_pinned_column_wins_over_a_language_column_in_a_hand_table(cli, tmp_path):
    # A hand table with both: Pinned is the pin (as in ours); Language pins where Pinned is empty.
    index = f"# S\n\n| File | Language | Pinned |\n| --- | --- | --- |\n| {EN} | en | de |\n| {FA} | fa |  |\n"
    root = make_seeds(tmp_path, {EN: CLEAN["en"], FA: CLEAN["fa"]}, index=index)
    assert _pins_said(cli, root) == {EN: "de"}
    assert _tagged_pins(cli, root) == {EN: "de", FA: "fa"}
    assert_exit(cli("index", root), 0)
    assert _pinned_cells(root) == {EN: "de", FA: "fa"}
    assert _pins_said(cli, root) == {EN: "de"} and _tagged_pins(cli, root) == {EN: "de", FA: "fa"}


def test_restore_into_a_table_shaped_like_ours_puts_the_pin_where_it_pins(cli, tmp_path):
    # `restore` put a person's language back in the first of a hand table's Language and Pinned
    # columns: in a table shaped like ours, the detected Language, which pins nothing (`check`
    # said nothing, the next `index` dropped it). It goes where the reader reads a pin first.
    kept, copy = doc_name(10, "kept"), doc_name(11, "copy")
    root = make_seeds(tmp_path, {kept: CLEAN["en"], copy: CLEAN["en"], FA: CLEAN["fa"]})
    assert_exit(cli("index", root), 0)
    _markers_lost(root)
    _edit_rows(
        root, lambda ln: ln.replace(" | en |  | ", " | en | de | ") if f"[{copy}" in ln.replace("\\_", "_") else ln
    )
    assert _pins_said(cli, root) == {copy: "de"}
    assert_exit(cli("dedup", root, "--apply", "--no-cache", "--jobs", "1"), 0)
    assert copy not in (root / "INDEX.md").read_text(encoding="utf-8")
    assert_exit(cli("restore", copy, "--seeds", root), 0)
    assert _pins_said(cli, root) == {copy: "de"}
    assert_exit(cli("index", root), 0)
    assert _pinned_cells(root)[copy] == "de"
    assert _pins_said(cli, root) == {copy: "de"}


def test_a_language_cell_that_is_not_a_tag_pins_nothing_before_or_after_index(cli, tmp_path):
    # "fa, mostly" in a Language column is no pin (a pin is a tag); carried into Notes as
    # "Language: fa, mostly" it became one (`language: fa,`), so `check` said lang-mismatch after.
    index = f"# S\n\n| File | Language |\n| --- | --- |\n| {EN} | fa, mostly |\n| {FA} | fa |\n"
    root = make_seeds(tmp_path, {EN: CLEAN["en"], FA: CLEAN["fa"]}, index=index)
    assert _pins_said(cli, root) == {} and _tagged_pins(cli, root) == {FA: "fa"}
    assert_exit(cli("index", root), 0)
    assert _pinned_cells(root) == {EN: "", FA: "fa"}
    assert _pins_said(cli, root) == {} and _tagged_pins(cli, root) == {FA: "fa"}
    assert "fa, mostly" in (root / "INDEX.md").read_text(encoding="utf-8")


_OURS = ("File", "Language", "Pinned", "Chars", "Words", "SHA-256", "Status", "Title", "Notes")
_SHAPES = [
    _OURS,
    (*_OURS, "Owner"),
    (*_OURS, "Lang"),
    ("File", "Language", "Pinned"),
    ("File", "Comments"),
    ("File", "Lang", "Notes"),
    ("File", "Pinned", "Language", "Status"),
    ("File", "Description", "Language"),
]
_CELLS = {
    "file": [f"[{EN}]({EN})"],
    "chars": ["10"],
    "words": ["2"],
    "sha-256": ["abcdefabcdef"],
    "language": ["en", "fa, mostly"],
    "lang": ["de", "fa, mostly"],
    "pinned": ["", "ur", "German"],
    "notes": ["", "lang: fa"],
    "comments": ["lang: de", "Ana"],
    "description": ["lang: de; language: fa", "Language: fa"],
    "owner": ["lang: de", ""],
    "status": ["ok", "lang: it"],
    "title": ["lang: it"],
}


def test_check_and_index_read_one_pin_from_every_row_shape():
    # Rows of tables shaped like ours (with a column a person added) and hand-written ones, inside
    # the markers and out, with and without cells past the header: the pin the corpus model reads
    # (entries.first_pins over the parse told the documents as the survey tells it: status and
    # language not known yet) is the pin read back from what render_index writes.
    import itertools

    from seedkeeper.indexmd.entries import first_pins
    from seedkeeper.indexmd.inside_cells import with_documents
    from seedkeeper.indexmd.table import CellGuard, IndexRow

    guard = CellGuard(("*.txt",), r"\d{3,}_[0-9a-f]{16}\.txt")
    surveyed = {EN: IndexRow(EN, "", 10, 2, "abcdefabcdef", "", "t")}

    def pins(text: str) -> dict[str, str | None]:
        told = with_documents(parse_index(text), surveyed, guard)
        return {rel: e.lang for rel, e in first_pins(told.entries).items()}

    rows = [IndexRow(EN, "en", 10, 2, "abcdefabcdef", "ok", "t")]
    differ, pinned = [], 0  # rows read two ways; rows that pin
    for shape in _SHAPES:
        for cells in itertools.product(*(_CELLS[h.lower()] for h in shape)):
            for past in ("", " lang: es |"):
                for managed in (False, True):
                    table = [f"| {' | '.join(shape)} |", "|" + " --- |" * len(shape), f"| {' | '.join(cells)} |{past}"]
                    text = "# S\n\n" + "\n".join([BEGIN, *table, END] if managed else table) + "\n"
                    before = pins(text)
                    pinned += bool(before)
                    if pins(render_index(text, rows)) != before:
                        differ.append(text)
    assert not differ, f"{len(differ)} rows read two pins, first:\n{differ[0]}"
    assert pinned  # the rows do pin, most of them


def test_a_pinned_cell_the_registry_lacks_is_still_a_pin_check_compares(cli, tmp_path):
    # "fr-UK" (the region is GB) in the managed table's Pinned column: since pins must use
    # registered subtags, check and tag read past it silently, and the table kept showing a pin
    # nothing honoured. The column holds nothing but a pin: it is one, and lang-mismatch names it.
    root = make_seeds(tmp_path, {EN: CLEAN["en"], FA: CLEAN["fa"]}, index=f"# S\n\n- {EN}\n- {FA}\n")
    assert_exit(cli("index", root), 0)
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    row = next(ln for ln in text.splitlines() if ln.startswith(f"| [{EN}"))
    cells = row.split(" | ")
    cells[2] = "fr-UK"
    (root / "INDEX.md").write_text(text.replace(row, " | ".join(cells)), encoding="utf-8")
    assert _pinned_cells(root)[EN] == "fr-UK"
    assert _pins_said(cli, root) == {EN: "fr-UK"}
    assert _tagged_pins(cli, root)[EN] == "fr-UK"
    assert_exit(cli("index", root), 0)
    assert _pinned_cells(root)[EN] == "fr-UK" and _pins_said(cli, root) == {EN: "fr-UK"}
    # In a note the registry still decides: "lang: no-nonsense" is prose there.
    hand = make_seeds(tmp_path / "notes", {EN: CLEAN["en"]}, index=f"# S\n\n- {EN} plain lang: no-nonsense\n")
    assert _pins_said(cli, hand) == {} and EN not in _tagged_pins(cli, hand)


def test_a_pin_typed_in_the_language_column_of_a_table_that_lost_its_markers_is_read_before_index(cli, tmp_path):
    # index carried "lang: de" from such a Language cell into Notes and pinned it; check, before
    # index, read no pin there: the one-pin rule broke (found reading the whole change again).
    index = f"# S\n\n| File | Language | Pinned | Notes |\n| --- | --- | --- | --- |\n| {EN} | lang: de |  | x |\n"
    root = make_seeds(tmp_path, {EN: CLEAN["en"]}, index=index)
    assert _pins_said(cli, root) == {EN: "de"}
    assert_exit(cli("index", root), 0)
    assert _pinned_cells(root) == {EN: "de"} and _pins_said(cli, root) == {EN: "de"}
