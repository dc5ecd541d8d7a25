"""`seedkeeper index` end to end: adopting a hand-written INDEX.md, the managed table, --check and
--diff, idempotence, people's edits to Pinned/Notes (kept across `dedup --apply` and `restore`),
an INDEX.md that is a symlink, and racing runs.

The INDEX.md written by the tool is read back with two small helpers of our own (`managed_rows`,
`split_cells`) rather than with seedkeeper's parser, so that a parser bug cannot hide a writer bug.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dedup_fixtures import doc
from helpers import assert_exit, doc_name, index_for, make_seeds, snapshot
from multilingual import CLEAN

pytestmark = pytest.mark.usefixtures("isolated_env")

BEGIN, END = "<!-- seedkeeper:index:begin -->", "<!-- seedkeeper:index:end -->"
COLUMNS = ["File", "Language", "Pinned", "Chars", "Words", "SHA-256", "Status", "Title", "Notes"]

FA, AR, ZH, EN = doc_name(0, "fa"), doc_name(1, "ar"), doc_name(2, "zh"), doc_name(3, "en")
EN_COPY = doc_name(4, "en-copy")
TEXTS = {FA: CLEAN["fa"], AR: CLEAN["ar"], ZH: CLEAN["zh"], EN: CLEAN["en"], EN_COPY: CLEAN["en"]}
NOTES = {
    FA: "Persian news (lang: fa)",
    AR: "Arabic market story",
    ZH: "Chinese park walk, 2024",
    EN: "English *library* notes",
}

# The lines of the hand-written INDEX.md that are not list items: each must survive byte for byte.
PROSE_TOP = [
    "# Our seed corpus",
    "",
    "Please read [CONTRIBUTING.md](CONTRIBUTING.md) before adding a text, and see",
    "[the project site](https://example.org/seeds) for the guidelines.  ",
    "",
]
PROSE_BOTTOM = [
    "",
    "## Sources",
    "",
    "All texts were written for this project; none is copied from the web.",
    "Ask on the [forum](https://example.org/forum) about licensing.",
]
HAND_ITEMS = [
    f"- {FA} — {NOTES[FA]}",
    f"- [{AR}]({AR}) — {NOTES[AR]}",
    f"- ./{ZH} — {NOTES[ZH]}",
    f"- {EN} — {NOTES[EN]}",
    f"- {EN_COPY}",
]
HAND_INDEX = "\n".join(PROSE_TOP + HAND_ITEMS + PROSE_BOTTOM) + "\n"


@pytest.fixture
def hand(tmp_path) -> Path:
    return make_seeds(tmp_path, TEXTS, index=HAND_INDEX)


def split_cells(line: str) -> list[str]:
    """A GFM table row -> its raw cells (split on pipes not escaped with a backslash)."""
    inner = line.strip()
    assert inner.startswith("|") and inner.endswith("|"), line
    return [c.strip() for c in re.split(r"(?<!\\)\|", inner[1:-1])]


def shown(cell: str) -> str:
    """What a renderer shows for a plain-text cell: backslash escapes and entities resolved."""
    return html.unescape(re.sub(r"\\(.)", r"\1", cell))


def managed_rows(text: str) -> dict[str, dict[str, str]]:
    """The managed table's rows by file name (from the File cell's link target)."""
    assert text.count(BEGIN) == 1 and text.count(END) == 1, text
    block = text[text.index(BEGIN) : text.index(END)]
    lines = [ln for ln in block.splitlines() if ln.startswith("|")]
    assert split_cells(lines[0]) == COLUMNS
    assert set(split_cells(lines[1])) <= {"---", "---:", ":---", ":---:"}
    rows = {}
    for ln in lines[2:]:
        cells = dict(zip(COLUMNS, split_cells(ln)))
        m = re.fullmatch(r"\[[^\]]*\]\(([^)]*)\)", cells["File"])
        assert m, ln
        assert m.group(1) not in rows, f"two rows for {m.group(1)}"
        rows[m.group(1)] = cells
    return rows


def read(root: Path) -> str:
    return (root / "INDEX.md").read_text(encoding="utf-8")


# ---------------------------------------------------------------- adopting a hand-written INDEX.md


def test_adopting_keeps_every_prose_line_in_order(cli, hand):
    r = cli("index", hand)
    assert r.exit_code == 0, r.output
    out = read(hand).split("\n")
    # Every non-list line of the original is still there, byte for byte, in the same order.
    pos = 0
    for line in [ln for ln in PROSE_TOP + PROSE_BOTTOM if ln.strip()]:
        assert line in out[pos:], f"lost or moved: {line!r}"
        pos = out.index(line, pos) + 1
    # The trailing section stays after the managed table, the heading before it.
    text = "\n".join(out)
    assert text.index(PROSE_TOP[0]) < text.index(BEGIN) < text.index(END) < text.index("## Sources")
    # The hand-written list lines were adopted (they are gone as list items).
    for item in HAND_ITEMS:
        assert item not in out
    assert text.endswith(END + "\n" + "\n".join(PROSE_BOTTOM) + "\n")


def test_adopting_carries_notes_and_pins(cli, hand):
    assert cli("index", hand).exit_code == 0
    rows = managed_rows(read(hand))
    assert list(rows) == [FA, AR, ZH, EN, EN_COPY]  # INDEX.md order
    for name, note in NOTES.items():
        # A person's Markdown, kept as written; the `(lang: fa)` moved to Pinned.
        assert rows[name]["Notes"] == note.replace(" (lang: fa)", ""), name
    assert rows[EN_COPY]["Notes"] == ""
    assert rows[FA]["Pinned"] == "fa"
    assert all(rows[n]["Pinned"] == "" for n in (AR, ZH, EN, EN_COPY))


def test_row_per_document_with_computed_columns(cli, hand):
    assert cli("index", hand).exit_code == 0
    rows = managed_rows(read(hand))
    expected_lang = {FA: "fa", AR: "ar", ZH: "zh-Hans", EN: "en", EN_COPY: "en"}
    for name, text in TEXTS.items():
        row = rows[name]
        assert shown(row["File"]) == f"[{name}]({name})"
        assert row["Language"] == expected_lang[name]
        assert int(row["Chars"]) == len(text)
        assert row["SHA-256"] == hashlib.sha256(text.encode()).hexdigest()[: len(row["SHA-256"])]
        assert 8 <= len(row["SHA-256"]) < 64
        title = shown(row["Title"])
        first_line = text.splitlines()[0]
        assert title == first_line or (title.endswith("…") and first_line.startswith(title[:-1].rstrip()))
    assert int(rows[EN]["Words"]) == len(CLEAN["en"].split())
    assert int(rows[FA]["Words"]) > 10 and int(rows[ZH]["Words"]) > 10
    assert {rows[n]["Status"] for n in (FA, AR, ZH, EN)} == {"ok"}
    assert shown(rows[EN_COPY]["Status"]) == f"duplicate of {EN} (exact)"
    assert "&#46;" not in rows[EN_COPY]["Status"]  # reads as plain text in the raw file too


def test_index_twice_is_byte_identical_and_does_not_touch_the_file(cli, hand):
    r1 = cli("index", hand)
    assert r1.exit_code == 0 and "written" in r1.stdout
    first = (hand / "INDEX.md").read_bytes()
    past = time.time_ns() - 10**9  # an mtime in the past: any rewrite would move it
    os.utime(hand / "INDEX.md", ns=(past, past))
    before = snapshot(hand)
    r2 = cli("index", hand)
    assert r2.exit_code == 0, r2.output
    assert "unchanged" in r2.stdout
    assert (hand / "INDEX.md").read_bytes() == first
    assert snapshot(hand) == before  # mtime included: not rewritten, nothing else created


def test_no_cache_is_written_into_the_seeds_folder(cli, hand, tmp_path):
    cache = tmp_path / "mycache"
    assert cli("index", hand, "--cache-dir", cache).exit_code == 0
    assert cache.is_dir() and any(cache.iterdir())
    assert sorted(p.name for p in hand.iterdir()) == sorted([*TEXTS, "INDEX.md"])


# ---------------------------------------------------------------- --check and --diff


def test_check_is_0_after_index_and_1_after_a_content_change(cli, hand):
    assert cli("index", hand).exit_code == 0
    r = cli("index", hand, "--check")
    assert r.exit_code == 0, r.output
    (hand / AR).write_text(CLEAN["ar"] + "وأضفنا سطرا جديدا في النهاية.\n", encoding="utf-8")
    before = snapshot(hand)
    r = cli("index", hand, "--check")
    assert_exit(r, 1)
    assert snapshot(hand) == before


def test_check_is_1_when_a_new_document_appears(cli, hand):
    assert cli("index", hand).exit_code == 0
    new = doc_name(7, "de")
    (hand / new).write_text(CLEAN["de"], encoding="utf-8")
    before = snapshot(hand)
    r = cli("index", hand, "--check")
    assert_exit(r, 1)
    assert snapshot(hand) == before
    # ... and `index` then lists it, after the others.
    assert cli("index", hand).exit_code == 0
    rows = managed_rows(read(hand))
    assert list(rows)[-1] == new and rows[new]["Language"] == "de"
    assert cli("index", hand, "--check").exit_code == 0


def test_check_on_hand_written_index_writes_nothing(cli, hand):
    before = snapshot(hand)
    r = cli("index", hand, "--check")
    assert_exit(r, 1)
    assert snapshot(hand) == before


def test_diff_prints_a_unified_diff_and_writes_nothing(cli, hand, tmp_path):
    before = snapshot(hand)
    old = read(hand)
    r = cli("index", hand, "--diff")
    assert r.exit_code == 0, r.output
    assert snapshot(hand) == before
    out = r.stdout
    assert out.startswith("--- a/INDEX.md\n+++ b/INDEX.md\n"), out[:200]
    assert re.search(r"^@@ -\d+(,\d+)? \+\d+(,\d+)? @@", out, re.M)
    assert f"-{HAND_ITEMS[0]}\n" in out and f"+{BEGIN}\n" in out
    # The diff is the real one: applying it to the old text gives what `index` then writes.
    new_lines, old_lines = [], old.splitlines(keepends=True)
    i = 0
    for hunk in re.split(r"^(?=@@ )", out, flags=re.M)[1:]:
        head, *body = hunk.splitlines(keepends=True)
        start = int(re.match(r"@@ -(\d+)", head).group(1)) - 1
        start = max(start, 0) if "-0,0" not in head else 0
        new_lines += old_lines[i:start]
        i = start
        for ln in body:
            if ln.startswith(" "):
                new_lines.append(ln[1:])
                i += 1
            elif ln.startswith("-"):
                i += 1
            elif ln.startswith("+"):
                new_lines.append(ln[1:])
    new_lines += old_lines[i:]
    assert cli("index", hand).exit_code == 0
    assert "".join(new_lines) == read(hand)


def test_diff_is_empty_when_up_to_date(cli, hand):
    assert cli("index", hand).exit_code == 0
    r = cli("index", hand, "--diff")
    assert r.exit_code == 0 and r.stdout == ""


def test_json_output_of_check(cli, hand):
    import json

    r = cli("index", hand, "--check", "--format", "json")
    assert_exit(r, 1)
    data = json.loads(r.stdout)
    assert data["changed"] is True and data["written"] is False and "+" + BEGIN in data["diff"]


# ---------------------------------------------------------------- the managed table, edited by people


def _edit_row(text: str, name: str, **cells: str) -> str:
    out = []
    for ln in text.split("\n"):
        if ln.startswith("|") and f"]({name})" in split_cells(ln)[0]:
            parts = split_cells(ln)
            for col, value in cells.items():
                parts[COLUMNS.index(col)] = value
            ln = "| " + " | ".join(parts) + " |"
        out.append(ln)
    return "\n".join(out)


def test_people_edit_notes_and_pinned_and_index_keeps_them(cli, hand):
    assert cli("index", hand).exit_code == 0
    edited = _edit_row(read(hand), AR, Notes="checked by **Layla** — see [issue 4](https://example.org/4)", Pinned="ar")
    edited = _edit_row(edited, FA, Notes="")  # a person clears a note
    edited = _edit_row(edited, ZH, Pinned="zh-Hans", Notes="a \\| pipe")
    (hand / "INDEX.md").write_text(edited, encoding="utf-8")
    assert cli("index", hand).exit_code == 0
    rows = managed_rows(read(hand))
    assert rows[AR]["Notes"] == "checked by **Layla** — see [issue 4](https://example.org/4)"
    assert rows[AR]["Pinned"] == "ar"
    assert rows[FA]["Notes"] == "" and rows[FA]["Pinned"] == "fa"
    assert rows[ZH]["Pinned"] == "zh-Hans" and rows[ZH]["Notes"] == "a \\| pipe"
    assert read(hand) == edited  # nothing else needed changing
    assert cli("index", hand, "--check").exit_code == 0


def test_index_repairs_stale_computed_cells_but_keeps_notes(cli, hand):
    # Values the tool may have written once (a status, a tag, the counts of a text whose hash
    # the row no longer holds) are its own, stale: written again, nothing carried into Notes.
    assert cli("index", hand).exit_code == 0
    good = read(hand)
    stale = {"SHA-256": "0123456789ab", "Chars": "1", "Words": "1", "Status": "duplicate of x.txt (exact)"}
    tampered = _edit_row(good, EN, Language="de", Title="An older first line", **stale)
    assert tampered != good
    (hand / "INDEX.md").write_text(tampered, encoding="utf-8")
    assert_exit(cli("index", hand, "--check"), 1)
    assert cli("index", hand).exit_code == 0
    assert read(hand) == good


def test_index_keeps_words_typed_in_computed_cells(cli, hand):
    # What no version of the tool writes there ("ok?", "xx"), and a count changed while the row's
    # hash is still its text's, are a person's: carried into Notes, labelled, the cells repaired.
    assert cli("index", hand).exit_code == 0
    good = read(hand)
    (hand / "INDEX.md").write_text(_edit_row(good, EN, Chars="1", Status="ok?", Language="xx"), encoding="utf-8")
    assert cli("index", hand).exit_code == 0
    row = next(split_cells(ln) for ln in read(hand).split("\n") if ln.startswith("|") and f"]({EN})" in ln)
    assert row[-1] == "English *library* notes; Language — xx; Chars: 1; Status: ok?", row
    assert read(hand) == _edit_row(good, EN, Notes=row[-1])


def test_pinned_language_disagreeing_with_detection_is_a_lang_mismatch(cli, hand):
    import json

    assert cli("index", hand).exit_code == 0
    (hand / "INDEX.md").write_text(_edit_row(read(hand), EN, Pinned="de"), encoding="utf-8")
    assert cli("index", hand).exit_code == 0  # pinned stays; nothing to do
    text = read(hand)
    row_line = next(i for i, ln in enumerate(text.split("\n"), 1) if ln.startswith("|") and f"]({EN})" in ln)
    r = cli("check", hand, "--format", "json")
    data = json.loads(r.stdout)
    mism = [p for p in data["problems"] if p["code"] == "lang-mismatch"]
    assert len(mism) == 1, data["problems"]
    assert mism[0]["file"] == EN and mism[0]["severity"] == "warning" and mism[0]["line"] == row_line
    assert "de" in mism[0]["message"] and "en" in mism[0]["message"]
    assert {p["code"] for p in data["problems"] if p["severity"] == "error"} == {"exact-duplicate"}  # EN_COPY
    assert cli("check", hand, "--ignore", "exact-duplicate").exit_code == 0  # the mismatch is a warning only
    r = cli("check", hand, "--format", "github")
    assert any(
        ln.startswith("::warning ")
        and "file=" in ln
        and "INDEX.md" in ln.split("::")[1]
        and f"line={row_line}" in ln
        and "title=lang-mismatch" in ln
        for ln in r.stdout.splitlines()
    ), r.stdout


def test_allow_list_reports_lang_not_allowed(cli, hand, tmp_path):
    assert cli("index", hand).exit_code == 0
    (tmp_path / "seedkeeper.toml").write_text('languages = ["fa"]\n', encoding="utf-8")
    import json

    r = cli("check", hand, "--format", "json")
    data = json.loads(r.stdout)
    bad = {p["file"] for p in data["problems"] if p["code"] == "lang-not-allowed"}
    assert {EN, AR, ZH} <= bad and FA not in bad
    assert all(p["severity"] == "warning" for p in data["problems"] if p["code"] == "lang-not-allowed")


def test_a_removed_document_loses_its_row(cli, hand):
    assert cli("index", hand).exit_code == 0
    (hand / ZH).unlink()
    assert cli("index", hand).exit_code == 0
    rows = managed_rows(read(hand))
    assert ZH not in rows and list(rows) == [FA, AR, EN, EN_COPY]


def test_missing_folder_is_exit_2(cli, tmp_path):
    r = cli("index", tmp_path / "nope")
    assert r.exit_code == 2
    assert "nope" in r.stderr


# ---------------------------------------------------------------- notes and pins across dedup --apply and restore

DUP_NOTE = "IMPORTANT: from the 1998 archive"
KEPT, OTHER, COPY = doc_name(1), doc_name(2), doc_name(3)
DUP_TEXT = doc("en", [0, 1, 2, 3])


def _with_a_copy(tmp_path: Path, index=None) -> Path:
    """KEPT, OTHER, and COPY: a byte copy of KEPT that `dedup --apply` moves to the quarantine."""
    return make_seeds(tmp_path, {KEPT: DUP_TEXT, OTHER: doc("fa", [0, 1, 2, 3]), COPY: DUP_TEXT}, index=index)


def test_managed_table_notes_and_pinned_survive_apply_and_restore(cli, tmp_path):
    root = _with_a_copy(tmp_path)
    assert cli("index", root, "--no-cache", "--jobs", "1").exit_code == 0
    (root / "INDEX.md").write_text(_edit_row(read(root), COPY, Pinned="en-GB", Notes=DUP_NOTE), encoding="utf-8")
    row = managed_rows(read(root))[COPY]
    assert (row["Pinned"], row["Notes"]) == ("en-GB", DUP_NOTE)  # the edit itself is what we meant

    r = cli("dedup", root, "--apply", "--no-cache", "--jobs", "1")
    assert r.exit_code == 0, (r.stdout, r.stderr)
    assert not (root / COPY).exists()
    assert COPY not in managed_rows(read(root))

    r = cli("restore", COPY, "--seeds", root)
    assert r.exit_code == 0, (r.stdout, r.stderr)
    assert (root / COPY).read_bytes() == DUP_TEXT.encode()
    r = cli("index", root, "--no-cache", "--jobs", "1")
    assert r.exit_code == 0, (r.stdout, r.stderr)
    rows = managed_rows(read(root))
    assert rows[COPY]["Pinned"] == "en-GB"
    assert rows[COPY]["Notes"] == DUP_NOTE
    assert rows[KEPT]["Notes"] == "" and rows[OTHER]["Pinned"] == ""


def test_hand_list_note_survives_apply_and_restore(cli, tmp_path):
    index = f"# Seeds\n\n- {KEPT}\n- {OTHER}\n- {COPY} — {DUP_NOTE} (lang: en-GB)\n"
    root = _with_a_copy(tmp_path, index=index)

    r = cli("dedup", root, "--apply", "--no-cache", "--jobs", "1")
    assert r.exit_code == 0, (r.stdout, r.stderr)
    assert COPY not in read(root)

    r = cli("restore", COPY, "--seeds", root)
    assert r.exit_code == 0, (r.stdout, r.stderr)
    text = read(root)
    relisted = [ln for ln in text.splitlines() if COPY in ln]
    assert len(relisted) == 1, text
    assert relisted[0].lstrip().startswith(("-", "*")) and relisted[0].split()[1] == COPY
    assert DUP_NOTE in relisted[0] and "lang: en-GB" in relisted[0]

    # And indexing it afterwards carries both into the managed table.
    assert cli("index", root, "--no-cache", "--jobs", "1").exit_code == 0
    row = managed_rows(read(root))[COPY]
    assert row["Pinned"] == "en-GB" and DUP_NOTE in row["Notes"]


def test_adopted_hand_list_note_survives_apply_restore_index(cli, tmp_path):
    index = f"# Seeds\n\n- {KEPT}\n- {OTHER}\n- {COPY} — {DUP_NOTE} (lang: en-GB)\n"
    root = _with_a_copy(tmp_path, index=index)
    assert cli("index", root, "--no-cache", "--jobs", "1").exit_code == 0
    row = managed_rows(read(root))[COPY]
    assert row["Pinned"] == "en-GB" and DUP_NOTE in row["Notes"]

    assert cli("dedup", root, "--apply", "--no-cache", "--jobs", "1").exit_code == 0
    assert cli("restore", COPY, "--seeds", root).exit_code == 0
    assert cli("index", root, "--no-cache", "--jobs", "1").exit_code == 0
    row = managed_rows(read(root))[COPY]
    assert row["Pinned"] == "en-GB" and DUP_NOTE in row["Notes"]


# ---------------------------------------------------------------- INDEX.md a symlink


def test_index_refuses_an_index_symlinked_inside_the_folder(cli, tmp_path):
    """A symlinked INDEX.md is refused even when it points inside the folder: one line on stderr,
    exit 1 (the data must be fixed, as for an unsafe path), nothing written, the link and its
    target unchanged."""
    root = make_seeds(tmp_path, {FA: CLEAN["fa"], EN: CLEAN["en"]})
    real = root / "docs" / "real.md"
    real.parent.mkdir()
    real.write_text(index_for([FA]), encoding="utf-8")
    (root / "INDEX.md").unlink()
    os.symlink("docs/real.md", root / "INDEX.md")
    before = snapshot(root)
    r = cli("index", root, "--no-cache", "--jobs", "1")
    assert r.exit_code == 1, (r.stdout, r.stderr)
    msg = r.stderr.strip()
    assert msg and "\n" not in msg and "Traceback" not in msg and "INDEX.md" in msg
    assert snapshot(root) == before
    assert os.path.islink(root / "INDEX.md") and real.read_text(encoding="utf-8") == index_for([FA])


# ---------------------------------------------------------------- racing runs


def test_concurrent_index_runs_end_with_a_single_runs_output(tmp_path):
    files = {
        doc_name(i, f"race{i}"): CLEAN[lang] + f"Entry {i}.\n"
        for i, lang in enumerate(["fa", "ar", "zh", "en", "fr", "de", "ru", "hi", "el", "tr"])
    }
    items = [f"- {n} — note {i}" + (" (lang: fa)" if i == 0 else "") for i, n in enumerate(files)]
    index = "# Race\n\nIntro with a [link](https://example.org).\n\n" + "\n".join(items) + "\n\n## End\n\nBye.\n"
    racing = make_seeds(tmp_path, files, index=index, folder="racing")
    single = make_seeds(tmp_path, files, index=index, folder="single")
    env = {**os.environ, "SEEDKEEPER_CACHE_DIR": str(tmp_path / "cache")}
    cmd = [sys.executable, "-m", "seedkeeper", "index", "--no-cache", "--jobs", "1"]
    procs = [
        subprocess.Popen([*cmd, str(racing)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)
    ]
    ref = subprocess.run([*cmd, str(single)], env=env, capture_output=True, timeout=60)
    assert ref.returncode == 0, ref.stderr
    for p in procs:
        out, err = p.communicate(timeout=60)
        assert p.returncode == 0, err.decode()
    assert (racing / "INDEX.md").read_bytes() == (single / "INDEX.md").read_bytes()
    assert sorted(p.name for p in racing.iterdir()) == sorted([*files, "INDEX.md"])  # no temp or lock file left
    rows = managed_rows(read(racing))
    assert list(rows) == list(files)
    assert [rows[n]["Notes"] for n in files] == [
        f"note {i}"
        for i in range(len(files))  # note 0's `(lang: fa)` went to Pinned
    ]


# ---------------------------------------------------------------- bugs found while writing these tests


def test_note_linking_another_document_survives_index_and_check(cli, tmp_path):
    import json

    a, b = doc_name(1, "a"), doc_name(2, "b")
    root = make_seeds(
        tmp_path,
        {a: CLEAN["en"], b: CLEAN["fr"]},
        index=f"# T\n\n- {a} — translation of [the French text]({b})\n- {b}\n",
    )
    assert cli("index", root).exit_code == 0
    rows = managed_rows(read(root))
    assert list(rows) == [a, b]
    assert rows[a]["Notes"] == f"translation of [the French text]({b})"  # the note is kept as written
    r = cli("check", root, "--format", "json")
    assert json.loads(r.stdout)["problems"] == []
    assert r.exit_code == 0


def test_index_check_github_annotation_path_is_relative_to_the_repository(cli, hand, tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    r = cli("index", hand, "--check", "--format", "github")
    assert_exit(r, 1)
    assert "::error file=seeds/INDEX.md," in r.stdout, r.stdout
    ref = cli("check", hand, "--format", "github").stdout
    assert "::error file=seeds/INDEX.md," in ref  # what check says about the same finding


def test_index_check_github_annotation_takes_the_configured_severity(cli, hand, tmp_path):
    # `severity = { index-outdated = "warning" }`: check annotated ::warning, index --check ::error.
    (tmp_path / "seedkeeper.toml").write_text('severity = { index-outdated = "warning" }\n', encoding="utf-8")
    r = cli("index", hand, "--check", "--format", "github")
    assert_exit(r, 1)  # --check fails on any change, whatever the severity
    assert r.stdout.startswith("::warning file=seeds/INDEX.md,"), r.stdout
    ref = cli("check", hand, "--format", "github").stdout
    assert "::warning file=seeds/INDEX.md,title=index-outdated" in ref  # as check says it


@pytest.mark.parametrize("command", ["index", "add", "dedup --apply", "restore", "rename"])
def test_an_index_that_is_not_utf8_stops_every_writer_with_exit_1(cli, tmp_path, command):
    # The data must be fixed (as for an unsafe path): exit 1 from each command that would rewrite
    # it, with something to do (a duplicate to move, a name to fix, a document to put back).
    root = make_seeds(tmp_path, {FA: CLEAN["fa"], EN: CLEAN["en"], "copy of en.txt": CLEAN["en"]})
    if command == "restore":
        assert cli("dedup", root, "--apply").exit_code == 0
    (root / "INDEX.md").write_bytes(b"# S\n\n- \xff\n")
    before = snapshot(root)
    new = tmp_path / "new.txt"
    new.write_text(CLEAN["ar"], encoding="utf-8")
    args = {
        "index": ["index", root],
        "add": ["add", new, "--seeds", root],
        "dedup --apply": ["dedup", root, "--apply"],
        "restore": ["restore", "copy of en.txt", "--seeds", root],
        "rename": ["rename", root],
    }[command]
    r = cli(*args)
    assert r.exit_code == 1, (command, r.stdout, r.stderr)
    assert "UTF-8" in r.stderr and "Traceback" not in r.stderr
    assert snapshot(root) == before


@pytest.mark.parametrize("fmt", ["concise", "github"])
def test_an_up_to_date_check_prints_no_finding_in_concise_and_github(tmp_path, fmt):
    from typer.testing import CliRunner

    from seedkeeper.shell.app import app

    name = doc_name(0)
    seeds = make_seeds(tmp_path, {name: CLEAN["en"]}, f"# S\n\n- {name}\n")
    runner = CliRunner()
    assert runner.invoke(app, ["index", str(seeds)]).exit_code == 0
    r = runner.invoke(app, ["index", str(seeds), "--check", "--format", fmt])
    assert r.exit_code == 0 and r.stdout == "" and "up to date" in r.stderr


def test_index_keeps_a_persons_words_in_a_hand_tables_status_column(cli, tmp_path):
    # The Status column of a hand-written table is one `index` computes again; a person's words
    # there ("waiting on the author's permission") were dropped with it. They go to Notes now,
    # once: a second `index` writes the same bytes and `index --check` says up to date.
    index = (
        "# Seeds\n\n| File | Status | Source |\n| --- | --- | --- |\n"
        f"| {EN} | waiting on the author's permission | BBC |\n| {FA} | ok | Reuters |\n"
    )
    root = make_seeds(tmp_path, {EN: TEXTS[EN], FA: TEXTS[FA]}, index)
    assert_exit(cli("index", root), 0)
    once = read(root)
    rows = managed_rows(once)
    assert rows[EN]["Notes"] == "Status: waiting on the author's permission; Source: BBC", rows[EN]
    assert rows[FA]["Notes"] == "Source: Reuters", rows[FA]
    assert_exit(cli("index", root), 0)
    assert read(root) == once
    r = cli("index", root, "--check")
    assert_exit(r, 0)
    assert "up to date" in r.stdout + r.stderr


def test_index_keeps_a_status_sentence_that_only_looks_like_the_tools(cli, tmp_path):
    # "duplicate of the BBC text, see notes.txt" starts and ends like a status index writes
    # ("duplicate of NAME"), but names no one file: it is a person's sentence, kept in Notes.
    said = "duplicate of the BBC text, see notes.txt"
    index = f"# Seeds\n\n| File | Status |\n| --- | --- |\n| {EN} | {said} |\n"
    root = make_seeds(tmp_path, {EN: TEXTS[EN]}, index)
    assert_exit(cli("index", root), 0)
    once = read(root)
    assert shown(managed_rows(once)[EN]["Notes"]) == f"Status: {said}", managed_rows(once)[EN]
    assert_exit(cli("index", root, "--check"), 0)


def test_index_moves_a_pin_typed_in_a_hand_tables_status_cell_without_leaving_its_label(cli, tmp_path):
    # `lang: fa` typed in a hand table's Status cell is the pin: it goes to Pinned, and Notes
    # gets no bare `Status:` label (nor `Owner:` for another column that held only the pin).
    index = (
        "# Seeds\n\n| File | Status | Owner | Notes |\n| --- | --- | --- | --- |\n"
        f"| {FA} | lang: fa | Sara | Persian news |\n| {EN} | ok | lang: en | |\n"
    )
    root = make_seeds(tmp_path, {FA: TEXTS[FA], EN: TEXTS[EN]}, index)
    assert_exit(cli("index", root), 0)
    once = read(root)
    rows = managed_rows(once)
    assert (rows[FA]["Pinned"], rows[FA]["Notes"]) == ("fa", "Owner: Sara; Persian news"), rows[FA]
    assert (rows[EN]["Pinned"], rows[EN]["Notes"]) == ("en", ""), rows[EN]
    assert_exit(cli("index", root, "--check"), 0)
    assert read(root) == once


@pytest.mark.parametrize(
    ("item", "note"),
    [
        ("BBC archive, original: lang: fa", "BBC archive, original:"),
        ("kept for the 2019 release, checked by: lang: fa", "kept for the 2019 release, checked by:"),
        ("a; b: lang: fa; c", "a; b: ; c"),
        # A label typed before the pin is a person's word, even one of our column headers.
        ("Language: lang: fa; Source: x", "Language: ; Source: x"),
        ("— Status: lang: fa", "Status:"),
        ("— Status: lang: fa; from BBC", "Status: ; from BBC"),
        ("— Title: lang: fa", "Title:"),
        ("— Notes: (lang: fa)", "Notes:"),
        ("— Pinned: lang: fa", "Pinned:"),
        ("— Words: lang: fa", "Words:"),
    ],
)
def test_a_pin_moved_to_pinned_takes_no_words_of_the_note_with_it(cli, tmp_path, item, note):
    # A person's words before a `lang:` ending in a colon were taken for a bare label the pin
    # was all of, and deleted with it: the Notes cell came out empty (review of this session).
    # A label typed before it ("Status: lang: fa") was taken for one the tool had carried, and
    # deleted with the pin: the word "Status" a person wrote was lost.
    root = make_seeds(tmp_path, {FA: TEXTS[FA]}, index=f"# S\n\n- {FA} {item}\n")
    assert_exit(cli("index", root), 0)
    row = managed_rows(read(root))[FA]
    assert (row["Pinned"], html.unescape(row["Notes"])) == ("fa", note), row
    assert_exit(cli("index", root, "--check"), 0)  # and it stays on the next run


def test_a_persons_words_in_the_language_column_of_a_table_that_lost_its_markers_are_kept(cli, tmp_path):
    # A table shaped like ours outside the markers: its Language column is the tool's (a tag),
    # but words there were dropped with it (second review, finding 2).
    index = (
        "# S\n\n| File | Language | Pinned | Notes |\n| --- | --- | --- | --- |\n"
        f"| {EN} | English (checked by Sara) |  | x |\n| {FA} | fa |  | y |\n"
        f"| {ZH} | TBD |  | z |\n| {AR} | mix |  | w |\n"
    )
    root = make_seeds(tmp_path, {EN: TEXTS[EN], FA: TEXTS[FA], ZH: TEXTS[ZH], AR: TEXTS[AR]}, index=index)
    assert_exit(cli("index", root), 0)
    rows = managed_rows(read(root))
    assert html.unescape(rows[EN]["Notes"]) == "x; Language: English (checked by Sara)", rows[EN]
    assert html.unescape(rows[FA]["Notes"]) == "y", rows[FA]  # the tool's own tag
    # Short words are a person's too ("TBD" and "mix" have a tag's shape, and are even registered).
    assert (html.unescape(rows[ZH]["Notes"]), html.unescape(rows[AR]["Notes"])) == (
        "z; Language — TBD",
        "w; Language — mix",
    )
    assert_exit(cli("index", root, "--check"), 0)
