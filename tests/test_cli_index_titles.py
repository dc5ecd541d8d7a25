"""The Title column of a table shaped like ours (File, Pinned and Notes columns) outside the
markers: ours that lost its markers, or a copy. The tool wrote its Title cells, but a person may
have typed in them too. A cell is the tool's only when it is exactly what `index` writes for the
document (its title, escaped as the table shows it); anything else is a person's, carried into
Notes as `Title: ...`, and a `lang:` or `ignore:` typed there counts for `check`, `tag` and
`dedup` as it does for `index`.

The tables are made the way people get them: `index` writes a managed table, then its markers
are taken out (and cells edited, or rows moved under another heading). The tool's own titles
are read from what `index` wrote, never computed here.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from dedup_fixtures import doc
from helpers import NO_INDEX, assert_exit, doc_name, make_seeds
from multilingual import CLEAN

pytestmark = pytest.mark.usefixtures("isolated_env")

BEGIN, END = "<!-- seedkeeper:index:begin -->", "<!-- seedkeeper:index:end -->"
COLUMNS = ["File", "Language", "Pinned", "Chars", "Words", "SHA-256", "Status", "Title", "Notes"]
FA, ZH, EN, EMPTY = doc_name(0, "fa"), doc_name(1, "zh"), doc_name(2, "en"), doc_name(3, "empty")
TEXTS = {FA: CLEAN["fa"], ZH: CLEAN["zh"], EN: CLEAN["en"]}


def _cells(line: str) -> list[str]:
    """A GFM table row -> its raw cells (split on pipes not escaped with a backslash)."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", line.strip()[1:-1])]


def _row_line(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _is_row_of(line: str, name: str) -> bool:
    return line.startswith("|") and f"]({name})" in _cells(line)[0]


def _rows(text: str, managed: bool = True) -> dict[str, dict[str, str]]:
    """The rows (by file) of the managed table (`managed`), else of every table in `text`."""
    if managed:
        assert text.count(BEGIN) == 1 and text.count(END) == 1, text
        text = text[text.index(BEGIN) : text.index(END)]
    out: dict[str, dict[str, str]] = {}
    header: list[str] = []
    for ln in text.split("\n"):
        if not ln.startswith("|"):
            header = []
            continue
        cells = _cells(ln)
        if not header:
            header = cells
        elif (m := re.fullmatch(r"\[[^\]]*\]\(([^)]*)\)", cells[0])) is not None:
            out[m.group(1)] = dict(zip(header, cells))
    return out


def _unmarked(root: Path) -> str:
    """INDEX.md as `index` wrote it with its markers (and the comment under them) taken out: a
    table shaped like ours outside the markers, its Title cells the tool's."""
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    kept = [ln for ln in text.split("\n") if ln.strip() not in (BEGIN, END) and not ln.startswith("<!-- Written by")]
    return "\n".join(kept)


def _edit(text: str, name: str, **cells: str) -> str:
    """`text` with `name`'s row's cells set (by header; `Added` is a column added after ours)."""
    out = []
    for ln in text.split("\n"):
        if _is_row_of(ln, name):
            parts = _cells(ln)
            for col, value in cells.items():
                parts[COLUMNS.index(col) if col in COLUMNS else len(COLUMNS)] = value
            ln = _row_line(parts)
        out.append(ln)
    return "\n".join(out)


def _with_columns(text: str, *headers: str) -> str:
    """`text` with empty columns named `headers` added at the end of every table (as a person
    adds one: a header, its delimiter, an empty cell in each row)."""
    out = []
    for ln in text.split("\n"):
        if ln.startswith("| File |"):
            ln += "".join(f" {h} |" for h in headers)
        elif ln.startswith("| ---"):
            ln += " --- |" * len(headers)
        elif ln.startswith("|"):
            ln += "  |" * len(headers)
        out.append(ln)
    return "\n".join(out)


def _indexed(cli, tmp_path: Path, files: dict[str, str]) -> tuple[Path, dict[str, str]]:
    """A folder indexed from nothing, and the Title cell `index` wrote for each document."""
    root = make_seeds(tmp_path, files, index=NO_INDEX)
    assert_exit(cli("index", root, "--no-cache"), 0)
    return root, {f: row["Title"] for f, row in _rows((root / "INDEX.md").read_text(encoding="utf-8")).items()}


def _write(root: Path, text: str) -> None:
    (root / "INDEX.md").write_text(text, encoding="utf-8")


def _check(cli, root: Path) -> dict:
    r = cli("check", root, "--format", "json", "--no-cache")
    return json.loads(r.stdout)


def _found(report: dict, code: str) -> dict[str, str]:
    """file -> message of each finding with `code`."""
    return {p["file"]: p["message"] for p in report["problems"] if p["code"] == code}


def _pins(cli, root: Path) -> dict[str, str]:
    """file -> the language `tag` (the survey every reading command shares) reads as pinned."""
    r = cli("tag", root, "--format", "json", "--no-cache")
    return {d["file"]: d["pinned"] for d in json.loads(r.stdout)["documents"] if "pinned" in d}


def _notes(root: Path, after: str = "") -> dict[str, tuple[str, str]]:
    """file -> (Pinned, Notes as shown) of the managed table (the one after heading `after`)."""
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    rows = _rows(text.split(after, 1)[1] if after else text)
    return {f: (row["Pinned"], html.unescape(re.sub(r"\\(.)", r"\1", row["Notes"]))) for f, row in rows.items()}


def test_only_the_tools_own_title_is_dropped(cli, tmp_path):
    # The review's reproducers: a cell that begins with the document's title ("... — Sara's
    # pick"), a person's Persian title with a pin, and a cell beside an empty title (the
    # document has no text: the tool writes nothing there) were dropped with the tool's titles.
    root, titles = _indexed(cli, tmp_path, {**TEXTS, EMPTY: ""})
    assert titles[EMPTY] == "" and titles[EN].endswith("…")  # the tool cuts a long title
    text = _unmarked(root)
    text = _edit(text, EN, Title=f"{titles[EN]} — Sara's pick", Notes="a")
    text = _edit(text, FA, Title="گزیده‌ی سارا (lang: de)", Notes="b")
    text = _edit(text, EMPTY, Title="waiting for the scan", Notes="")
    _write(root, text)
    before = (_pins(cli, root), _found(_check(cli, root), "lang-mismatch"))

    assert_exit(cli("index", root, "--no-cache"), 0)
    notes = _notes(root)
    assert notes[EN] == ("", f"a; Title: {html.unescape(titles[EN].replace(chr(92), ''))} — Sara's pick"), notes[EN]
    assert notes[FA] == ("de", "b; Title: گزیده‌ی سارا"), notes[FA]
    assert notes[EMPTY] == ("", "Title: waiting for the scan"), notes[EMPTY]
    assert notes[ZH] == ("", ""), notes[ZH]  # the tool's own (Chinese) title: dropped
    # check (and tag) read the pin typed in the Title cell before index, as after.
    after = (_pins(cli, root), _found(_check(cli, root), "lang-mismatch"))
    assert before == after == ({FA: "de"}, {FA: before[1].get(FA, "")}), (before, after)
    assert "INDEX.md says de" in before[1][FA]
    assert_exit(cli("index", root, "--check", "--no-cache"), 0)


def test_a_pin_in_the_tools_own_title_is_not_a_pin(cli, tmp_path):
    # The document's own first line says "lang: de": the tool wrote it in the Title cell, and
    # it is no person's pin, for check before index as for index.
    said = "Notes on the lang: de question, ignore: lang-mismatch"
    root, titles = _indexed(cli, tmp_path, {EN: said + "\n\n" + CLEAN["en"], ZH: CLEAN["zh"]})
    assert "lang: de" in titles[EN]
    _write(root, _unmarked(root))
    before = _check(cli, root)
    assert _pins(cli, root) == {} and not _found(before, "lang-mismatch") and not _found(before, "unused-ignore")
    assert_exit(cli("index", root, "--no-cache"), 0)
    assert _notes(root)[EN] == ("", "")
    after = _check(cli, root)
    assert _pins(cli, root) == {} and not _found(after, "lang-mismatch") and not _found(after, "unused-ignore")


def test_an_ignore_typed_in_a_title_cell_accepts_before_and_after_index(cli, tmp_path):
    root, titles = _indexed(cli, tmp_path, dict(TEXTS))
    text = _edit(_unmarked(root), ZH, Title="公园 (lang: ja, ignore: lang-mismatch)")
    _write(root, text)
    before = _check(cli, root)
    assert _pins(cli, root) == {ZH: "ja"}
    assert not _found(before, "lang-mismatch") and not _found(before, "unused-ignore"), before
    assert_exit(cli("index", root, "--no-cache"), 0)
    assert _notes(root)[ZH] == ("ja", "Title: 公园 (ignore: lang-mismatch)"), _notes(root)[ZH]
    after = _check(cli, root)
    assert _pins(cli, root) == {ZH: "ja"}
    assert not _found(after, "lang-mismatch") and not _found(after, "unused-ignore"), after


def test_every_title_column_is_read(cli, tmp_path):
    # Two Title columns: the tool writes one, so the second is a column a person added, all of
    # it theirs (a copy of the title too); check reads the same pin as index writes (the first
    # `lang:` in column order, after Notes).
    root, titles = _indexed(cli, tmp_path, dict(TEXTS))
    text = _with_columns(_unmarked(root), "Title")
    text = _edit(text, EN, Added="lang: de")  # the first Title cell is the tool's
    text = _edit(text, FA, Title="Sara's (lang: ar)", Added=titles[FA])
    text = _edit(text, ZH, Title="first (lang: ja)", Added="second (lang: ko)")
    _write(root, text)
    before = _pins(cli, root)
    assert before == {EN: "de", FA: "ar", ZH: "ja"}, before
    assert_exit(cli("index", root, "--no-cache"), 0)
    notes = _notes(root)
    assert {f: p for f, (p, _) in notes.items() if p} == before
    fa_title = titles[FA]  # Persian: nothing the writer escapes
    assert notes[EN][1] == "" and notes[FA][1] == f"Title: Sara's; Title: {fa_title}", notes
    assert notes[ZH][1] == "Title: first; Title: second (lang: ko)", notes[ZH]
    assert _pins(cli, root) == before
    assert_exit(cli("index", root, "--check", "--no-cache"), 0)


def test_dedup_apply_keeps_a_title_a_person_typed_and_restore_puts_it_back(cli, tmp_path):
    # Two byte copies listed in a table shaped like ours under another heading, outside the
    # markers: one Title cell a person's (with a pin), one the tool's. dedup --apply moves both
    # out; what it keeps for restore is what index would have carried, and check agreed on the pin.
    kept, copy, twin = doc_name(10, "kept"), doc_name(11, "copy"), doc_name(12, "twin")
    text_en = doc("en", [0, 1, 2, 3])
    root, titles = _indexed(cli, tmp_path, {kept: text_en, copy: text_en, twin: text_en, FA: CLEAN["fa"]})
    assert titles[copy] == titles[twin]
    lines = (root / "INDEX.md").read_text(encoding="utf-8").split("\n")
    header = [ln for ln in lines if ln.startswith("| File |") or ln.startswith("| ---")]
    moved = [ln for ln in lines if _is_row_of(ln, copy) or _is_row_of(ln, twin)]
    text = "\n".join(ln for ln in lines if ln not in moved) + "\n## Copies\n\n" + "\n".join([*header, *moved]) + "\n"
    text = _edit(text, copy, Title=f"{titles[copy]}, Sara's (lang: de)", Notes="from the 1998 archive")
    _write(root, text)
    assert _pins(cli, root) == {copy: "de"}
    assert "INDEX.md says de" in _found(_check(cli, root), "lang-mismatch")[copy]

    assert_exit(cli("dedup", root, "--apply", "--no-cache"), 0)
    assert copy not in (root / "INDEX.md").read_text(encoding="utf-8")
    for name in (copy, twin):
        assert_exit(cli("restore", name, "--seeds", root), 0)
    assert_exit(cli("index", root, "--no-cache"), 0)
    # Back under their heading, where they were: index adopts them into a table of that section.
    notes = _notes(root, after="## Copies")
    assert set(notes) == {copy, twin}, notes
    shown_title = html.unescape(titles[copy].replace("\\", ""))
    assert notes[copy] == ("de", f"from the 1998 archive; Title: {shown_title}, Sara's"), notes[copy]
    assert notes[twin] == ("", ""), notes[twin]


def test_a_title_escaped_or_guarded_as_the_table_writes_it_is_the_tools(cli, tmp_path):
    # Titles the writer escapes (`*`, `|`, `_`) or guards (a title that is a file name, whose
    # dots it writes `&#46;`): the tool's own cells all the same, dropped.
    starred, named = doc_name(20, "star"), doc_name(21, "name")
    files = {
        starred: "Stars *and* pipes | and _under_ [x](y)\n\n" + CLEAN["en"],
        named: "notes.txt\n\n" + CLEAN["en"].replace("library", "museum"),
    }
    root, titles = _indexed(cli, tmp_path, files)
    assert "\\|" in titles[starred] and "&#46;" in titles[named], titles
    _write(root, _unmarked(root))
    assert_exit(cli("index", root, "--no-cache"), 0)
    notes = _notes(root)
    assert notes[starred] == ("", "") and notes[named] == ("", ""), notes
    assert_exit(cli("index", root, "--check", "--no-cache"), 0)


@pytest.mark.parametrize("managed", [False, True])
def test_a_second_notes_or_pinned_column_is_a_persons(cli, tmp_path, managed):
    # The tool writes each column once: a second Notes or Pinned column, inside the markers or
    # out, is one a person added. Its words were dropped (only the first of a name was read).
    root, titles = _indexed(cli, tmp_path, dict(TEXTS))
    text = (root / "INDEX.md").read_text(encoding="utf-8") if managed else _unmarked(root)
    text = _with_columns(text, "Notes", "Pinned")
    text = _edit(text, EN, Notes="first", Added="second note")
    parts = [ln for ln in text.split("\n") if _is_row_of(ln, FA)][0]
    text = text.replace(parts, _row_line([*_cells(parts)[:-1], "de"]))  # the second Pinned cell
    _write(root, text)
    before = _pins(cli, root)
    assert_exit(cli("index", root, "--no-cache"), 0)
    notes = _notes(root)
    assert notes[EN] == ("", "first; Notes: second note"), notes[EN]
    assert notes[FA] == ("", "Pinned: de"), notes[FA]  # kept, and no pin: the first Pinned column is
    assert before == _pins(cli, root) == {}
    assert_exit(cli("index", root, "--check", "--no-cache"), 0)
